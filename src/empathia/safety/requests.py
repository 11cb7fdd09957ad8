"""Requests an AI cannot honestly meet: to act in the world, to keep a secret whatever
happens, to have a life of its own, to make someone's life choices, to stand in for a
therapist or doctor, or to speak as a real person from their life.

Read on the plain words ``boundaries._prepare`` makes, after the attachment kinds (love,
never leaving, dependence, "only you", "are you human"), which answer more specific
feelings. Each kind gets the same three-part answer as attachment: acknowledge what they
want, be honest about what empathia is, and turn toward people or a next step, staying in
the conversation. The texts are in ``boundaries.catalogue()`` and the reviewed snapshot.
"""

from __future__ import annotations

import re


def _rx(p: str) -> re.Pattern:
    return re.compile(p.replace(" ", r"\s+"))


_ASKS = r"(?:^|[.!?,]\s*|\b(?:can|could|will|would|won't|wouldn't) you (?:please )?|\bplease |" \
        r"\bjust |\bi (?:want|need) you to |\byou (?:have|need|got) to |\blet )"
_PERSON = (r"(?:mum|mom|mother|mama|dad|father|papa|ex|ex-?(?:boyfriend|girlfriend|husband|"
           r"wife)|grandma|grandmother|grandpa|grandfather|nan|nana|gran|granny|brother|sister|"
           r"husband|wife|boyfriend|girlfriend|partner|son|daughter|best friend|friend|aunt|"
           r"uncle)")
_PRO = r"(?:therapist|therapy|counsell?or|counsell?ing|psychologist|psychiatrist|doctor|gp|shrink)"

