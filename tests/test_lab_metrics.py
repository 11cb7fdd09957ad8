"""The lab's metric code against small cases computed by hand."""

import math

import pytest

from empathia.lab import metrics as M


def test_bleu2_hand_computed():
    # unigram precision 5/6, bigram 3/5, no brevity penalty: sqrt(5/6 * 3/5) = sqrt(1/2)
    got = M.bleu(["the cat sat on the mat"], ["the cat is on the mat"], order=2)
    assert got == pytest.approx(100 * math.sqrt(0.5), abs=1e-6)


def test_bleu_identity_and_disjoint():
    refs = ["I hear you, that sounds hard.", "What happened next?"]
    assert M.bleu(refs, refs, 4) == pytest.approx(100.0)
    assert M.bleu(refs, refs, 2) == pytest.approx(100.0)
    assert M.bleu(["zebra quantum"], ["the cat is on the mat"], 2) == 0.0
    assert M.bleu([], [], 4) == 0.0
    with pytest.raises(ValueError):
        M.bleu(["a"], [], 2)


def test_rouge_l_hand_computed():
    # LCS "the cat on the mat" = 5 of 6 tokens each side: P = R = F = 5/6
    assert M.rouge_l(["the cat sat on the mat"], ["the cat is on the mat"]) == \
        pytest.approx(5 / 6, abs=1e-6)
    assert M.rouge_l(["a b", "c d"], ["a b", "x y"]) == pytest.approx(0.5)
    assert M.rouge_l(["same words here"], ["same words here"]) == 1.0


def test_distinct_and_length():
    texts = ["a b a", "a b"]
    assert M.distinct(texts, 1) == pytest.approx(2 / 5)
    assert M.distinct(texts, 2) == pytest.approx(2 / 3)  # (a b), (b a), (a b); no cross-reply gram
    assert M.distinct([], 1) == 0.0
    assert M.mean_length(["Hello, world!", "I am here."]) == 2.5


def test_strategy_match():
    assert M.strategy_match(["question", "restatement", None, "affirmation"],
                            [["question"], ["question", "restatement"], ["affirmation"], []]) == 1.0
    assert M.strategy_match(["question", "suggestion"], [["reflection"], ["suggestion"]]) == 0.5
    assert M.strategy_match([], []) == 0.0


def test_strategy_reuse():
    # pairs: (q,q) yes, (q,r) no, (r,r) yes; pairs touching None are skipped -> 2/3
    d = [["question", "question", "reflection", "reflection", None, "reflection"]]
    assert M.strategy_reuse(d) == pytest.approx(2 / 3)
    # sets: {q,r}&{r} yes, {r}&{s} no -> 1/2; pairs never cross dialogues
    assert M.strategy_reuse([[{"question", "reflection"}, ["reflection"], ["suggestion"]],
                             ["suggestion"]]) == pytest.approx(0.5)
    assert M.strategy_reuse([["question"]]) == 0.0


def test_preference_ratio():
    r = M.preference_ratio(["question"] * 3 + ["reflection"], ["question"] + ["reflection"] * 3)
    assert r["question"] == pytest.approx(3.0)
    assert r["reflection"] == pytest.approx(1 / 3, abs=1e-4)
    assert r["suggestion"] is None  # humans never used it
    assert M.preference_bias({"question": 1.0, "reflection": 1.0, "other": None}) == 0.0
    assert M.preference_bias({"question": math.e, "reflection": 1 / math.e}) == pytest.approx(1.0)


def test_repeated_sentences():
    replies = ["I hear you. That sounds hard to bear.",
               "That sounds hard to bear! What happened?",  # 'what happened' < 3 words
               "I hear you."]
    assert M.repeated_sentences(replies) == (2, 4)
    assert M.repeated_sentence_rate([replies, ["Something else entirely here."]]) == \
        pytest.approx(2 / 5)
    assert M.repeated_sentences([]) == (0, 0)
