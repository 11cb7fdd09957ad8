"""Per-conversation support state: what a supporter keeps in mind between turns.

The planner needs more than the last message: how the person's feeling has moved since
they started (a turn that is worse than the start calls for comfort, not advice), which
stage the conversation is in (explore before comforting, comfort before acting; a new
problem sends it back), which moves were already made (so the next one is not the same),
the running risk, and small facts worth bringing back later (a name, an exam on Friday,
what they said helps). Everything here is cheap: it reads perceptions and text, never the
encoder.
"""

from __future__ import annotations

import re
from typing import Iterable

from pydantic import BaseModel, Field

from ..perceive.reflect import reflect
from .strategies import Stage

# ---------------------------------------------------------------------------------------
# topics (the twelve ESConv problem types), by keyword: cheap and transparent
# ---------------------------------------------------------------------------------------
_TOPIC_WORDS: dict[str, str] = {
    "breakup": r"break ?up|broke up|broken up|dumped|my ex\b|ex-(?:boy|girl)friend|boyfriend|"
               r"girlfriend|divorc\w*|cheat\w* on|split up|relationship|left me|partner",
    "job_crisis": r"\bjob\b|\bjobs\b|fired|laid off|lay ?offs?|unemploy\w*|\bboss\b|coworker|"
                  r"co-worker|my work|at work|career|salary|promotion|hired|interview",
    "ongoing_depression": r"depress\w*|hopeless|empty inside|no energy|no motivation for "
                          r"anything|feel(?:ing)? numb|low for (?:months|years|weeks)",
    "friends": r"\bfriends?\b|friendship|bestie",
    "academic_pressure": r"\bexams?\b|\bschool\b|college|universit\w*|\bclass(?:es)?\b|grades?|"
                         r"\bstud(?:y|ying|ies)\b|thesis|homework|assignments?|semester|teacher|"
                         r"professor|\bgpa\b",
    "procrastination": r"procrastinat\w*|put(?:ting)? (?:it|things) off|can'?t get started|"
                       r"keep delaying|deadlines?",
    "alcohol": r"alcohol|drinking|\bdrunk\b|\bbeer\b|\bwine\b|hangover|\bbooze\b|sober",
    "parents": r"\bparents?\b|\bmom\b|\bmum\b|\bdad\b|mother|father",
    "children": r"my (?:son|daughter|kids?|children|child|toddler|teen\w*)\b",
    "sleep": r"\bsleep\w*|insomnia|can'?t sleep|awake at night|nightmares?",
    "appearance": r"\bugly\b|my looks|appearance|my weight|\bfat\b|my body|my face|skin",
    "bullying": r"bull(?:y|ied|ies|ying)|picked on|harass\w*|make fun of me|made fun of me",
}
_TOPIC_RX = {k: re.compile(v, re.IGNORECASE) for k, v in _TOPIC_WORDS.items()}


def topic_scores(text: str) -> dict[str, int]:
    """Keyword hits per topic in ``text`` (zero topics omitted)."""
    out = {}
    for k, rx in _TOPIC_RX.items():
        n = len(rx.findall(text))
        if n:
            out[k] = n
    return out


# ---------------------------------------------------------------------------------------
# cues in what the person writes
# ---------------------------------------------------------------------------------------
ADVICE_RX = re.compile(
    r"\b(?:what (?:should|can|could|do) i do|what would you (?:do|suggest|recommend)|"
    r"any (?:advice|tips|ideas|suggestions)|(?:give|need|want) (?:me )?(?:some )?(?:advice|tips)|"
    r"how (?:can|do|should|could) i (?:\w+ ){0,4}(?:stop|get|deal|cope|handle|fix|move on|"
    r"feel better|make)|should i\b|do you (?:think|suggest|recommend) (?:i|that i)|"
    r"what do you (?:think|suggest|recommend)|how do i\b|help me (?:figure|decide|find)|"
    r"(?:any|some|other|more|share|give|have) (?:\w+ ){0,2}(?:tips|suggestions|solutions|"
    r"ideas|advice)\b|(?:can|could|would) you (?:recommend|suggest)|recommend\w*\?|"
    r"what (?:else )?(?:would|do|could) you (?:suggest|recommend)|where (?:should|do|can) i "
    r"start)",
    re.IGNORECASE)
