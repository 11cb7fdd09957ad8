"""Classification metrics shared by the eval commands (scikit-learn underneath)."""

from __future__ import annotations

from typing import Sequence

import numpy as np
from sklearn.metrics import f1_score, precision_recall_fscore_support


def multilabel_report(y_true: np.ndarray, y_pred: np.ndarray, labels: Sequence[str]) -> dict:
    """``{"n","macro_f1","micro_f1","per_label"}`` for multi-hot arrays."""
    p, r, f, s = precision_recall_fscore_support(y_true, y_pred, average=None, zero_division=0)
    return {
        "n": int(len(y_true)),
        "macro_f1": float(f1_score(y_true, y_pred, average="macro", zero_division=0)),
        "micro_f1": float(f1_score(y_true, y_pred, average="micro", zero_division=0)),
        "per_label": {
            lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                  "support": int(s[i])}
            for i, lab in enumerate(labels)
        },
    }


def best_thresholds(y_true: np.ndarray, probs: np.ndarray, grid: Sequence[float] | None = None,
                    floor: float = 0.05, ceiling: float = 0.9) -> np.ndarray:
    """Per-column decision threshold maximising F1 on held-out data (never dev)."""
    grid = np.arange(floor, ceiling + 1e-9, 0.01) if grid is None else np.asarray(grid)
    out = np.full(y_true.shape[1], 0.5, dtype=np.float32)
    for j in range(y_true.shape[1]):
        if y_true[:, j].sum() == 0:
            continue
        scores = [f1_score(y_true[:, j], probs[:, j] >= t, zero_division=0) for t in grid]
        out[j] = float(grid[int(np.argmax(scores))])
    return out
