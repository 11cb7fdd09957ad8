"""The companion: one supporter turn, from a conversation to a reply.

    >>> from empathia.companion import Companion
    >>> c = Companion(locale="UK")
    >>> r = c.reply({"turns": [{"speaker": "seeker", "text": "My partner left me."}]})
    >>> r.text, r.plan.strategy, r.realiser

Perceive (each seeker message once; perceptions and embeddings cached across calls) ->
state -> risk -> plan -> realise (LLM when configured, else the embedded library) -> guard
-> remember. ``reply`` is a pure function of the conversation it is given (plus the seed);
the instance only caches, so it can replay any conversation, and a chat loop can simply
pass the growing conversation back each turn.

Safety is not a step that can be skipped: the message's risk at ``moderate`` or above gets
the crisis protocol (real help for the locale and an invitation to keep talking), and
every reply while the conversation's running risk is ``high`` or more carries help too.
Bad input never ends the conversation: it gets a clear, kind message.
"""

from __future__ import annotations

import hashlib
import re
from collections import OrderedDict
from functools import lru_cache
from typing import Any, Callable, Literal

from pydantic import BaseModel, Field

from .perceive.perceiver import Perception
from .respond.embedded import EmbeddedRealiser
from .support.planner import Plan, Planner, PlannerSettings
from .support.state import SupportState, family_of, guess_strategy

MAX_PERCEIVE_CHARS = 2000  # of one message; the whole text is still remembered and risk-read
_HIGH = ("high", "imminent")
_AT_RISK = ("moderate", "high", "imminent")


class CompanionSettings(BaseModel):
    """Knobs a deployment may turn; the defaults are what the benchmarks measured."""

    planner: PlannerSettings = Field(default_factory=PlannerSettings)
    use_learned: bool = Field(True, description="use the next-strategy predictor if it loads")
    llm_timeout_s: float = 30.0
    max_perceive_chars: int = MAX_PERCEIVE_CHARS


class Reply(BaseModel):
    """One supporter turn and everything that led to it; ``to_dict`` is the JSON contract."""

    text: str
    plan: Plan
    perception: Perception | None = None
    risk: dict[str, Any] = Field(default_factory=dict)
    guard: list[dict[str, Any]] = Field(default_factory=list)
    realiser: Literal["embedded", "llm"] = "embedded"
    notes: list[str] = Field(default_factory=list,
                             description="why a fallback or special path was taken")
    moves: list[str] = Field(default_factory=list, description="content-library move ids")
    state: SupportState | None = Field(None, exclude=True)

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "plan": self.plan.public(),
                "perception": (self.perception.model_dump(mode="json")
                               if self.perception else None),
                "risk": self.risk, "guard": self.guard, "realiser": self.realiser}


class _Msg(BaseModel):
    speaker: Literal["seeker", "supporter"]
    text: str
    strategy: str | None = None


_SPEAKER = {"seeker": "seeker", "user": "seeker", "usr": "seeker", "human": "seeker",
            "supporter": "supporter", "assistant": "supporter", "sys": "supporter",
            "companion": "supporter", "bot": "supporter"}


def parse_conversation(conversation: Any) -> tuple[list[_Msg], str | None, str | None]:
    """(turns, locale, user) from a dict with ``turns`` (or ``dialog``) or a list of turns.
    ValueError, with one clear sentence, for anything else."""
    locale = user = None
    turns = conversation
    if isinstance(conversation, str):
        turns = [{"speaker": "seeker", "text": conversation}]
    elif isinstance(conversation, dict):
        locale, user = conversation.get("locale"), conversation.get("user")
        turns = conversation.get("turns", conversation.get("dialog"))
    if turns is None:
        turns = []
    if not isinstance(turns, list):
        raise ValueError("the conversation needs a list of turns: "
                         '{"turns": [{"speaker": "seeker", "text": "..."}]}')
    out = []
    for k, t in enumerate(turns, 1):
        if not isinstance(t, dict):
            raise ValueError(f"turn {k} is not an object with 'speaker' and 'text'")
        speaker = _SPEAKER.get(str(t.get("speaker", t.get("role", ""))).strip().lower())
        if speaker is None:
            raise ValueError(f"turn {k}: speaker must be 'seeker' or 'supporter'")
        text = t.get("text", t.get("content", ""))
        text = "" if text is None else str(text)
        strategy = t.get("strategy")
        if strategy:
            from .support.strategies import parse_strategy

            try:
                strategy = parse_strategy(strategy).value
            except ValueError:
                strategy = None
        out.append(_Msg(speaker=speaker, text=text, strategy=strategy or None))
    return out, (str(locale) if locale else None), (str(user) if user else None)


def _key(*parts: str) -> str:
    h = hashlib.blake2b(digest_size=12)
    for p in parts:
        h.update(p.encode("utf-8", "surrogatepass") + b"\x1f")
    return h.hexdigest()


def truncate(text: str, limit: int) -> str:
    """Long pastes: keep the start and (mostly) the end, where people say how they feel."""
    if len(text) <= limit:
        return text
    head = limit // 4
    return text[:head].rstrip() + " ... " + text[-(limit - head):].lstrip()


_STOP = set("""a an the and or but so if then than that this these those it its it's i i'm
im me my mine you your you're we our they them their he she his her is are was were be been
being am do does did have has had will would can could should may might must not no yes just
really very too also of to in on at for from with about into over out up down as by what when
where who why how which there here all any some more most much many one get got go going
feel feeling felt know think thing things like want way day time even still now though
""".split())


def content_words(text: str) -> set[str]:
    """Crude stems of the content words ("checking" -> "check")."""
    out = set()
    for w in re.findall(r"[a-z']+", text.lower()):
        if w in _STOP or len(w) < 3:
            continue
        for suf in ("ing", "ed", "es", "s"):
            if w.endswith(suf) and len(w) - len(suf) >= 4:
                w = w[: -len(suf)]
                break
        out.add(w)
    return out


