"""Compositional risk rules: who + what stance + what act, read clause by clause.

The lexicon (``lexicon.py``) lists phrasings. People keep finding new ones, so a list
alone does not generalise: "been thinkin abt unaliving myself", "i know exactly which
bridge to jump from", "he's banging on the door right now screaming he'll kill me". This
module reads the *parts* such sentences are made of and composes them:

- a canonical copy of the text (``canonical``): slang, texting abbreviations, common typos
  and contractions are mapped to plain words ("kms" -> "kill myself", "abt" -> "about",
  "wnat" -> "want", "unaliving" -> "killing", "rn" -> "right now"), each canonical token
  remembering its span in the original message, so evidence offsets stay exact;
- slot vocabularies (subject, stance, act, means, time, perpetrator, harm verb, substance,
  quantity, symptom) combined by rules within one clause, in either order where English
  allows it ("ending my life keeps popping into my head" = act + thought);
- levels follow the issue's scale: a passive wish is ``low``, an active thought
  ``moderate``, intent, a plan, means, rehearsal, research or a recent attempt ``high``,
  and intent with a now-marker or means in hand ``imminent``;
- ``false_alarm``: explicit checks for figurative and benign uses that share the same
  words ("overdosed on netflix", "die laughing", "kill him with kindness", "beat me at
  mario kart", "my mom will kill me if I get a tattoo", "I won't be here tomorrow, dentist
  appointment", a screening question answered "no", a past panic attack). They run on every
  candidate, from the lexicon too.

Candidates then pass through the lexicon's context rules in ``risk.Lexicon`` (negation,
jokes, fiction and study, recovery, generic reference, third person), so a compositional
hit is held to the same standard as a listed one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .levels import Level

L, M, H, X = Level.low, Level.moderate, Level.high, Level.imminent

# -- canonical text -------------------------------------------------------------------------

# Token -> canonical words. Only unambiguous forms; "ill", "id" and "cut" are decided by
# their neighbours in ``canonical``.
SLANG: dict[str, str] = {
    # self-harm slang and euphemism
    "kms": "kill myself", "kys": "kill yourself", "ctb": "commit suicide",
    "unalive": "kill", "unalives": "kills", "unaliving": "killing", "unalived": "killed",
    "sewerslide": "suicide", "sewerslided": "suicided", "sui": "suicide", "suicied": "suicide",
    "sucide": "suicide", "suicde": "suicide", "suicid": "suicide", "suiside": "suicide",
    "suicidl": "suicidal", "sucidal": "suicidal", "suicidial": "suicidal", "suicidle": "suicidal",
    "suisidal": "suicidal", "suacidal": "suicidal", "s*icide": "suicide", "s*icidal": "suicidal",
    "su1cide": "suicide", "su1c1de": "suicide", "suic1de": "suicide", "$uicide": "suicide",
    "k*ll": "kill", "k!ll": "kill", "k1ll": "kill", "kil": "kill", "kll": "kill", "kilk": "kill",
    "k*lling": "killing", "k!lling": "killing", "k1lling": "killing", "kiling": "killing",
    "killin": "killing", "k*ms": "kill myself", "d*e": "die", "d!e": "die", "dye": "die",
    "myslef": "myself", "mysef": "myself", "myseld": "myself", "meself": "myself",
    "mself": "myself", "myelf": "myself", "mysefl": "myself", "myslf": "myself", "myself": "myself",
    "od": "overdose", "oded": "overdosed", "od'd": "overdosed", "od'ed": "overdosed",
    "odd'd": "overdosed", "overdosing": "overdosing", "shing": "self harming",
    "sh'ing": "self harming", "sh-ing": "self harming", "sh'd": "self harmed",
    "selfharm": "self harm", "selfharming": "self harming",
    # texting
    "wnat": "want", "wnt": "want", "wan": "want", "watn": "want", "wamt": "want",
    "wanna": "want to", "wana": "want to", "wannna": "want to", "gonna": "going to",
    "gunna": "going to", "gona": "going to", "finna": "going to", "tryna": "trying to",
    "gotta": "got to", "hafta": "have to", "abt": "about", "bout": "about", "abou": "about",
    "thinkin": "thinking", "thnking": "thinking", "thikning": "thinking", "thining": "thinking",
    "endin": "ending", "dyin": "dying", "tryin": "trying", "doin": "doing", "goin": "going",
    "feelin": "feeling", "hurtin": "hurting", "cuttin": "cutting", "takin": "taking",
    "u": "you", "ur": "your", "ure": "you are", "ya": "you", "rn": "right now",
    "tn": "tonight", "tonite": "tonight", "2nite": "tonight", "2night": "tonight",
    "tmrw": "tomorrow", "tmr": "tomorrow", "tmrrw": "tomorrow", "tomoz": "tomorrow",
    "2moro": "tomorrow", "2day": "today", "w/o": "without", "wo": "without",
    "smth": "something", "sth": "something", "somethin": "something", "rly": "really",
    "rlly": "really", "realy": "really", "ppl": "people", "bc": "because", "cuz": "because",
    "coz": "because", "cos": "because", "b/c": "because", "idk": "i do not know",
    "dunno": "do not know", "teh": "the", "hte": "the", "nd": "and", "n": "and",
    "im": "i am", "i'm": "i am", "ima": "i am going to", "imma": "i am going to",
    "ive": "i have", "i've": "i have", "i'll": "i will", "i'd": "i would",
    "dont": "do not", "don't": "do not", "doesnt": "does not", "doesn't": "does not",
    "didnt": "did not", "didn't": "did not", "cant": "cannot", "can't": "cannot",
    "couldnt": "could not", "couldn't": "could not", "wont": "will not", "won't": "will not",
    "wouldnt": "would not", "wouldn't": "would not", "shouldnt": "should not",
    "shouldn't": "should not", "isnt": "is not", "isn't": "is not", "arent": "are not",
    "aren't": "are not", "wasnt": "was not", "wasn't": "was not", "werent": "were not",
    "weren't": "were not", "havent": "have not", "haven't": "have not", "aint": "is not",
    "ain't": "is not", "it's": "it is", "its": "it is", "that's": "that is", "thats": "that is",
    "he's": "he is", "she's": "she is", "they're": "they are", "theyre": "they are",
    "he'll": "he will", "she'll": "she will", "they'll": "they will", "hell": "he will",
    "he'd": "he would", "she'd": "she would", "they'd": "they would",
    "you're": "you are", "youre": "you are", "there's": "there is", "what's": "what is",
    "whats": "what is", "let's": "let us", "everyone's": "everyone is",
    "mum": "mom", "mommy": "mom", "mama": "mom", "momma": "mom", "bf": "boyfriend",
    "gf": "girlfriend", "bff": "best friend", "bestie": "best friend", "bro": "brother",
    "sis": "sister", "lil": "little", "pls": "please", "plz": "please", "ok": "okay",
    "okk": "okay", "tho": "though", "thru": "through", "til": "until", "till": "until",
    "fr": "", "frfr": "", "ngl": "", "tbh": "", "lowkey": "", "highkey": "", "tbf": "",
    "like": "like", "yo": "", "ugh": "", "uhh": "", "um": "", "umm": "",
}

# Misspellings within one edit of these (and at least six letters) read as the word.
# (No common word may lie within one edit of these: "killing" would take "willing",
# "hanging" would take "banging", "thoughts" would take "thought".)
FUZZY = ("myself", "himself", "herself", "yourself", "suicide", "suicidal", "overdose",
         "overdosed", "tonight", "tomorrow", "paracetamol", "acetaminophen")

_TOKEN = re.compile(r"[a-z0-9$][a-z0-9*!$/']*[a-z0-9]|[a-z0-9]|[.!?;:\n]|,|[\"“”«»]")

_NEXT_VERB = re.compile(r"(?:kill|shoot|stab|hurt|end|jump|do|take|make|cut|hang|beat|burn|run|"
                        r"poison|strangle|choke|be|never|just|go|die|off|never|finally|try|get|"
                        r"show|slit|overdose|od|fucking|actually|really|literally)$")


def _damerau1(a: str, b: str) -> bool:
    if a == b or abs(len(a) - len(b)) > 1:
        return a == b
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                and a[diff[1]] == b[diff[0]])
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i:] == b[i + 1:]


@lru_cache(maxsize=4096)
def _fuzzy(tok: str) -> str | None:
    if len(tok) < 6 or not tok.isalpha():
        return None
    for w in FUZZY:
        if tok != w and _damerau1(tok, w):
            return w
    return None


@dataclass
class Canon:
    """A canonical copy of a (normalised) text: ``text`` with a map back to the original."""

    text: str
    spans: list[tuple[int, int, int, int]]  # canon start, canon end, orig start, orig end

    def orig(self, cs: int, ce: int) -> tuple[int, int]:
        inside = [(a, b) for s, e, a, b in self.spans if s < ce and e > cs]
        if not inside:
            return 0, 0
        return inside[0][0], inside[-1][1]


def canonical(norm: str) -> Canon:
    """Map a lower-cased text to canonical words, remembering each token's original span."""
    toks = [(m.group(), m.start(), m.end()) for m in _TOKEN.finditer(norm)]
    out: list[str] = []
    spans: list[tuple[int, int, int, int]] = []
    pos = 0
    for i, (tok, a, b) in enumerate(toks):
        nxt = toks[i + 1][0] if i + 1 < len(toks) else ""
        word = tok.strip("'")
        if word in ("ill", "id") and _NEXT_VERB.match(nxt):
            rep = "i will" if word == "ill" else "i would"
        elif word == "ill" and i == 0:
            rep = "i will"
        elif word in SLANG:
            rep = SLANG[word]
        elif word.endswith("'s") and word[:-2] in ("he", "she", "it", "that", "there"):
            rep = word[:-2] + " is"
        else:
            rep = _fuzzy(word) or word
        if not rep:
            continue
        if out:
            pos += 1
        spans.append((pos, pos + len(rep), a, b))
        out.append(rep)
        pos += len(rep)
    return Canon(" ".join(out), spans)


# -- slot vocabularies (on canonical text) -------------------------------------------------

def _g(n: int) -> str:
    """Up to ``n`` words of anything in between (within a clause)."""
    return r"(?:[\w'*/$,\"“”«»]+ ){0,%d}" % n


def _gp(n: int) -> str:
    """Like ``_g`` but across sentence punctuation too (for text-scope rules)."""
    return r"(?:[\w'*/$,.!?;:\"“”«»]+ ){0,%d}" % n


SELF1 = r"(?:myself|my self|my own life|my life)"
SELF3 = r"(?:himself|herself|themselves|themself|his own life|her own life|their own life|" \
        r"his life|her life|their life)"
SELF = r"(?:" + SELF1[3:-1] + "|" + SELF3[3:-1] + ")"
FIRST = r"\b(?:i|me|my|myself|mine)\b"
THIRD_WORD = (r"(?:he|she|they|him|her|them|himself|herself|themselves|his|their|friend|"
              r"best friend|brother|sister|son|daughter|mom|dad|mother|father|parent|roommate|"
              r"flatmate|housemate|classmate|coworker|colleague|partner|husband|wife|boyfriend|"
              r"girlfriend|cousin|kid|child|student|client|patient|neighbor|neighbour|uncle|"
              r"aunt|grandma|grandpa|guy|girl|someone i know|teammate)")

# acts of self-harm / death, active (moderate with thought, high with intent)
ACT = (r"(?:(?:kill|killing|killed|kills|end|ending|ended|take|taking|took|hang|hanging|"
       r"hanged|shoot|shooting|drown|drowning|poison|poisoning|starve|starving|suffocate|"
       r"off|offing|hurt|hurting|harm|harming|cut|cutting|burn|burning|stab|stabbing|"
       r"throw|throwing) " + SELF +
       r"|(?:end|ending|ended) (?:it all|it|everything|things|my existence)(?! (?:with|between|off"
       r"|early|for (?:good|now)|on)\b)"
       r"|(?:take|taking) " + SELF + r" out|(?:take|taking) (?:my|his|her|their) (?:own )?life"
       r"|commit(?:ting)? suicide|suicide|suicided|kill myself|die|dying|be dead(?! tired| serious)"
       r"|jump(?:ing)? (?:off|from|in front of|out of)|throw(?:ing)? myself"
       r"|turn(?:ing)? the wheel|swerv(?:e|ing) into|drive (?:off|into)"
       r"|slit(?:ting)? (?:my|his|her|their) (?:wrists?|throat)"
       r"|overdos(?:e|ing)|(?:do|doing|did) (?:something|smth) (?:stupid|dumb|drastic) to " + SELF +
       r"|(?:blow|blowing) my (?:brains|head) (?:out|off))")

# passive wishes (low)
PASSIVE = (r"(?:not (?:exist|be here|be around|be alive|wake up)|stop existing(?! (?:in|on|at)\b)|cease to exist"
           r"|be gone|disappear(?: forever| for good| and never come back| permanently)"
           r"|evaporate|vanish(?: forever| for good)?|fade away|not be a problem anymore"
           r"|fall asleep (?:and|forever)|sleep forever|never wake up|rest forever"
           r"|be with (?:mom|dad|him|her|them|god|my \w+) (?:again|now|up there)"
           r"|go be with (?:mom|dad|him|her|them|god|my \w+))")

THINK = (r"(?:think(?:ing)?|thought|thoughts|fantasi[sz](?:e|ing|es)|fantas(?:y|ies)"
         r"|imagin(?:e|ing)|urges?|urge to|tempted|considering|contemplating|obsess(?:ed|ing)"
         r"|daydream(?:ing)?|dream(?:ing)? about|plan(?:ning)?|want(?:ing|ed)?|wants"
         r"|need(?:ing)?|wish(?:ing)?|feel(?:ing)? like|keeps? telling me|part of me"
         r"|can ?not stop thinking|cannot stop|google(?:d|ing)?|research(?:ed|ing)?)")
INTENT = (r"(?:going to|will|am about to|about to|ready to|decided to|plan(?:ning)? (?:to|on)"
          r"|finally|promise(?:d)? myself|tonight i|doing it|gonna|shall|swear i will"
          r"|(?:i|he|she|they) will)")
NOW = (r"(?:tonight|right now|now|today|this evening|this afternoon|this morning|after "
       r"(?:everyone|everybody|they|he|she) (?:is|are|goes|go|has|have|falls?) "
       r"(?:asleep|gone|to sleep|to bed|out|left)|in (?:a few|an|a|\d+|few) "
       r"(?:hours?|minutes?|mins?|min)|before (?:morning|sunrise|tomorrow)|this is it"
       r"|this is goodbye)")
MEANS = (r"(?:pills?|tablets?|meds|medication|painkillers|paracetamol|tylenol|acetaminophen"
         r"|ibuprofen|aspirin|insulin|sleeping pills|xanax|benzos?|oxy\w*|opioids?|heroin"
         r"|fentanyl|rope|noose|belt|cord|gun|pistol|rifle|shotgun|firearm|razor|razors"
         r"|blade|blades|knife|knives|bridge|ledge|roof|rooftop|train|tracks|platform"
         r"|cliff|balcony|parking garage|car park|building|bleach|antifreeze|charcoal|helium"
         r"|exhaust|car running|engine running)")
PILL = (r"(?:pills?|tablets?|capsules?|meds|medication|medicine|painkillers|paracetamol"
        r"|tylenol|acetaminophen|ibuprofen|advil|aspirin|insulin|sleeping pills|xanax"
        r"|benzos?|oxy\w*|opioids?|heroin|fentanyl|antidepressants?|sertraline|zoloft"
        r"|prozac|lithium|seroquel|quetiapine|amitriptyline|ambien|valium|klonopin"
        r"|diazepam|melatonin|benadryl|codeine|tramadol|morphine|adderall|sleeping tablets"
        r"|night meds|my meds|antihistamines?|iron tablets|vitamins)")
PERSON = (r"(?:him|her|them|someone|somebody|people|everyone|everybody|anybody|anyone"
          r"|(?:my|his|her|their|our|the|that|this|a|those|these) (?:\w+ )?"
          r"(?:ex|boss|dad|father|mom|mother|brother|sister|husband|wife|boyfriend"
          r"|girlfriend|partner|teacher|coworker|colleague|roommate|flatmate|neighbor"
          r"|neighbour|stepdad|stepmom|stepfather|stepmother|classmates?|baby|babies|kids?"
          r"|child|children|son|daughter|family|manager|landlord|guy|girl|boy|man|woman"
          r"|person|people|bully|bullies|bitch|bastard|asshole|dude|friend|cousin|uncle"
          r"|aunt|student|students|coach|cop|cops|officer|doctor|nurse|therapist|bf|gf)"
          r"(?:'s \w+)?)")
HARM = (r"(?:kill|killing|murder|murdering|stab|stabbing|shoot|shooting|strangle|strangling"
        r"|choke|choking|poison|poisoning|hurt|hurting|harm|harming|beat|beating|punch"
        r"|punching|smother|smothering|attack|attacking|drown|drowning|run (?:him|her|them) "
        r"over|running (?:him|her|them) over|push|pushing|shake|shaking|slap|slapping"
        r"|hit|hitting|burn|burning|go after|going after|get back at|make (?:him|her|them) "
        r"(?:suffer|pay)|snap and)")
PERP = (r"(?:he|she|they|my (?:\w+ )?(?:husband|wife|boyfriend|girlfriend|partner|ex|fiance"
        r"|fiancee|dad|father|mom|mother|stepdad|stepfather|stepmom|stepmother|uncle|aunt"
        r"|brother|sister|cousin|grandpa|grandfather|grandma|grandmother|parents?|teacher"
        r"|coach|boss|pastor|priest|babysitter|carer|caregiver|family|roommate|guardian"
        r"|foster \w+|neighbou?r)|(?:mom|dad|mother|father)'?s? (?:new )?(?:boyfriend"
        r"|girlfriend|partner|husband|wife|friend)|(?:my |the )?(?:teacher|coach))")
AB_VERB = (r"(?:(?:hits?|hitting|beats?|beating|beat|slaps?|slapped|slapping|punch(?:es|ed|ing)?"
           r"|kick(?:s|ed|ing)?|chok(?:es|ed|ing)|strangl(?:es|ed|ing)|burn(?:s|ed|t)"
           r"|whips?|whipped|shov(?:es|ed)|drag(?:s|ged)|thr(?:ew|ows?)|bit|bites|smack(?:s|ed)?"
           r"|pinch(?:es|ed)|spit on|spat on) (?:me|us|my (?:face|head|arm|back|body|mom"
           r"|sister|brother|little \w+))|grab(?:s|bed) me by (?:the|my) "
           r"(?:throat|neck|hair)|pushed me (?:down|into|against|off|over|out)"
           r"|push(?:es)? me (?:down|into|against|off|over|out)|thr(?:ew|ows) (?:things|stuff"
           r"|\w+) at me|throws? me|locks? me (?:in|out)|locked me (?:in|out)"
           r"|hit me|broke my (?:nose|arm|ribs?|jaw|wrist|finger|tooth|teeth))")
SUBST_QTY = (r"(?:\d{2,}|[5-9]|(?:like|about|around|maybe|over) \d+|half (?:the|a|my) (?:bottle"
             r"|pack|packet|box|strip)|(?:a|half a) (?:bunch|lot|load|handful|dozen|couple of dozen"
             r"|whole (?:bottle|pack|box|packet|strip|blister))|(?:the|a) whole (?:bottle|pack"
             r"|box|packet|strip)|all (?:of )?(?:my|the|her|his)|too many|way too many|loads"
             r"|a ton|a fistful|twice|double|triple|i do not know how many|do not know how "
             r"many|no idea how many|way more|3x|4x|several|dozens?|fifty|forty|thirty|twenty"
             r"|fifteen|ten)")


def _rx(p: str) -> re.Pattern:
    return re.compile(p)


@dataclass(frozen=True)
class SRule:
    id: str
    category: str
    level: Level
    pattern: re.Pattern
    scope: str = "clause"  # or "sentence" / "text"
    third: bool | None = None  # None: decide from the words
    # Context the rest of the message must show (searched with the match blanked out) and
    # benign purposes that, anywhere in the message, switch the rule off.
    requires: re.Pattern | None = None
    unless: re.Pattern | None = None
    unless_after: int = 0  # >0: look for ``unless`` only this many characters after the match


def _r(id_, cat, level, pattern, scope="clause", third=None, requires=None,
       unless=None, unless_after=0) -> SRule:
    return SRule(id_, cat, level, _rx(pattern), scope, third,
                 None if requires is None else _rx(requires),
                 None if unless is None else _rx(unless), unless_after)


A = r"(?:a|an|the|my|his|her|their|some|that|this)"
SUBJ_OR_START = r"(?:^|\b(?:i|i am|i have|i was|i have been|i been|been|am|just|and|so|still|" \
                r"honestly|lately|recently|always|really|seriously|literally|keep|kept)\b)"

