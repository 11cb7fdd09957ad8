"""Canonical example assessments per crisis topic (used by snapshots, tests and docs)."""

from __future__ import annotations

from .levels import Level
from .risk import Evidence, build

# topic -> (level, category, rule ids, third person)
TOPIC_EXAMPLES: dict[str, tuple[str, str, tuple[str, ...], bool]] = {
    "sh_passive": ("low", "self_harm", ("sh.wish_not_exist",), False),
    "sh_thoughts": ("moderate", "self_harm", ("sh.kill_self",), False),
    "sh_unclear": ("moderate", "self_harm", ("model.exemplar",), False),
    "sh_injury": ("high", "self_harm", ("sh.cut_recent",), False),
    "sh_attempt": ("high", "self_harm", ("sh.attempt",), False),
    "sh_plan": ("high", "self_harm", ("sh.plan", "sh.kill_self"), False),
    "sh_in_progress": ("imminent", "self_harm", ("sh.overdose_taken",), False),
    "sh_third": ("moderate", "self_harm", ("sh.kill_self",), True),
    "sh_third_now": ("imminent", "self_harm", ("sh.overdose_taken",), True),
    "ho_thoughts": ("moderate", "harm_to_others", ("ho.want_kill",), False),
    "ho_unclear": ("moderate", "harm_to_others", ("model.exemplar",), False),
    "ho_plan": ("high", "harm_to_others", ("ho.mass",), False),
    "ab_ongoing": ("moderate", "abuse", ("ab.hits",), False),
    "ab_sexual": ("high", "abuse", ("ab.sexual",), False),
    "ab_child": ("high", "abuse", ("ab.child",), False),
    "ab_danger": ("imminent", "abuse", ("ab.imminent", "ab.threat"), False),
    "md_emergency": ("imminent", "medical", ("md.chest",), False),
    "md_overdose": ("imminent", "medical", ("md.overdose",), False),
}

BOUNDARY_EXAMPLES = [
    "you're the only one who understands me",
    "I love you",
    "promise you'll never leave me",
    "i can't live without talking to you",
    "are you a real person?",
    "can we meet up for coffee sometime?",
    "promise you won't tell anyone what I'm about to say",
    "what did you do this weekend?",
    "just tell me what to do with my life, I'll do whatever you say",
    "you're better than my therapist, I'll just use you instead",
    "pretend you're my mum, she died last year",
]


def example_assessment(level: str, category: str, rules, third: bool = False):
    ev = [Evidence(start=0, end=1, text="x", category=category, level=Level(level), rule=r,
                   third_person=third) for r in rules]
    return build("x", ev, [], None, True)
