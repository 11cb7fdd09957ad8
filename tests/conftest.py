"""Shared fixtures: the corpora folder (skip when absent) and one Perceiver per session."""

from __future__ import annotations

from pathlib import Path

import pytest

DATASETS = Path(__file__).resolve().parents[1].parent / "shared" / "datasets"


@pytest.fixture(scope="session")
def datasets_dir() -> Path:
    if not DATASETS.is_dir():
        pytest.skip(f"research corpora not found at {DATASETS} (they live beside the repo)")
    return DATASETS


@pytest.fixture(scope="session")
def perceiver():
    from empathia.perceive.perceiver import default_perceiver

    return default_perceiver()