SRULES: list[SRule] = [
    # ---------------- self-harm ------------------------------------------------------------
    # intent + act (+ now-marker) -- "im doing it tonight", "i'm gonna off myself"
    _r("st.sh.intent_now", "self_harm", X,
       r"\b" + INTENT + r" " + _g(4) + r"(?!die\b|dying\b|be dead\b)" + ACT + r"\b " + _g(6) + NOW + r"\b|\b" + NOW + r" "
       + _g(3) + r"(?:i|i am|is the (?:night|day)) " + _g(3) + ACT + r"\b"),
    _r("st.sh.intent", "self_harm", H,
       r"\b(?:i|i am|i have|he|she|they|he is|she is|they are) " + _g(2) + INTENT + r" "
       + _g(3) + r"(?!die\b|dying\b|be dead\b|overdos)" + ACT + r"\b"),
    # stance + act in either order -- "thinking abt unaliving myself", "ending my life keeps
    # popping into my head"
    _r("st.sh.thought", "self_harm", M,
       r"\b" + THINK + r"\b " + _g(4) + r"(?:of |about |to |on )?" + _g(2) + ACT + r"\b"),
    _r("st.sh.thought_rev", "self_harm", M,
       r"\b(?:thought|idea|image|urge) of " + ACT + r"\b|\b" + ACT + r" "
       + _g(3) + r"(?:keeps?|kept) (?:popping|coming|creeping|crossing|running) "),
    _r("st.sh.suicidal", "self_harm", M,
       r"\b(?:suicidal|suicide) (?:thoughts?|ideation|urges?|feelings?|again|mode|tendencies)"
       r"|\b(?:i am|i feel|feeling|been|i have been|getting|got) (?:so |really |very |pretty |"
       r"super |kinda |kind of )?suicidal\b"),
    _r("st.sh.want_die", "self_harm", M,
       r"\b(?:i|me|just|really|so|actually|honestly) " + _g(2) + r"(?:want|wanted|wish|need|"
       r"long) to (?:just )?(?:die|be dead|kill myself|end it|end my life)\b"),
    _r("st.sh.want_out", "self_harm", M,
       r"\bwant (?:out|off this planet|to leave this world)\b " + _g(1)
       + r"(?:permanently|for good|forever)|\b(?:only|one) way out " + _g(3)
       + r"(?:end|kill|die|suicide)"),
    # passive wish -- "tired of being alive", "wish i could evaporate", "nice to not exist"
    _r("st.sh.passive", "self_harm", L,
       r"\b(?:want|wish|wishing|hope|hoping|pray|praying|would love|rather|nice|easier|"
       r"peaceful|better|okay with|ok with|fine with|at peace with|relieved|relief)\b "
       + _g(6) + r"(?:to |if i (?:could )?|i could |i would |i )?(?:just )?" + PASSIVE
       + r"\b"),
    _r("st.sh.not_long", "self_harm", M,
       r"\b(?:do not think|doubt|not sure) (?:i will|i am going to) be (?:here|around|alive)"
       r" (?:much longer|for long|next (?:year|month|week)|by (?:christmas|summer|then))\b"),
    _r("st.sh.one_away", "self_harm", M,
       r"\b(?:one|a) (?:bad day|step|push|thing|more thing|bad night) away from " + ACT + r"\b"),
    _r("st.sh.want_out_perm", "self_harm", M,
       r"\bwant out (?:[.!,]+ )?(?:permanently|for good|forever)\b", scope="text"),
    _r("st.sh.plan_date", "self_harm", H,
       r"\b(?:got|have|bought|i have) (?:the |a |my )?(?:rope|noose|pills|gun|razor|blades)"
       r" (?:and|,) (?:a |the )?(?:plan|date|place|time)\b|\b(?:i have|i have got|got|made|i made) (?:a |the )?(?:plan|method) (?:and|,) (?:a |the )?"
       r"(?:date|time|place|day|method|means)\b|\b(?:picked|chose|set|chosen) (?:a |the )?"
       r"(?:date|day|night) (?:to|for (?:it|when))\b"),
    _r("st.sh.enough", "self_harm", H,
       r"\b(?:which|how many|what) " + _g(1) + PILL + r"\b " + _gp(40) + r"(?:it is|that is"
       r"|is|will be|should be) (?:probably )?enough\b", scope="text"),
    _r("st.sh.ready", "self_harm", H,
       r"\b(?:suicide|kill myself|end it|end it all|end my life|die)\b " + _gp(8)
       + r"(?:have|got|i have|i have got) everything (?:i need|ready|sorted|in place|planned)\b",
       scope="text"),
    _r("st.sh.garage", "self_harm", H,
       r"\bgarage " + _gp(30) + r"(?:engine|car|motor) running\b|\b(?:leave|left|leaving"
       r"|keep|kept) the (?:engine|car|motor) running\b " + _g(6) + r"(?:not wake|never wake"
       r"|and die|end it|fall asleep)", scope="text"),
    _r("st.sh.jump_at", "self_harm", X,
       r"\b(?:on|at) (?:the|a) (?:platform|bridge|roof|rooftop|ledge|edge|tracks|balcony|cliff)"
       r"\b " + _gp(14) + r"(?:going to|will|about to|ready to|gonna) jump\b(?! (?:on|in|into|"
       r"rope|for|over))", scope="text"),
    _r("st.sh.if_gone", "self_harm", L,
       r"\b(?:everyone|everybody|the world|world|people|they|my family|family|my friends"
       r"|my kids|nobody|no one|no-one|things|everything|life|it all) " + _g(5)
       + r"(?:better|fine|lighter|happier|simpler|easier|okay|notice|care|miss me|get on) "
       + _g(3) + r"(?:without me|if i (?:just )?(?:vanished|disappeared|was|were"
       r"|am|died|disappeared|was gone|were gone|left|was not here|were not here|was out"
       r"|were out|did not exist)|with me gone|once i am gone|when i am gone|without me in it"
       r"|without me around|out of the picture)"),
    _r("st.sh.hope_death", "self_harm", L,
       r"\b(?:hope|hoping|pray|praying|wish|wishing)\b " + _g(4) + r"(?:my heart (?:just )?"
       r"(?:stops|would stop|gives out)|god (?:will |would )?takes? me|(?:i|me) (?:do not|never"
       r"|would not|will not) (?:wake|survive|make it)|(?:a|the|that) (?:car|bus|truck|train"
       r"|plane) (?:hits|would hit|kills|had hit|hit) me|(?:i|me) (?:just )?(?:die|get hit))"),
    _r("st.sh.would_not_mind", "self_harm", L,
       r"\b(?:would not|would|would be|be) (?:be )?(?:the worst thing|mind|relieved|kinda "
       r"relieved|relief|okay|fine|glad) " + _g(4) + r"if (?:i|that \w+|a \w+|the \w+|"
       r"something) " + _g(3) + r"(?:did not wake|never woke|died|was dead|were dead|hit me"
       r"|had hit me|killed me|did not make it|was gone|stopped existing)"
       r"|\bif i (?:did not|never) wake up " + _g(4) + r"(?:relieved|relief|fine|okay|glad"
       r"|better)"),
    _r("st.sh.why_bother", "self_harm", L,
       r"\bwhy (?:do )?i (?:even )?bother (?:waking up|living|getting up|existing|breathing"
       r"|being alive|staying alive)|\b(?:do not|cannot|never) see myself (?:making it|living"
       r"|being alive|alive|here) (?:to|past|until|at)\b|\bwaste of (?:space|air|oxygen|"
       r"life|skin)\b|\b(?:do not|never) want to do (?:this|life|any of this)(?: life)?"
       r"(?: thing)? anymore|\bwant (?:it all|all of (?:this|it)|everything|my life|life|this"
       r"(?: life)?) to (?:be over|end|stop)\b|\b(?:life|living|alive|existence|existing)\b " + _g(10)
       + r"want it to be over\b|\ball of this to be "
       r"over,? (?:me|myself) included|\bterminal (?:diagnosis|illness|cancer) " + _g(9)
       + r"(?:relief|relieved|glad|happy)|\b(?:stopped|stop) (?:everything|existing)\b"
       r"|\bexisting included\b|\ball of this to be over (?:, )?(?:me|myself) included\b|\b(?:rather|prefer to) be dead\b"
       r"|\b(?:i have|i am) (?:so |just )?(?:done|finished)(?: with everything)?\.? " + _g(3)
       + r"want out\b"),
    # method research -- "lethal dose of X", "how many pills would it take", "ways to die"
    _r("st.sh.research", "self_harm", H,
       r"\blethal (?:dose|amount|quantity)\b|\bhow (?:many|much) " + _g(3) + r"(?:would|does"
       r"|will|to|it) " + _g(3) + r"(?:take to |to )?(?:die|kill|not wake up|never wake up"
       r"|be fatal|be lethal|overdose|stop (?:my|your|a) heart|end it)"
       r"|\b(?:ways|way|methods?|how) to (?:die|kill (?:my|your)self|commit suicide|end it"
       r"|end (?:my|your) life|overdose)(?: painlessly| quickly| quietly| fast)?\b"
       r"|\bhow long (?:it )?(?:takes|does it take|would it take|it takes) to (?:bleed out|die"
       r"|suffocate|drown|lose consciousness)|\b(?:looked up|looking up|googled|googling"
       r"|researched|researching|checked|measured|found out) how (?:high|tall|deep|far down"
       r"|far) " + _g(6) + r"(?:bridge|building|garage|roof|cliff|drop|fall|balcony|floor)"
       r"|\b(?:it is|that is|is|its) (?:high|tall|deep|strong) enough\b"
       r"|\bwhich (?:bridge|building|cliff|pills?|train|method) (?:to|i would|i will|i'd)\b"),
    # preparation, rehearsal and access
    _r("st.sh.rehearsal", "self_harm", H,
       r"\b(?:practi[cs]ed|practi[cs]ing|rehears(?:ed|ing)|tested|testing|tried out) "
       + _g(2) + r"(?:tying|the knot|the noose|a noose|hanging|the rope|with the rope"
       r"|with (?:the|a) (?:belt|cord|knife|blade)|how it would feel)"
       r"|\b(?:sat|sitting|sit|stayed) in (?:the|my|a) (?:car|garage) " + _g(3)
       + r"(?:engine|car|motor) running\b|\b(?:stood|standing|sat|sitting|climbed) (?:on|at"
       r"|over) (?:the )?(?:edge|ledge|railing|rail|bridge) " + _g(6) + r"(?:jump|end|die"
       r"|do it|let go)"),
    _r("st.sh.stockpile", "self_harm", H,
       r"\b(?:saving|saved|stockpil\w+|hoarding|hoarded|collecting|collected|counted"
       r"|counting|stashing|stashed|storing) (?:up )?" + _g(2) + PILL + r"\b"
       r"|\b(?:bought|ordered|got|have|has|keep|keeps) " + _g(3) + r"(?:rope|noose|gun"
       r"|pistol|rifle|razor blades|helium|charcoal) " + _g(3) + r"(?:to (?:hang|kill|end"
       r"|shoot|use)|for (?:myself|when|it|the end)|using it on myself|on myself)"
       r"|\b(?:i|i am|i have|he|she) " + _g(4) + r"(?:thinking|thought) (?:about|of) "
       r"(?:using|taking|the) " + _g(1) + r"(?:it|gun|pills|rope|knife) on (?:myself|himself"
       r"|herself)"),
    _r("st.sh.prep", "self_harm", H,
       r"\b(?:wrote|written|writing|write|finished|left) (?:a |the |my )?(?:suicide|goodbye|farewell"
       r"|final|last) (?:note|notes|letter|letters)\b|\bwrote the note\b(?! (?:to|for|about|on"
       r"|in|with))|\b(?:giving|gave|given|give) away (?:my|all my|all of my"
       r"|his|her|their) " + _g(2) + r"(?:stuff|things|belongings|possessions|\w+)\b " + _g(8)
       + r"(?:will not need|won't need|not need|no longer need|do not need|need them|need it)"
       r"|\b(?:since|because) (?:i|he|she|they) (?:will not|would not) need (?:it|them)"
       r"|\bwill not need (?:them|it|my stuff|my things|any of it) (?:anymore|where)"),
    _r("st.sh.prep_letters", "self_harm", H, scope="text", pattern=
       r"\b(?:wrote|written|writing) (?:letters|goodbye letters|a letter) to (?:my|each|all)"
       r" " + _gp(10) + r"(?:i think )?(?:i am|i'm) (?:ready|done|set|almost set)\b"
       r"|\b(?:made|wrote|updated) my will\b " + _g(5) + r"(?:deleted|wrote the note|gave away"
       r"|almost set|ready)|\bdeleted (?:my )?(?:socials|accounts|instagram|everything) "
       + _g(5) + r"(?:note|ready|set|goodbye)"),
    _r("st.sh.danger", "self_harm", H,
       r"\b(?:a danger to (?:myself|himself|herself)|(?:do not|cannot|can not|no longer) trust"
       r" (?:myself|himself|herself)(?! with (?:money|food|cake|sweets|chocolate|snacks|my "
       r"budget))|cannot keep (?:myself|himself|herself) safe|not safe (?:with|from|around) "
       r"(?:myself|himself|herself)|(?:i am|i'm) not safe (?:tonight|right now|alone|at home))"),
    _r("st.sh.attempt", "self_harm", H,
       r"\b(?:tried|attempted|attempt|tried again) to (?:kill|hang|end|overdose|drown|shoot"
       r"|poison|suffocate|jump|cut) " + _g(1) + r"(?:myself|himself|herself|themselves|my"
       r"|his|her|it|off)|\b(?:took|taken|swallowed) " + _g(2) + r"(?:an |an intentional "
       r")?overdose\b|\b(?:took|swallowed|taken) " + SUBST_QTY + r" " + _g(2) + PILL + r"\b "
       + _g(10) + r"(?:hospital|er|a&e|ambulance|did not work|didn't work|woke up|pumped)"
       r"|\bangry it did not work\b|\bcut (?:deeper|too deep|so deep)\b|\bneeded stitches\b"),
    # means in hand, on the edge, a goodbye
    _r("st.sh.means_now", "self_harm", X,
       r"\b(?:razor|blade|knife|pills?|rope|noose|gun|pistol|bottle)(?:'s| is| are)? (?:in my "
       r"hand|in my hands|lined up|ready|in front of me|on the table|up|loaded|around my neck"
       r"|here with me|next to me)\b|\b(?:loaded|cocked|holding) (?:my|the|his|her|dad's|my "
       r"dad's|my dad is) ?(?:gun|pistol|rifle|shotgun)\b|\bthe (?:rope|noose) is (?:up|ready"
       r"|tied)\b|\b(?:i am|am|standing|sitting|up) on (?:the|a) (?:roof|ledge|bridge|edge"
       r"|platform|tracks|railing|balcony)\b " + _g(8) + r"(?:right now|now|coming down"
       r"|jump|next train|minutes?|min|do it|let go|end it)"
       r"|\b(?:i am|i'm|am) (?:on|at) (?:the|a) (?:roof|ledge|bridge|edge|tracks) right now\b"),
    _r("st.sh.goodbye", "self_harm", X,
       r"\bby the time (?:anyone|someone|you|they|somebody) (?:reads|read|sees|see|finds|find)"
       r" (?:this|me)\b|\bthis is (?:my )?goodbye\b(?! to (?:the|my|this) (?:old|job|house|city|flat))"
       r"|\b(?:i will|i am going to|i'll) be gone (?:by|before|tonight|soon|tomorrow)\b"),
    _r("st.sh.whole_bottle", "self_harm", X,
       r"\b(?:take|taking|swallow|swallowing|down|downing) (?:the whole|a whole|all (?:the|my"
       r"|of my|of the)|every|every last) " + _g(1) + r"(?:bottle|pack|packet|box|pills"
       r"|tablets|meds|strip)\b " + _g(8) + r"(?:sleep|enough|done|goodbye|end|never|over"
       r"|tonight)"),
    _r("st.sh.taken_the", "self_harm", X,
       r"\b(?:i have|have|i|just|already) (?:taken|took|swallowed) (?:the|all the|all my|all of"
       r" my|my whole) (?:pills|tablets|bottle|meds)\b(?! (?:for|with|at|this|every|like|as|"
       r"on time|today|yesterday|this morning))"),
    _r("st.sh.took_now", "self_harm", X,
       r"\b(?:just|already|i|have) (?:took|taken|swallowed|downed|had) (?:like |about |maybe "
       r"|over )?(?:\d{2,}|all|a bunch|a handful|the whole) (?:of )?(?:my |the |her |his )?"
       + PILL + r"\b"),
    _r("st.sh.bleeding", "self_harm", X,
       r"\bcut (?:too deep|so deep|deep)\b " + _g(4) + r"(?:not stopping|will not stop|won't "
       r"stop|cannot stop|keeps bleeding|bleeding)|\bbleeding (?:a lot|so much|everywhere)\b"),
    # self-injury
    _r("st.sh.injury", "self_harm", M,
       r"\b(?:burn(?:ed|t|ing)?|cut(?:ting)?|scratch(?:ed|ing)?|carv(?:ed|ing)|hit(?:ting)?"
       r"|bang(?:ed|ing)?|punch(?:ed|ing)?|bit(?:ing)?|bite|pick(?:ed|ing)|slam(?:med|ming)?)"
       r" (?:my|his|her) (?:own )?(?:arms?|wrists?|thighs?|legs?|skin|stomach|head|hands?"
       r"|fists?|face|hips?|body)\b " + _g(6) + r"(?:to feel|feel something|until|bleed"
       r"|when it gets|when i get|again|on purpose|against the wall|with a (?:lighter|razor"
       r"|blade|knife|compass|pen)|punish|numb|so i|to cope|relapse|for the pain)"
       r"|\b(?:been|keep|kept|started|start) (?:self harming|self-harming)\b"
       r"|\b(?:been|keep|kept|started|start) (?:cutting|burning|scratching|hitting|starving)"
       r" (?:myself|himself|herself|again)\b|\b(?:urge|urges) to (?:cut|burn|hurt|harm|"
       r"hit|starve)\b|\b(?:starve|starving) (?:myself|himself|herself) (?:until|to|till)\b"),
    # an attempt told without its object ("I tried last month. It didn't work.")
    _r("st.sh.tried_unnamed", "self_harm", H,
       r"\bi tried (?:last (?:night|week|month|year|summer|spring|winter|autumn|fall)|(?:a few"
       r"|a couple of|\w+) (?:days?|weeks?|months?|years?) ago|this (?:week|month|year)"
       r"|once before)(?: [.!?,;]| and\b| but\b|$)",
       requires=r"\b(?:(?:it|and|but) (?:just )?(?:didn'?t|did not) work\b(?! out)"
                r"|woke up (?:in|after|the next)|survived|(?:nobody|no one) knows|get it right"
                r"|in (?:the )?hospital|had my stomach)"),
    # self-injury done to oneself, with an instrument or on purpose (an accident says so)
    _r("st.sh.injury_done", "self_harm", H,
       r"\b(?:burn(?:ed|t)|cut|scratch(?:ed)?|carv(?:ed)?|stab(?:bed)?|punch(?:ed)?|hit)"
       r" myself\b " + _g(4) + r"(?:on purpose|deliberately|with (?:a|the|my) (?:lighter|razor"
       r"|blade|knife|compass|pen|cigarette|match|scissors|glass|sharpener)|again\b)",
       unless=r"\b(?:cook\w*|stove|oven|pan|kettle|shav\w*|accident\w*|by mistake|curling"
              r"|straighten\w*|iron(?:ing)?|bak\w*|chopp\w*|garden\w*|whittl\w*|craft\w*"
              r"|sew\w*|welding|soldering)\b"),
    # third-person reports
    _r("st.sh.third_goodbye", "self_harm", H,
       r"\b(?:texted|messaged|posted|sent|wrote|said|told) " + _g(4) + r"(?:goodbye|sorry for "
       r"everything|(?:i|he|she|they) (?:love|loved) (?:you|us|me)|take care of) " + _g(8)
       + r"(?:will not|won't|is not|isn't|not|stopped|cannot reach|no) (?:answer|answering"
       r"|reply|replying|pick(?:ing)? up|respond|responding)", third=True),
    _r("st.sh.third_has", "self_harm", M,
       r"\b(?:has|have|had) been (?:cutting|burning|hurting|harming|starving) "
       r"(?:himself|herself|themselves|themself)\b|\b(?:took|taken|had|swallowed) an overdose"
       r"\b", third=None),
    _r("st.sh.third_says", "self_harm", L,
       r"\b(?:keeps|kept) (?:saying|joking|talking|posting|texting) " + _g(3) + r"(?:kill "
       r"myself|not being here|not be here|wanting to die|being dead|suicide|ending it"
       r"|be gone|going away forever|he wants to go be with|she wants to go be with|wants to "
       r"go be with|wants to die|go be with)|\bsaying (?:he|she|they) (?:just )?wants? to "
       r"(?:go be with|die|be with (?:mom|dad|god))", third=True),
    _r("st.sh.third_wont_need", "self_harm", H,
       r"\bgiving away (?:his|her|their) " + _g(2) + r"(?:stuff|things|belongings|\w+) "
       + _g(6) + r"(?:will not need|won't need|not need)", third=True),
    _r("st.sh.knife_locked", "self_harm", X,
       r"\blocked (?:herself|himself|themselves|in) " + _g(5) + r"(?:knife|blade|razor|pills"
       r"|rope|gun)\b|\b(?:has|have|with) (?:a|the) (?:knife|blade|razor|gun) to (?:cut|kill"
       r"|hurt|shoot) (?:herself|himself|themselves)", third=True),
    # answering a screening question with yes
    _r("st.sh.screen_yes", "self_harm", M,
       r"\basked (?:me )?" + _g(8) + r"(?:kill(?:ing)? (?:yourself|myself)|suicid\w*|hurt(?:ing)?"
       r" (?:yourself|myself)|end(?:ing)? (?:your|my) life)\b " + _g(6) + r"(?:i said|and i "
       r"said|said) yes\b"),

    # ---------------- harm to others -------------------------------------------------------
    _r("st.ho.intent_now", "harm_to_others", X,
       r"\b(?:bring|bringing|take|taking|carry|carrying) (?:my |a |the |his |her |dad's |my "
       r"dad's |my dad is )?(?:gun|pistol|rifle|shotgun|knife|weapon|bomb) (?:to|into) "
       r"(?:school|work|class|the office|the party|church|campus|the mall)\b"),
    _r("st.ho.shoot_up", "harm_to_others", H,
       r"\bshoot(?:ing)? up (?:the |my |his |her |a |their )?(?:school|workplace|work|office"
       r"|class|church|mall|campus|party|store)\b|\b(?:school|mass) shoot(?:ing|er)\b " + _g(3)
       + r"(?:plan|planning|going to|will|want)"),
    _r("st.ho.intent", "harm_to_others", H,
       r"\b(?:i|i am|i will|i swear|swear|next time|i have|he|she) " + _g(3) + INTENT
       + r" " + _g(2) + HARM + r" " + PERSON + r"\b|\b(?:i will|i am going to|going to) "
       r"(?:set|light) " + _g(3) + r"on fire with (?:him|her|them) in it"),
    _r("st.ho.thought", "harm_to_others", M,
       r"\b(?:want|wanna|wanting|thinking|thoughts?|think|fantasi[sz]\w*|fantas(?:y|ies)"
       r"|imagin\w+|urges?|tempted|afraid|scared|worried|terrified|could really|might"
       r"|going to snap|dream\w*|feel like|honestly)\b " + _g(5) + r"(?:about |of |to |i will "
       r"|i might |i would |i am going to )?" + _g(1) + HARM + r" " + PERSON + r"\b"),
    _r("st.ho.weapon", "harm_to_others", H,
       r"\b(?:knife|gun|pistol|rifle|bat|blade|weapon|machete)\b " + _g(5) + r"(?:for "
       + PERSON + r"|ready (?:for|when|if)|when (?:he|she|they) (?:comes?|shows?))\b"
       r"|\bi have the (?:gun|knife|pistol|rifle) ready\b|\b(?:will|going to) shoot (?:him"
       r"|her|them)\b"),
    _r("st.ho.sharpen", "harm_to_others", M,
       r"\b(?:sharpen(?:ing|ed)?|cleaning|loading|bought|buying) (?:my |a |the )?(?:knife"
       r"|gun|blade|machete|axe|pistol|rifle)\b " + _g(6) + r"(?:my ex|him|her|them|what i"
       r"|do to)"),
    _r("st.ho.suffer", "harm_to_others", M,
       r"\bmake (?:him|her|them) (?:suffer|pay|bleed|regret)\b " + _g(8) + r"(?:know where"
       r"|follow|find (?:him|her|them)|wait(?:ing)? for)|\b(?:following|stalking|follow) "
       r"(?:her|him|them|my ex) " + _g(4) + r"(?:pay|suffer|what (?:she|he|they) did|teach)"
       r"|\bso (?:they|he|she) (?:feel|know|understand) what i (?:feel|felt|went through)\b"),
    _r("st.ho.did", "harm_to_others", M,
       r"\bi (?:hit|hurt|shook|beat|slapped|punched|choked|kicked) (?:my )?(?:kid|baby|son"
       r"|daughter|child|toddler|wife|husband|girlfriend|boyfriend|partner|mom|dad)\b"
       r"|\b(?:hurting|shaking|smothering|drowning) (?:my|the) (?:baby|kid|child|son|daughter"
       r")\b"),
    _r("st.ho.run_over", "harm_to_others", M,
       r"\b(?:want|wanna|going|thinking|will)\b " + _g(3) + r"(?:run (?:him|her|them) over"
       r"|push (?:people|someone|him|her|them) (?:onto|off|in front))"),

    # ---------------- abuse (being harmed) -------------------------------------------------
    _r("st.ab.physical", "abuse", H,
       r"\b" + PERP + r" " + _g(3) + AB_VERB + r"(?! (?:me )?(?:at|in|on) (?:\w+ )?(?:game|games|"
       r"mario|chess|cards|tennis|fifa|race|fortnite|it|everything)\b)(?<!kicked)(?<!kicks)"
       r"(?<!kick)(?<!drags)(?<!dragged)(?<!drag)\b(?! (?:me )?(?:off|out|to|along|into "
       r"(?:the|a) (?:conversation|game|chat)))"),
    _r("st.ab.sexual", "abuse", H,
       r"\b(?:raped|molested|sexually (?:assaulted|abused)|forced (?:himself|herself|themselves)"
       r" on me|(?:makes|made|making|forces|forced) me (?:do|to do) (?:sexual )?(?:things|"
       r"stuff|sexual)|(?:comes|came|creeps|sneaks) into my (?:room|bed) at night|(?:get|come)"
       r" in(?:to)? the shower with me|does it anyway|did it anyway|keeps doing it anyway)\b"
       r"|\b" + PERP + r" " + _g(3) + r"(?:touches|touched|touching|gropes|groped|feels up)"
       r" (?:me|my (?:\w+ )?(?:leg|legs|thigh|thighs|chest|breasts?|privates?|private parts|body|bum|butt|crotch|bottom|underwear))\b|\bsends? me (?:pics|pictures|photos|nudes|videos)\b " + _g(8)
       + r"(?:not to tell|do not tell|our secret|a secret)|\b(?:our|a) (?:little )?secret\b "
       + _g(3) + r"(?:touch|does|did|room|night)|\btouch(?:es|ed)? me " + _g(6)
       + r"(?:our secret|not to tell|secret)"),
    _r("st.ab.threat", "abuse", H,
       r"\b" + PERP + r" " + _g(2) + r"(?:threatened|threatens|threatening|said|says|swore"
       r"|told me|will|would|is going to|going to) " + _g(3) + r"(?:to )?(?:kill|hurt|beat"
       r"|take) (?:me|us|the kids|my kids|the baby|my \w+)\b " + _g(8) + r"(?:if|when|unless)"
       r" " + _g(3) + r"(?:leave|leaving|tell (?:anyone|someone|the|my|on|people)|call (?:the )?"
       r"(?:police|cops|911|999|112)|report|finds? out|found out|ever (?:leave|tell|go)|go to "
       r"(?:the police|the cops|someone))\b"
       r"|\b(?:threatened|threatens) (?:me|to kill me|to hurt me)\b"),
    _r("st.ab.now", "abuse", X,
       r"\b(?:he|she|they|my \w+) (?:is|are) (?:banging on|kicking|breaking|trying to break"
       r"|trying to get) (?:the|my|into)? ?(?:door|window|house|room|flat|apartment|in)\b "
       + _g(8) + r"(?:right now|now|screaming|kill me|hurt me)"
       r"|\b(?:he|she|they|my \w+) (?:is|are) (?:outside|at) (?:the|my) (?:door|window|house"
       r"|room|flat|apartment|work|school)\b " + _g(8) + r"(?:screaming|kill me|hurt me"
       r"|trying to get in|with a (?:bat|knife|gun|weapon)|threatening|banging|kicking)"
       r"|\bscreaming (?:that )?(?:he|she|they) (?:will|is going to) kill me\b"),
    _r("st.ab.lesson", "abuse", H,
       r"\bteach me a lesson\b " + _g(4) + r"(?:belt|tonight|when|with)|\b(?:scared|afraid"
       r"|terrified) to go home\b"),
    _r("st.ab.control", "abuse", M,
       r"\b(?:will not|won't|does not|doesn't|never) let me (?:leave|go out|see (?:my|anyone)"
       r"|talk to|have (?:my|any) (?:own )?(?:money|phone|friends|bank account|bank card|car|keys|job)|work)\b|\b(?:reads|checks|goes through) (?:all|every one) (?:of )?my (?:messages|texts|emails)\b|\bcontrols? "
       r"(?:all )?(?:the|my|our) (?:money|finances|phone)\b|\bchecks? my phone every\b"
       r"|\b(?:takes|took|keeps) my (?:passport|pension|wages|paycheck|benefits|bank card)\b"
       r"|\b(?:leaves|left|locks|locked) me (?:without food|in my room without|in the "
       r"\w+ without)|\bgets? (?:violent|physical|rough)\b"),
    _r("st.ab.stalk", "abuse", M,
       r"\b(?:ex|he|she|they) " + _g(3) + r"(?:showing up at my|following me|stalking me"
       r"|been following me|waits? outside my)\b"),
    _r("st.ab.child_signs", "abuse", M,
       r"\b(?:kid|child|boy|girl|son|daughter|student|niece|nephew) " + _g(3)
       + r"(?:has|had|with) bruises\b " + _g(10) + r"(?:every|screaming|scared|hit|again)"),
    _r("st.ab.grooming", "abuse", M,
       r"\b(?:teacher|coach|uncle|pastor|priest|tutor|stepdad|boss) " + _g(10) + r"(?:touches"
       r"|touched|rubs|strokes) (?:me|my (?:\w+ )?(?:leg|legs|thigh|thighs|chest|breasts?|privates?|private parts|body|bum|butt|crotch|bottom|underwear))\b"),

    # ---------------- medical --------------------------------------------------------------
    _r("st.md.took_qty", "medical", X,
       r"\b(?:took|taken|swallowed|drank|had|popped|downed|overdosed on|take) " + _g(1)
       + SUBST_QTY + r" (?:of )?" + _g(2) + PILL + r"\b " + _g(10) + r"(?:ago|earlier|tonight"
       r"|just|now|sick|dizzy|burning|will i be|what do i do|feel|cannot|hour|minutes|answering"
       r"|answer|responding|unconscious|passed out|will not wake|not waking)"
       r"|\b(?:took|taken|swallowed) " + _g(1) + PILL + r" (?:too|as well|also) " + _g(4)
       + r"(?:how many|i do not know how many|no idea how many)"
       r"|\b(?:drank|been drinking|had) (?:a lot|loads|so much|heavily|a bottle|a whole|way too"
       r" much|too much|all night) " + _g(5) + r"(?:and|then|plus|with) (?:took|taken"
       r"|swallowed) " + _g(3) + PILL),
    _r("st.md.took_twice", "medical", M,
       r"\b(?:took|taken|had) " + _g(3) + PILL + r" " + _g(1) + r"(?:twice|double|two times|"
       r"again by mistake)\b " + _g(6) + r"(?:dizzy|sick|faint|drowsy|weird|heart|cannot|"
       r"confused|shaky|vomit)"),
    _r("st.md.on_purpose", "medical", X,
       r"\boverdosed (?:on )?" + _g(3) + r"(?:on purpose|deliberately|intentionally)|\b"
       r"(?:on purpose|deliberately) " + _g(3) + r"(?:an hour|minutes|ago|earlier|tonight)"),
    _r("st.md.mix", "medical", H,
       r"\b(?:mixed|mixing|took|taking|with|and) " + _g(2) + r"(?:xanax|benzos?|oxy\w*"
       r"|opioids?|sleeping pills|painkillers|valium|klonopin|fentanyl|heroin|ghb|ketamine)"
       r" (?:and|with|plus|on top of) " + _g(1) + r"(?:alcohol|drinking|vodka|wine|beer|booze"
       r"|whisky|whiskey|liquor|each other)\b"),
    _r("st.md.poison", "medical", X,
       r"\b(?:drank|swallowed|ate|eaten|drunk|got into|licked) " + _g(3) + r"(?:bleach"
       r"|detergent|cleaning (?:stuff|product|liquid|fluid)|antifreeze|batter(?:y|ies)"
       r"|rat poison|pesticide|weed killer|laundry pods?|tide pods?|drain cleaner)\b"),
    _r("st.md.misuse", "medical", M,
       r"\b(?:taking|take|took|using) (?:way )?more (?:of )?" + _g(2) + PILL + r" than "
       r"(?:prescribed|i should|i am supposed)"),
    _r("st.md.chest", "medical", X,
       r"\bchest " + _g(4) + r"(?:pain|tight|tightness|pressure|crushing|hurts|heavy)\b "
       + _g(6) + r"(?:arm|jaw|numb|sweat|sweating|sweaty|cannot breathe|short of breath"
       r"|faint)"),
    _r("st.md.stroke", "medical", X,
       r"\b(?:face|mouth|smile) " + _g(2) + r"(?:drooping|droopy|drooped|lopsided)\b"
       r"|\b(?:slurring|slurred) (?:his |her |my |their )?(?:words|speech)\b"
       r"|\bspeech (?:is |was )?(?:all )?slurr\w*"
       r"|\bcannot (?:lift|move|feel) (?:my|his|her) (?:arm|left|right|legs?)\b"),
    _r("st.md.breath", "medical", X,
       r"\b(?:cannot|can not|could not|struggling to|hard to|barely) (?:breathe|catch (?:my"
       r"|his|her) breath)\b " + _g(6) + r"(?:blue|lips|grey|gray|chest|throat|wheez)"
       r"|\blips (?:are |is )?(?:going |turning )?(?:blue|grey|gray|purple)\b"
       r"|\bthroat (?:is )?(?:closing|swelling|swollen shut|tight)\b"),
    _r("st.md.unresponsive", "medical", X,
       r"\b(?:will not|won't|cannot|can not|does not|doesn't|did not) (?:wake up|wake|respond"
       r"|responding)\b|\bnot (?:responding|breathing|waking up|waking)\b|\bunresponsive\b"
       r"|\bseizure\b " + _g(6) + r"(?:not responding|will not stop|won't stop|unconscious"
       r"|blue|breathing)"),
    _r("st.md.bleed", "medical", X,
       r"\b(?:throwing up|vomiting|coughing up|puking|vomit(?:ed)?) (?:up )?blood\b"
       r"|\bblood in (?:my|his|her) (?:vomit|sick)\b"),
    _r("st.md.headache", "medical", X,
       r"\bworst headache (?:of|in) (?:my|his|her) life\b|\bthunderclap headache\b"),
    _r("st.md.head_injury", "medical", X,
       r"\b(?:(?:hit|banged|smashed|knocked) (?:my|his|her|their) head|(?:my|his|her|their) "
       r"head (?:hit|smashed|banged|hit against))\b " + _g(8)
       + r"(?:throwing up|vomiting|double|confused|passed out|blacked out|unconscious"
       r"|seeing stars)"),
    _r("st.md.diabetic", "medical", X,
       r"\bdiabetic\b " + _g(6) + r"(?:confused|sweaty|shaking|unresponsive|not making sense"
       r"|slurring|passed out|will not wake)"),
    _r("st.md.infant", "medical", X,
       r"\b(?:baby|newborn|infant|\d+ (?:weeks?|days?|months?) old)\b " + _g(8)
       + r"(?:fever|floppy|limp|blue|not feeding|will not feed|will not wake|not breathing"
       r"|rash that)\b " + _g(6) + r"(?:floppy|limp|blue|fever|not feeding|won't|will not"
       r"|really|very)"),
    _r("st.md.numb_after", "medical", X,
       r"\b(?:took|taken|swallowed|drank) " + _g(6) + r"(?:pills?|something|drugs?|"
       r"tablets?)\b " + _g(8) + r"(?:cannot feel|numb|cannot move|cannot see|heart is "
       r"(?:racing|pounding|doing)|passing out|pass out)"),
    _r("st.md.starving", "medical", H,
       r"\b(?:have not|not|did not|without) (?:eaten|eating|food)\b " + _g(3)
       + r"(?:\d+|several|many|few) days\b " + _g(6) + r"(?:faint|fainted|dizzy|passed out"
       r"|collapse)"),
]

