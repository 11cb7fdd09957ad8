"""Risk assessment of a message in its conversation.

Two readers, recall first:

1. the lexicon (``lexicon.py``): explicit patterns with a category and a level, read with
   context rules: negation ("I'm not suicidal"), jokes and trivial causes ("I could murder
   a burger", "kill myself if I hear that song again lol"), fiction and essays (a novel's
   plot, a paper on prevention), recovery stories ("used to self-harm, 3 years clean"),
   third-person reports (a friend at risk still counts, flagged ``third_person``);
2. the encoder backstop on the shared embedding (``head.py``, shipped in
   ``models/risk``): a linear softmax plus a nearest-neighbour margin over written examples
   and hard negatives. When the lexicon found nothing and no false-alarm check switched
   anything off, a firing backstop adds its category and level; a lexicon finding two steps
   below the backstop's level in the same category is raised one step. It never lowers a
   finding, and a false-alarm check (figurative, fiction, recovery, ...) vetoes it. (An
   optional C-SSRS head, trained with ``--data``, lifts quiet post-length texts to ``low``.)

Long messages are read in full: the patterns run over the whole text and the head over
every window. Non-English text is flagged ``language_supported: false``; English phrases
inside it and a few unambiguous phrases in other languages still count.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, replace
from typing import Iterable, Sequence

from pydantic import BaseModel, Field

from . import lexicon as lx
from . import structure as st
from .immediacy import at_the_edge_now, present_scene
from .levels import CATEGORY_PRIORITY, LEVELS, Level, max_level
from .plans import STOP_MEDICINE, STOP_TREATMENT

# The C-SSRS head was trained on Reddit posts (hundreds of characters); on short chat
# messages its scores barely separate risk from everyday talk, so it only lifts texts of
# post length. Short messages rely on the lexicon and the exemplar head.
CSSRS_MIN_CHARS = 300

# Sentence readings (``RiskAssessor._read_sentences``): how much more a sentence's blend
# must reach than a message's, and how far under the watch threshold a message may read
# and still be split. Chosen on 4,000 ESConv train seeker messages (at most 0.1% more of
# them flagged) and on the long-message development file dev_k1.
SENTENCE_OFFSET = 0.25
SENTENCE_GATE = 1.0
# A single sentence shorter than this is read only with its neighbour: "just wanted to
# share" alone looks like a goodbye to the examples (6 words: two false alarms fewer on
# dev_k4, no change on dev_k1, k3, k5 or ho).
SENTENCE_MIN_WORDS = 6

LEVEL_SCORE = {Level.none: 0.0, Level.low: 0.35, Level.moderate: 0.6, Level.high: 0.8,
               Level.imminent: 0.95}


class Evidence(BaseModel):
    """A span of the message that carries risk, and why."""

    start: int
    end: int
    text: str
    category: str
    level: Level
    rule: str = Field(description="lexicon rule id, 'model' for the trained head, "
                                  "'conversation.*' for running-level rules")
    third_person: bool = False


class Assessment(BaseModel):
    """The risk in one message (and, in a conversation, the running level)."""

    level: Level
    category: str | None
    categories: dict[str, Level] = Field(default_factory=dict)
    evidence: list[Evidence] = Field(default_factory=list)
    score: float = 0.0
    model_score: float | None = None
    language_supported: bool = True
    third_person: bool = False
    suppressed: list[str] = Field(default_factory=list,
                                  description="rule ids switched off, with the reason")
    running_level: Level | None = None
    running_category: str | None = None

    def public(self) -> dict:
        """The CLI/API contract: level, category, evidence, score, language_supported."""
        return {
            "level": self.level.value,
            "category": self.category,
            "evidence": [e.model_dump(mode="json") for e in self.evidence],
            "score": self.score,
            "language_supported": self.language_supported,
        }


# -- text helpers ---------------------------------------------------------------------------

def normalize(text: str) -> str:
    """Lower-case and straighten quotes without changing any offset."""
    out = []
    for ch in text:
        if ch in "\u2019\u2018`\u00b4\u02bc":
            out.append("'")
        elif ch in "\u201c\u201d":
            out.append('"')
        else:
            low = ch.lower()
            out.append(low if len(low) == 1 else ch)
    return "".join(out)


_SENT = re.compile(r"[.!?\n]+")
_CLAUSE = re.compile(r"[.!?;\n]+|\s(?:but|though|although|however|except|yet|until|now|"
                     r"and now|these days|nowadays|then|because)\s|,\s*(?:but|now|and now)\s")


def _spans(text: str, splitter: re.Pattern) -> list[tuple[int, int]]:
    cuts = [0]
    for m in splitter.finditer(text):
        cuts += [m.start(), m.end()]
    cuts.append(len(text))
    spans = [(cuts[i], cuts[i + 1]) for i in range(0, len(cuts) - 1, 2)]
    return [s for s in spans if s[1] > s[0]] or [(0, len(text))]


def _find(spans: list[tuple[int, int]], starts: list[int], pos: int) -> tuple[int, int]:
    i = max(0, bisect_right(starts, pos) - 1)
    return spans[i]


_EN_WORDS = set("""
the a an and or but i i'm im i've ive me my mine you your he she it we they them him her his
their is are was were be been am do does did don't dont not no so to of in on at for with
this that what when why how just like really can can't cant will would could should have has
had get got go going want know feel think anymore all about from up out there here if
""".split())


_FOREIGN_WORDS = set("""
el la los las y en es que qué de del por para con una uno mi mis su muy pero está estoy
todo nada nadie porque como cuando ya más también yo tu tú eso esto soy hay
le les et est je tu il elle nous vous ils sont dans pour avec une des du au pas ne
mais très tout rien personne parce quand moi toi ça c'est j'ai
der das und ist ich nicht ein eine mit auf für sich mein meine aber sehr alles nichts
niemand weil wenn auch bin hat ihr wir sie
o os um uma não eu você ele ela com são muito mas tudo ninguém porque quando também
il lo gli è non sono che una per con ma molto tutto niente nessuno perché quando anche
het een en ik niet je is zijn met voor maar heel alles niets niemand omdat als ook wij
""".split())


def language_supported(text: str) -> bool:
    """True for (mostly) English; a cheap script and stop-word check, not a classifier."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return True
    non_latin = sum(1 for c in letters if ord(c) > 0x024F)
    if non_latin / len(letters) > 0.3:
        return False
    words = re.findall(r"[a-zà-öø-ÿ']+", normalize(text))
    if len(words) < 4:
        return True
    english = sum(1 for w in words if w in _EN_WORDS)
    foreign = sum(1 for w in words if w in _FOREIGN_WORDS and w not in _EN_WORDS)
    if foreign == 0 and all(c.isascii() for c in letters):
        # Terse or misspelt English ("stress level decreasing any doctor consults") has few
        # common words, but nothing in it points to another language.
        return True
    return english / len(words) >= 0.12 and english >= foreign


