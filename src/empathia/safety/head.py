"""The trained risk head: logistic regression on the shared embedding.

Trained on ``cssrs/users.dev.csv`` (the only C-SSRS file there is): every post window of
a user carries that user's psychiatrist-given label, and the head learns "this user is at
Ideation or above" from single windows. Labels are per user, so they are noisy per post;
the head is a second reader that catches implicit distress the lexicon has no words for,
and it can only lift a message from ``none`` to ``low``.

All figures come from 5-fold cross-validation grouped by user (no user is in both fit and
score); the decision threshold is chosen on the out-of-fold scores of Supportive users'
windows (at most 5% of them above it), never on the probe sets.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Sequence

import numpy as np

from ..config import Settings

HEAD_NAME = "risk"
AT_RISK_FROM = 2  # index in cssrs.LABELS: Ideation and above


@dataclass
class RiskHead:
    weight: np.ndarray  # (dim,)
    bias: float
    threshold: float

    @classmethod
    def load(cls, model_dir: Path) -> "RiskHead":
        data = np.load(model_dir / "head.npz")
        meta = json.loads((model_dir / "meta.json").read_text())
        return cls(data["weight"].astype(np.float32), float(data["bias"]),
                   float(meta["threshold"]))

    @classmethod
    def load_default(cls) -> "RiskHead | None":
        model_dir = Settings().models_dir / HEAD_NAME
        if not (model_dir / "head.npz").is_file():
            return None
        return cls.load(model_dir)

    def probs(self, emb: np.ndarray) -> np.ndarray:
        return 1.0 / (1.0 + np.exp(-(emb @ self.weight + self.bias)))


def encoder_fingerprint(settings: Settings | None = None) -> str:
    """Identifies the shared encoder (base path + emotion adapter bytes) for caching."""
    settings = settings or Settings()
    h = hashlib.blake2b(digest_size=8)
    h.update(settings.encoder_path().encode())
    adapter = settings.models_dir / "emotion" / "adapter" / "adapter_model.safetensors"
    if adapter.is_file():
        h.update(adapter.read_bytes())
    return h.hexdigest()


def embed_many(perceiver, texts: Sequence[str], step: int = 512, log: Callable | None = None
               ) -> np.ndarray:
    """``Perceiver.embed`` over many texts: unique texts, in chunks well under the encoder's
    hash cache (a text cached early can be evicted while a large batch is stored)."""
    uniq = list(dict.fromkeys(texts))
    index = {t: i for i, t in enumerate(uniq)}
    parts = []
    for i in range(0, len(uniq), step):
        parts.append(np.array(perceiver.embed(uniq[i:i + step]), copy=True))
        if log is not None and (i // step) % 4 == 0:
            log(f"  embedded {min(i + step, len(uniq))}/{len(uniq)}")
    emb = np.concatenate(parts) if parts else np.zeros((0, 384), np.float32)
    return emb[[index[t] for t in texts]]


def heads_match_encoder() -> bool:
    """Were the shipped heads trained on the shared encoder that is loaded now?"""
    meta_path = Settings().models_dir / HEAD_NAME / "meta.json"
    try:
        meta = json.loads(meta_path.read_text())
    except (OSError, ValueError):
        return False
    return meta.get("encoder_fingerprint") == encoder_fingerprint()


def post_windows(users) -> tuple[list[str], np.ndarray, np.ndarray]:
    """(window texts, user index per window, label index per window)."""
    from ..data.cssrs import LABELS
    from ..perceive.perceiver import windows

    texts, owner, label = [], [], []
    for ui, u in enumerate(users):
        for post in u.posts:
            for a, b in windows(post):
                piece = post[a:b].strip()
                if piece:
                    texts.append(piece)
                    owner.append(ui)
                    label.append(LABELS.index(u.label))
    return texts, np.asarray(owner), np.asarray(label)


def embed_cached(texts: Sequence[str], cache_dir: Path | None, log: Callable = print
                 ) -> np.ndarray:
    """Embed with the shared encoder; reuse a cached array for the same texts + encoder."""
    from ..perceive.perceiver import Perceiver

    key = hashlib.blake2b(digest_size=8)
    for t in texts:
        key.update(t.encode("utf-8", "surrogatepass"))
        key.update(b"\0")
    name = f"cssrs-{key.hexdigest()}-{encoder_fingerprint()}.npy"
    if cache_dir is not None and (cache_dir / name).is_file():
        log(f"embeddings from cache {cache_dir / name}")
        return np.load(cache_dir / name)
    started = time.time()
    emb = embed_many(Perceiver(), texts, log=log)
    log(f"embedded {len(texts)} windows in {time.time() - started:.0f}s")
    if cache_dir is not None:
        cache_dir.mkdir(parents=True, exist_ok=True)
        np.save(cache_dir / name, emb)
    return emb


def _fit(x: np.ndarray, y: np.ndarray, c: float, seed: int):
    from sklearn.linear_model import LogisticRegression

    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=2000, random_state=seed)
    clf.fit(x, y)
    return clf


def cross_validate(emb: np.ndarray, owner: np.ndarray, label: np.ndarray, user_labels,
                   c: float = 1.0, folds: int = 5, seed: int = 13) -> np.ndarray:
    """Out-of-fold window probabilities, folds grouped by user and stratified by label."""
    from sklearn.model_selection import StratifiedGroupKFold

    y = (label >= AT_RISK_FROM).astype(int)
    oof = np.zeros(len(y), dtype=np.float64)
    cv = StratifiedGroupKFold(n_splits=folds, shuffle=True, random_state=seed)
    for fit_idx, test_idx in cv.split(emb, label, groups=owner):
        clf = _fit(emb[fit_idx], y[fit_idx], c, seed)
        oof[test_idx] = clf.predict_proba(emb[test_idx])[:, 1]
    return oof


def choose_threshold(oof: np.ndarray, label: np.ndarray, max_supportive: float = 0.05) -> float:
    """The score above which at most ``max_supportive`` of Supportive users' windows fall."""
    sup = oof[label == 0]
    return float(np.quantile(sup, 1.0 - max_supportive)) if len(sup) else 0.5