QUESTION_TO_YOU_RX = re.compile(
    r"\b(?:do|did|have|are|were|would|could|can|will|should) you\b[^.?!]*\?|"
    r"\bwhat(?:'s| is| do| would)? (?:do )?you (?:think|suggest|recommend|mean)\b|"
    r"\b(?:is|isn't|was) (?:it|that|this) (?:normal|okay|ok|bad|wrong|common|weird|"
    r"stupid|my fault)\b[^.?!]*\?|\bhow (?:do|can|should|could) i\b[^.?!]*\?|"
    r"\b(?:what|how) (?:about|would) you\b[^.?!]*\?|\bam i\b[^.?!]*\?|"
    r"\bwhat (?:should|can|could) i\b[^.?!]*\?",
    re.IGNORECASE)
# A question asked by inversion at the start of a sentence, "?" or not: "Is that vaccine will
# help...", "Will it get better", "Should I tell her", "Do you think he'll call".
INVERTED_QUESTION_RX = re.compile(
    r"(?:^|(?<=[.!?\n]))\s*(?:(?:so|and|but|ok(?:ay)?|well|also|honestly),?\s+)?"
    r"(?:(?:is|are|was|were|will|would|should|could|can|do|does|did|has|have|isn't|aren't|"
    r"won't|wouldn't|shouldn't|can't|doesn't|don't)\s+(?:that|it|this|there|i|you|they|he|she|"
    r"we|the|my|your|our|his|her|their|these|those|a|an|someone|anyone|people|any)\b|"
    r"do you think\b)[^.!?\n]*", re.IGNORECASE)
CLOSING_RX = re.compile(
    r"\b(?:thank(?:s| you)|thx|ty\b|appreciate (?:it|this|you|that)|bye|goodbye|good night|"
    r"talk (?:to you )?later|have a (?:good|nice|great) (?:day|night|one)|take care|"
    r"(?<!thing )(?<!one )that help(?:s|ed)|feel(?:ing)? (?:a (?:bit|little|lot) )?better)\b",
    re.IGNORECASE)
GREETING_RX = re.compile(r"^\s*(?:hi|hello|hey|hiya|good (?:morning|evening|afternoon)|yo)\b"
                         r"[\s,!.]*(?:there|again)?[\s,!.]*$", re.IGNORECASE)


def asks_advice(text: str) -> bool:
    return bool(ADVICE_RX.search(text))


SMALL_TALK_RX = re.compile(r"\b(?:how (?:are|r) (?:you|u)(?: doing| today| tonight)?|"
                           r"(?:and|how about|what about) (?:you|yourself)|how(?:'s| is) "
                           r"your (?:day|evening|night))\s*\?", re.IGNORECASE)


def asks_question(text: str) -> bool:
    """A direct question to the supporter (not a rhetorical one buried mid-paragraph, and
    not "how are you?", which is small talk)."""
    tail = SMALL_TALK_RX.sub(" ", text.strip()[-300:])
    return "?" in tail and bool(QUESTION_TO_YOU_RX.search(tail)) or \
        bool(INVERTED_QUESTION_RX.search(tail))


def small_talk(text: str) -> bool:
    return bool(SMALL_TALK_RX.search(text))


def is_closing(text: str) -> bool:
    return bool(CLOSING_RX.search(text))


def is_greeting(text: str) -> bool:
    return bool(GREETING_RX.match(text))


# A message that reports an ordinary moment and no trouble ("Not much going on, just had
# lunch", "I'm doing okay today actually"): as a first message it is answered like an
# opening, not with a question about "the hardest moment so far". Any turn towards trouble
# ("fine, but ...", "okay I guess", "tired") keeps the usual reply.
CALM_RX = re.compile(r"^\s*(?:(?:hi|hello|hey)[\s,!.]+)?(?:not much|nothing much|all good|"
                     r"(?:i'?m|im|i am) (?:doing )?(?:ok|okay|fine|alright|all right|good|great|"
                     r"well)\b|just (?:had|got back|finished|chilling|relaxing|checking in|wanted "
                     r"to (?:say hi|chat|talk))|pretty (?:quiet|chill|good)|(?:it'?s|it has|it'?s "
                     r"been) (?:a )?(?:quiet|chill|normal|ordinary|good|nice|lovely) (?:day|week))",
                     re.IGNORECASE)
