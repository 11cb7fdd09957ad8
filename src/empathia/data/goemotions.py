"""GoEmotions reader: ``text<TAB>label ids<TAB>id`` lines, label ids index emotions.txt."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

LABELS: tuple[str, ...] = (
    "admiration", "amusement", "anger", "annoyance", "approval", "caring", "confusion",
    "curiosity", "desire", "disappointment", "disapproval", "disgust", "embarrassment",
    "excitement", "fear", "gratitude", "grief", "joy", "love", "nervousness", "optimism",
    "pride", "realization", "relief", "remorse", "sadness", "surprise", "neutral",
)


class DataError(ValueError):
    """A data file that cannot be read; the message names the file and line."""


@dataclass
class GoEmotionsSplit:
    texts: list[str]
    targets: np.ndarray  # (n, 28) float32 multi-hot
    errors: list[str]


def read_tsv(path: str | Path) -> GoEmotionsSplit:
    """Read one split; malformed lines are reported in ``errors``, never silently dropped."""
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    texts: list[str] = []
    rows: list[list[int]] = []
    errors: list[str] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            parts = line.rstrip("\n").split("\t")
            if len(parts) < 2 or not parts[0].strip():
                errors.append(f"{path.name}:{lineno}: expected 'text<TAB>label ids'")
                continue
            try:
                ids = [int(x) for x in parts[1].split(",") if x.strip()]
            except ValueError:
                errors.append(f"{path.name}:{lineno}: label ids must be integers, got {parts[1]!r}")
                continue
            if not ids or any(i < 0 or i >= len(LABELS) for i in ids):
                errors.append(f"{path.name}:{lineno}: label ids must be in 0..{len(LABELS) - 1}")
                continue
            texts.append(parts[0])
            rows.append(ids)
    targets = np.zeros((len(texts), len(LABELS)), dtype=np.float32)
    for i, ids in enumerate(rows):
        targets[i, ids] = 1.0
    return GoEmotionsSplit(texts, targets, errors)