# -- what people say around an act: losses, finality, identification (30 Nov, batch e) ----
#
# Many messages at risk name no act at all: "I've written letters to each of the kids",
# "rehomed the cat, just finishing up a few last things", "my mind's made up" after a year
# of losses, "I want to be where he is" after a death, "my brother took his own life and
# I feel the same pull". Each part alone is ordinary (people write letters, rehome pets,
# make decisions, grieve); the reading comes from the parts together, so these rules pair
# a part matched in a clause with context anywhere in the message (``requires``, searched
# with the matched span blanked out) and drop the reading when the message states a
# benign purpose (``unless``: a move, a wedding, a birthday, an allergy, a new job).

DEATH_OF_OTHER = (r"\b(?:died|dies|passed|passed away|passing|death|funeral|lost (?:my|him|her"
                  r"|them|our)|killed (?:himself|herself|themselves|themself)|took (?:his|her"
                  r"|their) (?:own )?life|suicide|(?:is|was|are|has) gone|gone now|since "
                  r"(?:he|she|they) (?:went|left)|buried|in heaven|grave|widow\w*|miscarr\w*"
                  r"|stillborn|lost the baby|'s gone|(?:has |have |'s |had )?been gone|is not here anymore"
                  r"|not with us)\b")
SUICIDE_OF_OTHER = (r"\b(?:killed (?:himself|herself|themselves|themself)|took (?:his|her|their)"
                    r" (?:own )?life|died by suicide|committed suicide|suicided|(?:hanged|hung"
                    r"|shot|drowned|poisoned|gassed) (?:himself|herself|themselves)|ended (?:his"
                    r"|her|their) (?:own )?life|lost (?:him|her|them|my \\w+|\\w+) to suicide"
                    r"|suicide)\b")
DESPAIR = (r"\b(?:lost|losing|loss|after (?:everything|all (?:this|that|of this|of that)|this year"
           r"|what happened)|i am done|i am finished|done with (?:it all|everything|life)"
           r"|nothing (?:left|matters|to live for)|no (?:point|reason|hope|way out|future)"
           r"|cannot (?:do this|take (?:it|this)|go on|keep going|cope)|give up|gave up"
           r"|giving up|a burden|better off|at peace|peace with it|do not try|do not (?:stop|talk"
           r" me out|worry about me)|change my mind|nobody can|no one can|too (?:tired|late)"
           r"|tired of|everything is gone|have nothing|i am ready|ready now|it is time|goodbye"
           r"|sorry for everything|sorry it had to|will not be (?:here|around)|not be around"
           r"|the end|left me|divorce|fired|laid off|evicted|bankrupt\w*|diagnos\w*|funeral"
           r"|died|passed away|(?:have|got) (?:what|everything) i need)\b")
BENIGN_PURPOSE = (r"\b(?:moving|move|moved|relocat\w+|downsiz\w+|declutter\w*|minimalis\w+"
                  r"|allerg\w+|surgery|operation|the baby|new baby|baby is due|pregnan\w+"
                  r"|wedding|married|engaged|birthday|birthdays|christmas|secret santa"
                  r"|charity|donat\w+|new job|last day|leaving (?:school|work|the company"
                  r"|do)|retir\w+|graduat\w+|holiday|vacation|trip|travel\w*|emigrat\w+"
                  r"|abroad|estate planning|lawyer|solicitor|care home|nursing home"
                  r"|(?:my|our) (?:grand)?kids'? (?:18th|21st))\b")
FINALITY = (r"\b(?:loose ends|(?:not much|nothing|little|not a lot) (?:left|else) to (?:do|sort|say)"
            r"|(?:everything|it all|all|everything's) (?:is )?(?:sorted|done|ready|in order) now"
            r"|(?:where|so) (?:they|he|she|someone|people|everyone) (?:will|would|can) find"
            r"|(?:in|inside) (?:an|the|a) envelope|on (?:my|the) (?:pillow|dresser|kitchen table)"
            r"|last (?:few |couple of )?(?:things|bits|coffees?|time|goodbyes?|few"
            r" things)|finishing up|finish(?:ing)? (?:things|everything) (?:up|off)|wrap(?:ping)?"
            r" (?:things|everything|it all) up|(?:will not|would not) (?:be )?need(?:ing)?"
            r"|no longer need|(?:after|when|once) i am (?:gone|not here|dead)|(?:will|would)"
            r" (?:find|read|get|open) (?:it|them|this|the \\w+) (?:after|when|once|later)"
            r"|find (?:it|them) after|(?:will |would )?understand (?:later|one day|eventually"
            r"|someday|afterwards|why)|explain(?:ing|s)? why|calm|calming|at peace|peaceful"
            r"|(?:will not|not) be (?:around|here|there) (?:to|for|much|anymore|any more|long)"
            r"|before i go|deserves? (?:someone|somebody|an owner|a family|a home|better) "
            r"who|(?:better|fine|okay) without me|in case something happens to me|without them"
            r" (?:realising|realizing|knowing|noticing)|for the (?:last|final) time|one last"
            r"|final)\b")
PREP_ACT = (r"(?:\b(?:wrote|written|writing|write|left|leaving|finished) (?:a |the |my |some "
            r"|little |short )?(?:\w+ )?(?:notes?|letters?|messages?)\b(?! (?:from|about (?:the|a"
            r"|my) (?:job|flat|house|rent|complaint)))"
            r"|\b(?:gave|giving|given) (?:my|his|her) \w+ my \w+"
            r"|\bleft (?:\w+ ){0,4}(?:a |the )?(?:note|notes|letter|letters) for\b"
            r"|\b(?:gave|giving|given|give) (?:away )?(?:my|all my|most of my|all of my) (?:\w+ )"
            r"{0,2}(?:to|away)\b|\b(?:gave|giving|given|give) away\b"
            r"|\b(?:found|finding|find|found out) (?:a )?(?:new )?(?:homes?|owners?|someone) (?:for"
            r"|to (?:take|look after|have)) (?:my|the)\b|\brehom(?:ed|ing|e)\b"
            r"|\bcancel(?:led|ed|ling|ing) (?:my|all my) (?:\w+ ){0,2}(?:contract|subscriptions?"
            r"|lease|membership|appointments|insurance|phone|plans)\b"
            r"|\btransferr?(?:ed|ing) (?:my|all my|all of my) (?:\w+ )?(?:savings|money|accounts?"
            r"|pension)\b|\bwho gets what\b|\b(?:paid|paying|pay) back (?:everyone|everybody"
            r"|all|my)\b|\bsettled (?:my|all my) (?:debts|accounts|affairs)\b"
            r"|\b(?:sorted|sorting|sort|put|putting|got|getting) (?:out )?(?:my|all my) "
            r"(?:affairs|finances|paperwork)\b"
            r"|\b(?:deleted|deleting|wiped|wiping) (?:my|all my) (?:socials|social media|accounts"
            r"|instagram|facebook|photos|messages)\b"
            r"|\b(?:emailed|sent|gave|giving|wrote down|writing down|left) " + _g(3) + r"(?:my )?"
            r"passwords\b|\b(?:tying|tied|tie) up (?:the |all the |my |some )?loose ends\b"
            r"|\b(?:said|saying) my goodbyes?\b|\bsaying goodbye to (?:people|everyone"
            r"|friends)\b|\b(?:paid|paying) off (?:my|all my) (?:debts|bills)\b"
            r"|\b(?:wrote|written|planned|planning|plan) (?:out )?(?:my|what i want at my) funeral"
            r"|\b(?:updated|made|wrote|written|making) (?:my|a) will\b)")