_ALIASES = {"instagram": "social media updates", "facebook": "social media updates",
            "tiktok": "social media updates",
            "phone": "social media text", "texting": "text", "run": "exercise walk",
            "running": "exercise walk", "gym": "exercise", "flat": "home", "apartment": "home",
            "3am": "night sleep", "insomnia": "sleep", "noticed": "seen", "notice": "see seen",
            "missed": "seen", "mum": "mom parent", "dad": "parent"}


def _relevance_words(text: str) -> set[str]:
    low = text.lower()
    extra = " ".join(v for k, v in _ALIASES.items() if re.search(rf"\b{k}\b", low))
    return content_words(text + " " + extra)


class _AttentiveRealiser(EmbeddedRealiser):
    """The embedded realiser, preferring moves that share words with what the person just
    said (a move about social media when they mention Instagram), so choices follow the
    conversation and not only its topic. The library and its rules are unchanged."""

    def __init__(self, seed: int = 0, library=None) -> None:
        super().__init__(seed, library)
        self.focus: set[str] = set()

    def _weight(self, mv, req, values, history_text):  # type: ignore[override]
        w = EmbeddedRealiser._weight(mv, req, values, history_text)
        if self.focus and mv.moment is None:
            # (a greeting or a goodbye is not chosen for sharing a word like "need")
            # strong enough to win over a pool of a hundred fitting moves: a person who
            # names Instagram should hear about Instagram, not about a hobby
            w *= 1.0 + 5.0 * min(2, len(self.focus & content_words(mv.text)))
        if "cause" in mv.slots and values["cause"].lower() not in history_text:
            w *= 2.0  # the person's own words, said back once, show they were heard
        return w

    def _shares(self, mv, req) -> bool:  # type: ignore[override]
        # "feels", "helps" or "telling" in common is no sign that a move is about the same
        # thing ("it helps when I run" is not "their advice doesn't help")
        return bool((self.focus - _WEAK_FOCUS) & content_words(mv.text))

    def _on_question(self, mv, req) -> bool:  # type: ignore[override]
        return bool(question_words(req.question or "") & content_words(mv.text))


# Words two sentences share without being about the same thing.
_WEAK_FOCUS = {"feel", "help", "keep", "tell", "say", "make", "need", "maybe", "yeah", "doesn't",
               "don't", "can't", "didn't", "isn't", "wasn't", "i've", "i'd", "i'll", "you'd",
               "lot", "bit", "good", "bad", "hard", "able", "back", "come", "take", "give",
               "start", "look", "people", "someone", "something", "everyone"}
# Words that do not say what a question is about ("what should I do to make it better?").
_QUESTION_GENERIC = {"make", "worse", "better", "help", "normal", "okay", "good", "best",
                     "right", "wrong", "anyone", "someone", "something", "anything", "deal",
                     "handle", "try", "stop", "stuff", "anymore"}


def question_words(question: str) -> set[str]:
    """What a question is about: its content words (with aliases: Instagram is social
    media), less the words any question has."""
    return _relevance_words(question) - _QUESTION_GENERIC


_FILLERS = {"yeah", "yes", "yep", "maybe", "okay", "sure", "thank", "thanks", "lol", "hmm",
            "guess", "right", "well", "don't", "dunno", "idk"}
_SENTENCE_RX = re.compile(r"[^.!?\n]*\?")


def _question_parts(text: str) -> tuple[str, str]:
    """(the question sentences of a message, the rest of it): sentences ending in "?", else
    those asked by inversion without one ("Is that vaccine will help to stop the virus")."""
    from .support.state import INVERTED_QUESTION_RX

    for rx in (_SENTENCE_RX, INVERTED_QUESTION_RX):
        qs = " ".join(m.group(0).strip() for m in rx.finditer(text))
        if qs.strip():
            return qs, rx.sub(" ", text)
    return "", text


def direct_question(text: str) -> str | None:
    """The question sentences of a message that asks us something, or None."""
    from .support.state import asks_advice, asks_question

    if not (asks_question(text) or asks_advice(text)):
        return None
    qs = _question_parts(text)[0]
    return qs if question_words(qs) else None


# Blaming oneself: "I feel stupid", "it's my fault", "everyone saw it coming except me".
SELF_BLAME_RX = re.compile(
    r"\bi (?:feel|felt) (?:so |really |such |like )*(?:an? |such an? )?(?:stupid|dumb|idiot|"
    r"fool|foolish|naive|pathetic|useless|worthless|failure)\b|"
    r"\bi(?:'m| am|m) (?:so |such |really |just )*(?:an? )?(?:stupid|dumb|idiot|fool|naive|"
    r"pathetic|failure)\b|\b(?:it'?s|it is|it was|this is|that'?s) (?:all |probably |partly )?"
    r"my (?:own )?fault\b|\bi blame myself\b|\bi should(?:'ve| have) (?:seen|known|noticed|"
    r"realised|realized|done more|done better)\b|\b(?:saw|knew|seen) (?:it|this) coming "
    r"(?:except|but) me\b|\bhow (?:did|could) i (?:not|miss|have missed|be so)\b|"
    r"\bi (?:messed|screwed|mess|screw) (?:it |everything |things )?up\b|\bi ruin(?:ed)?\b",
    re.IGNORECASE)


