"""EPITOME empathy levels (Sharma et al. 2020): for a (seeker post, response) pair, the
level 0 (none) / 1 (weak) / 2 (strong) of each mechanism (emotional reactions,
interpretations, explorations), and the response sentence that carries it.

The level heads read the shared embeddings of both posts (and their product) plus word and
character n-grams of the response: no encoder pass beyond the two texts' own. The span is
the response sentence a small n-gram model scores highest for that mechanism (trained on
the corpus's rationale spans); it is returned only when the level is 1 or 2.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from pydantic import BaseModel
from scipy import sparse

from ..data.epitome import MECHANISMS
from .linear import LinearHead
from .sentences import split_sentences
from .textfeatures import Ngrams, cue_matrix


class Span(BaseModel):
    start: int
    end: int
    text: str


class MechanismLevel(BaseModel):
    level: int
    score: float  # probability of the chosen level
    span: Span | None = None


def pair_features(seeker_emb: np.ndarray, reply_emb: np.ndarray, replies: Sequence[str],
                  ngrams: Ngrams) -> sparse.csr_matrix:
    """[reply emb | seeker emb | elementwise product | surface cues | reply n-grams]."""
    return sparse.hstack([
        sparse.csr_matrix(reply_emb), sparse.csr_matrix(seeker_emb),
        sparse.csr_matrix(seeker_emb * reply_emb * 10.0),
        sparse.csr_matrix(cue_matrix(replies)), ngrams.transform(replies),
    ], format="csr", dtype=np.float32)


def sentence_features(sentences: Sequence[str], ngrams: Ngrams) -> sparse.csr_matrix:
    return sparse.hstack([sparse.csr_matrix(cue_matrix(sentences)), ngrams.transform(sentences)],
                         format="csr", dtype=np.float32)


@dataclass
class EmpathyModel:
    ngrams: Ngrams
    levels: dict[str, LinearHead]
    spans: dict[str, LinearHead]

    @classmethod
    def load(cls, folder: Path) -> "EmpathyModel":
        folder = Path(folder)
        if not (folder / "meta.json").is_file():
            raise FileNotFoundError(
                f"no empathy model at {folder}; run `empathia train empathy --data DIR`")
        return cls(
            Ngrams.load(folder, "ngrams"),
            {m: LinearHead.load(folder / f"{m}.level.npz") for m in MECHANISMS},
            {m: LinearHead.load(folder / f"{m}.span.npz") for m in MECHANISMS},
        )

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ngrams.save(folder, "ngrams")
        for m in MECHANISMS:
            self.levels[m].save(folder / f"{m}.level.npz")
            self.spans[m].save(folder / f"{m}.span.npz")
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def level_probs(self, seeker_emb: np.ndarray, reply_emb: np.ndarray,
                    replies: Sequence[str]) -> dict[str, np.ndarray]:
        X = pair_features(seeker_emb, reply_emb, replies, self.ngrams)
        return {m: self.levels[m].probs(X) for m in MECHANISMS}

    def best_span(self, mechanism: str, reply: str) -> Span | None:
        pieces = split_sentences(reply)
        if not pieces:
            return None
        texts = [reply[a:b] for a, b in pieces]
        scores = self.spans[mechanism].probs(sentence_features(texts, self.ngrams))[:, 1]
        k = int(np.argmax(scores))
        a, b = pieces[k]
        return Span(start=a, end=b, text=reply[a:b])

    def assess(self, seeker_emb: np.ndarray, reply_emb: np.ndarray,
               replies: Sequence[str]) -> list[dict[str, MechanismLevel]]:
        probs = self.level_probs(seeker_emb, reply_emb, replies)
        out = []
        for i, reply in enumerate(replies):
            row = {}
            for m in MECHANISMS:
                p = probs[m][i]
                level = int(np.argmax(p))
                row[m] = MechanismLevel(level=level, score=round(float(p[level]), 4),
                                        span=self.best_span(m, reply) if level else None)
            out.append(row)
        return out