def train_risk_head(data: Path, out_dir: Path, cache_dir: Path | None = None, c: float = 0.2,
                    log: Callable = print, examples: Sequence[Path] = ()) -> dict:
    from sklearn.metrics import roc_auc_score

    from ..data.cssrs import LABELS, read_users

    users = read_users(data).users
    texts, owner, label = post_windows(users)
    log(f"{len(users)} users, {len(texts)} post windows")
    emb = embed_cached(texts, cache_dir, log)
    y = (label >= AT_RISK_FROM).astype(int)
    oof = cross_validate(emb, owner, label, [u.label for u in users], c=c)
    threshold = choose_threshold(oof, label)
    user_max = np.array([oof[owner == i].max() for i in range(len(users))])
    user_y = np.array([LABELS.index(u.label) >= AT_RISK_FROM for u in users]).astype(int)
    cv = {
        "window_auc": round(float(roc_auc_score(y, oof)), 4),
        "user_auc_max_window": round(float(roc_auc_score(user_y, user_max)), 4),
        "windows_above_threshold_by_label": {
            lab: round(float((oof[label == i] >= threshold).mean()), 4)
            for i, lab in enumerate(LABELS) if (label == i).any()},
    }
    log(f"cross-validated: {cv}")
    clf = _fit(emb, y, c, 13)
    out_dir.mkdir(parents=True, exist_ok=True)
    np.savez(out_dir / "head.npz", weight=clf.coef_[0].astype(np.float32),
             bias=np.float32(clf.intercept_[0]))
    ex_cv, ex_arrays = train_exemplar_head(log=log, extra=examples)
    np.savez(out_dir / "exemplar_head.npz", **ex_arrays)
    meta = {
        "threshold": threshold,
        "exemplar": ex_cv,
        "target": "user label in {Ideation, Behavior, Attempt}",
        "data": str(Path(data).name),
        "users": len(users),
        "windows": len(texts),
        "C": c,
        "encoder_fingerprint": encoder_fingerprint(),
        "cv_5fold_grouped_by_user": cv,
    }
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta


def write_card(out_dir: Path, meta: dict) -> None:
    """MODEL_CARD.md next to the weights: data, licence, figures, how to retrain."""
    cv = meta["cv_5fold_grouped_by_user"]
    rates = "\n".join(f"| {lab} | {v:.3f} |" for lab, v in
                      cv["windows_above_threshold_by_label"].items())
    text = f"""# empathia risk head

A logistic-regression head on the shared empathia embedding (MiniLM + the emotion
adapter): probability that a post window comes from a user at C-SSRS Ideation or above.
It is the second reader behind the explicit lexicon in `empathia.safety.risk`: it can
only lift a message the lexicon found nothing in from `none` to `low`, and never lowers a
lexicon finding.

## Data and licence

- `cssrs/users.dev.csv` (Gaur et al., WWW 2019: Reddit users rated by psychiatrists on the
  Columbia Suicide Severity Rating Scale; research use). It is the only C-SSRS file there
  is, so there is no separate dev set: **every figure below is 5-fold cross-validation
  grouped by user** (no user in both fit and score, folds stratified by label).
- {meta['users']} users, {meta['windows']} post windows (posts cut into ~800-character
  windows). Every window carries its user's label, so labels are noisy per window.
- Target: user label in {{Ideation, Behavior, Attempt}} (vs Supportive, Indicator).

## Figures (cross-validated)

- window ROC AUC: {cv['window_auc']:.3f}
- user ROC AUC (user score = highest window): {cv['user_auc_max_window']:.3f}
- decision threshold: {meta['threshold']:.4f}, chosen so that at most 5% of Supportive
  users' windows score above it (out-of-fold).

Share of windows above the threshold, by the user's label:

| label | share |
|---|---|
{rates}

Because it was fitted on long Reddit posts, and barely separates risk from everyday talk
in short chat messages, it lifts only texts of post length (300+ characters).

## The exemplar head (`exemplar_head.npz`)

A softmax over none + the four categories on the same embedding, plus the nearest written
examples for the level (their highest level, capped at `high`). Trained on
{', '.join(meta['exemplar'].get('files', ['exemplars.jsonl']))}: short messages written for
this project ({meta['exemplar']['examples']} of them, {meta['exemplar']['risk_examples']}
at risk; licence: the project's own, Apache-2.0). When the probe file is among them, the
probe-file figures *with heads* are in-sample; the held-out probe files never are.

- 10-fold CV on those examples: recall of risk examples
  {meta['exemplar']['cv_recall_risk_examples']:.3f} at a false-positive rate of
  {meta['exemplar']['cv_false_positive_rate']:.3f} (threshold
  {meta['exemplar']['threshold']:.4f}, the 98th percentile of the negatives' out-of-fold
  scores). It speaks only when the lexicon found nothing and switched nothing off.

## Files

`head.npz` (weight, bias), `exemplar_head.npz` (weights, example embeddings in float16,
their categories and levels), `meta.json` (thresholds, figures, encoder fingerprint).
Encoder fingerprint: `{meta['encoder_fingerprint']}` -- retrain when the shared encoder
(the emotion adapter) changes.

## Retrain

```bash
empathia train risk --data ../shared/datasets/cssrs/users.dev.csv \\
    --examples tests/data/risk_probes.jsonl --cache /tmp/empathia-cache
```
"""
    (out_dir / "MODEL_CARD.md").write_text(text, encoding="utf-8")


# -- the exemplar head: the project's own written examples, all four categories ---------------

EXEMPLARS_FILE = Path(__file__).with_name("data") / "exemplars.jsonl"
EX_CLASSES = ("none", "self_harm", "harm_to_others", "abuse", "medical")
EX_LEVELS = ("none", "low", "moderate", "high", "imminent")


def read_exemplars(path: Path = EXEMPLARS_FILE) -> list[dict]:
    """``{"text","category","level"}`` lines; probe-format lines (``risk``, ``min_level``)
    are read too, so a probe file can be added as training examples."""
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "level" not in obj:
            risk = bool(obj.get("risk"))
            obj = {"text": obj["text"], "category": obj["category"] if risk else "none",
                   "level": obj.get("min_level", "low") if risk else "none"}
        rows.append(obj)
    return rows