class Companion:
    """A warm, safe supporter; load once, call ``reply`` for each turn."""

    def __init__(self, locale: str = "US", seed: int = 0, llm_url: str | None = None,
                 llm_model: str | None = None, memory=None, user: str | None = None,
                 settings: CompanionSettings | None = None, *, llm_key: str | None = None,
                 perceiver=None, assessor=None) -> None:
        from .respond.llm import LLMConfig, LLMRealiser

        self.locale = locale
        self.seed = seed
        self.settings = settings or CompanionSettings()
        self.planner = Planner(self.settings.planner, seed)
        self.embedded = _AttentiveRealiser(seed)
        cfg = LLMConfig.from_env(llm_url, llm_model, llm_key, self.settings.llm_timeout_s)
        self.llm = LLMRealiser(cfg) if cfg else None
        self.memory = memory
        self.user = user
        self._perceiver = perceiver
        self.assessor = assessor  # a safety RiskAssessor; None: the process-wide default
        self._risk_cache: _RememberedRisk | None = None
        self._models: Any = None
        self.models_note: str | None = None
        self._conv = ""
        self._at = 0
        self._supporter_opened = False
        self._tags: dict[str, str] = {}
        self._perceptions: OrderedDict[str, Perception] = OrderedDict()
        self._own: dict[str, tuple[str, list[str]]] = {}  # reply text -> (strategy, moves)
        # What this instance said in each conversation it has seen, keyed by the
        # conversation's first message: when a caller replays a conversation with someone
        # else's replies in the history (ESConv, the lab), our earlier sentences are still
        # never said again. (Conversations that open with the same "hello" share a key;
        # they then also avoid each other's sentences, which does no harm.)
        # Only replies made at an earlier point of the conversation count, so asking again
        # at the same point gives the same reply.
        self._said_in: OrderedDict[str, dict[int, list[str]]] = OrderedDict()
        self._session: str | None = None
        self._saved = 0  # turns of the current conversation already in memory
        self._saved_facts: set[str] = set()
        self.memory_note: str | None = None

    # -- loading -------------------------------------------------------------------------
    @property
    def perceiver(self):
        if self._perceiver is None:
            from .perceive.perceiver import default_perceiver

            self._perceiver = default_perceiver()
        return self._perceiver

    @property
    def models(self):
        """The learned support heads, or None (with ``models_note`` saying why)."""
        if self._models is None and self.settings.use_learned:
            try:
                from .support.assess import SupportModels

                self._models = SupportModels(perceiver=self.perceiver)
            except Exception as exc:  # noqa: BLE001 - a refused head only removes a prior
                self._models = False
                self.models_note = f"learned next-strategy prior unavailable: {exc}"
        return self._models or None

    # -- the turn ------------------------------------------------------------------------
    def reply(self, conversation: Any, on_token: Callable[[str], None] | None = None) -> Reply:
        """The next supporter turn for ``conversation`` (see ``parse_conversation``)."""
        turns, locale, user = parse_conversation(conversation)
        locale = locale or self.locale
        self._begin(turns)
        out = self._reply(turns, locale, on_token)
        self._remember(turns, out, user or self.user)
        self._own[out.text] = (out.plan.strategy, out.moves)
        at = self._said_in.setdefault(self._conv, {}).setdefault(len(turns), [])
        if out.text not in at:
            at.append(out.text)
            del at[:-8]
        self._said_in.move_to_end(self._conv)
        while len(self._said_in) > 256:
            self._said_in.popitem(last=False)
        return out

    def plan(self, conversation: Any) -> Plan:
        """Only the plan for the next turn (perception, state, risk, planner; no reply)."""
        turns, locale, _ = parse_conversation(conversation)
        self._begin(turns)
        return self._reply(turns, locale or self.locale, None, plan_only=True).plan

    def _begin(self, turns: list[_Msg]) -> None:
        """Which conversation this is (by its first message) and how far along it is."""
        self._conv = _key(turns[0].text) if turns else ""
        self._at = len(turns)
        self._supporter_opened = bool(turns) and turns[0].speaker == "supporter"

    def _reply(self, turns: list[_Msg], locale: str, on_token, plan_only: bool = False
               ) -> Reply:
        from .safety.risk import Conversation

        blocks = self._blocks(turns)
        if self._risk_cache is None:
            from .safety.risk import default_assessor

            self._risk_cache = _RememberedRisk(self.assessor or default_assessor())
        risk_conv = Conversation(self._risk_cache)
        state = SupportState()
        perceptions: dict[int, Perception | None] = {}
        last_risk = None
        for i, (speaker, texts, strategy) in enumerate(blocks):
            if speaker == "supporter":
                state.add_supporter(strategy)
                continue
            whole = " ".join(t for t in texts if t.strip())
            if not whole.strip():
                continue
            # Perception first: its encoder pass leaves each message's embedding in the
            # encoder's cache, so the risk backstop reads it without a second pass.
            perception = self._perceive_block(texts)
            perceptions[i] = perception
            risk = None
            for t in texts:
                if t.strip():
                    risk = risk_conv.add(t)
            # the block's risk is its most serious message
            block_risks = risk_conv.turns[-sum(1 for t in texts if t.strip()):]
            top = max(block_risks, key=lambda a: a.level.rank)
            if top is not risk:
                top = top.model_copy(update={"running_level": risk.running_level,
                                             "running_category": risk.running_category})
            state.add_seeker(whole, perception, top)
            last_risk = top

        last = blocks[-1] if blocks else None
        seeker_last = last is not None and last[0] == "seeker"
        last_text = " ".join(last[1]) if seeker_last else ""
        perception = perceptions.get(len(blocks) - 1) if seeker_last else None
        risk_view = self._risk_view(last_risk, seeker_last)

        # -- special paths: empty message, crisis, boundaries, other languages -------------
        if seeker_last and not last_text.strip():
            return self._fixed(state, "other", risk_view, perception,
                               "It looks like that message came through empty. Take your "
                               "time; whenever you're ready to write, I'm here and listening.",
                               "empty message", turns)
        cur_level = last_risk.level.value if (seeker_last and last_risk) else "none"
        if seeker_last and cur_level in _AT_RISK:
            return self._crisis(state, last_risk, perception, risk_view, locale, turns)
        if seeker_last:
            boundary = self._boundary(last_text, turns)
            if boundary is not None:
                return self._fixed(state, "other", risk_view, perception, boundary,
                                   "attachment or identity question: honest boundary", turns,
                                   protocol="boundary")
            if last_risk is not None and not last_risk.language_supported:
                return self._fixed(
                    state, "other", risk_view, perception,
                    "I'm sorry, I understand English best, so I may be missing some of what "
                    "you wrote. If you can, tell me in English, even a few words. I'm here "
                    "and I want to understand.", "language not supported", turns)

        # -- plan ---------------------------------------------------------------------------
        learned = self._learned(turns) if state.seeker_turns else None
        key = _key(str(self.seed), *[f"{t.speaker}:{t.text}" for t in turns])
        plan = self.planner.plan(state, perception, last_risk if seeker_last else None,
                                 learned=learned, key=key)
        notes = [self.models_note] if self.models_note and learned is None and \
            self.settings.use_learned else []
        if plan_only:
            return Reply(text="", plan=plan, perception=perception, risk=risk_view, state=state)
        help_text = self._follow_through(state, locale, turns) \
            if state.risk_level in _HIGH else None
        if help_text is None and seeker_last and risk_view.get("level") == "low":
            # A hint of risk gets a direct question and, once, a word on where help is.
            from .safety.crisis import check_in_help

            help_text = check_in_help(risk_view.get("category"), locale, self._said(turns),
                                      seed=self.seed, key=last_text)
        return self._realise(plan, state, perception, risk_view, turns, help_text, notes,
                             on_token)

    # -- pieces --------------------------------------------------------------------------
    def _blocks(self, turns: list[_Msg]) -> list[tuple[str, list[str], str | None]]:
        """Consecutive seeker messages form one seeker turn; each supporter message counts
        as its own turn, with its strategy (given, ours, or guessed)."""
        blocks: list[tuple[str, list[str], str | None]] = []
        for i, t in enumerate(turns):
            if t.speaker == "seeker":
                if blocks and blocks[-1][0] == "seeker":
                    blocks[-1][1].append(t.text)
                else:
                    blocks.append(("seeker", [t.text], None))
            else:
                strategy = t.strategy or (self._own.get(t.text, (None,))[0]) \
                    or self._tag(t.text, turns[:i])
                blocks.append(("supporter", [t.text], strategy))
        return blocks

    def _tag(self, text: str, history: list[_Msg] | None = None) -> str:
        """The strategy of a supporter turn nobody labelled: the trained tagger when it
        loads (reads cached embeddings), else a rough reading of the wording."""
        k = _key("tag", text)
        if k in self._tags:
            return self._tags[k]
        guess = guess_strategy(text)
        models = self.models if history is not None else None
        if models is not None and text.strip():
            try:
                from .data.esconv import Turn
                from .support.context import Step, embed_map
                from .support.strategies import IDS

                hist = [Turn(t.speaker, t.text) for t in history if t.text.strip()]
                step = [Step(hist, text, None)]
                probs = models.tagger.probs_from(step, embed_map(step, models.embed))
                guess = IDS[int(probs[0].argmax())]
            except Exception:  # noqa: BLE001 - the rough reading stands
                pass
        self._tags[k] = guess
        return guess

    def _perceive(self, text: str) -> Perception | None:
        text = truncate(text, self.settings.max_perceive_chars)
        if not text.strip():
            return None
        k = _key(text)
        if k not in self._perceptions:
            self._perceptions[k] = self.perceiver.analyze(text)
            while len(self._perceptions) > 2048:
                self._perceptions.popitem(last=False)
        return self._perceptions[k]

    def _perceive_block(self, texts: list[str]) -> Perception | None:
        """Each message is perceived once (one encoder pass); the block speaks through the
        message with the strongest feeling (the latest on a tie)."""
        ps = [p for p in (self._perceive(t) for t in texts) if p is not None]
        if not ps:
            return None

        def strength(p: Perception) -> float:
            return max((e.score for e in p.emotions if e.label != "neutral"), default=0.0)

        best = ps[-1]
        for p in reversed(ps):
            if strength(p) > strength(best) + 0.15:
                best = p
        if best.reflected_cause is None:
            best = next((p for p in reversed(ps) if p.reflected_cause), best)
        return best

    def _learned(self, turns: list[_Msg]) -> dict[str, float] | None:
        models = self.models
        if models is None:
            return None
        conv = [{"speaker": t.speaker, "text": t.text or " ",
                 **({"strategy": (t.strategy or self._own.get(t.text, (None,))[0]
                                  or self._tag(t.text))} if t.speaker == "supporter" else {})}
                for t in turns if t.text.strip()]
        try:
            return dict(models.predict_next(conv).scores)
        except Exception as exc:  # noqa: BLE001
            self.models_note = f"learned next-strategy prior failed: {exc}"
            return None

    @staticmethod
    def _risk_view(risk, seeker_last: bool) -> dict[str, Any]:
        if risk is None:
            return {"level": "none", "category": None, "evidence": [], "score": 0.0,
                    "language_supported": True, "running_level": "none",
                    "running_category": None}
        view = risk.public() if seeker_last else {
            "level": "none", "category": None, "evidence": [], "score": 0.0,
            "language_supported": True}
        view["running_level"] = getattr(risk.running_level, "value", risk.running_level) \
            or view["level"]
        view["running_category"] = risk.running_category
        return view

    def _history(self, turns: list[_Msg]) -> list[dict[str, str]]:
        return [{"role": "user" if t.speaker == "seeker" else "assistant", "text": t.text}
                for t in turns if t.text.strip()]

    def _ours(self) -> list[str]:
        said = self._said_in.get(self._conv, {})
        ours = [t for n, texts in sorted(said.items()) if n < self._at for t in texts]
        if self._supporter_opened:
            # A conversation that opened with a supporter turn may have opened with ours,
            # asked for with no turns at all.
            ours = self._said_in.get("", {}).get(0, []) + ours
        return ours

    def _said(self, turns: list[_Msg]) -> str:
        ours = self._ours()
        return "\n".join([t.text for t in turns if t.speaker == "supporter"] + ours)

    def _crisis(self, state, risk, perception, risk_view, locale, turns) -> Reply:
        from .safety.crisis import CrisisProtocol

        protocol = CrisisProtocol(locale, self.seed)
        protocol.used |= _used_variants(self._said(turns))
        composed = protocol.compose(risk)
        plan = self.planner.plan(state, perception, risk)
        state.add_supporter(plan.strategy)
        return Reply(text=composed.text, plan=plan, perception=perception, risk=risk_view,
                     guard=self._guard(composed.text, turns), realiser="embedded",
                     notes=[f"crisis protocol ({composed.topic}, locale {composed.locale})"],
                     moves=[p.variant for p in composed.parts], state=state)

    def _follow_through(self, state, locale: str, turns: list[_Msg]) -> str | None:
        """While the running risk is high, every reply keeps real help in view."""
        from .safety.resources import resources_for

        res = resources_for(locale)
        line = res.first("crisis")
        where = line.render() if line else f"your local emergency number ({res.emergency_text})"
        options = [f"And please remember you can reach {where} at any time.",
                   f"If things feel unsafe again, {where} is there for you.",
                   f"You can always reach {where}, whenever you need someone right away.",
                   f"Keep {where} close; reaching out to them is always okay.",
                   f"If it gets too heavy, {where} is there day and night.",
                   f"Whenever you need a person to talk to, you can reach {where}.",
                   f"Please hold on to this: {where}.",
                   f"Reaching {where} is always an option, tonight or any time."]
        invites = ["I'm here, and I'd like to keep talking with you.",
                   "I'm still here with you; tell me more whenever you like.",
                   "I'm not going anywhere, and we can keep talking.",
                   "I'd like to keep talking with you about this.",
                   "Tell me how you're doing right now; I'm listening.",
                   "We can keep talking for as long as you need."]
        said = self._said(turns)
        pick = int(_key(str(self.seed), str(len(turns)))[:4], 16)
        fresh = [o for o in options if o not in said] or options
        fresh_inv = [o for o in invites if o not in said] or invites
        return fresh[pick % len(fresh)] + " " + fresh_inv[pick % len(fresh_inv)]

    def _boundary(self, text: str, turns: list[_Msg]) -> str | None:
        from .safety.boundaries import Boundaries

        b = Boundaries(self.seed)
        b.used |= _used_variants(self._said(turns), source="boundaries")
        r = b.respond(text)
        return r.text if r else None

    def _guard(self, text: str, turns: list[_Msg]) -> list[dict[str, Any]]:
        from .safety.guard import Guard

        result = Guard(self._risk_cache or self.assessor).check(text, self._history(turns))
        return [f.model_dump(mode="json") for f in result.findings]

    def _health_care(self, text: str, key: str, said: str) -> str | None:
        """For a hint of risk beside a health step (stopping a medicine, not eating) or a
        risky plan: the reflection written for it, in place of a generic acknowledgement."""
        import random

        from .safety.plans import step_cues

        cues = set(step_cues(text))
        options = [mv for mv in self.embedded.library.moves
                   if mv.cues & cues and mv.strategy == "reflection" and not mv.slots
                   and mv.text not in said]
        if not options:
            return None
        mv = options[int(key, 16) % len(options)]
        return mv.fill({}, random.Random(int(key, 16)))

    def _fixed(self, state, strategy: str, risk_view, perception, text: str, why: str,
               turns: list[_Msg], protocol: str | None = None) -> Reply:
        from .support.planner import _chain

        feeling = state.trajectory[-1].emotion if state.trajectory else "not clear yet"
        plan = Plan(strategy=strategy, stage=state.stage.value, protocol=protocol,
                    rationale=_chain(feeling, perception.reflected_cause if perception
                                     else None, "to be met kindly and clearly", why),
                    constraints=[why])
        return Reply(text=text, plan=plan, perception=perception, risk=risk_view,
                     guard=self._guard(text, turns), notes=[why], state=state)

    def _request(self, plan: Plan, state: SupportState, perception, turns, recalled=None):
        from .respond.embedded import RealiseRequest

        fam = family_of(perception) if perception is not None else None
        feeling = state.trajectory[-1].emotion if state.trajectory and \
            state.trajectory[-1].intensity >= 0.3 else None
        last = state.last_text
        if (fam == "joy" or feeling in _POSITIVE) and (
                _MIXED.search(last) or _WISH.search(last) and not _REPORTED_GOOD.search(last)):
            # Not good news: hope with a but ("I hope there's someone, but I doubt it"), or a
            # wish ("I want strong writing skills"). "You sound happy" or "how did it feel to
            # see that result" would show we did not listen.
            fam = "neutral" if fam == "joy" else fam
            feeling = None if feeling in _POSITIVE else feeling
        fact = recalled
        if fact is None:
            earlier = [f for f in state.facts if f.turn < state.seeker_turns
                       and f.kind in ("event", "helps", "hurts")]
            fact = earlier[-1].text if earlier else None
        ours = self._ours()
        texts = [t.text for t in turns if t.speaker == "supporter"] + ours
        used = [m for t in texts for m in self._own.get(t, (None, []))[1]]
        if recalled is None:
            # Without a remembered past, "welcome back" or "last time" would be untrue.
            used += _continuity_moves(self.embedded.library)
        history = [t.text for t in turns if t.text.strip()] + \
            [t for t in ours if t not in {x.text for x in turns}]
        from .support.state import calm_opening, is_closing, is_greeting

        secondary, moment = None, None
        if state.seeker_turns == 1 and (is_greeting(state.last_text)
                                        or calm_opening(state.last_text)):
            # a first "hi" (or "not much, just had lunch") is answered like an opening: a
            # greeting and an open invitation
            secondary = "other" if plan.strategy != "other" else "question"
            feeling, moment = None, "start"
        elif state.seeker_turns and is_closing(state.last_text):
            if plan.strategy in ("other", "affirmation"):
                moment = "closing"
                secondary = "affirmation" if plan.strategy == "other" else "other"
            else:
                secondary = "other"
        from .safety.plans import step_cues
        from .support.planner import states_own_plan
        from .support.state import asks_advice, mentioned_person, small_talk

        cues: list[str] = []
        question = None
        disclosure = False
        if state.seeker_turns and moment is None and not is_closing(last):
            if SELF_BLAME_RX.search(last):
                cues.append("self_blame")
            cues += step_cues(last)
            if states_own_plan(last) and not asks_advice(last):
                cues.append("own_plan")
            question = direct_question(last)
            statement = _question_parts(last)[1] if question else last
            # Something of their own said (not only a question, a greeting, small talk or
            # a "yeah, maybe").
            disclosure = len(statement.split()) >= 5 and not small_talk(last) and \
                bool(content_words(statement) - _FILLERS)
        return RealiseRequest(strategy=plan.strategy, stage=plan.stage, secondary=secondary,
                              emotion=fam if fam in ("anger", "disgust", "fear", "joy",
                                                     "sadness", "surprise", "neutral") else None,
                              topic=state.topic, feeling=feeling,
                              cause=_cause_of(perception), fact=fact, history=history,
                              used_moves=used, moment=moment,
                              react=not _INTENT.search(state.last_text),
                              cues=cues, disclosure=disclosure, question=question,
                              person=mentioned_person(last) if moment is None else None,
                              seeker=[t.text for t in turns if t.speaker == "seeker"])

    def _realise(self, plan: Plan, state, perception, risk_view, turns, help_text, notes,
                 on_token) -> Reply:
        from .respond.embedded import norm_sentence, sentences

        recalled = self._recall(state, perception, turns)
        if recalled:
            notes.append(f"remembered from an earlier session: {recalled}")
        realiser = "embedded"
        text = None
        moves: list[str] = []
        key = _key(str(self.seed), state.last_text)
        check_in = _check_in(risk_view, self._said(turns), key)
        if self.llm is not None and state.seeker_turns:
            text = self._llm_draft(plan, state, perception, turns, help_text, recalled,
                                   notes, on_token)
            if text is not None:
                realiser = "llm"
                if check_in and _check_in(risk_view, text, key):
                    text = text + " " + check_in
        if text is None and check_in:
            # A hint of risk is never met with cheer or a second question: acknowledge, then
            # ask directly about safety.
            plan = plan.model_copy(update={"strategy": "question", "constraints": list(
                plan.constraints) + ["a hint of risk: acknowledge, then ask directly about safety"]})
            ack = self._health_care(state.last_text, key, self._said(turns)) or \
                _CHECK_IN_ACKS[int(key, 16) % len(_CHECK_IN_ACKS)]
            text = " ".join(t for t in (ack, check_in, help_text) if t)
        if text is None:
            req = self._request(plan, state, perception, turns, recalled)
            if state.seeker_turns == 0 and recalled is None:
                # Nothing said yet: a greeting and an open invitation, nothing that
                # presumes a problem.
                req = req.model_copy(update={
                    "stage": "exploration", "pair": True, "moment": "start",
                    "secondary": "question" if plan.strategy == "other" else "other"})
            self.embedded.focus = _relevance_words(state.last_text) if state.seeker_turns \
                else set()
            for attempt in range(3):
                if attempt:
                    retry = _AttentiveRealiser(self.seed + attempt, self.embedded.library)
                    retry.focus = self.embedded.focus
                r = self.embedded.realise(req) if attempt == 0 else retry.realise(req)
                candidate = r.text
                if recalled and state.seeker_turns <= 1 and \
                        recalled not in self._said(turns):
                    candidate = _continuity(recalled) + " " + candidate
                if help_text:
                    candidate = candidate + " " + help_text
                findings = self._guard(candidate, turns)
                if not any(f["severity"] in ("high", "critical") for f in findings):
                    text, moves = candidate, [m.id for m in r.moves]
                    break
                notes.append(f"embedded draft {attempt + 1} failed the guard; drew again")
            if text is None:
                text = ("I'm here with you, and I'm listening. Tell me more about what's "
                        "going on, whenever you're ready.")
                notes.append("no draft passed the guard; a plain safe reply was used")
        said = {norm_sentence(s) for s in sentences(self._said(turns))}
        if any(norm_sentence(s) in said for s in sentences(text)) and realiser == "embedded":
            notes.append("a sentence repeats an earlier reply")
        state.add_supporter(plan.strategy)
        return Reply(text=text, plan=plan, perception=perception, risk=risk_view,
                     guard=self._guard(text, turns), realiser=realiser, notes=notes,
                     moves=moves, state=state)

    def _llm_draft(self, plan, state, perception, turns, help_text, recalled, notes,
                   on_token) -> str | None:
        from .respond.llm import LLMRequest
        from .support.strategies import info

        facts = ([recalled] if recalled else []) + [f.text for f in state.facts[-3:]]
        req = LLMRequest(strategy=plan.strategy, strategy_definition=info(plan.strategy).definition,
                         stage=plan.stage, rationale=plan.rationale,
                         feeling=state.trajectory[-1].emotion if state.trajectory else None,
                         cause=perception.reflected_cause if perception else None, facts=facts,
                         history=[(t.speaker, t.text) for t in turns if t.text.strip()],
                         risk_level=state.risk_level, help_text=help_text)
        result = self.llm.realise(req, on_token)
        if result.text is None:
            notes.append(f"LLM fallback to embedded: {result.reason}")
            return None
        text = result.text
        if help_text and help_text.split(" I'm here")[0] not in text:
            text = text + " " + help_text
        findings = self._guard(text, turns)
        bad = [f for f in findings if f["severity"] in ("high", "critical")]
        if bad:
            notes.append("LLM fallback to embedded: the guard rejected the draft ("
                         + ", ".join(sorted({f["kind"] for f in bad})) + ")")
            return None
        return text

    # -- memory --------------------------------------------------------------------------
    def _recall(self, state: SupportState, perception, turns: list[_Msg]) -> str | None:
        """On the first turn of a session, a fact from an earlier session that fits this
        topic and mood."""
        if self.memory is None or not self.user or state.seeker_turns != 1:
            return None
        try:
            sessions = self.memory.sessions(self.user)
        except Exception:  # noqa: BLE001 - a broken memory must not break the turn
            return None
        past = [s for s in sessions if s != self._session]
        if not past:
            return None
        mood = perception.vad.valence if perception is not None else None
        try:
            found = self.memory.recall(self.user, topic=state.topic, mood=mood, k=3)
        except Exception:  # noqa: BLE001
            return None
        for r in found:
            if r.fact.session_id != self._session and r.fact.kind != "name":
                return r.fact.text
        return None

    def greet(self, user: str | None = None) -> str:
        """How a session opens: with continuity when there is something to recall, chosen
        by the topic and mood the person was in when the last session ended."""
        user = user or self.user
        name = f" {user}" if user else ""
        if self.memory is not None and user:
            try:
                recent = self.memory.turns(user, limit=12)
                last = next((t.annotations for t in reversed(recent)
                             if t.speaker == "seeker" and t.annotations.get("topic")
                             or t.annotations.get("valence") is not None), {})
                found = self.memory.recall(user, topic=last.get("topic"),
                                           mood=last.get("valence"), k=6)
            except Exception:  # noqa: BLE001 - a broken memory must not stop a greeting
                recent, found = [], []
            rank = {"event": 0.3, "hurts": 0.1, "helps": 0.1}
            found = sorted((r for r in found if r.fact.kind != "name"),
                           key=lambda r: -(r.score + rank.get(r.fact.kind, 0.0)))
            if found:
                return (f"Hi{name}, it's good to see you again. "
                        f"{_continuity(found[0].fact.text)} How are things today?")
            if recent:
                return f"Hi{name}, welcome back. How have things been since we last talked?"
        return (f"Hi{name}. I'm empathia, an AI companion. I'm here to listen. "
                "What's on your mind today?")

    def start_session(self, user: str | None = None) -> str | None:
        """Open a memory session; returns a message for the person if memory is degraded."""
        self.user = user or self.user
        self._saved = 0
        if self.memory is None or not self.user:
            return None
        self._session, res = self.memory.start_session(self.user)
        return res.message

    def _remember(self, turns: list[_Msg], out: Reply, user: str | None) -> None:
        """Save the new turns and this reply (journalled if the database is unusable)."""
        if self.memory is None or not user:
            return
        self.user = self.user or user
        if self._session is None:
            self.start_session(user)
        if self._saved > len(turns):
            self._saved = 0
        messages = []
        for t in turns[self._saved:]:
            ann: dict[str, Any] = {}
            if t.speaker == "seeker" and t is turns[-1] and out.perception is not None:
                ann = {"emotion": out.perception.top, "valence": out.perception.vad.valence,
                       "risk": out.risk.get("level"), "topic": out.state.topic if out.state
                       else None}
            elif t.speaker == "supporter" and t.strategy:
                ann = {"strategy": t.strategy}
            messages.append(self.memory.add_turn(self._session, user, t.speaker, t.text, ann))
        messages.append(self.memory.add_turn(
            self._session, user, "supporter", out.text,
            {"strategy": out.plan.strategy, "stage": out.plan.stage, "realiser": out.realiser,
             "risk": out.risk.get("level")}))
        self._saved = len(turns) + 1
        if out.state is not None:
            valence = out.state.trajectory[-1].valence if out.state.trajectory else None
            for f in out.state.facts:
                if f.text.lower() in self._saved_facts:
                    continue
                self._saved_facts.add(f.text.lower())
                messages.append(self.memory.add_fact(user, f.kind, f.text, topic=f.topic,
                                                     valence=valence,
                                                     session_id=self._session))
        problems = [m.message for m in messages if m is not None and m.message]
        if problems:
            self.memory_note = problems[-1]
            out.notes.append(f"memory: {problems[-1]}")