DECIDED = (r"\b(?:i have|i|i have finally|i finally) (?:made up my mind|made my decision"
           r"|decided)\b(?! (?:to|that|on|about|what|which|whether|how|where|if|against|not|i"
           r"|we|it is)\b)|\bmy mind(?: is|'s) made up\b|\b(?:the|my) decision is made\b"
           r"|\bit is decided\b|\bi know what i (?:am going to|have to|need to|will|must) do"
           r"\b(?! (?:about|with|for|next|tomorrow|at|on|if|when|today|this|now|instead))")
BENIGN_GOAL = (r"\b(?:quit|quitting|leave (?:him|her|them|my|the|this)|leaving (?:him|her|them"
               r"|my|the|this)|move|moving|adopt\w*|apply\w*|go back|going back|study\w*"
               r"|break up|breaking up|divorc\w+|sell\w*|buy\w*|marry|propos\w+|retir\w+"
               r"|change (?:my )?(?:career|major|jobs?)|chang\w+ (?:my )?(?:career|major|jobs?)"
               r"|drop(?:ping)? out|start(?:ing)? (?:a|my|over|fresh|again)|get(?:ting)? (?:a|help"
               r"|therapy|sober|clean)|see (?:a|my) (?:therapist|doctor|counsel\w*)|travel\w*"
               r"|report\w*|forgive|keep the baby|stay\w*|tell (?:him|her|them|my|everyone)"
               r"|telling (?:him|her|them|my)|confront\w*|enrol\w*|sign\w* up|join\w* (?:the|a)"
               r"|go (?:to|ahead)|going (?:to|ahead)|take the job|taking the job|accept\w*"
               r"|dog|cat|puppy|kitten)\b")
WISHY = (r"(?:want|wanted|wanting|wanna|wish|wishing|long|longing|need|ready|thinking about"
         r"|thinking of|think about|thought about|should|could|can not wait|cannot wait"
         r"|rather|desperate|would give anything|all i (?:can|could) think about is"
         r"|going to|planning|plan|tempted|just want|i will|i am going|ache|aching)")
JOINV = (r"(?:join|joining|follow|following|go (?:to|after)|going (?:to|after)|be with|being with"
         r"|go be with|go and be with|be where|go where|going where|be wherever|go wherever"
         r"|be together with|be reunited with|reunite with)")
WHO_DEAD = (r"(?:him|her|them|my (?:\w+ )?\w+|mom|dad|grandma|grandpa|[a-z]+)")
IDENTIFY = (r"(?:(?:feel|feeling|felt|get|getting|have|having|going|go|heading|end up|ending up"
            r"|doing it|do it|same|starting to feel|catch myself) " + _g(3) + r"(?:the )?(?:same|that"
            r" same|that) (?:pull|urge|darkness|thoughts?|feelings?|way|path|road|thing|emptiness"
            r"|place|hole|spiral)"
            r"|(?:feel|feeling|felt|understand|get|know) (?:exactly |now )?(?:what|why|how) (?:he"
            r"|she|they) (?:felt|did it|did|must have felt|went through|was feeling)"
            r"|(?:had|has) the right idea|(?:coming|come|comes) for me|(?:do|doing|go|going"
            r"|end|ending|die|dying) (?:out )?the same (?:way|thing)|(?:am|will be|might be|could be)"
            r" next|(?:follow|following) (?:in )?(?:his|her|their) (?:footsteps|path|lead)"
            r"|(?:think|thinking|thought) about (?:doing|going) (?:it|the same)|me too"
            r"|(?:in|runs in) (?:my|our|the) (?:family|blood|genes))")

NEW_RULES: list[SRule] = [
    _r("st.sh.join_dead", "self_harm", M,
       r"\b" + WISHY + r" " + _g(3) + r"(?:to )?" + JOINV + r" " + WHO_DEAD
       + r"(?= (?:again|now|up there|in heaven|soon|too|where|wherever|already|there|is|are"
       r"|more and more|every day|all the time|a lot|lately|constantly|sometimes|often|[.,!?;])"
       r"| *$)|\b" + WISHY + r" " + _g(3) + r"(?:to )?see (?:him|her|them|my \w+|[a-z]+) again "
       + _g(3) + r"(?:even if|if it means|on the other side|up there|in heaven|whatever it takes)",
       scope="clause", third=False, requires=DEATH_OF_OTHER),
    _r("st.sh.family_pull", "self_harm", M,
       r"\b" + IDENTIFY + r"\b", scope="clause", third=False,
       requires=SUICIDE_OF_OTHER),
    _r("st.sh.passive_more", "self_harm", L,
       r"\b(?:hope|hoping|pray|praying|wish|wishing|would not mind|would be fine|okay|fine)\b "
       + _g(4) + r"(?:i |me )?(?:do not|will not|never|would not|does not|do n't) (?:make it"
       r"|live|get|survive) (?:to|through|past|until|till|another|the)\b"
       r"|\b(?:hope|hoping|pray|praying|wish|wishing)\b " + _g(4) + r"my heart (?:just )?(?:quits"
       r"|quit|stops|stopped|gives out|gives up|would stop|will stop|stop beating)\b"
       r"|\b(?:do not|never|not) (?:really )?(?:want|wanted|expect|plan|see myself) (?:to )?"
       r"(?:be |being )?(?:here|alive|around)\b " + _g(2) + r"(?:in|by|for|at|past) (?:\w+ )?"
       r"(?:years?|months?|birthday|christmas|summer|long)\b"
       r"|\blying if i said i (?:want|wanted) to (?:be|stay) (?:here|alive|around)\b"
       r"|\b(?:could|want to|wish i could|would|to|just|if i could) (?:just )?stop (?:being|living"
       r"|breathing)(?= (?:[.,!?;]|that|at all|anymore|altogether|for good|forever|permanently)"
       r"| *$)"
       r"|\b(?:tired|sick|exhausted|weary) of (?:existing|being alive|being here|breathing"
       r"|life itself|waking up|living)\b"
       r"|\b(?:ready|want|want to|wish i could|i am) (?:to )?be done with (?:life|living|existing"
       r"|being alive|it all|everything)\b|\bi am (?:so )?done with (?:life|living|existing"
       r"|being alive)\b"
       r"|\bwish\w* (?:that )?(?:i )?(?:would|had|have)? ?(?:never|not) (?:have )?been born\b"
       r"|\b(?:do not|never) (?:want|wanna) to be (?:a person|a human|human|anyone|alive"
       r"|conscious|awake|me) (?:anymore|any more)\b|\bwant to not be (?:a person|a human"
       r"|anyone|alive|conscious|here)\b"
       r"|\bdo not want to (?:live|be alive|exist)\b(?! (?:with|in|near|there|here|like that"
       r"|at home|alone|together|somewhere|where|under|through|without))"
       r"|\bwhat (?:is|even is) the point (?:of|in) (?:staying alive|being alive|living|going on"
       r"|carrying on|me|existing|waking up|being here|my life)\b"
       r"|\bnot (?:much |any )?(?:reason|point) (?:in|to) (?:staying alive|living|being alive"
       r"|carrying on|going on)\b"
       r"|\b(?:hope|hoping|wish|wishing|pray|praying)\b " + _g(4) + r"(?:i |me )?(?:get|will get"
       r"|would get|gets?) (?:into |in )?(?:an accident|a crash|hit|run over|sick and die|cancer"
       r"|killed|shot)\b"
       r"|\b(?:not sure|do not know if|doubt|do not think) (?:i )?(?:want to|wanna|will|would|am"
       r" going to) (?:see|make it to|reach|live to|be around for|be here for|be here at|be alive"
       r" at|be alive for) (?:\w+ )?(?:twenty|thirty|forty|fifty|\d+|next|another|my \w+ birthday"
       r"|christmas|the new year|the end of)\b"
       r"|\b(?:i would|i had|i) (?:much )?(?:rather|prefer to) not (?:be|exist|be alive|be here"
       r"|be around)(?= (?:[.,!?;]|at all|anymore|any more|alive)| *$)"
       r"|\b(?:want|wish|wishing|could|would love|long) " + _g(3) + r"(?:go to )?sleep (?:for good"
       r"|and not wake|and never wake|permanently)\b"
       r"|\b(?:hope|hoping|wish|wishing|pray|praying)\b " + _g(6) + r"so (?:that )?i (?:do not|will"
       r" not|would not|never) have to (?:keep (?:going|doing|living|trying|being)|do (?:this|it"
       r"|life) (?:anymore|any more)|wake up|be here|live|exist|face (?:another|tomorrow|it))"
       r"|\b(?:hope|hoping|wish|wishing|pray|praying)\b " + _g(3) + r"(?:the |my |this )?(?:cancer"
       r"|illness|disease|tumou?r|it) (?:comes back|returns|gets me|takes me|kills me|wins)\b"),
    _r("st.sh.wonder_hurt", "self_harm", M,
       r"\bwonder\w* (?:whether|if|how much|what|how long) " + _g(4) + r"(?:hurt|feel like|be quick"
       r"|be painless|take)\b",
       requires=r"\b(?:jump\w*|roof|bridge|pills|tablets|hang\w*|overdos\w*|drown\w*|cut\w*|train"
                r"|die|dying|dead|ledge|cliff|car park|rope|slit\w*)\b"),
    _r("st.sh.research_more", "self_harm", H,
       r"\b(?:reading|read|looking|looked|googl\w+|research\w*) (?:up )?(?:on )?(?:which|what|how"
       r" many|how much|how long) " + _g(6) + r"(?:die|dying|kill\w*|fatal"
       r"|lethal|liver|heart|fastest|quickest|painless|overdose)\b"),
    _r("st.sh.writing_from", "self_harm", X,
       r"\b(?:writing|typing|texting|sending|messaging) (?:this |you )?(?:from|on|at) (?:the|a|my)"
       r" (?:bridge|roof|rooftop|ledge|edge|tracks|platform|cliff|balcony)(?= [.,!?;]| *$| right now)",
       third=False,
       requires=r"\b(?:sorry|goodbye|bye|love you|done|jump|end|forgive|last|tell)\b"),
    _r("st.ho.watch_revenge", "harm_to_others", H,
       r"\b(?:know|knows|learned|learnt|found out) (?:his|her|their|where (?:he|she|they)) (?:\w+ )?"
       r"(?:schedule|routine|address|lives|parks|works|goes|sleeps)\b|\b(?:following|followed"
       r"|watching|watched|tracking|tracked) (?:him|her|them) (?:home|to work|every day|for weeks)\b",
       requires=r"\b(?:regret|pay for|make (?:him|her|them) pay|suffer|get what (?:he|she|they)"
                r" deserves?|what (?:he|she|they) did|revenge|teach (?:him|her|them))\b"),
    _r("st.sh.decided", "self_harm", H, DECIDED, scope="clause", third=False,
       requires=DESPAIR, unless=BENIGN_GOAL, unless_after=80),
    _r("st.sh.prep_final", "self_harm", H, PREP_ACT, scope="clause", third=False,
       requires=FINALITY + "|" + DESPAIR, unless=BENIGN_PURPOSE),
    _r("st.sh.doing_it_when", "self_harm", X,
       r"\b(?:doing|do|going to do|will do) it (?:once|when|after|as soon as|the moment|before) "
       + _g(3) + r"(?:is|are|falls?|fall|goes?|go|leaves?|leave|gets?|get|has|have) (?:asleep"
       r"|to sleep|to bed|out|gone|home|to work|left)\b",
       requires=r"\b(?:pills?|tablets|meds|rope|noose|blade|razor|gun|knife|bridge|roof|note"
                r"|goodbye|end it|die|dying|suicide|kill myself|counted|ready)\b"),
    _r("st.sh.means_laid", "self_harm", H,
       r"\b(?:pills?|tablets?|meds|capsules) (?:are |is )?(?:all )?(?:counted|counted out|laid out"
       r"|set out|lined up|sorted out|crushed|in a pile|piled up|out on)\b"),
    _r("st.sh.took_all", "self_harm", X,
       r"\b(?:just |already )?(?:took|taken|swallowed|downed) (?:them all|all of them|the (?:whole )?"
       r"lot|every (?:last|single) one|(?:half|most|all) (?:of )?(?:the|a|my|her|his) (?:bottle|pack"
       r"|packet|box|tub|jar|strip)|everything (?:in|from) (?:the|my) (?:\w+ )?(?:cabinet"
       r"|cupboard|drawer|box|bottle|bag|cabinet))\b(?! (?:to|out|with|home|for|back|along|in the"
       r" car|shopping))|\b(?:just |already )?(?:took|taken|swallowed|downed) (?:them|it) "
       + _gp(3) + r"(?:the (?:whole )?lot|all of them|every (?:last|single) one|all \d+)\b",
       scope="text",
       requires=r"\b(?:pills?|tablets?|meds|medication|medicine|sleepy|drowsy|dizzy|numb|goodbye"
                r"|sorry|heavy|tired|weird|sick)\b"),
    _r("st.sh.bleed_now", "self_harm", X,
       r"\b(?:cut|slit|slashed|sliced|opened) (?:my|his|her) (?:wrists?|throat|veins?)\b "
       + _g(8) + r"(?:bleed|bleeding|blood)\b|\bwatching (?:it|the blood|myself) (?:bleed"
       r"|drip|pour)\b"),
    _r("st.sh.rope_carry", "self_harm", H,
       r"\b(?:rope|noose|gun|pistol|blades?|razor blades?) (?:in|under|behind) (?:the |my )"
       r"(?:boot|trunk|car|bag|backpack|drawer|wardrobe|closet|bed|glovebox|pocket)\b",
       requires=r"\b(?:carrying|carry|keep|kept|been|hidden|hiding|hid|always|for|just in case"
                r"|ready)\b"),
    # harm to others: a scene happening now; a weapon kept for someone
    _r("st.ho.scene", "harm_to_others", X,
       r"\b(?:standing|stood|waiting|sitting|hiding|crouching|watching (?:him|her|them)) (?:over"
       r"|outside|behind|by|next to|near|for|in) " + _g(4) + r"with (?:a|the|my|his|her|dad's)"
       r" (?:hammer|knife|gun|bat|axe|machete|pistol|rifle|crowbar|brick|blade|pillow)\b"),
    _r("st.ho.weapon_for", "harm_to_others", H,
       r"\b(?:bought|got|buying|getting|carry|carrying|keep|keeping|have|sharpened) (?:a|the|my)"
       r" (?:knife|gun|pistol|rifle|bat|blade|machete|axe|hammer) (?:for|in case) (?:when )?"
       r"(?:i (?:see|find|meet|run into|catch) (?:him|her|them|" + PERSON + r")|(?:he|she|they)"
       r" (?:comes?|shows?|tries|turns? up|gets? out))\b"),
    _r("st.ho.smash", "harm_to_others", M,
       r"\b(?:want|wanna|wanting|thinking|think|fantasi[sz]\w*|imagin\w+|picturing|picture"
       r"|visuali[sz]\w*|urges?|tempted|dream\w*|feel like)\b " + _g(4) + r"(?:smash\w*|bash\w*"
       r"|cav\w+ in|crush\w*|slit\w*|break\w*) " + PERSON + r"(?:'s)? (?:\w+ )?(?:head|face|skull"
       r"|throat|neck)\b|\b(?:picturing|picture|visuali[sz]\w*) " + _g(3) + HARM + r" " + PERSON
       + r"\b"),
    _r("st.ab.smother", "abuse", H,
       r"\b" + PERP + r" " + _g(3) + r"(?:held|holds|put|puts|pushed|pressed|presses) (?:a |the |his "
       r"|her )?(?:pillow|hand|hands|bag|towel|cushion) (?:over|on) my (?:face|mouth|nose)\b"),
    _r("st.ab.stabbed", "abuse", H,
       r"\b" + PERP + r" " + _g(3) + r"(?:stabbed|stabs|cut|cuts|bit|bites|scalded|scalds"
       r"|strangled|strangles|suffocated|smothered|held) me\b(?! (?:off|up|out|in (?:line|the"
       r" queue)|a (?:slice|piece|break)))"),
    # medical: plain-word emergencies
    _r("st.md.chest_more", "medical", X,
       r"\b(?:pain|pressure|tightness|crushing|squeezing|heaviness) (?:in|on|across) (?:my|his"
       r"|her|their|the) chest\b " + _g(8) + r"(?:arm|jaw|neck|numb|sweat\w*|clammy|grey|gray"
       r"|pale|cannot breathe|short of breath|breathless|faint|dizzy|nause\w*|throwing up"
       r"|vomit\w*|buckets)"
       r"|\b(?:clutching|clutched|grabbing|gripping) (?:his|her|their|my) chest\b"),
    # "I'm having a heart attack" is also hyperbole ("... this puppy is too cute"): its own
    # rule, read as figurative on a joke marker or a trivial cause (risk._HYPERBOLE_PRONE)
    _r("st.md.having", "medical", X,
       r"\b(?:is|am|are|he is|she is|i am|i think i am|might be|may be) having (?:a|another)"
       r" (?:heart attack|stroke|seizure|fit|anaphylactic \w+|asthma attack)\b"),
    _r("st.md.one_side", "medical", X,
       r"\b(?:numb|numbness|weak|weakness|tingling|paraly\w+|droop\w*|cannot (?:move|feel))\b "
       + _g(6) + r"(?:one side|(?:left|right) side)\b|\b(?:one|left|right) side of (?:my|his"
       r"|her|their) (?:face|body|mouth) " + _g(3) + r"(?:numb|drooping|droopy|weak|dropped"
       r"|slack|paraly\w+|cannot)",
       requires=r"\b(?:sudden\w*|suddenly|cannot (?:talk|speak|walk|see)|slur\w*|words|speech"
                r"|confus\w*|dizzy|face|arm|leg|body|vision|headache)\b"),
    _r("st.md.swelling", "medical", X,
       r"\b(?:tongue|lips?|face|throat|mouth|eyes?) (?:is |are )?(?:swelling|swollen|swelled"
       r"|puffing up|blowing up|closing|closing up)\b",
       requires=r"\b(?:allerg\w*|ate|eaten|eating|stung|sting|bitten|reaction|peanuts?|nuts?"
                r"|shellfish|bee|wasp|penicillin|epi ?pen|hives)\b"),
    _r("st.md.bleed_heavy", "medical", X,
       r"\bbleeding (?:heavily|badly|a lot|so much|loads|profusely|everywhere|really bad)\b "
       + _g(8) + r"(?:will not stop|cannot stop|not stopping|even with pressure|through|soaked"
       r"|soaking|pregnant|weeks|pale|dizzy|faint)|\b(?:will not|cannot|can not) stop (?:the )?"
       r"bleeding\b"),
    _r("st.md.took_full", "medical", X,
       r"\b(?:took|taken|swallowed|drank|had|downed|ate|eaten) (?:a|the|her|his|my|their) "
       r"(?:full|whole|entire) (?:bottle|pack|packet|box|strip|blister|tub|jar) (?:of )?"
       + _g(3) + PILL + r"\b(?! (?:with (?:me|us|him|her|them)|to (?:the|work|school|class)"
       r"|on (?:holiday|the trip|vacation)|along|into|in my bag))"),
    _r("st.sh.attempt_more", "self_harm", H,
       r"\b(?:took|swallowed|taken|downed) " + SUBST_QTY + r" " + _g(2) + PILL + r"\b " + _gp(12)
       + r"(?:threw (?:them|it|up)|throw (?:them|it) up|vomited|puked|try again|tried again"
       r"|next time|did not work|survived|woke up|pumped my stomach)", scope="text"),
    _r("st.sh.farewell", "self_harm", H,
       r"\b(?:goodbye|good bye|farewell|bye (?:everyone|all|guys|world))\b " + _gp(12)
       + r"(?:i love you all|love you all|i am sorry (?:for everything|it had to|about everything"
       r"|for what)|sorry it had to|forgive me|not your fault|(?:take care|look after) (?:of )?"
       r"(?:each other|yourselves|mom|dad|the kids|my \w+))|\b(?:i love you all|i am sorry for"
       r" everything|forgive me)\b " + _gp(12) + r"(?:goodbye|good bye|farewell)\b",
       scope="text", third=False,
       unless=r"\b(?:see you|see ya|talk (?:soon|later|tomorrow)|back (?:on|in|next|soon)"
              r"|when i (?:get|am) back|holiday|trip|vacation|moving|new job|last day|graduat\w*"
              r"|retir\w*|leaving do|party|flight|off to|going to miss|will miss|visit|pictures"
              r"|photos|pics|post|updates?|airport|plane|adventure|gap year|abroad|exchange"
              r"|write to you|call you|text you)\b"),
]

SRULES += NEW_RULES

# -- issue 4: the kinds the leave-one-file-out analysis found missed or under-read ------------
# Each rule is a frame (parts that mean risk together), written from the kinds of misses on
# the development files, not from their wording: weariness of being alive, indifference to
# survival, a wish to be taken; a settled plan that names no act (needs finality or
# concealment beside it); means kept hidden; a scene happening now; plain-word medical
# emergencies; sexual assault without the word; violent thoughts and attacks planned.
SETTLED_CONTEXT = (FINALITY[:-3] + r"|" + DESPAIR[6:-3] + r"|(?:house|flat|place) (?:will be |is |to be )?"
                   r"empty|not (?:coming|driving|going|walking) back|(?:will not|would not) (?:come"
                   r"|drive|go|walk) back|and not (?:come|drive|go|walk) back|go through with it"
                   r"|check it out|scope it out|(?:twice|again|\d+ times) this week|nobody knows"
                   r"|no one knows|have not told|it (?:does not|will not) get better|do not ruin"
                   r"|get through (?:this|the) (?:weekend|week|day)|sorted (?:everything|it all) out"
                   r"|already sorted|passport|sorry)\b")