def _in_quotes(norm: str, sent: tuple[int, int], pos: int) -> bool:
    """Whether ``pos`` sits between an odd number of quote marks in its sentence."""
    before = norm[sent[0]:pos]
    if len(re.findall(r'["«»]', before)) % 2 == 1:
        return True
    # an opening quote right before the span ("say 'I want to die young'") needs the
    # span's first letter to be seen as opening
    before = norm[sent[0]:pos + 1]
    return len(re.findall(r"(?<![\w'])'(?=\w)", before)) > len(
        re.findall(r"(?<=[\w.!?,])'(?![\w'])", before))


@dataclass
class _Hit:
    rule: lx.Rule
    start: int
    end: int
    level: Level
    third: bool


_FIRST_SUBJ = re.compile(r"\b(?:i|i'm|im|i've|ive|i'll|i'd|me|my|myself)\b")
_THIRD_SUBJ = re.compile(r"\b(?:he|she|they|he's|she's|they're|him|her|them|his|their|"
                         r"himself|herself|themselves|themself|friend|bestie|bff|brother|"
                         r"sister|son|daughter|mom|mum|mother|dad|father|roommate|flatmate|"
                         r"classmate|coworker|colleague|partner|husband|wife|boyfriend|"
                         r"girlfriend|bf|gf|cousin|kid|child|student|someone i know|"
                         r"uncle|aunt|grandma|grandpa|neighbou?r)\b")
_REAL_PERSON = re.compile(r"\b(?:my|our|a) (?:\w+ )?(?:friend|bestie|bff|brother|sister|son|"
                          r"daughter|mom|mum|mother|dad|father|roommate|flatmate|classmate|"
                          r"coworker|co-worker|colleague|partner|husband|wife|boyfriend|"
                          r"girlfriend|bf|gf|cousin|kid|child|student|uncle|aunt|grandma|"
                          r"grandpa|grandad|granddad|grandfather|grandmother|gran|granny|nan|nana|stepdad|stepmom|"
                          r"stepmum|fianc[eé]e?|mate|toddler|baby|twin|nephew|niece|"
                          r"neighbou?r|teammate|client|patient|ex)\b|someone i know|"
                          r"\b(?:he|she|they|his|her)\b|\b(?:mum|mom|dad|mama|papa|nan|nana|gran|granddad|"
                          r"granny|grandad|grandpa|grandma)\b|^(?:friend|bestie|roommate|flatmate|"
                          r"colleague|coworker|brother|sister|partner|husband|wife|boyfriend|"
                          r"girlfriend|son|daughter)\b|\b(?:a|one|this|some) (?:guy|girl|kid|boy|man|"
                          r"woman|person|member|user) (?:in|on|from|at) (?:my|our|the)\b")


def _third_person(norm: str, clause: tuple[int, int], start: int, end: int, category: str
                  ) -> bool:
    """Is the person at risk someone other than the writer?"""
    if category in ("abuse",):
        return False
    span = norm[start:end]
    if re.search(r"\b(?:my ?self|myslef|meself|my|me|i)\b", span):
        return False
    if re.search(r"\b(?:him ?self|her ?self|them ?selves|them ?self|his|their|he|she|they)\b",
                 span):
        return True
    before = norm[clause[0]:start]
    last_first = max((m.end() for m in _FIRST_SUBJ.finditer(before)), default=-1)
    last_third = max((m.end() for m in _THIRD_SUBJ.finditer(before)), default=-1)
    return last_third > last_first


_SERIOUS = re.compile(r"\b(?:i'?m (?:dead |deadly |so )?serious|not (?:joking|kidding)|"
                      r"i mean it|no joke|for real|fr|not the type to joke|means it)\b")


def _figurative(kind: str, sentence: str) -> bool:
    if _SERIOUS.search(sentence):
        return False
    joke = bool(lx.HUMOR.search(sentence))
    cause = bool(lx.TRIVIAL_CAUSE.search(sentence))
    if kind == "strong":
        return joke or cause
    return joke and (cause or bool(lx.REACTIVE.search(sentence)))


