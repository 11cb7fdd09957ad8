"""Training and evaluation of the support models (strategy tagger, next-strategy
predictor, EPITOME empathy levels) on the shared embeddings.

Choices (regularisation, prior offsets) are made on training data only: a held-out
seventh of the training conversations for ESConv, the training split for EPITOME. The
valid/dev files are only measured.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Callable

import numpy as np
from sklearn.decomposition import PCA
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import accuracy_score, f1_score, precision_recall_fscore_support

from ..data.epitome import MECHANISMS, EpitomeRow, read_csv, mechanism_file
from ..data.esconv import Conversation, ESConvSplit
from ..support.context import DIM, Step, embed_map, predictor_dense, steps
from ..support.empathy import (EmpathyModel, pair_features, question_text,
                               sentence_features)
from ..support.linear import LinearHead
from ..support.predictor import (EMBED_BLOCKS, NextStrategyPredictor, TreePart, balance_offsets,
                                 preference_ratio)
from ..support.trees import TreeEnsemble
from ..support.sentences import overlap, split_sentences
from ..support.strategies import IDS
from ..support.tagger import StrategyTagger, tagger_features
from ..support.textfeatures import Ngrams

Log = Callable[[str], None]
TAGGER_C = 1.0
PREDICTOR_C = 0.03
# The predictor mixes the linear head with gradient-boosted trees (probabilities averaged,
# PREDICTOR_TREE_WEIGHT on the trees) before the prior offsets. All chosen by 5-fold
# grouped (by conversation) CV on train, offsets re-fitted per setting (PREDICTOR_CV).
PREDICTOR_TREE_WEIGHT = 0.4
TREE_PCA = 16
TREE_PARAMS = {"learning_rate": 0.05, "max_iter": 200, "max_leaf_nodes": 15,
               "l2_regularization": 1.0, "min_samples_leaf": 40, "early_stopping": False,
               "random_state": 0}
PREDICTOR_CV = {
    "linear_before (143 history features)": {"accuracy": 0.3503, "weighted_f1": 0.3302},
    "linear + 128 transition features": {"accuracy": 0.3529, "weighted_f1": 0.3337},
    "trees alone": {"accuracy": 0.3482, "weighted_f1": 0.3304},
    "linear + transition + trees (w=0.4)": {"accuracy": 0.3551, "weighted_f1": 0.3362},
}
EMPATHY_C = 1.0
SPAN_C = 1.0
# Feature sets cross-validated per EPITOME mechanism (support.empathy.FEATURE_SETS); the
# first wins ties. Explorations' candidates add the question-specificity cues (level 2
# asks about the seeker's own situation, level 1 is generic). Explorations macro-F1, 5-fold
# CV on train, mean of 3 fold seeds: reply+questions 0.734, reply+questions+specificity
# 0.738, questions+specificity 0.739 (questions without the cues or reply n-grams 0.725).
FEATURE_CANDIDATES = {
    "emotional_reactions": ("reply", "reply+questions"),
    "interpretations": ("reply", "reply+questions"),
    "explorations": ("reply+questions", "reply+questions+specificity",
                     "questions+specificity"),
}


def _labels(batch: list[Step]) -> np.ndarray:
    return np.array([IDS.index(s.strategy.value) for s in batch], dtype=np.int64)


def _split_conversations(convs: list[Conversation], seed: int = 13, hold: float = 1 / 7):
    order = np.random.default_rng(seed).permutation(len(convs))
    n_hold = max(1, int(len(convs) * hold)) if len(convs) > 1 else 0
    held = set(order[:n_hold].tolist())
    return ([c for i, c in enumerate(convs) if i not in held],
            [c for i, c in enumerate(convs) if i in held])


def _fit_lr(X, y, C: float, class_weight=None) -> LogisticRegression:
    return LogisticRegression(C=C, max_iter=3000, class_weight=class_weight).fit(X, y)


def _head(clf: LogisticRegression, labels: list[str]) -> LinearHead:
    """A head over all ``labels`` even when the training slice missed some of them."""
    small = LinearHead.from_sklearn(clf, [labels[int(c)] for c in clf.classes_])
    if len(clf.classes_) == len(labels):
        return small
    coef = np.zeros((len(labels), small.coef.shape[1]), np.float32)
    intercept = np.full(len(labels), -30.0, np.float32)
    for row, c in enumerate(clf.classes_):
        coef[int(c)] = small.coef[row]
        intercept[int(c)] = small.intercept[row]
    return LinearHead(labels, coef, intercept)


# -- strategy tagger ---------------------------------------------------------------
def train_tagger(train: ESConvSplit, embed, log: Log = print) -> tuple[StrategyTagger, dict]:
    started = time.time()
    batch = steps(train.conversations)
    if len(batch) < 8:
        raise ValueError("too few labelled supporter turns to train on")
    vec = embed_map(batch, embed)
    ngrams = Ngrams().fit([s.reply for s in batch])
    y = _labels(batch)
    log(f"tagger: {len(batch)} supporter turns, {ngrams.dim} n-gram features")
    clf = _fit_lr(tagger_features(batch, vec, ngrams), y, TAGGER_C)
    tagger = StrategyTagger(ngrams, _head(clf, list(IDS)))
    meta = {"labels": list(IDS), "C": TAGGER_C, "train_turns": len(batch),
            "train_seconds": round(time.time() - started, 1)}
    return tagger, meta


def tagging_report(tagger: StrategyTagger, batch: list[Step], vec) -> dict:
    y = _labels(batch)
    pred = tagger.probs_from(batch, vec).argmax(1)
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=range(len(IDS)),
                                                 zero_division=0)
    return {
        "n": int(len(y)),
        "accuracy": float(accuracy_score(y, pred)),
        "macro_f1": float(f1_score(y, pred, average="macro", labels=range(len(IDS)),
                                   zero_division=0)),
        "weighted_f1": float(f1_score(y, pred, average="weighted", zero_division=0)),
        "per_label": {lab: {"precision": float(p[i]), "recall": float(r[i]), "f1": float(f[i]),
                            "support": int(s[i])} for i, lab in enumerate(IDS)},
    }


# -- next-strategy predictor ---------------------------------------------------------
def _fit_trees(X: np.ndarray, y: np.ndarray, labels: list[str]) -> TreePart | None:
    """Gradient-boosted trees on [PCA of each embedding block | the other dense features];
    None when the slice misses a strategy (the tiny runs)."""
    if len(set(y.tolist())) != len(labels) or len(y) < 200:
        return None
    k = min(TREE_PCA, len(y) - 1)
    pcas = [PCA(k, random_state=0).fit(X[:, b * DIM:(b + 1) * DIM]) for b in range(EMBED_BLOCKS)]
    part = TreePart(None, np.stack([p.mean_ for p in pcas]).astype(np.float32),
                    np.stack([p.components_ for p in pcas]).astype(np.float32),
                    PREDICTOR_TREE_WEIGHT, np.zeros(len(labels), np.float32))
    clf = HistGradientBoostingClassifier(**TREE_PARAMS).fit(part.features(X), y)
    part.trees = TreeEnsemble.from_sklearn(clf)
    return part


def train_predictor(train: ESConvSplit, embed, emotion_probs,
                    log: Log = print) -> tuple[NextStrategyPredictor, dict]:
    started = time.time()
    fit_convs, hold_convs = _split_conversations(train.conversations)
    fit, hold = steps(fit_convs), steps(hold_convs)
    everything = steps(train.conversations)
    if len(everything) < 8:
        raise ValueError("too few labelled supporter turns to train on")
    vec = embed_map(everything, embed)
    offsets = np.zeros(len(IDS), np.float32)
    use_trees = False
    if fit and hold:
        X_fit = predictor_dense(fit, vec, emotion_probs)
        clf = _fit_lr(X_fit, _labels(fit), PREDICTOR_C)
        model = NextStrategyPredictor(_head(clf, list(IDS)),
                                      _fit_trees(X_fit, _labels(fit), list(IDS)))
        use_trees = model.trees is not None
        logp = np.log(model.probs_dense(predictor_dense(hold, vec, emotion_probs)) + 1e-9)
        offsets = balance_offsets(logp, _labels(hold))
        log(f"predictor: prior offsets from {len(hold)} held-out turns: "
            + ", ".join(f"{k} {v:+.2f}" for k, v in zip(IDS, offsets)))
    X_all, y_all = predictor_dense(everything, vec, emotion_probs), _labels(everything)
    clf = _fit_lr(X_all, y_all, PREDICTOR_C)
    head = _head(clf, list(IDS))
    trees = _fit_trees(X_all, y_all, list(IDS)) if use_trees else None
    if trees is not None:
        trees.offsets = offsets
    else:
        head.offsets = offsets
    meta = {"labels": list(IDS), "C": PREDICTOR_C, "train_turns": len(everything),
            "offset_turns": len(hold), "offsets": [float(o) for o in offsets],
            "trees": ({"weight": PREDICTOR_TREE_WEIGHT, "pca_per_block": TREE_PCA,
                       "params": TREE_PARAMS, "n_trees": int(len(trees.trees.roots)),
                       "cv": PREDICTOR_CV} if trees is not None else None),
            "train_seconds": round(time.time() - started, 1)}
    return NextStrategyPredictor(head, trees), meta


def next_report(predictor: NextStrategyPredictor, batch: list[Step], vec,
                emotion_probs) -> dict:
    y = _labels(batch)
    pred = predictor.probs_from(batch, vec, emotion_probs).argmax(1)
    ratio = preference_ratio(y, pred, len(IDS))
    ratios = {lab: (round(float(ratio[i]), 4) if np.isfinite(ratio[i]) else None)
              for i, lab in enumerate(IDS)}
    return {
        "n": int(len(y)),
        "accuracy": float(accuracy_score(y, pred)),
        "weighted_f1": float(f1_score(y, pred, average="weighted", zero_division=0)),
        "macro_f1": float(f1_score(y, pred, average="macro", labels=range(len(IDS)),
                                   zero_division=0)),
        "preference_ratio": ratios,
        "outside_0.5_2.0": [lab for lab, r in ratios.items()
                            if r is not None and not 0.5 <= r <= 2.0],
    }


def strategy_report(tagger, predictor, split: ESConvSplit, embed, emotion_probs) -> dict:
    batch = steps(split.conversations)
    vec = embed_map(batch, embed)
    out = {}
    if tagger is not None:
        out["tagging"] = tagging_report(tagger, batch, vec)
    if predictor is not None:
        out["next"] = next_report(predictor, batch, vec, emotion_probs)
    out["errors"] = len(split.errors)
    return out


# -- empathy (EPITOME) ------------------------------------------------------------
def _pair_embeddings(rows: list[EpitomeRow], embed) -> tuple[np.ndarray, np.ndarray]:
    return embed([r.seeker_post for r in rows]), embed([r.response_post for r in rows])


def _span_examples(rows: list[EpitomeRow]) -> tuple[list[str], np.ndarray]:
    """Sentences of each response, positive where they overlap a rationale span by at
    least half their length (or half the span's)."""
    texts, ys = [], []
    for r in rows:
        marks = []
        for span in r.rationales:
            at = r.response_post.find(span)
            if at >= 0:
                marks.append((at, at + len(span)))
        for a, b in split_sentences(r.response_post):
            hit = any(overlap((a, b), m) >= 0.5 * min(b - a, m[1] - m[0]) for m in marks)
            texts.append(r.response_post[a:b])
            ys.append(int(hit and r.level > 0))
    return texts, np.array(ys, dtype=np.int64)


def train_empathy(data_dir: Path, embed, limit: int = 0,
                  log: Log = print) -> tuple[EmpathyModel, dict]:
    started = time.time()
    splits = {m: read_csv(mechanism_file(data_dir, m, "train")) for m in MECHANISMS}
    rows = {m: (s.rows[:limit] if limit else s.rows) for m, s in splits.items()}
    replies = list(dict.fromkeys(r.response_post for m in MECHANISMS for r in rows[m]))
    ngrams = Ngrams(max_word=10000, max_char=15000).fit(replies)
    qgrams = Ngrams(max_word=5000, max_char=5000).fit([question_text(r) for r in replies])
    levels, spans, chosen = {}, {}, {}
    meta = {"C": EMPATHY_C, "class_weight": "balanced", "mechanisms": {}}
    for m in MECHANISMS:
        rs = rows[m]
        y = np.array([r.level for r in rs])
        s_emb, r_emb = _pair_embeddings(rs, embed)
        texts, seekers = [r.response_post for r in rs], [r.seeker_post for r in rs]
        X = {f: pair_features(s_emb, r_emb, texts, ngrams, qgrams, feature_set=f,
                              seekers=seekers) for f in FEATURE_CANDIDATES[m]}
        cv = {f: _cv_macro_f1(X[f], y) for f in FEATURE_CANDIDATES[m]}
        scored = {f: v for f, v in cv.items() if v is not None}
        chosen[m] = max(scored, key=lambda f: (scored[f], -FEATURE_CANDIDATES[m].index(f))) \
            if scored else FEATURE_CANDIDATES[m][-1]
        clf = _fit_lr(X[chosen[m]], y, EMPATHY_C, class_weight="balanced")
        levels[m] = _head(clf, ["0", "1", "2"])
        sent, ys = _span_examples(rs)
        if len(set(ys.tolist())) == 2:
            sclf = _fit_lr(sentence_features(sent, ngrams), ys, SPAN_C, class_weight="balanced")
            spans[m] = LinearHead.from_sklearn(sclf, ["no", "yes"])
        else:  # no rationale in the slice: a flat span scorer (first sentence wins)
            spans[m] = LinearHead(["no", "yes"], np.zeros((2, len(ngrams.word.vocabulary_)
                                  + len(ngrams.char.vocabulary_) + 11), np.float32),
                                  np.zeros(2, np.float32))
        meta["mechanisms"][m] = {"train_pairs": len(rs), "span_sentences": len(sent),
                                 "errors": len(splits[m].errors),
                                 "cv_macro_f1": cv}
        log(f"empathy/{m}: {len(rs)} pairs, {int(ys.sum())} rationale sentences; train CV "
            f"macro-F1 {cv}; using {chosen[m]}")
    meta["feature_sets"] = chosen
    meta["train_seconds"] = round(time.time() - started, 1)
    for e in (e for s in splits.values() for e in s.errors):
        log(e)
    return EmpathyModel(ngrams, qgrams, levels, spans, chosen), meta


def _cv_macro_f1(X, y: np.ndarray, folds: int = 5) -> float | None:
    """5-fold cross-validated macro-F1 on training data (None when a class is too rare)."""
    from sklearn.model_selection import StratifiedKFold, cross_val_predict

    smallest = np.bincount(y).min() if len(y) else 0
    k = min(folds, int(smallest))
    if k < 2 or len(set(y.tolist())) < 2:
        return None
    clf = LogisticRegression(C=EMPATHY_C, max_iter=3000, class_weight="balanced")
    pred = cross_val_predict(clf, X, y, cv=StratifiedKFold(k, shuffle=True, random_state=13))
    return round(float(f1_score(y, pred, average="macro")), 4)


def empathy_report(model: EmpathyModel, data_dir: Path, split: str, embed,
                   limit: int = 0) -> dict:
    """Per mechanism: n, accuracy, macro-F1, and how often the returned span overlaps a
    rationale (on pairs whose gold level and predicted level are both above 0)."""
    out = {}
    for m in MECHANISMS:
        data = read_csv(mechanism_file(data_dir, m, split))
        rows = data.rows[:limit] if limit else data.rows
        y = np.array([r.level for r in rows])
        s_emb, r_emb = _pair_embeddings(rows, embed)
        pred = model.level_probs(s_emb, r_emb, [r.response_post for r in rows],
                                 [r.seeker_post for r in rows])[m].argmax(1)
        hits = tried = 0
        for r, p in zip(rows, pred):
            if p > 0 and r.level > 0 and r.rationales:
                span = model.best_span(m, r.response_post)
                tried += 1
                hits += int(span is not None and any(
                    overlap((span.start, span.end), (at, at + len(g))) > 0
                    for g in r.rationales if (at := r.response_post.find(g)) >= 0))
        out[m] = {
            "n": int(len(y)),
            "accuracy": float(accuracy_score(y, pred)) if len(y) else 0.0,
            "macro_f1": float(f1_score(y, pred, average="macro", labels=[0, 1, 2],
                                       zero_division=0)) if len(y) else 0.0,
            "span_hit_rate": round(hits / tried, 4) if tried else None,
            "errors": len(data.errors),
        }
    return out


# -- optional: LoRA fine-tuned tagger encoder -----------------------------------------
def train_tagger_finetune(train: ESConvSplit, out_dir: Path, epochs: float = 1.0,
                          max_length: int = 96, max_steps: int = 0,
                          log: Log = print) -> dict:
    """LoRA-tune a copy of the base encoder on "reply [SEP] previous turn" -> strategy and
    write ``out_dir/{adapter/, head.npz, meta.json}`` (a second encoder at run time)."""
    import json

    from ..config import Settings
    from ..support.tagger import pair_text
    from .finetune import FinetuneConfig, finetune

    batch = steps(train.conversations)
    cfg = FinetuneConfig(epochs=epochs, multilabel=False, max_length=max_length,
                         max_steps=max_steps)
    started = time.time()
    tok, model = finetune(Settings().encoder_path(), [pair_text(s) for s in batch],
                          _labels(batch), cfg, log=log)
    out_dir.mkdir(parents=True, exist_ok=True)
    model.transformer.save_pretrained(str(out_dir / "adapter"))
    w = (model.scale * model.head.weight.detach().numpy()).astype(np.float32)
    b = model.head.bias.detach().numpy().astype(np.float32)
    if w.shape[0] < len(IDS):  # a tiny slice missed the last classes
        w = np.vstack([w, np.zeros((len(IDS) - w.shape[0], w.shape[1]), np.float32)])
        b = np.concatenate([b, np.full(len(IDS) - len(b), -30.0, np.float32)])
    LinearHead(list(IDS), w, b).save(out_dir / "head.npz")
    meta = {"max_length": max_length, "epochs": epochs, "train_turns": len(batch),
            "train_seconds": round(time.time() - started, 1)}
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta
