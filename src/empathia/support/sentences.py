"""Sentence pieces of a reply with their character offsets (for rationale spans)."""

from __future__ import annotations

import re

_END = re.compile(r"[.!?]+[\"')\]]*\s+|\n+")


def split_sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-empty sentence-like piece, whitespace trimmed."""
    out = []
    start = 0
    for m in _END.finditer(text):
        out.append((start, m.end()))
        start = m.end()
    out.append((start, len(text)))
    spans = []
    for a, b in out:
        piece = text[a:b]
        if not piece.strip():
            continue
        a2 = a + (len(piece) - len(piece.lstrip()))
        b2 = b - (len(piece) - len(piece.rstrip()))
        spans.append((a2, b2))
    return spans


def overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