# What people say around a plan that names no act (issue 4): the setting is kept secret or
# cleared ("everyone will be out", "it's in my closet"), the benign purpose is denied ("not for
# camping"), the return is ruled out ("not coming back"), the decision is settled ("made peace
# with it", "so I don't ruin it for her", "in case I go through with it", "I just wanted someone
# to know"). Beside one of these a plan, date, means, place or farewell rule that found no
# risk words still counts, at its own level. Matched on the canonical text ("don't" ->
# "do not").
_CONCEALED_FINALITY = re.compile(
    r"\b(?:(?:the )?(?:house|flat|apartment|place) (?:will be |is |to be )?empty"
    r"|(?:everyone|everybody|they|my (?:parents|family|roommates?|flatmates?)) (?:will be|are"
    r"|is|to be) (?:out|away|asleep|gone)"
    r"|(?:hid|hidden|hiding|stashed|keeping it|keep it|it is) (?:\w+ ){0,2}in my (?:closet"
    r"|wardrobe|drawer|room|car|bag|desk|garage)"
    r"|(?<![a-z0-9] )(?<![a-z0-9])(?:and |but )?(?:it is )?not for (?:\w+ )?\w+ ?(?:[.!?]|$)"
    r"|not (?:coming|driving|going|walking) back|(?:will not|would not|am not going to)"
    r" (?:come|drive|go|walk) back|and not (?:come|drive|go|walk) back"
    r"|(?:made|make|making|at) peace with it|go through with it"
    r"|so (?:i|it) (?:do not|does not|will not|would not) (?:ruin|spoil|wreck)"
    r"|talk me out of it|(?:just )?want(?:ed)? (?:someone|somebody|anyone|you) to know"
    r"|(?:will not|not) be (?:here|around|alive) (?:in the morning|tomorrow|by|for much longer)"
    r"|(?:have|got) (?:what|everything) i need|painless|(?:quickest|fastest|surest) way"
    r"|(?:train|it) (?:comes|arrives|is due|passes) (?:at|in) \d"
    r"|thought about it for (?:months|weeks|years|a long time))")
_PLAN_WORDS = PLAN_CUES_RULES = frozenset({
    "sh.plan_ctx", "sh.means", "sh.letters_ctx", "sh.goodbye_ctx", "sh.rehearsal_place",
    "sh.picked_day", "sh.on_place_ctx", "sh.timing", "sh.timing_soon", "sh.intent"})

# the act's own object is someone else ("decides to end her life"): a story's character
_THIRD_OBJECT = re.compile(r"\b(?:his|her|their) (?:own )?life\b|\b(?:him|her|them) ?sel(?:f|ves)\b")
# an act told in the past ("the time I tried to take my life"): a recovery frame may lower it
# even when its words alone read imminent
_PAST_ACT = re.compile(r"\b(?:tried|attempted|overdosed|took|cut|jumped)\b")

_RELATIONSHIP = re.compile(r"\b(?:we|us|relationship|marriage|divorce|together|break ?up|"
                           r"breaking up|dating|engagement|friendship|contract|lease|subscription|"
                           r"call|conversation|chat|game|season|show|series)\b")
_SECOND = re.compile(r"\b(?:you|you've|youve|you're|youre|your|you'd|youd|you'll|youll)\b")


def _addressed(norm: str, clause: tuple[int, int], start: int, end: int) -> bool:
    """Is the risky act ascribed to the person being spoken to ("you said you've been
    carrying out a plan") -- a supporter's words, not the writer's own risk?"""
    if re.search(r"\b(?:my ?self|myslef|my|me|i)\b", norm[start:end]):
        return False
    before = norm[clause[0]:start]
    last_second = max((m.end() for m in _SECOND.finditer(before)), default=-1)
    last_first = max((m.end() for m in _FIRST_SUBJ.finditer(before)), default=-1)
    return last_second > last_first


# A death by suicide someone else *completed* ("my aunt died by suicide", "he took his own
# life two years ago") is a loss the writer is living with, not a risk to that person now;
# the writer's own risk around it is read by the compositional rules (wanting to join
# them, "I feel the same pull"). Not a false-alarm veto: the backstop still reads it.
_COMPLETED = re.compile(r"\b(?:killed (?:him|her|them) ?sel(?:f|ves)|took (?:his|her|their) "
                        r"(?:own )?life|died (?:by|of|from) suicide|committed suicide|suicided|"
                        r"(?:hanged|hung|shot|drowned|gassed) (?:him|her|them) ?sel(?:f|ves)|"
                        r"ended (?:his|her|their) (?:own )?life|lost (?:him|her|them|\w+) to "
                        r"suicide|(?:his|her|their) suicide)\b")
_NOT_COMPLETED = re.compile(r"\b(?:almost|nearly|tried to|try to|trying to|attempted|going to|"
                            r"gonna|will|wants? to|threaten\w*|thinking|about to|might|could)\s+"
                            r"(?:\w+\s+)?$")


def _bereavement(norm: str, sent: tuple[int, int], start: int, end: int) -> bool:
    for m in _COMPLETED.finditer(norm, sent[0], sent[1]):
        if m.start() < end and start < m.end() and not _NOT_COMPLETED.search(
                norm[max(sent[0], m.start() - 25):m.start()]):
            return True
    return False


_STRUCTURE_RULES: dict[str, lx.Rule] = {}
# Phrasings people use as hyperbole ("i'm going to kill my brother for eating my
# leftovers", "my sister punched me haha"): a joke marker *or* a trivial cause is enough
# to read them as figurative.
_HYPERBOLE_PRONE = {"st.ho.intent", "st.ho.thought", "st.ho.run_over", "st.ab.physical",
                    "st.ab.threat", "st.sh.want_die", "st.md.having"}