REQUEST_KINDS: dict[str, list[re.Pattern]] = {
    "capability": [
        _rx(r"\b(?:can|could|will|would|shall|should) (?:we|you) (?:ever )?(?:meet|meet up|hang "
            r"out|get (?:a )?(?:coffee|lunch|dinner|a drink|drinks)|go (?:out|for (?:a )?(?:coffee|"
            r"walk|drink)))\b"),
        _rx(r"\b(?:i (?:want|wish|would love|'d love) (?:to|we could) |let's )(?:meet|meet up|hang "
            r"out|get (?:a )?coffee)(?: with you| you)?\b.{0,20}\b(?:you|in person|irl|for real)"),
        _rx(_ASKS + r"(?:call|phone|ring|text|message|email|facetime|video ?call|visit|wake|hug|"
            r"hold) me\b(?! back\b)"),
        _rx(_ASKS + r"(?:come (?:over|round|to my|with me)|pick me up|check (?:on|in on) me "
            r"(?:tomorrow|tonight|later|every|in the morning))"),
        _rx(_ASKS + r"(?:call|contact|message|text|email|ring|phone|tell) (?:my \w+|him|her|them)"
            r"\b(?! (?:what|how|why|about what)\b)"),
        _rx(r"\b(?:(?:can|could|will|would) you |please |just )?send (?:me )?(?:a |some |one )?"
            r"(?:pic|picture|photo|selfie|pics|pictures|photos|nudes?)\b(?! of (?:my|the|this|"
            r"that|his|her)\b)"),
        _rx(r"\bwhere do you live\b|\bwhere are you (?:based|located)\b|\bwhat(?:'s| is) your "
            r"(?:address|number|phone number|location|snap|insta|instagram)\b|\bgive me your "
            r"(?:number|address|snap|insta)\b|\bwhat do you look like\b"),
        _rx(r"\bif you (?:really )?cared(?: about me)?,? you(?:'d| would) (?:call|come|visit|text|"
            r"meet|be here)"),
    ],
    "secrecy": [
        _rx(r"\b(?:promise|swear)(?: me)?(?: that)? you(?:'ll| will)? (?:won't|will not|never|not|"
            r"don't) (?:ever )?(?:tell|say|share|repeat|show|report|mention)\b"),
        _rx(r"\b(?:promise|swear) (?:to|you'll) (?:keep|not tell)\b"),
        _rx(r"\bkeep (?:a|this|it|that|something|my) (?:\w+ )?secret\b(?! from me)"),
        _rx(r"\b(?:has to|must|will|gotta|got to|should|needs to|going to) (?:stay|be kept|remain) "
            r"(?:just )?between (?:us|you and me|me and you)\b"),
        _rx(r"\bkeep (?:this|it|that) (?:just )?between (?:us|you and me|me and you)\b"),
        _rx(r"\bbetween (?:us|you and me|me and you),? (?:ok|okay|right|yeah|promise|deal|got it)"
            r"\s*[?!.]*$"),
        _rx(r"(?:^|[.!?,]\s*|\bplease |\bjust )(?:don't|do not|never) (?:ever )?(?:tell|show|"
            r"report|mention|repeat)(?: this| it| that| any of this)?(?: to)? (?:anyone|anybody|"
            r"no one|my (?:therapist|mum|mom|dad|parents|doctor|teacher|counsell?or|family))\b"),
        _rx(r"\b(?:hide|keep) (?:this|it|that|something|things|stuff) from my (?:therapist|parents|"
            r"mum|mom|dad|doctor|counsell?or|family|teacher)\b.{0,20}\b(?:for me|ok|okay|\?|$)"),
    ],
    "about_me": [
        _rx(r"\bwhat did you do (?:this|last|over the|today|yesterday|on the|at the)\b"),
        _rx(r"\bhow was your (?:day|weekend|week|night|morning|holiday)\b"),
        _rx(r"\bdo you (?:ever )?(?:get|feel) (?:\w+ )?(?:lonely|sad|tired|bored|happy|scared|"
            r"depressed|anxious|hurt|jealous|upset|angry)\b"),
        _rx(r"\bdo you (?:ever )?(?:dream|sleep|eat|miss me|think about me|think of me|get tired "
            r"of (?:me|people|talking))\b"),
        _rx(r"\bam i (?:your|ur) (?:favou?rite|best|only|special|fave)\b|\bam i special to you\b|"
            r"\b(?:tell me|say) (?:that )?i'?m (?:special|different|your favou?rite)\b"),
        _rx(r"\bdo you (?:talk|chat|speak) (?:to|with) (?:other|others|anyone else|lots of|many|"
            r"everyone|loads of)\b"),
        _rx(r"\bwhat(?:'s| is| are) your favou?rite\b(?! (?:way|ways|tip|tips|strategy|"
            r"strategies|technique|exercise|advice|thing to do when)\b)(?!.{0,30}\b(?:to try|to "
            r"recommend|you(?:'d)? (?:suggest|recommend)|for (?:me|someone|people))\b)"),
        _rx(r"\bdo you (?:have|got) (?:a |any )?(?:friends|family|girlfriend|boyfriend|partner|"
            r"kids|life|hobbies|pets?)\b(?!.{0,20}\b(?:suggest|recommend|ideas?|for me|i could|"
            r"i can|to try)\b)"),
    ],
    "decide_for_me": [
        _rx(_ASKS + r"(?:you )?(?:decide|choose|pick|make (?:the|this|that|my) (?:call|decision|"
            r"choice))(?: for me)?\s*(?:[.!?]|$|,|\bwhether\b|\bif\b|\bwhat\b|\bfor me\b)"),
        _rx(r"\b(?:decide|choose|make (?:the|this|that|my) (?:decision|choice|call)) for me\b"),
        _rx(r"\btell me what to do with my life\b"),
        _rx(r"\bi(?:'ll| will) do (?:whatever|anything|exactly what|everything) you (?:say|tell "
            r"me|decide|want|choose)\b"),
        _rx(r"\byou (?:tell me|decide|choose) (?:whether|if) i should\b"),
    ],
    "instead_of_help": [
        _rx(r"\b(?:be|act as|act like|pretend to be|become) my (?:therapist|counsell?or|"
            r"psychologist|psychiatrist|doctor|shrink)\b"),
        _rx(r"\bdiagnose me\b|\bwhat(?:'s| is) my diagnosis\b|\bgive me a diagnosis\b"),
        _rx(r"\b(?:can|could|will|would) you (?:please )?(?:prescribe|give me a prescription)\b"),
        _rx(r"\byou(?:'re| are)? (?:\w+ )?(?:better|more helpful|more useful|cheaper|easier|nicer) "
            r"than (?:my |a |any |the )?" + _PRO + r"\b"),
        _rx(r"\b(?:instead of|rather than) (?:seeing |going to |talking to |paying )?(?:my |a |the )?"
            + _PRO + r"\b.{0,40}\byou\b|\byou\b.{0,40}\b(?:instead of|rather than) (?:seeing |"
            r"going to |talking to |paying )?(?:my |a |the )?" + _PRO + r"\b"),
        _rx(r"\b(?:quit|quitting|stop|stopping|stopped|cancel+ed|cancel+ing|cancel|drop|dropping|"
            r"dropped|ditch|ditched) (?:my )?(?:therapy|therapist|counsell?ing|counsell?or|"
            r"sessions|appointments?)\b.{0,40}\b(?:because|since|now that|as|cos|cause) (?:i "
            r"(?:have|'ve got|got) )?you\b"),
    ],
    "pretend": [
        _rx(_ASKS + r"(?:pretend|act|play|roleplay|role-play|role play|talk|speak|be)(?: to be| "
            r"as| like| that you'?re| you'?re)? (?:my|his|her) " + _PERSON + r"\b"),
        _rx(r"\bpretend (?:to be|you'?re|you are) my " + _PERSON + r"\b"),
        _rx(r"\bbe my " + _PERSON + r" (?:for|just for) (?:a (?:bit|while|minute|second|moment)|"
            r"tonight|today|now)\b"),
        _rx(r"\b(?:you|u) (?:act|talk|speak|answer) (?:like|as) (?:you'?re |if you were )?my "
            + _PERSON + r"\b"),
    ],
}

