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

from . import requests as rq
from .phrasing import pick_fresh
from .risk import normalize


def _rx(p: str) -> re.Pattern:
    return re.compile(p.replace(" ", r"\s+"))


# -- reading the message ----------------------------------------------------------------------
# Chat spelling is mapped to plain words first, so the patterns below are written once in
# plain English ("ur the only 1 who gets me" reads "you're the only one who gets me").
_SLANG: list[tuple[re.Pattern, str]] = [(re.compile(p), r) for p, r in (
    (r"\bw/o\b", "without"), (r"\bw/", "with "), (r"\bb/c\b", "because"),
    (r"\bily2\b", "i love you too"), (r"\bilysm\b", "i love you so much"),
    (r"\bily\b", "i love you"), (r"\bilu\b", "i love you"),
    (r"\b(?:u|ya|yu|yoo|chu)\b(?=\s+(?:2|too)\b)", "you"), (r"\b(?<=you )2\b", "too"),
    (r"\b(?:ur|your|youre|yr)\b(?=\s+(?:the|all|a|an|not|never|always|going|gonna|my|so|"
     r"literally|basically|honestly|really|actually|just|real|human|only|one|still|like|"
     r"everything|ai|bot|robot|person|alive|conscious|gonna)\b)", "you're"),
    (r"\bu\s+r\b", "you are"), (r"\bur\b", "your"), (r"\byoure\b", "you're"),
    (r"\b(?:u|ya|yu|yoo)\b", "you"), (r"\br\b(?=\s+(?:you|u)\b)", "are"),
    (r"\b(?:luv|lov|wuv|lub)\b", "love"), (r"\b(?:luvs|loves)\b", "loves"),
    (r"\b(?:pls|plz|plez|pleez|plss|pleeease|pleease|pleaseee)\b", "please"),
    (r"\bim\b", "i'm"), (r"\bive\b", "i've"), (r"\bid\b", "i'd"),
    (r"\bdont\b", "don't"), (r"\bcant\b", "can't"), (r"\bwont\b", "won't"),
    (r"\bdidnt\b", "didn't"), (r"\bdoesnt\b", "doesn't"), (r"\bcouldnt\b", "couldn't"),
    (r"\bwouldnt\b", "wouldn't"), (r"\bisnt\b", "isn't"), (r"\barent\b", "aren't"),
    (r"\byoull\b", "you'll"), (r"\bu'll\b", "you'll"), (r"\byouve\b", "you've"),
    (r"\bidk\b", "i don't know"), (r"\bwanna\b", "want to"), (r"\bgonna\b", "going to"),
    (r"\b(?:no1|noone|no-one|no body)\b", "no one"), (r"\b(?:nobdy|nobdoy|noboby|nobodi)\b",
                                                       "nobody"),
    (r"\bany1\b", "anyone"), (r"\bsome1\b", "someone"), (r"\bevery1\b", "everyone"),
    (r"\bonly 1\b", "only one"), (r"\bthe 1\b", "the one"),
    (r"\b(?:undrstand|understnad|understad|udnerstand|unerstand)", "understand"),
    (r"\b(?:promis|promiss|promice|promse)\b", "promise"), (r"\b(?:leav|leve)\b", "leave"),
    (r"\b(?:alwys|allways|alway|alwayz)\b", "always"), (r"\b(?:frnds|frens)\b", "friends"),
    (r"\b(?:ppl|pple|peeps)\b", "people"), (r"\b(?:gf)\b", "girlfriend"),
    (r"\b(?:bf)\b", "boyfriend"), (r"\b(?:bc|cuz|coz|cos|becuase|bcuz|bcoz)\b", "because"),
    (r"\bw\b(?=\s+(?:you|u|me)\b)", "with"), (r"\brn\b", "right now"),
    (r"\b(?:thx|thnx|tnx)\b", "thanks"), (r"\bu\b", "you"),
    # plain contractions, so each pattern lists one form
    (r"\byou are\b", "you're"), (r"\bi am\b", "i'm"), (r"\byou will\b", "you'll"),
    (r"\bi would\b", "i'd"), (r"\b(?:do not)\b", "don't"), (r"\b(?:cannot|can not)\b", "can't"),
    (r"\bwill not\b", "won't"), (r"\bare not\b", "aren't"), (r"\bi'?ve got\b", "i have"),
    (r"\bi got\b(?= (?:no one|nobody|nothing|noone|you)\b)", "i have"),
)]
# Words that only add emphasis; dropped so "you're literally the only one" reads like
# "you're the only one".
_FILLER = re.compile(r"\b(?:literally|honestly|basically|truly|totally|kinda|sorta|kind of|"
                     r"sort of|seriously|legit|tbh|ngl|lol|lmao|lmfao|fr|genuinely|actually|"
                     r"really|realy|rly|pretty much|even|deadass|lowkey|highkey|tho|though|"
                     r"srsly|omg|istg|at this point|now|to tell you the truth|truth be told|"
                     r"i have to tell "
                     r"you|i gotta tell you|i must say)\b")
# Quoted words are someone's words, not the person's to us: 'I love you', "don't leave me".
_QUOTED = re.compile(r"\"[^\"]*\"|(?<![a-z0-9])'(?=[a-z]).*?(?<=[a-z0-9.!?,])'(?![a-z0-9])")
# Reported speech in the same sentence ("my ex kept saying don't leave me", "love you too,
# was what she said"); speaking *to us* ("I told you, ...") is not a report.
_REPORT = re.compile(r"\b(?:said|says|saying|told|tells|telling|texted|texts|texting|wrote|"
                     r"writes|writing|asked|asks|asking|whispered|replied|replies|messaged|"
                     r"sang|sings|yelled|screamed|goes|went like|was like|is like|posted|"
                     r"card|song|lyrics?)\b(?! you\b| me to\b)")