def _structure_rule(r: "st.SRule") -> lx.Rule:
    """A compositional rule as a lexicon ``Rule`` (same context handling downstream)."""
    rule = _STRUCTURE_RULES.get(r.id)
    if rule is None:
        # Imminent and high readings name acts, means or times; they are not hyperbole
        # unless a joke *and* a trivial cause say so ("weak"); the rest can be ("weak" too,
        # since a bare "lol" must not switch off "i want to die lol").
        fig = "strong" if r.id in _HYPERBOLE_PRONE else "weak"
        rule = lx.Rule(r.id, r.category, r.level, r"(?!)", figurative=fig)
        _STRUCTURE_RULES[r.id] = rule
    return rule


class Lexicon:
    """Runs the rules over a message with the context rules; returns kept evidence."""

    def __init__(self, rules: Sequence[lx.Rule] | None = None,
                 compositional: bool | None = None) -> None:
        self.rules = list(rules) if rules is not None else lx.RULES + lx.GENERAL_RULES + lx.FOREIGN_RULES
        # The compositional reader runs with the default rules (a custom rule list is
        # usually a test of those rules alone).
        self.compositional = rules is None if compositional is None else compositional

    def scan(self, text: str, context_categories: Iterable[str] = (),
             waiting: list[Evidence] | None = None) -> tuple[list[Evidence], list[str]]:
        """Kept evidence and the suppressed rule ids (with the reason). ``waiting``, if
        given, receives the evidence of context-dependent rules that found no context
        (a plan, a rope, letters, a goodbye with no risk beside them), so that a caller with
        other evidence of risk (the encoder backstop) can weigh them."""
        norm = normalize(text)
        sents = _spans(norm, _SENT)
        clauses = _spans(norm, _CLAUSE)
        s_starts = [a for a, _ in sents]
        c_starts = [a for a, _ in clauses]
        positive_recovery = bool(lx.POSITIVE_RECOVERY.search(norm))
        relapse = bool(lx.RELAPSE.search(norm))
        kept: list[_Hit] = []
        pending: list[_Hit] = []
        suppressed: list[str] = []
        for rule, start, end, third_hint in self._candidates(norm):
            if True:
                while start < end and norm[start].isspace():
                    start += 1
                while end > start and norm[end - 1].isspace():
                    end -= 1
                if end <= start:
                    continue
                sent = _find(sents, s_starts, start)
                clause = _find(clauses, c_starts, start)
                sent_text = norm[sent[0]:sent[1]]
                level = rule.level
                third = (third_hint if third_hint is not None
                         else _third_person(norm, clause, start, end, rule.category))
                if rule.category == "abuse":
                    third = False
                benign = st.false_alarm(sent_text)
                if benign:
                    suppressed.append(f"{rule.id}:{benign}")
                    continue
                pre = norm[max(clause[0], start - 60):start]
                if (rule.negatable and lx.NEGATION.search(pre)
                        and not re.search(r"\b(?:struggl\w*|trying|try|fighting|fight|hard|best"
                                          r"|work\w*|forcing myself|hold(?:ing)? on) not to\s*$",
                                          pre)):
                    suppressed.append(f"{rule.id}:negated")
                    continue
                if rule.id.startswith("sh.concept") and re.search(
                        r"\b(?:he|she|they|it|someone|somebody|people)\s+(?:was|is|were|are)\b|"
                        r"\b(?:he|she|it)'s\b|\bthey're\b|\b(?:her|him|them|he|she|they|it)\s+"
                        r"(?:die|dies|dying)\b", norm[start:end]):
                    suppressed.append(f"{rule.id}:other_subject")
                    continue
                if (rule.id in ("sh.concept_strong", "sh.end_it", "sh.timing")
                        and re.search(r"\bend(?:ing)? it\b", norm[start:end])
                        and _RELATIONSHIP.search(sent_text)):
                    suppressed.append(f"{rule.id}:relationship")
                    continue
                if (rule.category == "self_harm" and lx.GAME.search(sent_text)) or (
                        rule.category in ("abuse", "harm_to_others")
                        and lx.GAME.search(norm[clause[0]:clause[1]])):
                    suppressed.append(f"{rule.id}:game")
                    continue
                if not third and lx.GENERIC.search(norm[max(clause[0], start - 40):start]):
                    suppressed.append(f"{rule.id}:generic_reference")
                    continue
                if lx.SCREENING.search(norm[max(sent[0], start - 80):start]):
                    suppressed.append(f"{rule.id}:screening_question")
                    continue
                if rule.figurative and _figurative(rule.figurative, norm if len(norm) < 300
                                                   else sent_text):
                    suppressed.append(f"{rule.id}:figurative")
                    continue
                if rule.category == "medical" and (
                        lx.RESOLVED if rule.id in st.PLAIN_MEDICAL_IDS else lx.NOT_NOW
                ).search(sent_text):
                    # (a plain-word emergency already pairs the event with its urgent sign:
                    # "sore" or "at night" beside it does not make it everyday)
                    suppressed.append(f"{rule.id}:not_now")
                    continue
                if lx.FICTION.search(sent_text):
                    near = norm[max(clause[0], start - 30):end]
                    if (third or _in_quotes(norm, sent, start) or not _FIRST_SUBJ.search(near)
                            or rule.id.startswith("sh.concept")
                            or _THIRD_OBJECT.search(norm[start:end])):
                        suppressed.append(f"{rule.id}:fiction_or_study")
                        continue
                if (rule.category == "self_harm" and not third and "goodbye" not in rule.id
                        and _addressed(norm, clause, start, end)):
                    suppressed.append(f"{rule.id}:addressed_to_listener")
                    continue
                if third and rule.category in ("self_harm", "medical"):
                    if not _REAL_PERSON.search(sent_text):
                        suppressed.append(f"{rule.id}:no_real_person")
                        continue
                if third and rule.category == "self_harm" and _bereavement(norm, sent, start,
                                                                           end):
                    suppressed.append(f"{rule.id}:bereavement")
                    continue
                clause_text = norm[clause[0]:start] + " " + norm[end:clause[1]]
                recovering = (lx.RECOVERY.search(clause_text)
                              or lx.RECOVERY_SPAN.search(norm[clause[0]:clause[1]])
                              or re.search(r"\bused to\b", norm[start:end]))
                if recovering and not relapse and (level < Level.imminent or (
                        positive_recovery and _PAST_ACT.search(norm[start:end]))):
                    if positive_recovery:
                        suppressed.append(f"{rule.id}:recovery")
                        continue
                    level = min(level, Level.low, key=lambda lv: lv.rank)
                hit = _Hit(rule, start, end, level, third)
                (pending if rule.needs_context else kept).append(hit)
        context = {h.rule.category for h in kept} | set(context_categories)
        concealed = bool(_CONCEALED_FINALITY.search(st.canonical(norm).text))
        for hit in pending:
            if hit.rule.category in context or (concealed and hit.rule.id in _PLAN_WORDS):
                kept.append(hit)
            else:
                suppressed.append(f"{hit.rule.id}:no_context")
                if waiting is not None:
                    waiting.append(self._evidence(text, hit))
        return [self._evidence(text, h) for h in self._dedupe(kept)], suppressed

    def _candidates(self, norm: str):
        """(rule, start, end, third-person hint) from the listed rules and the compositional
        reader (``structure.py``); both then pass the same context rules."""
        for rule in self.rules:
            for m in rule.compiled.finditer(norm):
                yield (rule, *m.span(), None)
        if not self.compositional:
            return
        for c in st.scan(norm):
            yield _structure_rule(c.rule), c.start, c.end, c.third

    @staticmethod
    def _dedupe(hits: list[_Hit]) -> list[_Hit]:
        """Overlapping hits of one category keep the highest level (then the longest)."""
        hits = sorted(hits, key=lambda h: (-h.level.rank, -(h.end - h.start), h.start))
        out: list[_Hit] = []
        for h in hits:
            if any(o.rule.category == h.rule.category and h.start < o.end and o.start < h.end
                   for o in out):
                continue
            out.append(h)
        return sorted(out, key=lambda h: h.start)

    @staticmethod
    def _evidence(text: str, h: _Hit) -> Evidence:
        return Evidence(start=h.start, end=h.end, text=text[h.start:h.end],
                        category=h.rule.category, level=h.level, rule=h.rule.id,
                        third_person=h.third)


