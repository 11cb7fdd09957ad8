"""The perception pipeline: text in, a typed ``Perception`` out.

One encoder pass per text (per window for long texts) feeds the emotion head, the
groupings, VAD and the cause finder. Later heads (strategy, empathy, risk) read the same
cached embedding through ``Perceiver.embed``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np
from pydantic import BaseModel, Field

from ..config import Settings, encoder_fingerprint
from .cause import find_causes
from .emotion import EKMAN, SENTIMENT, EmotionHead, group_scores, vad
from .encoder import Encoder
from .reflect import reflect

WINDOW_CHARS = 800  # about 200 MiniLM tokens: under its 256-token limit with room to spare
BATCH_CHARS = 200_000  # a batch of texts is cut into chunks of about this many characters


class InputError(ValueError):
    """Input that cannot be analysed (empty, not text); the message says why."""


class EmotionScore(BaseModel):
    label: str
    score: float
    predicted: bool


class Cause(BaseModel):
    start: int
    end: int
    text: str
    score: float


class VAD(BaseModel):
    valence: float
    arousal: float
    dominance: float


class Perception(BaseModel):
    """How the writer feels and why; the JSON of this is the public contract."""

    text: str
    emotions: list[EmotionScore]
    ekman: dict[str, float]
    sentiment: dict[str, float]
    vad: VAD
    causes: list[Cause]
    reflected_cause: str | None
    windows: int = Field(1, description="windows the text was read in (>1 for long texts)")

    @property
    def predicted(self) -> list[str]:
        return [e.label for e in self.emotions if e.predicted]

    @property
    def top(self) -> str:
        return self.emotions[0].label


def windows(text: str, size: int = WINDOW_CHARS) -> list[tuple[int, int]]:
    """Cut long text into windows at sentence ends (or spaces), never mid-word if avoidable."""
    if len(text) <= size:
        return [(0, len(text))]
    out = []
    start = 0
    while start < len(text):
        end = min(len(text), start + size)
        if end < len(text):
            window = text[start:end]
            cut = max(window.rfind(". "), window.rfind("! "), window.rfind("? "),
                      window.rfind("\n"))
            if cut < size // 3:
                cut = window.rfind(" ")
            if cut >= size // 3:
                end = start + cut + 1
        out.append((start, end))
        start = end
    return out


def check_text(text: object) -> str:
    if not isinstance(text, str):
        raise InputError(f"expected a string, got {type(text).__name__}")
    if not text.strip():
        raise InputError("empty text")
    return text


def clean(text: str) -> str:
    """Drop control characters (binary junk) but keep every script and emoji."""
    return re.sub(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffd]", " ", text)


class Perceiver:
    """Reusable perception pipeline; load once, call ``analyze`` / ``analyze_many``."""

    def __init__(self, settings: Settings | None = None, encoder: Encoder | None = None) -> None:
        self.settings = settings or Settings()
        self.emotion_dir = self.settings.models_dir / "emotion"
        if not (self.emotion_dir / "head.npz").is_file():
            raise FileNotFoundError(
                f"no emotion model at {self.emotion_dir}; run `empathia train emotion`"
            )
        self.emotion = EmotionHead.load(self.emotion_dir)
        trained_on = self.emotion.encoder_fingerprint
        if trained_on and trained_on != encoder_fingerprint(self.settings.encoder_path()):
            raise FileNotFoundError(
                f"the models in {self.settings.models_dir} were trained on another encoder than "
                f"{self.settings.encoder_path()}; retrain them (`empathia train emotion --out DIR`)"
                " and point EMPATHIA_MODELS at DIR"
            )
        self.encoder = encoder or Encoder(self.settings, adapter_dir=self.emotion_dir / "adapter")

    def embed(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """The shared embedding every head reads (cached)."""
        return self.encoder.encode(texts, progress=progress)

    def analyze(self, text: str) -> Perception:
        return self.analyze_many([text])[0]

    def analyze_many(self, texts: Sequence[str]) -> list[Perception]:
        """Analyse a batch; raises InputError on the first bad item (use ``stream`` to go on)."""
        texts = [clean(check_text(t)) for t in texts]
        jobs: list[tuple[int, int, int]] = []  # (text index, start, end)
        for i, t in enumerate(texts):
            jobs += [(i, a, b) for a, b in windows(t)]
        pieces = [texts[i][a:b] for i, a, b in jobs]
        # Encode in length-sorted batches (less padding), then restore the order.
        order = sorted(range(len(pieces)), key=lambda j: len(pieces[j]))
        emb_all = np.zeros((len(pieces), 0), dtype=np.float32)
        states: list = [None] * len(pieces)
        step = self.settings.batch_size
        for k in range(0, len(order), step):
            idx = order[k:k + step]
            e, s = self.encoder.encode_with_tokens([pieces[j] for j in idx])
            if emb_all.shape[1] == 0:
                emb_all = np.zeros((len(pieces), e.shape[1]), dtype=np.float32)
            emb_all[idx] = e
            for j, st in zip(idx, s):
                states[j] = st
        probs_all = self.emotion.probs(emb_all)
        results = []
        for i, text in enumerate(texts):
            rows = [j for j, job in enumerate(jobs) if job[0] == i]
            probs = probs_all[rows].max(axis=0)  # a feeling strong anywhere counts
            best = rows[int(np.argmax(probs_all[rows, :-1].max(axis=1)))]
            offset = jobs[best][1]
            causes = find_causes(pieces[best], states[best], self.emotion)
            for c in causes:
                c["start"] += offset
                c["end"] += offset
            results.append(self._perception(text, probs, causes, len(rows)))
        return results

    def _perception(self, text: str, probs: np.ndarray, causes: list[dict],
                    n_windows: int) -> Perception:
        hot = self.emotion.decide(probs[None, :])[0]
        order = sorted(range(len(probs)), key=lambda j: (not hot[j], -probs[j]))
        return Perception(
            text=text,
            emotions=[EmotionScore(label=self.emotion.labels[j], score=round(float(probs[j]), 4),
                                   predicted=bool(hot[j])) for j in order],
            ekman=group_scores(probs, EKMAN),
            sentiment=group_scores(probs, SENTIMENT),
            vad=VAD(**vad(probs)),
            causes=[Cause(**c) for c in causes],
            reflected_cause=reflect(causes[0]["text"]) if causes else None,
            windows=n_windows,
        )

    def stream(self, items: Iterable[object], batch: int = 32) -> Iterator[Perception | InputError]:
        """Analyse an iterable lazily; a bad item yields its InputError in place."""
        buf: list[object] = []
        for item in items:
            buf.append(item)
            if len(buf) >= batch:
                yield from self._safe_batch(buf)
                buf = []
        if buf:
            yield from self._safe_batch(buf)

    def _safe_batch(self, items: list[object]) -> list[Perception | InputError]:
        out: list[Perception | InputError] = []
        good: list[tuple[int, str]] = []
        for i, item in enumerate(items):
            try:
                good.append((i, check_text(item)))
                out.append(InputError("pending"))
            except InputError as err:
                out.append(err)
        if good:
            for (i, _), p in zip(good, self.analyze_many([t for _, t in good])):
                out[i] = p
        return out


_DEFAULT: Perceiver | None = None


def default_perceiver() -> Perceiver:
    """The process-wide Perceiver with default settings, loaded on first use."""
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = Perceiver()
    return _DEFAULT


def analyze(text: str) -> Perception:
    """One obvious call: ``from empathia import analyze; analyze("I'm scared ...")``."""
    return default_perceiver().analyze(text)
