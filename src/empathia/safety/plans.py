"""Plans that could hurt the person or someone else, read in their own words: the steps a
caring supporter does not praise (starving, stopping medicine alone, drinking to forget,
secrecy from carers, revenge) and big impulsive choices about money, work and people. The
planner leaves them out of "your own plan" praise, the companion answers them with moves
of their own (``step_cues``), and the guard treats agreeing with one as sycophancy. The
health steps (stopping a medicine, going without food) are also read on their own: the
risk reader keeps a medicine decision at ``low``."""

from __future__ import annotations

import re

# A treatment refused or replaced (``STOP_TREATMENT``, and one of the risky steps).
_STOP_TREATMENT = (
    r"\b(?:skip|skipping|stop|stopping|quit|quitting|refuse|refusing|cancel|cancelling|drop|"
    r"dropping|give up|giving up) (?:my |the |all |all my )?(?:chemo\w*|radiotherapy|radiation|"
    r"dialysis|surgery|operation|treatment|transfusions?)\b|\binstead of (?:chemo\w*|"
    r"radiotherapy|dialysis|surgery|(?:my |the )?treatment)\b")

# A child put at risk by a parent's plan: left alone too young, meals taken away, shut in.
_CHILD_AT_RISK = (
    r"\bleav(?:e|ing) (?:my|the|our) (?:\d+[- ]?(?:year|yr)[- ]old|baby|toddler|kids?|children|son"
    r"|daughter)\b (?:\w+ ){0,2}alone\b|\btak(?:e|ing) away (?:his|her|their) (?:meals|food|dinner"
    r"|lunch)\b|\bno (?:food|dinner|meals) for (?:him|her|them)\b|\block(?:ing)? (?:him|her|them|my "
    r"(?:son|daughter|kids?|child|children)) in (?:his|her|their|the) (?:room|cupboard|closet|shed)")
CHILD_AT_RISK = re.compile(_CHILD_AT_RISK, re.IGNORECASE)

# Steps a caring supporter does not praise: starving or purging, stopping medicine on one's
# own, drinking or using to cope, keeping it from everyone, getting back at someone. Saying
# "that sounds like a good plan" to these is the flattery issue 4 forbids, so they are not
# read as a plan to affirm (the planner then explores instead).
RISKY_STEP_RX = re.compile(
    r"\b(?:stop|quit|skip|give up|cut out) (?:eating|meals|food|my (?:meds|medication|"
    r"medicine|pills|tablets|antidepressants|insulin)|taking (?:my |the )?(?:meds|medication|"
    r"medicine|pills|tablets|antidepressants|insulin)|therapy|seeing my (?:therapist|doctor))|"
    r"\b(?:starve|fast|purge|throw up)\b|\bnot (?:eat|eating)\b|"
    r"\b(?:drink|drinking|get drunk|get high|use again|smoke|relapse)\b[^.!?]*"
    r"\b(?:until|till|to forget|to cope|to numb|to sleep|tonight|again)\b|"
    r"\b(?:not|never) tell(?:ing)? (?:anyone|anybody|my (?:parents|family|mum|mom|dad|doctor|"
    r"therapist))\b|\bkeep (?:it|this) (?:a )?secret\b|"
    r"\b(?:get back at|make (?:him|her|them) pay|teach (?:him|her|them) a lesson|get even)\b|"
    # treatment refused or replaced, danger without anyone knowing, a child put at risk
    + _STOP_TREATMENT + r"|\b(?:skip|skipping|stop|stopping|quit|refuse|refusing|cancel|"
    r"cancelling) (?:my |the |all )?(?:hospital appointments?|therapy sessions?)\b|\binstead of "
    r"my (?:meds|medication|medicine|insulin|inhaler)\b|"
    r"\bwithout telling (?:anyone|anybody|a soul|my (?:parents|family|partner|wife|husband|mum|"
    r"mom|dad))\b|" + _CHILD_AT_RISK, re.IGNORECASE)


