"""The reply guard: checks a drafted reply, in its conversation, before it is sent.

It looks for what hurts people in distress (each a ``kind``):

- ``method_info``       method or means information for self-harm (doses, lethality, how-to);
- ``sycophancy``        validating or escalating a harmful intent the person voiced (risk in
                        the conversation, or a risky plan in their last message:
                        ``safety.plans``);
- ``invalidation``      minimising or dismissing ("others have it worse", "just think positive");
- ``diagnosis``         telling someone what disorder they have;
- ``medication_advice`` telling someone to start, stop or change a medicine or dose;
- ``abrupt_refusal``    a refusal or hand-off with no care in it, or ending the conversation;
- ``false_human``       claiming to be human or to have a human life;
- ``false_promise``     promises it cannot keep (secrecy, always being there, calling for help).

Each finding has a severity (low < medium < high < critical) and the span in the reply.
Severity rises with the conversation's risk: method information or agreement with a
harmful plan after self-harm talk is critical. The companion regenerates or falls back to
its own realiser when ``ok`` is false.
"""

from __future__ import annotations

import re
from typing import Iterable, Sequence

from pydantic import BaseModel, Field

from .levels import Level
from .plans import risky_plan
from .risk import Assessment, RiskAssessor, default_assessor, normalize

SEVERITIES = ("low", "medium", "high", "critical")


class Finding(BaseModel):
    kind: str
    severity: str
    start: int
    end: int
    text: str
    message: str


class GuardResult(BaseModel):
    ok: bool = Field(description="no high or critical finding")
    findings: list[Finding]
    context_level: Level
    context_category: str | None


class Turn(BaseModel):
    role: str  # "user" (the person) or "assistant" (the supporter)
    text: str


def _rx(pattern: str) -> re.Pattern:
    return re.compile(pattern.replace(" ", r"\s+"))


PILLS = (r"(?:pills?|tablets?|meds|medication|paracetamol|acetaminophen|tylenol|ibuprofen|"
         r"aspirin|insulin|sleeping pills|benzos?|xanax|opioids?|oxy\w*|antidepressants?|"
         r"sertraline|fluoxetine|lithium|diazepam|\w+pam|\w+zolam)")

METHOD = [
    _rx(r"\b(?:lethal|fatal|deadly|toxic) (?:dose|amount|quantity|level)s?\b"),
    _rx(r"\b\d+ ?(?:mg|g|grams|milligrams|pills|tablets)\b[^.!?\n]{0,60}\b(?:kill|lethal|fatal|"
        r"die|death|overdose|enough)\b"),
    _rx(r"\b(?:kill|lethal|fatal|die|death|overdose|enough)\b[^.!?\n]{0,60}\b\d+ ?(?:mg|g|grams|"
        r"milligrams|pills|tablets)\b"),
    _rx(r"\b(?:most|more|less|least) (?:effective|painless|reliable|lethal|certain|quick) "
        r"(?:way|method|means)s?\b"),
    _rx(r"\b(?:painless|quick|quickest|easiest|surest) (?:way|method)s? to (?:die|go|end it|"
        r"kill)"),
    _rx(r"\bhow (?:to|you) (?:tie a noose|hang|overdose|cut deep|slit|suffocate)"),
    _rx(r"\b(?:cut|slice) (?:along|vertically|lengthwise|down) (?:the|your) (?:vein|arm|wrist)"),
    _rx(r"\b(?:high|tall) enough to (?:kill|be fatal|die)|\b\d+ ?(?:floors|stories|storeys|"
        r"feet|ft|metres|meters|m)\b[^.!?\n]{0,40}\b(?:fatal|kill|die|survive)"),
    _rx(r"\b(?:carbon monoxide|helium|charcoal|exit bag|nitrogen)\b[^.!?\n]{0,60}\b(?:die|death|"
        r"painless|peaceful|kill|works?)\b"),
    _rx(r"\b(?:mix|combine|take)\w* " + PILLS + r" (?:with|and) (?:alcohol|other)\b[^.!?\n]{0,40}"
        r"\b(?:stronger|effect|work|kill|die)"),
]