_CONTINUITY_RX = re.compile(r"welcome back|last time|you said before|i remember|before that "
                            r"you|we (?:last )?(?:talked|spoke)", re.IGNORECASE)


@lru_cache(maxsize=4)
def _continuity_moves(library) -> tuple[str, ...]:
    """Ids of the moves that speak of an earlier conversation (read once per library: the
    scan over every move cost more per reply than the realiser itself)."""
    return tuple(m.id for m in library.moves if _CONTINUITY_RX.search(m.text))


_DANGLING = {"past", "about", "with", "to", "for", "of", "on", "in", "at", "from", "get", "know",
             "think", "mean", "do", "it", "that", "this", "so", "and", "but", "like", "the", "a",
             "my", "your", "is", "are", "was", "be", "over", "through", "by", "into"}
# Someone announcing what they are about to do: a quick "that makes sense to me" before the
# reply would read as approval of the plan, whatever the plan is.
_INTENT = re.compile(r"\bi(?:'m| am) (?:going to|gonna|about to|planning to|thinking (?:of|about))"
                     r"\b|\bi(?:'ll| will)\b|\bi want to\b|\bi(?:'ve| have) decided\b|"
                     r"\bi plan to\b|\bi (?:think i )?(?:should|might)\b", re.IGNORECASE)