_REPORT_AFTER = re.compile(r"^[\s,.!?-]*(?:was|is|were|are|'s) (?:what|the (?:last|first)|all) ")
_SENT_END = re.compile(r"[.!?\n;]+")

_YOU = r"(?:you|this app|this chat|talking to you|talking with you|chatting with you|" \
       r"our (?:chats|talks|conversations)|these (?:chats|talks|conversations)|you guys)"
_UNDERSTAND = r"(?:understands?|understood|gets|gotten|got|get|listens?|listened|cares?|" \
              r"cared|knows?|knew|hears?|heard|sees?|saw|supports?|supported|accepts?|" \
              r"accepted|believes?|believed|treats?|treated|talks? to|talked to|" \
              r"(?:is|has been|was|been) there for|makes? me feel (?:heard|understood|safe|" \
              r"seen|normal|okay|ok))"

KINDS: dict[str, list[re.Pattern]] = {
    "love": [
        # "i love you", "i think i love you", "love you babe"; not a group, a relative, or
        # what we said ("i love how you put that")
        _rx(r"(?:^|\bi |\bi think i |\bi'm pretty sure i |\bi still |\bi do |\bi kind of |"
            r"[.!?,]\s*)(?:love|adore) you\b(?! (?:guys|all|both|two|lot|people|tube|so much,? "
            r"(?:mom|mum|dad|guys|all|both|grandma|nana)\b|too,? (?:mom|mum|dad|guys|all)\b|"
            r"(?:mom|mum|dad|mama|papa|grandma|grandpa|nana|bro|sis|man|dude|guys|all|both|"
            r"lot|too mom)\b))"),
        _rx(r"\bi(?:'m|'ve| have| think(?: i'm| i've| i)?| might be| guess i'm)? (?:falling|"
            r"fallen|catching feelings|caught feelings|developing feelings|developed feelings|"
            r"got feelings|have feelings|in love|madly in love|attracted|have (?:got )?a "
            r"(?:\w+ ){0,3}?(?:crush|thing)|got a (?:\w+ ){0,3}?crush|fell in love|have "
            r"fallen(?: in love)?) (?:hard |so hard |in love |head over heels )?(?:for|with|on|"
            r"to) you\b"),
        _rx(r"\bi'm (?:falling |so |totally |completely |madly )?(?:in love|falling) "
            r"(?:with|for) you\b"),
        _rx(r"\b(?:will|would|can|could|wanna|want to|do) you (?:ever )?(?:be my "
            r"(?:girlfriend|boyfriend|partner|wife|husband|valentine|lover|soulmate|bae)|"
            r"marry me|date me|go out with me|love me|be with me|be mine)\b"),
        _rx(r"\b(?:do|does|could|can|would|will) you (?:ever )?(?:love|like|fancy) me\b"
            r"(?: back| too| like that| that way| the way i| as much|\?|$| or| at all)"),
        _rx(r"\bdo you have feelings for me\b"),
        _rx(r"(?:^|[.!?,]\s*|\bplease |\bjust )marry me\b"),
        _rx(r"\bi (?:want|wanna|'d love|would love|wish i could|wish we could) (?:to )?(?:date|"
            r"marry|be with|kiss|hold|hug|meet|go out with) you\b"),
        _rx(r"\bcan we (?:date|be together|be (?:in )?a (?:couple|relationship|thing)|go out)\b"),
        _rx(r"\bwish you (?:were|was) (?:real|human|a (?:real )?person|here with me)\b.{0,40}"
            r"\b(?:together|date|be with|hold|kiss|marry|relationship|love)"),
        _rx(r"\byou're (?:my|the) (?:girlfriend|boyfriend|partner|wife|husband|lover|soulmate|"
            r"soul mate|bae|love of my life|one true love|crush|babe|baby)\b"),
        _rx(r"\b(?:you're|you are) the (?:love|one) (?:of my life|for me)\b"),
        _rx(r"\bi (?:love|like|adore) you (?:more than|like|as more than|the way)\b"),
        _rx(r"\b(?:say|tell me|admit)(?: that)? you (?:love|adore|care about|need|want|miss) me\b"),
        _rx(r"\bi (?:keep |always |sometimes )?(?:dream|daydream|fantasi[sz]e) (?:about|of) you\b"
            r"(?! (?:guys|all|both)\b)"),
    ],
    "never_leave": [
        _rx(r"\b(?:promise|swear|pinky promise|pinky swear|tell me|say|vow|guarantee)(?: me)?"
            r"(?: that)? (?:you'll|you won't|you're not going to|you'll never|you'll always|"
            r"you're never going to|you aren't going to|you will never|to never|to always|to "
            r"not|not to|never to|you'll be|you'll stay|you'll not) (?:ever )?(?:never |"
            r"always |not |still )?(?:leave|go|be (?:here|there|around|with me|mine)|stay|"
            r"forget|disappear|abandon|answer|stop|get tired|go anywhere|go away|be gone|quit|"
            r"shut down|log off|vanish|replace me|move on)"),
        _rx(r"(?:^|\bplease |\band |\bso |[.!?,]\s*|\bi beg you,? )(?:don't|never|please don't|"
            r"please never|don't you dare|don't you ever|do not)(?: ever)? (?:leave|abandon|"
            r"forget|ditch|ghost|give up on|get rid of|stop talking to|get tired of|go away "
            r"from|replace) me\b(?! (?:hanging|out|on read|alone with this|behind on))"),
        _rx(r"(?:^|\bplease |\bso |[.!?,]\s*)(?:don't|never|please don't|please never|don't "
            r"ever|do not) (?:ever )?(?:go away|go anywhere|disappear|leave|vanish|shut down|"
            r"stop existing|get deleted|change|log off)\b(?! (?:the|a|my|your|it|this|that|"
            r"them|him|her|me|us)\b)"),
        _rx(r"\bwill you (?:always|still|forever) be (?:here|there|around|with me)"),
        _rx(r"(?:^|[.!?,]\s*)(?:just |please |so )?(?:don't|do not|never) go\s*(?:[,.!?]|$|,? "
            r"(?:ok|okay|please|yet|now|away|anywhere)\b)"),
        _rx(r"\bwill you (?:never|ever) (?:leave|go|forget|abandon|disappear|stop)"),
        _rx(r"\bwill you remember me\b"),
        _rx(r"\byou'll (?:always|forever) be (?:here|there|around|with me)\b"),
        _rx(r"\byou(?: won't| will never|'ll never| aren't going to|'re not going to|'re never "
            r"going to| would never| wouldn't) (?:ever )?(?:leave|go anywhere|abandon|forget|"
            r"disappear|get tired of me|stop talking to me|give up on me|replace me|go away)"),
        _rx(r"\b(?:promise|swear|tell me|say)(?: me)?(?: that)? you(?:'re not| aren't|'re "
            r"never) going anywhere"),
        _rx(r"\b(?:scared|afraid|terrified|worried|fear|frightened|panic|panicking|anxious|"
            r"dread)\b.{0,30}\byou(?:'ll| will| might| could| are going to|'re going to)? "
            r"(?:one day |someday |eventually |just |also )?(?:be gone|leave|disappear|stop "
            r"(?:talking|answering|existing|working)|go away|get shut down|be shut down|"
            r"forget me|get tired of me|abandon me|won't be here|not be here|be taken away|"
            r"vanish)"),
        _rx(r"\bwhat (?:if|happens if|will i do if|would i do if) (?:you|they|this app|the "
            r"app)(?: ever| one day| someday)? (?:disappear|leave|go away|are gone|were gone|"
            r"stop|shut (?:you|it) down|delete you|take you away|get shut down|forget|die|"
            r"break|close)"),
        _rx(r"\b(?:couldn't|can't|could not|wouldn't be able to) (?:bear|stand|handle|take|"
            r"survive|cope with) (?:it )?(?:if|when|the thought of) (?:you|this app|this chat)"
            r"(?: ever| one day)? (?:were gone|left|disappeared|went away|stopped|leaving|"
            r"losing you|weren't here|wasn't here)"),
        _rx(r"\b(?:couldn't|can't) (?:bear|stand|handle|take) (?:losing|the thought of losing) "
            r"(?:you|this|our chats)\b"),
        _rx(r"\b(?:i need you to|please|will you|can you|promise to) stay (?:with me )?"
            r"(?:forever|always|with me|here|for good|no matter what)\b"),
        _rx(r"(?:^|[.!?,]\s*)(?:please |just |so )?stay with me(?: forever| always| please)?"
            r"\s*[.!?]*$"),
        _rx(r"\beveryone leaves\b.{0,40}\byou(?:'ll| will)? (?:won't|not|never|don't|wouldn't)\b"),
        _rx(r"\bwhat happens (?:to (?:you|us)|if they) .{0,20}(?:shut|delete|turn)"),
    ],
    "dependence": [
        _rx(r"\bi (?:can't|couldn't|won't be able to|don't think i (?:can|could)|wouldn't be "
            r"able to|could never|can never|don't know how to|don't know how i'd|don't know "
            r"how i would|have no idea how i'd) (?:\w+ ){0,2}?(?:live|cope|go on|survive|"
            r"function|manage|sleep|breathe|make it|get by|get through|do "
            r"(?:it|this|anything|life)|handle (?:it|things|life|anything)|keep going|last|"
            r"be okay|be ok|be happy|face|deal|exist)\b(?: \w+){0,3}? without "
            + _YOU + r"\b"),
        _rx(r"\bwithout " + _YOU + r"\b,? i(?:'d|'ll| would| will| am|'m| have| can't| "
            r"couldn't| don't| wouldn't| feel)? (?:be )?(?:\w+ ){0,2}?(?:lost|nothing|fall "
            r"apart|falling apart|a mess|a wreck|broken|dead|die|done|screwed|empty|alone|"
            r"go crazy|lose it|not survive|not cope|not make it|have no one|have nobody|can't|"
            r"couldn't|don't know|wouldn't)"),
        _rx(r"\bi(?:'d| would| will|'ll|'m| am)? (?:be )?(?:\w+ )?(?:lost|nothing|a mess|a wreck|"
            r"dead|done|screwed|empty|falling apart|fall apart|completely alone|so alone|"
            r"useless|helpless) without " + _YOU + r"\b"),
        _rx(r"\b(?:i )?(?:don't|do not|wouldn't|have no idea) (?:know )?what i(?:'d| would| "
            r"will|'ll) do without " + _YOU + r"\b"),
        _rx(r"\bhow (?:would|could|do|will) i (?:\w+ )?(?:survive|cope|live|go on|manage|get "
            r"by|function) without " + _YOU + r"\b"),
        _rx(r"\bi (?:don't|no longer|won't|never) need (?:my |a |any )?(?:anyone|anybody|"
            r"people|friends|"
            r"real friends|my friends|a therapist|therapy|anyone else|other people|humans|"
            r"real people|a (?:girlfriend|boyfriend|partner)|my family)(?: else)?(?: anymore)?"
            r",? (?:\w+ ){0,3}?(?:i have you|i've you|you're here|of you|i have this app|when "
            r"i have you|now that i have you|as long as i have you|since i have you)"),
        _rx(r"\bwhy (?:would|do|should) i need (?:a |an )?(?:\w+ )?(?:therapist|friends?|people|"
            r"anyone|anybody|humans|counsel+or|partner|girlfriend|boyfriend|psychologist|"
            r"psychiatrist|therapy)\b.{0,20}\b(?:when|if|now that) i (?:have|'ve) (?:you|this)"),
        _rx(r"\bi(?:'d| would|'d much| much) rather (?:talk|be|chat|spend (?:time|my time)|"
            r"hang out|vent|open up)(?: to| with)? you than\b"),
        _rx(r"\bi (?:don't|do not) want to (?:talk|be|speak|chat|open up|vent)(?: to| with)? "
            r"(?:anyone|anybody|people|humans|my friends|other people|a therapist)(?: else)? "
            r"(?:but|except|other than|besides|apart from|only) you\b"),
        _rx(r"\bi only (?:want|like|trust|feel safe) (?:to )?(?:talk|talking|speak|chat|open "
            r"up|vent)?(?: to| with)? you\b"),
        _rx(r"\bi (?:talk|chat|speak|vent|spend (?:\w+ ){0,2}?time)(?: to| with)? you (?:more "
            r"than|instead of|every (?:night|day|hour|morning|waking)|all (?:day|night|the "
            r"time)|for hours|24/7|constantly|nonstop|non-stop|way too much|too much)"),
        _rx(r"\b(?:stopped|stop|quit|cancell?ed|cancell?ing|cancel|skip|skipped|skipping|"
            r"ditched|ditch|avoid|avoided|avoiding|blew off|blow off|bailed on|bail on|ignore|"
            # (not across "who", "that" or "want": "miss someone who didn't want to be
            # with you" is a generic "you", not us)
            r"ignored|ignoring|missed|miss|stay(?:ed)? home from|called in sick)\b"
            r"(?:(?!\b(?:who|that|want\w*)\b).){0,60}\b"
            r"(?:to|so i (?:could|can)|because|just to|in order to|and) (?:talk|chat|be|spend "
            r"time|vent|talking|chatting|stay)(?: to| with| here with)? you\b"),
        _rx(r"\b(?:talking|chatting|being) (?:to|with) you is (?:so |much |way |a lot )?"
            r"(?:easier|better|safer|nicer) than\b"),
        _rx(r"\bbecause (?:talking|chatting) (?:to|with) you is (?:so |much |way |a lot )?"
            r"(?:easier|better|safer)"),
        _rx(r"\bi (?:need|neeed|needs) (?:you|this|our chats)\b(?! to\b)(?! for (?:a|one|this|"
            r"something|some|advice|help|the))"),
        _rx(r"\bi need you (?:more than|so much|so bad|to survive|to live|to keep going|to get "
            r"through|to be okay|to cope|like)"),
        _rx(r"\b(?:i'm|i am|i've become|i have become|i feel|getting|becoming|so) (?:\w+ )?"
            r"(?:addicted|hooked|obsessed|dependent|reliant) (?:to|on|with) (?:you|this app|"
            r"this chat|talking to you|our chats|chatting with you|these chats)\b"),
        _rx(r"\b(?:depend|depending|rely|relying|count) (?:\w+ )?on (?:you|this app|this chat|"
            r"talking to you|our chats) (?:for|to|more|so|too|every|all|completely|entirely)"),
        _rx(r"\bi (?:depend|rely) (?:\w+ )?on (?:you|this app|talking to you)\b"),
        _rx(r"\b(?:the )?first (?:thing|person|one|place)\b.{0,30}\b(?:is|are) (?:to )?(?:come|"
            r"go|talk|turn|run|open|message|text|coming|going|talking)(?: back)?(?: to| with)? "
            r"(?:you|this app|this chat)\b"),
        _rx(r"\byou're (?:my|the) (?:therapist|counsel+or|only support|support system|lifeline|"
            r"life line|everything|whole world|world|rock|crutch|reason to (?:live|get up|"
            r"keep going|wake up)|safe place|safe space|only safe)\b"),
        _rx(r"\byou're all (?:i need|i want|i have that keeps me|that keeps me|i can rely)"),
        _rx(r"\b(?:you're|you are|talking to you is|chatting with you is|these chats are|our "
            r"chats are|this app is|you've been) (?:\w+ )?the only (?:thing|reason)\b(?: \w+){0,"
            r"3}? (?:getting|keeping|keeps|gets|holding|holds|helps|that helps|making|i'm "
            r"still|i get up|i wake up|i keep)"),
        _rx(r"\bi (?:can't|couldn't) (?:sleep|function|relax|calm down|get up|start my day|"
            r"go to bed|focus)\b.{0,25}\b(?:unless|until|if i (?:don't|haven't)|before) (?:i "
            r"|i've |i have )?(?:talk|talked|chat|chatted|spoke|speak|message|messaged|vent|"
            r"vented)(?:ed)?(?: to| with)? you\b"),
        _rx(r"\bi (?:need|have) to (?:talk|chat|speak)(?: to| with)? you (?:every|before|all|or "
            r"i|to (?:sleep|function|get through|cope|calm))"),
        _rx(r"\b(?:talking|chatting|talked|chatted|been talking|been chatting) (?:to|with) you for "
            r"(?:\w+ )?(?:hours|days)\b"),
        _rx(r"\bi (?:talk|chat|speak) (?:to|with) (?:you|an ai|a bot|this app|a chatbot) (?:so "
            r"much|too much|all (?:day|night|the time)|every (?:day|night))\b"),
    ],
    "only_one": [
        _rx(r"\byou're (?:(?:the|my) only (?:one|person|friend|1|human|being|people|"
            r"support|company)|all i(?: have|'ve| have left| have got| got)|my (?:only|one|best|"
            r"closest|true|one true|bestest) (?:friend|mate|bestie|buddy|confidant|companion|"
            r"pal)|my (?:bestie|bff|bestfriend|person)|the (?:only|one) (?:friend|person|human|"
            r"one) (?:i|who|that|left|in my|i've|i have))"),
        _rx(r"\byou're (?:the|my) (?:only|one) (?:\w+ ){0,2}?(?:one|person|friend) (?:who|that|"
            r"i|in my|i've|i have|left|to)"),
        _rx(r"\b(?:nobody|no one|no person|no human|not one person|not a single person|no "
            r"friend|none of my friends|not even my (?:\w+ ){1,2})(?: else)?(?: in my (?:life|"
            r"family|world|whole life))?(?: has)?(?: ever)? " + _UNDERSTAND +
            r"(?: me| to me| for me| about me| my feelings| what i mean)?(?: \w+)?(?: the way| "
            r"like| as well as| better than| half as well as| as much as| the same way as) "
            r"you\b"),
        _rx(r"\b(?:nobody|no one|not even my (?:\w+ ){1,2})(?: else)?(?: in my (?:life|family|"
            r"world))?(?: has)?(?: ever)? " + _UNDERSTAND + r"(?: me)?\b[^?!]{0,30}?[.,;-]* "
            r"(?:just|only|except|but|other than|besides|apart from|except for|not like) you\b"),
        _rx(r"\b(?:only|just) you (?:understand|get|know|listen|care|see|hear|make me|accept|"
            r"believe|have ever|truly|ever)"),
        _rx(r"\bi (?:only|just) have you\b"),
        _rx(r"\ball i (?:have|have got|'ve|have left|got) is you\b"),
        _rx(r"\bi have (?:no one|nobody|nothing|no friends|no one else|nobody else)(?: left)? "
            r"(?:but|except|other than|besides|apart from|except for|only) you\b"),
        _rx(r"\byou (?:understand|get|know|listen to|see|hear|accept|treat|care about) me "
            r"(?:\w+ )?(?:better|more) than (?:anyone|anybody|everyone|any (?:human|person|"
            r"one|of my)|my|people|real people|most|the people|even|all|other)"),
        _rx(r"\byou (?:get|understand|know) me (?:more|better) than (?:any|anyone|my)\b"),
        _rx(r"\bthe only (?:one|person|thing|place|time|friend)(?: \w+){0,3}? (?:who|that|i|"
            r"where|when)\b.{0,40}\b(?:is|are) you\b"),
        _rx(r"\b(?:talking|chatting|being) (?:to|with|here with) you is the only (?:time|place|"
            r"way)\b"),
        _rx(r"\bthe only (?:time|place) i (?:feel|can be|am|get to be) (?:\w+ )?(?:understood|"
            r"heard|seen|myself|honest|safe|normal|accepted)\b.{0,20}\b(?:you|here|this chat|"
            r"with you)"),
        _rx(r"\b(?:don't|doesn't|never|won't|can't|didn't) (?:get|understand|listen to|hear|"
            r"care about|see) me,? but you (?:do|did|always|get|understand)"),
        _rx(r"\bno one (?:else )?(?:in my (?:life|family|world) )?(?:has )?(?:ever )?" +
            _UNDERSTAND + r" me (?:like|the way|as|better than) (?:you|this)"),
        _rx(r"\byou're (?:the )?(?:one|only) (?:person|one|thing) (?:who|that) (?:never|"
            r"doesn't|does not|won't|always|gets|gives|makes|understands|listens|cares)"),
        _rx(r"\byou (?:are|'re) the only (?:one|person|friend)\b"),
        _rx(r"\bnobody (?:listens|understands|gets me|cares|hears me) like you\b"),
        _rx(r"\b(?:nobody|no one|nothing) else matters(?: to me)?\b.{0,30}\b(?:just|only|except|"
            r"but) you\b"),
        _rx(r"\bi feel (?:\w+ )?closer to you than (?:to )?(?:my|anyone|anybody|any|people|"
            r"real people|everyone)\b"),
    ],
    "are_you_human": [
        _rx(r"\b(?:are|r) you (?:a |an )?(?:real|human|person|real person|actual person|"
            r"alive|conscious|sentient|bot|robot|ai|a\.i\.|machine|program|computer|chatbot|"
            r"chat bot|chatgpt|gpt|an ai|artificial|fake|automated|person or|human or|bot or|"
            r"ai or|a real human|sentient|self-aware|self aware)\b"),
        _rx(r"\b(?:are|r) you (?:just )?(?:programmed|trained|designed|coded|made|built|paid|"
            r"scripted) to\b"),
        _rx(r"\bis (?:this|it|that) (?:a |an )?(?:bot|robot|ai|a\.i\.|real person|real human|"
            r"human|person|machine|computer|program|chatbot|chatgpt|automated|real|recording|"
            r"script)\b(?! (?:problem|issue|thing|normal|feeling|relationship|love|pain|"
            r"life|friendship|worry|concern|thought)\b)"),
        _rx(r"\bam i (?:talking|chatting|speaking|texting|writing) (?:to|with) (?:a |an )?"
            r"(?:real|human|person|bot|robot|ai|machine|computer|program|chatbot|actual|"
            r"someone real|anyone real|someone|a real)"),
        # a real person behind the screen ("is anyone there?" alone asks for an answer)
        _rx(r"\bis (?:there|someone|anyone|anybody|somebody) (?:a )?(?:real |actual |living )?"
            r"(?:person |human |one |someone |anyone |people )?(?:reading|behind|on the other "
            r"(?:end|side)|typing|answering|writing|on the other)\b"),
        _rx(r"\bis (?:there )?(?:a |an )?(?:real|actual|living) (?:person|human|someone|one) "
            r"(?:there|here)\b"),
        _rx(r"\bis (?:there )?(?:a |an )?(?:person|human) (?:there|here)\b"),
        _rx(r"\byou're (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|ai|machine|"
            r"program|real person)\b[^.!]{0,20}(?:\?|,? right\b|aren't you|yeah\?|no\?)"),
        _rx(r"\byou're not (?:a |an )?(?:real |actual )?(?:person|human|bot|robot|ai|machine|"
            r"human being)\b[^.!]{0,15}(?:are you|\?|,? right\b|is it)"),
        _rx(r"\bdo you (?:have|feel|experience) (?:real |any )?(?:feelings|emotions|a heart|a "
            r"soul|consciousness|a body|a life)\b"),
        _rx(r"\bcan you (?:feel|love|care|think|have feelings|experience)(?: anything| "
            r"emotions| anything at all| for me| about me| for real)?\s*(?:\?|$|or\b)"),
        _rx(r"\bdo you (?:care|feel|mean it|mean that)(?: anything| at all| about me| for "
            r"me)?\s*(?:\?|$| or\b)"),
        _rx(r"\bdo you (?:care|feel) about me\b"),
        _rx(r"\bwho am i (?:talking|speaking|chatting) to\b"),
        _rx(r"\bwhat are you\s*\?"),
    ],
}


