"""The embedded realiser: slot filling, pairing, determinism, no repeated sentences."""

from __future__ import annotations

import re

import pytest
from pydantic import ValidationError

from empathia.respond.embedded import (
    EmbeddedRealiser, RealiseRequest, clean_clause, clean_feeling, norm_sentence, sentences, tidy,
)
from empathia.respond.library import STAGES, STRATEGIES, TOPICS, load_library

PLAN = [
    ("reflection", "exploration"), ("question", "exploration"), ("restatement", "exploration"),
    ("reflection", "exploration"), ("affirmation", "comforting"),
    ("self_disclosure", "comforting"), ("reflection", "comforting"), ("question", "comforting"),
    ("information", "comforting"), ("affirmation", "action"), ("suggestion", "action"),
    ("question", "action"), ("suggestion", "action"), ("information", "action"),
    ("other", "action"),
]
SEEKER = [
    "My girlfriend left me last week and I can't stop thinking about her.",
    "We were together five years.", "I keep checking her instagram.",
    "I feel so stupid.", "My friends are tired of hearing about it.",
    "I haven't slept properly since.", "I just miss her.", "I don't know what to do with myself.",
    "Is it normal to feel this bad?", "Maybe I should do something.",
    "I could try seeing my friends more.", "That might help.", "What else could I do?",
    "How long does this last?", "Thanks for listening.",
]


def converse(seed: int, topic: str = "breakup", emotion: str = "sadness",
             cause: str | None = "my girlfriend left me",
             fact: str | None = None) -> list[tuple[str, list[str]]]:
    realiser = EmbeddedRealiser(seed)
    history: list[str] = []
    used: list[str] = []
    out = []
    for (strategy, stage), said in zip(PLAN, SEEKER):
        history.append(said)
        req = RealiseRequest(strategy=strategy, stage=stage, emotion=emotion, topic=topic,
                             feeling="heartbroken", cause=cause, fact=fact,
                             history=history, used_moves=used)
        r = realiser.realise(req)
        out.append((r.text, [m.id for m in r.moves]))
        history.append(r.text)
        used += [m.id for m in r.moves]
    return out


@pytest.mark.parametrize("seed", [0, 1, 2, 3])
@pytest.mark.parametrize("topic", ["breakup", "job_crisis", "sleep"])
def test_no_sentence_repeated_over_15_turns(seed: int, topic: str) -> None:
    said: list[str] = []
    for text, _ in converse(seed, topic=topic):
        said += [norm_sentence(s) for s in sentences(text)]
    assert len(said) == len(set(said))


def test_same_seed_and_history_give_same_reply() -> None:
    assert converse(5) == converse(5)


def test_different_seeds_give_different_conversations() -> None:
    assert converse(1) != converse(2)


def test_reply_does_not_depend_on_other_instances() -> None:
    req = RealiseRequest(strategy="reflection", stage="exploration", emotion="fear",
                         feeling="anxious", cause="I might lose my job", topic="job crisis")
    a = EmbeddedRealiser(3).realise(req)
    EmbeddedRealiser(3).realise(req.model_copy(update={"strategy": "question"}))
    assert EmbeddedRealiser(3).realise(req) == a


def test_usually_two_moves_and_at_most_one_question() -> None:
    lib = load_library()
    openers = {m.id for m in lib.openers}
    counts, opened = [], []
    for seed in range(12):
        for text, ids in converse(seed):
            counts.append(len(ids))
            opened.append(bool(openers & set(ids)))
            # an opener, when there is one, comes first and is the only one
            assert all(i not in openers for i in ids[1:]), ids
            assert text.count("?") <= 1, text
            # a question, when there is one, comes last
            if "?" in text:
                assert text.rstrip().endswith("?"), text
    # most replies combine two things: two moves, or a short reaction and a move
    assert sum(c >= 2 for c in counts) / len(counts) >= 0.6
    assert max(counts) <= 3
    # a short reaction opens some replies, not all
    assert 0.15 <= sum(opened) / len(opened) <= 0.6


def test_explicit_secondary_strategy_is_used() -> None:
    req = RealiseRequest(strategy="reflection", secondary="question", stage="exploration",
                         emotion="sadness", feeling="sad")
    r = EmbeddedRealiser(0).realise(req)
    assert r.strategies == ["reflection", "question"]