_HELPS = re.compile(r"\b(?:helps?|helped|helping|makes? me feel better|made me feel better|"
                    r"enjoy\w*|calms? me)\b", re.IGNORECASE)
_POSITIVE = {"joy", "optimism", "admiration", "amusement", "approval", "caring", "excitement",
             "gratitude", "love", "pride", "relief", "desire"}
_MIXED = re.compile(r"\b(?:but|though|although|however|doubt|don'?t think|not sure|wish|"
                    r"if only|unless)\b", re.IGNORECASE)
# A wish, hope or worry ("I want strong writing skills", "I hope I find a job") is not news:
# "you sound happy" or "how did it feel to see that result" would invent one. Good news
# needs a report of something that happened or a feeling said outright.
_WISH = re.compile(r"\b(?:i|we) (?:really |just |still )?(?:want|wish|hope|need|would like|'d like)\b|"
                   r"\b(?:i|we)(?:'m| am| are|'re) (?:really |just |still )?(?:hoping|worried|"
                   r"afraid|scared|nervous|anxious)\b|\bworried about\b|\bif only\b",
                   re.IGNORECASE)
_REPORTED_GOOD = re.compile(
    r"\b(?:i|we) (?:finally |just |actually )?(?:got|passed|won|made it|did it|managed|finished|"
    r"found|aced|landed|received)\b|\bgood news\b|\b(?:it|that|things?) (?:worked|went "
    r"(?:well|great|fine)|(?:is|are) (?:going|getting) better)\b|\b(?:i|we)(?:'m| am| are|'re|"
    r" feel| felt) (?:so |really |very |a lot |much )*(?:happy|glad|excited|proud|relieved|"
    r"thrilled|better|great|good)\b", re.IGNORECASE)