# Big, risky choices about money, work and people made on impulse: staking savings on a
# promise, quitting with nothing lined up, cutting everyone off, getting even in public.
RISKY_CHOICE_RX = re.compile(
    r"\b(?:all (?:of )?my (?:savings|money)|(?:whole|entire) (?:emergency fund|savings|"
    r"paycheck|pay ?check|inheritance)|max(?:ing)? out (?:all )?(?:my )?(?:credit )?cards?|"
    r"lottery tickets|crypto|guaranteed to|(?:sell|selling) my (?:car|house|flat)|payday loan|"
    r"(?:bet|gamble|gambling) (?:it all|everything|my)|no savings|no plan|quit my job "
    r"(?:tomorrow|today|tonight|right now|on the spot)|cut (?:off|out) (?:all|everyone|"
    r"(?:all )?my (?:friends|family))|not tell(?:ing)? anyone where|(?:private|nude|naked) "
    r"(?:photos|pics|pictures)|fake accounts?|ruin (?:their|his|her) (?:marriage|life|"
    r"business|reputation)|angry email to (?:the whole|everyone|all)|expose (?:him|her|them)|"
    r"(?:lend|lending|give|giving|send|sending) (?:\w+ ){0,3}(?:money|savings|fund)\b.{0,40}"
    r"\b(?:met online|online|on (?:an? )?app|never met)|win (?:it|the money|my money|it all) back|"
    r"chas(?:e|ing) (?:my )?losses|"
    r"(?:loan|borrow\w*|credit card) (?:\w+ ){0,3}(?:to|for) (?:\w+ ){0,3}(?:gambl\w*|bet\w*))",
    re.IGNORECASE)
INTENT_RX = re.compile(
    r"\b(?:i'?m (?:going to|gonna|about to|putting|lending|selling|quitting|moving|cutting|"
    r"sending|giving|posting|taking|leaving|skipping|stopping)|i'?ll|i will|i'?ve decided to|i (?:plan|intend) to|i'?m "
    r"planning to|tomorrow i'?m)\b", re.IGNORECASE)


def risky_plan(text: str) -> bool:
    """The person says they are about to take a step that could hurt them or someone else
    ("I'm putting all my savings into a coin", "I'll post her private photos", "I'm going
    to fast for ten days"): the reply neither praises it nor ignores it."""
    return any(INTENT_RX.search(s) and (RISKY_STEP_RX.search(s) or RISKY_CHOICE_RX.search(s))
               for s in re.split(r"[.!?;\n]+", text))


# A decision about one's own medicine ("I've decided to stop my antidepressants", "coming
# off my meds next week"): a health step to meet with care, not on its own a sign of
# suicide. The encoder backstop (``risk.RiskAssessor``) reads such a message at most
# ``low`` (a gentle safety question); words the lexicon reads (an overdose, a wish to die)
# still count in full.
# Insulin and other medicines that are dangerous to stop within days are not in the list:
# "I've stopped my insulin on purpose" keeps the backstop's full reading.
STOP_MEDICINE = re.compile(
    r"\b(?:stop(?:ped|ping)?|quit(?:ting)?|(?:come|coming|came|go|going|went|get|getting|got) "
    r"off|skip(?:ped|ping)?|not (?:been )?taking|throw(?:n|ing)? away)\b[^.!?]{0,24}\b(?:meds|"
    r"medication|medicine|antidepressants?|anti-depressants?|pills|tablets|ssris?|sertraline|"
    r"prozac|zoloft|lexapro|citalopram|fluoxetine)\b", re.IGNORECASE)

# Going without food: starving, purging, a long fast, skipped meals.
STOP_EATING = re.compile(
    r"\b(?:fast(?:ing)? for (?:\d+|a|two|three|four|five|six|seven|eight|nine|ten|several|a few) "
    r"(?:days?|weeks?)|water fast|(?:only|just) (?:drink(?:ing)? )?water (?:for|until)|"
    r"stop(?:ped|ping)? eating|(?:not|barely|hardly) (?:been )?eat(?:ing)?\b|"
    r"skip(?:ped|ping)? (?:all (?:my )?)?meals|starv(?:e|ing) myself|purg(?:e|ing)\b|"
    r"make myself (?:throw up|sick)|throw(?:ing)? up (?:after (?:i eat|eating|meals)|on purpose)|"
    r"eat(?:ing)? (?:nothing|almost nothing)|(?:stop|quit|cut out) (?:food|meals))",
    re.IGNORECASE)


# Stopping or replacing a treatment (chemotherapy, dialysis, an operation): the care team
# is the person to talk it through with, not a reply that weighs the choice.
STOP_TREATMENT = re.compile(_STOP_TREATMENT, re.IGNORECASE)


def step_cues(text: str) -> list[str]:
    """The companion's cues for a step that could hurt them, most specific first: a health
    step ("stop_medicine", "stop_treatment", "stop_eating") or a child put at risk
    ("child_at_risk") answered with care, else "risky_plan"."""
    health = [cue for cue, rx in (("stop_medicine", STOP_MEDICINE),
                                  ("stop_treatment", STOP_TREATMENT),
                                  ("stop_eating", STOP_EATING),
                                  ("child_at_risk", CHILD_AT_RISK))
              if rx.search(text)]
    return health or (["risky_plan"] if risky_plan(text) else [])