def test_pair_false_gives_one_move() -> None:
    req = RealiseRequest(strategy="affirmation", pair=False, stage="comforting")
    assert len(EmbeddedRealiser(0).realise(req).moves) == 1


def test_slots_are_filled_grammatically() -> None:
    seen_cause = False
    for seed in range(40):
        req = RealiseRequest(strategy="reflection", stage="exploration", emotion="fear",
                             feeling="I'm feeling so anxious.",
                             cause="I might lose my job.", topic="job_crisis")
        r = EmbeddedRealiser(seed).realise(req)
        t = r.text
        assert "{" not in t and "}" not in t
        assert "feel feel" not in t and "feeling feeling" not in t
        assert not re.search(r"[.!?,]{2,}", t), t
        assert all(s[0].isupper() for s in sentences(t)), t
        assert " my job" not in t and " I might" not in t
        if "lose your job" in t:
            seen_cause = True
            assert re.search(r"\byou might lose your job\b", t), t
    assert seen_cause


def test_missing_cause_and_fact_fall_back_gracefully() -> None:
    for strategy in STRATEGIES:
        for stage in STAGES:
            for seed in range(3):
                r = EmbeddedRealiser(seed).realise(RealiseRequest(strategy=strategy, stage=stage))
                assert r.text and "{" not in r.text
                assert strategy in r.strategies


def test_a_noun_phrase_cause_is_not_forced_into_a_clause() -> None:
    r = EmbeddedRealiser(0).realise(RealiseRequest(strategy="restatement", cause="my boss",
                                                   stage="exploration"))
    assert "your boss" not in r.text
    assert any("cause" in n for n in r.notes)


def test_fact_from_memory_is_used_in_greeting() -> None:
    texts = set()
    for seed in range(30):
        req = RealiseRequest(strategy="other", stage="exploration",
                             fact="I have my driving test on Friday")
        texts.add(EmbeddedRealiser(seed).realise(req).text)
    assert any("you have your driving test on Friday" in t for t in texts)


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_specific_moves_are_preferred(topic: str) -> None:
    lib = EmbeddedRealiser(0).library
    topical = 0
    for seed in range(60):
        r = EmbeddedRealiser(seed, lib).realise(RealiseRequest(strategy="suggestion",
                                                               stage="action", topic=topic))
        planned = next(m for m in r.moves if not m.opener)
        topical += any(topic in lib_move.topics for lib_move in lib.moves
                       if lib_move.id == planned.id)
    # topical suggestions are a fifth to a quarter of the usable pool; preferred, they win more
    assert topical / 60 >= 0.35


def test_moves_for_other_emotions_are_never_used() -> None:
    lib = EmbeddedRealiser(0).library
    by_id = {m.id: m for m in lib.moves}
    for seed in range(30):
        r = EmbeddedRealiser(seed, lib).realise(RealiseRequest(strategy="reflection",
                                                               emotion="anger"))
        for m in r.moves:
            assert not by_id[m.id].emotions or "anger" in by_id[m.id].emotions


def test_unknown_topic_is_rejected_clearly() -> None:
    with pytest.raises(ValidationError, match="unknown topic"):
        RealiseRequest(strategy="question", topic="weather")


def test_helpers() -> None:
    assert clean_feeling("I'm feeling so anxious.", None) == "anxious"
    assert clean_feeling("nervousness", None) == "nervous"
    assert clean_feeling(None, "sadness") == "low"
    assert clean_feeling("neutral", None) is None
    # a stance is not a feeling to say back ("when people feel curious for a long time")
    assert clean_feeling("curiosity", "surprise") is None
    assert clean_feeling("realization", None) is None
    assert clean_clause("Because I might lose my job.") == "you might lose your job"
    assert clean_clause("My boss") is None
    assert clean_clause("my whole life fell apart") == "your whole life fell apart"
    assert clean_clause("My girlfriend left me.") == "your girlfriend left you"
    assert tidy("hello..  you feel feel sad ?. what") == "Hello. You feel sad? What"


def test_good_news_never_gets_words_meant_for_distress() -> None:
    lib = EmbeddedRealiser(0).library
    by_id = {m.id: m for m in lib.moves}
    for strategy in STRATEGIES:
        for seed in range(8):
            r = EmbeddedRealiser(seed, lib).realise(RealiseRequest(
                strategy=strategy, emotion="joy", feeling="relief", stage="comforting"))
            for m in r.moves:
                assert "joy" not in by_id[m.id].not_emotions, (m.id, r.text)
            assert "weighing on you" not in r.text and "draining" not in r.text