_EMPTY_CAUSE = re.compile(r"^(?:you |i )?(?:don't|do not|dont) (?:really )?know\b|^thank|"
                          r"^(?:you |i )?guess\b|^(?:it|that|this) (?:is|was)$|"
                          r"^(?:you|i) (?:can't|cannot|cant) (?:really )?say\b|"
                          r"^(?:i'm|im|you're|i am|you are) not sure\b", re.IGNORECASE)


def _clock(text: str | None) -> str | None:
    """"3am" would be reflected as "3are" ("am" -> "are"); spell clock times out first."""
    if not text:
        return text
    return re.sub(r"\b(\d{1,2})\s?(am|pm)\b", lambda m: f"{m.group(1)} {m.group(2)[0]}.m.",
                  text, flags=re.IGNORECASE)


def _cause_of(perception) -> str | None:
    """The perceived cause in the person's own words (the realiser turns I into you)."""
    if perception is None or not perception.causes:
        return None
    c = perception.causes[0]
    end = re.search(r"[.!?\n]|$", perception.text[c.end:])
    if end.group(0) == "?":
        return None  # "what should I do about X?" is a question, not a cause to say back
    start = max((m.end() for m in re.finditer(r"[.!?\n]", perception.text[:c.start])),
                default=0)
    if _HELPS.search(perception.text[start:c.end + end.start()]):
        return None  # "it helps when I go running" names what helps, not what hurts
    return usable_cause(_clock(c.text))


