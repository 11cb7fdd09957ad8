"""Shared fixtures: the corpora folder (skip when absent) and one Perceiver per session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"

# CLI messages naming a temp path must not wrap mid-phrase: Rich wraps at the terminal width,
# and pytest's temp paths grow with every run on a machine.
os.environ["COLUMNS"] = "240"


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"research corpora not found at {DATASETS} (they live beside the repo)")
    return DATASETS


EMOTION_MODEL = Path(__file__).resolve().parents[1] / "src" / "empathia" / "models" / "emotion"


def pytest_collection_modifyitems(config, items):
    """Tests that need the shipped emotion model skip, saying why, until it is trained."""
    if (EMOTION_MODEL / "head.npz").is_file():
        return
    skip = pytest.mark.skip(reason="emotion model not shipped yet: run `empathia train emotion`")
    for item in items:
        if item.fspath.basename in NEEDS_MODELS:
            item.add_marker(skip)


NEEDS_MODELS = {"test_perception_model.py", "test_perception_cli.py", "test_support_models.py",
                "test_support_cli.py",
                "test_support_train.py", "test_support_data.py", "test_lab_models.py"}


@pytest.fixture(scope="session")
def perceiver():
    from empathia.perceive.perceiver import default_perceiver

    return default_perceiver()
