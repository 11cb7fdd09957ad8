"""Perception speed against the bare sentence-transformers encoder, in the same run.

    python benchmarks/perception.py [--n 512] [--single 50]

Prints single-text latency (median, p95) and batch throughput for ``analyze`` beside the
bare ``SentenceTransformer.encode`` on the same texts, the cold start of the
``empathia analyze`` command, and last ``heads_overhead_ratio: <float>`` (batch time with
heads / bare encode time).
"""

from __future__ import annotations

import argparse
import random
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "datasets" / "goemotions" / "dev.tsv"
SUBJECTS = ["my boss", "my sister", "the exam", "my landlord", "our dog", "the new job",
            "my best friend", "the doctor", "my ex", "the team"]
EVENTS = ["called me today", "didn't reply for a week", "is next Monday", "raised the rent",
          "got sick", "starts tomorrow", "moved away", "gave me bad news", "texted again",
          "lost the final"]
FEELINGS = ["and I'm scared", "and I feel so alone", "and honestly I'm thrilled",
            "which makes me furious", "and I can't stop crying", "so I'm kind of relieved",
            "and I don't know what to feel", "and I'm so grateful"]


def texts(n: int) -> list[str]:
    if DATA.is_file():
        lines = [l.split("\t")[0] for l in DATA.read_text(encoding="utf-8").splitlines()]
        return lines[:n]
    rng = random.Random(0)
    return [f"{rng.choice(SUBJECTS).capitalize()} {rng.choice(EVENTS)} {rng.choice(FEELINGS)}."
            for _ in range(n)]


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=512)
    ap.add_argument("--single", type=int, default=50)
    args = ap.parse_args()

    from sentence_transformers import SentenceTransformer

    from empathia.config import Settings
    from empathia.perceive.perceiver import Perceiver

    settings = Settings()
    bare = SentenceTransformer(settings.encoder_path(), device="cpu")
    perceiver = Perceiver(settings)
    batch = texts(args.n)
    single = batch[: args.single]
    bare.encode(single[:8])
    perceiver.analyze_many(single[:8])

    def lat(fn) -> list[float]:
        out = []
        for t in single:
            t0 = time.perf_counter()
            fn(t)
            out.append((time.perf_counter() - t0) * 1000)
        return out

    bare_lat = lat(lambda t: bare.encode([t]))
    ours_lat = lat(lambda t: perceiver.analyze_many([t]))
    print(f"single text, {len(single)} texts (ms)      median     p95")
    print(f"  bare encode                       {statistics.median(bare_lat):8.2f} {pct(bare_lat, .95):8.2f}")
    print(f"  analyze (emotions+VAD+causes)     {statistics.median(ours_lat):8.2f} {pct(ours_lat, .95):8.2f}")

    t0 = time.perf_counter()
    bare.encode(batch, batch_size=settings.batch_size)
    t_bare = time.perf_counter() - t0
    t0 = time.perf_counter()
    perceiver.analyze_many(batch)
    t_ours = time.perf_counter() - t0
    print(f"batch of {len(batch)} texts               seconds  texts/s")
    print(f"  bare encode                       {t_bare:8.2f} {len(batch) / t_bare:8.1f}")
    print(f"  analyze                           {t_ours:8.2f} {len(batch) / t_ours:8.1f}")

    exe = shutil.which("empathia") or str(Path(sys.executable).parent / "empathia")
    t0 = time.perf_counter()
    subprocess.run([exe, "analyze", "--json", "I'm worried about tomorrow"], check=True,
                   capture_output=True)
    print(f"cold start of `empathia analyze` (process start to result): "
          f"{time.perf_counter() - t0:.2f} s")
    print(f"single_latency_ratio: {statistics.median(ours_lat) / statistics.median(bare_lat):.3f}")
    print(f"heads_overhead_ratio: {t_ours / t_bare:.3f}")


if __name__ == "__main__":
    main()