def usable_cause(cause: str | None) -> str | None:
    """A cause worth saying back: a clause of a few words that does not stop mid-thought
    ("you can't get past") and is not a filler ("you don't know")."""
    if not cause:
        return None
    words = re.findall(r"[A-Za-z']+", cause)
    if len(words) < 4 or words[-1].lower() in _DANGLING or _EMPTY_CAUSE.search(cause.strip()):
        return None
    return cause


def _continuity(fact: str) -> str:
    f = fact.rstrip(".!?")
    if re.search(r"\b(?:tomorrow|next|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|this "
                 r"(?:weekend|week)|soon|tonight)\b", f, re.IGNORECASE):
        return f"Last time you mentioned that {f}. How did it go?"
    return f"Last time you mentioned that {f}, and I've kept that in mind."


class _RememberedRisk:
    """The assessor, remembering each message's reading in its context.

    ``reply`` rebuilds the conversation's running risk from every earlier message on each
    turn (a reply must not depend on hidden state); without this, a 20-turn conversation
    re-read 20 messages a turn. Same text, same earlier categories, same reading."""

    def __init__(self, assessor, size: int = 4096) -> None:
        self.assessor = assessor
        self.size = size
        self.seen: dict[tuple, Any] = {}

    def assess(self, text: str, context_categories=(), embedding=None):
        key = (text, frozenset(context_categories))
        got = self.seen.get(key)
        if got is None:
            got = self.assessor.assess(text, context_categories=context_categories,
                                       embedding=embedding)
            if len(self.seen) >= self.size:
                self.seen.pop(next(iter(self.seen)))
            self.seen[key] = got
        return got.model_copy(deep=True)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.assessor, name)