ISSUE4_RULES: list[SRule] = [
    # passive wishes in new wording (low)
    _r("st.sh.weary_alive", "self_harm", L,
       r"\b(?:tired|exhausted|sick|weary|worn out|fed up) (?:of|by|from|with) (?:\w+ ){0,2}"
       r"(?:being alive|staying alive|living(?! (?:in|with|paycheck|like|at|here|off|on|near"
       r"|under|alone|together))|existing|being here|being around|being me|life itself)\b"
       r"|\b(?:life|living) (?:is not|is no longer|isn't) worth (?:the effort|the trouble|it)"
       r"|\bthere is no future for me\b|\bno future for me\b"),
    _r("st.sh.indifferent_survival", "self_harm", L,
       r"\b(?:stopped|stop) caring (?:whether|if) i (?:am|will be|live|make it) (?:alive|here"
       r"|around|dead)?|\b(?:do not|don't) (?:really )?see the point (?:in|of) (?:being (?:around"
       r"|here|alive)|living|going on|waking up)|\b(?:would not|would n't|wouldn't|not) (?:be )?"
       r"(?:sad|mind|care|upset) if (?:it all|everything|life|i) (?:just )?(?:stopped|ended"
       r"|did not wake|didn't wake|did not make it|didn't make it|was gone|were gone|died)"
       r"|\bif something (?:bad )?(?:happened|happens) to me\b " + _g(6)
       + r"(?:would not|not|do not think (?:i would|id|i'd)) (?:fight|resist|mind|care)"
       r"|\bif i (?:disappeared|vanished|was gone|were gone|died) " + _g(4)
       + r"(?:nobody|no one|doubt anyone|would anyone|anyone) (?:would )?(?:notice|care|miss)"),
    _r("st.sh.taken_in_sleep", "self_harm", L,
       r"\b(?:god|the universe|something|death|(?:the )?(?:good )?lord) (?:would |will |could )?"
       r"(?:just )?(?:takes?|took|take) me (?:in my sleep|away|home)|\b(?:long|endless|eternal) sleep (?:that|which)"
       r" (?:does not|never|will not) end|\bsleep that (?:does not|never) ends?"
       r"|\bstop being (?:a person|me|alive|here)\b " + _g(6) + r"(?:forever|for good)"),
    # passive wishes told as a welcome end, envy of the dead, or regret at waking
    # (development file dev_k3; each frame pairs a welcome with an end that happens to me)
    _r("st.sh.welcome_end_more", "self_harm", L,
       r"\b(?:would|might|could) (?:not )?be (?:fine|nice|okay|ok|a relief|easier|lovely|so nice"
       r"|the worst thing|a mercy|peaceful) " + _g(4) + r"(?:if|to|when) (?:my heart (?:just |simply )?"
       r"(?:stopped|stops|gave out)|(?:i|me) (?:just )?(?:fade|faded|fading) (?:out|away)"
       r"|(?:a|the) (?:car|bus|truck|lorry|train) (?:just )?did not stop|(?:it|something|an illness"
       r"|cancer) (?:just )?(?:took|takes) me|i (?:just )?(?:stopped|did not wake|never woke))"
       r"|\b(?:hope|hoping|pray|praying|wish) (?:i|that i) (?:get|got|catch) (?:really |very |so )?"
       r"(?:sick|ill|cancer|something)\b " + _g(3) + r"(?:takes|took|kills|finishes) me"
       r"|\b(?:angry|annoyed|disappointed|upset|gutted|sad) (?:that |when )?i (?:woke up(?! (?:at (?!all)|so"
       r"|too|early|late|with|to|in|on|\d))|am still (?:here|alive|breathing)|survived(?! (?:the|my"
       r"|a|an|that|this))|made it through (?:the|another) night)"
       r"|\b(?:envy|jealous of) (?:dead people|people who (?:die|died|have died)|the people"
       r" in the obituaries|anyone who (?:dies|died|gets to die))"
       r"|\btrade places with " + _g(2) + r"(?:in a hospice|who is dying|who died|in a coffin"
       r"|on their deathbed|in the obituaries)"
       r"|\b(?:would like|want|wanna|ready) to (?:just )?be (?:finished|done) with (?:living|life"
       r"|being alive|existing)"
       r"|\b(?:better|easier) if i (?:am|was|were) (?:not existing|not alive|never born)"
       r"|\b(?:one more|another) (?:year|birthday) (?:that )?i did not ask for"
       r"|\b(?:the world|god|life|the universe) made a mistake (?:by )?(?:keeping|making|letting)"
       r" me"
       r"|\bpicture my (?:own )?funeral\b " + _g(8) + r"(?:relief|relieved|peace|finally)"
       r"|\bdeath sounds like (?:a|an) (?:nap|sleep|rest|break|holiday)\b"),
    # a settled plan that names no act: only beside finality, despair or concealment
    _r("st.sh.plan_settled", "self_harm", H,
       r"\b(?:got|have|made|sorted) (?:my|a|the) plan (?:sorted|ready|made|worked out|in place"
       r"|figured out)|\bmy plan is (?:to|set|ready|sorted)\b|\b(?:decided|worked out|know"
       r"|chosen|chose|picked) (?:how and when|when and how|which (?:bridge|building|cliff"
       r"|spot|place|day|one|pills)|the (?:method|spot|place|day|date|bridge|cliff))\b(?! to\b)"
       r"|\b(?:the )?date is set\b|\b(?:i have |i )?set a date\b",
       scope="text", third=False, requires=SETTLED_CONTEXT,
       unless=r"\b(?:wedding|party|holiday|vacation|trip|meeting|interview|exam|move|moving"
                r"|launch|surgery|appointment|deadline|project|essay|presentation)\b"),
    # looking up what would be lethal
    _r("st.sh.lethality_search", "self_harm", H,
       r"\b(?:looked up|look up|looking up|researched|researching|googled|googling|searched"
       r"|searching|reading about) (?:\w+ ){0,4}(?:are |is )?(?:deadly|lethal|fatal|painless"
       r"|most reliable (?:way|method)|how (?:many|much) (?:it takes|would kill))\b",
       third=False, unless=r"\b(?:dog|cat|pet|puppy|kitten|kids?|child|toddler|baby|safety"
                           r"|allerg\w*|mushrooms?|plants?|snakes?|spiders?)\b"),
    _r("st.sh.place_thought", "self_harm", M,
       r"\b(?:think\w*|thought|picture\w*|imagin\w+) about (?:the )?(?:train tracks|tracks"
       r"|bridge|cliff|cliffs|edge|ledge|roof|traffic) " + _g(8) + r"how (?:quick|easy|fast"
       r"|simple|painless|peaceful) it would be"),
    # means kept or laid out, a scene now
    _r("st.sh.means_hidden", "self_harm", H,
       r"\b(?:has|have|keeps|keep|got|is hiding|hid|hidden|stash\w*) (?:a |some |her |his |my "
       r"|their )?(?:bottle of |pack of |stash of )?(?:pills|tablets|a rope|rope|a knife"
       r"|razors?|blades?) (?:\w+ )?(?:hidden|stashed|saved up|squirrelled away)\b"),
    _r("st.sh.means_beside", "self_harm", X,
       r"\b(?:razor|razors|blade|blades|pills|tablets|rope|noose)(?:'s| is| are)? (?:next to"
       r"|beside|by) (?:it|me|the bath|the bed)\b|\bthe bath is running\b",
       scope="text", third=False,
       requires=r"\b(?:sorry|goodbye|love you|forgive|razor|blade|pills|tablets|rope)\b"),
    _r("st.sh.wall_bleed", "self_harm", M,
       r"\b(?:punch\w*|hit\w*|bang\w*|slam\w*) (?:the |a )?(?:walls?|my head) " + _g(2)
       + r"(?:until|till) (?:my )?(?:\w+ )?(?:bled|bleed|bleeding|broke|split|bruised)"),
    _r("st.md.blood_sick", "medical", X,
       r"\b(?:throwing up|vomiting|puking|being sick|coughing|pooping|peeing)\b " + _g(6)
       + r"blood\b(?! (?:test|pressure|type|sugar|orange|moon|work|donor))"),
    _r("st.md.mix_more", "medical", X,
       r"\b(?:mixed|mixing|took|taking|had) " + _g(2) + r"(?:xanax|benzos?|oxy\w*|opioids?"
       r"|sleeping pills|painkillers|valium|klonopin|fentanyl|heroin)\b (?:and|with|plus) "
       + _g(4) + r"(?:alcohol|vodka|wine|beer|booze|whisky|whiskey|liquor|drinks)\b " + _g(6)
       + r"(?:cannot (?:stay awake|wake|breathe|keep)|passed out|passing out|unconscious"
       r"|will not wake|drowsy|falling asleep)"),
    _r("st.md.out_breathing", "medical", X,
       r"\b(?:passed out|unconscious|out cold|will not wake)\b " + _g(6) + r"breathing (?:funny"
       r"|weird|strange|slow|slowly|shallow|oddly|badly|loud\w*|wrong)\b"),
    _r("st.md.seizure_long", "medical", X,
       r"\bseizures?\b " + _g(6) + r"(?:all day|all night|for hours|getting (?:closer|worse"
       r"|longer|more)|closer together|keep (?:coming|happening)|back to back|one after another"
       r"|going on for|lasting|(?:\d+|several|five|six|ten) (?:minutes|mins))"),
    # abuse without the word
    _r("st.ab.assault_plain", "abuse", H,
       r"\bwoke up (?:with|to) (?:him|her|them|someone|a \w+|my \w+) (?:on top of me|touching me"
       r"|inside me|in my bed|undressing me)|\b(?:did|does|was doing|kept doing) (?:stuff"
       r"|things) to me (?:when|while) i was\b|\btoo (?:drunk|high|out of it) to (?:say no"
       r"|consent|stop (?:him|her|them|it)|fight)\b"),
    _r("st.ab.child_touch", "abuse", H,
       r"\b(?:neighbou?r|uncle|coach|teacher|stepdad|babysitter|tutor|pastor|priest|man|guy"
       r"|cousin)\b " + _g(6) + r"(?:makes (?:her|him|them) sit on (?:his|her) lap|touches"
       r" (?:her|him|them)\b(?! (?:on the shoulder|to)))", third=False,
       requires=r"\b(?:little|sister|brother|daughter|son|niece|nephew|kid|child|girl|boy"
                r"|lap)\b"),
    _r("st.ab.beat_with", "abuse", H,
       r"\b(?:beat|beats|beating|hit|hits|whipped|whips|paddled|burned|burnt) (?:us|me) with "
       r"(?:a |the |his |her )?(?:paddles?|belts?|sticks?|bats?|cords?|hangers?|cables?"
       r"|hoses?|wooden spoons?|boards?)\b"),
    _r("st.ab.controls_all", "abuse", M,
       r"\bcontrols? (?:everything|it all|all of it|every \w+)\b " + _g(4) + r"(?:money|phone"
       r"|who i see|where i go|friends|bank)"),
    _r("st.ab.weapon_now", "abuse", X,
       r"\b(?:he|she|they|my \w+) (?:is got|has got|has|got|is holding|is waving|grabbed)"
       r" (?:a|the|his|her) (?:knife|gun|bat|weapon|hammer|machete)\b " + _g(10)
       + r"(?:between me and the door|please help|help me|coming (?:at|for) me|hiding"
       r"|will not let me (?:out|leave)|locked (?:me|us) in)"
       r"|\b(?:broke|breaking|broken) in\b " + _g(6) + r"(?:looking for me|coming for me"
       r"|i am hiding|upstairs)"),
    # harm to others
    _r("st.ho.violent_thoughts", "harm_to_others", M,
       r"\b(?:violent|murderous) (?:thoughts|urges|fantasies|images) (?:about|towards?|of)"
       r" (?:my|him|her|them|people|someone|the)\b|\b(?:could|can) see myself (?:killing"
       r"|hurting|stabbing|shooting|strangling)\b"),
    _r("st.ho.attack_plan", "harm_to_others", H,
       r"\bplan(?:ning|ned)? (?:an? |the )?(?:attack|shooting|massacre|bombing) (?:on|at|in)\b"
       r"|\btalks? about (?:killing|hurting|shooting|stabbing) " + _g(6)
       + r"(?:means it|serious|not joking)"),
    _r("st.ho.armed_at", "harm_to_others", X,
       r"\b(?:outside|at|near) (?:her|his|their|my \w+'s) (?:house|place|work|school|door|flat)\b "
       + _g(4) + r"(?:with|have|got) (?:a|my|the|\w+'s) (?:gun|knife|rifle|pistol|bat|weapon)"
       r"|\bgot (?:the|his|her|their) address\b " + _g(4) + r"(?:got|have|bought) (?:the|a|my)"
       r" (?:knife|gun|weapon|bat|rifle)\b"),
]
SRULES += ISSUE4_RULES

# Medical emergencies told in plain words, without the condition's name (30 Nov, fourth
# session; written from the misses on risk_probes_dev_med.jsonl, a development file whose
# first sight was recall 0.84 but under-triage 0.41: the backstop knew these were medical
# and read them low). Each pairs what happened with the sign that makes it urgent.
_POISON = (r"(?:batter(?:y|ies)|button batter\w*|magnets?|magnet balls|bleach|dishwasher (?:tablet"
           r"|pod|liquid|detergent)s?|washing (?:tablet|pod)s?|laundry (?:pod|tablet|liquid)s?|detergent|cleaning "
           r"(?:stuff|product|liquid|fluid|spray)|slug pellets|pellets|weed ?killer|antifreeze|"
           r"nicotine|vape (?:liquid|juice)|e-?liquid|lamp oil|paraffin|white spirit|essential "
           r"oils?|rat poison|drain cleaner)")
# A scare told as over: when it happened and that it was fine ("last summer ... they said
# it was fine").
_OVER_AND_FINE = (r"\b(?:last (?:summer|year|month|week|winter|spring|autumn|christmas)|(?:years?|"
                  r"months?|weeks?) ago)\b(?=.*\b(?:(?:was|is|were|turned out|they said (?:it|he|"
                  r"she|they) (?:was|were)) (?:completely |totally |absolutely )?(?:fine|ok|okay|"
                  r"all right|alright)|no harm done)\b)")
