"""The embedded realiser: offline, deterministic, written by the project.

Given a planned strategy and what perception and memory know (the feeling, the reflected
cause, a remembered fact, the topic), it picks moves from the content library whose slots
it can fill, usually combines two of them (say a reflection, then an open question), and
never says a sentence that was already said in the conversation.

Choices are random but reproducible: the random generator is seeded from the seed and the
conversation so far, so the same conversation always gets the same reply.
"""

from __future__ import annotations

import hashlib
import random
import re
from functools import lru_cache
from typing import Literal

from pydantic import BaseModel, Field, field_validator

from ..perceive.reflect import reflect
from .library import STAGES, STRATEGIES, TOPICS, Library, Move, load_library, topic_id

Strategy = Literal["question", "restatement", "reflection", "self_disclosure", "affirmation",
                   "suggestion", "information", "other"]
Stage = Literal["exploration", "comforting", "action"]
EmotionFamily = Literal["anger", "disgust", "fear", "joy", "sadness", "surprise", "neutral"]


class RealiseRequest(BaseModel):
    """What the planner, perception and memory hand to the realiser for one reply."""

    strategy: Strategy
    secondary: Strategy | None = Field(
        None, description="a second move to combine; None lets the realiser choose a fitting one")
    pair: bool = Field(True, description="allow a second move at all")
    stage: Stage | None = None
    emotion: EmotionFamily | None = Field(None, description="Ekman family of the top emotion")
    topic: str | None = Field(None, description="topic id or ESConv problem type")
    feeling: str | None = Field(None, description="a feeling word or GoEmotions label")
    cause: str | None = Field(None, description="the reflected cause, in second person")
    fact: str | None = Field(None, description="a remembered fact, in second person")
    person: str | None = Field(None, description="someone they named, in second person "
                                                 "('your sister'), for the {person} slot")
    history: list[str] = Field(default_factory=list,
                               description="everything already said in this conversation")
    used_moves: list[str] = Field(default_factory=list,
                                  description="move ids used earlier in this conversation")
    seeker: list[str] = Field(default_factory=list,
                              description="what the person has said so far (answers that "
                                          "make a question redundant); empty: read history")
    react: bool = Field(True, description="allow a short first reaction before the moves")
    moment: Literal["start", "closing"] | None = Field(
        None, description="start: open the conversation; closing: answer a thanks or goodbye; "
                          "only the library's moves for that moment are used")
    cues: list[Literal["self_blame", "own_plan", "stop_medicine", "stop_treatment",
                       "stop_eating", "child_at_risk", "risky_plan"]] = Field(
        default_factory=list, description="kinds of disclosure read in the person's words "
                                          "(self-blame, a plan of their own, a step that "
                                          "risks their health, a risky plan): the reply "
                                          "answers them with a move written for that cue")
    disclosure: bool = Field(
        False, description="the person just told us something substantive (a feeling, a "
                           "cause, a hard moment): a thin move ('I'm here', 'thank you for "
                           "telling me') does not stand alone")
    question: str | None = Field(
        None, description="the person's direct question: the reply's first move is about "
                          "its subject when the library has one")

    @field_validator("topic")
    @classmethod
    def _known_topic(cls, v: str | None) -> str | None:
        if v is None or not v.strip():
            return None
        tid = topic_id(v)
        if tid is None:
            raise ValueError(f"unknown topic {v!r}; expected one of {sorted(TOPICS)}")
        return tid


class MoveUse(BaseModel):
    id: str
    strategy: str
    template: str
    text: str
    opener: bool = Field(False, description="a short first reaction, not a planned move")


class Realisation(BaseModel):
    text: str
    realiser: Literal["embedded"] = "embedded"
    moves: list[MoveUse]
    notes: list[str] = Field(default_factory=list,
                             description="why a slot was left out or a filter relaxed")

    @property
    def strategies(self) -> list[str]:
        """The strategies of the planned moves (a short opening reaction is not one)."""
        return [m.strategy for m in self.moves if not m.opener]


