"""Emotion head: 27 GoEmotions emotions + neutral, per-label thresholds, groupings, VAD."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..data.goemotions import LABELS
from .vad import VAD_COORDS

# Groupings published with GoEmotions (Demszky et al. 2020).
EKMAN: dict[str, tuple[str, ...]] = {
    "anger": ("anger", "annoyance", "disapproval"),
    "disgust": ("disgust",),
    "fear": ("fear", "nervousness"),
    "joy": ("joy", "amusement", "approval", "excitement", "gratitude", "love", "optimism",
            "relief", "pride", "admiration", "desire", "caring"),
    "sadness": ("sadness", "disappointment", "embarrassment", "grief", "remorse"),
    "surprise": ("surprise", "realization", "confusion", "curiosity"),
    "neutral": ("neutral",),
}
SENTIMENT: dict[str, tuple[str, ...]] = {
    "positive": ("amusement", "excitement", "joy", "love", "desire", "optimism", "caring",
                 "pride", "admiration", "gratitude", "relief", "approval"),
    "negative": ("fear", "nervousness", "remorse", "embarrassment", "disappointment", "sadness",
                 "grief", "disgust", "anger", "annoyance", "disapproval"),
    "ambiguous": ("realization", "surprise", "curiosity", "confusion"),
    "neutral": ("neutral",),
}


@dataclass
class EmotionHead:
    """A linear layer over the shared embedding, with a decision threshold per label."""

    weight: np.ndarray  # (28, dim)
    bias: np.ndarray  # (28,)
    thresholds: np.ndarray  # (28,)
    labels: tuple[str, ...] = LABELS
    encoder_fingerprint: str = ""

    @classmethod
    def load(cls, model_dir: Path) -> "EmotionHead":
        head = np.load(model_dir / "head.npz")
        meta = json.loads((model_dir / "meta.json").read_text())
        if tuple(meta["labels"]) != LABELS:
            raise ValueError(f"{model_dir}: label set differs from GoEmotions")
        return cls(head["weight"], head["bias"], np.asarray(meta["thresholds"], np.float32),
                   encoder_fingerprint=meta.get("encoder_fingerprint", ""))

    def logits(self, emb: np.ndarray) -> np.ndarray:
        return emb @ self.weight.T + self.bias

    def probs(self, emb: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-self.logits(emb)))

    def decide(self, probs: np.ndarray) -> np.ndarray:
        """Multi-hot decisions; the top label is kept when nothing clears its threshold."""
        hot = probs >= self.thresholds
        empty = ~hot.any(axis=-1)
        if np.any(empty):
            top = np.argmax(probs / self.thresholds, axis=-1)
            hot[empty, top[empty]] = True
        return hot


def group_scores(probs: np.ndarray, groups: dict[str, tuple[str, ...]]) -> dict[str, float]:
    """A group's score is its strongest member's probability."""
    idx = {lab: i for i, lab in enumerate(LABELS)}
    return {g: round(float(max(probs[idx[m]] for m in members)), 4) for g, members in groups.items()}


def vad(probs: np.ndarray) -> dict[str, float]:
    """Probability-weighted mean of the labels' lexicon coordinates, mapped to [-1, 1]."""
    coords = np.array([VAD_COORDS[lab] for lab in LABELS], dtype=np.float64)
    w = probs.astype(np.float64)
    w = w / w.sum() if w.sum() > 0 else np.full_like(w, 1.0 / len(w))
    v, a, d = (w @ coords) * 2.0 - 1.0
    return {"valence": round(float(v), 4), "arousal": round(float(a), 4),
            "dominance": round(float(d), 4)}
