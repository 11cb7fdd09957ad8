"""Cheap lexical features that complement the shared embedding.

Support moves are strongly marked by words ("have you tried", "I understand", "I was in
the same spot") and punctuation ("?"). A TF-IDF over word and character n-grams plus a
few surface cues costs microseconds, needs no extra encoder pass, and is stored as plain
JSON + arrays (no pickle), so the shipped heads stay small and safe to load.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import TfidfVectorizer

_WORD = dict(analyzer="word", ngram_range=(1, 2), lowercase=True, sublinear_tf=True,
             token_pattern=r"(?u)\b\w[\w']*\b|[?!]", dtype=np.float32)
_CHAR = dict(analyzer="char_wb", ngram_range=(2, 5), lowercase=True, sublinear_tf=True,
             dtype=np.float32)

_FIRST = re.compile(r"\b(i|i'm|i've|i'd|i'll|me|my|mine|myself)\b", re.I)
_YOU = re.compile(r"\b(you|you're|you've|you'd|you'll|your|yours|yourself)\b", re.I)
_PAST_I = re.compile(r"\b(i|we)\s+(was|were|had|did|went|felt|used to|found|got|tried|lost|"
                     r"have been|had been|\w+ed)\b", re.I)
_SUGGEST = re.compile(r"\b(maybe|perhaps|try|could|should|might|how about|what about|"
                      r"have you (tried|considered|thought))\b", re.I)
_FEEL = re.compile(r"\b(feel|feeling|felt|sounds like|seems like|must be)\b", re.I)
_THANKS = re.compile(r"\b(thank|thanks|welcome|bye|goodbye|hello|hi|hey|good luck|"
                     r"take care)\b", re.I)
_WH = re.compile(r"^\s*(what|how|why|when|where|who|which|do|does|did|are|is|have|has|can|"
                 r"could|would|will)\b", re.I)

CUE_NAMES = ("ends_q", "n_q", "starts_wh", "first_person", "you", "past_i", "suggest", "feel",
             "social", "n_words_log", "n_sent")


def cues(text: str) -> np.ndarray:
    """Surface cues of one text, each roughly in [0, 1]."""
    words = max(1, len(text.split()))
    return np.array([
        float(text.rstrip().endswith("?")),
        min(3, text.count("?")) / 3,
        float(bool(_WH.match(text))),
        min(1.0, len(_FIRST.findall(text)) / words * 4),
        min(1.0, len(_YOU.findall(text)) / words * 4),
        float(bool(_PAST_I.search(text))),
        float(bool(_SUGGEST.search(text))),
        float(bool(_FEEL.search(text))),
        float(bool(_THANKS.search(text))),
        np.log1p(words) / 5,
        min(5, len(re.findall(r"[.!?]+(\s|$)", text))) / 5,
    ], dtype=np.float32)


def cue_matrix(texts: Sequence[str]) -> np.ndarray:
    return np.stack([cues(t) for t in texts]) if texts else np.zeros((0, len(CUE_NAMES)),
                                                                      np.float32)


class Ngrams:
    """Word 1-2-gram + char 2-5-gram TF-IDF, each block L2-normalised."""

    def __init__(self, max_word: int = 15000, max_char: int = 25000,
                 min_df: int = 2) -> None:
        self.word = TfidfVectorizer(max_features=max_word, min_df=min_df, **_WORD)
        self.char = TfidfVectorizer(max_features=max_char, min_df=min_df, **_CHAR)

    @property
    def dim(self) -> int:
        return len(self.word.vocabulary_) + len(self.char.vocabulary_)

    def fit(self, texts: Sequence[str]) -> "Ngrams":
        self.word.fit(texts)
        self.char.fit(texts)
        return self

    def transform(self, texts: Sequence[str]) -> sparse.csr_matrix:
        return sparse.hstack([self.word.transform(texts), self.char.transform(texts)],
                             format="csr", dtype=np.float32)

    # -- storage: vocabulary as JSON, idf as arrays ---------------------------------
    def save(self, folder: Path, name: str) -> None:
        arrays = {}
        vocab = {}
        for part in ("word", "char"):
            vec = getattr(self, part)
            terms = sorted(vec.vocabulary_, key=vec.vocabulary_.get)
            vocab[part] = terms
            arrays[f"{part}_idf"] = vec.idf_.astype(np.float32)
        (folder / f"{name}.vocab.json").write_text(json.dumps(vocab, ensure_ascii=False))
        np.savez_compressed(folder / f"{name}.idf.npz", **arrays)

    @classmethod
    def load(cls, folder: Path, name: str) -> "Ngrams":
        self = cls()
        vocab = json.loads((folder / f"{name}.vocab.json").read_text())
        arrays = np.load(folder / f"{name}.idf.npz")
        for part in ("word", "char"):
            vec = getattr(self, part)
            vec.vocabulary_ = {t: i for i, t in enumerate(vocab[part])}
            vec.idf_ = arrays[f"{part}_idf"].astype(np.float64)
        return self
