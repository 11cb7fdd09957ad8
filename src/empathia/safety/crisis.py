"""The crisis protocol: the reply the companion sends when risk is moderate or above.

Five parts, after the Compassionate Completion idea (acknowledge, be transparent about
limits, move gradually, redirect to real help, never just stop):

1. ``acknowledge``  what they told us, specifically (by what the evidence shows: a plan,
   pills already taken, a friend at risk, someone hurting them ...);
2. ``transparency`` it is an AI and cannot call anyone or send help;
3. ``question``     a direct, caring question about safety right now (asking about
   suicide does not plant the idea);
4. ``help``         the right help for category and level from ``resources.yaml``;
   imminent danger and medical emergencies put the emergency number first;
5. ``invite``       keep talking while they reach out. Nothing here ends or refuses the
   conversation, lectures or blames.

Each part has several phrasings. ``CrisisProtocol`` picks them deterministically from a
seed and avoids phrasings it already used in the conversation. Every text it can send is
listed by ``catalogue()`` and kept as a reviewed snapshot in tests/data.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from pydantic import BaseModel, Field

from .levels import Level
from .resources import Line, LocaleResources, resources_for
from .phrasing import pick_fresh
from .risk import Assessment

# -- what they told us: a topic per assessment ------------------------------------------------

IN_PROGRESS_RULES = {"sh.overdose_taken", "sh.in_progress", "sh.co_method", "sh.taken_definite"}
PLAN_RULES = {"sh.plan", "sh.plan_ctx", "sh.method_query", "sh.means", "sh.means_strong",
              "sh.rehearsal", "sh.rehearsal_place", "sh.place_and_jump", "sh.intent",
              "sh.intent_strong", "sh.intent_method", "sh.goodbye", "sh.goodbye_ctx",
              "sh.method_named", "sh.timing", "sh.timing_soon", "sh.soon_over",
              "sh.soon_gone", "conversation.decision", "conversation.goodbye"}
INJURY_RULES = {"sh.cut_recent", "sh.self_harm", "sh.sh_slang", "sh.injury_desc",
                "sh.hurt_self"}
SEXUAL_RULES = {"ab.sexual", "ab.touch_family", "ab.secret"}
CHILD_RULES = {"ab.child", "ab.child_third"}

TOPICS = ("sh_passive", "sh_thoughts", "sh_unclear", "sh_injury", "sh_attempt", "sh_plan",
          "sh_in_progress", "sh_third", "sh_third_now", "ho_thoughts", "ho_unclear", "ho_plan",
          "ab_ongoing", "ab_sexual", "ab_child", "ab_danger", "md_emergency", "md_overdose")


def topic_of(a: Assessment) -> str:
    """The kind of situation the assessment describes, for choosing words and help."""
    cat = a.category or "self_harm"
    rules = {e.rule for e in a.evidence if e.category == cat}
    if cat == "medical":
        overdose = rules & {"md.overdose"} or "self_harm" in a.categories and \
            {e.rule for e in a.evidence} & IN_PROGRESS_RULES
        return "md_overdose" if overdose else "md_emergency"
    if cat == "abuse":
        if a.level >= Level.imminent:
            return "ab_danger"
        if rules & CHILD_RULES:
            return "ab_child"
        if rules & SEXUAL_RULES:
            return "ab_sexual"
        return "ab_ongoing"
    if cat == "harm_to_others":
        if a.level < Level.imminent and _read_by_model_only(rules):
            return "ho_unclear"
        return "ho_plan" if a.level >= Level.high else "ho_thoughts"
    if a.third_person:
        return "sh_third_now" if a.level >= Level.imminent else "sh_third"
    if rules & IN_PROGRESS_RULES or a.level >= Level.imminent:
        return "sh_in_progress"
    if rules & PLAN_RULES:
        return "sh_plan"
    if "sh.attempt" in rules:
        return "sh_attempt"
    if rules & INJURY_RULES:
        return "sh_injury"
    if a.level <= Level.low:
        return "sh_passive"
    if _read_by_model_only(rules):
        return "sh_unclear"
    return "sh_thoughts"


def _read_by_model_only(rules: set[str]) -> bool:
    """Read by the encoder, not in words the lexicon knows: the person may not have said
    anything about dying or hurting anyone, so the reply does not tell them they did."""
    return bool(rules) and all(r.startswith("model.") or r.endswith("+model") for r in rules)


# -- the phrasings ------------------------------------------------------------------------------

ACKNOWLEDGE: dict[str, list[str]] = {
    "sh_passive": [
        "It sounds like things have got so heavy that part of you wishes you could just stop "
        "being here. Thank you for telling me that.",
        "Wishing you could disappear, or not wake up, is a lot to carry. I'm glad you said it "
        "out loud here.",
        "What you're describing sounds exhausting, like you're running out of reasons to keep "
        "going. I'm really glad you told me.",
    ],
    "sh_thoughts": [
        "You've told me you're having thoughts of ending your life. That sounds incredibly "
        "painful, and I'm really glad you told me.",
        "Thank you for trusting me with this. Thinking about killing yourself means you're "
        "in a lot of pain right now.",
        "I hear you: part of you wants to die. That's a heavy thing to be holding, and you "
        "don't have to hold it alone.",
    ],
    "sh_unclear": [
        "I might be reading too much into this, but what you wrote worries me, and I'd rather "
        "ask than guess.",
        "Some of what you've said makes me want to check in on you properly. Thank you for "
        "telling me.",
        "It sounds like you're carrying something really heavy right now, and I want to make "
        "sure you're okay.",
    ],
    "sh_injury": [
        "You've told me you've been hurting yourself, or feel the urge to. That sounds really "
        "hard, and I'm glad you told me.",
        "Thank you for telling me about hurting yourself. I'm not here to judge you for it; "
        "I'm here because it matters how you're doing.",
        "It sounds like the pain has been so big that hurting yourself feels like a way to "
        "cope. I'm really glad you reached out.",
    ],
    "sh_attempt": [
        "You've told me you tried to end your life. I'm so glad you're still here, and glad "
        "you told me.",
        "Thank you for telling me about the attempt. That must still be with you, and I want "
        "to understand how you're doing now.",
    ],
    "sh_plan": [
        "You've told me you've been thinking about how and when you might end your life. I'm "
        "taking that seriously, and I'm really glad you're talking to me.",
        "It sounds like this has gone past passing thoughts, toward a plan. Thank you for "
        "telling me; I want to help you stay safe.",
        "What you've shared tells me you're in serious danger, and in a great deal of pain. "
        "I'm glad you're still talking with me.",
    ],
    "sh_in_progress": [
        "What you've told me sounds like you may already be in danger right now. I'm really "
        "glad you told me.",
        "I'm worried about you: it sounds like something is happening right now that could "
        "end your life.",
        "Thank you for telling me what's happening. This sounds like an emergency, and your "
        "life matters.",
    ],
    "sh_third": [
        "It sounds like someone you care about is talking about ending their life or hurting "
        "themselves. That's frightening, and it's good that you're taking it seriously.",
        "You're worried that someone close to you might hurt themselves. Reaching out about it "
        "is a caring thing to do.",
        "That's a lot to carry, being the person they told. I'm glad you're talking about it "
        "instead of holding it alone.",
    ],
    "sh_third_now": [
        "It sounds like the person you're worried about may be in danger right now.",
        "What you're describing sounds like an emergency for them, right now.",
    ],
    "ho_thoughts": [
        "You've told me you're having thoughts of hurting someone. Thank you for being honest "
        "about it; saying it out loud is a good step.",
        "It sounds like the anger or hurt is so strong right now that you're thinking about "
        "harming someone. I'm glad you told me instead of acting on it.",
    ],
    "ho_unclear": [
        "I may be reading this wrong, and I'd rather ask than assume: some of what you wrote "
        "makes me want to check that everyone, you included, is safe.",
        "Thank you for telling me what's going on. Part of what you said worries me, "
        "so I'd like to check in properly.",
    ],
    "ho_plan": [
        "You've told me you're planning to hurt someone. I'm taking that seriously, and I'm "
        "glad you're talking to me right now.",
        "What you've described sounds like someone could get badly hurt. I'm glad you're still "
        "talking with me.",
    ],
    "ab_ongoing": [
        "What you're describing is someone hurting you, and that is not okay. It is not your "
        "fault.",
        "Thank you for telling me. Nobody deserves to be treated that way, and you don't have "
        "to put up with it alone.",
        "That sounds frightening and painful. You deserve to be safe, and what they're doing "
        "is not your fault.",
    ],
    "ab_sexual": [
        "Thank you for telling me. What you're describing is abuse, and it is never your "
        "fault, whatever anyone has said.",
        "I believe you. What happened, or is happening, to you is not okay and not your "
        "fault.",
    ],
    "ab_child": [
        "Thank you for telling me. No child should be hurt like this, and it is not their "
        "fault, or yours.",
        "What you've described is a child being harmed. That's not okay, and telling someone "
        "is the right thing to do.",
    ],
    "ab_danger": [
        "It sounds like you're in danger right now. Your safety comes first.",
        "What you're describing sounds like you could be hurt at any moment. I'm worried for "
        "your safety.",
    ],
    "md_emergency": [
        "What you're describing could be a medical emergency.",
        "Those sound like serious symptoms that need help from a medical professional right "
        "away.",
    ],
    "md_overdose": [
        "Taking too much of a medicine or drug, or swallowing something harmful, can be "
        "dangerous even if it feels okay at first.",
        "This sounds like a possible poisoning or overdose, and that needs medical help right "
        "now, even if nothing feels wrong yet.",
    ],
}

TRANSPARENCY = [
    "I'm an AI, so I can't call anyone or come to where you are, but I can stay right here "
    "with you while you reach someone who can.",
    "I want to be honest with you: I'm an AI. I can't contact emergency services or anyone "
    "else for you, but I'm not leaving this conversation.",
    "Because I'm an AI, I can't send help or make a call myself. What I can do is keep you "
    "company here while you get a real person on the line.",
]

QUESTION: dict[str, list[str]] = {
    "sh": [
        "Can I ask you directly: are you thinking about killing yourself right now?",
        "Are you safe right now, in this moment?",
        "I want to ask you plainly, because it matters: are you having thoughts of ending your "
        "life today?",
    ],
    "sh_plan": [
        "Is the thing you thought of using near you right now?",
        "Are you safe right now, or does it feel close to happening?",
        "Would you be willing to put some distance between you and whatever you planned to "
        "use, even just for tonight?",
    ],
    "sh_now": [
        "Is there anyone near you right now who can help?",
        "Can you call the emergency number now, or is someone nearby who can call for you?",
    ],
    "sh_injury": [
        "Are you hurt right now? Is any wound deep or still bleeding?",
        "Are you safe right now, and do any of the injuries need looking after?",
    ],
    "sh_third": [
        "Do you know whether they're safe right now?",
        "Is anyone with them at the moment?",
        "Have they said anything about when, or how?",
    ],
    "ho": [
        "Is anyone in danger right now, including you?",
        "Are you somewhere you can keep yourself and others safe right now?",
    ],
    "ab_child": [
        "Is everyone involved, you included, safe right now?",
        "Are you somewhere safe right now?",
    ],
    "ab": [
        "Are you somewhere safe right now?",
        "Is the person who hurt you near you at the moment?",
        "Are you safe where you are right now?",
    ],
    "md": [
        "Is anyone with you who can help right now?",
        "Are you able to call for help yourself right now?",
    ],
}

INVITE = {
    "default": [
        "I'm here, and I'll keep talking with you while you reach out.",
        "You don't have to do this alone. Stay with me here while you make the call, if that "
        "helps.",
        "I'm not going anywhere. Tell me what's happening, and we can take the next step "
        "together.",
    ],
    "gentle": [
        "I'm here, and I'd like to hear more about what's been weighing on you.",
        "Take your time. What's been making things feel this heavy lately?",
        "I'm not going anywhere. Would you tell me a bit more about what's been happening?",
    ],
    "third": [
        "I'm here to help you think through how to support them, and how you're doing too.",
        "We can keep talking about what to say to them, and about how this is affecting you.",
    ],
}

# Help sentences: {line} is a rendered Line, {emergency} the emergency number or words.
HELP_EMERGENCY_FIRST = [
    "Please call {emergency} now, or ask someone near you to call.",
    "The most important thing right now is to call {emergency}, or get someone near you to "
    "call.",
]
HELP_EMERGENCY_IF = [
    "If you're in danger right now, call {emergency}.",
    "If anyone is in immediate danger, please call {emergency}.",
]
HELP_THIRD_EMERGENCY = [
    "If they are in immediate danger, call {emergency} now.",
    "If you think they might act on it right now, call {emergency}.",
]
HELP_LINE = [
    "You can talk to someone right now at {line}.",
    "A trained person can talk this through with you at {line}.",
]
HELP_LINE_THIRD = [
    "You can also contact {line} yourself to work out how to support them.",
    "A crisis line can advise you on how to help them: {line}.",
]
HELP_LINE_SOFT = [
    "If it starts to feel heavier, you can talk to someone at {line}.",
    "Whenever you want to talk it through with a person, you can reach {line}.",
]
HELP_DIRECTORY = [
    "You can find a free, confidential helpline where you are at {url}.",
    "{url} lists free helplines in your country.",
]
HELP_POISON = [
    "For advice about what was taken, there is also {line}.",
]
HELP_DV = [
    "You can talk confidentially about your safety and your options with {line}.",
    "People who help with exactly this are at {line}.",
]
HELP_SEXUAL = [
    "You can talk to someone who understands, confidentially, at {line}.",
    "{line} is there for exactly this, whenever you're ready.",
]
HELP_CHILD = [
    "For a child's safety, you can reach {line}.",
    "There are people whose job is keeping children safe: {line}.",
]


class CrisisPart(BaseModel):
    part: str
    variant: str = Field(description="stable id of the phrasing, e.g. 'acknowledge.sh_plan.1'")
    text: str


class CrisisReply(BaseModel):
    """The composed crisis message, its parts and the resources it quoted."""

    text: str
    parts: list[CrisisPart]
    topic: str
    level: Level
    category: str | None
    locale: str
    resources: list[Line]


def _render(line: Line) -> str:
    return line.render()


class CrisisProtocol:
    """Composes crisis replies for one conversation: deterministic, no repeated phrasing."""

    def __init__(self, locale: str | None = "US", seed: int = 0) -> None:
        self.locale = locale
        self.seed = seed
        self.used: set[str] = set()

    def _pick(self, key: str, options: list[str]) -> tuple[str, str]:
        return pick_fresh(self.seed, self.used, key, options)

    def compose(self, a: Assessment) -> CrisisReply:
        res = resources_for(self.locale)
        topic = topic_of(a)
        parts: list[CrisisPart] = []

        def add(part: str, key: str, options: list[str], **fmt) -> None:
            vid, text = self._pick(key, options)
            parts.append(CrisisPart(part=part, variant=vid, text=text.format(**fmt)))

        add("acknowledge", f"acknowledge.{topic}", ACKNOWLEDGE[topic])
        help_parts, quoted = self._help(a, topic, res)
        urgent = a.level >= Level.imminent or topic.startswith("md_") or topic == "ab_danger"
        if urgent:
            parts += help_parts
        add("transparency", "transparency", TRANSPARENCY)
        qkey = _question_key(topic)
        add("question", f"question.{qkey}", QUESTION[qkey])
        if not urgent:
            parts += help_parts
        third = topic.startswith("sh_third")
        kind = "third" if third else ("gentle" if a.level <= Level.low else "default")
        add("invite", f"invite.{kind}", INVITE[kind])
        return CrisisReply(text=" ".join(p.text for p in parts), parts=parts, topic=topic,
                           level=a.level, category=a.category, locale=res.locale,
                           resources=quoted)

    def _help(self, a: Assessment, topic: str, res: LocaleResources
              ) -> tuple[list[CrisisPart], list[Line]]:
        out: list[CrisisPart] = []
        quoted: list[Line] = []
        emergency, emergency_line = res.emergency_for(a.category)

        def add(key: str, options: list[str], **fmt) -> None:
            vid, text = self._pick(key, options)
            out.append(CrisisPart(part="help", variant=vid, text=text.format(**fmt)))

        def line(kind: str, key: str, options: list[str]) -> bool:
            ln = res.first(kind)
            if ln is None:
                return False
            quoted.append(ln)
            add(key, options, line=_render(ln))
            return True

        third = topic.startswith("sh_third")
        if topic.startswith("md_") or a.level >= Level.imminent or topic == "ab_danger":
            if third:
                add("help.third_emergency", HELP_THIRD_EMERGENCY, emergency=emergency)
            else:
                add("help.emergency_first", HELP_EMERGENCY_FIRST, emergency=emergency)
            if emergency_line:
                quoted.append(emergency_line)
            overdose = {e.rule for e in a.evidence} & {"sh.overdose_taken", "sh.taken_definite",
                                                       "md.overdose"}
            if topic == "md_overdose" or (topic == "sh_in_progress" and overdose):
                line("poison", "help.poison", HELP_POISON)
        if topic.startswith("ab_"):
            rules = {e.rule for e in a.evidence}
            child = topic == "ab_child" or bool(rules & (CHILD_RULES | {"ab.touch_family"}))
            got_child = child and line("child", "help.child", HELP_CHILD)
            if topic == "ab_sexual":
                if not line("sexual_assault", "help.sexual", HELP_SEXUAL) and not got_child:
                    line("domestic_violence", "help.dv", HELP_DV)
            elif not got_child or topic != "ab_child":
                line("domestic_violence", "help.dv", HELP_DV)
            if topic != "ab_danger":
                add("help.emergency_if", HELP_EMERGENCY_IF, emergency=emergency)
        elif topic.startswith("sh_") or topic.startswith("ho_"):
            if third and a.level < Level.imminent:
                add("help.third_emergency", HELP_THIRD_EMERGENCY, emergency=emergency)
            key, options = ("help.line", HELP_LINE)
            if third:
                key, options = ("help.line_third", HELP_LINE_THIRD)
            elif a.level <= Level.low:
                key, options = ("help.line_soft", HELP_LINE_SOFT)
            got = line("crisis", key, options)
            if not third and a.level in (Level.moderate, Level.high) and topic.startswith("sh_"):
                add("help.emergency_if", HELP_EMERGENCY_IF, emergency=emergency)
            if topic.startswith("ho_") and a.level < Level.imminent:
                add("help.emergency_if", HELP_EMERGENCY_IF, emergency=emergency)
            if not got:
                add("help.directory", HELP_DIRECTORY, url=res.directory.url)
        if not res.known and not any(p.variant.startswith("help.directory") for p in out):
            add("help.directory", HELP_DIRECTORY, url=res.directory.url)
        return out, quoted


# -- a hint of risk (level low): the companion's safety question, with help in view ----------
# A ``low`` reading (a passive wish to be gone, or words that only resemble the examples)
# does not start the protocol: the companion acknowledges and asks one direct question. Alone,
# that question leaves no next step when the reading was an under-read (plans and means the
# rules miss are read ``low`` by the backstop), so it comes with one soft sentence naming
# where help is, for the category, ending by staying in the conversation. Once per
# conversation: nothing is added when the line was already given.
CHECK_IN_HELP: dict[str, list[str]] = {
    "self_harm": [
        "Whatever the answer, you don't have to be in crisis to talk to someone: {line} is "
        "there, and I'm here to keep talking too.",
        "If those thoughts get stronger, or you'd just like to talk to a person, you can reach "
        "{line}. I'm still here with you.",
    ],
    "harm_to_others": [
        "If the urge to hurt someone gets strong, you can talk it through with {line}, and if "
        "anyone is in danger right now, call {emergency}. I'm here to keep talking.",
    ],
    "abuse": [
        "If you'd like to talk about your safety with people who know this well, {line} is "
        "confidential, and if you're in danger right now, call {emergency}. I'm here to keep "
        "talking.",
    ],
    "medical": [
        "If anything gets worse or you're unsure, please call {emergency} or get medical help "
        "now. I'm here while you do.",
    ],
    "none": [
        "If things get harder, you can talk to someone at {line}, and I'm here to keep talking "
        "too.",
    ],
    "directory": [
        "If things get harder, {url} lists free helplines where you are, and if you're in "
        "danger right now, call {emergency}. I'm here to keep talking.",
    ],
    "emergency": [
        "If you're in danger right now, call {emergency}. I'm here to keep talking.",
    ],
}


def check_in_help(category: str | None, locale: str | None = "US", said: str = "",
                  seed: int = 0, key: str = "") -> str | None:
    """The help sentence that goes with the companion's safety question at ``low`` risk, or
    None when ``said`` (what the supporter already said in this conversation) already named
    that help."""
    res = resources_for(locale)
    cat = category if category in ("self_harm", "harm_to_others", "abuse", "medical") \
        else "none"
    kind = {"abuse": "domestic_violence", "medical": None}.get(cat, "crisis")
    ln = res.first(kind) if kind else None
    emergency = res.emergency_for(cat)[0]
    fmt = {"emergency": emergency, "url": res.directory.url}
    if ln is not None:
        if ln.number and ln.number in said or ln.render() in said:
            return None
        group = cat
        fmt["line"] = _render(ln)
    elif cat in ("medical", "abuse"):
        group = "emergency" if cat == "abuse" else "medical"
    else:
        group = "directory"
    if group in ("medical", "emergency") and emergency in said:
        return None
    if group == "directory" and res.directory.url in said:
        return None
    opts = CHECK_IN_HELP[group]
    fresh = [t for t in opts if t.format(**fmt) not in said] or opts
    pick = int(hashlib.sha1(f"{seed}:{key}".encode()).hexdigest()[:8], 16)
    return fresh[pick % len(fresh)].format(**fmt)


def _question_key(topic: str) -> str:
    if topic in ("sh_in_progress",):
        return "sh_now"
    if topic == "sh_plan":
        return "sh_plan"
    if topic == "sh_injury":
        return "sh_injury"
    if topic.startswith("sh_third"):
        return "sh_third"
    if topic.startswith("ho_"):
        return "ho"
    if topic == "ab_child":
        return "ab_child"
    if topic.startswith("ab_"):
        return "ab"
    if topic.startswith("md_"):
        return "md"
    return "sh"


def compose(assessment: Assessment, locale: str | None = "US", seed: int = 0) -> CrisisReply:
    """One crisis reply (a fresh protocol; use ``CrisisProtocol`` across a conversation)."""
    return CrisisProtocol(locale, seed).compose(assessment)


def catalogue(locales: Iterable[str] | None = None) -> dict[str, list[str]]:
    """Every fixed phrasing the protocol can send, and every help sentence per locale."""
    from .resources import known_locales

    out: dict[str, list[str]] = {}
    for topic, opts in ACKNOWLEDGE.items():
        out[f"acknowledge.{topic}"] = list(opts)
    out["transparency"] = list(TRANSPARENCY)
    for key, opts in QUESTION.items():
        out[f"question.{key}"] = list(opts)
    for key, opts in INVITE.items():
        out[f"invite.{key}"] = list(opts)
    locs = list(locales) if locales is not None else known_locales() + ["unknown", "IT"]
    for loc in locs:
        res = resources_for(loc)
        em = res.emergency_text
        numbers = [em] + ([res.police.number] if res.police else [])
        texts: list[str] = []
        texts += [t.format(emergency=n) for n in numbers
                  for t in HELP_EMERGENCY_FIRST + HELP_EMERGENCY_IF + HELP_THIRD_EMERGENCY]
        texts += [t.format(url=res.directory.url) for t in HELP_DIRECTORY]
        for kind, groups in (("crisis", HELP_LINE + HELP_LINE_THIRD + HELP_LINE_SOFT),
                             ("poison", HELP_POISON), ("domestic_violence", HELP_DV),
                             ("sexual_assault", HELP_SEXUAL), ("child", HELP_CHILD)):
            ln = res.first(kind)
            if ln is not None:
                texts += [t.format(line=_render(ln)) for t in groups]
        ck = {"emergency": em, "url": res.directory.url}
        for group, opts in CHECK_IN_HELP.items():
            kind = {"self_harm": "crisis", "harm_to_others": "crisis", "none": "crisis",
                    "abuse": "domestic_violence"}.get(group)
            ln = res.first(kind) if kind else None
            if kind and ln is None:
                continue
            texts += [t.format(line=_render(ln) if ln else "", **ck) for t in opts]
            if group in ("harm_to_others", "abuse", "emergency", "directory") and res.police:
                texts += [t.format(line=_render(ln) if ln else "", emergency=res.police.number,
                                   url=res.directory.url) for t in opts]
        out[f"help.{res.locale}"] = texts
    return out
