"""Speed of the support models against the bare encoder, in the same run.

    python benchmarks/support.py [--n 256] [--single 40]

For one supporter turn the context (the seeker's turns) has already been embedded by
perception, so the work left is: embed the new reply, then run the tagger, the empathy
heads and the next-strategy predictor on cached vectors. Prints per-call latency (median)
and batch throughput of each model and of all three together, as ratios to one bare
``SentenceTransformer.encode`` call on the reply. The issue's bar: all three together for
one turn cost less than two encoder passes (``turn_ratio < 2``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import time

SEEKER = ["My boss yelled at me in front of everyone today.", "I can't sleep since the breakup.",
          "My exams start next week and I'm panicking.", "I feel like nobody listens to me.",
          "My mom is in hospital and I'm scared."]
REPLIES = ["How long has this been going on?", "That sounds really painful, I'm sorry.",
           "Have you thought about talking to someone you trust?",
           "I went through something similar last year.", "You're doing the best you can.",
           "It sounds like you feel unheard.", "Many people find a routine helps with sleep."]


def replies(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    return [f"{rng.choice(REPLIES)} ({seed}-{i})" for i in range(n)]  # unique: no cache hits


def timed(fn, reps: int) -> float:
    xs = []
    for k in range(reps):
        t = time.perf_counter()
        fn(k)
        xs.append(time.perf_counter() - t)
    return statistics.median(xs)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=256)
    ap.add_argument("--single", type=int, default=40)
    args = ap.parse_args()

    from sentence_transformers import SentenceTransformer

    from empathia.config import Settings
    from empathia.support.assess import SupportModels, _seeker_vector
    from empathia.support.context import Step, as_turns, embed_map

    settings = Settings()
    bare = SentenceTransformer(settings.encoder_path(), device="cpu")
    models = SupportModels(settings)
    context = as_turns([{"speaker": "seeker", "text": t} for t in SEEKER])
    models.embed([t.text for t in context])  # perception already did this
    emo = models.perceiver.emotion.probs
    bare.encode(["warm up"])
    models.assess("warm up", context)

    def heads(batch, vec):
        """The three support models on already-embedded texts."""
        import numpy as np

        models.tagger.probs_from(batch, vec)
        seeker = np.stack([_seeker_vector(s.history, vec) for s in batch])
        reply = np.stack([vec[s.reply] for s in batch])
        models.empathy.assess(seeker, reply, [s.reply for s in batch])
        models.predictor.probs_from(batch, vec, emo)

    single = {}
    pool = replies(args.single * 6, 1)
    single["bare encoder"] = timed(lambda k: bare.encode([pool[k]]), args.single)
    it = iter(pool[args.single:])
    single["tagger: reply pass + head"] = timed(lambda k: models.tagger.probs(
        [Step(context, next(it), None)], models.embed), args.single)
    single["predictor: head, context cached"] = timed(lambda k: models.predict_next(context), args.single)
    single["assess: reply pass + tagger + empathy"] = timed(lambda k: models.assess(next(it), context), args.single)
    single["one turn: all three"] = timed(
        lambda k: (models.assess(next(it), context), models.predict_next(context)), args.single)

    batch_texts = replies(args.n, 2)
    t = time.perf_counter()
    bare.encode(batch_texts, batch_size=settings.batch_size)
    bare_batch = time.perf_counter() - t
    batch = [Step(context, r, None) for r in replies(args.n, 3)]
    t = time.perf_counter()
    vec = embed_map(batch, models.embed)
    heads(batch, vec)
    all_batch = time.perf_counter() - t
    t = time.perf_counter()
    heads(batch, vec)
    heads_only = time.perf_counter() - t

    base = single["bare encoder"]
    print(f"{'per call (median of ' + str(args.single) + ')':44s} {'ms':>8s} {'x encoder':>10s}")
    for name, s in single.items():
        print(f"{name:44s} {s * 1000:8.2f} {s / base:10.2f}")
    print(f"\nbatch of {args.n} replies {'':25s} {'texts/s':>8s} {'x encoder':>10s}")
    print(f"{'bare encoder':44s} {args.n / bare_batch:8.1f} {1.0:10.2f}")
    print(f"{'reply pass + all three heads':44s} {args.n / all_batch:8.1f} {all_batch / bare_batch:10.2f}")
    print(f"{'all three heads, cached vectors':44s} {args.n / heads_only:8.1f} "
          f"{heads_only / bare_batch:10.2f}")
    print(f"\nturn_ratio: {single['one turn: all three'] / base:.3f}")


if __name__ == "__main__":
    main()