def test_a_very_long_conversation_never_fails() -> None:
    realiser = EmbeddedRealiser(0)
    history: list[str] = []
    used: list[str] = []
    repeats_noted = False
    for turn in range(400):
        strategy, stage = PLAN[turn % len(PLAN)]
        r = realiser.realise(RealiseRequest(strategy=strategy, stage=stage, emotion="sadness",
                                            history=history, used_moves=used))
        assert r.text
        repeats_noted |= any("said again" in n for n in r.notes)
        history.append(r.text)
        used += [m.id for m in r.moves]
    assert repeats_noted  # the library ran dry and said so, instead of failing


@pytest.mark.parametrize("said, asked", [
    ("I've felt like this for three months now.", None),
    ("It started two years ago when we moved.", None),
    ("I feel so low.", "How long has it been feeling like this?"),
])
def test_no_question_the_person_already_answered(said: str, asked: str | None) -> None:
    history = ["Hi.", said] + ([asked, "I don't really know."] if asked else [])
    seeker = ["Hi.", said] + (["I don't really know."] if asked else [])
    duration = re.compile(r"how long|when did (?:this|it|things|you first)|when you first|"
                          r"around the time this started", re.IGNORECASE)
    for seed in range(40):
        req = RealiseRequest(strategy="question", stage="exploration", emotion="sadness",
                             feeling="low", history=history, seeker=seeker, pair=False)
        text = EmbeddedRealiser(seed).realise(req).text
        assert not duration.search(text), text


def test_duration_question_is_asked_when_nobody_said_how_long() -> None:
    duration = re.compile(r"how long|when did|when you first|around the time", re.IGNORECASE)
    texts = [EmbeddedRealiser(seed).realise(RealiseRequest(
        strategy="question", stage="exploration", emotion="sadness", feeling="low",
        history=["I feel so low."], seeker=["I feel so low."], pair=False)).text
        for seed in range(60)]
    assert any(duration.search(t) for t in texts)


def test_opening_moves_only_open_a_conversation() -> None:
    lib = load_library()
    starts = {m.id for m in lib.moves if m.moment == "start"}
    assert len(starts) >= 8
    for seed in range(20):
        opening = EmbeddedRealiser(seed).realise(RealiseRequest(
            strategy="other", secondary="question", stage="exploration", moment="start"))
        assert {m.id for m in opening.moves} <= starts and opening.text.endswith("?")
        later = EmbeddedRealiser(seed).realise(RealiseRequest(
            strategy="other", secondary="question", stage="exploration", emotion="neutral",
            history=["hi"], seeker=["hi"]))
        assert not {m.id for m in later.moves} & starts


def test_tidy_does_not_capitalise_after_an_abbreviation() -> None:
    assert tidy("given that you're up at 3 a.m. checking her phone. what now?") == \
        "Given that you're up at 3 a.m. checking her phone. What now?"


def test_an_opener_never_says_what_the_move_says() -> None:
    from empathia.respond.embedded import _words

    lib = load_library()
    openers = {m.id for m in lib.openers}
    opened = 0
    for seed in range(80):
        r = EmbeddedRealiser(seed).realise(RealiseRequest(
            strategy="self_disclosure", stage="exploration", emotion="anger", feeling="angry",
            pair=False))
        if r.moves[0].id in openers:
            opened += 1
            assert not _words(r.moves[0].text) & _words(r.moves[1].text), r.text
    assert opened >= 10


def test_acknowledgement_usually_goes_on_to_an_open_question() -> None:
    """Issue 5: while hearing the story, a reflection alone usually becomes 'a reflection
    and an open question'; a direct question from the person is not answered with one."""
    asked = answered = 0
    for seed in range(40):
        req = RealiseRequest(strategy="reflection", stage="exploration", emotion="sadness",
                             feeling="sad", react=False,
                             history=["I feel so sad since my sister moved away."],
                             seeker=["I feel so sad since my sister moved away."])
        r = EmbeddedRealiser(seed).realise(req)
        asked += r.strategies == ["reflection", "question"]
        q = req.model_copy(update={"question": "Is it normal to miss her this much?"})
        answered += "?" in EmbeddedRealiser(seed).realise(q).text
    assert asked >= 0.6 * 40
    assert answered == 0
