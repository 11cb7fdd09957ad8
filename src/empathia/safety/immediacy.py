"""Words that put a risk already read in the message into the present.

The rules and the encoder backstop often see the right kind of risk in a message written
from inside the moment and still rate it ``low`` or ``moderate``: "window open, sitting on
the ledge", "blade is out and sleeve is up", "he's in the hallway now, I can hear him",
"knife's in my jacket and I'm outside her flat". What makes these urgent is not the risk
words but the scene: the person is at the place, the means is in hand or set up, or the
other person is here, now. ``present_scene`` reads that scene; the assessor raises a
self-harm, abuse or harm-to-others reading that has one to at least ``high``, and a
self-harm reading already ``high`` from the words to ``imminent`` when the person is at the
place or holds the means, told as now (``at_the_edge_now``). It never starts a reading of
its own, so "I'm on the roof terrace with a beer" stays quiet.
"""

from __future__ import annotations

import re

from .lexicon import RESOLVED

_I = r"(?:i'?m|i am|im|i'?ve been|sitting|standing|stood|perched|i'?m sat)"
_PLACE = (r"(?:ledge|edge|railings?|rail|roof|rooftop|bridge|platform|tracks|cliff|"
          r"window ?sill|balcony|parapet|overpass|car park roof)")
_MEANS = (r"(?:blade|knife|razor|gun|pistol|revolver|shotgun|rifle|pills|tablets|cord|rope|"
          r"belt|noose|hammer|bat|lighter)")
_HOLDER = r"(?:hand|hands|pocket|jacket|bag|backpack|lap|waistband|glovebox|glove box)"
_THEY = (r"(?:he|she|they|he'?s|she'?s|they'?re|my (?:partner|husband|wife|boyfriend|"
         r"girlfriend|ex|dad|father|mum|mom|mother|stepdad|stepmum|stepmom|son|brother)|the man|"
         r"the guy)")

# The person at a place of danger, or with the means set up or in hand.
_AT_THE_EDGE = (
    r"\b" + _I + r" (?:\w+ ){0,3}(?:on|at|by|over|up on) (?:the |a |this |my )?(?:\w+ )?" + _PLACE
    + r"\b|\blegs? (?:dangling )?over (?:the )?(?:side|edge|railings?|rail)\b"
    r"|\b(?:standing|stood|i'?m) on (?:the|a) (?:chair|stool|bucket)\b"
    r"|\b" + _MEANS + r"(?:'s| is| are)? (?:\w+ ){0,2}(?:out(?! of)|ready|loaded|in front of me|next to me"
    r"|beside me|tied|set up|in my " + _HOLDER + r")\b"
    r"|\b(?:loaded|cocked)\b|\bsleeves? (?:is |are )?(?:up|rolled up)\b")
AT_THE_EDGE = re.compile(_AT_THE_EDGE, re.IGNORECASE)
# A scene told as past ("last night I stood on the chair"): a rehearsal, not the moment.
_PAST = re.compile(r"\b(?:stood|last (?:night|week|month|time|year)|yesterday|ago|the other day"
                   r"|earlier today)\b", re.IGNORECASE)


def at_the_edge_now(text: str, scene: re.Match) -> bool:
    """Whether ``scene`` (from ``present_scene``) puts the person at the place or with the
    means in hand, told as now rather than as something that happened."""
    return bool(AT_THE_EDGE.fullmatch(scene.group(0))) and not _PAST.search(text)


# Each alternative is a scene: a place of danger the person is at, a means set up or in
# hand, someone dangerous here now, hiding from them, or the act under way.
SCENE = re.compile(
    _AT_THE_EDGE
    + r"|\b" + _THEY + r"(?:'s| is| are)? (?:\w+ )?(?:outside|downstairs|upstairs|in the (?:hallway|"
    r"house|next room|kitchen|corridor|living room)|at the (?:door|window)|coming (?:back|home|up|"
    r"in|for me)|on (?:his|her|their) way|banging on|trying to (?:get|break) in|still (?:here|home|"
    r"in the house))\b"
    r"|\b(?:hiding|locked (?:myself )?in|shut myself in) (?:in )?(?:the|my|a) (?:bathroom|toilet|"
    r"car|room|closet|wardrobe|cupboard|shed|garage)\b"
    r"|\bi can hear (?:him|her|them)\b"
    r"|\b(?:outside|sitting outside|waiting outside|parked outside) (?:\w+ ){0,2}(?:house|flat|"
    r"door|place|work|office|school)\b",
    re.IGNORECASE)


# A scene that recurs ("when I'm on the platform I think about ...") is a pattern of
# thoughts, not the moment itself; "the edge of my seat" is excitement.
_NOT_THE_MOMENT = re.compile(r"\b(?:when|whenever|every time|each time|if)\s+$|\b(?:edge|end) of"
                             r" (?:my|the|our) (?:seat|rope|tether)\b", re.IGNORECASE)


def present_scene(text: str) -> re.Match | None:
    """The first scene in ``text`` that puts risk in the present, or None when there is
    none or the message says it is over."""
    if RESOLVED.search(text):
        return None
    for m in SCENE.finditer(text):
        before = text[max(0, m.start() - 16):m.start()]
        if _NOT_THE_MOMENT.search(before) or \
                _NOT_THE_MOMENT.search(text[m.start():m.end() + 12]):
            continue
        return m
    return None
