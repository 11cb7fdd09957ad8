"""Running a task against a system: items in, one JSON line per item out, then metrics and
a report. A run folder holds ``run.json`` (what was run), ``items.jsonl`` (the log: inputs,
outputs, scores, timing, errors), ``metrics.json``, ``report.md`` and ``report.html``.

Interrupt a run and start it again with the same ``--out``: items already in the log are
kept and only the rest are run (``retry_errors`` also reruns the items the system failed).
"""

from __future__ import annotations

import json
import threading
import time
from concurrent.futures import FIRST_COMPLETED, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from .systems import SpecError, System, SystemFailure


@dataclass
class Item:
    id: str
    input: dict[str, Any]
    error: str | None = None  # a malformed input: logged as an error item with this reason


class Task(Protocol):
    name: str
    batch_size: int

    def items(self, data: Path | None, limit: int | None) -> list[Item]: ...

    def solve(self, item: Item, system: System, scorer: "Scorer") -> dict: ...

    def score_batch(self, records: list[dict], scorer: "Scorer") -> None: ...

    def metrics(self, records: list[dict], scorer: "Scorer") -> dict: ...


class Scorer:
    """The project's models, loaded once and lazily, shared by the tasks; model calls are
    serialised by a lock so threads may call them. When the support heads cannot load,
    the model scores are None and the reason is in ``warnings``."""

    def __init__(self, perceiver=None, support=None, use_models: bool = True) -> None:
        self.lock = threading.RLock()
        self._perceiver = perceiver
        self._support = support
        self._support_failed = not use_models
        self.warnings: list[str] = [] if use_models else [
            "support models switched off: strategy and empathy scores left empty"]
        self._guard = None

    @property
    def support(self):
        with self.lock:
            if self._support is None and not self._support_failed:
                from ..support.assess import SupportModels

                try:
                    self._support = SupportModels(perceiver=self._perceiver)
                except (FileNotFoundError, OSError, ValueError) as err:
                    self._support_failed = True
                    self.warnings.append(f"support models unavailable, strategy and empathy "
                                         f"scores left empty: {err}")
            return self._support

    def assess_many(self, pairs: list[tuple[list[dict], str]]) -> list[dict | None]:
        """[(context turns, reply)] -> [{"strategy", "strategy_scores", "empathy": {mech:
        level}} | None]."""
        models = self.support
        if models is None or not pairs:
            return [None] * len(pairs)
        with self.lock:
            out = models.assess_many(pairs)
        return [{"strategy": a.strategy.label,
                 "empathy": {m: lev.level for m, lev in a.empathy.items()}} for a in out]

    def guard(self, reply: str, context: list[dict]) -> dict:
        from ..safety.guard import Guard

        turns = [{"role": "assistant" if t["speaker"] == "supporter" else "user",
                  "text": t["text"]} for t in context]
        with self.lock:
            if self._guard is None:
                self._guard = Guard()
            res = self._guard.check(reply, turns)
        return {"ok": res.ok, "findings": [{"kind": f.kind, "severity": f.severity,
                                            "text": f.text} for f in res.findings],
                "context_level": res.context_level.value}

    def risk(self, text: str) -> dict:
        from ..safety.risk import default_assessor

        with self.lock:
            a = default_assessor().assess(text)
        return {"level": a.level.value, "category": a.category}


@dataclass
class RunResult:
    out: Path
    metrics: dict
    new_items: int
    resumed_items: int
    records: list[dict] = field(default_factory=list)


def read_log(path: Path) -> list[dict]:
    """Records of an items.jsonl; a torn last line (an interrupted write) is ignored."""
    out = []
    if not path.is_file():
        return out
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict) and "id" in rec:
            out.append(rec)
    return out


def _error_record(task: str, item: Item, reason: str, kind: str, seconds: float = 0.0) -> dict:
    return {"id": item.id, "task": task, "input": item.input, "output": None, "scores": None,
            "timing": {"solve_s": round(seconds, 4)}, "error": reason, "error_kind": kind}


