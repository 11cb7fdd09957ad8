"""ESConv reader: one conversation per JSON line, ``dialog`` a list of turns with
``speaker`` (``usr`` seeker / ``sys`` supporter), ``text`` and, for supporters, ``strategy``.

Bad lines (not JSON, no dialog) and bad turns (missing text, unknown strategy) are
reported with their line number and skipped; everything else is kept.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..support.strategies import Strategy, parse_strategy


class DataError(ValueError):
    """A data file that cannot be read at all."""


@dataclass
class Turn:
    speaker: str  # "seeker" | "supporter"
    text: str
    strategy: Strategy | None = None


@dataclass
class Conversation:
    turns: list[Turn]
    emotion_type: str = ""
    problem_type: str = ""
    situation: str = ""
    line: int = 0


@dataclass
class ESConvSplit:
    conversations: list[Conversation]
    errors: list[str] = field(default_factory=list)
    lines: int = 0

    @property
    def n_supporter_turns(self) -> int:
        return sum(t.speaker == "supporter" for c in self.conversations for t in c.turns)


SPEAKERS = {"usr": "seeker", "seeker": "seeker", "sys": "supporter", "supporter": "supporter"}


def parse_conversation(obj: object, where: str, errors: list[str]) -> Conversation | None:
    """One ESConv record; problems go to ``errors`` prefixed with ``where``."""
    if not isinstance(obj, dict) or not isinstance(obj.get("dialog"), list):
        errors.append(f"{where}: expected an object with a 'dialog' list")
        return None
    turns: list[Turn] = []
    for k, t in enumerate(obj["dialog"], 1):
        if not isinstance(t, dict):
            errors.append(f"{where}: turn {k} is not an object; turn skipped")
            continue
        speaker = SPEAKERS.get(str(t.get("speaker", "")).lower())
        text = t.get("text") or t.get("content")
        if speaker is None:
            errors.append(f"{where}: turn {k} has unknown speaker {t.get('speaker')!r}; "
                          "turn skipped")
            continue
        if not isinstance(text, str) or not text.strip():
            errors.append(f"{where}: turn {k} has an empty or missing text; turn skipped")
            continue
        strategy = None
        if speaker == "supporter":
            raw = t.get("strategy")
            if raw is None:
                raw = (t.get("annotation") or {}).get("strategy") if isinstance(
                    t.get("annotation"), dict) else None
            if raw is not None:
                try:
                    strategy = parse_strategy(raw)
                except ValueError as err:
                    errors.append(f"{where}: turn {k}: {err}; kept without a label")
        turns.append(Turn(speaker, text.strip(), strategy))
    if not turns:
        errors.append(f"{where}: no usable turns")
        return None
    return Conversation(turns, str(obj.get("emotion_type", "")), str(obj.get("problem_type", "")),
                        str(obj.get("situation", "")))


def read_jsonl(path: str | Path) -> ESConvSplit:
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    split = ESConvSplit([])
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            split.lines += 1
            if not line.strip():
                continue
            where = f"{path.name}:{lineno}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                split.errors.append(f"{where}: not valid JSON ({err.msg})")
                continue
            conv = parse_conversation(obj, where, split.errors)
            if conv is not None:
                conv.line = lineno
                split.conversations.append(conv)
    return split