# GoEmotions labels are nouns or adjectives; moves want an adjective ("you feel {feeling}").
_LABEL_ADJ = {
    "admiration": "inspired", "amusement": "amused", "anger": "angry",
    "annoyance": "annoyed", "approval": "pleased", "caring": "caring", "confusion": "confused",
    "curiosity": "curious", "desire": "wistful", "disappointment": "disappointed",
    "disapproval": "uneasy", "disgust": "disgusted", "embarrassment": "embarrassed",
    "excitement": "excited", "fear": "scared", "gratitude": "grateful", "grief": "heartbroken",
    "joy": "happy", "love": "tender", "nervousness": "nervous", "optimism": "hopeful",
    "pride": "proud", "realization": "thoughtful", "relief": "relieved",
    "remorse": "regretful", "sadness": "sad", "surprise": "surprised",
}
# Labels that describe a stance, not a feeling to say back to someone who is struggling.
_NOT_A_FEELING = {"curiosity", "curious", "realization", "approval", "admiration", "caring",
                  "desire"}
# When perception names a family but no usable word, a gentle word for that family.
_FAMILY_FEELING = {"anger": "frustrated", "disgust": "upset", "fear": "anxious",
                   "sadness": "low", "surprise": "surprised", "joy": "glad"}
_FEELING_PREFIX = re.compile(
    r"^(?:(?:i\s*am|i'm|im|i\s+feel|feel(?:ing|s)?|felt|so|really|very|quite|pretty|"
    r"kind\s+of|kinda|a\s+bit|a\s+little|just|too)\s+)+", re.IGNORECASE)
_LEAD_CONNECTIVE = re.compile(r"^(?:because|cause|since|that|as|about|of|when)\s+", re.IGNORECASE)
_LOWER_OK = {"you", "your", "you're", "you've", "you'll", "you'd", "yours", "yourself", "it",
             "its", "it's", "the", "a", "an", "there", "they", "they're", "he", "she", "this",
             "that", "nobody", "no", "everyone", "everything", "all", "some", "someone",
             "nothing", "things", "people", "my", "our", "his", "her", "their", "not"}
_CLAUSE_HINT = re.compile(
    r"\b(?:is|are|was|were|am|be|been|being|have|has|had|will|would|might|may|can|can't|"
    r"could|couldn't|should|did|didn't|do|does|doesn't|don't|won't|got|get|gets|keep|keeps|"
    r"kept|feel|feels|left|lost|said|told|broke|failed|fired|you're|you've|it's|isn't|aren't|"
    r"wasn't|weren't|haven't|hasn't|fell|went|came|took|made|gave|saw|knew|thought|found|"
    r"ran|hit|cut|hurt|quit|lied|cheated|yelled|[a-z]+ed)\b", re.IGNORECASE)
# A subject followed by at least three more words also reads as a clause ("your whole life
# fell apart"); "your boss" alone does not.
_SUBJECT_START = re.compile(
    r"^(?:you|he|she|they|it|we|there|everyone|nobody|someone|(?:your|his|her|their|the)"
    r"\s+\w+)\b(?:\s+\S+){3,}", re.IGNORECASE)
_SENT_SPLIT = re.compile(r"(?<=[.!?])\s+")
_MAX_SLOT_WORDS = 22

_PAIRING: dict[str, tuple[str, ...]] = {
    # primary -> secondaries to try, in order of preference
    "reflection": ("question",),
    "restatement": ("question",),
    "affirmation": ("question", "reflection"),
    "self_disclosure": ("question",),
    "question": ("reflection", "restatement"),
    "suggestion": ("reflection", "affirmation"),
    "information": ("question", "affirmation"),
    "other": ("question",),
}
# Acknowledging comes first, offering next, asking last.
_ORDER = {"other": 0, "reflection": 1, "restatement": 1, "affirmation": 2,
          "self_disclosure": 2, "information": 3, "suggestion": 3, "question": 4}