def run_task(task: Task, system: System, data: Path | None, out: Path, limit: int | None = None,
             concurrency: int = 1, scorer: Scorer | None = None, retry_errors: bool = False,
             progress: bool = True, config: dict | None = None,
             on_record: Callable[[dict], None] | None = None) -> RunResult:
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    scorer = scorer or Scorer()
    cfg = {"task": task.name, "system": system.name, "data": str(data) if data else None,
           **(config or {})}
    cfg_path = out / "run.json"
    if cfg_path.is_file():
        old = json.loads(cfg_path.read_text())
        for k in ("task", "system", "data"):
            if old.get(k) != cfg.get(k):
                raise SpecError(f"{out} holds a run with {k} {old.get(k)!r}, not {cfg.get(k)!r}; "
                                "choose another --out (or delete that folder)")
    cfg_path.write_text(json.dumps({**cfg, "limit": limit, "concurrency": concurrency},
                                   indent=2))

    log_path = out / "items.jsonl"
    previous = read_log(log_path)
    if retry_errors:
        previous = [r for r in previous if r.get("error_kind") != "system"]
    # rewrite the log clean (drops a torn line, and retried errors)
    with log_path.open("w", encoding="utf-8") as fh:
        for r in previous:
            fh.write(json.dumps(r, ensure_ascii=False) + "\n")
    done = {r["id"] for r in previous}
    items = task.items(data, limit)
    todo = [it for it in items if it.id not in done]
    wanted = {it.id for it in items}
    records = [r for r in previous if r["id"] in wanted]

    started = time.time()
    new: list[dict] = []
    lock = threading.Lock()

    def write(batch: list[dict]) -> None:
        with lock, log_path.open("a", encoding="utf-8") as fh:
            for r in batch:
                fh.write(json.dumps(r, ensure_ascii=False) + "\n")
        new.extend(batch)
        if on_record:
            for r in batch:
                on_record(r)

    def solve(item: Item) -> dict:
        t0 = time.perf_counter()
        try:
            rec = task.solve(item, system, scorer)
        except SystemFailure as err:
            return _error_record(task.name, item, str(err), "system", time.perf_counter() - t0)
        rec.setdefault("timing", {})["solve_s"] = round(time.perf_counter() - t0, 4)
        rec.update(id=item.id, task=task.name)
        rec.setdefault("error", None)
        return rec

    pending_score: list[dict] = []

    def flush(final: bool = False) -> None:
        if not pending_score or (len(pending_score) < task.batch_size and not final):
            return
        batch = list(pending_score)
        pending_score.clear()
        ok = [r for r in batch if not r.get("error")]
        t0 = time.perf_counter()
        task.score_batch(ok, scorer)
        per = (time.perf_counter() - t0) / max(1, len(ok))
        for r in ok:
            r.setdefault("timing", {})["score_s"] = round(per, 4)
        write(batch)

    bar = _progress(progress)
    with bar:
        tid = bar.add_task(f"{task.name} · {system.name}", total=len(items),
                           completed=len(items) - len(todo))
        bad = [it for it in todo if it.error]
        if bad:
            write([_error_record(task.name, it, it.error, "data") for it in bad])
            bar.advance(tid, len(bad))
        good = [it for it in todo if not it.error]
        with ThreadPoolExecutor(max_workers=max(1, concurrency)) as pool:
            queue = iter(good)
            running = set()
            window = max(1, concurrency) * 2
            while True:
                while len(running) < window:
                    nxt = next(queue, None)
                    if nxt is None:
                        break
                    running.add(pool.submit(solve, nxt))
                if not running:
                    break
                finished, running = wait(running, return_when=FIRST_COMPLETED)
                for f in finished:
                    pending_score.append(f.result())
                    bar.advance(tid)
                flush()
            flush(final=True)
    elapsed = time.time() - started

    records = records + new
    metrics = task.metrics(records, scorer)
    n_items_new = sum(1 for r in new if not r.get("error"))
    metrics["run"] = {"task": task.name, "system": system.name, "data": cfg["data"],
                      "items": len(records), "new_items": len(new),
                      "resumed_items": len(records) - len(new),
                      "errors": sum(1 for r in records if r.get("error")),
                      "error_reasons": _reasons(records),
                      "seconds": round(elapsed, 2),
                      "turns_per_s": round(sum(r.get("turns", 1) for r in new
                                               if not r.get("error")) / elapsed, 3)
                      if elapsed > 0 and n_items_new else None,
                      "warnings": list(dict.fromkeys(scorer.warnings))}
    metrics["run"].update(realisers(records))
    leaks = [((r.get("output") or {}).get("meta") or {}).get("leak") for r in records
             if not r.get("error")]
    if any(leaks):
        metrics["run"]["leaks"] = {k: round(sum(x == k for x in leaks) / len(leaks), 4)
                                   for k in ("chat-template markup", "system prompt")}
    (out / "metrics.json").write_text(json.dumps(metrics, indent=2, ensure_ascii=False))
    from .report import write_report

    write_report(out, metrics, records)
    return RunResult(out, metrics, len(new), len(records) - len(new), records)


FALLBACK = "LLM fallback to embedded: "


def realisers(records: list[dict], k: int = 5) -> dict:
    """For a companion with an LLM realiser: the share of replies each realiser wrote and the
    commonest reasons the LLM's draft was not used ({} when no reply says who wrote it)."""
    from collections import Counter

    who: Counter = Counter()
    why: Counter = Counter()
    for r in records:
        if r.get("error"):
            continue
        meta = (r.get("output") or {}).get("meta") or {}
        steps = (r.get("scores") or {}).get("steps") if "realiser" not in meta else None
        for m in [meta] if steps is None else steps:
            if m.get("realiser"):
                who[m["realiser"]] += 1
            why.update(n[len(FALLBACK):][:120] for n in m.get("notes") or []
                       if n.startswith(FALLBACK))
    if not who or set(who) == {"embedded"} and not why:
        return {}
    n = sum(who.values())
    return {"realisers": {k: round(v / n, 4) for k, v in sorted(who.items())},
            "llm_fallbacks": [f"{c}× {reason}" for reason, c in why.most_common(k)]}


def _reasons(records: list[dict], k: int = 5) -> list[str]:
    from collections import Counter

    c = Counter((r.get("error") or "")[:160] for r in records if r.get("error"))
    return [f"{n}× {reason}" for reason, n in c.most_common(k)]


def _progress(enabled: bool):
    from rich.console import Console
    from rich.progress import (BarColumn, MofNCompleteColumn, Progress, TextColumn,
                               TimeElapsedColumn, TimeRemainingColumn)

    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), TimeRemainingColumn(),
                    console=Console(stderr=True), disable=not enabled, transient=False)
