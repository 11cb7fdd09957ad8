"""Reading JSONL files line by line without losing a line: every non-empty line comes back
either as a parsed value or as the reason it could not be read, with its line number."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator


@dataclass
class Line:
    lineno: int
    where: str           # "file.jsonl:12", for messages
    value: Any = None    # the parsed JSON, when ``error`` is None
    error: str | None = None


def json_lines(path: Path, limit: int | None = None) -> Iterator[Line]:
    """The first ``limit`` non-empty lines of ``path`` (all when None), parsed."""
    path = Path(path)
    n = 0
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, text in enumerate(fh, 1):
            if not text.strip():
                continue
            n += 1
            if limit is not None and n > limit:
                return
            where = f"{path.name}:{lineno}"
            try:
                yield Line(lineno, where, json.loads(text))
            except json.JSONDecodeError as err:
                yield Line(lineno, where, error=f"{where}: not valid JSON ({err.msg})")