_PAIR_CHANCE = 0.3
# A bare "I'm here with you" or "Thank you for telling me" is thin on its own, and these
# never get an opener; they keep a second move more often.
_PAIR_CHANCE_THIN = {"other": 0.6, "affirmation": 0.6}
# How often a reply opens with a short reaction, by stage (people react most while they
# are still hearing the story).
_OPENER_CHANCE = {"exploration": 0.75, "comforting": 0.75, "action": 0.45}
# After an opener a second move is rarer, so replies stay about as long as people's.
_PAIR_AFTER_OPENER = 0.1
# While we are still hearing the story, a reply that only acknowledges (a reflection, a
# restatement, an affirmation, "I'm here") usually goes on to an open question, as issue 5
# asks ("a reflection and an open question"): it shows we want to hear more and gives the
# person something to answer. Not after an opener (the reply already says two things),
# not after our own perspective (a self-disclosure or information stands on its own and is
# what they answer), and not when they just asked us something (a question back would
# dodge theirs).
_ASK_AFTER = {"exploration": 0.75, "comforting": 0.6}
_ACKNOWLEDGING = ("reflection", "restatement", "affirmation", "other")
# Strategies whose generic moves say nothing about what the person said.
_THIN = ("other", "affirmation")
# Words that do not name what a question is about ("what should I do to make it better?").
_QUESTION_GENERIC = {"make", "makes", "worse", "better", "help", "helps", "normal", "okay",
                     "good", "best", "right", "wrong", "anyone", "someone", "something",
                     "anything", "deal", "handle", "try", "should", "stop", "does", "thing",
                     "things", "stuff", "with", "about", "what", "have", "into"}

# Questions that an earlier answer (or an earlier question) makes redundant: asking "how
# long has this been going on?" after "for three months now" shows we were not listening.
# (pattern of the question, which also finds it asked earlier by the supporter; pattern of
# an answer in what the person said)
_FACETS: tuple[tuple[re.Pattern, re.Pattern], ...] = tuple(
    (re.compile(q, re.IGNORECASE), re.compile(a, re.IGNORECASE))
    for q, a in (
        (r"\bhow long\b|\bwhen did (?:this|it|things|you first)\b|\bwhen you first\b|"
         r"around the time this started",
         r"\b(?:for|since|about|over|past|last|nearly|almost)\s+(?:a|an|the|one|two|three|four|"
         r"five|six|few|several|couple|\d+)?\s*(?:of\s+)?(?:days?|weeks?|months?|years?|"
         r"while|ages)\b|\b(?:days?|weeks?|months?|years?) ago\b|\bsince (?:i|we|my|the|"
         r"last|then|covid|the pandemic|\d)|\ball my life\b|\bever since\b"),
        (r"\bwho else knows\b|\bwho (?:have|could|can) you (?:told|talk|turn)|"
         r"\banyone (?:you can|you could|to) talk\b|\bwho knows that\b",
         r"\b(?:told|talked to|talk to|spoke to|speak to) (?:my|a|the|our)\b|"
         r"\b(?:no ?one|nobody) (?:knows|to talk|i can talk)\b|\bi have no one\b|"
         r"\bdon'?t have anyone\b"),
        (r"\bsleeping\b|\bsleep(?:ing)? and eating\b",
         r"\b(?:sleep|slept|sleeping|insomnia|awake at night|can'?t sleep)\b"),
        (r"\bwhat have you tried\b|\bwhat (?:has|have) you (?:already )?tried\b",
         r"\bi(?:'ve| have)? tried\b|\bi(?:'ve| have) been trying\b"),
    ))


_PLAIN = {"that", "this", "with", "what", "your", "you're", "feel", "feeling", "really",
          "would", "about", "have", "been", "when", "them", "they", "there", "it's", "like",
          "much", "more", "just", "some", "something"}


def _words(text: str) -> set[str]:
    """The telling words of a sentence (four letters or more, not the commonest)."""
    return {w for w in re.findall(r"[a-z']{4,}", text.lower()) if w not in _PLAIN}


@lru_cache(maxsize=4096)
def _facets_of(question: str) -> frozenset[int]:
    """The kinds of question (in _FACETS) a move's text asks."""
    return frozenset(i for i, (q, _) in enumerate(_FACETS) if q.search(question))


def _closed_facets(req: RealiseRequest) -> frozenset[int]:
    """Kinds of question the person already answered, or the supporter already asked
    (read once per pick, not once per candidate move)."""
    theirs = " ".join(req.seeker) if req.seeker else " ".join(req.history)
    asked = " ".join(s for t in req.history if t not in req.seeker
                     for s in sentences(t) if s.rstrip().endswith("?")) if req.seeker else ""
    return frozenset(i for i, (q, a) in enumerate(_FACETS)
                     if a.search(theirs) or (asked and q.search(asked)))


def norm_sentence(s: str) -> str:
    """Case, spacing and punctuation do not make a sentence new."""
    return " ".join(re.sub(r"[^a-z0-9' ]+", " ", s.lower().replace("\u2019", "'")).split())


def sentences(text: str) -> list[str]:
    return [s for s in (p.strip() for p in _SENT_SPLIT.split(text.strip())) if s]


