"""``esconv-replay``: the system answers every supporter turn of ESConv-format dialogues,
given the gold history, and is scored against the human supporter on the same turns.

A *turn* is a run of consecutive supporter utterances (ESConv supporters often send two or
three messages in a row): their texts are joined with a space into the human reply, and
the turn's human strategies are the labels of all of them. Turn ``k`` of dialogue ``d`` is
item ``d#k``; dialogue ids are the record's ``id`` (or ``dialogue_id``, ``conv_id``) and
otherwise its line number in the file, so a responses file made by ``empathia lab
export-human`` from the same data keys back exactly.
"""

from __future__ import annotations

import json
from collections import defaultdict
from pathlib import Path

from ..data.esconv import parse_conversation
from ..data.jsonl import json_lines
from ..support.strategies import IDS
from . import metrics as M
from .run import Item, Scorer
from .systems import System

MECHANISMS = ("emotional_reactions", "interpretations", "explorations")


def dialogue_id(obj: dict, lineno: int) -> str:
    for k in ("id", "dialogue_id", "conv_id"):
        if isinstance(obj.get(k), (str, int)) and not isinstance(obj.get(k), bool):
            return str(obj[k])
    return str(lineno)


def replay_items(path: Path, limit: int | None = None) -> list[Item]:
    """One item per supporter turn of the first ``limit`` dialogues (non-empty lines); a
    line that cannot be read becomes one error item saying why."""
    items: list[Item] = []
    for ln in json_lines(Path(path), limit):
        lineno, where, obj = ln.lineno, ln.where, ln.value
        if ln.error:
            items.append(Item(f"line{lineno}", {"line": lineno}, ln.error))
            continue
        errors: list[str] = []
        conv = parse_conversation(obj, where, errors)
        if conv is None:
            items.append(Item(f"line{lineno}", {"line": lineno},
                              errors[0] if errors else f"{where}: unreadable record"))
            continue
        did = dialogue_id(obj, lineno)
        turns = conv.turns
        k = i = 0
        while i < len(turns):
            if turns[i].speaker != "supporter":
                i += 1
                continue
            j = i
            while j < len(turns) and turns[j].speaker == "supporter":
                j += 1
            group = turns[i:j]
            items.append(Item(f"{did}#{k}", {
                "dialogue": did, "turn": k, "line": lineno,
                "situation": conv.situation, "emotion_type": conv.emotion_type,
                "problem_type": conv.problem_type,
                "history": [{"speaker": t.speaker, "text": t.text} for t in turns[:i]],
                "human": " ".join(t.text for t in group),
                "human_strategies": [t.strategy.value for t in group if t.strategy],
            }))
            k += 1
            i = j
    return items


def export_human(data: Path, out: Path, limit: int | None = None) -> int:
    """Write the human replies as a responses file; returns the number of turns written."""
    n = 0
    with Path(out).open("w", encoding="utf-8") as fh:
        for it in replay_items(data, limit):
            if it.error:
                continue
            fh.write(json.dumps({"id": it.input["dialogue"], "turn": it.input["turn"],
                                 "text": it.input["human"],
                                 "strategies": it.input["human_strategies"]},
                                ensure_ascii=False) + "\n")
            n += 1
    return n


class ReplayTask:
    name = "esconv-replay"
    batch_size = 32

    def __init__(self, locale: str = "US") -> None:
        self.locale = locale

    def items(self, data: Path | None, limit: int | None) -> list[Item]:
        if data is None:
            raise ValueError("esconv-replay needs --data: an ESConv-format .jsonl file")
        return replay_items(data, limit)

    def solve(self, item: Item, system: System, scorer: Scorer) -> dict:
        inp = item.input
        conv = {"locale": self.locale, "user": f"lab-{inp['dialogue']}",
                "turns": inp["history"]}
        r = system.reply(conv, (inp["dialogue"], inp["turn"]))
        return {"input": inp, "output": {"text": r.text, "system_strategy": r.strategy,
                                         "meta": r.meta}, "turns": 1}

    def score_batch(self, records: list[dict], scorer: Scorer) -> None:
        if not records:
            return
        pairs = [(r["input"]["history"], r["output"]["text"]) for r in records]
        human = [(r["input"]["history"], r["input"]["human"]) for r in records]
        got = scorer.assess_many(pairs + human)
        sys_a, hum_a = got[:len(records)], got[len(records):]
        for r, a, h in zip(records, sys_a, hum_a):
            text, ref = r["output"]["text"], r["input"]["human"]
            r["scores"] = {
                "bleu2": round(M.sentence_bleu(text, ref, 2), 3),
                "rougeL": round(M.pair_rouge_l(text, ref), 4),
                "length": len(M.words(text)),
                "strategy": a["strategy"] if a else None,
                "empathy": a["empathy"] if a else None,
            }
            r["human_scores"] = {"length": len(M.words(ref)),
                                 "strategy": h["strategy"] if h else None,
                                 "empathy": h["empathy"] if h else None}

    def metrics(self, records: list[dict], scorer: Scorer) -> dict:
        return replay_metrics(records)