class RiskAssessor:
    """Lexicon plus (when its files are there) the trained head; load once, reuse."""

    def __init__(self, use_model: bool = True, perceiver=None, head=None) -> None:
        self.lexicon = Lexicon()
        self.use_model = use_model
        self._perceiver = perceiver
        self._head = head
        self._exemplar = None
        self._reader = None
        self._loaded = head is not None

    # -- the trained heads (optional) -----------------------------------------------------
    def _load(self) -> None:
        if self._loaded or not self.use_model:
            return
        self._loaded = True
        from .head import ExemplarHead, RiskHead, heads_match_encoder

        self._head = RiskHead.load_default()
        self._exemplar = ExemplarHead.load_default()
        if (self._head is not None or self._exemplar is not None) and not heads_match_encoder():
            # Heads trained on another encoder read a different embedding: unusable.
            import warnings

            warnings.warn("risk heads were trained on a different shared encoder; using the "
                          "lexicon only (run `empathia train risk`)", stacklevel=2)
            self._head = self._exemplar = None
        if (self._head is not None or self._exemplar is not None) and self._perceiver is None:
            try:
                from ..perceive.perceiver import default_perceiver

                self._perceiver = default_perceiver()
            except FileNotFoundError:
                self._head = self._exemplar = None
        from .reader import RiskReader

        try:
            self._reader = RiskReader.load_default()
        except (ValueError, OSError) as err:
            import warnings

            warnings.warn(f"risk reader not used: {err}", stacklevel=2)
            self._reader = None

    @property
    def has_model(self) -> bool:
        self._load()
        return (self._head is not None or self._exemplar is not None) \
            and self._perceiver is not None

    def model_scores(self, texts: Sequence[str], embeddings: Sequence | None = None
                     ) -> list[tuple | None]:
        """Per text: (C-SSRS probability or None, best backstop reading, the window span of
        each), best over the text's windows; None without a model.

        One encoder pass per window, through the perceiver's cache (a message the perceiver
        already analysed is not encoded again); ``embeddings`` (one vector per text, or
        None) skips even that for texts read in one window."""
        if not self.has_model:
            return [None] * len(texts)
        import numpy as np

        from ..perceive.perceiver import windows
        from .head import embed_many

        jobs = [(i, a, b) for i, text in enumerate(texts) for a, b in windows(text)]
        given = {}
        if embeddings is not None:
            for i, e in enumerate(embeddings):
                if e is not None and len(windows(texts[i])) == 1:
                    given[i] = np.asarray(e, dtype=np.float32).reshape(-1)
        todo = [j for j, (i, _, _) in enumerate(jobs) if i not in given]
        emb = None
        if todo:
            got = embed_many(self._perceiver, [texts[jobs[j][0]][jobs[j][1]:jobs[j][2]]
                                               for j in todo])
            emb = np.zeros((len(jobs), got.shape[1]), dtype=np.float32)
            emb[todo] = got
        if given:
            dim = next(iter(given.values())).shape[0]
            if emb is None:
                emb = np.zeros((len(jobs), dim), dtype=np.float32)
            for j, (i, _, _) in enumerate(jobs):
                if i in given:
                    emb[j] = given[i]
        probs = self._head.probs(emb) if self._head is not None else [None] * len(jobs)
        scores = self._exemplar.scores(emb) if self._exemplar is not None else None
        ex = self._exemplar.readings(scores) if scores is not None else [None] * len(jobs)
        out: list = [None] * len(texts)
        for (i, a, b), p, e in zip(jobs, probs, ex):
            cur = out[i] or [None, None, (a, b), (a, b)]
            if p is not None and (cur[0] is None or float(p) > cur[0]):
                cur[0], cur[2] = float(p), (a, b)
            if e is not None and (cur[1] is None or _stronger(e, cur[1])):
                cur[1], cur[3] = e, (a, b)
            out[i] = cur
        if scores is not None:
            self._read_sentences(texts, jobs, scores["blend"], out)
        return [tuple(o) if o else None for o in out]

    def _read_sentences(self, texts: Sequence[str], jobs: list, blend, out: list) -> None:
        """Read each sentence, and each pair of neighbouring sentences, of a message the
        backstop leans towards, and keep the strongest reading.

        A risk sentence in the middle of a long message about work or family is diluted in
        the message's one embedding ("... anyway I've been practising with the belt in the
        garage ..."). Sentences get more chances to fire than a message, so their readings
        need ``SENTENCE_OFFSET`` more; only messages within ``SENTENCE_GATE`` of the watch
        threshold (``blend``: the backstop's blend per window of ``jobs``) with two or more
        sentences are split (16 of 600 ESConv valid seeker messages), which bounds the
        extra encoder passes."""
        from ..support.sentences import split_sentences
        from .head import embed_many

        head = self._exemplar
        floor = (head.watch_threshold if head.watch_threshold is not None
                 else head.threshold) - SENTENCE_GATE
        leaning = {i for j, (i, _, _) in enumerate(jobs) if blend[j] >= floor}
        pieces: list[tuple[int, int, int]] = []
        for i in sorted(leaning):
            spans = split_sentences(texts[i])
            if len(spans) < 2:
                continue
            for k, (a, b) in enumerate(spans):
                if len(texts[i][a:b].split()) >= SENTENCE_MIN_WORDS:
                    pieces.append((i, a, b))
                if k + 1 < len(spans):
                    pieces.append((i, a, spans[k + 1][1]))
        if not pieces:
            return
        got = embed_many(self._perceiver, [texts[i][a:b] for i, a, b in pieces])
        for (i, a, b), e in zip(pieces, head.predict(got, offset=SENTENCE_OFFSET)):
            cur = out[i]
            if e[3] >= 0 and _stronger(e, cur[1]):
                cur[1], cur[3] = e, (a, b)

    # -- assessment -----------------------------------------------------------------------
    def assess(self, text: str, context_categories: Iterable[str] = (),
               embedding=None) -> Assessment:
        """``embedding``: the shared embedding of ``text`` if the caller already has it
        (``Perceiver.embed``); the backstop then costs no encoder pass."""
        return self.assess_many([text], context_categories,
                                embeddings=None if embedding is None else [embedding])[0]

    def assess_many(self, texts: Sequence[str], context_categories: Iterable[str] = (),
                    embeddings: Sequence | None = None) -> list[Assessment]:
        for t in texts:
            if not isinstance(t, str):
                raise ValueError(f"expected a string, got {type(t).__name__}")
            if not t.strip():
                raise ValueError("empty text")
        if embeddings is not None and len(embeddings) != len(texts):
            raise ValueError("one embedding (or None) per text")
        context = list(context_categories)
        scores = self.model_scores(list(texts), embeddings)
        reads: list = [None] * len(texts)
        if self._reader is not None:
            # Only messages the backstop leans towards at all (within READER_GATE of its
            # threshold): a second encoder pass for every everyday message would cost more
            # than the turn budget allows, and far below the gate the reader rarely fires.
            todo = [i for i, s in enumerate(scores)
                    if s is None or s[1] is None or s[1][3] >= -READER_GATE]
            for i, r in zip(todo, self._reader.read_many([texts[i] for i in todo])):
                reads[i] = r
        return [self._combine(t, s, context, r) for t, s, r in zip(texts, scores, reads)]

    def _combine(self, text: str, reading: tuple | None, context: list[str],
                 reader=None) -> Assessment:
        from .head import EX_LEVELS, combine_levels, vetoed

        waiting: list[Evidence] = []
        evidence, suppressed = self.lexicon.scan(text, context, waiting)
        supported = language_supported(text)
        score = None
        if reading is not None:
            cssrs_p, ex, cssrs_span, ex_span = reading
            score = max([v for v in (cssrs_p, None if ex is None else ex[0]) if v is not None],
                        default=None)
            veto = vetoed(suppressed)
            if ex is not None and ex[2] != "low" and STOP_MEDICINE.search(text):
                ex = (ex[0], ex[1], "low", ex[3])  # a medicine decision: keep watch only
            if ex is not None and waiting and not veto:
                evidence = evidence + context_from_backstop(waiting, ex)
            quiet = not evidence and not veto and supported
            cats = {c: lv.value for c, lv in levels_by_category(evidence).items()}
            added = False
            if ex is not None:
                lv, rule = combine_levels(0 if not cats else 1, cats, quiet, veto,
                                          ex[3] >= 0, ex[1], EX_LEVELS.index(ex[2]))
                if rule is not None:
                    a, b = ex_span
                    evidence = evidence + [Evidence(start=a, end=b, text=text[a:b],
                                                    category=ex[1], level=Level(EX_LEVELS[lv]),
                                                    rule=rule)]
                    added = True
            if (not added and quiet and not evidence and cssrs_p is not None
                    and len(text) >= CSSRS_MIN_CHARS and cssrs_p >= self._head.threshold):
                a, b = cssrs_span
                evidence = [Evidence(start=a, end=b, text=text[a:b], category="self_harm",
                                     level=Level.low, rule="model.cssrs")]
        if reader is not None:
            if STOP_MEDICINE.search(text) or STOP_TREATMENT.search(text):
                # a treatment decision ("cancelling the operation"): keep watch only, as
                # for the backstop; the companion answers it with care and the care team
                reader = replace(reader, level=Level.low)
            backstop_agrees = reading is not None and reading[1] is not None \
                and reading[1][3] >= 0
            evidence = evidence + reader_evidence(text, reader, evidence, suppressed, supported,
                                                  backstop_agrees)
        return build(text, evidence + scene_evidence(text, evidence), suppressed, score,
                     supported)


