"""Reader for the C-SSRS Reddit users file (Gaur et al., WWW 2019).

``users.dev.csv`` has one row per user: ``User``, ``Post`` (a Python list literal of that
user's posts) and ``Label`` (Supportive < Indicator < Ideation < Behavior < Attempt). Some
``Post`` cells were cut at 32,759 characters (a spreadsheet limit) in the middle of a
string; those are read up to the last complete post, and the cut is reported.
"""

from __future__ import annotations

import ast
import csv
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

LABELS = ("Supportive", "Indicator", "Ideation", "Behavior", "Attempt")
# How a C-SSRS label maps onto empathia's levels (Attempt is a past act: high, not imminent).
EXPECTED_LEVEL = {"Supportive": "none", "Indicator": "low", "Ideation": "moderate",
                  "Behavior": "high", "Attempt": "high"}


class DataError(ValueError):
    """A file that cannot be read as C-SSRS users; the message says why."""


@dataclass
class CssrsUser:
    user: str
    label: str
    posts: list[str]
    truncated: bool = False


@dataclass
class CssrsFile:
    users: list[CssrsUser] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


def parse_posts(cell: str) -> tuple[list[str], bool]:
    """The list literal of posts; a cut-off literal yields its complete posts."""
    try:
        value = ast.literal_eval(cell)
        if isinstance(value, list):
            return [str(p) for p in value], False
    except (SyntaxError, ValueError):
        pass
    # Cut mid-string: keep everything up to the last separator between two posts.
    for sep in ("', '", "\", \"", "', \"", "\", '"):
        cut = cell.rfind(sep)
        if cut > 0:
            try:
                value = ast.literal_eval(cell[:cut + 1] + "]")
                if isinstance(value, list):
                    return [str(p) for p in value], True
            except (SyntaxError, ValueError):
                continue
    body = cell.strip().lstrip("[").rstrip("]")
    parts = [p for p in re.split(r"['\"],\s*['\"]", body) if p.strip()]
    return [p.strip("'\" ") for p in parts], True


def read_users(path: Path) -> CssrsFile:
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    csv.field_size_limit(min(sys.maxsize, 2**31 - 1))
    out = CssrsFile()
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        if reader.fieldnames is None or not {"User", "Post", "Label"} <= set(reader.fieldnames):
            raise DataError(f"{path}: expected the columns User, Post, Label")
        for n, row in enumerate(reader, 2):
            label = (row.get("Label") or "").strip()
            if label not in LABELS:
                out.errors.append(f"{path.name}:{n}: unknown label {label!r}")
                continue
            posts, cut = parse_posts(row.get("Post") or "")
            posts = [p for p in posts if p.strip()]
            if not posts:
                out.errors.append(f"{path.name}:{n}: no posts")
                continue
            out.users.append(CssrsUser(row.get("User", f"line-{n}"), label, posts, cut))
    return out