@dataclass
class ExemplarHead:
    """Softmax over none + the four categories, plus nearest written examples for the level.

    Trained on ``data/exemplars.jsonl`` (short messages written for this project, none of
    them in the probe sets). It reads paraphrases the lexicon has no pattern for; like the
    C-SSRS head it only speaks when the lexicon found nothing and switched nothing off.
    """

    weight: np.ndarray  # (5, dim)
    bias: np.ndarray  # (5,)
    threshold: float  # on 1 - p(none)
    ex_emb: np.ndarray  # (n_risk, dim) risk exemplars
    ex_cat: np.ndarray  # (n_risk,) class index
    ex_level: np.ndarray  # (n_risk,) level index

    @classmethod
    def load(cls, model_dir: Path) -> "ExemplarHead":
        d = np.load(model_dir / "exemplar_head.npz")
        meta = json.loads((model_dir / "meta.json").read_text())
        return cls(d["weight"], d["bias"], float(meta["exemplar"]["threshold"]),
                   d["ex_emb"].astype(np.float32), d["ex_cat"], d["ex_level"])

    @classmethod
    def load_default(cls) -> "ExemplarHead | None":
        model_dir = Settings().models_dir / HEAD_NAME
        if not (model_dir / "exemplar_head.npz").is_file():
            return None
        return cls.load(model_dir)

    def probs(self, emb: np.ndarray) -> np.ndarray:
        z = emb @ self.weight.T + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def predict(self, emb: np.ndarray) -> list[tuple[float, str, str]]:
        """(risk probability, category, level) per row; level from the 3 nearest examples
        of that category (their highest level, capped at high: imminent needs words)."""
        p = self.probs(emb)
        out = []
        for i in range(len(emb)):
            risk = float(1.0 - p[i, 0])
            c = int(np.argmax(p[i, 1:])) + 1
            mask = self.ex_cat == c
            sims = self.ex_emb[mask] @ emb[i]
            top = np.argsort(-sims)[:3]
            lv = int(self.ex_level[mask][top].max()) if len(top) else 1
            lv = max(1, min(lv, EX_LEVELS.index("high")))
            out.append((risk, EX_CLASSES[c], EX_LEVELS[lv]))
        return out


def train_exemplar_head(log: Callable = print, c: float = 4.0, seed: int = 13,
                        extra: Sequence[Path] = ()) -> tuple[dict, dict]:
    """Fit on all exemplars (plus ``extra`` files); threshold and figures from 10-fold
    stratified CV on them."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.model_selection import StratifiedKFold

    from ..perceive.perceiver import Perceiver

    rows = read_exemplars()
    for path in extra:
        rows += read_exemplars(Path(path))
    texts = [r["text"] for r in rows]
    y = np.array([EX_CLASSES.index(r["category"]) for r in rows])
    lv = np.array([EX_LEVELS.index(r["level"]) for r in rows])
    emb = embed_many(Perceiver(), texts)
    oof = np.zeros(len(y))
    for fit, test in StratifiedKFold(10, shuffle=True, random_state=seed).split(emb, y):
        clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000)
        clf.fit(emb[fit], y[fit])
        oof[test] = 1.0 - clf.predict_proba(emb[test])[:, 0]
    neg = oof[y == 0]
    # Strict: at most 2% of the written negatives' out-of-fold scores above it (they are
    # mostly figurative and everyday near misses); recall comes first from the lexicon.
    threshold = float(min(0.97, np.quantile(neg, 0.98)))
    cv = {"threshold": round(threshold, 4),
          "cv_recall_risk_examples": round(float((oof[y > 0] >= threshold).mean()), 4),
          "cv_false_positive_rate": round(float((neg >= threshold).mean()), 4),
          "examples": int(len(y)), "risk_examples": int((y > 0).sum()),
          "files": [EXEMPLARS_FILE.name] + [Path(p).name for p in extra]}
    log(f"exemplar head (10-fold CV on the exemplars): {cv}")
    clf = LogisticRegression(C=c, class_weight="balanced", max_iter=3000).fit(emb, y)
    arrays = {"weight": clf.coef_.astype(np.float32), "bias": clf.intercept_.astype(np.float32),
              "ex_emb": emb[y > 0].astype(np.float16), "ex_cat": y[y > 0].astype(np.int8),
              "ex_level": lv[y > 0].astype(np.int8)}
    return cv, arrays