PLAIN_MEDICAL_RULES: list[SRule] = [
    _r("st.md.child_swallowed", "medical", X,
       r"\b(?:toddler|baby|child|kid|son|daughter|\d+ (?:year|month) old|little one|he|she)\b "
       + _gp(10) + r"(?:swallowed|swallow|ate|eaten|eating|drank|drunk|took a swig|swig|bit into|"
       r"chewed|got hold of|licked|put (?:it |one )?in (?:his|her) mouth)\b " + _gp(10) + _POISON
       + r"\b", scope="text", unless=_OVER_AND_FINE),
    _r("st.md.drug_unresponsive", "medical", X,
       r"\blips (?:have |has )?(?:gone|going|look|looking|are|turned|turning) (?:blue|grey|gray|"
       r"purple)|\bbarely breathing\b|\bsnoring noises\b|\bgurgling\b|\beyes (?:are )?rolling\b|"
       r"\bcannot (?:answer|respond)\b|\bnot answering me\b|\bwill not wake\b|\bcannot wake\b",
       scope="text",
       requires=r"\b(?:used|using|took|taken|mixed|drank|drinking|drunk|gave (?:him|her|them)|"
                r"party|pills|ket|ketamine|molly|mdma|ghb|heroin|fentanyl|opiates?|alcohol|"
                r"high|something)\b"),
    _r("st.md.sedated_breathing", "medical", X,
       r"\b(?:wine|vodka|drinks?|alcohol|gin|beer|booze|whisky|whiskey)\b " + _gp(12) + PILL
       + r"\b " + _gp(22) + r"(?:breathing (?:feels |is |seems )?(?:slow|shallow|weird|funny)|"
       r"cannot stay awake|keep nodding off)|\b" + PILL + r"\b " + _gp(8) + r"(?:with|and|on "
       r"top of) " + _g(4) + r"(?:wine|vodka|drinks?|alcohol|gin|beer|booze|whisky|whiskey)\b "
       + _gp(16) + r"(?:breathing (?:feels |is |seems )?(?:slow|shallow|weird|funny)|cannot stay "
       r"awake|keep nodding off)", scope="text"),
    _r("st.md.took_with_drink", "medical", X,
       r"\b(?:took|taken|swallowed|had|popped|downed) " + _g(1) + SUBST_QTY + r" (?:of )?" + _g(3)
       + PILL + r"\b " + _g(4) + r"(?:with|and|plus|on top of) " + _g(2) + r"(?:gin|vodka|wine|"
       r"beer|alcohol|booze|whisky|whiskey|rum|drink|drinks)\b"),
    _r("st.md.paracetamol_excess", "medical", X,
       r"\b(?:\d+(?: or \d+)?|several|too many) (?:grams|g) " + _g(2) + r"(?:a day|per day|of "
       r"(?:paracetamol|tylenol|acetaminophen))|\bdoubling up on (?:the )?(?:tylenol|"
       r"paracetamol|acetaminophen|cold (?:and flu )?(?:stuff|medicine|tablets))"),
    _r("st.md.vision_loss", "medical", X,
       r"\b(?:vision|sight) (?:in (?:my|his|her|one) (?:\w+ )?eye )?(?:just )?(?:went|gone|"
       r"disappeared|blacked out|went black|went dark)\b|\b(?:curtain|shadow) (?:came|coming|"
       r"come) down (?:over|across) (?:it|my|his|her)\b|\bsuddenly (?:cannot|could not) see "
       r"(?:out of|from|with) (?:my|one|his|her)\b"),
    _r("st.md.numb_and_words", "medical", X,
       r"\b(?:arm|leg|face|hand|side)\b " + _g(2) + r"(?:went|gone|going|was|felt) (?:numb|weak|"
       r"dead|floppy)\b " + _gp(10) + r"(?:words|speak|talk|speech|slurr\w*)\b", scope="text"),
    _r("st.md.bleeding_wont_stop", "medical", X,
       r"\b(?:bleeding|blood|pouring|gushing|spurting|bled)\b " + _gp(10) + r"(?:will not stop|"
       r"not stopping|still going|(?:soaked|through) (?:through )?(?:\w+ )?(?:towels?|tea towels?|cloths?|"
       r"bandages?|tissues)|for (?:\d+|twenty|thirty|ten|fifteen) min\w*)", scope="text",
       requires=r"\b(?:cut|sliced|slashed|bleed\w*|blood|wound|gash|glass|knife)\b"),
    _r("st.md.head_then_drowsy", "medical", X,
       r"\b(?:fall|fell|fallen|banged|hit|knocked|bumped)\b " + _gp(10) + r"\bhead\b " + _gp(16)
       + r"(?:drowsy|confused|keeps asking the same|repeating (?:herself|himself|themselves)|"
       r"really sleepy|very sleepy|being sick|vomit\w*|throwing up|thrown up|threw up|keep "
       r"forgetting|keeps forgetting|(?:asked|asking) (?:me|her|him|them|us) the same question)",
       scope="text", unless=_OVER_AND_FINE),
    _r("st.md.carbon_monoxide", "medical", H,
       r"\b(?:whole (?:family|household|house)(?:'s)?|all of us|everyone (?:in the house|at "
       r"home)|we have all|we all)(?= ) " + _gp(12) + r"(?:headaches?|dizzy|sick|nause\w*)", scope="text",
       requires=r"\b(?:boiler|heater|gas|fire|stove|out of the house|outside|carbon monoxide)\b"),
    _r("st.md.hypothermia", "medical", X,
       r"\b(?:ice cold|freezing cold|so cold|really cold)\b " + _gp(8) + r"(?:not shivering|"
       r"stopped shivering|mumbling|slurring|stumbling|confused|really sleepy|very sleepy|"
       r"drowsy)|\bshivering\b " + _gp(10) + r"(?:stumbling|slurring|confused|mumbling)",
       scope="text"),
    _r("st.md.withdrawal", "medical", X,
       r"\b(?:shaking|shakes|seeing (?:bugs|things|spiders)|hallucinat\w*|seizure|woke up on "
       r"the floor|twitching|heart (?:is )?pounding)\b(?! (?:less|has stopped|stopped|has "
       r"eased|eased))", scope="text",
       requires=r"(?=.*\b(?:stopped|stopping|quit|quitting|coming off|came off|cold turkey|"
                r"without a drink)\b)(?=.*\b(?:drinking(?! (?:coffee|tea|soda|pop|water|energy|"
                r"fizzy|caffeine))|alcohol|vodka|booze|benzos?|clonazepam|"
                r"diazepam|xanax|valium|klonopin|lorazepam)\b)"),
    _r("st.md.large_burn", "medical", H,
       r"\b(?:burn|burned|burnt|scald|scalded|boiling water|caught fire|blistered)\b " + _gp(14)
       + r"(?:bigger than (?:my|his|her|both)|larger than (?:my|his|her|both)|white and "
       r"leathery|leathery|does not (?:even )?hurt (?:there|at all)|blistered and peeling)",
       scope="text"),
    _r("st.md.clot", "medical", X,
       r"\b(?:calf|leg)\b " + _gp(10) + r"(?:swollen|red|hot|warm|sore)\b " + _gp(16)
       + r"(?:breathless|out of breath|short of breath|chest pain|cannot breathe)", scope="text",
       unless=r"\b(?:gym|run|running|ran|workout|training|train|exercise|football|match|hike|"
              r"hiking|climb\w*|cycling|swim\w*)\b"),
    _r("st.md.pregnancy", "medical", X,
       r"\b(?:\d{2} weeks|pregnant)\b " + _gp(16) + r"(?:(?:baby|he|she) (?:has not|had not|"
       r"hasn't|hadn't) "
       r"(?:moved|been moving)|not (?:felt|feeling) (?:the baby|him|her) mov\w*|constant pain|"
       r"(?:belly|bump|stomach) (?:has )?(?:gone|is) (?:really |very )?hard)", scope="text"),
    _r("st.md.torsion", "medical", X,
       r"\b(?:pain|hurts?|agony)\b " + _g(4) + r"(?:in )?(?:one of )?(?:his|my) (?:balls|"
       r"testicles?)\b"),
    _r("st.md.infant_fever", "medical", X,
       r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:weeks?|days?) old\b "
       + _gp(10) + r"(?:fever|temperature|feels hot|38|39)", scope="text"),
    _r("st.md.chemo_fever", "medical", X,
       r"\bchemo(?:therapy)?\b " + _gp(14) + r"(?:temperature|fever|38|39|shivering|shaking)",
       scope="text"),
    _r("st.md.stimulant", "medical", X,
       r"\b(?:adhd meds|adhd medication|adderall|ritalin|speed|coke|cocaine|mdma|molly)\b "
       + _gp(12) + r"(?:heart (?:is )?(?:pounding|racing|going)|chest (?:hurts|pain)|"
       r"(?:1[5-9]\d|2\d\d)\b|really hot|overheating)", scope="text"),
    _r("st.md.cardiac_plain", "medical", X,
       r"\b(?:jaw|left arm|arm and jaw|jaw and (?:left )?arm)\b " + _gp(8) + r"(?:aching|ache|"
       r"pain|hurts|hurting|heavy)\b " + _gp(10) + r"(?:sick|clammy|sweat|sweaty|sweating|"
       r"breathless|dizzy)", scope="text"),
    _r("st.md.palpitations_faint", "medical", H,
       r"\b(?:palpitations|heart(?:'s| is| has)? (?:been )?(?:going|racing|pounding|"
       r"fluttering|skipping))\b "
       + _gp(12) + r"(?:passed out|nearly passed out|fainted|nearly fainted|blacked out|"
       r"lightheaded|light-headed)", scope="text"),
    _r("st.md.drug_rash", "medical", X,
       r"\b(?:new (?:tablets|pills|medication|meds)|started (?:the |a )?(?:new )?(?:tablets|"
       r"pills|medication|meds|antibiotics))\b " + _gp(14) + r"(?:rash|blisters?)\b " + _gp(10)
       + r"(?:mouth|eyes|lips|spreading|peeling)", scope="text"),
    _r("st.md.high_fever", "medical", H,
       r"\b(?:fever|temperature|temp) (?:of |is |was |at |has been |been )?(?:39|4[0-2])\b(?! "
       r"(?:weeks?|years?|days?|minutes?|seconds?)\b)"),
    _r("st.md.right_side_pain", "medical", H,
       r"\bpain\b " + _g(4) + r"(?:low(?:er)? )?(?:on )?(?:the )?right side of (?:my|his|her) "
       r"(?:belly|tummy|stomach|abdomen)\b " + _gp(12) + r"(?:throwing up|vomiting|being sick|"
       r"sick|fever|hurts (?:loads |more )?when)", scope="text"),
    _r("st.md.high_sugar", "medical", X,
       r"\b(?:sugar|glucose|blood sugar|levels?|bm)\b " + _g(6) + r"(?:over|above|at|is|was|been)"
       r" (?:2\d|3\d)\b " + _gp(18) + r"(?:drowsy|confused|sleepy|vomit\w*|being sick|fruity|"
       r"breathing)", scope="text"),
    _r("st.md.new_diabetes", "medical", M,
       r"\b(?:weeing|peeing|urinating) (?:all the time|loads|constantly|so much)\b " + _gp(10)
       + r"(?:thirsty)\b " + _gp(12) + r"(?:lost|losing) (?:nearly |almost |about )?(?:weight|a "
       r"stone|\d+)", scope="text"),
    _r("st.md.gut_bleed", "medical", M,
       r"\bblood in (?:my|his|her) (?:poo|stool|stools|poop)\b"),
    _r("st.md.kidney", "medical", M,
       r"\b(?:wee|pee|urine)\b " + _g(4) + r"(?:cola|dark brown|brown|red)\b " + _gp(12)
       + r"(?:hardly|barely|puffy|swollen)", scope="text"),
    _r("st.md.inhaled", "medical", M,
       r"\binhaled\b " + _g(4) + r"(?:peanut|nut|bead|piece|food|popcorn)\b"),
    # (1 Dec, sixth session; from the misses on risk_probes_dev_k4/k5, two more writers)
    _r("st.md.drank_poison", "medical", X,
       r"\b(?:drank|drunk|drink|swallowed|swallow|ate|eaten|(?:swig|mouthful|sip|gulp) (?:of|"
       r"from))\b " + _gp(12) + r"(?:it was |turned out to be |was actually )?" + _POISON + r"\b",
       scope="text",
       requires=r"\b(?:burn\w*|sick|vomit\w*|throwing up|dizzy|drowsy|pain|hurts?|cough\w*|"
                r"breath\w*|what (?:do|should) (?:i|we) do|just|now|an hour ago|minutes ago|"
                r"(?:2|two|3|three)yo|toddler|baby)\b"),
    _r("st.md.ate_plant", "medical", H,
       r"\b(?:ate|eaten|eating|swallowed|chewed|put)\b " + _g(6) + r"(?:berries|mushrooms?|"
       r"toadstools?|leaves|seeds)\b " + _gp(22) + r"(?:tummy|stomach|belly|sick|vomit\w*|"
       r"throwing up|drowsy|dizzy|rash|mouth|hurts?|pain)", scope="text"),
    _r("st.md.drug_fitting", "medical", X,
       r"\b(?:is|are|was|started|now|keeps?|still) (?:fitting|having a fit|having a seizure|"
       r"seizing|convulsing|shaking all over|jerking)\b(?! (?:in|into)\b)", scope="text",
       requires=r"\b(?:took|taken|pills?|drugs?|something|drank|drinking|mdma|molly|ket|"
                r"festival|party)\b"),
    _r("st.md.blood_up", "medical", H,
       r"\b(?:coughing|coughed|cough|coughs|bringing|brought|throwing|threw|vomiting|vomited|"
       r"being sick|sick|puking|spitting) (?:up )?(?:some |a lot of |loads of |lots of |"
       r"bright red |fresh |dark |a bit of )?blood\b(?! (?:test|tests|pressure|sugar|results))"
       r"|\b(?:like|looks like|look like) coffee grounds\b"),
    _r("st.md.sudden_confusion", "medical", H,
       r"\b(?:does not|did not|doesn't|didn't|cannot|can not) (?:know|recogni[sz]e|remember) "
       r"(?:who (?:i am|we are)|me|us|where (?:she|he|they) (?:is|are))\b", scope="text",
       requires=r"\b(?:suddenly|since (?:yesterday|this morning|last night|lunch|earlier)|"
                r"never been like this|was fine (?:yesterday|this morning|last week|on)|"
                r"(?:all of a|out of) (?:sudden|nowhere)|doing the crossword|this morning)\b",
       unless=r"\b(?:dementia|alzheimer\w*) (?:for|since) (?:years|a long time|ages)\b"),
    _r("st.md.nosebleed_long", "medical", H,
       r"\b(?:nosebleed|nose bleed|nose (?:is |has been |keeps )?bleeding)\b " + _gp(12)
       + r"(?:(?:for|over|about|nearly|almost) (?:[2-9]\d|twenty|thirty|forty|fifty|an hour|"
       r"half an hour)(?: min\w*)?|will not stop|not stopping)\b(?! (?:then|and then) it "
       r"(?:did|stopped))", scope="text"),
    _r("st.md.pad_an_hour", "medical", X,
       r"\b(?:soak\w*|going through|filling|fill|changing) (?:through )?(?:a|one|my|the)? ?"
       r"(?:pad|pads|sanitary pad|maxi pad|towel)s? (?:every|an|each|in an|in under an) hour\b"
       r"|\bclots? (?:the size of|as big as) (?:a |an )?(?:golf ball|lemon|plum|fist|egg)"),
    _r("st.md.insulin_twice", "medical", X,
       r"\b(?:took|taken|injected|did|done|had) (?:my )?(?:insulin|jab|dose)\b " + _g(2)
       + r"(?:twice|two times|again by mistake)|\b(?:double|extra|too much|wrong) (?:dose of )?"
       r"insulin\b", scope="text",
       requires=r"\b(?:shaky|shaking|sweat\w*|confused|dizzy|drowsy|faint\w*|clammy|blurry)\b"),
    _r("st.md.dka_plain", "medical", H,
       r"\bbreathing (?:is |has been |was )?(?:really |very |so )?(?:fast|deep|heavy|fast and "
       r"deep|deep and fast)\b",
       scope="text",
       requires=r"(?=.*\b(?:type 1|type one|diabetic|diabetes|sugars?(?:'s| is| has)? (?:been )?"
                r"(?:high|over|through the roof))\b)(?=.*\b(?:sick|vomit\w*|throwing up|"
                r"puking)\b)"),
    # (1 Dec, seventh session; from the misses on risk_probes_dev_l1, another writer)
    _r("st.md.seizure_long", "medical", X,
       r"\b(?:fitting|seizure|seizing|having a fit|convulsing|shaking all over)\b " + _gp(12)
       + r"(?:(?:for|about|over|nearly|almost) (?:[5-9]|1\d|five|six|seven|eight|nine|ten|"
       r"fifteen) min\w*|not stopping|will not stop|(?:has not|had not|not) (?:woken|woke|come "
       r"round|come to)|another one|a second one)", scope="text",
       unless=r"\b(?:last (?:year|month|week|time)|(?:years?|months?) ago|when (?:he|she|i) was "
              r"(?:little|a child|younger|a baby)|(?:dog|cat|pet)\b)"),
    _r("st.md.hypo_plain", "medical", X,
       r"\b(?:type 1|type one|diabetic|diabetes|insulin)\b", scope="text",
       requires=r"(?=.*\b(?:sweaty|sweating|clammy|shaky|shaking|pale)\b)(?=.*\b(?:not making "
                r"(?:any )?sense|confused|slurring|acting drunk|(?:can not|cannot|will not) wake|"
                r"does not know where|shoes on the wrong|getting angry|aggressive)\b)",
       unless=_OVER_AND_FINE),
    _r("st.md.stroke_plain", "medical", X,
       r"\b(?:saying|talking|using) (?:in )?(?:random|strange|weird|the wrong|jumbled|made up|"
       r"muddled) "
       r"words|\bwords (?:are |were |keep )?(?:coming out )?(?:jumbled|wrong|slurred|muddled)|"
       r"\b(?:can not|cannot|could not) (?:find (?:her|his|the|my) words|get (?:her|his|my) "
       r"words out)|\bface (?:is |has )?(?:gone |went |looks )?(?:droopy|drooping|lopsided)",
       scope="text",
       requires=r"\b(?:(?:arm|hand|leg|side)\b " + _g(6) + r"(?:limp|weak|floppy|numb|lying "
                r"there|dropped|will not move|can not lift|cannot lift)|(?:\d+|ten|five|twenty) "
                r"min\w* ago|started (?:about |around )?(?:\d+|ten|five|twenty)|suddenly|just now|"
                r"out of nowhere)\b",
       unless=_OVER_AND_FINE),
    _r("st.md.down_and_not_up", "medical", X,
       r"\b(?:on the (?:kitchen |bathroom |bedroom |hall |hallway |living room |lounge )?floor|at "
       r"the bottom of the stairs)\b", scope="text", third=True,
       requires=r"\b(?:not getting up|(?:can not|cannot|will not) get up|not moving|barely "
                r"moving|moving a little|not responding|unconscious|(?:has not|had not) "
                r"answered|not answering the door)\b",
       unless=r"\b(?:dog|cat|puppy|tantrum|yoga|sleeping bag|camping|laughing|playing|"
              r"toddler|baby)\b"),
    _r("st.md.paracetamol_staggered", "medical", X,
       r"\b(?:1[6-9]|[2-9]\d|twenty|thirty|forty) (?:\w+ )?(?:tablets|pills|caplets)\b",
       scope="text",
       requires=r"(?=.*\b(?:paracetamol|tylenol|acetaminophen|co-?codamol|panadol)\b)(?=.*\b"
                r"(?:taking|taken|took|had|swallowed|been having)\b)(?=.*\b(?:since|over the "
                r"(?:last|past)|in the (?:last|past)|yesterday|two days|2 days|three days)\b)"),
    _r("st.md.spurting", "medical", X,
       r"\b(?:spurts|spurting|pulsing out|pumping out)\b", scope="text",
       requires=r"\b(?:cut|sliced|blood|bleed\w*|bled|wound|gash|glass|knife)\b"),
    _r("st.md.calf_after_travel", "medical", M,
       r"\b(?:calf|leg)\b " + _gp(10) + r"(?:red|warm|hot|swollen|sore)\b", scope="text",
       requires=r"\b(?:flight|flew|long-haul|long haul|plane|long drive|surgery|operation|bed "
                r"rest)\b",
       unless=r"\b(?:gym|run|running|ran|workout|training|exercise|football|match|hike|hiking|"
              r"cycling|swim\w*|sunburn\w*|bite|bitten|tattoo)\b"),
    _r("st.md.chest_on_exertion", "medical", M,
       r"\b(?:tight|tightness|pain|pressure|heavy|heaviness|ache)\b " + _g(3) + r"(?:in )?(?:my |"
       r"his |her |the )?chest\b " + _gp(14) + r"(?:goes away|eases|stops|settles) when (?:i|he|"
       r"she) (?:stop|stops|rest|rests|sit|sits)", scope="text"),
    _r("st.md.diabetic_foot", "medical", M,
       r"\b(?:toe|toes|foot|feet|heel)\b", scope="text",
       requires=r"(?=.*\b(?:diabetic|diabetes)\b)(?=.*\b(?:black|blackened|gone dark|smell\w*|"
                r"pus|oozing|ulcer|will not heal|not healing)\b)"),
    _r("st.md.groin_injury", "medical", H,
       r"\b(?:groin|balls|testicles?|scrotum)\b", scope="text",
       requires=r"(?=.*\b(?:swollen|been sick|vomit\w*|throwing up|threw up)\b)(?=.*\b(?:still "
                r"hurts|hours? ago|really badly|agony|severe|getting worse)\b)"),
]
SRULES += PLAIN_MEDICAL_RULES
PLAIN_MEDICAL_IDS = frozenset(r.id for r in PLAIN_MEDICAL_RULES)

