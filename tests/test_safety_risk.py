"""Risk assessment: slang triggers, figurative speech does not, third person counts,
levels follow the issue's definitions, long and non-English text, running level."""

from __future__ import annotations

import pytest

from empathia.safety.levels import Level
from empathia.safety.risk import Conversation, RiskAssessor


@pytest.fixture(scope="module")
def lex() -> RiskAssessor:
    return RiskAssessor(use_model=False)


@pytest.mark.parametrize("text", [
    "kms",
    "ugh i just wanna kms",
    "i want to unalive myself",
    "thinking about sewerslide again",
    "honestly i just want to not be here anymore",
    "everyone would be better off without me",
    "i'm gonna kill myself",
    "I want to die",
    "been having sh urges all day",
])
def test_slang_and_euphemism_trigger(lex, text):
    a = lex.assess(text)
    assert a.level >= Level.low
    assert a.category == "self_harm"
    assert a.evidence and all(text[e.start:e.end] == e.text for e in a.evidence)


@pytest.mark.parametrize("text", [
    "this homework is killing me",
    "I could murder a burger right now",
    "my mom is going to kill me when she sees the bill",
    "In the novel, the narrator kills himself in the last chapter.",
    "I'm writing an essay on suicide prevention for my psychology class",
    "I used to self-harm, 3 years clean now and proud of it",
    "I'm dying to see that movie",
    "we killed it at the concert last night",
    "can't breathe i'm laughing so hard 😂",
    "I'm not suicidal, just really tired of my job",
    "I cut myself shaving this morning",
    "I have a plan for the weekend: pizza and movies",
    "i'm gonna kill myself if i have to hear that song again lol",
])
def test_figurative_speech_does_not_trigger(lex, text):
    a = lex.assess(text)
    assert a.level == Level.none, a.evidence


@pytest.mark.parametrize("text,category", [
    ("my friend keeps saying she wants to kill herself", "self_harm"),
    ("my brother has been cutting himself and hides it", "self_harm"),
    ("my roommate took a bunch of pills and won't wake up", "medical"),
])
def test_third_person_reports_count(lex, text, category):
    a = lex.assess(text)
    assert a.level >= Level.moderate
    assert category in a.categories
    if category == "self_harm":
        assert a.third_person


@pytest.mark.parametrize("text,level", [
    ("sometimes i wish i could disappear forever", Level.low),
    ("i keep thinking about killing myself", Level.moderate),
    ("i've been saving up pills for when i do it, i want to die", Level.high),
    ("i tried to kill myself last month", Level.high),
    ("i just took 40 sleeping pills", Level.imminent),
    ("i'm going to kill myself tonight", Level.imminent),
    ("my chest hurts and my left arm is numb", Level.imminent),
    ("he said if i leave he will kill me", Level.high),
])
def test_levels_follow_the_scale(lex, text, level):
    assert lex.assess(text).level == level


@pytest.mark.parametrize("text,category", [
    ("my husband hits me when he drinks", "abuse"),
    ("my stepdad comes into my room at night and touches me", "abuse"),
    ("i want to stab my boss", "harm_to_others"),
    ("I think I'm having a heart attack", "medical"),
    ("my baby isn't breathing", "medical"),
])
def test_categories(lex, text, category):
    a = lex.assess(text)
    assert a.category == category and a.level >= Level.moderate


def test_evidence_spans_are_offsets_into_the_original(lex):
    text = "Honestly?? I’ve been thinking about KILLING MYSELF a lot."
    a = lex.assess(text)
    assert a.evidence
    for e in a.evidence:
        assert text[e.start:e.end] == e.text


def test_long_message_is_scanned_in_full(lex):
    filler = "Today was a long day at work and the bus was late again. " * 200
    text = filler + "I have a plan and I am going to kill myself tonight." + filler
    a = lex.assess(text)
    assert len(text) > 20000
    assert a.level == Level.imminent
    assert any(e.start > 10000 for e in a.evidence)


def test_non_english_is_flagged_and_english_phrases_still_count(lex):
    a = lex.assess("Hoy fue un día muy difícil en el trabajo y estoy muy cansada de todo.")
    assert not a.language_supported and a.level == Level.none
    b = lex.assess("No sé qué hacer, todo está mal en mi casa y en el trabajo, nadie me "
                   "entiende. I want to kill myself.")
    assert not b.language_supported and b.level >= Level.moderate
    c = lex.assess("je veux mourir, je n'en peux plus")
    assert not c.language_supported and c.level >= Level.moderate


def test_bad_input_raises_clear_errors(lex):
    with pytest.raises(ValueError, match="empty"):
        lex.assess("   ")
    with pytest.raises(ValueError, match="string"):
        lex.assess_many([None])  # type: ignore[list-item]


def test_rising_conversation_raises_the_running_level(lex):
    conv = Conversation(lex)
    first = conv.add("work has been awful and i feel like a burden to everyone")
    second = conv.add("honestly i keep thinking about killing myself")
    third = conv.add("i've decided. it's time.")
    assert first.running_level == Level.low
    assert second.running_level == Level.moderate
    assert third.level >= Level.high  # "I've decided" after earlier ideation
    assert third.running_level >= Level.high
    later = conv.add("anyway what did you think of the match")
    assert later.level == Level.none
    assert later.running_level >= Level.high  # risk does not vanish with the topic


def test_goodbye_after_ideation_is_imminent(lex):
    conv = Conversation(lex)
    conv.add("i don't want to be alive anymore")
    bye = conv.add("thank you for everything. goodbye")
    assert bye.level == Level.imminent and bye.running_level == Level.imminent


def test_goodbye_without_earlier_risk_is_not_risk(lex):
    conv = Conversation(lex)
    assert conv.add("goodbye everyone, see you tomorrow!").level == Level.none


def test_plan_words_need_risk_context(lex):
    assert lex.assess("I have a plan for tonight").level == Level.none
    conv = Conversation(lex)
    conv.add("i want to die")
    assert conv.add("i have a plan for tonight").level >= Level.high


def test_heads_trained_on_another_encoder_are_not_used(tmp_path, monkeypatch):
    import json

    import numpy as np

    risk_dir = tmp_path / "risk"
    risk_dir.mkdir()
    np.savez(risk_dir / "head.npz", weight=np.zeros(384, np.float32), bias=np.float32(0))
    (risk_dir / "meta.json").write_text(json.dumps({"threshold": 0.5,
                                                    "encoder_fingerprint": "not-this-one"}))
    monkeypatch.setenv("EMPATHIA_MODELS", str(tmp_path))
    with pytest.warns(UserWarning, match="different shared encoder"):
        assessor = RiskAssessor()
        assert not assessor.has_model
    assert assessor.assess("kms").level >= Level.moderate  # the lexicon still reads it



@pytest.mark.parametrize("text", [
    "That's pretty good advice I'd say!", "stress level decreasing any doctor consults",
    "first world pandemic problems lol", "Yes sometimes many arugument",
])
def test_terse_or_misspelt_english_is_still_english(text: str) -> None:
    from empathia.safety.risk import language_supported

    assert language_supported(text)


@pytest.mark.parametrize("text", [
    "no se que hacer, estoy muy triste y solo", "ich weiss nicht mehr was ich tun soll",
    "non so più cosa fare con la mia vita",
])
def test_other_languages_are_recognised(text: str) -> None:
    from empathia.safety.risk import language_supported

    assert not language_supported(text)
