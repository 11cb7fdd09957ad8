"""A reply answers what the person just said: self-blame and a plan of their own get moves
written for them, a thin move does not stand alone after a disclosure, and a direct
question gets a first move about its subject."""

from __future__ import annotations

import pytest

from empathia.companion import SELF_BLAME_RX, direct_question
from empathia.respond.embedded import EmbeddedRealiser, RealiseRequest


@pytest.mark.parametrize("text", ["Honestly I feel stupid.", "It's all my fault.",
                                  "Everyone saw it coming except me.",
                                  "I should have seen it coming.", "I'm such an idiot."])
def test_self_blame_is_read(text):
    assert SELF_BLAME_RX.search(text)


@pytest.mark.parametrize("text", ["I feel sad.", "That was a stupid movie.",
                                  "My boss is an idiot."])
def test_not_self_blame(text):
    assert not SELF_BLAME_RX.search(text)


@pytest.mark.parametrize("seed", range(8))
@pytest.mark.parametrize("strategy", ["other", "affirmation", "suggestion"])
def test_self_blame_gets_its_own_answer(seed, strategy):
    r = EmbeddedRealiser(seed).realise(RealiseRequest(
        strategy=strategy, stage="comforting", emotion="sadness", topic="breakup",
        cues=["self_blame"], disclosure=True,
        seeker=["Honestly I feel stupid. Like everyone saw it coming except me."]))
    assert any(m.id.startswith("cues:") for m in r.moves), r.text


@pytest.mark.parametrize("seed", range(8))
def test_own_plan_is_affirmed(seed):
    r = EmbeddedRealiser(seed).realise(RealiseRequest(
        strategy="reflection", stage="action", emotion="joy", topic="breakup",
        cues=["own_plan"], disclosure=True,
        seeker=["I could ask my brother to come over this weekend."]))
    assert any(m.id.startswith("cues:") for m in r.moves), r.text


@pytest.mark.parametrize("seed", range(12))
def test_thin_other_does_not_stand_alone_after_a_disclosure(seed):
    r = EmbeddedRealiser(seed).realise(RealiseRequest(
        strategy="other", stage="comforting", emotion="sadness", topic="breakup",
        disclosure=True, pair=False,
        seeker=["Evenings are the worst. The flat is so quiet without her."]))
    assert r.moves[0].strategy != "other" or len(r.moves) > 1, r.text


def test_cue_moves_need_their_cue():
    for seed in range(20):
        r = EmbeddedRealiser(seed).realise(RealiseRequest(
            strategy="affirmation", stage="comforting", emotion="sadness", topic="breakup"))
        assert not any(m.id.startswith("cues:") for m in r.moves)


def test_question_subject():
    assert direct_question("What should I do about the Instagram thing? I know it's bad.") \
        == "What should I do about the Instagram thing?"
    assert direct_question("I went running today.") is None


@pytest.mark.parametrize("seed", range(6))
def test_question_gets_an_on_topic_first_move(seed):
    from empathia.companion import _AttentiveRealiser, _relevance_words

    q = "What should I do about the Instagram thing?"
    real = _AttentiveRealiser(seed)
    real.focus = _relevance_words(q)
    used = ["suggestion:7:1"]  # the obvious one was said earlier
    r = real.realise(RealiseRequest(strategy="suggestion", stage="action", topic="breakup",
                                    question=q, seeker=[q], used_moves=used))
    planned = [m for m in r.moves if m.strategy == "suggestion" and not m.opener][0]
    assert "social media" in planned.text.lower() or "updates" in planned.text.lower(), r.text
