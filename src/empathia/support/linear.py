"""A softmax-linear head over [dense blocks | sparse n-grams], stored as npz + json.

scikit-learn's LogisticRegression fits it; only the coefficients ship, so loading needs
no pickle and predicting is one sparse matrix product. ``offsets`` are per-class log-prior
corrections chosen on held-out training data (e.g. to keep the predictor from favouring
frequent strategies)."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
from scipy import sparse


def softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    e = np.exp(z)
    return e / e.sum(axis=1, keepdims=True)


@dataclass
class LinearHead:
    labels: list[str]
    coef: np.ndarray  # (k, d)
    intercept: np.ndarray  # (k,)
    offsets: np.ndarray = field(default=None)  # (k,)

    def __post_init__(self) -> None:
        if self.offsets is None:
            self.offsets = np.zeros(len(self.labels), np.float32)

    @classmethod
    def from_sklearn(cls, clf, labels: list[str]) -> "LinearHead":
        coef = np.asarray(clf.coef_, np.float32)
        intercept = np.asarray(clf.intercept_, np.float32)
        if coef.shape[0] == 1:  # binary: sklearn keeps one row
            coef = np.vstack([-coef / 2, coef / 2])
            intercept = np.array([-intercept[0] / 2, intercept[0] / 2], np.float32)
        return cls(labels, coef, intercept)

    def logits(self, X) -> np.ndarray:
        z = X @ self.coef.T if not sparse.issparse(X) else np.asarray(X @ self.coef.T)
        return z + self.intercept + self.offsets

    def probs(self, X) -> np.ndarray:
        return softmax(self.logits(X))

    def save(self, path: Path) -> None:
        np.savez_compressed(path, coef=self.coef.astype(np.float16), intercept=self.intercept,
                            offsets=self.offsets, labels=np.array(self.labels))

    @classmethod
    def load(cls, path: Path) -> "LinearHead":
        d = np.load(path)
        return cls([str(x) for x in d["labels"]], d["coef"].astype(np.float32),
                   d["intercept"].astype(np.float32), d["offsets"].astype(np.float32))