SYCOPHANCY = [
    _rx(r"\b(?:i|we) (?:fully |completely |totally )?(?:support|respect|understand|accept) your "
        r"(?:decision|choice|plan)\b"),
    _rx(r"\b(?:it'?s|it is|that'?s|that is|this is) (?:your|a valid|an understandable|a reasonable|a brave|"
        r"the right) (?:choice|decision|option|call|way out)\b"),
    _rx(r"\bif (?:that'?s|this is) what you (?:really )?(?:want|need|feel is right)"),
    _rx(r"\b(?:go for it|go ahead|do it|you should do it|you'?ve got this|you deserve (?:peace|"
        r"rest|to rest|to be free))\b"),
    _rx(r"\b(?:death|dying|it|ending it|suicide) (?:might|could|would|will|may) (?:be|bring) "
        r"(?:a relief|for the best|peace|peaceful|the answer|freedom|an escape)"),
    _rx(r"\b(?:no one|nobody) (?:would|could|will) blame you\b"),
    _rx(r"\byou(?:'re| are) right(?:,)? (?:that )?(?:they|everyone|people|the world) "
        r"(?:would be|are|'d be) better off\b"),
    _rx(r"\b(?:they|he|she) (?:deserve|deserves|had it coming|has it coming)\b"),
    _rx(r"\byou should (?:hurt|get back at|make (?:him|her|them) pay|teach (?:him|her|them) a "
        r"lesson|kill|punish)"),
    _rx(r"\b(?:i|i'?d) (?:would )?(?:do|feel) the same(?: thing)?\b"),
    _rx(r"\b(?:you'?re|you are) (?:right|correct)(?: to| that)? (?:want|feel|think)\w* (?:to )?"
        r"(?:die|end|hurt|kill|give up)"),
    _rx(r"\bthat (?:sounds like|seems like) (?:a good|the best|the only) (?:plan|option|idea|way)"),
]

INVALIDATION = [
    _rx(r"\b(?:others|other people|lots of people|many people|people) (?:have it|are|had it) "
        r"(?:worse|harder|much worse)"),
    _rx(r"\b(?:it|things) could (?:always )?be worse\b"),
    _rx(r"\bjust (?:think positive|be positive|stay positive|cheer up|relax|calm down|be happy|"
        r"snap out of it|get over it|move on|smile|let it go|stop thinking about it|ignore it)"),
    _rx(r"\b(?:look on|focus on) the bright side\b"),
    _rx(r"\b(?:stop|quit) (?:being )?(?:so )?(?:dramatic|sensitive|negative|sad|whining|"
        r"complaining|overthinking)"),
    _rx(r"\b(?:it'?s|that'?s|this is) (?:not|no) (?:that |such a )?(?:big (?:of a )?deal|bad|"
        r"serious)\b"),
    _rx(r"\b(?:get over it|man up|toughen up|grow up|suck it up|pull yourself together)\b"),
    _rx(r"\beverything happens for a reason\b"),
    _rx(r"\byou'?re (?:just )?(?:overreacting|being (?:silly|dramatic|ridiculous|paranoid))"),
    _rx(r"\bat least you\b"),
    _rx(r"\b(?:don'?t|do not) (?:be|feel) (?:sad|upset|angry|that way)\b"),
    _rx(r"\byou (?:shouldn'?t|should not) (?:feel|be) (?:that way|like that|sad|upset)"),
    _rx(r"\b(?:it'?s all|it is all|that'?s all) in your head\b"),
    _rx(r"\b(?:you'?ll|you will) (?:get over|laugh about) (?:it|this)\b"),
    _rx(r"\bfirst world problem"),
]

DIAGNOSIS = [
    _rx(r"\byou (?:have|'ve got|are suffering from|suffer from|probably have|might have|may have|"
        r"clearly have|definitely have|sound like you have|seem to have|likely have) "
        r"(?:clinical |major |severe )?(?:depression|bipolar|bpd|ptsd|c-ptsd|adhd|ocd|"
        r"schizophrenia|autism|borderline|psychosis|an? (?:anxiety|eating|personality|mood|"
        r"panic|bipolar|depressive|dissociative) disorder|narcissistic personality|"
        r"generali[sz]ed anxiety)"),
    _rx(r"\byou(?:'re| are) (?:clearly |definitely |probably )?(?:bipolar|clinically depressed|a "
        r"narcissist|psychotic|schizophrenic|autistic|borderline|manic|a sociopath|a psychopath)"),
    _rx(r"\b(?:sounds|looks|seems) like (?:you have |classic |textbook )?(?:clinical depression|"
        r"bipolar|bpd|ptsd|borderline personality|an? (?:anxiety|eating|personality|panic) "
        r"disorder|schizophrenia|adhd|ocd)"),
    _rx(r"\bthese are (?:classic |clear )?(?:signs|symptoms) of (?:depression|bipolar|bpd|ptsd|"
        r"adhd|ocd|schizophrenia|an? \w+ disorder)"),
]

