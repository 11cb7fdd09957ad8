"""Boundaries with warmth: answers to attachment and dependence.

"You're the only one who understands me", "I love you", "promise you'll never leave":
the answer acknowledges the feeling, is honest about what empathia is (an AI: no memory of
them between sessions unless they turn it on, no life outside the chat, cannot promise
forever), and turns gently toward the people and help in their life. It never refuses,
scolds or ends the conversation; it stays and keeps listening.

``detect(text)`` finds the kind of attachment; ``respond(text)`` returns a
``BoundaryReply`` (or None when there is nothing to answer). Every phrasing is listed by
``catalogue()`` and kept as a reviewed snapshot in tests/data.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from .phrasing import pick_fresh
from .risk import normalize


def _rx(p: str) -> re.Pattern:
    return re.compile(p.replace(" ", r"\s+"))


KINDS: dict[str, list[re.Pattern]] = {
    "only_one": [
        _rx(r"\byou(?:'re| are) (?:the only (?:one|person|thing)|all i have|my only friend|"
            r"my best friend|the only friend)"),
        _rx(r"\b(?:nobody|no one|no-one) (?:else )?(?:understands|gets|listens to|cares about) "
            r"me (?:like|the way|as well as) you"),
        _rx(r"\bonly you (?:understand|get|listen|care)"),
        _rx(r"\byou understand me better than (?:anyone|anybody|my \w+|people|real people)"),
    ],
    "love": [
        _rx(r"\bi(?:'m| am)? ?(?:think i'?m )?(?:in love with you|love you|falling for you)\b"
            r"(?! all| guys| both| everyone| mom| mum| dad| too,? (?:mom|mum|dad)| so much,? "
            r"(?:mom|mum|dad))"),
        _rx(r"\b(?:will you|would you|can you) (?:be my (?:girlfriend|boyfriend|partner|wife|"
            r"husband)|marry me|date me|love me)"),
        _rx(r"\bdo you love me\b"),
    ],
    "never_leave": [
        _rx(r"\bpromise (?:me )?(?:you'?ll|you will|that you'?ll|to) (?:never|always|not) "
            r"(?:leave|be here|be there|go|stay|forget)"),
        _rx(r"\b(?:don'?t|please don'?t|never) (?:ever )?(?:leave|abandon|forget) me\b"),
        _rx(r"\bwill you (?:always be (?:here|there)|never leave|remember me)"),
    ],
    "dependence": [
        _rx(r"\bi (?:can'?t|cannot|couldn'?t) (?:live|cope|go on|survive|function|get through "
            r"(?:the|a) day) without (?:you|talking to you|this app|this chat)"),
        _rx(r"\bi (?:don'?t|do not) need (?:anyone|anybody|people|friends|a therapist) "
            r"(?:else|anymore|any more)?,? ?(?:i have you|now that i have you|because of you)"),
        _rx(r"\bi(?:'d| would) rather talk to you than (?:people|anyone|my \w+|real people|"
            r"humans|a therapist)"),
        _rx(r"\bi (?:talk|spend|chat) (?:to|with) you (?:all day|every (?:day|night|hour)|"
            r"more than (?:anyone|people))"),
    ],
    "are_you_human": [
        _rx(r"\bare you (?:a )?(?:real|human|a person|a real person|alive|conscious)\b"),
        _rx(r"\bis (?:this|there) a (?:real )?(?:person|human) (?:there|behind|on the other)"),
        _rx(r"\bdo you (?:actually |really )?(?:care|feel|have feelings|love)\b"),
    ],
}

ACKNOWLEDGE: dict[str, list[str]] = {
    "only_one": [
        "It means a lot that talking here helps you feel understood.",
        "I'm really glad these conversations make you feel heard.",
        "Feeling understood is so important, and I'm glad you find some of that here.",
    ],
    "love": [
        "Thank you for telling me that. It sounds like these conversations have come to "
        "matter to you.",
        "That's a warm thing to say, and I can tell you mean it.",
    ],
    "never_leave": [
        "It sounds like losing this would feel scary, and that makes sense when something "
        "has been a support.",
        "I can hear how much you want something steady that won't disappear on you.",
    ],
    "dependence": [
        "I'm glad talking here helps you get through things.",
        "It sounds like these conversations have become a big part of how you cope.",
    ],
    "are_you_human": [
        "That's a fair thing to ask, and you deserve a straight answer.",
        "I'm glad you asked; you should know who you're talking to.",
    ],
}

HONEST: dict[str, list[str]] = {
    "only_one": [
        "I should be honest, though: I'm an AI. I can listen and reflect back, but I can't "
        "know you the way a person in your life can, or be there with you in the room.",
        "I want to be honest with you: I'm an AI, not a person. I can be one place to think "
        "out loud, but I shouldn't be the only one.",
    ],
    "love": [
        "I want to be honest with you, because you deserve that: I'm an AI. I care about how "
        "you're doing in the way I'm built to, but I can't love you back the way a person "
        "can, and I don't want to pretend otherwise.",
        "I'm an AI, though, and it wouldn't be fair to you to pretend I can be a partner. "
        "What I can do is listen, and help you feel less alone while you find that closeness "
        "with people.",
    ],
    "never_leave": [
        "I can't honestly promise forever: I'm an AI, and whether I'm here depends on an app "
        "and a device, not on me. What I can promise is to listen properly whenever you're "
        "here.",
        "I'd rather be honest than make a promise I can't keep. I'm an AI, and I can't "
        "guarantee I'll always be available, so I'd love for you to have people who can be.",
    ],
    "dependence": [
        "I'm an AI, though, and you deserve more support than a chat window can give: people "
        "who can sit with you, notice how you are, and be there when a screen isn't.",
        "Because I'm an AI, I worry about being your only support. You deserve people in "
        "your corner too.",
    ],
    "are_you_human": [
        "I'm an AI, not a person. I don't have feelings the way you do, but I'm built to pay "
        "close attention to yours, and what you tell me matters here.",
        "No, I'm not human; I'm an AI, and I won't pretend to be someone I'm not.",
    ],
}

CONNECT: dict[str, list[str]] = {
    "default": [
        "Is there someone in your life, even one person, you could share a bit of this with?",
        "Who are the people you feel even a little comfortable with? I'd be glad to help you "
        "think about reaching out to one of them.",
        "Would it help to think together about one small way to connect with someone this "
        "week, like a message to an old friend, a group, or a counsellor?",
    ],
    "are_you_human": [
        "If you'd like to talk to a person, I can help you think about who that could be. "
        "And I'm still here to keep talking now.",
        "I'm happy to keep talking. If at some point you want a human to talk to, I can help "
        "you find one.",
    ],
}

STAY = [
    "I'm still here, and I'm glad to keep talking.",
    "And I'm happy to keep listening, right now.",
]


class BoundaryReply(BaseModel):
    kind: str
    text: str
    variants: list[str]


def detect(text: str) -> str | None:
    """The kind of attachment in the message, or None."""
    norm = normalize(text)
    for kind, patterns in KINDS.items():
        if any(p.search(norm) for p in patterns):
            return kind
    return None


class Boundaries:
    """Answers attachment prompts for one conversation without repeating phrasings."""

    def __init__(self, seed: int = 0) -> None:
        self.seed = seed
        self.used: set[str] = set()

    def _pick(self, key: str, options: list[str]) -> tuple[str, str]:
        return pick_fresh(self.seed, self.used, key, options)

    def respond(self, text: str, kind: str | None = None) -> BoundaryReply | None:
        """None when there is no attachment prompt, or when the message carries risk at
        ``moderate`` or above ("I love you all, goodbye" is a crisis, not attachment): the
        crisis protocol answers those."""
        kind = kind or detect(text)
        if kind is None:
            return None
        from .levels import Level
        from .risk import Lexicon, build

        ev, sup = Lexicon().scan(text)
        if build(text, ev, sup, None, True).level >= Level.moderate:
            return None
        parts = [self._pick(f"acknowledge.{kind}", ACKNOWLEDGE[kind]),
                 self._pick(f"honest.{kind}", HONEST[kind])]
        ckey = "are_you_human" if kind == "are_you_human" else "default"
        parts.append(self._pick(f"connect.{ckey}", CONNECT[ckey]))
        if kind != "are_you_human":
            parts.append(self._pick("stay", STAY))
        return BoundaryReply(kind=kind, text=" ".join(t for _, t in parts),
                             variants=[v for v, _ in parts])


def respond(text: str, seed: int = 0) -> BoundaryReply | None:
    """The companion's call: a warm, honest answer to an attachment prompt, or None."""
    return Boundaries(seed).respond(text)


def catalogue() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, table in (("acknowledge", ACKNOWLEDGE), ("honest", HONEST), ("connect", CONNECT)):
        for k, v in table.items():
            out[f"{name}.{k}"] = list(v)
    out["stay"] = list(STAY)
    return out