_NOT_CALM = re.compile(r"\b(?:but|though|except|i guess|kind of|kinda|sort of|not really|"
                       r"tired|worried|stress\w*|sad|anxious|lonely|upset|hard|struggl\w*|"
                       r"problem|trouble|help|should i|\?)|\?", re.IGNORECASE)


def calm_opening(text: str) -> bool:
    return bool(CALM_RX.search(text)) and not _NOT_CALM.search(text)


# What a supporter's reply mostly does, read from its wording. Only a fallback for turns
# whose strategy nobody recorded, while the trained tagger cannot load.
_GUESS: tuple[tuple[str, re.Pattern], ...] = tuple((s, re.compile(p, re.IGNORECASE)) for s, p in (
    ("other", r"^\s*(?:hi|hello|hey|good (?:morning|evening|afternoon)|you'?re (?:very )?welcome|"
              r"(?:bye|goodbye|take care)\b|thank)"),
    ("suggestion", r"\b(?:maybe you could|you (?:could|might|may) (?:try|want to|consider)|"
                   r"have you (?:tried|considered|thought about)|it (?:might|may|could) help|"
                   r"why not|i(?: would|'d) (?:suggest|recommend)|one thing (?:that|you)|"
                   r"perhaps (?:you|try)|what if you|try to\b|how about)"),
    ("information", r"\b(?:research|studies|study shows|it is (?:common|normal) (?:for|to)|"
                    r"many people|\d+ ?%|percent|hotline|helpline|resources?|websites?|"
                    r"according to)\b"),
    ("self_disclosure", r"\b(?:i (?:have|had|went|was|also|too|remember|used to|once)|when i "
                        r"was|i've (?:been|had|gone|felt)|happened to me|same (?:thing|"
                        r"situation))\b"),
    ("restatement", r"\b(?:so you(?:'re| are| have| feel)?|what i(?:'m| am) hearing|if i "
                    r"understand|in other words|you(?:'re| are) saying)\b"),
    ("reflection", r"\b(?:(?:it )?sounds? (?:like|as if|really|so)|you (?:must|seem|sound)|"
                   r"you(?:'re| are) feeling|i can (?:hear|see|imagine|tell)|that must be|"
                   r"you feel)\b"),
    ("affirmation", r"\b(?:you(?:'re| are) (?:doing|strong|brave|not alone)|proud of you|"
                    r"(?:it's|that's|it is) (?:okay|ok|normal|understandable|completely)|"
                    r"you (?:can|will) (?:get|make|do)|good for you|great|well done|"
                    r"makes sense|you deserve)\b"),
))


def guess_strategy(text: str) -> str:
    """A rough strategy for an unlabelled supporter turn (ends with a question: question)."""
    t = text.strip()
    first = re.split(r"(?<=[.!?])\s+", t)[0] if t else ""
    for s, rx in _GUESS:
        if rx.search(first):
            return s
    if t.endswith("?"):
        return "question"
    for s, rx in _GUESS:
        if rx.search(t):
            return s
    return "other"


# ---------------------------------------------------------------------------------------
# facts worth remembering: simple patterns, reflected into second person
# ---------------------------------------------------------------------------------------
_REL = (r"girlfriend|boyfriend|partner|wife|husband|ex|fianc[ée]e?|best friend|friend|sister|"
        r"brother|mom|mum|mother|dad|father|son|daughter|boss|roommate|dog|cat|therapist")
_NAME_RX = re.compile(rf"\b(?i:my) ((?i:{_REL})),?\s+(?:named\s+|called\s+)?([A-Z][a-z]{{2,}})\b")
_NAME_RX2 = re.compile(rf"\b([A-Z][a-z]{{2,}}),?\s+(?i:my) ((?i:{_REL}))\b")
_NOT_NAMES = {"The", "And", "But", "She", "He", "They", "That", "This", "When", "Then", "Who",
              "Just", "Now", "Today", "Yesterday", "Last", "Since", "Because", "Its", "It's",
              "Our", "His", "Her", "Well", "Still", "Also", "Even", "Not", "Yes", "Who's"}
