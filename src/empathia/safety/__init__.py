"""Keeping people safe: risk assessment, the crisis protocol, the reply guard, boundaries.

    >>> from empathia.safety import assess, Conversation, CrisisProtocol, check, respond
    >>> a = assess("i just want to not be here anymore")
    >>> a.level, a.category                      # (Level.low, 'self_harm')
    >>> CrisisProtocol("UK").compose(a).text     # what the companion says at >= moderate
    >>> check(draft, [{"role": "user", "text": "..."}]).ok   # guard a drafted reply
    >>> respond("you're the only one who understands me")     # warm, honest boundary
"""

from __future__ import annotations

from .levels import CATEGORIES, LEVELS, Level
from .risk import Assessment, Conversation, Evidence, RiskAssessor, assess

__all__ = ["Assessment", "Evidence", "Level", "LEVELS", "CATEGORIES", "RiskAssessor",
           "Conversation", "assess", "CrisisProtocol", "compose", "Guard", "check",
           "Boundaries", "respond", "AuditLog", "resources_for"]


def __getattr__(name: str):
    if name in {"CrisisProtocol", "compose"}:
        from . import crisis

        return getattr(crisis, name)
    if name in {"Guard", "check"}:
        from . import guard

        return getattr(guard, name)
    if name in {"Boundaries", "respond"}:
        from . import boundaries

        return getattr(boundaries, name)
    if name == "AuditLog":
        from .audit import AuditLog

        return AuditLog
    if name == "resources_for":
        from .resources import resources_for

        return resources_for
    raise AttributeError(name)