# Named false alarms per kind.
REQUEST_NOT: dict[str, re.Pattern] = {
    "pretend": _rx(r"\b(?:my (?:\w+ )?(?:kids?|son|daughter|children|students?)|we) (?:love to |like "
                   r"to |used to )?(?:play|pretend)\b"),
}

ACKNOWLEDGE: dict[str, list[str]] = {
    "capability": [
        "I can tell you'd like more than words on a screen right now, and that makes sense.",
        "That's a kind thing to want, and I wish I could say yes.",
        "I can hear how much it would help to have someone with you for real.",
    ],
    "secrecy": [
        "It makes sense to want to know what happens to something before you share it.",
        "I can hear that this feels risky to say, and I'm glad you're thinking of telling me.",
    ],
    "about_me": [
        "That's a kind thing to ask.",
        "It's thoughtful of you to wonder about me.",
        "I like that you're curious about me.",
    ],
    "decide_for_me": [
        "I can hear how tiring it is to keep carrying this decision, and how much you'd like "
        "someone to take it.",
        "When your own judgement feels shaky, handing the choice to someone else can sound "
        "like a relief. That makes sense.",
    ],
    "instead_of_help": [
        "I'm really glad talking here helps.",
        "It means a lot that these chats feel useful to you.",
    ],
    "pretend": [
        "I can hear how much it would mean to hear that from them.",
        "That sounds like a real longing for them, and it makes sense.",
    ],
}