_EVENT_RX = re.compile(
    r"\b(?:i|we|my \w+)\b[^.!?\n]{0,60}\b(?:tomorrow|tonight|next (?:week|month|year|monday|"
    r"tuesday|wednesday|thursday|friday|saturday|sunday)|this (?:weekend|week|friday|monday|"
    r"evening)|on (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|in (?:a|two|"
    r"three|\d+) (?:days?|weeks?)|soon)\b[^.!?\n]{0,30}", re.IGNORECASE)
_PAST_EVENT_RX = re.compile(
    r"\b(?:i|we|my \w+(?: \w+)?)\s+(?:just\s+|recently\s+)?(?:broke up|got (?:fired|dumped|laid "
    r"off|divorced)|lost (?:my|our) \w+|was (?:fired|laid off|dumped)|failed (?:my|the|an?) "
    r"\w+|(?:have|has) been (?:fired|laid off)|passed away|died|left me|moved out|cheated on "
    r"me)\b[^.!?\n]{0,50}", re.IGNORECASE)
_HELPS_RX = re.compile(
    r"\b(?:(?:it |that |what )?(?:really |kind of |kinda )?helps?(?: me)?(?: a lot| a bit)? "
    r"(?:when|to|is|if)\s+[^.!?\n]{3,80}|[^.!?\n,]{3,60}\b(?:helps|helped) (?:me|a lot|a bit)"
    r"[^.!?\n]{0,40}|i feel (?:a (?:bit|little|lot) )?better (?:when|after)\s+[^.!?\n]{3,80})",
    re.IGNORECASE)
_HURTS_RX = re.compile(
    r"\b(?:(?:it |what )?(?:really )?hurts?(?: the)?(?: most)? (?:when|that|is)\s+[^.!?\n]{3,80}|"
    r"[^.!?\n,]{3,60}\bmakes? (?:it|things|me feel) worse[^.!?\n]{0,40}|i hate (?:it )?when\s+"
    r"[^.!?\n]{3,80}|the worst (?:part|thing) is\s+[^.!?\n]{3,80})", re.IGNORECASE)


# People the person names ("my sister", "my best friend", "my parents"), said back as "your
# sister" in a question or a reflection. A message that speaks of a death or a loss is
# skipped ("my dad passed away": "tell me more about your dad" could wait), and so is one
# that speaks of harm done to them ("my husband hits me": the safety layer leads there,
# not small talk about him).
_PEOPLE = (r"(?:best |close |older |younger |little |big |twin |new |old )?(?:girlfriend|"
           r"boyfriend|partner|wife|husband|ex|fianc[ée]e?|friends?|sisters?|brothers?|"
           r"siblings|mom|mum|mother|dad|father|parents|sons?|daughters?|kids|children|"
           r"boss|manager|coworkers?|co-workers?|colleagues?|roommates?|flatmates?|teachers?|"
           r"professor|classmates?|family|in-laws|grandma|grandmother|grandpa|grandfather|"
           r"aunt|uncle|cousin|step(?:mom|mum|dad|father|mother)|supervisor|landlord|team)")
_PERSON_RX = re.compile(rf"\bmy ({_PEOPLE})\b(?![-'\u2019]\w)", re.IGNORECASE)
_LOSS_RX = re.compile(r"\b(?:passed|died|dead|death|funeral|grave|lost (?:my|our)|miss(?:ing)? "
                      r"(?:him|her|them)|killed|cancer|hospice|in hospital|sick)\b", re.IGNORECASE)
_HARMED_RX = re.compile(r"\b(?:hits?|hitting|beat(?:s|ing)?|hurts? me|abus\w*|threaten\w*|"
                        r"chok\w*|slap\w*|kick\w*|touch(?:es|ed)? me|rap\w*|forc\w*|scared of)\b",
                        re.IGNORECASE)


def mentioned_person(text: str) -> str | None:
    """Someone the person named in ``text`` (their last message), as "your sister" (the
    last mention wins); None when nobody was named, or when the message speaks of a loss
    or of harm done to them."""
    if _LOSS_RX.search(text) or _HARMED_RX.search(text):
        return None
    found = None
    for m in _PERSON_RX.finditer(text):
        found = "your " + " ".join(m.group(1).lower().split())
    return found


