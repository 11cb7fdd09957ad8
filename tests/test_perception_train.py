"""A tiny real training run on a slice of GoEmotions, loaded back by the Perceiver."""

import json

import pytest
from typer.testing import CliRunner

from empathia.cli import app


@pytest.mark.slow
def test_tiny_emotion_training_run(datasets_dir, tmp_path, monkeypatch):
    src = datasets_dir / "goemotions"
    data = tmp_path / "goemotions"
    data.mkdir()
    for name, n in (("train.tsv", 160), ("dev.tsv", 40)):
        lines = (src / name).read_text(encoding="utf-8").splitlines()[:n]
        (data / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "models" / "emotion"
    res = CliRunner().invoke(app, ["train", "emotion", "--data", str(data), "--out", str(out),
                                   "--max-steps", "3"])
    assert res.exit_code == 0, res.output
    meta = json.loads((out / "meta.json").read_text())
    assert len(meta["thresholds"]) == 28 and meta["dev"]["n"] == 40
    assert (out / "adapter" / "adapter_config.json").is_file()
    assert "GoEmotions" in (out / "MODEL_CARD.md").read_text()

    from empathia.config import Settings
    from empathia.perceive.perceiver import Perceiver

    monkeypatch.setenv("EMPATHIA_MODELS", str(tmp_path / "models"))
    p = Perceiver(Settings()).analyze("I can't believe I passed!")
    assert len(p.emotions) == 28
