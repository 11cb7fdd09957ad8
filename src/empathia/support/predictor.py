"""Next-strategy predictor: the dialogue so far -> what a skilled supporter does next.

A softmax-linear head over what the planner knows before it answers: the seeker's last
turns (shared embeddings), the previous turn, the strategies used so far (last three,
bigram, recent mix, recency), the seeker's emotion now and its change since the first turn
(the emotion head on the same embeddings), the position in the conversation (buckets)
and cheap text cues of what the seeker just said (``context.history_features``). Per-strategy log-prior offsets, chosen
on held-out training conversations, keep every strategy's predicted frequency within a
factor of about 1.7 of its real frequency, so the planner is not pulled towards the most
common moves (the *preference bias* Kang et al. 2024 found in LLM supporters).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .context import Embed, Step, embed_map, predictor_dense
from .linear import LinearHead


@dataclass
class NextStrategyPredictor:
    head: LinearHead

    @property
    def labels(self) -> list[str]:
        return self.head.labels

    @classmethod
    def load(cls, folder: Path) -> "NextStrategyPredictor":
        folder = Path(folder)
        if not (folder / "head.npz").is_file():
            raise FileNotFoundError(f"no strategy predictor at {folder}; run "
                                    "`empathia train strategy-predictor --data DIR`")
        return cls(LinearHead.load(folder / "head.npz"))

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.head.save(folder / "head.npz")
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def probs_from(self, batch: Sequence[Step], vec: dict[str, np.ndarray],
                   emotion_probs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        return self.head.probs(predictor_dense(batch, vec, emotion_probs))

    def probs(self, batch: Sequence[Step], embed: Embed,
              emotion_probs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        return self.probs_from(batch, embed_map(batch, embed), emotion_probs)


def preference_ratio(gold: np.ndarray, pred: np.ndarray, k: int) -> np.ndarray:
    """Predicted frequency / gold frequency per class (inf where gold never has it)."""
    g = np.bincount(gold, minlength=k) / max(1, len(gold))
    q = np.bincount(pred, minlength=k) / max(1, len(pred))
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(g > 0, q / np.where(g > 0, g, 1), np.inf)


def balance_offsets(log_probs: np.ndarray, gold: np.ndarray, low: float = 0.6,
                    high: float = 1.7, step: float = 0.05, iters: int = 400) -> np.ndarray:
    """Per-class additive log-offsets that bring every preference ratio into [low, high]
    (nudging under-predicted classes up and over-predicted ones down)."""
    k = log_probs.shape[1]
    off = np.zeros(k, np.float32)
    for _ in range(iters):
        r = preference_ratio(gold, (log_probs + off).argmax(1), k)
        under, over = r < low, (r > high) & np.isfinite(r)
        if not (under.any() or over.any()):
            break
        off[under] += step
        off[over] -= step
    return off