def _lower_start(phrase: str) -> str:
    """Lower-case a sentence-initial common word so the phrase fits mid-sentence."""
    first = phrase.split(" ", 1)[0]
    if first.lower() in _LOWER_OK and first != "I":
        return phrase[:1].lower() + phrase[1:]
    return phrase


def clean_feeling(feeling: str | None, family: str | None) -> str | None:
    """A bare feeling adjective: "I'm feeling so anxious." -> "anxious"."""
    word = (feeling or "").strip().strip(".!?,;:").strip()
    word = _FEELING_PREFIX.sub("", word).strip()
    if word.lower() in _NOT_A_FEELING:
        return None  # "when people feel curious for a long time..." is not a reflection
    word = _LABEL_ADJ.get(word.lower(), word)
    if word.lower() in ("neutral", "") or len(word.split()) > 4:
        word = _FAMILY_FEELING.get(family or "", "")
    return word.lower() or None


def clean_clause(text: str | None) -> str | None:
    """A clause ready to follow "because" or "that": second person, no trailing stop.

    Returns None for text that is not a short clause ("my boss" or a whole paragraph),
    so moves that need a clause are skipped instead of producing a broken sentence.
    """
    if not text or not text.strip():
        return None
    phrase = reflect(" ".join(text.split())).strip().strip(".!?,;:").strip()
    phrase = _LEAD_CONNECTIVE.sub("", phrase).strip()
    if not phrase or len(phrase.split()) > _MAX_SLOT_WORDS:
        return None
    if not (_CLAUSE_HINT.search(phrase) or _SUBJECT_START.match(phrase)):
        return None
    return _lower_start(phrase)


# Abbreviations whose full stop does not end a sentence ("at 3 a.m. checking her phone").
_ABBREV_END = re.compile(r"(?:\b[ap]\.m|\be\.g|\bi\.e|\betc|\bvs|\bmr|\bmrs|\bms|\bdr|"
                         r"\bst)\.\s+$", re.IGNORECASE)


def _capitalise(m: re.Match) -> str:
    if m.group(1) and _ABBREV_END.search(m.string[:m.start(2)]):
        return m.group(0)
    return m.group(1) + m.group(2).upper()


def tidy(text: str) -> str:
    """Spacing, doubled punctuation and sentence-initial capitals."""
    text = " ".join(text.split())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([!?])[.!?]+", r"\1", text)
    text = re.sub(r"\.{2,}", ".", text)
    text = re.sub(r",([.!?])", r"\1", text)
    text = re.sub(r"\b(\w+) \1\b", lambda m: m.group(1)
                  if m.group(1).lower() not in ("that", "had", "very") else m.group(0), text)
    text = re.sub(r"(^|[.!?]\s+)([a-z])", _capitalise, text)
    return text


def _just_mentioned(mv: Move, req: RealiseRequest) -> bool:
    """Whether a move that presupposes a situation (``mentions``) fits what the person said
    in their last message, not only earlier."""
    return bool(mv.mentions) and bool(req.seeker) and mv.mentioned(req.seeker[-1])


def _has_cue(mv: Move, req: RealiseRequest) -> bool:
    """Whether a move was written for a cue read in this message (``RealiseRequest.cues``)."""
    return bool(mv.cues & set(req.cues))


