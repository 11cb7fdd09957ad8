"""EPITOME empathy levels (Sharma et al. 2020): for a (seeker post, response) pair, the
level 0 (none) / 1 (weak) / 2 (strong) of each mechanism (emotional reactions,
interpretations, explorations), and the response sentence that carries it.

The level heads read the shared embeddings of both posts (and their product) plus word and
character n-grams of the response, and (per mechanism, chosen by cross-validation on train)
n-grams of the response's questions and how specific those questions are to the seeker's
post: no encoder pass beyond the two texts' own. The span is
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

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

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


# -- how specific the questions are (EPITOME explorations: level 2 asks about the seeker's
# own situation, level 1 is a generic "what happened?") ------------------------------------
_TOK = re.compile(r"[a-z][a-z']+")
_STOP = frozenset(ENGLISH_STOP_WORDS) | {
    "don't", "i'm", "it's", "you're", "that's", "can't", "really", "just", "like", "know",
    "think", "feel", "get", "got", "thing", "things", "want", "going", "gonna", "make", "do",
    "does", "did", "im", "dont"}
_OPEN = ("what", "how", "why", "when", "where", "who", "which")
_FIRST_WORDS = _OPEN + ("do", "does", "did", "are", "is", "have", "has", "can", "could",
                       "would", "will", "was", "were")
_GENERIC = re.compile(
    r"\b(what happened|what'?s (wrong|up|going on|the matter|happening)|"
    r"what is (wrong|going on|happening)|wanna talk|want to talk|talk about it|how are you|"
    r"how so|what do you mean|why\??$|care to (share|elaborate)|(tell|share) (us|me) more|"
    r"what now)\b", re.I)
SPECIFICITY_NAMES = ("has_q", "q_content_words", "shared_words", "any_shared", "shared_share",
                     "generic_q", "all_q_contentless", "short_q", "open_q", "closed_q",
                     "q_words") + tuple(f"first_{w}" for w in _FIRST_WORDS)


def _stem(w: str) -> str:
    w = w.replace("'", "")
    for suf in ("ing", "ed", "es", "s", "ly"):
        if len(w) > len(suf) + 3 and w.endswith(suf):
            return w[:-len(suf)]
    return w


def content_words(text: str) -> set[str]:
    """Crudely stemmed content words (stop words and words under 3 letters dropped)."""
    return {_stem(w) for w in _TOK.findall(text.lower()) if w not in _STOP and len(w) > 2}


def specificity_cues(seekers: Sequence[str] | None, replies: Sequence[str]) -> np.ndarray:
    """Per reply: does it ask, how many content words its questions carry and how many of
    them the seeker used (zeros for the overlap cues when ``seekers`` is None), generic
    question patterns, short/contentless questions, open vs closed, the first question's
    first word, question length."""
    rows = []
    for k, reply in enumerate(replies):
        qs = questions(reply)
        said = content_words(seekers[k]) if seekers is not None else set()
        asked = set().union(*(content_words(q) for q in qs)) if qs else set()
        shared = asked & said
        first = (_TOK.findall(qs[0].lower()) or [""])[0] if qs else ""
        is_open = float(first in _OPEN)
        rows.append([
            float(bool(qs)), min(len(asked), 10) / 10, min(len(shared), 5) / 5,
            float(bool(shared)), len(shared) / len(asked) if asked else 0.0,
            float(any(_GENERIC.search(q) for q in qs)),
            float(bool(qs) and all(len(content_words(q)) <= 1 for q in qs)),
            float(bool(qs) and min(len(q.split()) for q in qs) <= 4),
            is_open, float(bool(qs)) * (1 - is_open),
            min(sum(len(q.split()) for q in qs), 40) / 40,
            *[float(first == w) for w in _FIRST_WORDS]])
    return np.asarray(rows, np.float32).reshape(len(replies), len(SPECIFICITY_NAMES))


# Feature sets a mechanism's level head can read; training picks one per mechanism by
# 5-fold cross-validation on train (FEATURE_CANDIDATES), meta.json records the choice.
FEATURE_SETS = {
    "reply": ("reply_ngrams",),
    "reply+questions": ("reply_ngrams", "questions"),
    "reply+questions+specificity": ("reply_ngrams", "questions", "specificity"),
    "questions+specificity": ("questions", "specificity"),
}


def pair_features(seeker_emb: np.ndarray, reply_emb: np.ndarray, replies: Sequence[str],
                  ngrams: Ngrams, qgrams: Ngrams | None = None,
                  feature_set: str | None = None,
                  seekers: Sequence[str] | None = None) -> sparse.csr_matrix:
    """[reply emb | seeker emb | elementwise product | surface cues] then, per
    ``feature_set``: reply n-grams, n-grams and 4 cues of the reply's questions, the
    specificity cues. Without ``feature_set``: "reply", or "reply+questions" when
    ``qgrams`` is given (the original two sets)."""
    if feature_set is None:
        feature_set = "reply+questions" if qgrams is not None else "reply"
    blocks = FEATURE_SETS[feature_set]
    parts = [
        sparse.csr_matrix(reply_emb), sparse.csr_matrix(seeker_emb),
        sparse.csr_matrix(seeker_emb * reply_emb * 10.0),
        sparse.csr_matrix(cue_matrix(replies)),
    ]
    if "reply_ngrams" in blocks:
        parts.append(ngrams.transform(replies))
    if "questions" in blocks:
        parts += [qgrams.transform([question_text(r) for r in replies]),
                  sparse.csr_matrix(question_cues(replies))]
    if "specificity" in blocks:
        parts.append(sparse.csr_matrix(specificity_cues(seekers, replies)))
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
    feature_sets: dict[str, str]

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
            _feature_sets(json.loads((folder / "meta.json").read_text())),
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
                    replies: Sequence[str],
                    seekers: Sequence[str] | None = None) -> dict[str, np.ndarray]:
        """``seekers``: the seeker-side texts (their words feed the specificity cues; the
        overlap cues read zero without them)."""
        feats = {f: pair_features(seeker_emb, reply_emb, replies, self.ngrams, self.qgrams,
                                  feature_set=f, seekers=seekers)
                 for f in set(self.feature_sets.values())}
        return {m: self.levels[m].probs(feats[self.feature_sets[m]]) for m in MECHANISMS}

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
               replies: Sequence[str],
               seekers: Sequence[str] | None = None) -> list[dict[str, MechanismLevel]]:
        probs = self.level_probs(seeker_emb, reply_emb, replies, seekers)
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


def _feature_sets(meta: dict) -> dict[str, str]:
    """Per mechanism feature set from meta.json (``feature_sets``; older models recorded
    only ``use_questions``)."""
    if "feature_sets" in meta:
        return {m: meta["feature_sets"][m] for m in MECHANISMS}
    use_q = meta.get("use_questions", {m: True for m in MECHANISMS})
    return {m: "reply+questions" if use_q.get(m, True) else "reply" for m in MECHANISMS}