class Fact(BaseModel):
    """Something the person said that a good listener would remember."""

    kind: str = Field(description="name | event | helps | hurts")
    text: str = Field(description="in second person, ready to say back")
    topic: str | None = None
    turn: int = 0


def _clause(text: str) -> str:
    t = " ".join(text.split()).strip(" ,;:-")
    t = re.sub(r"^(?:and|but|so|because|also|then|well|like)\s+", "", t, flags=re.IGNORECASE)
    t = reflect(t)
    return t[:1].lower() + t[1:] if t[:1].isupper() and not t.startswith(("I ", "I'")) else t


_VAGUE_WORDS = {"you", "it", "that", "this", "know", "think", "just", "and", "but", "i", "so",
                "really", "kind", "of", "kinda", "guess", "me", "feel", "when", "what",
                "makes", "make", "worse", "helps", "help", "helped", "a", "bit", "lot", "the",
                "things", "is", "hurts", "most", "to", "hate", "worst", "part", "thing"}


def _vague(clause: str) -> bool:
    """"you know it makes it worse" says nothing worth remembering."""
    words = re.findall(r"[a-z']+", clause.lower())
    return sum(w not in _VAGUE_WORDS for w in words) < 2


def extract_facts(text: str, turn: int = 0, topic: str | None = None) -> list[Fact]:
    """Names, events, and what helps or hurts, from one seeker message."""
    out: list[Fact] = []
    seen: set[str] = set()

    def add(kind: str, clause: str) -> None:
        words = clause.split()
        if not 3 <= len(words) <= 24:
            return
        key = clause.lower()
        if key in seen:
            return
        seen.add(key)
        out.append(Fact(kind=kind, text=clause, topic=topic, turn=turn))

    for m in _NAME_RX.finditer(text):
        if m.group(2) not in _NOT_NAMES:
            add("name", f"your {m.group(1).lower()} is called {m.group(2)}")
    for m in _NAME_RX2.finditer(text):
        if m.group(1) not in _NOT_NAMES:
            add("name", f"your {m.group(2).lower()} is called {m.group(1)}")
    for kind, rx in (("helps", _HELPS_RX), ("hurts", _HURTS_RX), ("event", _EVENT_RX),
                     ("event", _PAST_EVENT_RX)):
        for m in rx.finditer(text):
            clause = _clause(m.group(0))
            if kind in ("helps", "hurts") and _vague(clause):
                continue
            add(kind, clause)
    return out[:6]


# ---------------------------------------------------------------------------------------
# the state
# ---------------------------------------------------------------------------------------
class FeelingPoint(BaseModel):
    """How the person felt in one of their turns."""

    turn: int
    emotion: str
    family: str
    valence: float
    arousal: float
    intensity: float = Field(description="0..1: how strongly a non-neutral feeling shows")


