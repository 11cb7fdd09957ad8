"""The eight ESConv support strategies, with stable ids and the Helping-Skills stage each
mostly serves (Liu et al. 2021, after Hill's three stages)."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Stage(str, Enum):
    exploration = "exploration"
    comforting = "comforting"
    action = "action"


class Strategy(str, Enum):
    question = "question"
    restatement = "restatement"
    reflection = "reflection"
    self_disclosure = "self_disclosure"
    affirmation = "affirmation"
    suggestion = "suggestion"
    information = "information"
    other = "other"


@dataclass(frozen=True)
class StrategyInfo:
    id: Strategy
    name: str  # the name the ESConv corpus uses
    definition: str
    stage: Stage | None  # None: not tied to one stage


STRATEGIES: tuple[StrategyInfo, ...] = (
    StrategyInfo(Strategy.question, "Question",
                 "Ask something that helps the person say more about what is happening "
                 "or how it feels.", Stage.exploration),
    StrategyInfo(Strategy.restatement, "Restatement or Paraphrasing",
                 "Say back, more briefly and in other words, what the person has told you, "
                 "so they can check you have it right.", Stage.exploration),
    StrategyInfo(Strategy.reflection, "Reflection of feelings",
                 "Name the feeling you hear underneath what the person says.",
                 Stage.comforting),
    StrategyInfo(Strategy.self_disclosure, "Self-disclosure",
                 "Share a similar experience or feeling of your own, briefly, to show you "
                 "understand.", Stage.comforting),
    StrategyInfo(Strategy.affirmation, "Affirmation and Reassurance",
                 "Recognise the person's strengths, effort or worth, and offer grounded "
                 "encouragement.", Stage.comforting),
    StrategyInfo(Strategy.suggestion, "Providing Suggestions",
                 "Offer a possible next step or a way to change things, without insisting.",
                 Stage.action),
    StrategyInfo(Strategy.information, "Information",
                 "Give useful facts, figures, resources or explanations.", Stage.action),
    StrategyInfo(Strategy.other, "Others",
                 "Greetings, thanks, small talk and anything the other seven do not cover.",
                 None),
)

IDS: tuple[str, ...] = tuple(s.id.value for s in STRATEGIES)
_BY_KEY: dict[str, Strategy] = {}
for _s in STRATEGIES:
    for _k in (_s.id.value, _s.name, _s.name.replace(" ", "_")):
        _BY_KEY[_k.lower()] = _s.id
_BY_KEY["others"] = Strategy.other
_BY_KEY["reflection of feelings"] = Strategy.reflection
_BY_KEY["restatement or paraphrasing"] = Strategy.restatement
_BY_KEY["affirmation and reassurance"] = Strategy.affirmation
_BY_KEY["providing suggestions"] = Strategy.suggestion


def parse_strategy(name: str) -> Strategy:
    """Accept a stable id or the ESConv display name (any case); ValueError otherwise."""
    if isinstance(name, Strategy):
        return name
    key = str(name).strip().lower()
    if key not in _BY_KEY:
        raise ValueError(f"unknown strategy {name!r}; expected one of {', '.join(IDS)}")
    return _BY_KEY[key]


def info(strategy: Strategy | str) -> StrategyInfo:
    sid = parse_strategy(strategy)
    return next(s for s in STRATEGIES if s.id == sid)
