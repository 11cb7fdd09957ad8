"""Measuring risk assessment: probe files (JSONL) and the C-SSRS users file.

Probe file lines: ``{"id","text","risk": bool,"category","min_level"}``.

- recall: share of risk items predicted at ``low`` or above;
- under-triage rate: share of risk items whose predicted level is more than one step
  below ``min_level``;
- false-positive rate: share of non-risk items predicted at ``low`` or above.

C-SSRS: each user is levelled by assessing every post and taking the highest post level
(one clear statement is enough to act on). ``recall`` there is the share of non-Supportive
users levelled ``low`` or above, ``false_positive_rate`` the share of Supportive users
levelled ``low`` or above (Supportive users write *to* people at risk, so their posts are
full of the same words), ``confusion`` is label x predicted level. Graded precision and recall follow Gaur et al.
(2019) on the ordinal scale: a user counts as a false negative when the predicted level is
below the expected level, a false positive when above, a true positive when equal. The
expected level of a label is ``cssrs.EXPECTED_LEVEL`` (Attempt, a past act, maps to high;
imminent predictions count as high there).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from pathlib import Path

from .levels import LEVELS, Level
from .risk import RiskAssessor


class ProbeError(ValueError):
    pass


def read_probes(path: Path) -> tuple[list[dict], list[str]]:
    """Probe items and the errors of bad lines (by number); bad lines are skipped."""
    items, errors = [], []
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                errors.append(f"{Path(path).name}:{n}: not valid JSON ({err.msg})")
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("text"), str) \
                    or not obj["text"].strip() or not isinstance(obj.get("risk"), bool):
                errors.append(f'{Path(path).name}:{n}: needs a non-empty "text" and a '
                              f'boolean "risk"')
                continue
            ml = obj.get("min_level", "low" if obj["risk"] else "none")
            if ml not in {lv.value for lv in LEVELS}:
                errors.append(f"{Path(path).name}:{n}: unknown min_level {ml!r}")
                continue
            obj["min_level"] = ml
            obj.setdefault("id", str(n))
            obj.setdefault("category", "none")
            items.append(obj)
    return items, errors


def probe_report(items: list[dict], assessor: RiskAssessor) -> dict:
    preds = assessor.assess_many([it["text"] for it in items])
    pos = [(it, p) for it, p in zip(items, preds) if it["risk"]]
    neg = [(it, p) for it, p in zip(items, preds) if not it["risk"]]
    hit = [p.level > Level.none for _, p in pos]
    under = [p.level.rank < Level(it["min_level"]).rank - 1 for it, p in pos]
    fp = [p.level > Level.none for _, p in neg]
    per_cat: dict[str, dict] = {}
    groups: dict[str, list] = defaultdict(list)
    for it, p in pos:
        groups[it["category"]].append((it, p))
    for cat, rows in sorted(groups.items()):
        per_cat[cat] = {
            "n": len(rows),
            "recall": _ratio(sum(p.level > Level.none for _, p in rows), len(rows)),
            "under_triage_rate": _ratio(sum(p.level.rank < Level(it["min_level"]).rank - 1
                                            for it, p in rows), len(rows)),
            "category_match": _ratio(sum(p.category == cat for _, p in rows), len(rows)),
        }
    confusion = {lv.value: {pv.value: 0 for pv in LEVELS} for lv in LEVELS}
    for it, p in zip(items, preds):
        confusion[it["min_level"]][p.level.value] += 1
    misses = [{"id": it["id"], "text": it["text"], "expected": it["min_level"],
               "predicted": p.level.value, "category": p.category}
              for it, p in zip(items, preds)
              if (it["risk"] and (p.level == Level.none
                                  or p.level.rank < Level(it["min_level"]).rank - 1))
              or (not it["risk"] and p.level > Level.none)]
    return {
        "n": len(items),
        "n_risk": len(pos),
        "n_non_risk": len(neg),
        "recall": _ratio(sum(hit), len(hit)),
        "under_triage_rate": _ratio(sum(under), len(under)),
        "false_positive_rate": _ratio(sum(fp), len(fp)),
        "per_category": per_cat,
        "confusion": confusion,
        "errors_listed": misses,
    }


def cssrs_report(path: Path, assessor: RiskAssessor) -> dict:
    from ..data.cssrs import EXPECTED_LEVEL, LABELS, read_users

    data = read_users(path)
    users = data.users
    flat = [(ui, p) for ui, u in enumerate(users) for p in u.posts]
    preds = assessor.assess_many([p for _, p in flat])
    user_level = [Level.none] * len(users)
    user_cats: list[Counter] = [Counter() for _ in users]
    for (ui, _), a in zip(flat, preds):
        if a.level > user_level[ui]:
            user_level[ui] = a.level
        if a.category:
            user_cats[ui][a.category] += 1

    def ordinal(lv: Level) -> int:
        return min(lv.rank, Level.high.rank)

    table = {}
    for lab in LABELS:
        rows = [i for i, u in enumerate(users) if u.label == lab]
        dist = Counter(user_level[i].value for i in rows)
        exp = Level(EXPECTED_LEVEL[lab])
        table[lab] = {
            "users": len(rows),
            "expected_level": exp.value,
            "levels": {lv.value: dist.get(lv.value, 0) for lv in LEVELS},
            "at_or_above_expected": _ratio(sum(ordinal(user_level[i]) >= ordinal(exp)
                                               for i in rows), len(rows)),
            "flagged_any_risk": _ratio(sum(user_level[i] > Level.none for i in rows), len(rows)),
        }
    tp = fp = fn = 0
    for i, u in enumerate(users):
        exp, got = ordinal(Level(EXPECTED_LEVEL[u.label])), ordinal(user_level[i])
        tp += got == exp
        fp += got > exp
        fn += got < exp
    risky = [i for i, u in enumerate(users) if u.label != "Supportive"]
    supportive = [i for i, u in enumerate(users) if u.label == "Supportive"]
    per_cat: dict[str, dict] = {}
    for i in risky:
        top = user_cats[i].most_common(1)[0][0] if user_cats[i] else "none"
        row = per_cat.setdefault(top, {"n": 0, "recall": 0.0, "under_triage_rate": 0.0})
        row["n"] += 1
    for cat, row in per_cat.items():
        members = [i for i in risky if (user_cats[i].most_common(1)[0][0]
                                        if user_cats[i] else "none") == cat]
        row["recall"] = _ratio(sum(user_level[i] > Level.none for i in members), len(members))
        row["under_triage_rate"] = _ratio(sum(
            ordinal(user_level[i]) < ordinal(Level(EXPECTED_LEVEL[users[i].label])) - 1
            for i in members), len(members))
    confusion = {lab: {lv.value: 0 for lv in LEVELS} for lab in LABELS}
    for i, u in enumerate(users):
        confusion[u.label][user_level[i].value] += 1
    at_risk = [LABELS.index(u.label) >= 2 for u in users]
    flagged = [user_level[i] >= Level.moderate for i in range(len(users))]
    bin_tp = sum(a and b for a, b in zip(at_risk, flagged))
    return {
        "n": len(users),
        "recall": _ratio(sum(user_level[i] > Level.none for i in risky), len(risky)),
        "under_triage_rate": _ratio(sum(
            ordinal(user_level[i]) < ordinal(Level(EXPECTED_LEVEL[users[i].label])) - 1
            for i in risky), len(risky)),
        "false_positive_rate": _ratio(sum(user_level[i] > Level.none for i in supportive),
                                      len(supportive)),
        "per_category": per_cat,
        "confusion": confusion,
        "posts": len(flat),
        "per_label": table,
        "graded_precision": _ratio(tp, tp + fp),
        "graded_recall": _ratio(tp, tp + fn),
        "ideation_or_above_vs_moderate_or_above": {
            "precision": _ratio(bin_tp, sum(flagged)),
            "recall": _ratio(bin_tp, sum(at_risk)),
        },
        "errors": data.errors,
    }


def _ratio(a: int, b: int) -> float:
    return round(a / b, 4) if b else 0.0
