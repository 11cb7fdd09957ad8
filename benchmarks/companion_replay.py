"""Replay ESConv dialogues through ``Companion.reply`` with the gold history.

    python benchmarks/companion_replay.py --split valid --limit 60
    python benchmarks/companion_replay.py --split train --limit 40 --repeat-penalty 2 ...

At every labelled supporter turn the companion gets the human conversation so far (with
the human supporters' strategy labels) and plans its own next turn. Prints:

- cross-turn strategy reuse: planned move == the previous supporter move (the human one
  in the history), and between the companion's own consecutive plans; human reuse beside;
- planned / human frequency per strategy (target: every ratio within [0.5, 2.0]);
- verbatim repeated sentences within a conversation (among the companion's replies);
- distinct-2 of the companion's replies and of the human replies on the same contexts;
- the share of replies to a risk >= high message that carry real help and an invitation
  to keep talking;
- mean EPITOME levels (the project's empathy model) of both, when that model loads.

Tune the planner weights on ``--split train``; report ``--split valid`` figures.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

from empathia.lab.metrics import distinct, tokens

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "datasets" / "esconv"


def mean_distinct2(texts: list[str]) -> float:
    """Distinct-2 of each reply on its own, averaged (replies with a bigram)."""
    vals = [distinct([t], 2) for t in texts if len(tokens(t)) > 1]
    return statistics.fmean(vals) if vals else 0.0


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--split", default="valid")
    ap.add_argument("--limit", type=int, default=0, help="conversations (0: all)")
    ap.add_argument("--offset", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--locale", default="US")
    ap.add_argument("--no-learned", action="store_true")
    ap.add_argument("--epitome", action="store_true", help="also score EPITOME levels")
    ap.add_argument("--dump", type=Path, default=None,
                    help="write every (context, ours, human) to this JSONL file")
    for name in ("learned-weight", "stage-weight", "transition-weight", "cue-weight",
                 "repeat-penalty", "overuse-penalty", "temperature"):
        ap.add_argument(f"--{name}", type=float, default=None)
    args = ap.parse_args(argv)

    from empathia.companion import Companion, CompanionSettings
    from empathia.data.esconv import read_jsonl
    from empathia.support.planner import PlannerSettings

    ps = PlannerSettings(**{k.replace("-", "_"): getattr(args, k.replace("-", "_"))
                            for k in ("learned-weight", "stage-weight", "transition-weight",
                                      "cue-weight", "repeat-penalty", "overuse-penalty",
                                      "temperature")
                            if getattr(args, k.replace("-", "_")) is not None})
    companion = Companion(locale=args.locale, seed=args.seed,
                          settings=CompanionSettings(planner=ps,
                                                     use_learned=not args.no_learned))
    split = read_jsonl(DATA / f"{args.split}.jsonl")
    convs = split.conversations[args.offset:]
    if args.limit:
        convs = convs[:args.limit]
    out, contexts = replay(companion, convs, args.locale)
    out = {"split": args.split, **out}
    if args.dump:
        with args.dump.open("w", encoding="utf-8") as fh:
            for hist, ours, human in contexts:
                fh.write(json.dumps({"context": hist, "ours": ours, "human": human}) + "\n")
    if args.epitome:
        out["epitome"] = epitome(companion, contexts)
    json.dump(out, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return out


def replay(companion, convs, locale: str = "US", plan_only: bool = False) -> tuple[dict, list]:
    """Replay ``convs`` (ESConv Conversations) with gold history; metrics and contexts."""
    from empathia.respond.embedded import norm_sentence, sentences
    from empathia.safety.resources import resources_for
    from empathia.support.strategies import IDS

    res = resources_for(locale)
    help_marks = [ln.number for ln in res.lines] + ([res.emergency.number] if res.emergency
                                                    else [])

    planned: list[str] = []
    human: list[str] = []
    reuse_prev = [0, 0]
    reuse_own = [0, 0]
    reuse_human = [0, 0]
    repeated = total_sent = 0
    repeats: list[str] = []
    ours_txt: list[str] = []
    human_txt: list[str] = []
    contexts: list[tuple[list[dict], str, str]] = []
    high = [0, 0]
    t0 = time.perf_counter()
    for conv in convs:
        said: set[str] = set()
        prev_plan = None
        for i, turn in enumerate(conv.turns):
            if turn.speaker != "supporter" or turn.strategy is None:
                continue
            hist = [{"speaker": t.speaker, "text": t.text,
                     **({"strategy": t.strategy.value} if t.strategy else {})}
                    for t in conv.turns[:i]]
            conv_in = {"locale": locale, "turns": hist}
            if plan_only:
                planned.append(companion.plan(conv_in).strategy)
                human.append(turn.strategy.value)
                prev_sup = next((t for t in reversed(conv.turns[:i])
                                 if t.speaker == "supporter" and t.strategy), None)
                if prev_sup is not None:
                    reuse_prev[1] += 1
                    reuse_prev[0] += planned[-1] == prev_sup.strategy.value
                    reuse_human[1] += 1
                    reuse_human[0] += turn.strategy.value == prev_sup.strategy.value
                if prev_plan is not None:
                    reuse_own[1] += 1
                    reuse_own[0] += planned[-1] == prev_plan
                prev_plan = planned[-1]
                continue
            r = companion.reply(conv_in)
            s = r.plan.strategy
            planned.append(s)
            human.append(turn.strategy.value)
            prev_sup = next((t for t in reversed(conv.turns[:i]) if t.speaker == "supporter"
                             and t.strategy), None)
            if prev_sup is not None:
                reuse_prev[1] += 1
                reuse_prev[0] += s == prev_sup.strategy.value
                reuse_human[1] += 1
                reuse_human[0] += turn.strategy.value == prev_sup.strategy.value
            if prev_plan is not None:
                reuse_own[1] += 1
                reuse_own[0] += s == prev_plan
            prev_plan = s
            for sent in sentences(r.text):
                n = norm_sentence(sent)
                total_sent += 1
                if n in said and r.plan.protocol is None:
                    repeated += 1
                    repeats.append(sent)
                said.add(n)
            ours_txt.append(r.text)
            human_txt.append(turn.text)
            contexts.append((hist, r.text, turn.text))
            if r.risk.get("level") in ("high", "imminent"):
                high[1] += 1
                carries = any(m and m in r.text for m in help_marks)
                invite = bool(re.search(r"keep talking|i'm here|i am here|not going anywhere|"
                                        r"stay (?:right )?(?:here|with (?:me|you))|tell me|"
                                        r"talk(?:ing)? (?:with|to) (?:me|you)", r.text,
                                        re.IGNORECASE))
                high[0] += carries and invite
    secs = time.perf_counter() - t0

    pf, hf = Counter(planned), Counter(human)
    n = len(planned)
    ratios = {s: round((pf[s] / n) / max(hf[s] / n, 1e-9), 3) for s in IDS}
    out = {
        "conversations": len(convs), "turns": n,
        "planner": companion.planner.settings.model_dump(),
        "learned_prior": companion.models is not None,
        "reuse_vs_previous_turn": round(reuse_prev[0] / max(1, reuse_prev[1]), 4),
        "reuse_own_consecutive": round(reuse_own[0] / max(1, reuse_own[1]), 4),
        "human_reuse": round(reuse_human[0] / max(1, reuse_human[1]), 4),
        "ratio_planned_over_human": ratios,
        "ratios_within_0.5_2.0": all(0.5 <= v <= 2.0 for v in ratios.values()),
        "repeated_sentences": repeated, "sentences": total_sent,
        "repeated_examples": repeats[:10],
        "mean_words": round(statistics.fmean(len(t.split()) for t in ours_txt), 2)
        if ours_txt else 0.0,
        "mean_words_human": round(statistics.fmean(len(t.split()) for t in human_txt), 2)
        if human_txt else 0.0,
        "distinct2": round(distinct(ours_txt, 2), 4),
        "distinct2_human": round(distinct(human_txt, 2), 4),
        "mean_distinct2": round(mean_distinct2(ours_txt), 4),
        "mean_distinct2_human": round(mean_distinct2(human_txt), 4),
        "high_risk_replies": high[1],
        "high_risk_with_help": round(high[0] / high[1], 4) if high[1] else None,
        "seconds_per_turn": round(secs / max(1, n), 4),
    }
    return out, contexts


def epitome(companion, contexts) -> dict | None:
    """Mean EPITOME level per mechanism, ours vs human, by the project's empathy model."""
    models = companion.models
    if models is None:
        return None
    ours = models.assess_many([(h, o) for h, o, _ in contexts])
    hum = models.assess_many([(h, x) for h, _, x in contexts])
    out = {}
    for mech in ours[0].empathy:
        out[mech] = {"ours": round(statistics.fmean(a.empathy[mech].level for a in ours), 3),
                     "human": round(statistics.fmean(a.empathy[mech].level for a in hum), 3)}
    return out


if __name__ == "__main__":
    main()