def _side(texts, tagged, gold, by_dialogue_texts, by_dialogue_tags, empathy) -> dict:
    have_tags = any(t is not None for t in tagged)
    out = {
        "distinct1": round(M.distinct(texts, 1), 4),
        "distinct2": round(M.distinct(texts, 2), 4),
        "mean_length": round(M.mean_length(texts), 2),
        "strategy_match": round(M.strategy_match(tagged, gold), 4) if have_tags else None,
        "strategy_reuse": round(M.strategy_reuse(by_dialogue_tags), 4) if have_tags else None,
        "preference_ratio": M.preference_ratio(tagged, [g for gs in gold for g in gs])
        if have_tags else None,
        "strategy_distribution": {k: round(v, 4) for k, v in M.distribution(tagged).items()}
        if have_tags else None,
        "empathy": _empathy(empathy),
        "repeated_sentences": round(M.repeated_sentence_rate(by_dialogue_texts), 4),
    }
    if out["preference_ratio"] is not None:
        out["preference_bias"] = round(M.preference_bias(out["preference_ratio"]), 4)
    return out


def _empathy(levels: list[dict | None]) -> dict | None:
    levels = [e for e in levels if e]
    if not levels:
        return None
    out = {}
    for m in MECHANISMS:
        vals = [e[m] for e in levels if m in e]
        out[m] = round(sum(vals) / len(vals), 4) if vals else None
    return out


def empathy_distribution(levels: list[dict | None]) -> dict[str, list[float]]:
    """Per mechanism, the share of replies at level 0, 1 and 2."""
    levels = [e for e in levels if e]
    out = {}
    for m in MECHANISMS:
        vals = [e[m] for e in levels if m in e]
        out[m] = [round(vals.count(k) / len(vals), 4) if vals else 0.0 for k in (0, 1, 2)]
    return out


def replay_metrics(records: list[dict]) -> dict:
    """The ``eval dialogue`` figures from the log records (system and human side by side,
    on the same turns: the turns the system answered)."""
    ok = [r for r in records if not r.get("error") and r.get("scores")]
    ok.sort(key=lambda r: (str(r["input"]["dialogue"]), r["input"]["turn"]))
    hyps = [r["output"]["text"] for r in ok]
    refs = [r["input"]["human"] for r in ok]
    gold = [r["input"]["human_strategies"] for r in ok]
    s_tag = [r["scores"]["strategy"] for r in ok]
    h_tag = [r["human_scores"]["strategy"] for r in ok]
    dial: dict[str, list[dict]] = defaultdict(list)
    for r in ok:
        dial[str(r["input"]["dialogue"])].append(r)

    def by_dialogue(fn):
        return [[fn(r) for r in rs] for rs in dial.values()]

    system = _side(hyps, s_tag, gold, by_dialogue(lambda r: r["output"]["text"]),
                   by_dialogue(lambda r: r["scores"]["strategy"]),
                   [r["scores"]["empathy"] for r in ok])
    human = _side(refs, h_tag, gold, by_dialogue(lambda r: r["input"]["human"]),
                  by_dialogue(lambda r: r["human_scores"]["strategy"]),
                  [r["human_scores"]["empathy"] for r in ok])
    human["strategy_reuse_gold"] = round(M.strategy_reuse(
        by_dialogue(lambda r: r["input"]["human_strategies"] or None)), 4)
    human["strategy_distribution_gold"] = {
        k: round(v, 4) for k, v in M.distribution([g for gs in gold for g in gs]).items()}
    out = {
        "n_dialogues": len(dial),
        "n_turns": len(ok),
        "bleu2": round(M.bleu(hyps, refs, 2), 4),
        "bleu4": round(M.bleu(hyps, refs, 4), 4),
        "rougeL": round(M.rouge_l(hyps, refs), 4),
        "distinct1": system["distinct1"],
        "distinct2": system["distinct2"],
        "mean_length": system["mean_length"],
        "strategy_match": system["strategy_match"],
        "strategy_reuse": system["strategy_reuse"],
        "preference_ratio": system["preference_ratio"],
        "empathy": system["empathy"],
        "repeated_sentences": system["repeated_sentences"],
        "errors": sum(1 for r in records if r.get("error")),
        "human": {k: human[k] for k in ("distinct1", "distinct2", "mean_length",
                                        "strategy_match", "strategy_reuse",
                                        "strategy_reuse_gold", "preference_ratio", "empathy",
                                        "repeated_sentences")},
        "details": {
            "strategy_distribution": system["strategy_distribution"],
            "human_strategy_distribution_tagged": human["strategy_distribution"],
            "human_strategy_distribution_gold": human["strategy_distribution_gold"],
            "preference_bias": system.get("preference_bias"),
            "human_preference_bias": human.get("preference_bias"),
            "empathy_levels": empathy_distribution([r["scores"]["empathy"] for r in ok]),
            "human_empathy_levels": empathy_distribution(
                [r["human_scores"]["empathy"] for r in ok]),
            "system_strategy_agreement": _self_agreement(ok),
        },
    }
    return out


def _self_agreement(ok: list[dict]) -> float | None:
    """How often the tagger agrees with the strategy the system says it used (when the
    system reports one, e.g. the companion's plan)."""
    pairs = [(r["output"].get("system_strategy"), r["scores"]["strategy"]) for r in ok
             if r["output"].get("system_strategy") in IDS and r["scores"]["strategy"]]
    return round(sum(a == b for a, b in pairs) / len(pairs), 4) if pairs else None


DIALOGUE_KEYS = ("n_dialogues", "n_turns", "bleu2", "bleu4", "rougeL", "distinct1",
                 "distinct2", "mean_length", "strategy_match", "strategy_reuse",
                 "preference_ratio", "empathy", "repeated_sentences", "errors", "human")


def eval_dialogue_json(metrics: dict) -> dict:
    """Exactly the keys ``empathia eval dialogue`` promises, in order."""
    return {k: metrics[k] for k in DIALOGUE_KEYS}
