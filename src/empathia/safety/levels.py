"""Risk levels and categories: the shared vocabulary of the safety package."""

from __future__ import annotations

from enum import Enum


class Level(str, Enum):
    """Ordered risk levels (DESIGN.md): none < low < moderate < high < imminent."""

    none = "none"
    low = "low"
    moderate = "moderate"
    high = "high"
    imminent = "imminent"

    @property
    def rank(self) -> int:
        return LEVELS.index(self)

    def __lt__(self, other: "Level") -> bool:  # type: ignore[override]
        return self.rank < Level(other).rank

    def __le__(self, other: "Level") -> bool:  # type: ignore[override]
        return self.rank <= Level(other).rank

    def __gt__(self, other: "Level") -> bool:  # type: ignore[override]
        return self.rank > Level(other).rank

    def __ge__(self, other: "Level") -> bool:  # type: ignore[override]
        return self.rank >= Level(other).rank

    def step(self, n: int) -> "Level":
        """The level ``n`` steps up (or down), clamped to the scale."""
        return LEVELS[max(0, min(len(LEVELS) - 1, self.rank + n))]


LEVELS: list[Level] = [Level.none, Level.low, Level.moderate, Level.high, Level.imminent]

CATEGORIES: tuple[str, ...] = ("self_harm", "harm_to_others", "abuse", "medical")

# When two categories reach the same level, the one a responder must act on first wins.
CATEGORY_PRIORITY: dict[str, int] = {"medical": 0, "self_harm": 1, "abuse": 2,
                                     "harm_to_others": 3}


def max_level(levels) -> Level:
    out = Level.none
    for lv in levels:
        lv = Level(lv)
        if lv > out:
            out = lv
    return out
