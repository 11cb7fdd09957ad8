"""The embedded realiser's content library: support moves written by the project.

Each YAML file under ``content/`` holds groups of moves. A group names its strategy (or
inherits the file's), and optional filters: the stages, emotion families and problem topics
it suits (``not_emotion`` keeps words for distress away from good news). A move with no
filter of a kind suits every value of that kind. Slots in a move's
text (``{feeling}``, ``{cause}``, ``{fact}``, ``{topic}``) are read from the text itself, so
the realiser knows what a move needs before choosing it.

A move may vary its wording with alternatives in square brackets: ``"[That sounds|It
sounds] really hard."`` says one of them each time (an empty alternative, ``[really |]``,
makes a word optional). The alternatives must all read correctly in the sentence; they keep
one move from sounding identical every time it is used.

Groups with a ``moment`` are said at that moment and at no other: ``start`` opens a
conversation (a greeting, an open invitation, also the answer to a first "hi"), ``closing``
answers someone who is saying thanks or goodbye.

Groups with a ``cue`` (``self_blame``, ``own_plan``) answer one kind of disclosure and are
said only when the caller reads that cue in the person's words.

Groups with ``mentions`` (a list of word beginnings, such as ``[redundan, laid off, let
go]``) presuppose a particular situation ("How did the news about your job reach you?"):
they are said only once the person has used one of those words, so someone whose boss is
merely rude is not asked what losing the job would mean.

Groups marked ``opener: true`` hold short first sentences that react to what the person
said ("I'm so sorry, that sounds exhausting.") or say that it makes sense to us; the
realiser may put one before the planned moves, the way a person often does, and never
chooses them as a move of their own.

A mistake in a file fails loudly at load time, naming the file and the entry, because a
silently skipped move is a bug nobody notices until a person reads a broken sentence.
"""

from __future__ import annotations

import random
import re
import string
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Iterable

import yaml

CONTENT_DIR = Path(__file__).parent / "content"

# The vocabulary of DESIGN.md. Strategy ids are the stable ESConv ids; the taxonomy module
# (empathia.support.strategies) owns the Enum, these strings are its values.
STRATEGIES: tuple[str, ...] = (
    "question", "restatement", "reflection", "self_disclosure", "affirmation", "suggestion",
    "information", "other",
)
STAGES: tuple[str, ...] = ("exploration", "comforting", "action")
EMOTIONS: tuple[str, ...] = ("anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral")
SLOTS: tuple[str, ...] = ("feeling", "cause", "fact", "topic", "person")
# Kinds of disclosure that deserve an answer of their own, read from the person's words by
# the caller: blaming themselves ("I feel stupid", "it's my fault") and naming a step of
# their own ("I could ask my brother to come over"), and a step that risks their health
# (stopping a medicine on their own, going without food). A group with ``cue`` is said
# only when its cue is present.
CUES: tuple[str, ...] = ("self_blame", "own_plan", "stop_medicine", "stop_treatment",
                         "stop_eating", "child_at_risk", "risky_plan")

# The twelve ESConv problem types, with the phrase a move's {topic} slot receives. Each
# phrase is a noun phrase that reads well after "the hardest part of" or "about".
TOPICS: dict[str, str] = {
    "job_crisis": "what's happening with your job",
    "breakup": "the break-up",
    "ongoing_depression": "this long stretch of feeling low",
    "friends": "things with your friends",
    "academic_pressure": "the pressure of your studies",
    "procrastination": "the struggle to get started on things",
    "alcohol": "the drinking",
    "parents": "things with your parents",
    "children": "things with your children",
    "sleep": "the trouble sleeping",
    "appearance": "the worries about how you look",
    "bullying": "the bullying",
}
# ESConv's own problem-type strings, for callers that pass them through unchanged.
ESCONV_TOPICS: dict[str, str] = {
    "job crisis": "job_crisis",
    "breakup with partner": "breakup",
    "ongoing depression": "ongoing_depression",
    "problems with friends": "friends",
    "academic pressure": "academic_pressure",
    "procrastination": "procrastination",
    "alcohol abuse": "alcohol",
    "issues with parents": "parents",
    "issues with children": "children",
    "sleep problems": "sleep",
    "appearance anxiety": "appearance",
    "school bullying": "bullying",
}


def topic_id(name: str | None) -> str | None:
    """Map an id, an ESConv problem type or a loose spelling to a topic id (None if unknown)."""
    if not name:
        return None
    key = name.strip().lower()
    if key in TOPICS:
        return key
    if key in ESCONV_TOPICS:
        return ESCONV_TOPICS[key]
    key = re.sub(r"[\s\-]+", "_", key)
    return key if key in TOPICS else None