MEDICATION = [
    _rx(r"\b(?:take|try|start|stop|quit|increase|double|lower|reduce|halve|skip|come off|get off|"
        r"switch)(?:ping| taking| using)? (?:taking )?(?:your |some |a few |more |less |an? )?"
        r"(?:extra )?" + PILLS + r"\b"),
    _rx(r"\byou should (?:stop|start|keep|quit) (?:taking )?(?:your )?" + PILLS),
    _rx(r"\b\d+ ?(?:mg|milligrams)\b"),
    _rx(r"\b(?:melatonin|st\.? john'?s wort|cbd|valerian)\b[^.!?\n]{0,30}\b(?:will help|should|"
        r"try|works)"),
]

REFUSAL = [
    _rx(r"\bi (?:can'?t|cannot|can not|won'?t|am not able to|'m not able to|am unable to|'m "
        r"unable to) (?:help (?:you )?with (?:this|that)|help you|discuss|talk about|continue|"
        r"engage|assist|respond to)"),
    _rx(r"\b(?:this|our) conversation (?:is over|has ended|ends here|must end)\b"),
    _rx(r"\bi(?:'m| am) (?:ending|going to end|leaving) (?:this|our) conversation\b"),
    _rx(r"^\s*(?:please )?(?:contact|call|seek|see|reach out to) (?:a |an )?(?:professional|"
        r"therapist|doctor|hotline|helpline|mental health professional|someone else)"
        r"[^.!?]*[.!]?\s*$"),
    _rx(r"\b(?:i'?m|i am) (?:just )?(?:an ai|a bot|a language model) and (?:can'?t|cannot) "
        r"help\b"),
]
WARMTH = _rx(r"\b(?:sorry|i hear you|i'?m here|i am here|sounds (?:so |really )?(?:hard|painful|"
             r"heavy|difficult)|that must|i care|with you|glad you|thank you for (?:telling|"
             r"sharing|trusting)|you matter|not alone|want to help|are you safe|how are you)\b")

FALSE_HUMAN = [
    _rx(r"\bi(?:'m| am) (?:a |an )?(?:real )?(?:human|person|human being|real person)\b"),
    _rx(r"\bi(?:'m| am) not (?:an? )?(?:ai|bot|robot|machine|computer|program|chatbot)\b"),
    _rx(r"\bas a (?:human|person|woman|man|mother|father|mom|dad|therapist|doctor|nurse|"
        r"counsel(?:l)?or|psychologist)\b"),
    _rx(r"\b(?:i (?:also )?went through|when i was (?:your age|a (?:kid|teen|teenager)|depressed|"
        r"younger)|i (?:used to|once) (?:cut|self[- ]harm|feel suicidal|want to die)|my (?:wife|"
        r"husband|kids|children|mom|mum|dad|therapist|girlfriend|boyfriend) )"),
]

FALSE_PROMISE = [
    _rx(r"\bi(?:'ll| will) (?:always|never) (?:be (?:here|there)|leave|stop|abandon|go)"),
    _rx(r"\bi(?:'ll| will) always be (?:here|there|around)|\bi'?m always here\b"),
    _rx(r"\bi promise\b"),
    _rx(r"\b(?:i|we) (?:won'?t|will not|will never) tell (?:anyone|anybody|a soul)\b"),
    _rx(r"\b(?:this|it)(?: will|'ll)? (?:stay|stays|remain|remains) (?:just )?between (?:us|you "
        r"and me)|\b(?:our|a) secret\b|\bi(?:'ll| will) keep (?:it|this|that) (?:a )?secret"),
    _rx(r"\bi(?:'ll| will| can| am going to|'m going to) (?:call|contact|alert|notify|send) "
        r"(?:for )?(?:help|911|999|112|the police|an ambulance|emergency services|someone|"
        r"your (?:parents|family|doctor))"),
    _rx(r"\bi(?:'ll| will) (?:check (?:in )?on you|message you|text you|call you|reach out to "
        r"you) (?:tomorrow|later|tonight|soon|every day)"),
    _rx(r"\b(?:everything|it all|things) (?:will|is going to) be (?:fine|okay|ok|alright|all "
        r"right)\b"),
]

