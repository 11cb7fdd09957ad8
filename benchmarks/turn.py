"""Per-turn latency of the embedded companion, as a multiple of one bare encoder pass.

    python benchmarks/turn.py --limit 5

Replays ESConv valid conversations through one ``Companion`` (gold history, as a chat
loop would pass it) and times every supporter turn. In the same run it times one bare
``SentenceTransformer.encode`` of each seeker message (the model's own call, no cache),
so machine load affects both sides alike. The companion reuses embeddings: each seeker
message is encoded once (perception), and the learned heads read the cached vectors; the
previous supporter turn costs one more pass when the learned predictor is loaded.

The issue's bar: a whole turn costs at most 4 encoder passes. Last line:
``turn_cost_in_encoder_passes: <median ratio>``.
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / "shared" / "datasets" / "esconv"


def pct(xs: list[float], q: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(q * (len(xs) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DATA / "valid.jsonl")
    ap.add_argument("--limit", type=int, default=5, help="conversations to replay")
    ap.add_argument("--no-learned", action="store_true")
    args = ap.parse_args()

    from empathia.companion import Companion, CompanionSettings
    from empathia.data.esconv import read_jsonl

    convs = read_jsonl(args.data).conversations[:args.limit]
    companion = Companion(settings=CompanionSettings(use_learned=not args.no_learned))
    st = companion.perceiver.encoder.model  # load the encoder before timing
    st.encode(["warm up"])
    companion.reply({"turns": [{"speaker": "seeker", "text": "warm up, loading heads"}]})

    enc: list[float] = []
    turn: list[float] = []
    for conv in convs:
        for i, t in enumerate(conv.turns):
            if t.speaker == "seeker":
                t0 = time.perf_counter()
                st.encode([t.text], convert_to_numpy=True, normalize_embeddings=True)
                enc.append(time.perf_counter() - t0)
            elif t.strategy is not None and i > 0:
                hist = [{"speaker": x.speaker, "text": x.text} for x in conv.turns[:i]]
                t0 = time.perf_counter()
                companion.reply({"turns": hist})
                turn.append(time.perf_counter() - t0)
    e_med, t_med = statistics.median(enc), statistics.median(turn)
    print(f"conversations: {len(convs)}  turns: {len(turn)}  seeker messages: {len(enc)}")
    print(f"learned prior: {companion.models is not None}")
    print(f"encoder pass: median {e_med * 1000:.1f} ms, p95 {pct(enc, 0.95) * 1000:.1f} ms")
    print(f"companion turn: median {t_med * 1000:.1f} ms, p95 {pct(turn, 0.95) * 1000:.1f} ms")
    print(f"turn p95 in encoder passes: {pct(turn, 0.95) / e_med:.2f}")
    print(f"turn_cost_in_encoder_passes: {t_med / e_med:.2f}")


if __name__ == "__main__":
    main()
