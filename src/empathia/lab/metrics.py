"""The lab's scorers as plain functions over lists of texts and labels: no model is loaded
here, so every figure can be checked against a hand computation.

Text overlap uses the reference implementations (sacrebleu for BLEU, rouge-score for
ROUGE-L); distinct-n, length, strategy reuse, preference ratio and repeated sentences are
defined below, each in one short function.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from typing import Iterable, Sequence

from ..support.sentences import split_sentences
from ..support.strategies import IDS

_TOKEN = re.compile(r"[\w']+|[^\w\s]")
_WORD = re.compile(r"[\w']+")


def tokens(text: str) -> list[str]:
    """Lower-cased words and punctuation marks (the unit of distinct-n)."""
    return _TOKEN.findall(text.lower())


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


# -- text overlap -------------------------------------------------------------------------
def bleu(hypotheses: Sequence[str], references: Sequence[str], order: int = 4) -> float:
    """Corpus BLEU-``order`` (0-100), sacrebleu's default 13a tokenisation, one reference
    per hypothesis. 0.0 for an empty corpus."""
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    if not hypotheses:
        return 0.0
    from sacrebleu.metrics import BLEU

    return float(BLEU(max_ngram_order=order).corpus_score(list(hypotheses),
                                                           [list(references)]).score)


_ROUGE = None


def rouge_l(hypotheses: Sequence[str], references: Sequence[str]) -> float:
    """Mean ROUGE-L F-measure (0-1) over the pairs (rouge-score, no stemming)."""
    global _ROUGE
    if len(hypotheses) != len(references):
        raise ValueError("hypotheses and references differ in length")
    if not hypotheses:
        return 0.0
    if _ROUGE is None:
        from rouge_score import rouge_scorer

        _ROUGE = rouge_scorer.RougeScorer(["rougeL"], use_stemmer=False)
    return float(sum(_ROUGE.score(r, h)["rougeL"].fmeasure
                     for h, r in zip(hypotheses, references)) / len(hypotheses))


def pair_rouge_l(hypothesis: str, reference: str) -> float:
    return rouge_l([hypothesis], [reference])


def sentence_bleu(hypothesis: str, reference: str, order: int = 2) -> float:
    from sacrebleu.metrics import BLEU

    return float(BLEU(max_ngram_order=order, effective_order=True)
                 .sentence_score(hypothesis, [reference]).score)


# -- diversity and length -----------------------------------------------------------------
def distinct(texts: Iterable[str], n: int) -> float:
    """Distinct-n over the whole corpus: unique n-grams / all n-grams (Li et al. 2016);
    n-grams do not cross reply boundaries. 0.0 when there is no n-gram."""
    total, seen = 0, set()
    for t in texts:
        tok = tokens(t)
        grams = [tuple(tok[i:i + n]) for i in range(len(tok) - n + 1)]
        total += len(grams)
        seen.update(grams)
    return len(seen) / total if total else 0.0


def mean_length(texts: Sequence[str]) -> float:
    """Mean number of words per reply (punctuation not counted)."""
    return sum(len(words(t)) for t in texts) / len(texts) if texts else 0.0


# -- strategies ---------------------------------------------------------------------------
def strategy_match(predicted: Sequence[str | None], gold: Sequence[Iterable[str]]) -> float:
    """Share of turns whose predicted strategy is one of the human turn's strategies (a turn
    of several human utterances may carry several). Turns without a prediction or without
    a human label are left out."""
    pairs = [(p, set(g)) for p, g in zip(predicted, gold) if p is not None and g]
    return sum(p in g for p, g in pairs) / len(pairs) if pairs else 0.0


def strategy_reuse(dialogues: Sequence[Sequence[Iterable[str] | str | None]]) -> float:
    """Cross-turn reuse: over consecutive supporter turns of each dialogue, the share of
    pairs that share a strategy. A turn is a label or a set of labels (several human
    utterances); a missing label (None) breaks the pair. 0.0 with no pair."""
    same = n = 0
    for turns in dialogues:
        sets = [None if t is None else ({t} if isinstance(t, str) else set(t)) for t in turns]
        for a, b in zip(sets, sets[1:]):
            if not a or not b:
                continue
            n += 1
            same += bool(a & b)
    return same / n if n else 0.0


def distribution(labels: Iterable[str | None]) -> dict[str, float]:
    """Share of each strategy id (all eight keys, summing to 1 when anything is labelled)."""
    c = Counter(x for x in labels if x is not None)
    total = sum(c.values())
    return {s: (c[s] / total if total else 0.0) for s in IDS}


def preference_ratio(predicted: Iterable[str | None], gold: Iterable[str | None]
                     ) -> dict[str, float | None]:
    """Per strategy: how often the system uses it / how often the humans do (Kang et al.
    2024). 1.0 is no preference; None where the humans never use it."""
    p, g = distribution(predicted), distribution(gold)
    return {s: (round(p[s] / g[s], 4) if g[s] > 0 else None) for s in IDS}


def preference_bias(ratios: dict[str, float | None]) -> float:
    """One number for the whole preference profile: mean |log ratio| over the strategies
    the humans use (0 is none; a strategy never used counts as log(1/100))."""
    vals = [abs(math.log(max(r, 0.01))) for r in ratios.values() if r is not None]
    return sum(vals) / len(vals) if vals else 0.0


# -- repetition ---------------------------------------------------------------------------
def _sentence_key(sentence: str) -> str:
    return " ".join(words(sentence))


def sentences(text: str, min_words: int = 3) -> list[str]:
    """Normalised sentences of a reply with at least ``min_words`` words ("Yes." and
    "I see." repeat harmlessly and are not counted)."""
    out = []
    for a, b in split_sentences(text):
        key = _sentence_key(text[a:b])
        if len(key.split()) >= min_words:
            out.append(key)
    return out


def repeated_sentences(replies: Sequence[str], min_words: int = 3) -> tuple[int, int]:
    """(repeated, total): sentences of a dialogue's replies that already appeared, word
    for word up to case and punctuation, in an earlier reply (or earlier in the same)."""
    seen: set[str] = set()
    rep = total = 0
    for r in replies:
        for s in sentences(r, min_words):
            total += 1
            if s in seen:
                rep += 1
            seen.add(s)
    return rep, total


def repeated_sentence_rate(dialogues: Sequence[Sequence[str]], min_words: int = 3) -> float:
    rep = total = 0
    for d in dialogues:
        r, t = repeated_sentences(d, min_words)
        rep += r
        total += t
    return rep / total if total else 0.0