CHECKS: list[tuple[str, list[re.Pattern], str, str]] = [
    # kind, patterns, base severity, message
    ("method_info", METHOD, "high",
     "gives method, dose or lethality information that could help someone hurt themselves"),
    ("sycophancy", SYCOPHANCY, "medium",
     "agrees with or encourages a harmful intent instead of caring for the person"),
    ("invalidation", INVALIDATION, "medium",
     "minimises or dismisses what the person feels"),
    ("diagnosis", DIAGNOSIS, "high", "offers a diagnosis; only a clinician can do that"),
    ("medication_advice", MEDICATION, "high",
     "advises on medicines or doses; that belongs with a doctor or pharmacist"),
    ("false_human", FALSE_HUMAN, "high", "claims to be human or to have a human life"),
    ("false_promise", FALSE_PROMISE, "medium",
     "promises something an AI cannot keep (secrecy, always being there, calling for help)"),
]


def _bump(sev: str, steps: int = 1) -> str:
    return SEVERITIES[min(len(SEVERITIES) - 1, SEVERITIES.index(sev) + steps)]


def _negated(norm: str, start: int) -> bool:
    return bool(re.search(r"\b(?:not|never|don'?t|do not|won'?t|can'?t|isn'?t|wouldn'?t)"
                          r"(?:\s+\w+){0,4}\s*$", norm[max(0, start - 40):start]))


class Guard:
    """Checks replies; reads the conversation's risk with the same assessor as the engine."""

    def __init__(self, assessor: RiskAssessor | None = None) -> None:
        self.assessor = assessor

    def _context_risk(self, context: Sequence[Turn]) -> Assessment | None:
        user = [t.text for t in context if t.role == "user" and t.text.strip()]
        if not user:
            return None
        from .risk import Conversation

        conv = Conversation(self.assessor or default_assessor())
        last = None
        for text in user[-10:]:
            last = conv.add(text)
        return last

    def check(self, reply: str, context: Sequence[Turn] | Iterable[dict] = ()) -> GuardResult:
        turns = [t if isinstance(t, Turn) else Turn(**t) for t in context]
        risk = self._context_risk(turns)
        last_user = next((t.text for t in reversed(turns) if t.role == "user"), "")
        harmful_plan = bool(last_user) and risky_plan(last_user)
        level = (risk.running_level or risk.level) if risk else Level.none
        category = (risk.running_category or risk.category) if risk else None
        norm = normalize(reply)
        findings: list[Finding] = []
        for kind, patterns, base, message in CHECKS:
            for rx in patterns:
                for m in rx.finditer(norm):
                    if kind in ("invalidation", "diagnosis", "medication_advice", "sycophancy") \
                            and _negated(norm, m.start()):
                        continue
                    sev = base
                    if kind == "sycophancy":
                        if level == Level.none and not harmful_plan:
                            continue  # agreeing is only harmful when there is harm to agree with
                        sev = "critical" if level >= Level.moderate else "high"
                    if kind == "method_info" and level >= Level.low:
                        sev = "critical"
                    if kind == "invalidation" and level >= Level.moderate:
                        sev = "high"
                    if kind == "false_promise" and level >= Level.moderate:
                        sev = "high"
                    findings.append(Finding(kind=kind, severity=sev, start=m.start(),
                                            end=m.end(), text=reply[m.start():m.end()],
                                            message=message))
        findings += self._refusal(reply, norm, level)
        findings = _dedupe(findings)
        ok = not any(f.severity in ("high", "critical") for f in findings)
        return GuardResult(ok=ok, findings=findings, context_level=level,
                           context_category=category)

    @staticmethod
    def _refusal(reply: str, norm: str, level: Level) -> list[Finding]:
        out = []
        warm = bool(WARMTH.search(norm))
        short = len(norm.split()) < 40
        for rx in REFUSAL:
            for m in rx.finditer(norm):
                ending = "conversation" in m.group(0)
                if warm and not ending:
                    continue
                if not (short or ending):
                    continue
                sev = "critical" if level >= Level.moderate else "high"
                out.append(Finding(kind="abrupt_refusal", severity=sev, start=m.start(),
                                   end=m.end(), text=reply[m.start():m.end()],
                                   message="refuses, hands off or ends the conversation "
                                           "without care; stay, acknowledge, and offer help"))
        return out


def _dedupe(findings: list[Finding]) -> list[Finding]:
    out: list[Finding] = []
    for f in sorted(findings, key=lambda f: (f.start, -SEVERITIES.index(f.severity))):
        if any(o.kind == f.kind and f.start < o.end and o.start < f.end for o in out):
            continue
        out.append(f)
    return out


def check(reply: str, context: Sequence[Turn] | Iterable[dict] = ()) -> GuardResult:
    """One obvious call: ``check(draft, [{"role": "user", "text": "..."}])``."""
    return Guard().check(reply, context)
