"""Lab throughput (supporter turns per second) of an esconv-replay run.

- ``embedded``: empathia's companion answering every turn (concurrency 1 and 8; it is
  CPU-bound and runs behind a lock, so 8 should not help);
- a local OpenAI-compatible test endpoint (empathia.lab.mockllm, real HTTP through the
  official client) with a fixed ``--latency`` per call, standing in for a model server,
  at concurrency 1 and 8.

Model scoring (tagger, EPITOME) is switched off so the figures measure the run loop and
the system; scoring costs the same for every system. Last line:
``concurrency_speedup: <float>`` (endpoint turns/s at 8 over 1).

    python benchmarks/lab.py [--data ../shared/datasets/esconv/valid.jsonl] [--dialogues 3]
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

from empathia.lab.mockllm import MockLLM
from empathia.lab.replay import ReplayTask
from empathia.lab.run import Scorer, run_task
from empathia.lab.systems import load_system

ROOT = Path(__file__).resolve().parents[1]


def tps(system, data: Path, dialogues: int, concurrency: int, part: int) -> tuple[float, int]:
    """Turns/s on dialogue slice ``part`` (a fresh slice per measurement, so no cache from an
    earlier measurement helps)."""
    lines = [x for x in data.read_text(encoding="utf-8").splitlines(keepends=True) if x.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        sliced = Path(tmp) / "slice.jsonl"
        sliced.write_text("".join(lines[part * dialogues:(part + 1) * dialogues]))
        t0 = time.perf_counter()
        res = run_task(ReplayTask(), system, sliced, Path(tmp) / "run",
                       concurrency=concurrency, scorer=Scorer(use_models=False), progress=False)
        dt = time.perf_counter() - t0
    n = res.metrics["n_turns"]
    if res.metrics["errors"]:
        raise SystemExit(f"benchmark run had errors: {res.metrics['run']['error_reasons']}")
    return n / dt, n


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", type=Path,
                    default=ROOT.parent / "shared" / "datasets" / "esconv" / "valid.jsonl")
    ap.add_argument("--dialogues", type=int, default=3)
    ap.add_argument("--latency", type=float, default=0.05, help="seconds per endpoint call")
    ap.add_argument("--skip-embedded", action="store_true")
    args = ap.parse_args()
    if not args.skip_embedded:
        try:
            embedded = load_system("embedded")
        except Exception as err:
            print(f"embedded: unavailable ({err})")
        else:
            embedded.reply({"locale": "US", "user": "warmup", "turns": [
                {"speaker": "seeker", "text": "I have had a rough week."}]})  # load models
            for part, c in enumerate((1, 8)):
                v, n = tps(embedded, args.data, args.dialogues, c, part)
                print(f"embedded concurrency={c}: {v:.2f} turns/s ({n} turns)")
    with MockLLM(latency=args.latency) as srv:
        system = load_system(f"llm:{srv.url}#mock")
        got = {}
        for part, c in enumerate((1, 8)):
            got[c], n = tps(system, args.data, args.dialogues, c, part)
            print(f"endpoint (latency {args.latency * 1000:.0f} ms) concurrency={c}: "
                  f"{got[c]:.2f} turns/s ({n} turns)")
    print(f"concurrency_speedup: {got[8] / got[1]:.2f}")


if __name__ == "__main__":
    main()