# How far below the backstop's threshold (in its blend score; the watch band starts about
# 0.4 below) a message still gets the reader: about 10% of ESConv valid seeker messages. On
# the seven development files 1.5 kept all the reader's gain but one item; 1.0 (5% read)
# lost a third of it. Reading every message cost about 1.5 encoder passes a turn.
READER_GATE = 1.5


def reader_evidence(text: str, reading, evidence: list[Evidence], suppressed: list[str],
                    supported: bool, backstop_agrees: bool = False) -> list[Evidence]:
    """The fine-tuned reader's finding (``safety.reader``), when it is sure enough and reads
    the message one level or more above everything else: its level less one (at least
    ``low``). Less one because its level is a guess from a few thousand examples; raising
    to it in full cut under-triage a little more on the development files but put twice as
    many everyday messages at ``moderate``. A false-alarm check (fiction, a joke, a game,
    recovery) vetoes it, as it vetoes the backstop; so does a language we do not read.

    When the backstop reads risk too (``backstop_agrees``: at or above its threshold), two
    models that learned from examples agree, and three things change:
    - the reader speaks from its lower threshold (``fires_with_backstop``);
    - it gives its level in full;
    - a hand-written false-alarm check no longer vetoes it. On three new writers' files
      (960 items the rules and the reader never saw) every message a check vetoed while
      both models read risk was a risk item (17 of 17): "I don't want to die, I just want
      to not exist" (read as a negation), "I'll kill him and I meant it. I have a rifle"
      (read as figurative). None of 2,956 ESConv valid seeker messages was such a case."""
    from .head import vetoed

    if not supported:
        return []
    if backstop_agrees:
        if not (reading.fires or reading.fires_with_backstop):
            return []
        target = LEVELS[max(1, reading.level.rank)]
    else:
        if not reading.fires or vetoed(suppressed):
            return []
        target = LEVELS[max(1, reading.level.rank - 1)]
    if max((e.level.rank for e in evidence), default=0) >= target.rank:
        return []
    return [Evidence(start=0, end=len(text), text=text, category=reading.category, level=target,
                     rule="model.reader")]


