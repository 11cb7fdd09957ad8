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


@pytest.mark.slow
def test_saved_head_gives_the_training_model_logits(tmp_path):
    """The embedding scale used in training is folded into the saved weight, so the runtime's
    plain linear head over the unit-length embedding reproduces the trained model exactly."""
    import numpy as np
    import torch

    from empathia.config import Settings
    from empathia.perceive.emotion import EmotionHead
    from empathia.train.finetune import FinetuneConfig, finetune, save_adapter

    texts = ["I am so happy for you", "This makes me furious", "I miss her every day",
             "What a lovely surprise", "I'm scared of tomorrow", "ok"] * 3
    targets = np.zeros((len(texts), 28), np.float32)
    targets[np.arange(len(texts)), np.arange(len(texts)) % 28] = 1
    cfg = FinetuneConfig(max_steps=2, batch_size=6)
    tok, model = finetune(Settings().encoder_path(), texts, targets, cfg, log=lambda _: None)
    save_adapter(model, tmp_path)
    (tmp_path / "meta.json").write_text(json.dumps(
        {"labels": list(__import__("empathia.data.goemotions", fromlist=["LABELS"]).LABELS),
         "thresholds": [0.5] * 28}))
    head = EmotionHead.load(tmp_path)
    enc = tok(texts[:6], padding=True, return_tensors="pt")
    with torch.no_grad():
        expected = model(enc["input_ids"], enc["attention_mask"]).numpy()
        emb = model.embed(enc["input_ids"], enc["attention_mask"]).numpy()
    assert model.scale > 1
    np.testing.assert_allclose(head.logits(emb), expected, rtol=1e-4, atol=1e-4)
