"""A gradient-boosted tree ensemble stored as plain arrays (npz, no pickle).

scikit-learn's ``HistGradientBoostingClassifier`` fits it; only the nodes ship (feature,
threshold, children, leaf values per tree), and prediction walks every tree at once with
numpy, one depth level per step, so a single row costs well under a millisecond. An
optional PCA (mean + components) projects dense blocks of the input first.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np


@dataclass
class TreeEnsemble:
    feature: np.ndarray  # (nodes,) int32
    threshold: np.ndarray  # (nodes,) float64: go left when x <= threshold
    left: np.ndarray  # (nodes,) int32, global node ids
    right: np.ndarray  # (nodes,) int32
    leaf: np.ndarray  # (nodes,) bool
    missing_left: np.ndarray  # (nodes,) bool: where a NaN goes
    value: np.ndarray  # (nodes,) float32, leaf values
    roots: np.ndarray  # (trees,) int32
    tree_class: np.ndarray  # (trees,) int16
    baseline: np.ndarray  # (k,) float32
    depth: int

    @classmethod
    def from_sklearn(cls, clf) -> "TreeEnsemble":
        k = len(clf.classes_)
        baseline = np.asarray(clf._baseline_prediction, np.float64).reshape(-1)
        if k == 2 or baseline.size != k:
            raise ValueError("TreeEnsemble supports multiclass (k > 2) classifiers only")
        parts, roots, tree_class, start = [], [], [], 0
        for it in clf._predictors:
            for c, pred in enumerate(it):
                nodes = pred.nodes
                if nodes["is_categorical"].any():
                    raise ValueError("categorical splits are not supported")
                parts.append((nodes, start))
                roots.append(start)
                tree_class.append(c)
                start += len(nodes)
        cat = lambda f: np.concatenate([n[f] for n, _ in parts])  # noqa: E731
        shift = np.concatenate([np.full(len(n), s, np.int64) for n, s in parts])
        depth = int(max(int(n["depth"].max()) for n, _ in parts)) if parts else 0
        return cls(cat("feature_idx").astype(np.int32), cat("num_threshold").astype(np.float64),
                   (cat("left").astype(np.int64) + shift).astype(np.int32),
                   (cat("right").astype(np.int64) + shift).astype(np.int32),
                   cat("is_leaf").astype(bool), cat("missing_go_to_left").astype(bool),
                   cat("value").astype(np.float32), np.array(roots, np.int32),
                   np.array(tree_class, np.int16), baseline.astype(np.float32), depth)

    def raw(self, X: np.ndarray) -> np.ndarray:
        """(n, k) raw scores (softmax of them = the classifier's probabilities)."""
        X = np.asarray(X, np.float64)
        n = X.shape[0]
        idx = np.broadcast_to(self.roots, (n, len(self.roots))).copy()
        rows = np.arange(n)[:, None]
        for _ in range(self.depth):
            live = ~self.leaf[idx]
            if not live.any():
                break
            x = X[rows, self.feature[idx]]
            go_left = np.where(np.isnan(x), self.missing_left[idx], x <= self.threshold[idx])
            idx = np.where(live, np.where(go_left, self.left[idx], self.right[idx]), idx)
        k = len(self.baseline)
        out = np.tile(self.baseline.astype(np.float64), (n, 1))
        vals = self.value[idx].astype(np.float64)
        for c in range(k):
            out[:, c] += vals[:, self.tree_class == c].sum(axis=1)
        return out

    def arrays(self, prefix: str = "") -> dict[str, np.ndarray]:
        return {f"{prefix}{name}": getattr(self, name) for name in (
            "feature", "threshold", "left", "right", "leaf", "missing_left", "value",
            "roots", "tree_class", "baseline")} | {f"{prefix}depth": np.array(self.depth)}

    @classmethod
    def from_arrays(cls, d, prefix: str = "") -> "TreeEnsemble":
        get = lambda name: d[f"{prefix}{name}"]  # noqa: E731
        return cls(get("feature").astype(np.int32), get("threshold").astype(np.float64),
                   get("left").astype(np.int32), get("right").astype(np.int32),
                   get("leaf").astype(bool), get("missing_left").astype(bool),
                   get("value").astype(np.float32), get("roots").astype(np.int32),
                   get("tree_class").astype(np.int16), get("baseline").astype(np.float32),
                   int(get("depth")))

    def save(self, path: Path, **extra: np.ndarray) -> None:
        np.savez_compressed(path, **self.arrays(), **extra)

    @classmethod
    def load(cls, path: Path) -> "TreeEnsemble":
        with np.load(path, allow_pickle=False) as d:
            return cls.from_arrays(d)
