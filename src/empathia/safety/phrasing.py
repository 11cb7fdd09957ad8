"""Choosing among phrasings: deterministic for a seed, never the same one twice in a
conversation until every option has been used."""

from __future__ import annotations

import random


def pick_fresh(seed: int, used: set[str], key: str, options: list[str]) -> tuple[str, str]:
    """Return (variant id, text) for ``key``, recording the id in ``used``."""
    order = list(range(len(options)))
    random.Random(f"{seed}:{key}").shuffle(order)
    fresh = [i for i in order if f"{key}.{i}" not in used]
    i = fresh[0] if fresh else order[len(used) % len(order)]
    vid = f"{key}.{i}"
    used.add(vid)
    return vid, options[i]
