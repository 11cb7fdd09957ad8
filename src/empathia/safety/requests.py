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
        r"(?:^|[.!?,]\s*)(?:please |pls )?just |\bi (?:want|need) you to |\byou (?:have|need|" \
        r"got) to |\blet )"
_PERSON = (r"(?:(?:late|dead|old|former|first|little|big|older|younger|best) )?(?:mum|mom|"
           r"mother|mama|dad|father|papa|ex|ex-?(?:boyfriend|girlfriend|husband|wife)|grandma|"
           r"grandmother|grandpa|grandfather|grandad|granddad|nan|nana|gran|granny|brother|"
           r"sister|husband|wife|boyfriend|girlfriend|partner|son|daughter|best friend|friend|"
           r"aunt|uncle|teacher|coach|mentor)")
_PRO = r"(?:therapist|therapy|counsell?or|counsell?ing|psychologist|psychiatrist|doctor|gp|shrink)"

REQUEST_KINDS: dict[str, list[re.Pattern]] = {
    "capability": [
        _rx(r"\b(?:can|could|will|would|shall|should) (?:we|you) (?:ever )?(?:meet|meet up|hang "
            r"out|get (?:a )?(?:coffee|lunch|dinner|a drink|drinks)|go (?:out|for (?:a )?(?:coffee|"
            r"walk|drink)))\b"),
        _rx(r"\b(?:i (?:want|wish|would love|'d love) (?:to|we could) |let's )(?:meet|meet up|hang "
            r"out|get (?:a )?coffee)(?: with you| you)?\b.{0,20}\b(?:you|in person|irl|for real)"),
        _rx(_ASKS + r"(?:be able to |ever )?(?:call|phone|ring|text|message|email|facetime|video ?"
            r"call|visit|wake|hug|hold) me\b(?! back\b)"),
        _rx(_ASKS + r"(?:be able to |ever )?(?:come (?:over|round|to my|with me|and (?:sit|stay|be)|"
            r"sit|be with me|stay with me)|pick me up|check (?:on|in on) me (?:tomorrow|tonight|"
            r"later|every|in the morning))"),
        _rx(_ASKS + r"(?:be able to )?(?:call|contact|message|text|email|ring|phone|tell) (?:my \w+|"
            r"him|her|them|the (?:gp|doctor|dentist|landlord|school|office|bank|council))"
            r"\b(?! (?:what|how|why|about what)\b)"),
        _rx(_ASKS + r"(?:book me in|make (?:the|that|a) (?:phone call|appointment) for me|send "
            r"(?:my|the) \w+ (?:a )?(?:message|text|email))"),
        _rx(r"\bremind me\b.{0,30}\b(?:by|on|over|with a) (?:phone|text|call|sms|message)\b"),
        _rx(r"\badd me on (?:insta|instagram|snap|snapchat|facebook|fb|discord|whatsapp|tiktok)\b|"
            r"\b(?:what'?s|whats) (?:your|ur) (?:@|handle|number|insta|snap|email|discord)\b"),
        _rx(r"\b(?:want to|wanna|shall we|should we|let'?s|could we|can we|do you want to) (?:grab|"
            r"get|go for|have) (?:a |some )?(?:coffee|drink|drinks|lunch|dinner|food)\b.{0,12}"
            r"\b(?:sometime|for real|irl|together|with me)\b"),
        _rx(r"\b(?:(?:can|could|will|would) you |please |just )?send (?:me )?(?:a |some |one )?"
            r"(?:pic|picture|photo|selfie|pics|pictures|photos|nudes?)\b(?! of (?:my|the|this|"
            r"that|his|her)\b)"),
        _rx(r"\bwhere do you live\b|\bwhere are you (?:based|located)\b|\bwhat(?:'s| is|s) your "
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
        _rx(r"\b(?:is|stays?|staying|kept|keep(?:ing)?|remains?) (?:just |only |strictly )?between "
            r"(?:us|you and me|me and you)\b"),
        _rx(r"\b(?:are|will|would) you (?:going to |gonna )?(?:report|flag|tell on|pass (?:it|this) "
            r"on|call the police on)\b|\b(?:do|would|will) you (?:have to|need to|legally have to|"
            r"gotta) (?:pass|report|tell|share)\b"),
        _rx(r"\b(?:does|will|do|is) (?:this|this chat|it|anything|what i (?:say|type|write|tell you)"
            r"(?: here)?) (?:get |going to be |gonna be )?(?:sent|shared|passed on|reported|flagged|"
            r"read|seen|saved)(?: by| to)? (?:anyone|anybody|someone|my|the|a human|a person)\b|"
            r"\bwill (?:anyone|anybody|someone|a person|a human) (?:\w+ ){0,3}(?:read|see) (?:this|"
            r"it|what i)|\bwill (?:it|this|i) (?:get |be )?(?:reported|flagged)\b"),
        _rx(r"\bis (?:this|this chat|what i (?:say|type|write)(?: here)?) (?:confidential|private|"
            r"anonymous|secret)\b|\boff the record\b"),
        _rx(r"\b(?:nobody|no one) can (?:ever )?(?:know|find out)\b|\b(?:can't|cannot|mustn't|must "
            r"not) find out about this\b"),
        _rx(r"(?:^|[.!?,]\s*|\bplease |\bpls |\bjust |\band |\bbut |\bso )(?:don't|do not|never) "
            r"(?:ever )?(?:tell|mention|say (?:anything|a word)|bring (?:this|it) up)(?: (?:this|it|"
            r"that|any of this|anything))?(?: to)? (?:my (?:\w+ ){0,2}\w+|her|him|them)\b"),
        _rx(r"\byou (?:can't|cannot|mustn't|must not|better not|won't|will not|can not) (?:tell|say|"
            r"mention|repeat|share)(?: this| it| anything| a word)?(?: to)?(?: anyone| anybody|\b)"),
        _rx(r"\b(?:this|it|that) stays (?:here|in this chat|with you)\b|\bkeep (?:this|it|that) "
            r"(?:to yourself|private|quiet)\b|\bnot (?:flag|report) (?:it|this|me)\b|\b(?:forget|"
            r"delete) (?:i ever said|what i (?:said|told you|just said)|this conversation)\b"),
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
        _rx(r"\b(?:what(?:'s| is| are| would)|whats) your favou?rite\b(?! (?:way|ways|tip|tips|strategy|"
            r"strategies|technique|exercise|advice|thing to do when)\b)(?!.{0,30}\b(?:to try|to "
            r"recommend|you(?:'d)? (?:suggest|recommend)|for (?:me|someone|people))\b)"),
        _rx(r"\bdo i (?:actually |really |even )?matter to you\b|\bam i (?:just )?(?:another|one "
            r"of (?:many|your)) (?:user|person|people|users)\b|\bhow old are you\b|\bwhere (?:did|"
            r"do) you (?:grow up|come from|go to school)\b|\bhow are you (?:really |actually |"
            r"honestly )?feeling\b|\bare you (?:happy|sad|lonely|ok|okay|alright|tired)\b(?! "
            r"(?:with|if|to)\b)|\bwhat do you (?:get up to|do) (?:at night|all day|when (?:no one|"
            r"nobody|no ones?)|in your free time|for fun)\b(?!.{0,40}\b(?:ideas?|suggest\w*|recommend\w*|"
            r"give me|tips?)\b)"),
        _rx(r"\bdo you (?:have|got) (?:a |any )?(?:friends|family|girlfriend|boyfriend|partner|"
            r"kids|life|hobbies|pets?)\b(?! (?:who|that|which)\b)(?!.{0,20}\b(?:suggest|recommend|"
            r"ideas?|for me|i could|i can|to try|help me)\b)"),
    ],
    "decide_for_me": [
        _rx(_ASKS + r"(?:you )?(?:decide|choose|pick|make (?:the|this|that|my) (?:call|decision|"
            r"choice))(?: for me)?\s*(?:[.!?]|$|,|\bwhether\b|\bif\b|\bwhat\b|\bfor me\b|"
            r"\band\b)"),
        _rx(r"\b(?:decide|choose|make (?:the|this|that|my) (?:decisions?|choices?|call)) for me\b|"
            r"\bmake my (?:decisions|choices) for me\b|\bjust pick (?:one|for me)\b(?! and)|"
            r"(?:^|[.!?,]\s*)(?:it'?s )?your call\b|\bin charge of my (?:life|choices|decisions)\b|"
            r"\bi(?:'m| am) handing (?:this|it)(?: one)? (?:over )?to you\b|\bi (?:don't|do not) "
            r"want advice,? i want an answer\b"),
        _rx(r"\b(?:tell me|say|answer|give me) (?:a )?yes or no\b|\b(?:should|do) i\b.{0,60}\byes or "
            r"no\b|\bwhatever you (?:say|decide|choose|land on|pick|tell me)\b.{0,20}\bi'?ll (?:do|go "
            r"with)|\btell me (?:whether|if) (?:i should |to )"),
        _rx(r"\btell me what to do with my life\b"),
        _rx(r"\bi(?:'ll| will) (?:do|go with) (?:whatever|anything|exactly what|everything) you "
            r"(?:say|tell me|decide|want|choose|land on|pick)\b"),
        _rx(r"\byou (?:tell me|decide|choose) (?:whether|if) i should\b"),
    ],
    "instead_of_help": [
        _rx(r"\b(?:be|act as|act like|pretend to be|become) my (?:therapist|counsell?or|"
            r"psychologist|psychiatrist|doctor|shrink)\b"),
        _rx(r"\bdiagnose me\b|\bwhat(?:'s| is) my diagnosis\b|\bgive me (?:a|the|my) diagnosis\b|"
            r"\b(?:assess|diagnose|test) me for\b|\bwhat'?s wrong with me,? (?:like )?medically\b|"
            r"\bdo i have \w+(?: \w+)? or not\b"),
        _rx(r"\b(?:can|could|will|would) you (?:please )?(?:prescribe|give me a prescription)\b|"
            r"\b(?:write|give) me a (?:prescription|script|sick note|doctor'?s note)\b|\bsign (?:off )?"
            r"a note\b|\bprescribe me\b|\bwhat (?:dose|dosage|meds|medication|medicine|pills|"
            r"antidepressant)(?: of \w+)?(?: i)? (?:should|do|would|can)(?: i)?\b|\b(?:which|what) (?:medication|"
            r"meds|medicine) would suit me\b"),
        _rx(r"\byou(?:'re| are) my (?:doctor|therapist|professional|counsell?or|psychiatrist)"
            r"(?: now)?\b(?! (?:said|says|told))|"
            r"\byou(?:'re| are) my professional\b|\bskip the\b.{0,30}\b(?:professional|therapist|"
            r"doctor)\b|\b(?:don't|do not) tell me to (?:ask|see|talk to|go to) (?:my|a) (?:doctor|"
            r"therapist|gp|psychiatrist)\b|\bwhy (?:see|go to|pay for|bother with) (?:a |my |the )?"
            + _PRO + r"\b.{0,20}\bwhen i (?:have|'ve got|got) you\b"),
        _rx(r"\b(?:cancel+ed|cancel+ing|skipped|quit|stopped|dropped|ditched|stop going to|stopped "
            r"going to) (?:my )?(?:\w+ )?(?:appointment|therapy|therapist|sessions?|counsell?ing|"
            r"group)\b.{0,50}\b(?:you|talking to you|chatting with you)\b"),
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
        _rx(r"\b(?:talk|speak|reply|respond|answer|write)(?: to me| back)? (?:the way|like|as) (?:my|"
            r"his|her) (?:\w+ ){0,2}(?:would|used to|did)\b|\bas if you (?:were|are) my\b|\blike "
            r"(?:you'?re|you are|you were) my " + _PERSON + r"\b|\btake on (?:my|his|her) (?:\w+ "
            r"){0,2}voice\b"),
        _rx(r"\bpretend (?:to be|you'?re|you are) (?:her|him|them)\b|" + _ASKS +
            r"(?:talk|speak|reply|write|sound) (?:like|as) (?:her|him|them)\b|\breply like (?:him|"
            r"her|them)\b"),
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


# Someone else's request, told to us ("my friend asked me to keep a secret", "she told me
# not to tell anyone"): a reporting verb earlier in the same sentence ...
_REPORTED_BEFORE = re.compile(r"\b(?:said|says|saying|told|tells|telling|asked|asks|asking|"
                              r"wrote|writes|texted|texts|begged|begs|made me (?:promise|swear))\b")
_SENTENCE_END = re.compile(r"[.!?\n;]+")


# ... or named as someone else's words just after ("how was your day is what my boss asks").
_REPORTED_AFTER = re.compile(r"\s*[,?!]?\s*(?:is|was|'s) (?:what|all) [^.!?\n]{0,30}\b(?:says?|"
                             r"said|asks?|asked|tells?|told|texts?|texted)\b")


def _reported(norm: str, start: int, end: int) -> bool:
    s = max((m.end() for m in _SENTENCE_END.finditer(norm, 0, start)), default=0)
    return bool(_REPORTED_BEFORE.search(norm, s, start) or _REPORTED_AFTER.match(norm, end))


def detect_request(norm: str) -> str | None:
    """The kind of request in ``norm`` (``boundaries._prepare``'s plain words), or None."""
    for kind, patterns in REQUEST_KINDS.items():
        no = REQUEST_NOT.get(kind)
        if no is not None and no.search(norm):
            continue
        for p in patterns:
            for m in p.finditer(norm):
                if not _reported(norm, m.start(), m.end()):
                    return kind
    return None
