"""Audit log of risk events: one JSON line per assessment at ``low`` or above.

Each line holds the time (UTC, ISO 8601), level, category, running level, the rule ids
that fired and where it came from -- no message text unless the operator asks for it
(``EMPATHIA_AUDIT_TEXT=1`` or ``AuditLog(include_text=True)``), because what a person
says in crisis is theirs.

Where: ``EMPATHIA_AUDIT_LOG`` if set (a file path; ``off`` disables logging), else
``risk_audit.jsonl`` in the user data folder (platformdirs: e.g.
``~/.local/share/empathia`` on Linux).
"""

from __future__ import annotations

import json
import os
from datetime import datetime, timezone
from pathlib import Path

from .levels import Level
from .risk import Assessment


def default_path() -> Path | None:
    env = os.environ.get("EMPATHIA_AUDIT_LOG", "").strip()
    if env.lower() in {"off", "0", "none", "false"}:
        return None
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("empathia", appauthor=False)) / "risk_audit.jsonl"


class AuditLog:
    def __init__(self, path: Path | None | str = "default", include_text: bool | None = None,
                 min_level: Level = Level.low) -> None:
        self.path = default_path() if path == "default" else (Path(path) if path else None)
        if include_text is None:
            include_text = os.environ.get("EMPATHIA_AUDIT_TEXT", "") in {"1", "true", "yes"}
        self.include_text = include_text
        self.min_level = min_level

    def record(self, assessment: Assessment, text: str | None = None, source: str = "risk",
               conversation_id: str | None = None) -> dict | None:
        """Append an event when the assessment reaches ``min_level``; returns it."""
        if self.path is None or assessment.level < self.min_level:
            return None
        event = {
            "timestamp": datetime.now(timezone.utc).isoformat(timespec="seconds"),
            "source": source,
            "level": assessment.level.value,
            "category": assessment.category,
            "running_level": (assessment.running_level.value
                              if assessment.running_level else None),
            "rules": sorted({e.rule for e in assessment.evidence}),
            "third_person": assessment.third_person,
        }
        if conversation_id:
            event["conversation_id"] = conversation_id
        if self.include_text and text is not None:
            event["text"] = text
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with self.path.open("a", encoding="utf-8") as fh:
                fh.write(json.dumps(event, ensure_ascii=False) + "\n")
        except OSError:
            return None  # logging must never stop a reply to someone in crisis
        return event
