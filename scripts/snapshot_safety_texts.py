"""Regenerate tests/data/crisis_snapshots.json: every text the crisis protocol and the
boundary answers can send, and composed examples for every topic and locale.

Run after changing any phrasing, then READ the diff as the person receiving it would:
    PYTHONPATH=src python scripts/snapshot_safety_texts.py
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from empathia.safety import boundaries, crisis  # noqa: E402
from empathia.safety.examples import TOPIC_EXAMPLES, BOUNDARY_EXAMPLES, example_assessment  # noqa: E402
from empathia.safety.resources import known_locales  # noqa: E402


def build() -> dict:
    locales = known_locales() + ["unknown", "IT"]
    composed = {}
    for topic, (level, category, rules, third) in TOPIC_EXAMPLES.items():
        a = example_assessment(level, category, rules, third)
        for loc in locales:
            proto = crisis.CrisisProtocol(loc, seed=0)
            composed[f"{topic}/{loc}"] = [proto.compose(a).text for _ in range(3)]
    bounds = {}
    for text in BOUNDARY_EXAMPLES:
        b = boundaries.Boundaries(seed=0)
        bounds[text] = [r.text for r in (b.respond(text), b.respond(text))]
    return {
        "crisis_catalogue": crisis.catalogue(locales),
        "crisis_composed_3_turns": composed,
        "boundary_catalogue": boundaries.catalogue(),
        "boundary_composed_2_turns": bounds,
    }


if __name__ == "__main__":
    out = ROOT / "tests" / "data" / "crisis_snapshots.json"
    out.write_text(json.dumps(build(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"wrote {out}")
