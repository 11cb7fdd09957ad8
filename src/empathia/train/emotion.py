"""``empathia train emotion``: LoRA-tune the shared encoder on GoEmotions and ship the head.

Thresholds are chosen on a 10% slice of train held out from fitting; dev is only
measured, never used to choose anything.
"""

from __future__ import annotations

import json
import time
from dataclasses import asdict
from pathlib import Path

import numpy as np

from ..config import Settings, encoder_fingerprint
from ..data.goemotions import LABELS, read_tsv
from ..metrics import best_thresholds, multilabel_report
from .finetune import FinetuneConfig, finetune, predict_logits, save_adapter


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 1.0 / (1.0 + np.exp(-x))


def train_emotion(data_dir: Path, out_dir: Path, cfg: FinetuneConfig, holdout: float = 0.1,
                  limit: int = 0, log=print) -> dict:
    settings = Settings()
    train = read_tsv(data_dir / "train.tsv")
    texts, targets = train.texts, train.targets
    if limit:
        texts, targets = texts[:limit], targets[:limit]
    rng = np.random.default_rng(cfg.seed)
    perm = rng.permutation(len(texts))
    n_hold = max(1, int(len(texts) * holdout))
    hold_idx, fit_idx = perm[:n_hold], perm[n_hold:]
    started = time.time()
    tok, model = finetune(
        settings.encoder_path(), [texts[i] for i in fit_idx], targets[fit_idx], cfg, log=log
    )
    hold_probs = _sigmoid(predict_logits(tok, model, [texts[i] for i in hold_idx], cfg.max_length))
    thresholds = best_thresholds(targets[hold_idx], hold_probs)
    save_adapter(model, out_dir)
    meta = {
        "labels": list(LABELS),
        "encoder_fingerprint": encoder_fingerprint(settings.encoder_path()),
        "thresholds": [float(t) for t in thresholds],
        "config": asdict(cfg),
        "train_examples": int(len(fit_idx)),
        "threshold_examples": int(len(hold_idx)),
        "train_seconds": round(time.time() - started, 1),
    }
    dev_path = data_dir / "dev.tsv"
    if dev_path.is_file():
        dev = read_tsv(dev_path)
        dev_probs = _sigmoid(predict_logits(tok, model, dev.texts, cfg.max_length))
        rep = multilabel_report(dev.targets, (dev_probs >= thresholds).astype(int), LABELS)
        meta["dev"] = {"n": rep["n"], "macro_f1": rep["macro_f1"], "micro_f1": rep["micro_f1"]}
        meta["dev_per_label_f1"] = {k: v["f1"] for k, v in rep["per_label"].items()}
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta


def write_card(out_dir: Path, meta: dict) -> None:
    """The model card: data, licence, dev figures, how to retrain."""
    dev = meta.get("dev", {})
    per = meta.get("dev_per_label_f1", {})
    cfg = meta["config"]
    rows = "\n".join(f"| {lab} | {f:.3f} |" for lab, f in per.items())
    text = f"""# empathia emotion model

A LoRA adapter for the shared encoder (sentence-transformers/all-MiniLM-L6-v2) and a linear
head over its normalised mean-pooled embedding: 27 GoEmotions emotions + neutral,
multi-label, with a decision threshold per label.

## Data and licence
- GoEmotions (Demszky et al., ACL 2020), Reddit comments, CC BY 4.0.
- Fitted on {meta['train_examples']} train comments; the per-label thresholds were chosen
  on {meta['threshold_examples']} other train comments held out from fitting (dev is only
  measured).

## Training
LoRA rank {cfg['rank']}, alpha {cfg['alpha']}, dropout {cfg['dropout']} on every
query/key/value/dense layer; AdamW (LoRA lr {cfg['lr_lora']}, head lr {cfg['lr_head']}),
batch {cfg['batch_size']}, {cfg['epochs']} epochs, max {cfg['max_length']} tokens,
seed {cfg['seed']}; {meta['train_seconds']} s on the CPU it was trained on.

Retrain: `empathia train emotion --data ../shared/datasets/goemotions`

## Dev figures (GoEmotions dev, {dev.get('n', '?')} comments)
- macro-F1 over the 28 labels: **{dev.get('macro_f1', float('nan')):.4f}**
- micro-F1: {dev.get('micro_f1', float('nan')):.4f}

Measure again: `empathia eval emotion --data ../shared/datasets/goemotions/dev.tsv`

| label | dev F1 |
|---|---|
{rows}

## Valence, arousal, dominance
VAD is the probability-weighted mean of each label's coordinates in the NRC VAD Lexicon
(Mohammad, ACL 2018: "Obtaining Reliable Human Ratings of Valence, Arousal, and Dominance
for 20,000 English Words"), rescaled from [0, 1] to [-1, 1]. It is a lexicon-derived
estimate, not a trained regressor.

## Limits
Reddit English; sarcasm, other languages and clinical language are out of its training
distribution. Emotions are what a text expresses, not a diagnosis of its writer.
"""
    (out_dir / "MODEL_CARD.md").write_text(text)