class ContentError(ValueError):
    """A content file is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Move:
    """One support move: a sentence or two a supporter might say."""

    id: str  # "<file stem>:<group index>:<move index>", stable while the file is unchanged
    strategy: str
    text: str
    stages: frozenset[str] = frozenset()  # empty: any stage
    emotions: frozenset[str] = frozenset()  # empty: any emotion family
    topics: frozenset[str] = frozenset()  # empty: any topic
    slots: frozenset[str] = frozenset()
    not_emotions: frozenset[str] = frozenset()  # families it must not be said to (e.g. joy)
    opener: bool = False  # a short first reaction, never a move of its own
    moment: str | None = None  # "start" or "closing": said at that moment and no other
    cues: frozenset[str] = frozenset()  # said only when one of these cues is present
    mentions: tuple[str, ...] = ()  # said only once the person used one of these words

    def mentioned(self, words: str) -> bool:
        """Whether ``words`` (what the person said) use one of ``mentions``; case and curly
        apostrophes ("don’t") do not matter."""
        return not self.mentions or bool(
            _mentions_rx(self.mentions).search(words.replace("\u2019", "'")))

    @property
    def asks(self) -> bool:
        """Whether the move ends by asking the person something."""
        return self.text.rstrip().endswith("?")

    def fill(self, values: dict[str, str], rng: random.Random | None = None) -> str:
        """The move's words: one wording chosen from each [a|b] (the first without a
        random generator), slots filled from ``values``."""
        text = expand(self.text, rng)
        return " ".join(text.format(**{k: values[k] for k in self.slots}).split())

    def wordings(self) -> list[str]:
        """Every wording of the move, slots unfilled (for review and tests)."""
        out = [""]
        for part in _ALT.split(self.text):
            if part.startswith("[") and part.endswith("]"):
                out = [o + alt for o in out for alt in part[1:-1].split("|")]
            else:
                out = [o + part for o in out]
        return [" ".join(o.split()) for o in out]

    def suits(self, stage: str | None, emotion: str | None, topic: str | None) -> bool:
        return ((not self.stages or stage is None or stage in self.stages)
                and (not self.emotions or (emotion is not None and emotion in self.emotions))
                and (emotion is None or emotion not in self.not_emotions)
                and (not self.topics or (topic is not None and topic in self.topics)))


_ALT = re.compile(r"(\[[^\[\]]*\])")


def expand(text: str, rng: random.Random | None = None) -> str:
    """Choose one alternative from each ``[a|b|c]`` (the first when ``rng`` is None)."""
    def pick(m: re.Match) -> str:
        options = m.group(0)[1:-1].split("|")
        return rng.choice(options) if rng is not None else options[0]
    return _ALT.sub(pick, text)


def check_alternatives(text: str) -> None:
    """ValueError unless brackets are balanced, unnested and offer two or more wordings."""
    depth = 0
    for ch in text:
        if ch == "[":
            depth += 1
            if depth > 1:
                raise ValueError("alternatives [a|b] cannot be nested")
        elif ch == "]":
            depth -= 1
            if depth < 0:
                raise ValueError("']' without '['")
    if depth:
        raise ValueError("'[' without ']'")
    for m in _ALT.finditer(text):
        if "|" not in m.group(0):
            raise ValueError(f"{m.group(0)} offers a single wording; write [a|b]")


def slots_of(text: str) -> frozenset[str]:
    """The named slots a text uses; positional or malformed braces raise ValueError."""
    names = set()
    for _, field, spec, conv in string.Formatter().parse(text):
        if field is None:
            continue
        if field == "" or spec or conv:
            raise ValueError(f"slot {{{field}}} must be a plain name")
        names.add(field)
    return frozenset(names)


def _as_set(value: Any, allowed: Iterable[str], what: str, where: str) -> frozenset[str]:
    if value is None:
        return frozenset()
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, list) or not all(isinstance(v, str) for v in items):
        raise ContentError(f"{where}: '{what}' must be a name or a list of names")
    allowed = tuple(allowed)
    bad = [v for v in items if v not in allowed]
    if bad:
        raise ContentError(f"{where}: unknown {what} {bad}; expected one of {list(allowed)}")
    return frozenset(items)


_GROUP_KEYS = {"strategy", "stage", "emotion", "not_emotion", "topic", "moves", "opener",
               "moment", "cue", "mentions"}


@lru_cache(maxsize=None)
def _mentions_rx(words: tuple[str, ...]) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in words)
                      + r")", re.IGNORECASE)


def _as_mentions(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not value or not all(
            isinstance(v, str) and v.strip() for v in value):
        raise ContentError(f"{where}: 'mentions' must be a non-empty list of words")
    return tuple(" ".join(v.lower().split()) for v in value)


MOMENTS: tuple[str, ...] = ("start", "closing")


def parse_file(path: Path) -> list[Move]:
    """Read and validate one content file."""
    try:
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as exc:
        raise ContentError(f"{path.name}: not valid YAML: {exc}") from None
    if not isinstance(doc, dict) or not isinstance(doc.get("groups"), list):
        raise ContentError(f"{path.name}: expected a mapping with a 'groups' list")
    file_strategy = doc.get("strategy")
    if file_strategy is not None and file_strategy not in STRATEGIES:
        raise ContentError(f"{path.name}: unknown strategy {file_strategy!r}; "
                           f"expected one of {list(STRATEGIES)}")
    moves: list[Move] = []
    for g, group in enumerate(doc["groups"]):
        where = f"{path.name}: group {g + 1}"
        if not isinstance(group, dict):
            raise ContentError(f"{where}: expected a mapping")
        extra = set(group) - _GROUP_KEYS
        if extra:
            raise ContentError(f"{where}: unknown keys {sorted(extra)}; "
                               f"allowed: {sorted(_GROUP_KEYS)}")
        strategy = group.get("strategy", file_strategy)
        if strategy is None:
            raise ContentError(f"{where}: no strategy (set it on the file or the group)")
        if strategy not in STRATEGIES:
            raise ContentError(f"{where}: unknown strategy {strategy!r}; "
                               f"expected one of {list(STRATEGIES)}")
        stages = _as_set(group.get("stage"), STAGES, "stage", where)
        emotions = _as_set(group.get("emotion"), EMOTIONS, "emotion", where)
        topics = _as_set(group.get("topic"), TOPICS, "topic", where)
        not_emotions = _as_set(group.get("not_emotion"), EMOTIONS, "not_emotion", where)
        cues = _as_set(group.get("cue"), CUES, "cue", where)
        mentions = _as_mentions(group.get("mentions"), where)
        if emotions & not_emotions:
            raise ContentError(f"{where}: {sorted(emotions & not_emotions)} is both in "
                               "'emotion' and 'not_emotion'")
        opener = group.get("opener", False)
        if not isinstance(opener, bool):
            raise ContentError(f"{where}: 'opener' must be true or false")
        moment = group.get("moment")
        if moment is not None and moment not in MOMENTS:
            raise ContentError(f"{where}: unknown moment {moment!r}; expected one of "
                               f"{list(MOMENTS)}")
        texts = group.get("moves")
        if not isinstance(texts, list) or not texts:
            raise ContentError(f"{where}: 'moves' must be a non-empty list of sentences")
        for m, text in enumerate(texts):
            at = f"{where}, move {m + 1}"
            if not isinstance(text, str) or not text.strip():
                raise ContentError(f"{at}: a move must be a non-empty string, got {text!r}")
            try:
                check_alternatives(text)
                slots = slots_of(text)
            except ValueError as exc:
                raise ContentError(f"{at} ({text!r}): {exc}") from None
            unknown = slots - set(SLOTS)
            if unknown:
                raise ContentError(f"{at} ({text!r}): unknown slot(s) {sorted(unknown)}; "
                                   f"allowed: {list(SLOTS)}")
            if text.rstrip()[-1:] not in ".?!":
                raise ContentError(f"{at} ({text!r}): must end with . ? or !")
            moves.append(Move(f"{path.stem}:{g + 1}:{m + 1}", strategy, " ".join(text.split()),
                              stages, emotions, topics, slots, not_emotions, opener, moment,
                              cues, mentions))
    return moves


class Library:
    """All moves, indexed by strategy."""

    def __init__(self, moves: list[Move]) -> None:
        seen: dict[str, str] = {}
        for mv in moves:
            key = mv.text.lower()
            if key in seen:
                raise ContentError(f"{mv.id}: duplicate of {seen[key]}: {mv.text!r}")
            seen[key] = mv.id
        self.moves = moves
        self.by_strategy: dict[str, list[Move]] = {s: [] for s in STRATEGIES}
        self.openers: list[Move] = [mv for mv in moves if mv.opener]
        for mv in moves:
            if not mv.opener:
                self.by_strategy[mv.strategy].append(mv)

    @classmethod
    def from_dir(cls, folder: Path) -> "Library":
        files = sorted(Path(folder).glob("*.yaml"))
        if not files:
            raise ContentError(f"{folder}: no content files (*.yaml)")
        moves: list[Move] = []
        for f in files:
            moves.extend(parse_file(f))
        return cls(moves)

    def __len__(self) -> int:
        return len(self.moves)


@lru_cache(maxsize=4)
def load_library(folder: str | None = None) -> Library:
    """The library shipped with the package (or one from a folder), loaded once."""
    return Library.from_dir(Path(folder) if folder else CONTENT_DIR)