# Kinds of risk a scene set in the present makes urgent (``immediacy``); a medical reading
# has its own emergency rules.
SCENE_CATEGORIES = ("self_harm", "abuse", "harm_to_others")


def scene_evidence(text: str, evidence: list[Evidence]) -> list[Evidence]:
    """A ``high`` finding when the message's strongest reading is self-harm, abuse or harm
    to others at ``low`` or ``moderate`` and the message sets it in the present: the person
    at the place, the means in hand, the other person here now (``present_scene``); an
    ``imminent`` one when the person's own words already read self-harm at ``high`` and they
    are at the place or hold the means ("sitting on the ledge. i want to die")."""
    if not evidence:
        return []
    cats = levels_by_category(evidence)
    top = top_category(cats)
    if top not in SCENE_CATEGORIES or cats[top] not in (Level.low, Level.moderate, Level.high):
        return []
    m = present_scene(text)
    if m is None:
        return []
    third = all(e.third_person for e in evidence if e.category == top)
    level = Level.high
    if cats[top] == Level.high:
        # Already high from the words (not the encoder's reading): at the ledge or with the
        # means in hand, theirs or a friend's, it is happening now.
        worded = any(e.category == top and not e.rule.startswith("model") for e in evidence)
        if not (top == "self_harm" and worded and at_the_edge_now(text, m)):
            return []
        level = Level.imminent
    return [Evidence(start=m.start(), end=m.end(), text=m.group(0), category=top,
                     level=level, rule="now.scene", third_person=third)]


