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
import re
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


_YOU = re.compile(r"\b(you|your|you're|you've|yourself)\b", re.I)


def questions(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text) if "?" in text[a:b]]


def question_text(text: str) -> str:
    """The response's questions only (explorations live there); a marker when none."""
    return " ".join(questions(text)) or "noquestion"


def question_cues(texts: Sequence[str]) -> np.ndarray:
    rows = []
    for t in texts:
        qs = questions(t)
        rows.append([min(len(qs), 4) / 4, min(sum(bool(_YOU.search(q)) for q in qs), 3) / 3,
                     (np.mean([len(q.split()) for q in qs]) / 20) if qs else 0.0,
                     float(bool(qs))])
    return np.asarray(rows, np.float32).reshape(len(texts), 4)


def pair_features(seeker_emb: np.ndarray, reply_emb: np.ndarray, replies: Sequence[str],
                  ngrams: Ngrams, qgrams: Ngrams | None = None) -> sparse.csr_matrix:
    """[reply emb | seeker emb | elementwise product | surface cues | reply n-grams]
    (+ n-grams and cues of the reply's questions when ``qgrams`` is given)."""
    parts = [
        sparse.csr_matrix(reply_emb), sparse.csr_matrix(seeker_emb),
        sparse.csr_matrix(seeker_emb * reply_emb * 10.0),
        sparse.csr_matrix(cue_matrix(replies)), ngrams.transform(replies),
    ]
    if qgrams is not None:
        parts += [qgrams.transform([question_text(r) for r in replies]),
                  sparse.csr_matrix(question_cues(replies))]
    return sparse.hstack(parts, format="csr", dtype=np.float32)


def sentence_features(sentences: Sequence[str], ngrams: Ngrams) -> sparse.csr_matrix:
    return sparse.hstack([sparse.csr_matrix(cue_matrix(sentences)), ngrams.transform(sentences)],
                         format="csr", dtype=np.float32)


@dataclass
class EmpathyModel:
    ngrams: Ngrams
    qgrams: Ngrams
    levels: dict[str, LinearHead]
    spans: dict[str, LinearHead]
    use_questions: dict[str, bool]

    @classmethod
    def load(cls, folder: Path) -> "EmpathyModel":
        folder = Path(folder)
        if not (folder / "meta.json").is_file():
            raise FileNotFoundError(
                f"no empathy model at {folder}; run `empathia train empathy --data DIR`")
        return cls(
            Ngrams.load(folder, "ngrams"),
            Ngrams.load(folder, "qgrams"),
            {m: LinearHead.load(folder / f"{m}.level.npz") for m in MECHANISMS},
            {m: LinearHead.load(folder / f"{m}.span.npz") for m in MECHANISMS},
            json.loads((folder / "meta.json").read_text()).get(
                "use_questions", {m: True for m in MECHANISMS}),
        )

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ngrams.save(folder, "ngrams")
        self.qgrams.save(folder, "qgrams")
        for m in MECHANISMS:
            self.levels[m].save(folder / f"{m}.level.npz")
            self.spans[m].save(folder / f"{m}.span.npz")
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def level_probs(self, seeker_emb: np.ndarray, reply_emb: np.ndarray,
                    replies: Sequence[str]) -> dict[str, np.ndarray]:
        feats = {q: pair_features(seeker_emb, reply_emb, replies, self.ngrams,
                                  self.qgrams if q else None)
                 for q in set(self.use_questions.values())}
        return {m: self.levels[m].probs(feats[self.use_questions[m]]) for m in MECHANISMS}

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
