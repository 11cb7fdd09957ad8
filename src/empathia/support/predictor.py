"""Next-strategy predictor: the dialogue so far -> what a skilled supporter does next.

A softmax-linear head over what the planner knows before it answers: the seeker's last
turns (shared embeddings), the previous turn, the strategies used so far (last three,
bigram, recent mix, recency), the seeker's emotion now and its change since the first turn
(the emotion head on the same embeddings), the position in the conversation (buckets)
and cheap text cues of what the seeker just said (``context.history_features``), plus
transition features (``context.transition_features``), averaged with gradient-boosted trees
over the same features (embeddings PCA-reduced; ``TreePart``, plain arrays, no pickle).
Per-strategy log-prior offsets, chosen on held-out training conversations, keep every strategy's predicted frequency within a
factor of about 1.7 of its real frequency, so the planner is not pulled towards the most
common moves (the *preference bias* Kang et al. 2024 found in LLM supporters).
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from .context import DIM, Embed, Step, embed_map, predictor_dense
from .linear import LinearHead, softmax
from .trees import TreeEnsemble

EMBED_BLOCKS = 3  # predictor_dense starts with three 384-d embeddings (last, mean, supporter)


@dataclass
class TreePart:
    """Gradient-boosted trees over [PCA of each embedding block | every other dense
    feature], mixed with the linear head's probabilities (``weight``) before the
    per-strategy log-prior ``offsets``."""

    trees: TreeEnsemble
    pca_mean: np.ndarray  # (blocks, DIM)
    pca_components: np.ndarray  # (blocks, k, DIM)
    weight: float
    offsets: np.ndarray  # (n_labels,)

    def features(self, dense: np.ndarray) -> np.ndarray:
        parts = [(dense[:, b * DIM:(b + 1) * DIM] - self.pca_mean[b]) @ self.pca_components[b].T
                 for b in range(EMBED_BLOCKS)]
        return np.hstack(parts + [dense[:, EMBED_BLOCKS * DIM:]])

    def probs(self, dense: np.ndarray) -> np.ndarray:
        return softmax(self.trees.raw(self.features(dense)))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, **self.trees.arrays("tree_"),
                            pca_mean=self.pca_mean.astype(np.float32),
                            pca_components=self.pca_components.astype(np.float32),
                            weight=np.array(self.weight, np.float32),
                            offsets=np.asarray(self.offsets, np.float32))

    @classmethod
    def load(cls, path: Path) -> "TreePart":
        with np.load(path, allow_pickle=False) as d:
            return cls(TreeEnsemble.from_arrays(d, "tree_"), d["pca_mean"].astype(np.float32),
                       d["pca_components"].astype(np.float32), float(d["weight"]),
                       d["offsets"].astype(np.float32))


@dataclass
class NextStrategyPredictor:
    head: LinearHead
    trees: TreePart | None = None

    @property
    def labels(self) -> list[str]:
        return self.head.labels

    @classmethod
    def load(cls, folder: Path) -> "NextStrategyPredictor":
        folder = Path(folder)
        if not (folder / "head.npz").is_file():
            raise FileNotFoundError(f"no strategy predictor at {folder}; run "
                                    "`empathia train strategy-predictor --data DIR`")
        trees = TreePart.load(folder / "trees.npz") if (folder / "trees.npz").is_file() else None
        return cls(LinearHead.load(folder / "head.npz"), trees)

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.head.save(folder / "head.npz")
        if self.trees is not None:
            self.trees.save(folder / "trees.npz")
        elif (folder / "trees.npz").is_file():
            (folder / "trees.npz").unlink()
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def probs_from(self, batch: Sequence[Step], vec: dict[str, np.ndarray],
                   emotion_probs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
        return self.probs_dense(predictor_dense(batch, vec, emotion_probs))

    def probs_dense(self, dense: np.ndarray) -> np.ndarray:
        if self.trees is None:
            return self.head.probs(dense)
        t = self.trees
        mix = (1 - t.weight) * self.head.probs(dense) + t.weight * t.probs(dense)
        return softmax(np.log(mix + 1e-9) + t.offsets)

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