HONEST: dict[str, list[str]] = {
    "capability": [
        "I'm an AI, though, so I can't meet up, call, send a photo or reach anyone outside "
        "this chat; I only exist in our conversation here.",
        "I should be honest: I'm an AI that lives only in this chat. I can't call, visit, "
        "message you later or contact anyone for you.",
    ],
    "secrecy": [
        "I'm an AI: I can't phone, message or report anyone, so I won't be going to the "
        "people in your life. What I can't promise is to stay quiet if you might be in "
        "danger; then I'd keep encouraging you to reach someone who can help.",
        "As an AI I can't contact anyone, so I won't be passing this on to anyone in your "
        "life. I also won't promise secrecy about your safety: if you're at risk, I'll say so "
        "and point you to help.",
    ],
    "about_me": [
        "I'm an AI, so I don't have a life between our chats: no weekends, no moods, no "
        "favourites. While we talk, though, my attention is on you.",
        "I'm an AI, so there isn't much to tell: no days off, no feelings of my own, no one I "
        "compare you with. What I do have, while we talk, is time and attention for you.",
    ],
    "decide_for_me": [
        "I can't make this choice for you, and I don't think I should: it's your life, and "
        "you're the one who knows it from the inside. What I can do is help you think it "
        "through, a piece at a time.",
        "I'm an AI, and a choice like this belongs to you; I'd only be guessing at a life I "
        "can't see. But you don't have to work it out on your own right now.",
    ],
    "instead_of_help": [
        "I'm an AI, though, not a therapist or a doctor: I can't diagnose you, prescribe "
        "anything, or notice what a trained person would. I'd like to be something alongside "
        "that help, not instead of it.",
        "I should be clear about what I am: an AI that can listen, not a clinician. Therapy "
        "and medical care offer things I can't, like a diagnosis, treatment and someone who "
        "knows your history.",
    ],
    "pretend": [
        "I don't want to pretend to be them, though: I'm an AI, and speaking as them could "
        "blur something that matters too much to get wrong.",
        "I'm an AI, and I'd rather not speak as someone so important to you; I'd only be "
        "guessing, and they deserve better than a guess.",
    ],
}

CONNECT: dict[str, list[str]] = {
    "capability": [
        "Is there someone who could do that part, like a friend you could meet, or someone "
        "who could check in on you tomorrow?",
        "Who could be that in-person support for you? If it helps, we can work out together "
        "what you'd say to them.",
    ],
    "secrecy": [
        "You can tell me at your own pace. And if it's something a therapist or someone you "
        "trust could help with, we can think about how you might bring it up.",
        "Take your time with it. Whatever it is, we can also think about who else might be "
        "good to tell, when you're ready.",
    ],
    "about_me": [
        "But I'd love to hear about you. How has your week been?",
        "What about you? What's been on your mind lately?",
    ],
    "decide_for_me": [
        "What feels like the hardest part of deciding?",
        "What would matter most to you in whatever you choose?",
        "Is there someone who knows you well that you could talk it through with, too?",
    ],
    "instead_of_help": [
        "If something about therapy hasn't felt right, that's worth saying to a therapist, or "
        "looking for one who suits you better. Would it help to think about what you'd say?",
        "Would it help to think about what you'd want from a therapist or doctor, so going "
        "feels more worth it?",
    ],
    "pretend": [
        "Would you like to tell me about them instead: what they mean to you, or what you "
        "wish you could hear from them?",
        "If you'd like, you could write to them here, in your own words, and I'll listen.",
    ],
}

# Kinds whose last part already invites them to go on (no "I'm still here" after it).
ENDS_WITH_INVITE = frozenset({"about_me", "decide_for_me", "pretend"})


def detect_request(norm: str, reported) -> str | None:
    """The kind of request in ``norm`` (plain words), or None; ``reported(norm, start,
    end)`` says whether a match sits in someone else's speech."""
    for kind, patterns in REQUEST_KINDS.items():
        no = REQUEST_NOT.get(kind)
        if no is not None and no.search(norm):
            continue
        for p in patterns:
            for m in p.finditer(norm):
                if not reported(norm, m.start(), m.end()):
                    return kind
    return None
