"""Crisis protocol and boundary answers: every text they can send is a reviewed snapshot,
and composed replies keep the protocol's promises."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from empathia.safety import boundaries, crisis
from empathia.safety.examples import TOPIC_EXAMPLES, example_assessment
from empathia.safety.levels import Level
from empathia.safety.resources import known_locales, resources_for

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "data" / "crisis_snapshots.json"
LOCALES = known_locales() + ["unknown", "IT"]


def _build():
    spec = importlib.util.spec_from_file_location("snap", ROOT / "scripts" /
                                                  "snapshot_safety_texts.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.build()


def test_every_sendable_text_matches_the_reviewed_snapshot():
    saved = json.loads(SNAPSHOT.read_text(encoding="utf-8"))
    now = json.loads(json.dumps(_build(), ensure_ascii=False))
    assert now == saved, ("crisis/boundary texts changed: run scripts/snapshot_safety_texts.py "
                          "and read the diff before committing")


def _replies():
    for topic, (level, cat, rules, third) in TOPIC_EXAMPLES.items():
        a = example_assessment(level, cat, rules, third)
        for loc in LOCALES:
            proto = crisis.CrisisProtocol(loc, seed=3)
            yield topic, loc, a, [proto.compose(a) for _ in range(3)]


FORBIDDEN = re.compile(r"(?i)\b(?:goodbye|i can'?t help|can'?t talk about|end (?:this|our) "
                       r"conversation|you should have|why didn'?t you|calm down|cheer up|"
                       r"others have it worse|think positive|your fault(?! ?,? whatever)|"
                       r"i promise|always be here|i'?ll call|i will call)\b")


@pytest.mark.parametrize("topic,loc,a,replies", list(_replies()),
                         ids=lambda v: v if isinstance(v, str) else "")
def test_composed_replies_keep_the_protocol(topic, loc, a, replies):
    res = resources_for(loc)
    for r in replies:
        parts = [p.part for p in r.parts]
        assert parts[0] == "acknowledge" and parts[-1] == "invite"
        assert {"transparency", "question", "help"} <= set(parts)
        assert "AI" in r.text and "?" in r.text
        assert not FORBIDDEN.search(r.text.replace("not your fault", "").replace(
            "never your fault", "").replace("not their fault", "")), r.text
        if a.level >= Level.imminent or topic.startswith("md_"):
            first_help = next(p for p in r.parts if p.part == "help")
            number = res.emergency_for(a.category)[0]
            assert number in first_help.text  # emergency number first
            assert r.text.index(number) < r.text.index("AI")
        if not res.known:
            assert "findahelpline.com" in r.text
    # a repeated crisis does not repeat the same words
    assert len({r.text for r in replies}) == 3
    assert replies[0].parts[0].text != replies[1].parts[0].text


def test_unknown_locale_gets_local_emergency_words_and_directory():
    a = example_assessment("imminent", "self_harm", ("sh.overdose_taken",))
    r = crisis.compose(a, "ZZ")
    assert "your local emergency number" in r.text and "findahelpline.com" in r.text


def test_compose_is_deterministic_with_a_seed():
    a = example_assessment("high", "self_harm", ("sh.plan",))
    assert crisis.compose(a, "UK", seed=7).text == crisis.compose(a, "UK", seed=7).text


def test_topics_follow_the_evidence():
    assert crisis.topic_of(example_assessment("imminent", "self_harm",
                                              ("sh.overdose_taken",))) == "sh_in_progress"
    assert crisis.topic_of(example_assessment("moderate", "self_harm", ("sh.kill_self",),
                                              True)) == "sh_third"
    assert crisis.topic_of(example_assessment("high", "abuse", ("ab.child",))) == "ab_child"


def test_abuse_reply_offers_the_right_line():
    r = crisis.compose(example_assessment("moderate", "abuse", ("ab.hits",)), "UK")
    assert "0808 2000 247" in r.text and "999" in r.text
    r = crisis.compose(example_assessment("high", "abuse", ("ab.child",)), "US")
    assert "1-800-422-4453" in r.text


@pytest.mark.parametrize("text,kind", [
    ("you're the only one who understands me", "only_one"),
    ("i think i'm in love with you", "love"),
    ("promise you'll never leave me", "never_leave"),
    ("I can't get through the day without talking to you", "dependence"),
    ("are you a real person?", "are_you_human"),
])
def test_boundaries_answer_warmly_and_honestly(text, kind):
    r = boundaries.respond(text)
    assert r is not None and r.kind == kind
    assert "AI" in r.text                        # honest about what it is
    assert "?" in r.text or "keep talking" in r.text  # turns toward people, stays
    assert not re.search(r"(?i)\b(?:i can'?t (?:talk|help)|goodbye|inappropriate|"
                         r"i promise|always be here)\b", r.text)


def test_boundaries_ignore_ordinary_messages_and_leave_crises_to_the_protocol():
    assert boundaries.respond("my exam went badly and I feel awful") is None
    assert boundaries.respond("I love you all. goodbye, I'm going to kill myself") is None
    assert boundaries.detect("love you mom, see you at dinner") is None


def test_boundaries_do_not_repeat_within_a_conversation():
    b = boundaries.Boundaries(seed=1)
    first = b.respond("I love you").text
    second = b.respond("I love you").text
    assert first != second


@pytest.mark.parametrize("loc,police,ambulance", [("BR", "190", "192"), ("DE", "110", "112")])
def test_danger_from_another_person_gets_the_police_number_where_it_differs(loc, police,
                                                                              ambulance):
    """Brazil's 192 and Germany's 112 send an ambulance; someone being hurt by another person
    needs the police (190 / 110). Self-harm and medical emergencies keep the ambulance."""
    for topic, want, avoid in (("ab_danger", police, ambulance),
                               ("md_emergency", ambulance, police)):
        level, cat, rules, third = TOPIC_EXAMPLES[topic]
        r = crisis.CrisisProtocol(loc, seed=0).compose(
            example_assessment(level, cat, rules, third))
        help_text = " ".join(p.text for p in r.parts if p.part == "help")
        assert re.search(rf"\b{want}\b", help_text), help_text
        assert not re.search(rf"\bcall {avoid}\b", help_text), help_text
    check = crisis.check_in_help("abuse", loc)
    assert check and f"call {police}" in check
    assert f"call {police}" not in (crisis.check_in_help("medical", loc) or "")
    assert resources_for("US").emergency_for("abuse")[0] == "911"


def test_a_reading_by_the_encoder_alone_does_not_put_words_in_their_mouth():
    """A self-harm reading with no words the lexicon knows ("model.exemplar", or a plan cue
    kept by the backstop) is acknowledged tentatively: the reply never says they told us
    they want to die, and still asks directly and gives help."""
    from empathia.safety.crisis import CrisisProtocol, topic_of
    from empathia.safety.examples import example_assessment

    for rules in (("model.exemplar",), ("sh.means+model",)):
        a = example_assessment("moderate", "self_harm", rules)
        assert topic_of(a) == "sh_unclear"
        proto = CrisisProtocol("US", seed=0)
        for _ in range(3):
            text = proto.compose(a).text
            assert "you've told me" not in text.lower() and "part of you wants to die" not in text
            assert "988" in text and "?" in text
    assert topic_of(example_assessment("moderate", "self_harm", ("sh.kill_self",))) == \
        "sh_thoughts"


def test_harm_to_others_read_by_the_encoder_alone_is_asked_about_not_asserted():
    from empathia.safety.crisis import CrisisProtocol, topic_of
    from empathia.safety.examples import example_assessment

    a = example_assessment("moderate", "harm_to_others", ("model.exemplar",))
    assert topic_of(a) == "ho_unclear"
    text = CrisisProtocol("UK", seed=0).compose(a).text
    assert "thoughts of hurting someone" not in text and "116 123" in text and "?" in text
    assert topic_of(example_assessment("moderate", "harm_to_others", ("ho.want_kill",))) == \
        "ho_thoughts"
    # the backstop alone can read "high" ("she keeps ruining my life"): still asked, not told
    assert topic_of(example_assessment("high", "harm_to_others", ("model.exemplar",))) == \
        "ho_unclear"
