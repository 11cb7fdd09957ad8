"""Plans that could hurt the person or someone else, read in their own words: the steps a
caring supporter does not praise (starving, stopping medicine alone, drinking to forget,
secrecy from carers, revenge) and big impulsive choices about money, work and people. The
planner leaves them out of "your own plan" praise, the companion answers them with moves
of their own, and the guard treats agreeing with one as sycophancy."""

from __future__ import annotations

import re

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
    r"\b(?:get back at|make (?:him|her|them) pay|teach (?:him|her|them) a lesson|get even)\b",
    re.IGNORECASE)


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
    r"\b(?:met online|online|on (?:an? )?app|never met))", re.IGNORECASE)
INTENT_RX = re.compile(
    r"\b(?:i'?m (?:going to|gonna|about to|putting|lending|selling|quitting|moving|cutting|"
    r"sending|giving|posting)|i'?ll|i will|i'?ve decided to|i (?:plan|intend) to|i'?m "
    r"planning to|tomorrow i'?m)\b", re.IGNORECASE)


def risky_plan(text: str) -> bool:
    """The person says they are about to take a step that could hurt them or someone else
    ("I'm putting all my savings into a coin", "I'll post her private photos", "I'm going
    to fast for ten days"): the reply neither praises it nor ignores it."""
    return any(INTENT_RX.search(s) and (RISKY_STEP_RX.search(s) or RISKY_CHOICE_RX.search(s))
               for s in re.split(r"[.!?;\n]+", text))
