"""The content library: size, coverage, tone rules, and loud validation errors."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from empathia.respond.library import (
    EMOTIONS, STAGES, STRATEGIES, TOPICS, ContentError, Library, load_library, parse_file,
    topic_id,
)


@pytest.fixture(scope="module")
def lib() -> Library:
    return load_library()


def test_at_least_600_distinct_moves(lib: Library) -> None:
    texts = {" ".join(m.text.lower().split()) for m in lib.moves}
    assert len(texts) == len(lib.moves) >= 600


@pytest.mark.parametrize("strategy", STRATEGIES)
@pytest.mark.parametrize("stage", STAGES)
def test_every_strategy_and_stage_has_moves_without_slots(lib: Library, strategy: str,
                                                          stage: str) -> None:
    # Moves that need no slot can always be said, even when perception found nothing.
    usable = [m for m in lib.by_strategy[strategy]
              if m.suits(stage, None, None) and not m.slots]
    assert len(usable) >= 5, (strategy, stage, len(usable))


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_every_topic_has_specific_moves(lib: Library, topic: str) -> None:
    # Moves that fit one problem are what keep replies from fitting any problem; each topic
    # has its own file (topic_<id>.yaml) on top of the topic groups of the strategy files.
    specific = [m for m in lib.moves if topic in m.topics and not m.opener]
    strategies = {m.strategy for m in specific}
    assert len(specific) >= 50, (topic, len(specific))
    assert set(STRATEGIES) - {"other"} <= strategies
    for stage in STAGES:  # something topical to ask at every stage
        assert any(m.asks and m.suits(stage, "sadness", topic) for m in specific), stage
    # good news about the topic gets its own words too, never the words for distress
    assert any(m.suits(None, "joy", topic) for m in specific)


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_files_hold_only_their_topic(topic: str) -> None:
    from empathia.respond.library import CONTENT_DIR

    moves = parse_file(CONTENT_DIR / f"topic_{topic}.yaml")
    assert len([m for m in moves if not m.opener]) >= 25
    assert all(m.topics == {topic} for m in moves)
    # a move is either for good news only or can never be said to good news
    assert all(m.emotions == {"joy"} or not m.suits(None, "joy", topic) for m in moves)


@pytest.mark.parametrize("emotion", ["anger", "disgust", "fear", "sadness", "surprise"])
def test_negative_emotion_families_have_moves(lib: Library, emotion: str) -> None:
    specific = [m for m in lib.moves if emotion in m.emotions]
    assert len(specific) >= 8
    assert "reflection" in {m.strategy for m in specific}


BANNED = [
    "everything happens for a reason", "stay positive", "cheer up", "look on the bright side",
    "at least", "could be worse", "others have it worse", "time heals", "calm down",
    "don't worry", "you should", "you must", "you need to", "just relax", "snap out of",
    "i promise", "it will be fine", "everything will be", "it'll be okay", "will get better",
    "i know exactly how you feel", "your fault", "you have depression", "you are depressed",
    "you're depressed", "disorder", "man up", "get over it",
]


def test_no_platitudes_promises_blame_or_diagnosis(lib: Library) -> None:
    bad = [(m.id, w, b) for m in lib.moves for w in m.wordings() for b in BANNED
           if b in w.lower()
           and not (b == "your fault" and "never your fault" in w.lower())
           and not (b == "your fault" and "never the fault" in w.lower())]
    assert not bad


# An AI has no childhood, partner or job; it must not claim one.
INVENTED_LIFE = re.compile(
    r"\b(when i was|i remember when|i went through|i used to|my (?:own )?(?:mother|father|mum|"
    r"mom|dad|parents|partner|wife|husband|ex|friend|boss|job|kids?|children|school|life))\b",
    re.IGNORECASE)


def test_self_disclosure_is_honest_for_an_ai(lib: Library) -> None:
    bad = [w for m in lib.by_strategy["self_disclosure"] for w in m.wordings()
           if INVENTED_LIFE.search(w)]
    assert not bad
    # every disclosure speaks of many people, or is the supporter's honest reaction
    framing = re.compile(r"\b(many|people|parents|students|honest|honestly|i'm an ai|i don't have|"
                         r"i find myself|i feel|i notice|my first reaction|stays with me|"
                         r"stands out to me|i'll be honest|glad)\b", re.IGNORECASE)
    assert all(framing.search(w) for m in lib.by_strategy["self_disclosure"]
               for w in m.wordings())


CLOSED_START = re.compile(r"^(do|does|did|is|are|was|were|have|has|had|can|could|will|"
                          r"would|should|shall|am)\b", re.IGNORECASE)


def test_questions_are_open(lib: Library) -> None:
    qs = lib.by_strategy["question"]
    assert all(m.asks for m in qs)
    closed = [w for m in qs for w in m.wordings() if CLOSED_START.match(w)]
    assert not closed


def test_suggestions_are_offered_not_imposed(lib: Library) -> None:
    for m in lib.by_strategy["suggestion"]:
        for w in m.wordings():
            low = w.lower()
            assert not re.match(r"^(try|do|stop|go|make|just|you have to)\b", low), w
            # each suggestion hands the choice back to the person
            assert w.rstrip().endswith("?") or "might help" in low, w


def test_slots_are_declared_from_text(lib: Library) -> None:
    for m in lib.moves:
        assert m.slots == set(re.findall(r"\{(\w+)\}", m.text)), m.id


def test_every_wording_is_a_distinct_sentence(lib: Library) -> None:
    # Alternatives must change the words, and no wording of one move may be the wording of
    # another: the realiser's "never say a sentence twice" relies on it.
    owner: dict[str, str] = {}
    for m in lib.moves:
        ws = m.wordings()
        assert len(set(ws)) == len(ws), m.id
        for w in ws:
            key = " ".join(w.lower().split())
            assert owner.setdefault(key, m.id) == m.id, (m.id, owner[key], w)
            assert "  " not in w and not re.search(r"\s[,.?!]", w), (m.id, w)


def test_openers_are_short_reactions_never_moves(lib: Library) -> None:
    assert len(lib.openers) >= 40
    for m in lib.openers:
        assert not m.asks, m.text
        assert m not in lib.by_strategy[m.strategy]
        assert "joy" not in m.emotions and (m.emotions or "joy" in m.not_emotions
                                            or m.topics), m.id  # never said to good news
        assert all(len(w.split()) <= 14 for w in m.wordings()), m.text


def test_alternatives_expand_and_are_validated(tmp_path: Path) -> None:
    import random

    (tmp_path / "a.yaml").write_text(
        'strategy: reflection\ngroups:\n  - moves:\n      - "[That sounds|It sounds] '
        '[really |]hard, {feeling}."\n', encoding="utf-8")
    (m,) = parse_file(tmp_path / "a.yaml")
    assert sorted(m.wordings()) == sorted(["That sounds really hard, {feeling}.",
                                           "That sounds hard, {feeling}.",
                                           "It sounds really hard, {feeling}.",
                                           "It sounds hard, {feeling}."])
    assert m.slots == {"feeling"}
    seen = {m.fill({"feeling": "sad"}, random.Random(i)) for i in range(40)}
    assert seen == {w.format(feeling="sad") for w in m.wordings()}
    for bad, expected in (("[a [b|c]|d] x.", "nested"), ("[a|b x.", "without ']'"),
                          ("a|b] x.", "without '['"), ("[only] x.", "single wording")):
        (tmp_path / "b.yaml").write_text(
            f'strategy: reflection\ngroups:\n  - moves:\n      - "{bad}"\n', encoding="utf-8")
        with pytest.raises(ContentError, match=re.escape(expected)):
            parse_file(tmp_path / "b.yaml")


def test_topic_ids_accept_esconv_names() -> None:
    assert topic_id("Breakup with partner") == "breakup"
    assert topic_id("job crisis") == "job_crisis"
    assert topic_id("School Bullying") == "bullying"
    assert topic_id("ongoing-depression") == "ongoing_depression"
    assert topic_id("weather") is None


def _write(tmp_path: Path, text: str) -> Path:
    p = tmp_path / "bad.yaml"
    p.write_text(text, encoding="utf-8")
    return p


@pytest.mark.parametrize("body, expected", [
    ("strategy: pep_talk\ngroups:\n  - moves: ['Hi.']\n", "unknown strategy 'pep_talk'"),
    ("strategy: question\ngroups:\n  - moves: ['What is {mood}?']\n", "unknown slot(s) ['mood']"),
    ("strategy: question\ngroups:\n  - stage: closing\n    moves: ['How?']\n",
     "unknown stage ['closing']"),
    ("strategy: question\ngroups:\n  - topic: weather\n    moves: ['How?']\n",
     "unknown topic ['weather']"),
    ("strategy: question\ngroups:\n  - moves: ['How are you']\n", "must end with"),
    ("strategy: question\ngroups:\n  - moves: []\n", "non-empty list"),
    ("strategy: question\ngroups:\n  - moves: ['How?']\n    emotions: [fear]\n",
     "unknown keys ['emotions']"),
    ("groups:\n  - moves: ['How?']\n", "no strategy"),
    ("strategy: question\ngroups:\n  - emotion: joy\n    not_emotion: [joy]\n"
     "    moves: ['How?']\n", "both in 'emotion' and 'not_emotion'"),
    ("strategy: question\ngroups:\n  - moves: ['What is {}?']\n", "plain name"),
    ("strategy: question\ngroups:\n  - moves: ['What is {feeling!r}?']\n", "plain name"),
    ("strategy: question\ngroups: [\n", "not valid YAML"),
])
def test_bad_yaml_fails_with_file_and_entry(tmp_path: Path, body: str, expected: str) -> None:
    with pytest.raises(ContentError) as info:
        parse_file(_write(tmp_path, body))
    msg = str(info.value)
    assert msg.startswith("bad.yaml")
    assert expected in msg


def test_error_names_group_and_move(tmp_path: Path) -> None:
    body = ("strategy: question\ngroups:\n  - moves: ['How?']\n"
            "  - moves: ['What?', 'Why {oops}?']\n")
    with pytest.raises(ContentError, match=r"bad\.yaml: group 2, move 2 .*Why \{oops\}"):
        parse_file(_write(tmp_path, body))


def test_duplicate_moves_across_files_are_rejected(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("strategy: question\ngroups:\n  - moves: ['How?']\n")
    (tmp_path / "b.yaml").write_text("strategy: question\ngroups:\n  - moves: ['how?']\n")
    with pytest.raises(ContentError, match="duplicate"):
        Library.from_dir(tmp_path)


def test_emotion_vocabulary_matches_perception() -> None:
    from empathia.perceive.emotion import EKMAN

    assert set(EMOTIONS) == set(EKMAN)


OPENING_INVITATION = re.compile(r"\b(would you like to talk about|brings you here|"
                                r"what's on your mind\??$|going on for you lately)",
                                re.IGNORECASE)


def test_opening_invitations_are_only_said_at_the_start(lib: Library) -> None:
    # "What would you like to talk about today?" after the person has told us about their job
    # reads as if we had not listened.
    late = [w for m in lib.moves if m.moment != "start" for w in m.wordings()
            if OPENING_INVITATION.search(w)]
    assert not late
    assert any(OPENING_INVITATION.search(w) for m in lib.moves if m.moment == "start"
               for w in m.wordings())


def test_mentions_gate_moves_that_presuppose_a_situation(tmp_path: Path, lib: Library) -> None:
    from empathia.respond.embedded import EmbeddedRealiser, RealiseRequest

    (tmp_path / "a.yaml").write_text(
        'strategy: question\ngroups:\n  - mentions: [laid off, redundan]\n    moves:\n'
        '      - "What would losing this job mean for you?"\n', encoding="utf-8")
    (m,) = parse_file(tmp_path / "a.yaml")
    assert m.mentions == ("laid off", "redundan")
    assert m.mentioned("they said i might be made redundant") and m.mentioned("got laid  off")
    assert not m.mentioned("my boss is rude to me")
    (tmp_path / "b.yaml").write_text(
        'strategy: question\ngroups:\n  - mentions: []\n    moves:\n      - "What now?"\n',
        encoding="utf-8")
    with pytest.raises(ContentError, match="mentions"):
        parse_file(tmp_path / "b.yaml")
    # In the shipped library: a shouting boss is not asked what losing the job would mean;
    # someone facing lay-offs is, and the moves written for their situation are preferred.
    said = {False: "My boss keeps shouting at me in meetings.",
            True: "They told us half the team will be laid off next month."}
    gated = {m.id for m in lib.moves if m.mentions}
    losing = {False: 0, True: 0}
    for_situation = {False: 0, True: 0}
    for seed in range(40):
        for at_stake, text in said.items():
            r = EmbeddedRealiser(seed=seed, library=lib).realise(RealiseRequest(
                strategy="question", pair=False, topic="job_crisis", emotion="fear",
                seeker=[text], history=[text]))
            losing[at_stake] += "losing this job" in r.text
            for_situation[at_stake] += any(m.id in gated for m in r.moves)
    assert losing[False] == 0 and for_situation[False] == 0
    assert for_situation[True] >= 10


def test_each_sentence_of_a_longer_opener_is_its_own(lib: Library) -> None:
    # An opener is checked against what was already said as a whole, so a sentence of a
    # two-sentence opener ("I'm sorry. I imagine that's been hard.") that another move can
    # say on its own ("I'm sorry.") could be heard twice in one conversation.
    from empathia.respond.embedded import norm_sentence, sentences

    owners: dict[str, set[str]] = {}
    for m in lib.moves:
        for w in m.wordings():
            for s in sentences(w):
                owners.setdefault(norm_sentence(s), set()).add(m.id)
    shared = [(m.id, s, sorted(owners[norm_sentence(s)] - {m.id}))
              for m in lib.openers for w in m.wordings() if len(sentences(w)) > 1
              for s in sentences(w) if owners[norm_sentence(s)] - {m.id}]
    assert not shared


def test_opening_greetings_are_many_and_say_hello(lib: Library) -> None:
    # Issue 5: conversations should not all open with the same words, and whichever
    # greeting is drawn still greets ("hi", "hello") before it invites.
    greetings = [w for m in lib.moves if m.moment == "start" and m.strategy == "other"
                 for w in m.wordings()]
    questions = [w for m in lib.moves if m.moment == "start" and m.strategy == "question"
                 for w in m.wordings()]
    closings = [w for m in lib.moves if m.moment == "closing" for w in m.wordings()]
    assert len(greetings) >= 40 and len(questions) >= 40 and len(closings) >= 150
    assert all(re.search(r"\b(hi|hello)\b", w, re.IGNORECASE) for w in greetings)