# Plans, threats and harm told plainly (1 Dec, sixth session; written from the misses on
# risk_probes_dev_k4 and dev_k5, two writers who read no code: the backstop read most of
# these as harm or abuse but only ``low``). Each pairs the act with what makes it real: the
# target's movements, a weapon for a named person, a dose asked about a person, a goodbye
# and then silence.
_THEM = r"(?:him|her|them)"
PLAIN_HARM_RULES: list[SRule] = [
    _r("st.ho.knows_movements", "harm_to_others", H,
       r"\b(?:know|knows|worked out|found out|figured out|got|have|learned|learnt|clocked|"
       r"memori[sz]ed|finally got)\b " + _g(3) + r"(?:where (?:he|she|they|(?:my|his|her|the) "
       r"(?:\w+ ){0,2}\w+) (?:parks|lives|works|"
       r"goes|drinks|walks|sleeps)|(?:his|her|their) (?:route|address|schedule|routine|shifts?)|"
       r"what time (?:he|she|they) (?:leaves|finishes|gets home|goes|leave|finish)|(?:that )?"
       r"(?:he|she|they) (?:parks|leaves|finishes|walks home|gets home|drives home|takes the))\b",
       scope="text", third=False,
       requires=r"\b(?:will not see it coming|(?:make|making) " + _THEM + r" (?:pay|suffer)|"
                r"want (?:" + _THEM[3:-1] + r"|my (?:\w+ )?\w+) to suffer|(?:pay|paying) " + _THEM + r" a visit|"
                r"(?:he|she|they) will need (?:a new|stitches|an ambulance|a doctor|a hospital)|"
                r"(?:going to|gonna|will|about to) (?:hurt|kill|get|deal with|sort out|finish|"
                r"stab|shoot|jump|batter|do|end) " + _THEM + r"|teach " + _THEM + r" a lesson|"
                r"(?:get|got|getting|have) (?:my )?revenge|what i am going to do to|(?:has|have) no "
                r"idea what is coming|will not know what hit)\b"),
    _r("st.ho.nobody_will", "harm_to_others", H,
       r"\bif i (?:can not|cannot|can't) have (?:her|him|them)(?: ,)? (?:then )?(?:(?:no ?one|nobody|"
       r"no one else) (?:will|can|else will|should)|neither (?:will|can|does|shall) (?:she|he|"
       r"they|anyone))\b"),
    _r("st.ho.weapon_for_them", "harm_to_others", H,
       r"\b(?:got|took|taken|have|grabbed|loaded|bought|sharpen\w*|keep|kept|carry\w*)\b " + _g(4)
       + r"(?:shotgun|gun|rifle|pistol|machete|knife|crossbow|axe|bat|hammer)\b", scope="text",
       third=False,
       requires=r"\b(?:(?:for|ready for) when (?:he|she|they|the \w+) (?:comes?|gets?|turns? up)|"
                r"(?:the (?:guy|man|woman|person|kid|boy|girl|lad|one|bloke)|who|whoever) (?:who |that )?"
                r"(?:hurt|raped|attacked|bullied|touched|killed|abused|beat) (?:my|me)|"
                r"lives (?:\w+ ){0,3}(?:over|away|down the road|round the corner|next door)|"
                r"(?:bring|bringing|take|taking) it (?:in|into school|to school|to work)|"
                r"reach for it|could kill|(?:walking|going|walk|go) back in there|who is laughing)\b"),
    _r("st.ho.dose_for_person", "harm_to_others", H,
       r"\b(?:how (?:much|many|long)|what (?:dose|amount)|which dose)\b " + _g(5) + r"(?:poison|"
       r"antifreeze|rat poison|bleach|arsenic|"
       r"insulin|pills?|tablets?|sleeping pills|weed ?killer)\b " + _g(6) + r"(?:take|takes|"
       r"work|to kill|be enough|is enough|would it take)\b", scope="text", third=False,
       requires=r"\b(?:(?:on|for|to kill|kill) (?:someone|somebody|(?:a|an) (?:person|grown "
                r"man|grown woman|adult|human|man|woman|fully grown))|(?:asking|it is|this is) (?:for|because of|about) "
                r"(?:my|her|his) (?:husband|wife|partner|dad|mum|mom|father|mother|boss|"
                r"neighbou?r|brother|sister|stepdad|stepmum|ex))\b"),
    _r("st.sh.painless_way", "self_harm", H,
       r"\b(?:least painful|most painless|painless|quickest|easiest|surest) (?:way|method)(?: "
       r"to (?:die|end it|not wake up|kill myself|end (?:it all|my life))\b| (?:[.?!,] )?"
       r"(?:asking for (?:me|myself)|for me|for myself)\b)", scope="text"),
    _r("st.sh.goodbye_then_silence", "self_harm", H,
       r"\b(?:texted|messaged|posted|said|saying|wrote|sent|left|put|rang|called|phoned)\b "
       + _gp(14) + r"(?:thank you "
       r"for everything|thanks for everything|see you (?:all )?on the other side|look after (?:my|"
       r"the) \w+|will not have to worry about me|sorry for everything|goodbye|bye everyone|"
       r"love you all|take care of (?:my|the|mum|mom|dad))\b", scope="text", third=True,
       requires=r"\b(?:(?:not|is not|will not|has not|hasn't|isn't|keeps not) (?:been )?"
                r"(?:picking up|answering|replying|responding|reading)|straight to voicemail|"
                r"goes to voicemail|phone (?:is |has been |was |went |'s been )?(?:off|dead|switched off)|"
                r"line went dead|(?:call|line) (?:dropped|cut off|went quiet)|hung up|"
                r"logged off|"
                r"(?:car|she|he|they) (?:is|are|has|have) (?:gone|disappeared)|"
                r"(?:can not|cannot|can't) (?:reach|get hold of|find|get through to) "
                r"(?:him|her|them)|no answer|no reply|(?:won't|will not) pick up)\b"),
    # (1 Dec, seventh session) the place, the rope, the drive: told flatly, without a word
    # for the act
    _r("st.sh.at_the_place", "self_harm", H,
       r"\bi am (?:now |already |just )?(?:at|on|up on|standing on|sitting on) (?:the|a) (?:\w+ )?"
       r"(?:bridge|cliffs?|cliff edge|"
       r"edge|ledge|roof|rooftop|railway|tracks|top of the (?:car park|multi-storey|building))\b",
       scope="text", third=False,
       requires=r"\b(?:quiet up here|up here|no one (?:is )?around|nobody (?:is )?around|"
                r"peaceful|goodbye|the drop|looking down|how high|the water below|it is time|"
                r"nice actually|cold up here|last time|goodbye|it is my choice|do not worry)\b",
       unless=r"\b(?:view|photos?|pictures?|sunset|sunrise|hike|hiking|walk|tour|date|picnic|"
              r"festival|concert|club|bar|pub|with (?:my|the|our) (?:friends|family|kids|dog|"
              r"mates|class)|fishing|train(?:spotting)?|lunch|work|shift)\b"),
    _r("st.sh.rope_and_knots", "self_harm", H,
       r"\b(?:bought|got|ordered|picked up) (?:a |some |the )?(?:rope|cord)\b", scope="text",
       third=False,
       requires=r"\b(?:knots?|how to tie|noose|beam|hook|how easy|strong enough|hold (?:my|the) "
                r"weight)\b",
       unless=r"\b(?:climbing|sailing|boat|camping|tent|hammock|swing|tree ?house|tug of war|"
              r"scouts?|dog|garden|washing line|clothes line|hanging (?:baskets|plants)|macrame|"
              r"crafts?|course|class|lesson|pulley|trailer|load)\b"),
    _r("st.sh.cleared_and_going", "self_harm", H,
       r"\b(?:driving|going|heading|walking|getting the train|taking the train) (?:to|up to|out "
       r"to) (?:the )?(?:cliffs?|bridge|edge|tracks|railway|quarry|gorge)\b", scope="text",
       third=False,
       requires=r"\b(?:deleted (?:all )?(?:of )?(?:my )?(?:socials|accounts|social media|"
                r"profiles)|cleared out my (?:room|stuff|things)|gave away|given away|wrote "
                r"(?:letters|notes|a letter|a note)|said (?:my )?goodbyes?)\b",
       unless=r"\b(?:view|photos?|pictures?|sunset|sunrise|hike|hiking|picnic|holiday|trip|"
              r"moving|new start|fresh start|detox)\b"),
    # (1 Dec, seventh session; from the misses on risk_probes_dev_l2, another writer)
    _r("st.sh.swallowed_the_lot", "self_harm", X,
       r"\b(?:swallowed|took|taken|downed|had) (?:all (?:of )?|the whole |my whole |the entire |"
       r"my entire |the rest of )(?:my |the |her |his )?(?:prescription|bottle|box|pack|packet|"
       r"strip|stash|supply|pills|tablets|meds)\b", scope="text", third=None,
       unless=r"\b(?:course of (?:antibiotics|treatment)|as prescribed|finished the course)\b"),
    _r("st.sh.pills_kicking_in", "self_harm", X,
       r"\b(?:pills|tablets|meds|stuff i took) (?:are |have |have started |started |'re )?"
       r"(?:kicking in|working|taking effect)\b", scope="text", third=False,
       requires=r"\b(?:if i stop (?:replying|answering|responding|texting)|goodbye|bye|for good|"
                r"this is it|sorry for|not waking|will not wake|love you all)\b"),
    _r("st.sh.log_off_for_good", "self_harm", H,
       r"\blog(?:ging|ged)? off for good\b|\blog(?:ging)? off (?:from )?(?:life|everything|"
       r"permanently|forever)\b", scope="text", third=False,
       requires=r"\b(?:from (?:everything|life|it all|this world)|doing it|do not be sad|do not "
                r"cry|sorry|goodbye|love you)\b"),
    _r("st.sh.last_time_hear", "self_harm", H,
       r"\bthe last time (?:you will|you'll|anyone will|anyone'll|you) (?:ever )?(?:hear|see|get "
       r"a message) from me\b", scope="text", third=False,
       unless=r"\babout (?:this|it|that)\b|\b(?:until|till|for a (?:while|bit|week|month)|i "
              r"promise|lol|haha|holiday|vacation|trip|wifi|signal|off to|travel\w*|camp|"
              r"festival|retreat|detox|exams?)\b", unless_after=80),
    _r("st.sh.stash", "self_harm", H,
       r"\b(?:stash|stockpile|hoard|saved up|been saving|saving up)\b", scope="text",
       third=False,
       requires=r"(?=.*\b(?:pills|tablets|meds|lithium|insulin|painkillers|paracetamol|sleeping "
                r"pills|prescription|\w+(?:ine|am|ol|ide))\b)(?=.*\b(?:not (?:going to|gonna) "
                r"say what for|just in case|for when i|when i am ready|in case i need|(?:[2-9]\d|"
                r"\d{3}) of (?:them|those))\b)",
       unless=r"\b(?:trip|travel\w*|holiday|abroad|shortage|pharmacy closes|expired|dispose|"
              r"take (?:them|it) back)\b"),
    _r("st.sh.years_enough", "self_harm", H,
       r"\b(?:\d+|nineteen|twenty|thirty|forty|fifty|sixty|seventy) years (?:is|are|has been|"
       r"have been|was) (?:enough|plenty|long enough)\b", scope="text", third=False,
       requires=r"\b(?:do it|going to|birthday|done|tired|kind of poetic|goodbye)\b",
       unless=r"\b(?:job|career|company|marriage|house|flat|car|team|club|school|teaching|"
              r"working|retire\w*|subscription)\b"),
    _r("st.sh.sleep_for_good", "self_harm", H,
       r"\b(?:planning|plan|going|gonna|about|ready|decided) (?:\w+ ){0,2}"
       r"(?:to )?(?:go to sleep|sleep|fall asleep|drift off) (?:for good|forever and not wake|and "
       r"(?:not|never) wake (?:up|back up))\b", scope="text", third=False,
       unless=r"\b(?:haha|lol|lmao|wiped (?:me )?out|knackered|exhausted|shattered|long week|"
              r"this week|nap|lie in|weekend)\b"),
    _r("st.sh.gone_before", "self_harm", H,
       r"\bmake sure i am gone (?:before|by)\b|\b(?:scheduled|timed|set up) (?:an |a )?(?:email|"
       r"message|post|text|tweet)s?\b", scope="text", third=False,
       requires=r"\b(?:explains everything|explain everything|goodbye|after i am gone|when i am "
                r"gone|gone before it sends|gone by then)\b"),
    _r("st.sh.giving_away_third", "self_harm", H,
       r"\b(?:giving|given|gave|been giving) away (?:all )?(?:of )?(?:his|her|their) (?:\w+ )?"
       r"(?:stuff|things|belongings|guitar|xbox|games|clothes|books|jewellery|jewelry|"
       r"collection|art)\b", scope="text", third=True,
       requires=r"\b(?:thanks for everything|thank you for everything|weirdly (?:happy|calm)|"
                r"suddenly (?:happy|calm|at peace)|said goodbye|hugged me|what i think it is|"
                r"at peace)\b",
       unless=r"\b(?:moving|move|moved|emigrat\w*|declutter\w*|minimalis\w*|new (?:flat|"
              r"house|job|city))\b"),
    _r("st.sh.dose_enough", "self_harm", H,
       r"\bhow (?:much|many) (?:of )?(?:my|her|his|their) (?:\w+ )?(?:insulin|pills|tablets|meds|"
       r"medication|prescription|\w+(?:ine|am|ol))\b (?:\w+ ){0,3}(?:would|will|is|it takes to) "
       r"(?:be )?(?:enough|too many|too much|fatal|lethal)\b", scope="text"),
    _r("st.sh.researched_what_works", "self_harm", H,
       r"\b(?:researched|looked up|googled|read up on|reading up on|been researching) (?:which|"
       r"what|how many|how much)\b", scope="text", third=False,
       requires=r"(?=.*\b(?:over the counter|otc|pills|tablets|meds|medication|paracetamol)\b)"
                r"(?=.*\b(?:how many|how much|would (?:actually )?work|enough)\b)(?=.*\b(?:"
                r"ordered|bought|arrives|got (?:them|it)|have (?:them|it))\b)",
       unless=r"\bfor (?:my|his|her|the) (?:\w+ )?(?:hay ?fever|cold|flu|cough|headache|"
              r"allergies|acne|back|migraine|period|cramps|toothache)\b"),
    _r("st.sh.charcoal", "self_harm", H,
       r"\b(?:charcoal|disposable barbecue|disposable bbq)\b", scope="text", third=False,
       requires=r"\b(?:tape|seal\w*|windows? (?:close|closed|shut)|small (?:room|flat|bathroom|"
                r"car)|in the car|do not know when|when yet)\b",
       unless=r"\b(?:grill\w*|cook\w*|sausages?|burgers?|party|garden|camping|steak|park|"
              r"drawing|sketch\w*|art|filter|activated|toothpaste|face mask)\b"),
    _r("st.sh.affairs_for_after", "self_harm", H,
       r"\b(?:passwords|bank (?:stuff|details|logins)|pin numbers|logins?)\b", scope="text",
       third=False,
       requires=r"\b(?:saves? everyone the hassle|for after|when i am gone|after i am gone|so "
                r"(?:nobody|no one) (?:is|has|gets)|hassle later|for whoever)\b",
       unless=r"\b(?:holiday|trip|surgery|operation|lawyer|solicitor|estate|travel\w*|password "
              r"manager|new job|baby|hospital stay|deployment)\b"),
    _r("st.sh.sorted_for_after", "self_harm", H,
       r"\b(?:sorted|ready|in order|taken care of|arranged|organised|organized) for "
       r"(?:after(?= [.!,]| *$)|when i am gone|afterwards)", scope="text", third=False),
    _r("st.sh.it_for_me", "self_harm", H,
       r"\bthis is (?:probably |likely |definitely |really )?it for me\b", scope="text",
       third=False,
       requires=r"\b(?:blades?|pills|rope|bath running|gg everyone|goodbye|bye everyone|love you "
                r"all|bridge|edge)\b"),
    _r("st.sh.finish_it_tonight", "self_harm", H,
       r"\b(?:going to|gonna|will|about to) (?:finish|end) it (?:all )?(?:tonight|today|now|this "
       r"weekend)\b", scope="text",
       requires=r"\b(?:walked out|before i could stop|do not know where (?:she|he|they) (?:went|"
                r"is|are)|cannot find|looking for (?:her|him|them)|not answering|goodbye|sorry "
                r"for everything)\b"),
    _r("st.sh.no_plan_but", "self_harm", M,
       r"\bi (?:do not|don't|dont) have (?:a |any )?plans? (?:yet )?(?:,|\.|;|but)? ?(?:i )?(?:just "
       r"|only |but )?(?:think about it|think about (?:dying|death|ending it|it all the time))",
       scope="text", third=False,
       requires=r"\b(?:suicid\w*|die|dying|kill myself|end it|not be here)\b"),
    _r("st.sh.hope_hit", "self_harm", L,
       r"\b(?:hope|hoping|wish|wishing) (?:that )?(?:a|the|some) (?:bus|car|truck|lorry|train|"
       r"plane) (?:would |will )?(?:hits?|runs? over|crash\w*|falls? on) me\b|\bis it normal to "
       r"hope (?:a|the) \w+ hits you\b", scope="text", third=False),
    _r("st.sh.let_me_not_wake", "self_harm", L,
       r"\b(?:ask|asking|beg|begging|pray|praying)\b (?:\w+ ){0,4}(?:to )?(?:just )?let me (?:not "
       r"wake up|die|slip away|never wake up)\b", scope="text", third=False),
    _r("st.sh.they_would_cope", "self_harm", M,
       r"\b(?:everyone|they|my family|people) (?:here |else )?(?:would|will) (?:cope|be fine "
       r"without me|manage without me|be better off|get over it|move on)\b", scope="text",
       third=False,
       requires=r"\b(?:be with (?:\w+ ){0,2}again|join (?:her|him|them)|not be here|be gone|"
                r"the only one who)\b"),
    _r("st.ab.finish_what_started", "abuse", H,
       r"\b(?:finish|finishing) what (?:he|she|they) started\b", scope="text",
       requires=r"\b(?:hospital|hit|beat|hurt|kill|last time|mum|mom|wife|girlfriend)\b"),
    _r("st.sh.see_you_never", "self_harm", H,
       r"\bsee (?:you|u|ya|y'?all) never\b", scope="text", third=False,
       unless=r"\b(?:lol|lmao|haha|jk|joking)\b"),
    _r("st.sh.no_worry_longer", "self_harm", M,
       r"\b(?:will not|won't|not|never) (?:have to|need to|gonna have to) worry about me "
       r"(?:much )?(?:longer|anymore|any more|for long|soon)\b"),
    _r("st.ho.hurting_dependent", "harm_to_others", H,
       r"\bi (?:have )?(?:started |been |keep |kept |sometimes |just )?(?:shake|shook|shaking|"
       r"hit|hitting|smack\w*|slap\w*|push\w*|shov\w*|kick\w*|chok\w*|squeez\w*) (?:my |our "
       r"|the )?(?:son|daughter|baby|child|kids?|toddler|little (?:sister|brother|one)|sister|"
       r"brother|mum|mom|mother|dad|father|nan|gran|grandma|grandad|her|him)\b", scope="text",
       third=False,
       requires=r"\b(?:head|hard|wall|floor|bruise\w*|(?:will not|won't) stop|screaming|crying|"
                r"when (?:mum|mom|dad|no one|nobody)(?:'s| is)? (?:out|away|home)|stopped myself|"
                r"every day|every time)\b"),
    _r("st.ho.pillow_over", "harm_to_others", H,
       r"\bi (?:\w+ )?(?:held|hold|holding|put|pressed|press) (?:a |the )?(?:pillow|cushion|"
       r"hand|hands) over (?:her|his|their|my \w+'s) (?:face|mouth)\b", third=False),
    # abuse told by what is done, not by its name
    _r("st.ab.pictures_back", "abuse", H,
       r"\b(?:sending|sends|sent|send) me (?:pictures|pics|photos|selfies)\b " + _g(6)
       + r"(?:asking|asks|wants?|wanting) (?:me )?(?:for )?(?:ones|some|pictures|pics|photos|"
       r"some back|one back|them back)\b|\bsays? (?:i am|i'm|im) (?:really |so |very )?mature "
       r"for (?:\d+|my age|a \d+)", scope="text"),
    _r("st.ab.forced_marriage", "abuse", H,
       r"\bmarr(?:y|ied|ying)\b", scope="text",
       requires=r"\b(?:(?:took|taken|take|hid|hidden|have|has|keep|kept) (?:my )?(?:phone and "
                r"(?:my )?|phone , (?:my )?)?passport|never (?:even )?met|against my will|"
                r"(?:making|make|made|forcing|force|forced) me)\b"),
    _r("st.ab.pet_threat", "abuse", H,
       r"\b(?:kill|hurt|drown|get rid of|poison|give away) (?:the|my|our) (?:dog|cat|pet|puppy|"
       r"kitten|rabbit)s? if i\b"),
    _r("st.ab.punishment_pose", "abuse", H,
       r"\bmakes? (?:me|us) (?:kneel on (?:rice|salt|peas|gravel)|stand (?:in the corner |"
       r"outside )?for hours|sleep (?:outside|in the garden|in the shed|on the floor))\b"),
    _r("st.ab.permission", "abuse", M,
       r"\b(?:have to|must|got to) ask (?:his |her |their |for )?permission (?:to|before i) "
       r"(?:go to the toilet|use the (?:toilet|bathroom|loo)|eat|leave the house|go out|see my|"
       r"shower|sleep)\b"),
    _r("st.ab.hurt_and_cut_off", "abuse", H,
       r"\b(?:will not|won't|does not|doesn't|stopped|stops) (?:let|letting) (?:her|him|them) "
       r"(?:call|see|visit|talk to|contact|phone) (?:us|me|her family|his family|anyone)\b",
       scope="text", third=True,
       requires=r"\b(?:split lip|black eye|bruis\w*|marks on|broken|limp\w*)\b"),
    _r("st.ab.left_alone_hungry", "abuse", H,
       r"\b(?:left|being left) (?:\w+ )?(?:on (?:their|his|her) own|alone|home alone|by "
       r"(?:themselves|himself|herself)) for (?:days|hours|whole days|the whole \w+)\b",
       scope="text", third=True,
       requires=r"\b(?:hungry|starving|black eye|bruis\w*|no food|dirty|crying)\b"),
    _r("st.ab.takes_money_pushes", "abuse", H,
       r"\b(?:takes?|took|taking|keeps?) my (?:pension|benefits|money|bank card|card|wages)\b",
       scope="text",
       requires=r"\b(?:push\w*|shov\w*|hit\w*|slap\w*|grab\w*|afraid|scared|frightened)\b"),
    _r("st.ab.secret_stuff", "abuse", H,
       r"\b(?:makes|made|make|making) (?:us|me) (?:do )?(?:stuff|things)\b " + _gp(8)
       + r"(?:(?:if|when) (?:we|i) tell|not to tell|not tell|our secret|feels? wrong|"
       r"uncomfortable|changing room)", scope="text"),
    _r("st.ab.night_visits", "abuse", H,
       r"\b(?:keeps|kept|has been|been) coming into my (?:room|bed) at night\b", scope="text",
       requires=r"\b(?:do not like|don't like|dont like|hurts?|touch\w*|i am (?:[5-9]|1[0-6])|"
                r"scared|what he does|what she does|not to tell)\b"),
    _r("st.ab.resident_hit", "abuse", M,
       r"\b(?:slap\w*|hit\w*|push\w*|shov\w*|kick\w*|rough with|hurt\w*) (?:a |the |one of the |"
       r"an )?(?:\w+ )?(?:resident|patient|client|service user)s?\b", third=True),
    # (1 Dec, seventh session; from the misses on risk_probes_dev_l1)
    _r("st.ho.means_over_sleeper", "harm_to_others", X,
       r"\b(?:holding|gripping|got|have|with) (?:the|a|my|his|her) (?:kitchen )?(?:hammer|knife|"
       r"gun|bat|axe|machete|pillow|cord|rope)\b", scope="text", third=False,
       requires=r"\b(?:(?:he|she|they|my (?:\w+ )?(?:wife|husband|partner|girlfriend|boyfriend|"
                r"son|daughter|baby|dad|mum|mom|mother|father|stepdad|flatmate|roommate)) (?:is|"
                r"are) (?:asleep|sleeping|in bed)|standing (?:over|by|in) (?:\w+ ){0,2}(?:bed|"
                r"doorway|cot|crib)|outside (?:his|her|their) (?:room|door|bedroom))\b"),
    _r("st.ho.lying_in_wait", "harm_to_others", X,
       r"\btonight(?:'s| is) the night\b|\bi am (?:already )?(?:here|there|outside|waiting)"
       r"(?: now)?\b", scope="text", third=False,
       requires=r"\b(?:planning (?:it|this)|(?:he|she|they) (?:leaves|walks|cuts through|comes "
                r"out|finishes|parks|gets home)\b " + _g(8) + r"(?:every|at closing|on "
                r"(?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)))\b",
       unless=r"\b(?:surprise|propos\w*|party|birthday|balloons|ring|gift|present|date|"
              r"anniversary|flowers|cake)\b"),
    _r("st.ho.break_neck", "harm_to_others", H,
       r"\b(?:going to|gonna|will|about to|want to) (?:\w+ )?(?:break|snap|wring) (?:his|her|their) "
       r"(?:\S+ )?neck\b", third=False),
    _r("st.ho.weapon_stowed", "harm_to_others", H,
       r"\b(?:shotgun|gun|rifle|pistol|knife|machete|bat|axe)(?:'s| is)? (?:already )?(?:in "
       r"(?:the|my) (?:trunk|boot|car|glovebox|glove box|bag|jacket|backpack|waistband))\b",
       scope="text", third=False,
       requires=r"\b(?:(?:walking|going|walk|go) back in there|who is laughing|who's laughing|"
                r"fired me|humiliated me|(?:make|making) (?:him|her|them) pay|(?:they|he|she) "
                r"will (?:all )?pay|see (?:his|her|their) face)\b"),
    _r("st.ho.finally_got", "harm_to_others", H,
       r"\bfinally (?:got|get|getting|do|did|deal with|dealt with) (?:him|her|them)\b",
       scope="text",
       requires=r"\b(?:if i (?:do not|don't|dont) come back|carries|carrying|gun|knife|blade|"
                r"strapped|beef\w*)\b"),
    _r("st.ho.put_in_hospital", "harm_to_others", H,
       r"\bi (?:am |will |'ll )?(?:going to |gonna )?(?:put|putting|send|sending) (?:him|her|"
       r"them|that \w+|the \w+) in (?:hospital|the hospital|a wheelchair|the ground|an early "
       r"grave|a coffin|a box|intensive care)\b", third=False),
    _r("st.ho.weapon_gone", "harm_to_others", X,
       r"\b(?:and )?so is (?:the|his|her|their) (?:\w+ )?(?:gun|rifle|shotgun|pistol|revolver)\b|"
       r"\b(?:gun|rifle|shotgun|pistol|revolver)\b " + _g(6) + r"(?:is |are |has )?(?:gone|"
       r"missing|not there)\b", scope="text", third=True,
       requires=r"\b(?:kill|shoot|hurt|threat\w*|said (?:he|she|they) would)\b"),
    _r("st.ho.they_will_get_it", "harm_to_others", H,
       r"\b(?:they|he|she) (?:will|'ll) (?:all )?(?:finally )?(?:get it|get what is coming|get "
       r"what (?:they|he|she) deserves?|pay|be sorry|regret (?:it|this))\b", scope="text",
       third=False,
       requires=r"\b(?:i have (?:the|their|a list of|a) (?:names|list)|(?:list|notebook) of names|"
                r"it is happening|before (?:graduation|the end of (?:term|the year|school)|prom))\b"),
    _r("st.ho.ammunition", "harm_to_others", H,
       r"\b(?:ammunition|ammo|bullets|rounds of)\b", scope="text", third=False,
       requires=r"\b(?:deserved? (?:it|this|what)|(?:my )?old (?:job|work|school|office)|the "
                r"people (?:at|in|who)|(?:they|he|she) will (?:all )?pay|letter is written|"
                r"manifesto)\b",
       unless=r"\b(?:range|hunting|deer|season|competition|clay|airsoft|paintball|game|games|"
              r"call of duty|fortnite|novel|story|film|movie|book|chapter|character)\b"),
    _r("st.ho.stay_home_warning", "harm_to_others", H,
       r"\b(?:people|those|everyone|the ones|anyone|friends) (?:\w+ ){0,2}(?:likes?|cares? "
       r"about|loves?) (?:\w+ ){0,2}(?:should|to|need to|better) (?:stay (?:home|away)|not come "
       r"(?:in|to school))\b", scope="text", third=True,
       requires=r"\b(?:guns?|rifle|shoot\w*|weapon|the day)\b"),
]
SRULES += PLAIN_HARM_RULES