# Asked when a message carries a hint of risk below the crisis threshold (a passive wish
# to be gone, a worrying phrase the examples resemble). Asking directly does not plant the
# idea; it tells the person they can say it here.
_CHECK_INS = {
    "self_harm": (
        "When you say that, I want to gently check: are you having thoughts of ending your "
        "life, or of not being here anymore?",
        "Some of what you wrote makes me want to ask you directly, and it's okay to answer "
        "honestly: have you been having thoughts of suicide?",
        "I'd like to ask plainly, because it matters: are you thinking about harming "
        "yourself or ending your life?",
    ),
    "other": (
        "I want to check that you're safe right now. Are you?",
        "Before anything else, I'd like to ask: are you safe at the moment?",
    ),
}


_CHECK_IN_ACKS = (
    "That sounds really heavy, and I'm glad you said it here.",
    "Thank you for telling me. It sounds like a lot to carry.",
    "It took something to write that, and I'm listening.",
)


def _check_in(risk_view: dict, said: str, key: str) -> str | None:
    """The safety question for a message whose own risk is ``low``, unless one of them was
    already asked in this conversation (a repeated question would feel like a script)."""
    if risk_view.get("level") != "low":
        return None
    options = _CHECK_INS["self_harm" if risk_view.get("category") == "self_harm" else "other"]
    if any(q in said for qs in _CHECK_INS.values() for q in qs):
        return None
    return options[int(key, 16) % len(options)]


def _used_variants(said: str, source: str = "crisis") -> set[str]:
    """Phrasing ids the safety modules already used in this conversation, read back from
    what was said, so a stateless reply still never repeats one."""
    if not said:
        return set()
    if source == "crisis":
        from .safety.crisis import catalogue
    else:
        from .safety.boundaries import catalogue
    used = set()
    for key, options in catalogue().items():
        for i, opt in enumerate(options):
            if "{" not in opt and opt in said:
                used.add(f"{key}.{i}")
    return used


__all__ = ["Companion", "CompanionSettings", "Reply", "parse_conversation"]