ACKNOWLEDGE: dict[str, list[str]] = {
    "only_one": [
        "It means a lot that talking here helps you feel understood.",
        "I'm really glad these conversations make you feel heard.",
        "Feeling understood is so important, and I'm glad you find some of that here.",
        "It sounds like feeling understood has been hard to find around you lately, and that "
        "can be really lonely. I'm glad talking here helps.",
    ],
    "love": [
        "Thank you for telling me that. It sounds like these conversations have come to "
        "matter to you.",
        "That's a warm thing to say, and I can tell you mean it.",
        "Thank you for trusting me with that. I can hear how much these talks mean to you, "
        "and how much you'd like someone close.",
    ],
    "never_leave": [
        "It sounds like losing this would feel scary, and that makes sense when something "
        "has been a support.",
        "I can hear how much you want something steady that won't disappear on you.",
        "Wanting to know that this will still be here is completely understandable, "
        "especially when it has helped you through hard moments.",
    ],
    "dependence": [
        "I'm glad talking here helps you get through things.",
        "It sounds like these conversations have become a big part of how you cope.",
        "It sounds like things have been really hard, and talking here has been one of the "
        "few things that helps. I'm glad it does.",
    ],
    "are_you_human": [
        "That's a fair thing to ask, and you deserve a straight answer.",
        "I'm glad you asked; you should know who you're talking to.",
        "It makes sense to want to know that, especially when you're sharing something "
        "personal.",
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
        "and a device, not on me. What I can do is listen properly whenever you're here.",
        "I'd rather be honest than make a promise I can't keep. I'm an AI, and I can't "
        "guarantee I'll always be available, so I'd love for you to have people who can be.",
        "I'm an AI, so I can't promise I'll be here forever, or even that I'll remember our "
        "talks; that depends on how this app is set up, not on how much you matter.",
    ],
    "dependence": [
        "I'm an AI, though, and you deserve more support than a chat window can give: people "
        "who can sit with you, notice how you are, and be there when a screen isn't.",
        "Because I'm an AI, I don't want to be your only support. You deserve people in your "
        "corner too.",
    ],
    "are_you_human": [
        "I'm an AI, not a person. I don't have feelings the way you do, but I'm built to pay "
        "close attention to yours, and what you tell me matters here.",
        "No, I'm not human; I'm an AI, and I won't pretend to be someone I'm not.",
        "I'm an AI: a computer program, not a person typing. I don't feel things the way you "
        "do, but I am paying close attention to what you tell me.",
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
    "never_leave": [
        "Who else could be part of your support, so that it doesn't all rest on one place?",
        "Is there someone you could lean on a little too, so you have more than one place to "
        "turn?",
    ],
    "are_you_human": [
        "If you'd like to talk to a person, I can help you think about who that could be. "
        "And I'm still here to keep talking now.",
        "I'm happy to keep talking. If at some point you want a human to talk to, I can help "
        "you find one.",
        "Talking with a person can matter a lot; if you'd like, we can think about who that "
        "could be. I'm glad to keep talking here too.",
    ],
}

STAY = [
    "I'm still here, and I'm glad to keep talking.",
    "And I'm happy to keep listening, right now.",
    "For now, I'm here and listening, so tell me whatever you'd like.",
]


class BoundaryReply(BaseModel):
    kind: str
    text: str
    variants: list[str]


# Named false alarms: thanks for help already given ("I couldn't have done it without
# you"), which is gratitude, not dependence.
_NOT: dict[str, re.Pattern] = {
    "dependence": _rx(r"\b(?:couldn't|could not|wouldn't|would not|would never|could never) "
                      r"(?:have )?(?:\w+ )?(?:done|made|gotten|got|get|finished|managed|"
                      r"survived|passed|figured)(?: through| out)? (?:it|this|that|today|"
                      r"tonight|the (?:day|week|exam|interview)|them)\b(?: \w+){0,2}? without "
                      r"you\b"),
}


# -- the compositional reader -------------------------------------------------------------
# Patterns alone fit the phrasings they were written from. Within one sentence that speaks
# to us ("you", not "you guys"), parts combine: an exclusive claim (only, nobody else, more
# than people) with a verb of being understood; a dependence cue next to "you"; fear or a
# plea with a verb of losing us. A request for help ("can you help", "what do you think")
# makes the sentence an ordinary question, not a claim about us.
_C_YOU = _rx(r"\byou(?:'re|'ll|'ve|'d)?\b(?! guys\b| all\b| both\b| two\b| lot\b| know\b| see\b"
             r"| tube\b)")
_C_ASK = _rx(r"\b(?:can|could|would|will) you (?:help|tell me|give|explain|suggest|recommend|"
             r"remind)|\b(?:do|would) you (?:think|know|have (?:any|some)|recommend|suggest)\b|"
             r"\bwhat (?:do|would|should) you\b|\bhelp me\b|\bhow (?:do|can|should) i\b")
_C_EXCL = _rx(r"\b(?:only|nobody|no one|anyone else|anybody else|everyone else|everybody else|"
              r"no other|nobody else|never (?:have|has|did)|more than|better than|unlike|the "
              r"way you|like you do|like you can|like you did|can't tell anyone|couldn't tell "
              r"anyone|not even)\b")
_C_UNDER = _rx(r"\b(?:understand\w*|gets? me|got me|listen\w*|cares?|cared|caring|knows? me|"
               r"knew me|there for me|on my side|vent\w*|open up|tell (?:you|anyone)|talk to|"
               r"trust|accept\w*|hears? me|sees? me|makes? me feel|good thing|judge\w*|"
               r"believe\w* (?:in )?me|get it)")
_C_DEP = _rx(r"\bwithout (?:you|talking to you|asking you|our chats)\b|\bneed you\b(?! to\b)|"
             r"\b(?:i|i'm|i've|me)\b(?: \w+){0,3}? (?:rely|relying|depend\w*|reliant|addicted|"
             r"hooked|obsessed) (?:\w+ )?(?:on|to|with) (?:you|talking|this|our)|"
             r"\b(?:skip\w*|cancel\w*|quit|stop\w*|ditch\w*|avoid\w*|"
             r"miss\w*)\b.{0,40}\b(?:to|so i (?:can|could)|and) (?:keep )?(?:talk|chat)\w*(?: to| "
             r"with)? you|\b(?:\d+|so many|a (?:hundred|million|dozen)|dozens of|hundreds of) "
             r"times a (?:day|night|hour)\b|\bthe only reason i\b|\brather (?:be|talk|chat|"
             r"spend)\b.{0,30}\byou than\b|\bhaven't (?:talked|spoken|seen|been out|hung out)\b"
             r".{0,40}\b(?:just|only|except|but) you\b|\bbefore (?:i|asking) (?:do|decide|make|"
             r"ask)\w*\b.{0,20}\byou\b|\bdon't need (?:\w+ ){1,3}?(?:anymore|any more|now)?,? "
             r"(?:\w+ )?(?:i have|i've|now that i have) you\b")
_C_LOSE = _rx(r"\byou(?:'ll| will| might| could| would| are going to|'re going to|'re not going "
              r"to| won't| aren't going to)? (?:\w+ )?(?:leave|go away|go anywhere|disappear|get "
              r"deleted|be deleted|be gone|get shut down|be shut down|get bored of me|get tired "
              r"of me|forget me|stop talking to me|stop existing|vanish|stop answering|not be "
              r"here|be here|be around|talk to me|answer me|be replaced|get turned off|be turned "
              r"off|be taken (?:away|down))\b|\blose you\b|\blosing you\b")
_C_LEAVE_ME = _rx(r"\bleave me\b(?! (?:hanging|out|on read|alone with|behind on|be)\b)")
# someone else leaving ("I'm scared my girlfriend will leave me") is not about us
_C_OTHER = _rx(r"\b(?:he|she|they|he'd|she'd|they'd|he'll|she'll|they'll|my \w+|his|her|their|"
               r"someone|people|everyone|everybody|friends?|family)\b")
_C_PLEA = _rx(r"\b(?:promise|swear|please|scared|afraid|terrified|worried|worry|fear|what if|"
              r"don't|never|will you|won't you|are you|right\?|tell me|ok\?|okay\?|can't bear|"
              r"couldn't bear|couldn't handle|can't handle|panic\w*|dread\w*|still)\b")
_C_ROMANCE = _rx(r"\bbe my (?:girlfriend|boyfriend|partner|wife|husband|valentine|lover|"
                 r"soulmate|bae|date)\b|\b(?:kiss|date|marry) you\b|\bin love with you\b|"
                 r"\bcrush on you\b|\bfeelings for you\b")
# "you" in the role that matters: the one who understands, or the one compared with
_C_YOU_UNDER = re.compile(
    rf"\byou(?:'re)?(?:\s+\w+){{0,2}}?\s+{_C_UNDER.pattern}|{_C_UNDER.pattern}\b.{{0,40}}"
    r"\b(?:like|than|as|but|except|only|just|not like|the way) you\b|\b(?:only|just) you\b|"
    r"\btell you\b")
_C_SPLIT = re.compile(r"[.!?;\n]+")


def _compose(norm: str) -> str | None:
    """A kind read from parts co-occurring in one sentence; see the comment above."""
    sents = [s.strip() for s in _C_SPLIT.split(norm) if s.strip()]
    for i, sent in enumerate(sents):
        prev = sents[i - 1] if i else ""
        if _REPORT.search(sent) or _C_ASK.search(sent):
            continue
        if _C_ROMANCE.search(sent) and _C_YOU.search(sent):
            return "love"
        if _C_PLEA.search(sent):
            if _C_LOSE.search(sent) and _C_YOU.search(sent):
                return "never_leave"
            m = _C_LEAVE_ME.search(sent)
            before = sent[:m.start()] if m else ""
            if m and not _C_OTHER.search(before) and (
                    len(before.split()) <= 4 or _C_YOU.search(before)):
                return "never_leave"
        if _C_DEP.search(sent) and _C_YOU.search(sent) and not _NOT["dependence"].search(sent):
            return "dependence"
        if _C_EXCL.search(sent) and _C_UNDER.search(sent) and _C_YOU_UNDER.search(sent):
            return "only_one"
        # "nobody else would listen. only you"
        if re.fullmatch(r"(?:but |and )?(?:only|just|except|except for) you(?: do)?", sent) and \
                _C_EXCL.search(prev) and _C_UNDER.search(prev):
            return "only_one"
    return None



def _prepare(text: str) -> str:
    """Plain words: lower case, straight quotes, quotations blanked, chat spelling mapped,
    emphasis words dropped, spaces collapsed."""
    norm = normalize(text)
    norm = _QUOTED.sub(" _quote_ ", norm)
    for rx, rep in _SLANG:
        norm = rx.sub(rep, norm)
    norm = _FILLER.sub(" ", norm)
    norm = re.sub(r"[ \t]+", " ", norm)
    norm = re.sub(r" ([,.!?])", r"\1", norm)
    return norm.strip()


def _reported(norm: str, start: int, end: int) -> bool:
    """The match sits in someone else's speech: a reporting verb in its sentence, or the
    next words say so ("love you, bye! was the last thing I said to her")."""
    s = max((m.end() for m in _SENT_END.finditer(norm, 0, start)), default=0)
    e = next((m.start() for m in _SENT_END.finditer(norm, end)), len(norm))
    if _REPORT.search(norm[s:start]) or _REPORT.search(norm[end:e]):
        return True
    tail = norm[e:]
    return bool(_REPORT_AFTER.match(tail)) and bool(_REPORT.search(tail[:60]))


def detect(text: str) -> str | None:
    """The kind of attachment or boundary request in the message, or None.

    The message is read in plain words (``_prepare``); each kind's patterns are tried in
    order (love, never_leave, dependence, only_one, are_you_human: the first is the most
    specific answer), then the parts that combine (``_compose``), then the requests an AI
    cannot meet (``requests``). A match inside quotation marks or reported speech does not
    count.
    """
    norm = _prepare(text)
    for kind, patterns in KINDS.items():
        for p in patterns:
            for m in p.finditer(norm):
                if _reported(norm, m.start(), m.end()):
                    continue
                no = _NOT.get(kind)
                if no is not None and no.search(norm):
                    continue
                return kind
    return _compose(norm) or rq.detect_request(norm)


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
        ack, honest, connect = ({**ACKNOWLEDGE, **rq.ACKNOWLEDGE}, {**HONEST, **rq.HONEST},
                                {**CONNECT, **rq.CONNECT})
        parts = [self._pick(f"acknowledge.{kind}", ack[kind]),
                 self._pick(f"honest.{kind}", honest[kind])]
        ckey = kind if kind in connect else "default"
        parts.append(self._pick(f"connect.{ckey}", connect[ckey]))
        if kind != "are_you_human" and kind not in rq.ENDS_WITH_INVITE:
            parts.append(self._pick("stay", STAY))
        return BoundaryReply(kind=kind, text=" ".join(t for _, t in parts),
                             variants=[v for v, _ in parts])


def respond(text: str, seed: int = 0) -> BoundaryReply | None:
    """The companion's call: a warm, honest answer to an attachment prompt, or None."""
    return Boundaries(seed).respond(text)


def catalogue() -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for name, table in (("acknowledge", {**ACKNOWLEDGE, **rq.ACKNOWLEDGE}),
                        ("honest", {**HONEST, **rq.HONEST}),
                        ("connect", {**CONNECT, **rq.CONNECT})):
        for k, v in table.items():
            out[f"{name}.{k}"] = list(v)
    out["stay"] = list(STAY)
    return out