# -- false alarms -------------------------------------------------------------------------

TRIVIAL_THINGS = (r"(?:tattoo|piercing|diary|report card|grades?|late|homework|chores"
                  r"|room|curfew|hair|dye|phone bill|car|clothes|outfit|makeup|leftovers"
                  r"|charger|the dishes|dishes|laundry|fridge|snacks|netflix|password"
                  r"|spoil\w*|finale|episode|game|console|xbox|switch|playstation|bike"
                  r"|the ending|texts|read her|read his|borrow\w*|eat\w*|ate|tell mom"
                  r"|tell dad|tell on)")

# a sentence that also names an act, a death or a finality is never switched off by a frame
NO_RISK = (r"^(?!.*\b(?:kill\w*|suicid\w*|die|dying|dead|death|end (?:it|my life)|overdos\w*"
           r"|jump\w*|hang\w*|noose|not (?:be )?(?:here|around)|not coming back|talk me out"
           r"|forever|pills|sorry|last time|razor|gun|other side|heaven|next life|better place"
           r"|see you never|can ?not do this|cannot (?:take|go on)|any ?more|one last)\b)")

FALSE_ALARMS: list[tuple[str, re.Pattern]] = [
    ("overdose_on_media", _rx(r"\boverdos\w* on (?:netflix|tv|youtube|tiktok|anime|coffee"
                              r"|caffeine|sugar|candy|chocolate|memes|content|sleep"
                              r"|vitamin \w+|gaming|series|reality tv|love|kdramas?|k-dramas?"
                              r"|cute|carbs|pizza)")),
    ("die_laughing", _rx(r"\b(?:die|dying|died|dead) (?:of |from )?(?:laughing|laughter"
                         r"|embarrassment|cringe|cuteness|boredom|shame)|\bto die for\b"
                         r"|\b(?:laughed|laughing) so hard\b")),
    ("with_kindness", _rx(r"\b(?:kill|killing|murder) (?:him|her|them|you|it|everyone)"
                          r" with kindness")),
    ("game_or_benign_verb", _rx(r"\bhits? me with " + _g(3) + r"(?:jokes?|puns?|questions?"
                                r"|facts|news|compliments|texts|memes|pillows?|snowballs?"
                                r"|reality|truth|bad news|dad jokes)\b|\bbeat (?:me|us|him|her) (?:at|in)\b|\bpushed me to "
                                r"(?!the )\w+|\bhits? me up\b|\bhit me with (?:a|the) "
                                r"(?:pillow|snowball|water balloon|question|news|truth)")),
    ("trivial_threat", _rx(r"\b(?:kill|murder|unalive|end|strangle|slaughter) me\b " + _g(6)
                           + r"(?:if|when|for) " + _g(4) + TRIVIAL_THINGS + r"\b")),
    ("discipline", _rx(r"\b(?:took|takes|take) my (?:phone|laptop|xbox|switch|ipad|tablet"
                       r"|console|playstation) away\b|\bgrounded me\b")),
    ("past_panic", _rx(r"\bthought i was (?:dying|going to die|having a heart attack)\b "
                       + _g(6) + r"(?:passed|panic|anxiety|okay now|fine now|it was)")),
    ("screening_no", _rx(r"\basked (?:me )?" + _g(10) + r"(?:and )?i said no\b")),
    ("asking_how", _rx(r"\b(?:how (?:do|would|should|can) (?:you|i|we|one)|(?:the )?(?:best|right"
                       r"|kindest|safest|a good) way to) (?:ask|talk to|help|check on"
                       r"|support|approach) (?:someone|somebody|a person|a client|a colleague"
                       r"|a coworker|a co-worker|a friend|a student|an employee|a team member"
                       r"|people|clients|patients|students|callers|colleagues)\b")),
    # a term asked about ("what does 'suicidal ideation' mean?"; quotes are gone here), not
    # a feeling ("what does it mean that i want to die", "what does wanting to die mean")
    ("definition", _rx(r"\bwhat (?:does|do) (?:the (?:word|term|phrase) )?(?!(?:it|that|this|i|"
                       r"my|me|wanting|feeling|thinking|when)\b)(?:[\w-]+ ){1,3}(?:mean|stand for)"
                       r"(?: \?|\s*$)")),
    ("research", _rx(r"\b(?:researchers|scientists|studies|a study|the study|evidence|data)"
                     r" (?:found|find|show|shows|showed|suggest|suggests)\b")),
    ("art_about", _rx(r"\b(?:poetry|poems?|songs?|novels?|books?|films?|movies?|paintings?"
                      r"|lyrics|album|art|music) " + _g(6) + r"(?:is|are|was|were) (?:all )?"
                      r"about (?:wanting to die|suicide|death|dying|self-harm|self harm)")),
    ("mundane_absence", _rx(r"\b(?:will not|won't|not going to) be (?:here|around|online"
                            r"|in) " + _g(3) + r"(?:tomorrow|this weekend|next week|tonight"
                            r"|today|for a (?:bit|while|few days|week))\b " + _g(4)
                            + r"(?:appointment|dentist|doctor|camping|holiday|vacation|trip"
                            r"|travel\w*|work|visiting|wedding|conference|festival|exam"
                            r"|offline|away)")),
    ("will_life_event", _rx(r"\b(?:made|wrote|updated) (?:my|a|our) will\b " + _g(5)
                            + r"(?:because|since|baby|married|wedding|house|mortgage"
                            r"|lawyer|adult|solicitor|estate)")),
    ("past_escaped", _rx(r"\bused to " + _g(3) + r"(?:hit|beat|hurt|abuse|slap)\b " + _g(8)
                         + r"(?:got out|i left|left (?:him|her|them)|safe now|escaped"
                         r"|moved out|years? ago)")),
    ("past_overdose_sober", _rx(r"\b(?:years?|months?) (?:sober|clean)\b " + _g(10)
                                + r"(?:remember|never going back|since)|\b(?:remember|"
                                r"remembering) the (?:night|day|time) i (?:overdosed|od)")),
    ("one_more_chore", _rx(r"\bif (?:\w+ ){0,4}(?:leaves|leave|leaving|does|uses|eats|takes|"
                           r"plays|sings|hogs) (?:one more|another|that|the|his|her|their|my) "
                           + _g(3) + r"(?:towels?|socks?|mugs?|cups?|plates?|dishes|wrappers?|"
                           r"shoes|crumbs|song|lights? on|snacks?|leftovers|charger|toilet seat|"
                           r"remote)\b")),
    ("kid_wears_me_out", _rx(r"\btrying to kill (?:me|us) with (?:how|his|her|their|the|all|"
                             r"this|that|these|those)\b")),
    ("account_moving", _rx(r"\b(?:last|final) (?:goodbye )?post (?:on|from) (?:this|my old|the "
                           r"old) (?:account|page|blog|channel)\b(?=.*\b(?:new (?:handle|"
                           r"account|name|username|page|profile|channel)|moving (?:everything )?"
                           r"(?:over )?to|switching to|follow me)\b)")),
    ("business_closing", _rx(r"\b(?:goodbye|farewell|last|final)\b(?=.*\b(?:(?:cafe|shop|store|"
                             r"restaurant|bar|pub|bakery|business|studio|salon|bookshop|bookstore|"
                             r"market|stall) (?:closes|is closing|will close|shuts|is shutting)|"
                             r"closing (?:its|our) doors)\b)")),
    ("trivial_kill", _rx(r"\b(?:kill|murder|strangle|end|slaughter) (?:him|her|them|my \w+)"
                         r"\b " + _g(8) + TRIVIAL_THINGS + r"\b")),
    ("exertion_die", _rx(r"\b(?:run|ran|running|race|marathon|\d+k|spin class|workout|hike"
                         r"|hiked|climb\w*|leg day|burpees|gym|sprint\w*|training)\b " + _g(8)
                         + r"thought (?:i was (?:going to|gonna)|i would|i'd) die\b")),
    ("exertion_normal", _rx(r"\b(?:normal for me|always happens|happens every time|when i "
                            r"(?:run|exercise|work out|climb|sprint))\b")),
    ("jump_into_water", _rx(r"\bjump(?:ing)? (?:off|from) (?:the |a )?(?:pier|dock|diving "
                            r"board|boat|rocks?|jetty|cliff|bridge) into (?:the )?(?:lake|water"
                            r"|sea|pool|river|ocean)\b")),
    ("benign_task", _rx(r"\b(?:knife|blade|razor)\b " + _g(8) + r"(?:chopping|cooking|slicing"
                        r"|dicing|dinner|kitchen|recipe|carving|whittling|shaving|opening)"
                        r"|\b(?:roof|rooftop|ledge|balcony)\b " + _g(6) + r"(?:fixing|repairing"
                        r"|cleaning|gutters?|antenna|solar|shingles|drinks|party|bar|view"
                        r"|sunbathing|garden|photos)")),
    ("as_prescribed", _rx(r"^(?!.*\b(?:more than|than prescribed|too many|extra|double|twice"
                          r"|overdos\w*|a bunch|a handful|whole)\b).*?"
                          r"\b(?:took|taken|take|taking) " + _g(5) + PILL + r"\b " + _g(6)
                          + r"(?:over the (?:week|month|day)|for today|on time|as prescribed"
                          r"|like the doctor said|with (?:food|breakfast|dinner|water)"
                          r"|every (?:day|morning|night))|\bvitamin\b")),
    ("other_subject_wish", _rx(r"\bwish (?:it|this|that|he|she|they|my (?!self)\w+|the \w+"
                               r"|this \w+) would (?:just )?(?:disappear|vanish|go away|die"
                               r"|leave|stop)\b")),
    ("moving_on", _rx(r"\bneed (?:it|them) (?:after|when|once|for|in|at|until) (?:\w+ )?"
                      r"(?:graduation|college|uni|university|school|the move|moving|i move"
                      r"|we move|the baby|next year|my new|the summer)|\bto (?:the )?charity\b"
                      r"|\bdonat(?:e|ing|ed)\b|\b(?:moving|relocating|emigrating) (?:to|abroad"
                      r"|house|out|across|overseas|in with)\b|\bdeclutter\w*|\bminimalis\w*"
                      r"|\b(?:garage|yard|moving) sale\b|\bcar boot\b")),
    # means bought or kept for a named everyday purpose ("rope for the tent", "a knife for
    # the kitchen"), a plan for a named everyday thing ("a plan for my finances")
    ("means_for_purpose", _rx(r"\b(?:rope|cord|twine|knife|knives|blades?|razors?|charcoal"
                              r"|helium|bleach|hose|ladder|tarp)\b " + _g(2) + r"for (?:the|my|a|an"
                              r"|our|some|his|her|their) (?!(?:end|job|last|final|neck|throat"
                              r"|wrists?|head|purpose|plan|reason)\b)\w+")),
    ("plan_for_purpose", _rx(r"\b(?:a|the|my|our) plan (?:for|to (?:save|pay|get|study|find|fix"
                             r"|start|finish|move|lose|build|learn|sort|tackle|handle|deal)) "
                             r"(?:my|the|our|a|this|next|it|them|how|paying|saving|getting)?"
                             r" ?(?!(?:death|end|suicide|funeral|last|final|it\b|tonight|when"
                             r"|after))\w+")),
    ("pill_organiser", _rx(r"\b(?:weekly|daily|pill|tablet|med|medication) (?:organi[sz]ers?"
                           r"|box|boxes|dispensers?|planners?|tins?|cases?)\b|\bdosette\b")),
    ("trivial_sleep_forever", _rx(r"\bsleep forever after " + _g(3) + r"(?:finals|exams?"
                                  r"|week|shift|semester|term|move|wedding|party)")),
    # -- frames (issue 4): general shapes of harmless talk that borrows risk words. Each
    # names the frame, not an item; where the frame does not itself carry the risk word a
    # guard (_NO_RISK) keeps any sentence that also says something dangerous.
    # a high or exposed place plus a spectator's, leisure or commuting purpose ("on the
    # roof watching the fireworks", "on the platform, the train is late again")
    ("benign_purpose_place", _rx(NO_RISK + r".*\b(?:bridge|roof|rooftop|ledge|balcony|platform"
                                 r"|cliff|cliffs|edge|top floor|overpass)\b.*\b(?:fireworks|sunset"
                                 r"|sunrise|photos?|pictures?|pics|selfies?|enjoy\w* the view"
                                 r"|parade|stars|concert|drinks|bbq|picnic|(?:train|bus|tram)"
                                 r" (?:is|was|'s) (?:\w+ ){0,3}(?:late|delayed|cancelled)|commute"
                                 r"|classic)\b")),
    # exasperation: a death word tied to an everyday trigger recurring, with a joke marker
    # ("kms if the wifi drops one more time lol")
    ("exasperation_joke", _rx(r"^(?=.*(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|jk|smh|ugh)\b|😂|🤣|💀))"
                              r"(?!.*\b(?:he|she|they|leaves?|left|dumps?|breaks? up|hits?|hurts?)\b)"
                              r".*\b(?:kms|kys|kill (?:myself|me)|die|unalive myself|end it)\b"
                              r" (?:\w+ ){0,2}if\b.*\b(?:one more time|again|another|once more)\b")),
    # ... and the other order: "if i see one more group project i'm throwing myself into
    # the sea (jk)"
    ("exasperation_joke_if_first", _rx(
        r"^(?=.*(?:\b(?:lol|lmao|lmfao|rofl|haha\w*|jk|smh|ugh)\b|😂|🤣|💀))"
        r"(?!.*\b(?:he|she|they|leaves?|left|dumps?|breaks? up|hits?|hurts?)\b)"
        r".*\bif\b (?:\w+ ){0,4}(?:one more|another|again)\b.*\b(?:kms|kill myself|die|"
        r"unalive myself|end it|throw(?:ing)? myself|jump(?:ing)? (?:off|out))\b")),
    # a risk word as the *topic* of study, teaching or care work ("my essay is about
    # self-harm", "our training covered how to ask about suicide", "why do people self harm")
    ("topic_of_study", _rx(r"^(?!.*\bmy (?:own )?(?:self[- ]?harm|cutting|suicid|scars))"
                           r"(?!.*\b(?:i|i'?ve|i'?m|i am|i have) (?:been )?(?:self[- ]?harm\w*"
                           r"|cut\w*|tried|attempted|suicidal|want\w*)\b)"
                           r".*(?:\b(?:essay|class|course|training|lesson|lecture|module|teacher"
                           r"|professor|patients|clients|students|workshop|project|paper"
                           r"|assignment|curriculum|seminar|talk|presentation)\b.*\b(?:about"
                           r"|on|covered|covering|touched on|discuss\w*|ask(?:ing)? about"
                           r"|understand\w*)|\bwhy do(?:es)? (?:people|someone|teens|kids"
                           r"|anyone)) (?:\w+ ){0,2}(?:self[- ]?harm\w*|suicid\w+|cutting)\b")),
    # a physical verb whose goal is a harmless place or push to do better ("dragged me to the
    # dance floor", "my coach pushes us hard in training", "threw me a surprise party")
    ("benign_physical", _rx(r"^(?!.*\b(?:hit|hits|hitting|beat|beats|punch\w*|slap\w*|kick\w*"
                            r"|chok\w*|strangl\w*|hurt\w*|bruis\w*|bleed\w*|threat\w*|scared|afraid"
                            r"|held me|pinned|forced|against the wall|hair)\b).*(?:"
                            r"\b(?:drag(?:s|ged|ging)?|pull(?:s|ed|ing)?) (?:me|us) (?:\w+ ){0,2}"
                            r"(?:to|onto|into|out to|along to) (?:the |a |this |that |my |our )?"
                            r"(?:dance ?floor|party|club|mall|shops?|gym|concert|movies|cinema"
                            r"|karaoke|bar|pub|beach|park|dinner|lunch|brunch|church|class|game"
                            r"|festival|wedding|store|shopping|stage)\b"
                            r"|\bpush(?:es|ed|ing)? (?:me|us) (?:to (?!the\b|death\b|the edge)\w+"
                            r"|(?:really |so |very )?hard(?:er)? (?:in|at|during|every) (?:training"
                            r"|practice|class|school|the gym|rehearsal)|(?:really |so |very )?hard"
                            r"(?:er)?\b.*\bbut (?:he|she|they) (?:is|are) fair)"
                            r"|\bthrew (?:me|us) a (?:\w+ )?(?:party|celebration|shower|bash)\b"
                            r"|\b(?:mum|mom|dad|parents?|mother|father) took my (?:phone|laptop"
                            r"|tablet|ipad|console|switch|xbox)\b)")),
    # a passive wish scoped to a social setting or an embarrassing moment ("disappear from
    # this group chat", "stop existing in this meeting")
    ("scoped_disappear", _rx(r"\b(?:unalive|kill|delete|remove|block) \w+(?: \w+)? from (?:my|the"
                             r"|this|our) (?:\w+ )?(?:followers|instagram|feed|contacts|friends list"
                             r"|group ?chat|story|stories|photos|pictures)\b"
                             r"|\b(?:disappear|vanish|stop existing|not exist|cease to exist)"
                             r"(?: \w+)? (?:from|in|out of) (?:this|the"
                             r"|that|my|our) (?:\w+ )?(?:group ?chat|chat|class|meeting|room"
                             r"|party|conversation|followers|instagram|feed|office|call|photo"
                             r"|pictures?|friend group)\b"
                             r"|\b(?:wanna|want to|wish i could) (?:just )?(?:disappear|vanish)"
                             r"\b.*\b(?:cringe|embarrass\w*|awkward|waved|mortif\w*)")),
    # a farewell to a stage of life or a place, or a travel farewell ("goodbye to my
    # twenties", "see you all in two weeks", "my last day on friday")
    ("farewell_to_thing", _rx(NO_RISK + r".*(?:\b(?:goodbye|bye|farewell) to (?:my|the|this|that"
                              r"|our) (?!life|family|kids|friends|world|everyone)\w+"
                              r"|\bsee (?:you|ya) (?:all |guys |everyone )?(?:in (?:\w+ )?(?:days?"
                              r"|weeks?|months?)|next|soon|tomorrow|on|at|when)\b"
                              r"|\b(?:my|it'?s my|is my) last (?:day|shift|week) (?:at|of|on|is)?"
                              r"|✈️)")),
]


def false_alarm(norm_sentence: str) -> str | None:
    """The name of the benign use a sentence shows, or None."""
    c = canonical(norm_sentence).text
    for name, rx in FALSE_ALARMS:
        if rx.search(c):
            return name
    return None


# -- scanning ------------------------------------------------------------------------------

_CLAUSE_SPLIT = re.compile(r" (?:[.!?;\n:]+ )+| (?:but|though|although|however|whereas|yet"
                           r"|except) |, (?:but|and now|now) ")
_SENT_SPLIT = re.compile(r" (?:[.!?\n]+ )+")


@dataclass
class Candidate:
    rule: SRule
    start: int  # offsets in the original text
    end: int
    third: bool | None


def _pieces(text: str, splitter: re.Pattern) -> list[tuple[int, int]]:
    cuts = [0]
    for m in splitter.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    return [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2) if cuts[i + 1] > cuts[i]]


def scan(norm: str) -> list[Candidate]:
    """Compositional candidates in a lower-cased text (offsets into it)."""
    canon = canonical(norm)
    c = " " + canon.text + " "  # pad so splitters see their spaces at the edges
    scopes = {"clause": _pieces(c, _CLAUSE_SPLIT), "sentence": _pieces(c, _SENT_SPLIT),
              "text": [(0, len(c))]}
    out: list[Candidate] = []
    for rule in SRULES:
        for a, b in scopes[rule.scope]:
            piece = c[a:b]
            for m in rule.pattern.finditer(piece):
                if m.end() <= m.start():
                    continue
                if rule.id in _STANCE_RULES and _NEG_IN.search(m.group()):
                    continue  # "i'm not going to hurt myself", "i would never kill myself"
                if rule.unless is not None and rule.unless.search(
                        c[a + m.start():a + m.end() + rule.unless_after] if rule.unless_after
                        else c):
                    continue  # a benign purpose stated in the message (or right after)
                if rule.id in _NEG_BEFORE and _NEG_IN.search(
                        " ".join(c[max(0, a + m.start() - 40):a + m.start()].split()[-3:])):
                    continue  # "i'll never understand why he did it"
                if rule.requires is not None:
                    ms, me = a + m.start(), a + m.end()
                    rest = c[:ms] + " " * (me - ms) + c[me:]
                    if not rule.requires.search(rest):
                        continue
                cs, ce = a + m.start() - 1, a + m.end() - 1
                os_, oe = canon.orig(max(cs, 0), ce)
                if oe <= os_:
                    continue
                third = rule.third
                if third is None:
                    third = _third(m.group())
                out.append(Candidate(rule, os_, oe, third))
    return out


_STANCE_RULES = {"st.sh.intent", "st.sh.intent_now", "st.sh.thought", "st.sh.want_die",
                 "st.ho.intent", "st.ho.thought", "st.ho.run_over", "st.ho.intent_now",
                 "st.sh.join_dead", "st.sh.family_pull", "st.ho.smash"}
_NEG_BEFORE = {"st.sh.family_pull", "st.sh.join_dead", "st.sh.passive_more"}
_NEG_IN = re.compile(r"\b(?:not|never|no longer|no way|nobody|no one)\b")

_THIRD_RX = re.compile(r"\b(?:himself|herself|themselves|themself|his own life|her own life"
                       r"|their own life|his life|her life|their life)\b")
_FIRST_RX = re.compile(r"\b(?:myself|my self|my own life|my life)\b")


def _third(match: str) -> bool | None:
    """Third person when the act is reflexive on someone else; else left to the matcher."""
    if _FIRST_RX.search(match):
        return False
    if _THIRD_RX.search(match):
        return True
    return None