class EmbeddedRealiser:
    """Offline realiser over the content library; same seed and history, same reply."""

    def __init__(self, seed: int = 0, library: Library | None = None) -> None:
        self.seed = seed
        self.library = library or load_library()

    # -- public -------------------------------------------------------------------------
    def realise(self, request: RealiseRequest) -> Realisation:
        rng = random.Random(self._seed_for(request))
        notes: list[str] = []
        values = self._slot_values(request, notes)
        said = {norm_sentence(s) for t in request.history for s in sentences(t)}
        used = set(request.used_moves)
        history_text = " ".join(request.history).lower()

        first = None
        if request.question and request.moment is None:
            # "What should I do about the Instagram thing?" is answered about Instagram: an
            # on-topic move (even one from another stage) before any off-topic one.
            first = self._pick(request.strategy, request, values, said, used, history_text,
                               rng, notes, forbid_question=False, require=self._on_question)
            if first is None:
                notes.append("no unused move of this strategy is about their question")
        if first is None:
            first = self._pick(request.strategy, request, values, said, used, history_text,
                               rng, notes, forbid_question=False)
        if first is None:  # every move of the planned strategy was used up
            for alt in ("reflection", "affirmation", "question", "other"):
                first = self._pick(alt, request, values, said, used, history_text, rng, notes,
                                   forbid_question=False)
                if first is not None:
                    notes.append(f"no unused {request.strategy} move; used {alt}")
                    break
        if first is None:
            # Hundreds of turns in, every fitting sentence has been said once. Saying one
            # again beats saying nothing; the note makes it visible.
            first = self._pick(request.strategy, request, values, set(), set(), history_text,
                               rng, notes, forbid_question=False)
            notes.append("every fitting move was already used; one is said again")
        if first is None:
            raise RuntimeError(f"the content library has no {request.strategy} move at all "
                               "for this request")
        first, must = self._answer_them(request, first, values, said, used, history_text,
                                        rng, notes)
        chosen = [first]

        taken = said | {norm_sentence(s) for s in sentences(first[1])}
        opener = None if must else \
            self._opener(request, values, taken, used, first[0], first[1], rng)
        if opener is not None:
            taken |= {norm_sentence(opener[1])}
        second_options: tuple[str, ...] = ()
        if must:
            second_options = must[0]
        elif request.secondary is not None:
            second_options = (request.secondary,)
        elif request.pair:
            chance = _PAIR_CHANCE_THIN.get(first[0].strategy, _PAIR_CHANCE) \
                if opener is None else _PAIR_AFTER_OPENER
            ask = opener is None and not first[0].asks and request.question is None \
                and first[0].strategy in _ACKNOWLEDGING
            if ask:
                chance = max(chance, _ASK_AFTER.get(request.stage or "", 0.0))
            if rng.random() < chance:
                second_options = _PAIRING.get(first[0].strategy, ())
                if ask and request.stage in _ASK_AFTER:
                    second_options = ("question",) + tuple(
                        s for s in second_options if s != "question")
                if request.question is not None:
                    second_options = tuple(s for s in second_options if s != "question")
        for strat in second_options:
            if strat == first[0].strategy and strat not in ("question",) and not must:
                continue
            kw = dict(forbid_question=first[0].asks,
                      avoid_slots=first[0].slots & {"cause", "fact"})
            second = None
            if must is None and _has_cue(first[0], request):
                # after "that sounds like a good plan", a question about the plan
                second = self._pick(strat, request, values, taken, used | {first[0].id},
                                    history_text, rng, notes, require=_has_cue, **kw)
            if second is None:
                second = self._pick(strat, request, values, taken, used | {first[0].id},
                                    history_text, rng, notes,
                                    require=must[1] if must else None, **kw)
            if second is not None:
                chosen.append(second)
                break

        chosen.sort(key=lambda mt: _ORDER[mt[0].strategy])
        if len(chosen) == 2 and chosen[0][0].asks and not chosen[1][0].asks:
            chosen.reverse()  # a question never sits in the middle of a reply
        if opener is not None:
            chosen.insert(0, opener)
        text = tidy(" ".join(t for _, t in chosen))
        return Realisation(
            text=text,
            moves=[MoveUse(id=m.id, strategy=m.strategy, template=m.text, text=t,
                           opener=m.opener) for m, t in chosen],
            notes=notes)

    # -- internals ----------------------------------------------------------------------
    def _shares(self, mv: Move, req: RealiseRequest) -> bool:
        """Whether a move uses the telling words of the person's last message."""
        last = req.seeker[-1] if req.seeker else (req.history[-1] if req.history else "")
        return bool(_words(last) & _words(mv.text))

    def _on_question(self, mv: Move, req: RealiseRequest) -> bool:
        """Whether a move is about the subject of the person's question."""
        about = _words(req.question or "") - _QUESTION_GENERIC
        return bool(about & _words(mv.text))

    def _answer_level(self, mv: Move, req: RealiseRequest) -> int:
        """2: the move answers what they just said (their cue, their words, their cause);
        1: it fits their topic, feeling or an earlier fact; 0: it would fit anyone."""
        if _has_cue(mv, req) or "cause" in mv.slots or self._shares(mv, req) \
                or _just_mentioned(mv, req):
            return 2
        if mv.topics or mv.emotions or mv.slots & {"feeling", "fact"}:
            return 1
        return 0

    def _answer_them(self, req: RealiseRequest, first: tuple[Move, str],
                     values: dict[str, str], said: set[str], used: set[str],
                     history_text: str, rng: random.Random, notes: list[str],
                     ) -> tuple[tuple[Move, str], tuple[tuple[str, ...], object] | None]:
        """Make sure a reply to a real disclosure says something about it.

        Self-blame and a plan of their own get a move written for them (replacing a thin
        first move, or as the second); a lone "I'm here" or "thank you for telling me"
        after a feeling, a cause or a hard moment is replaced (other) or joined
        (affirmation) by a move that answers what they said. Returns the first move and,
        when a second move is required, (strategies to try, the test it must pass)."""
        if req.moment is not None:
            return first, None
        cues = set(req.cues)
        mv = first[0]

        def pick(strats: tuple[str, ...], test) -> tuple[Move, str] | None:
            for s in strats:
                got = self._pick(s, req, values, said, used, history_text, rng, notes,
                                 forbid_question=False, require=test)
                if got is not None:
                    return got
            return None

        if cues and not _has_cue(mv, req):
            if mv.strategy in _THIN or self._answer_level(mv, req) < 2:
                got = pick(tuple(dict.fromkeys((mv.strategy, "affirmation", "reflection"))),
                           _has_cue)
                if got is not None:
                    notes.append(f"{mv.strategy} move replaced by one written for "
                                 f"{'/'.join(sorted(cues))}")
                    # and, when there is one, a second move about the same thing (not an
                    # unrelated question after "that doesn't make you stupid")
                    return got, (("question", "reflection", "affirmation"), _has_cue)
            else:
                return first, (("affirmation", "reflection"), _has_cue)
        if not req.disclosure or mv.strategy not in _THIN or self._answer_level(mv, req) >= 2:
            return first, None

        def strong(m: Move, r: RealiseRequest) -> bool:
            return self._answer_level(m, r) >= 2

        def fits(m: Move, r: RealiseRequest) -> bool:
            return self._answer_level(m, r) >= 1

        if mv.strategy == "other" and not self._answer_level(mv, req):
            for test in (strong, fits):
                got = pick(("reflection", "affirmation", "restatement"), test)
                if got is not None:
                    notes.append("a thin move alone after a disclosure; answered what they "
                                 "said instead")
                    return got, None
            return first, None
        # a thin affirmation ("thank you for telling me") or one that only fits the topic
        # keeps its place, joined by a move about what they said
        return first, (("reflection", "restatement"), strong)

    def _opener(self, req: RealiseRequest, values: dict[str, str], said: set[str],
                used: set[str], first: Move, first_text: str, rng: random.Random,
                ) -> tuple[Move, str] | None:
        """A short reaction first, as people often begin ("Oh, I'm sorry. ..."), on some
        turns: never to good news, greetings or goodbyes, nor before a reply that already
        opens by acknowledging."""
        if not req.react or req.moment or req.secondary == "other" or req.emotion == "joy":
            return None
        if first.strategy in ("other", "affirmation"):
            return None
        chance = _OPENER_CHANCE.get(req.stage or "exploration", 0.3)
        if req.emotion is None or req.emotion == "neutral":
            chance *= 0.6  # less said about feelings when none is clear
        if rng.random() >= chance:
            return None
        # A reaction of our own ("I'm so sorry") or, more often, a word of understanding
        # ("I'd find that hard too"); either kind when the other has nothing fresh.
        kind = "affirmation" if rng.random() < 0.3 else "reflection"
        first_words = _words(first_text)
        cands = []
        for mv in self.library.openers:
            if mv.id in used or not mv.suits(req.stage, req.emotion, req.topic) \
                    or not mv.slots <= values.keys():
                continue
            if mv.emotions and "feeling" not in values:
                continue  # naming anger or fear needs a clear reading of it
            text = mv.fill(values, rng)
            if norm_sentence(text) in said or _words(text) & first_words:
                continue  # said already, or the same word twice in one short reply
            w = 1.0 + (3.0 if mv.topics else 0.0) + (1.5 if mv.emotions else 0.0)
            cands.append((mv, text, w))
        if not cands:
            return None
        cands = [c for c in cands if c[0].strategy == kind] or cands
        mv, text, _ = rng.choices(cands, weights=[w for *_, w in cands])[0]
        return mv, text

    def _seed_for(self, req: RealiseRequest) -> int:
        # Fields added later are left out while unset, so old requests keep their seeds.
        key = "\x1f".join([str(self.seed),
                           req.model_dump_json(exclude={"person"} if req.person is None
                                               else None)])
        return int.from_bytes(hashlib.sha256(key.encode("utf-8")).digest()[:8], "big")

    @staticmethod
    def _slot_values(req: RealiseRequest, notes: list[str]) -> dict[str, str]:
        values: dict[str, str] = {}
        feeling = clean_feeling(req.feeling, req.emotion)
        if feeling:
            values["feeling"] = feeling
        cause = clean_clause(req.cause)
        if cause:
            values["cause"] = cause
        elif req.cause:
            notes.append("cause was not a short clause; moves that quote it were skipped")
        fact = clean_clause(req.fact)
        if fact:
            values["fact"] = fact
        elif req.fact:
            notes.append("fact was not a short clause; moves that quote it were skipped")
        if req.topic:
            values["topic"] = TOPICS[req.topic]
        if req.person:
            values["person"] = req.person
        return values

    def _pick(self, strategy: str, req: RealiseRequest, values: dict[str, str], said: set[str],
              used: set[str], history_text: str, rng: random.Random, notes: list[str],
              forbid_question: bool, avoid_slots: frozenset[str] = frozenset(),
              require=None) -> tuple[Move, str] | None:
        pool = self.library.by_strategy.get(strategy, [])
        closed = _closed_facets(req)
        words = " ".join(req.seeker or req.history)
        # Relax only what cannot make a move wrong for this person: first the stage, then
        # the rule against reusing a move whose filled text is still new.
        for stage, allow_used in ((req.stage, False), (None, False), (None, True)):
            cands: list[tuple[Move, str, float]] = []
            for mv in pool:
                if not mv.suits(stage, req.emotion, req.topic) or not mv.slots <= values.keys():
                    continue
                if mv.moment != req.moment:
                    continue
                if mv.cues and not _has_cue(mv, req):
                    continue
                if not mv.mentioned(words):
                    continue
                if require is not None and not require(mv, req):
                    continue
                if (mv.id in used and not allow_used) or (forbid_question and mv.asks):
                    continue
                if mv.slots & avoid_slots:
                    continue
                if mv.asks and _facets_of(mv.text) & closed:
                    continue
                text = mv.fill(values, rng)
                if any(norm_sentence(s) in said for s in sentences(text)):
                    continue
                cands.append((mv, text, self._weight(mv, req, values, history_text)))
            if cands:
                if stage != req.stage:
                    notes.append(f"no fresh {strategy} move for stage {req.stage}; "
                                 "used one from another stage")
                mv, text, _ = rng.choices(cands, weights=[w for *_, w in cands])[0]
                return mv, text
        return None

    @staticmethod
    def _weight(mv: Move, req: RealiseRequest, values: dict[str, str], history_text: str) -> float:
        """Prefer moves that show attention: specific to the topic, feeling and cause."""
        w = 1.0
        if mv.topics:
            w += 4.0
        if mv.emotions:
            w += 1.5
        if mv.stages and req.stage in mv.stages:
            w += 0.5
        if "cause" in mv.slots:
            # Quoting the cause back once is attentive; every turn is a parrot.
            w += 2.0 if values["cause"].lower() not in history_text else -0.7
        if "fact" in mv.slots:
            w += 1.5 if values["fact"].lower() not in history_text else -0.7
        if "feeling" in mv.slots:
            w += 0.5 if history_text.count(values["feeling"]) < 2 else -0.5
        if "topic" in mv.slots:
            w += 0.3
        if "person" in mv.slots:
            # Their own people named back shows we listened; once or twice, not every turn.
            w += 2.0 if history_text.count(values["person"].lower()) < 2 else -0.7
        if _has_cue(mv, req):
            w += 6.0  # written for exactly what they just said
        if _just_mentioned(mv, req):
            w += 3.0  # its situation is the one they just described
        return max(w, 0.1)


def realise(request: RealiseRequest, seed: int = 0) -> Realisation:
    """One call for the common case."""
    return EmbeddedRealiser(seed).realise(request)


__all__ = ["EmbeddedRealiser", "RealiseRequest", "Realisation", "MoveUse", "realise",
           "STRATEGIES", "STAGES"]