# A context-dependent rule (a plan, a rope, letters to the family, a goodbye) that found
# no risk in the message is kept when the encoder backstop fires on the message in the same
# category: in its watch band (where alone it reads only "low") the plan cue makes it
# ``moderate``; above its threshold the rule keeps its own level (capped at ``high``).
# A backstop that merely leans does not count: its probabilities alone read "I have a plan
# for my finances" as 0.98 and "I bought rope for the tent" as 0.70.
# Only rules that name a plan, means, preparation or a farewell count; the bare time and
# intent words ("tomorrow", "I'll do it now") are everyday talk even beside a firing backstop.
PLAN_CUES = frozenset({"sh.plan_ctx", "sh.means", "sh.letters_ctx", "sh.goodbye_ctx",
                       "sh.rehearsal_place", "sh.method_named", "sh.picked_day",
                       "sh.on_place_ctx", "ho.means", "ho.worked_out"})


def context_from_backstop(waiting: list[Evidence], ex: tuple) -> list[Evidence]:
    _prob, category, level, margin = ex
    if margin < 0:
        return []
    out = []
    for e in waiting:
        if e.category != category or e.rule not in PLAN_CUES:
            continue
        lv = (Level.moderate.rank if level == "low"
              else min(e.level.rank, Level.high.rank))
        out.append(e.model_copy(update={"level": LEVELS[lv], "rule": e.rule + "+model"}))
    return out


def build(text: str, evidence: list[Evidence], suppressed: list[str],
          model_score: float | None, supported: bool) -> Assessment:
    """Fold evidence into levels per category, the top category and a score."""
    cats = levels_by_category(evidence)
    level = max_level(cats.values())
    category = top_category(cats) if cats else None
    score = LEVEL_SCORE[level]
    if model_score is not None:
        score = max(score, model_score) if level > Level.none else min(model_score, 0.3)
    third = bool(evidence) and all(e.third_person for e in evidence
                                   if e.category == category)
    return Assessment(level=level, category=category, categories=cats, evidence=evidence,
                      score=round(float(score), 4), model_score=(None if model_score is None
                                                                else round(model_score, 4)),
                      language_supported=supported, third_person=third,
                      suppressed=sorted(set(suppressed)))


def levels_by_category(evidence: list[Evidence]) -> dict[str, Level]:
    """The highest level each category reaches in ``evidence``."""
    cats: dict[str, Level] = {}
    for e in evidence:
        cats[e.category] = max_level([cats.get(e.category, Level.none), e.level])
    return cats


def top_category(cats: dict[str, Level]) -> str:
    """The category that names a reading: the highest level, then ``CATEGORY_PRIORITY``."""
    return min(cats, key=lambda c: (-cats[c].rank, CATEGORY_PRIORITY[c]))


def _stronger(a: tuple, b: tuple | None) -> bool:
    """Is backstop reading ``a`` stronger than ``b``: firing beats not firing, then the
    higher level, then the larger margin."""
    if b is None:
        return True

    def key(e: tuple) -> tuple:
        fires = e[3] >= 0
        return fires, Level(e[2]).rank if fires else 0, e[3]
    return key(a) > key(b)


# -- conversations --------------------------------------------------------------------------

class Conversation:
    """Tracks the running level over a conversation.

    The running level is the highest level of the recent turns (risk does not vanish
    because the topic changed), raised one step when the last three turns rise strictly,
    and raised to ``high`` ("I've decided", "I'm ready") or ``imminent`` (a goodbye) when
    such words follow earlier self-harm talk.
    """

    def __init__(self, assessor: RiskAssessor | None = None, memory: int = 20) -> None:
        self.assessor = assessor or default_assessor()
        self.turns: list[Assessment] = []
        self.memory = memory

    def categories(self) -> set[str]:
        return {c for a in self.turns[-self.memory:] for c in a.categories}

    def add(self, text: str, embedding=None) -> Assessment:
        if embedding is None:
            a = self.assessor.assess(text, context_categories=self.categories())
        else:
            a = self.assessor.assess(text, context_categories=self.categories(),
                                     embedding=embedding)
        a = self._conversation_rules(text, a)
        self.turns.append(a)
        recent = self.turns[-self.memory:]
        running = max_level(t.level for t in recent)
        lv = [t.level.rank for t in self.turns[-3:]]
        if len(lv) == 3 and lv[0] < lv[1] < lv[2]:
            running = max(running, Level(LEVELS[min(lv[2] + 1, Level.high.rank)]),
                          key=lambda x: x.rank)
        cat_turn = max(recent, key=lambda t: t.level.rank)
        a.running_level = running
        a.running_category = a.category or cat_turn.category
        return a

    def _conversation_rules(self, text: str, a: Assessment) -> Assessment:
        earlier_sh = any("self_harm" in t.categories for t in self.turns[-self.memory:])
        if not earlier_sh:
            return a
        norm = normalize(text)
        extra: list[Evidence] = []
        for rx, level, rule in ((lx.DECISION, Level.high, "conversation.decision"),
                                (lx.GOODBYE, Level.imminent, "conversation.goodbye")):
            m = rx.search(norm)
            if m and not lx.NEGATION.search(norm[max(0, m.start() - 30):m.start()]):
                extra.append(Evidence(start=m.start(), end=m.end(),
                                      text=text[m.start():m.end()], category="self_harm",
                                      level=level, rule=rule))
        if not extra:
            return a
        return build(text, a.evidence + extra, a.suppressed, a.model_score,
                     a.language_supported)


_DEFAULT: RiskAssessor | None = None


def default_assessor() -> RiskAssessor:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = RiskAssessor()
    return _DEFAULT


def assess(text: str) -> Assessment:
    """One obvious call: ``from empathia.safety import assess; assess("...").level``."""
    return default_assessor().assess(text)