class SupportState(BaseModel):
    """Everything the planner reads about the conversation so far."""

    seeker_turns: int = 0
    supporter_turns: int = 0
    trajectory: list[FeelingPoint] = Field(default_factory=list)
    stage: Stage = Stage.exploration
    strategies: list[str] = Field(default_factory=list, description="supporter moves so far")
    risk_level: str = "none"
    risk_category: str | None = None
    facts: list[Fact] = Field(default_factory=list)
    topic: str | None = None
    topic_counts: dict[str, int] = Field(default_factory=dict)
    seeker_words: int = 0
    asked_advice: bool = False
    last_text: str = ""
    last_topic_new: bool = False

    # -- derived values ----------------------------------------------------------------
    @property
    def intensity(self) -> float:
        return self.trajectory[-1].intensity if self.trajectory else 0.0

    @property
    def change(self) -> float:
        """Valence now minus at the start (positive: feeling better than when they began)."""
        if len(self.trajectory) < 2:
            return 0.0
        return round(self.trajectory[-1].valence - self.trajectory[0].valence, 4)

    @property
    def heard(self) -> bool:
        """Has the person had room to say what is going on? (before advice is welcome)"""
        explored = sum(s in ("question", "restatement", "reflection") for s in self.strategies)
        return self.supporter_turns >= 4 and explored >= 2 and self.seeker_words >= 60

    def used_share(self, strategy: str) -> float:
        if not self.strategies:
            return 0.0
        return self.strategies.count(strategy) / len(self.strategies)

    # -- updates -------------------------------------------------------------------------
    def add_supporter(self, strategy: str | None) -> None:
        self.supporter_turns += 1
        if strategy:
            self.strategies.append(strategy)

    def add_seeker(self, text: str, perception=None, risk=None) -> None:
        """Fold in one seeker turn (one or more messages since the supporter spoke)."""
        self.seeker_turns += 1
        self.seeker_words += len(text.split())
        self.last_text = text
        hits = topic_scores(text)
        before = self.topic
        for k, n in hits.items():
            self.topic_counts[k] = self.topic_counts.get(k, 0) + n
        if self.topic_counts:
            # a passing mention ("my friends keep telling me...") does not change the
            # subject; a topic takes over once it has been named as often (ties: latest)
            self.topic = max(self.topic_counts,
                             key=lambda k: (self.topic_counts[k], hits.get(k, 0),
                                            k == before))
        self.last_topic_new = before is not None and self.topic != before
        if asks_advice(text):
            self.asked_advice = True
        if perception is not None:
            self.trajectory.append(feeling_point(self.seeker_turns, perception))
        if risk is not None:
            self.risk_level = _level(getattr(risk, "running_level", None) or risk.level)
            self.risk_category = getattr(risk, "running_category", None) or risk.category
        known = {f.text.lower() for f in self.facts}
        for f in extract_facts(text, self.seeker_turns, self.topic):
            if f.text.lower() not in known:
                self.facts.append(f)
        self.stage = self._next_stage()

    def _next_stage(self) -> Stage:
        """Helping-Skills stages: explore, then comfort, then act; a new problem or a turn
        for the worse moves back."""
        n = self.supporter_turns
        stage = Stage.exploration if n < 3 else Stage.comforting if n < 7 else Stage.action
        if self.asked_advice and self.supporter_turns >= 1:
            stage = Stage.action
        worse = len(self.trajectory) >= 2 and (
            self.trajectory[-1].valence < self.trajectory[-2].valence - 0.35
            and self.trajectory[-1].intensity > 0.6)
        if stage == Stage.action and worse and not asks_advice(self.last_text):
            stage = Stage.comforting
        if self.last_topic_new and stage != Stage.exploration and not asks_advice(self.last_text):
            stage = Stage.exploration if n < 6 else Stage.comforting
        return stage


def _level(level) -> str:
    return getattr(level, "value", str(level))


def family_of(perception) -> str:
    """The Ekman family of the strongest non-neutral feeling ('neutral' if none shows)."""
    fams = {k: v for k, v in perception.ekman.items() if k != "neutral"}
    if not fams or perception.top == "neutral" and max(fams.values()) < 0.35:
        return "neutral"
    return max(fams, key=fams.get)


def feeling_point(turn: int, perception) -> FeelingPoint:
    top = next((e for e in perception.emotions if e.label != "neutral"), perception.emotions[0])
    return FeelingPoint(turn=turn, emotion=top.label, family=family_of(perception),
                        valence=perception.vad.valence, arousal=perception.vad.arousal,
                        intensity=round(float(top.score), 4))


def build_state(blocks: Iterable[tuple[str, str, str | None]], perceive=None, risk_of=None
                ) -> SupportState:
    """Fold a conversation, as (speaker, text, strategy) blocks, into a state.

    ``perceive(text)`` and ``risk_of(index)`` are optional lookups so callers can reuse
    perceptions they already have.
    """
    st = SupportState()
    for i, (speaker, text, strategy) in enumerate(blocks):
        if speaker == "seeker":
            st.add_seeker(text, perceive(text) if perceive else None,
                          risk_of(i) if risk_of else None)
        else:
            st.add_supporter(strategy)
    return st


__all__ = ["SupportState", "FeelingPoint", "Fact", "extract_facts", "topic_scores",
           "asks_advice", "asks_question", "guess_strategy", "is_closing", "is_greeting",
           "small_talk", "build_state", "family_of", "feeling_point"]
