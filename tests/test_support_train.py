"""A tiny training run of every support model, on a slice of the real corpora."""

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathia.cli import app
from empathia.support.empathy import EmpathyModel
from empathia.support.predictor import NextStrategyPredictor
from empathia.support.tagger import StrategyTagger

DATASETS = Path(os.environ.get("EMPATHIA_DATASETS",
                               Path(__file__).parents[1].parent / "shared" / "datasets"))
runner = CliRunner()


@pytest.mark.skipif(not (DATASETS / "esconv" / "train.jsonl").is_file(),
                    reason="ESConv not found at ../shared/datasets/esconv")
def test_tiny_strategy_training(tmp_path):
    res = runner.invoke(app, ["train", "strategy", "--data", str(DATASETS / "esconv"),
                              "--out", str(tmp_path), "--limit", "12"])
    assert res.exit_code == 0, res.output
    for name in ("strategy_tagger", "strategy_predictor"):
        folder = tmp_path / name
        assert (folder / "MODEL_CARD.md").is_file()
        meta = json.loads((folder / "meta.json").read_text())
        assert meta["valid"]["n"] > 0 and 0 <= meta["valid"]["accuracy"] <= 1
    assert StrategyTagger.load(tmp_path / "strategy_tagger").labels[0] == "question"
    assert len(NextStrategyPredictor.load(tmp_path / "strategy_predictor").labels) == 8


@pytest.mark.skipif(not (DATASETS / "epitome" / "explorations.train.csv").is_file(),
                    reason="EPITOME not found at ../shared/datasets/epitome")
def test_tiny_empathy_training(tmp_path):
    res = runner.invoke(app, ["train", "empathy", "--data", str(DATASETS / "epitome"),
                              "--out", str(tmp_path), "--limit", "80"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "MODEL_CARD.md").is_file()
    meta = json.loads((tmp_path / "meta.json").read_text())
    assert set(meta["valid"]) == {"emotional_reactions", "interpretations", "explorations"}
    model = EmpathyModel.load(tmp_path)
    assert set(model.levels) == set(meta["valid"])


@pytest.mark.slow
@pytest.mark.skipif(not (DATASETS / "esconv" / "train.jsonl").is_file(),
                    reason="ESConv not found at ../shared/datasets/esconv")
def test_tiny_tagger_finetune_is_loaded_and_used(tmp_path):
    res = runner.invoke(app, ["train", "strategy-tagger", "--data", str(DATASETS / "esconv"),
                              "--out", str(tmp_path), "--limit", "6", "--finetune", "1",
                              "--max-steps", "2"])
    assert res.exit_code == 0, res.output
    assert (tmp_path / "finetuned" / "adapter" / "adapter_config.json").is_file()
    tagger = StrategyTagger.load(tmp_path)
    assert tagger.finetuned is not None
