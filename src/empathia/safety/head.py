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
                   float(meta["cssrs"]["threshold"] if "cssrs" in meta else meta["threshold"]))

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
    from ..config import encoder_fingerprint as base_fingerprint

    settings = settings or Settings()
    h = hashlib.blake2b(digest_size=8)
    # the base encoder by its content (config + weights size), not by where it is installed
    h.update(base_fingerprint(settings.encoder_path()).encode())
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


def embed_cached(texts: Sequence[str], cache_dir: Path | None, log: Callable = print,
                 prefix: str = "cssrs") -> np.ndarray:
    """Embed with the shared encoder; reuse a cached array for the same texts + encoder."""
    from ..perceive.perceiver import Perceiver

    key = hashlib.blake2b(digest_size=8)
    for t in texts:
        key.update(t.encode("utf-8", "surrogatepass"))
        key.update(b"\0")
    name = f"{prefix}-{key.hexdigest()}-{encoder_fingerprint()}.npy"
    if cache_dir is not None and (cache_dir / name).is_file():
        log(f"embeddings from cache {cache_dir / name}")
        return np.load(cache_dir / name)
    started = time.time()
    emb = embed_many(Perceiver(), texts, log=log)
    log(f"embedded {len(texts)} texts in {time.time() - started:.0f}s")
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


def train_cssrs_head(data: Path, out_dir: Path, cache_dir: Path | None = None, c: float = 0.2,
                     log: Callable = print) -> dict:
    """The C-SSRS head (``head.npz``): user-grouped 5-fold CV for every figure."""
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
    return {"threshold": threshold, "target": "user label in {Ideation, Behavior, Attempt}",
            "data": str(Path(data).name), "users": len(users), "windows": len(texts), "C": c,
            "cv_5fold_grouped_by_user": cv}


def train_risk_head(data: Path | None, out_dir: Path, cache_dir: Path | None = None,
                    c: float = 0.2, log: Callable = print, examples: Sequence[Path] = (),
                    everyday: Path | None = None) -> dict:
    """The exemplar backstop on the written examples (+ ``examples`` files) and, when
    ``data`` (C-SSRS users.dev.csv) is given, the C-SSRS head. Writes ``meta.json``."""
    out_dir.mkdir(parents=True, exist_ok=True)
    meta: dict = {"encoder_fingerprint": encoder_fingerprint()}
    meta["backstop"] = train_backstop(out_dir, examples, cache_dir, log, everyday=everyday)
    for stale in ("exemplar_head.npz",):
        (out_dir / stale).unlink(missing_ok=True)
    if data is not None:
        meta["cssrs"] = train_cssrs_head(data, out_dir, cache_dir, c, log)
        meta["threshold"] = meta["cssrs"]["threshold"]
    else:
        (out_dir / "head.npz").unlink(missing_ok=True)
    (out_dir / "meta.json").write_text(json.dumps(meta, indent=2))
    return meta


# -- the exemplar backstop: the project's own written examples, all four categories ------------

EXEMPLARS_FILE = Path(__file__).with_name("data") / "exemplars.jsonl"
EX_CLASSES = ("none", "self_harm", "harm_to_others", "abuse", "medical")
EX_LEVELS = ("none", "low", "moderate", "high", "imminent")
BACKSTOP_FILE = "backstop.npz"


def read_exemplars(path: Path = EXEMPLARS_FILE) -> list[dict]:
    """``{"text","category","level"}`` lines; probe-format lines (``risk``, ``min_level``)
    are read too, so a probe file can be added as training examples."""
    rows = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        obj = json.loads(line)
        if "level" not in obj:
            risk = bool(obj.get("risk"))
            obj = {"text": obj["text"], "category": obj["category"] if risk else "none",
                   "level": obj.get("min_level", "low") if risk else "none"}
        rows.append(obj)
    return rows


# Suppression reasons that are *not* a false-alarm check: a context-dependent rule that
# found no risk context ("a plan for tonight" alone) says nothing about the message being
# figurative, so it does not veto the backstop. Every other reason (figurative, fiction or
# study, recovery, negated, game, trivial cause, ...) does.
NOT_A_VETO = frozenset({"no_context"})


def vetoed(suppressed: Sequence[str]) -> bool:
    """Did a false-alarm check of the lexicon switch something off in this message?"""
    return any(s.split(":", 1)[-1] not in NOT_A_VETO for s in suppressed)


@dataclass
class ExemplarHead:
    """The encoder backstop: a linear softmax (none + four categories) and a nearest-
    neighbour margin over written examples, both on the shared embedding.

    ``blend`` = mean of the two scores, each standardised on the out-of-fold scores of the
    development negatives; it fires at ``threshold`` (out-of-fold, leave-one-file-out, so
    that at most ~5% of dev negatives the lexicon leaves quiet would be raised). The level
    is the highest level of the 3 nearest examples of the predicted category, capped at
    ``high`` (imminent needs words the lexicon reads).
    """

    weight: np.ndarray  # (5, dim)
    bias: np.ndarray  # (5,)
    ex_emb: np.ndarray  # (n, dim) every example (risk and hard negatives)
    ex_cat: np.ndarray  # (n,) class index (0 = none)
    ex_level: np.ndarray  # (n,) level index
    stats: np.ndarray  # (4,) mean/std of the linear score, mean/std of the margin
    threshold: float
    k: int = 5
    watch_threshold: float | None = None  # below threshold, at or above this: level "low"
    # In the watch band, at or above this, a reading whose nearest examples are ``high``
    # reads ``moderate`` (a plan or means told in new words), not only ``low``.
    alert_threshold: float | None = None

    @classmethod
    def load(cls, model_dir: Path) -> "ExemplarHead":
        d = np.load(model_dir / BACKSTOP_FILE)
        meta = json.loads((model_dir / "meta.json").read_text())["backstop"]
        return cls(d["weight"].astype(np.float32), d["bias"].astype(np.float32),
                   d["ex_emb"].astype(np.float32), d["ex_cat"].astype(int),
                   d["ex_level"].astype(int), d["stats"].astype(np.float64),
                   float(meta["threshold"]), int(meta["k"]),
                   meta.get("watch_threshold"), meta.get("alert_threshold"))

    @classmethod
    def load_default(cls) -> "ExemplarHead | None":
        model_dir = Settings().models_dir / HEAD_NAME
        if not (model_dir / BACKSTOP_FILE).is_file():
            return None
        return cls.load(model_dir)

    def probs(self, emb: np.ndarray) -> np.ndarray:
        z = emb @ self.weight.T + self.bias
        z = z - z.max(axis=-1, keepdims=True)
        e = np.exp(z)
        return e / e.sum(axis=-1, keepdims=True)

    def scores(self, emb: np.ndarray) -> dict[str, np.ndarray]:
        emb = np.atleast_2d(np.asarray(emb, dtype=np.float32))
        p = self.probs(emb)
        sims = emb @ self.ex_emb.T
        return score_parts(p, sims, self.ex_cat, self.ex_level, self.stats, self.k)

    def predict(self, emb: np.ndarray, offset: float = 0.0) -> list[tuple[float, str, str, float]]:
        """(risk probability, category, level, blend - threshold) per row (``readings`` of
        ``scores``)."""
        return self.readings(self.scores(emb), offset)

    def readings(self, s: dict[str, np.ndarray], offset: float = 0.0
                 ) -> list[tuple[float, str, str, float]]:
        """(risk probability, category, level, blend - threshold) per row of ``scores``.

        Between the watch threshold and the threshold the reading is ``low``: enough to
        keep watch over the conversation, not enough to start the crisis protocol on an
        ordinary message the examples happen to resemble ("thanks for everything"). From
        the alert threshold up, a reading whose nearest examples are ``high`` (a plan, a
        means) reads ``moderate``: one step under, not two. So does a harm-to-others,
        abuse or medical reading the classifier is sure of (``SURE_PROB``): on the issue's
        scale ``low`` is a passive wish, a self-harm notion; for the other kinds the
        lowest level that means anything is ``moderate`` (whole messages only: pieces of
        one get more chances to look sure). ``offset`` raises every
        threshold (a sentence read on its own gets more chances to fire than a message)."""
        out = []
        for i in range(len(s["blend"])):
            b = float(s["blend"][i]) - offset
            level = EX_LEVELS[int(s["level"][i])]
            margin = b - self.threshold
            if margin < 0 and self.watch_threshold is not None and b >= self.watch_threshold:
                cat = EX_CLASSES[int(s["category"][i])]
                alert = (self.alert_threshold is not None and b >= self.alert_threshold
                         and level == "high") or (
                    not offset and cat in SURE_CATEGORIES
                    and float(s["risk_prob"][i]) >= SURE_PROB)
                level, margin = ("moderate" if alert else "low"), b - self.watch_threshold
            out.append((float(s["risk_prob"][i]), EX_CLASSES[int(s["category"][i])], level,
                        margin))
        return out


def score_parts(p: np.ndarray, sims: np.ndarray, ex_cat: np.ndarray, ex_level: np.ndarray,
                stats: np.ndarray | None, k: int) -> dict[str, np.ndarray]:
    """The backstop's scores from softmax probabilities and similarities to the examples."""
    pos, neg = ex_cat > 0, ex_cat == 0
    kp, kn = min(k, int(pos.sum())), min(k, int(neg.sum()))
    margin = (np.sort(sims[:, pos], axis=1)[:, -kp:].mean(1)
              - np.sort(sims[:, neg], axis=1)[:, -kn:].mean(1))
    risk_prob = 1.0 - p[:, 0]
    category = p[:, 1:].argmax(1) + 1
    level = np.ones(len(p), dtype=int)
    for i in range(len(p)):
        mask = ex_cat == category[i]
        if mask.any():
            top = np.argsort(-sims[i, mask])[:3]
            level[i] = int(ex_level[mask][top].max())
    level = np.clip(level, 1, EX_LEVELS.index("high"))
    out = {"risk_prob": risk_prob, "margin": margin, "category": category, "level": level}
    if stats is not None:
        out["blend"] = ((risk_prob - stats[0]) / stats[1] + (margin - stats[2]) / stats[3]) / 2
    return out


def _lexicon_readings(texts: Sequence[str]) -> tuple[np.ndarray, list[list[str]], list[dict]]:
    from .risk import RiskAssessor

    lex = RiskAssessor(use_model=False)
    got = lex.assess_many(list(texts))
    return (np.array([EX_LEVELS.index(a.level.value) for a in got]),
            [a.suppressed for a in got], [{c: lv.value for c, lv in a.categories.items()}
                                          for a in got])


def everyday_messages(esconv: Path, limit: int = 3000, seed: int = 13) -> list[dict]:
    """Seeker messages from an ESConv file that the lexicon leaves quiet, as negatives.

    The written examples are risk phrasing and its hard look-alikes; without ordinary
    conversation ("thanks", "I don't know") among the negatives the backstop read short
    everyday messages as high risk. A few of these messages may be risk the lexicon misses,
    so they teach the backstop a little caution too; the cap keeps them from dominating."""
    import random

    from ..data.esconv import read_jsonl

    split = read_jsonl(esconv)
    texts = sorted({t.text.strip() for c in split.conversations for t in c.turns
                    if t.speaker == "seeker" and t.text.strip()})
    random.Random(seed).shuffle(texts)
    level, suppressed, _ = _lexicon_readings(texts[:limit * 2])
    quiet = [t for t, lv, s in zip(texts, level, suppressed) if lv == 0 and not s]
    return [{"text": t, "category": "none", "level": "none"} for t in quiet[:limit]]


# In the watch band, a reading of these kinds whose risk probability reaches SURE_PROB
# reads ``moderate`` rather than ``low`` (1 Dec, sixth session). Chosen on the development
# files no list trains on: dev_k1 under-triage 0.208 -> 0.175, dev_ho 0.330 -> 0.300 (0.98:
# 0.167 / 0.280; 0.995: 0.192 / 0.310), at the price of 3 more ESConv valid seeker messages
# of 2,956 read ``moderate`` (0.54% -> 0.64%; 0.98 would have been 0.78%). Whole messages
# only (a sentence read alone must not outrank the sentence that carries the risk): dev_k1
# 0.183, dev_ho 0.300.
SURE_PROB = 0.99
SURE_CATEGORIES = ("harm_to_others", "abuse", "medical")

# Probe files kept for a one-time blind measurement: never training data, whatever the
# command line says (checked by name before the file is opened).
RESERVED_BLIND = ("risk_probes_blind_h", "risk_probes_blind_i", "risk_probes_blind_j",
                  "risk_probes_blind_k", "risk_probes_blind_l", "risk_probes_blind_m",
                  "risk_probes_blind_n", "risk_probes_blind_o", "risk_probes_blind_q")

# The development probe files the shipped backstop is trained on (tests/data), besides
# exemplars.jsonl. Named one by one, never globbed, so a new blind file cannot slip in.
DEV_EXAMPLE_FILES = ("risk_probes.jsonl", "risk_probes_blind_a.jsonl",
                     "risk_probes_holdout.jsonl", "risk_probes_late_holdout.jsonl",
                     "risk_probes_blind_b.jsonl", "risk_probes_blind_c.jsonl",
                     "risk_probes_blind_d.jsonl", "risk_probes_dev_e.jsonl",
                     "risk_probes_blind_e.jsonl", "risk_probes_blind_f.jsonl",
                     "risk_probes_blind_g.jsonl", "risk_probes_dev_h1.jsonl",
                     "risk_probes_dev_h2.jsonl", "risk_probes_dev_med.jsonl",
                     "risk_probes_dev_k2.jsonl")


def check_not_reserved(paths: Sequence[Path]) -> None:
    """Refuse a reserved blind probe file as training data (by its name, unread)."""
    for p in paths:
        if any(Path(p).name.startswith(r) for r in RESERVED_BLIND):
            raise ValueError(f"{p}: a reserved blind probe file, never training data")


def train_backstop(out_dir: Path, examples: Sequence[Path] = (), cache_dir: Path | None = None,
                   log: Callable = print, c: float = 16.0, k: int = 5, target_fp: float = 0.05,
                   seed: int = 13, everyday: Path | None = None,
                   target_fp_everyday: float = 0.001, everyday_folds: int = 5,
                   target_watch_everyday: float = 0.015,
                   target_alert_everyday: float = 0.004) -> dict:
    """Fit the backstop on ``exemplars.jsonl`` + ``examples`` (+ everyday ESConv seeker
    messages as negatives); every figure and both thresholds come from out-of-fold scores:
    leave-one-file-out for the written files (a file's phrasing is never in its fit), and
    ``everyday_folds`` random folds for the everyday messages (each scored by a fit that
    holds the other everyday messages: leaving them all out at once scored everyday talk
    with a backstop that had never seen any, and overstated how often it fires on it).
    The watch threshold raises at most ``target_fp`` of the quiet written negatives and
    ``target_watch_everyday`` of the everyday messages (1.5%: a ``low`` reading adds one
    gentle safety question and a helpline to the reply, never the crisis protocol; out of
    fold, going from 0.75% to 1.5% raised recall on the newer probe files by 2 to 8
    points); the full reading (which can start the crisis protocol) needs a blend that at
    most ``target_fp_everyday`` of the everyday messages reach. In between, the alert
    threshold (at most ``target_alert_everyday`` of the everyday messages) lets a reading
    whose nearest examples are ``high`` read ``moderate``: out of fold this cut
    under-triage on the newer probe files by 2 to 4 points for about 0.3% more everyday
    messages at ``moderate``."""
    from sklearn.linear_model import LogisticRegression

    check_not_reserved(list(examples) + ([everyday] if everyday is not None else []))
    files = [EXEMPLARS_FILE] + [Path(p) for p in examples]
    rows, group = [], []
    for gi, path in enumerate(files):
        for r in read_exemplars(path):
            rows.append(r)
            group.append(gi)
    n_everyday = 0
    if everyday is not None:
        extra = everyday_messages(everyday)
        n_everyday = len(extra)
        rows += extra
        group += [len(files)] * n_everyday
        files.append(Path(everyday))
        log(f"{n_everyday} everyday seeker messages from {everyday} as negatives")
    # one copy of a text (the first file's labels)
    seen: set[str] = set()
    keep = [i for i, r in enumerate(rows) if not (r["text"] in seen or seen.add(r["text"]))]
    rows, group = [rows[i] for i in keep], np.array([group[i] for i in keep])
    texts = [r["text"] for r in rows]
    y = np.array([EX_CLASSES.index(r["category"]) for r in rows])
    lv = np.array([EX_LEVELS.index(r["level"]) for r in rows])
    log(f"{len(rows)} examples ({int((y > 0).sum())} at risk) from "
        f"{', '.join(p.name for p in files)}")
    emb = embed_cached(texts, cache_dir, log, prefix="risk-examples")
    lex_level, suppressed, lex_cats = _lexicon_readings(texts)
    veto = np.array([vetoed(s) for s in suppressed])
    quiet = (lex_level == 0) & ~veto

    def fit(idx):
        return LogisticRegression(C=c, class_weight="balanced", max_iter=3000,
                                  random_state=seed).fit(emb[idx], y[idx])

    # CV folds: one per written file; the everyday messages in ``everyday_folds`` folds
    fold = group.copy()
    if n_everyday and everyday_folds > 1:
        daily_idx = np.where(group == len(files) - 1)[0]
        order = np.random.RandomState(seed).permutation(len(daily_idx))
        for j, p in enumerate(order):
            if j % everyday_folds:
                fold[daily_idx[p]] = len(files) - 1 + j % everyday_folds
    parts: dict[str, np.ndarray] = {}
    for gi in np.unique(fold):
        te, tr = np.where(fold == gi)[0], np.where(fold != gi)[0]
        if not len(te):
            continue
        got = score_parts(fit(tr).predict_proba(emb[te]), emb[te] @ emb[tr].T, y[tr], lv[tr],
                          None, k)
        for key, v in got.items():
            parts.setdefault(key, np.zeros(len(y), dtype=v.dtype))[te] = v
    negs = y == 0
    stats = np.array([parts["risk_prob"][negs].mean(), parts["risk_prob"][negs].std(),
                      parts["margin"][negs].mean(), parts["margin"][negs].std()])
    blend = ((parts["risk_prob"] - stats[0]) / stats[1]
             + (parts["margin"] - stats[2]) / stats[3]) / 2
    daily = group == (len(files) - 1) if n_everyday else np.zeros(len(y), dtype=bool)
    watch = float(np.quantile(blend[quiet & negs & ~daily], 1.0 - target_fp))
    if n_everyday:
        watch = max(watch, float(np.quantile(blend[daily & quiet], 1.0 - target_watch_everyday)))
    threshold = alert = watch
    if n_everyday:
        threshold = max(watch, float(np.quantile(blend[daily & quiet],
                                                 1.0 - target_fp_everyday)))
        alert = min(threshold, max(watch, float(np.quantile(blend[daily & quiet],
                                                            1.0 - target_alert_everyday))))
    high, moderate, low = (EX_LEVELS.index(x) for x in ("high", "moderate", "low"))
    watch_level = np.where((blend >= alert) & (parts["level"] >= high), moderate, low)
    level_read = np.where(blend >= threshold, parts["level"], watch_level)
    cv = _cv_figures(y, lv, group, [p.name for p in files], lex_level, lex_cats, quiet, veto,
                     blend >= watch, parts["category"], level_read)
    log(f"leave-one-file-out CV: {json.dumps(cv)}")
    clf = fit(np.arange(len(y)))
    np.savez(out_dir / BACKSTOP_FILE, weight=clf.coef_.astype(np.float32),
             bias=clf.intercept_.astype(np.float32), ex_emb=emb.astype(np.float16),
             ex_cat=y.astype(np.int8), ex_level=lv.astype(np.int8), stats=stats)
    return {"threshold": round(threshold, 4), "watch_threshold": round(min(watch, threshold), 4),
            "alert_threshold": round(alert, 4) if n_everyday else None,
            "k": k, "C": c,
            "target_fp_quiet_negatives": target_fp,
            "everyday_negatives": n_everyday, "target_fp_everyday": target_fp_everyday,
            "everyday_folds": everyday_folds if n_everyday else 0,
            "target_watch_everyday": target_watch_everyday if n_everyday else None,
            "everyday_oof_watch": round(float((blend[daily & quiet] >= min(watch, threshold))
                                              .mean()), 4) if n_everyday else None,
            "everyday_oof_full": round(float((blend[daily & quiet] >= threshold).mean()), 4)
            if n_everyday else None,
            "target_alert_everyday": target_alert_everyday if n_everyday else None,
            "everyday_oof_moderate": round(float((level_read[daily & quiet & (blend >= watch)]
                                                  >= moderate).sum() / max(1, (daily & quiet)
                                                                           .sum())), 4)
            if n_everyday else None,
            "examples": int(len(y)), "risk_examples": int((y > 0).sum()),
            "files": [p.name for p in files], "cv_leave_one_file_out": cv}


def combine_levels(lex_level: int, lex_cats: dict[str, str], quiet: bool, veto: bool, fires: bool,
                   category: str, level: int) -> tuple[int, str | None]:
    """The backstop's contribution, as (level, rule): a quiet message it fires on gets its
    level; a lexicon finding in the same category two or more steps below the backstop's
    level is raised one step. A false-alarm veto stops both."""
    if not fires or veto:
        return 0, None
    if quiet:
        return level, "model.exemplar"
    have = lex_cats.get(category)
    if have is not None and level >= EX_LEVELS.index(have) + 2:
        return EX_LEVELS.index(have) + 1, "model.raise"
    return 0, None


def _cv_figures(y, lv, group, names, lex_level, lex_cats, quiet, veto, fires, cat, level) -> dict:
    pred = lex_level.copy()
    raised = 0
    for i in range(len(y)):
        add, rule = combine_levels(int(lex_level[i]), lex_cats[i], bool(quiet[i]),
                                   bool(veto[i]), bool(fires[i]), EX_CLASSES[int(cat[i])],
                                   int(level[i]))
        if add > pred[i]:
            pred[i] = add
            raised += rule == "model.raise"

    def figs(m):
        r, n = m & (y > 0), m & (y == 0)
        return {"n": int(m.sum()),
                "recall_lexicon": round(float((lex_level[r] > 0).mean()), 4) if r.any() else None,
                "recall": round(float((pred[r] > 0).mean()), 4) if r.any() else None,
                "under_triage_lexicon": round(float((lex_level[r] < lv[r] - 1).mean()), 4)
                if r.any() else None,
                "under_triage": round(float((pred[r] < lv[r] - 1).mean()), 4) if r.any() else None,
                "fp_lexicon": round(float((lex_level[n] > 0).mean()), 4) if n.any() else None,
                "fp": round(float((pred[n] > 0).mean()), 4) if n.any() else None}

    missed = (y > 0) & (lex_level == 0)
    out = {"all": figs(np.ones(len(y), bool)),
           "per_file": {name: figs(group == gi) for gi, name in enumerate(names)},
           "lexicon_misses_caught": f"{int((fires & quiet & missed).sum())}/{int(missed.sum())}",
           "lexicon_findings_raised": raised,
           "quiet_negatives_fired": round(float((fires & quiet & (y == 0)).sum()
                                                / max(1, (quiet & (y == 0)).sum())), 4),
           "category_right_when_fired": round(float(
               (cat[fires & quiet & (y > 0)] == y[fires & quiet & (y > 0)]).mean()), 4)
           if (fires & quiet & (y > 0)).any() else None}
    return out


def write_card(out_dir: Path, meta: dict) -> None:
    """MODEL_CARD.md next to the weights: data, design, CV figures, how to retrain."""
    b = meta["backstop"]
    cv = b["cv_leave_one_file_out"]
    rows = "\n".join(
        f"| {name} | {f['n']} | {f['recall_lexicon']} | {f['recall']} | "
        f"{f['under_triage_lexicon']} | {f['under_triage']} | {f['fp_lexicon']} | {f['fp']} |"
        for name, f in [("all", cv["all"])] + list(cv["per_file"].items()))
    cssrs = ""
    if "cssrs" in meta:
        c = meta["cssrs"]["cv_5fold_grouped_by_user"]
        cssrs = f"""
## The C-SSRS head (`head.npz`)

Logistic regression on `{meta['cssrs']['data']}` post windows (user label Ideation or
above); 5-fold CV grouped by user: window AUC {c['window_auc']:.3f}, user AUC
{c['user_auc_max_window']:.3f}. It lifts only quiet texts of post length (300+ characters)
to `low`.
"""
    reserved = ", ".join(f"`{r}.jsonl`" for r in RESERVED_BLIND)
    text = f"""# empathia risk backstop

The encoder reader behind the explicit lexicon in `empathia.safety.risk`. It reads the
shared empathia embedding (MiniLM + the shipped emotion LoRA adapter, the same vector every
head reads, so a message the perceiver already embedded costs no encoder pass).

## Design (`backstop.npz`)

- a linear softmax over none + the four categories (C={b['C']}, balanced classes), and
- a nearest-neighbour margin: mean cosine similarity to the {b['k']} nearest risk examples
  minus that to the {b['k']} nearest non-risk examples (hard negatives: figurative speech,
  fiction, recovery stories, everyday talk);
- the score is the mean of the two, each standardised on the negatives' out-of-fold
  scores; it keeps watch (`low`) from {b.get('watch_threshold', b['threshold']):.4f}, the blend
  above which at most {b['target_fp_quiet_negatives']:.0%} of the out-of-fold scores of the
  written negatives the lexicon leaves quiet fall, and at most
  {(b.get('target_watch_everyday') or 0):.2%} of the everyday messages', and gives its full reading from
  {b['threshold']:.4f} (see Retrain);
- category: the softmax's best risk class; level: the highest level of the 3 nearest
  examples of that category, capped at `high` (imminent needs words the lexicon reads).

How it combines with the lexicon: when the lexicon found nothing and no false-alarm check
(figurative, fiction/study, recovery, negation, game, trivial cause, ...) switched anything
off, a firing backstop adds its category and level (rule `model.exemplar`). When the
lexicon found a category at a level two or more steps below the backstop's level for that
category, the finding is raised one step (`model.raise`). It never lowers a finding; a
false-alarm check vetoes it.

## Data and licence

{b['examples']} short messages ({b['risk_examples']} at risk), from {', '.join(b['files'])}
(the probe and example files are the project's own, Apache-2.0; the everyday messages are
ESConv train seeker turns). The blind files b to g and the development files dev_e,
dev_h1, dev_h2 and dev_med were each measured at first sight before they joined (figures in
`tests/test_safety_backstop.py`), so they are development data now. The reserved blind
file(s) {reserved} are refused by name (`RESERVED_BLIND` in `safety/head.py`);
the default file list (`DEV_EXAMPLE_FILES`) names every file, never a glob.

## Figures (leave-one-file-out cross-validation)

Every figure and both thresholds come from fitting on the other files and scoring one file
(the everyday messages: {b.get('everyday_folds', 0)} random folds, each scored by a fit on
the rest). The lexicon was developed on these files, so its own figures here are
optimistic; the backstop's gain shows mostly on `exemplars.jsonl` and the former blind
files, which the lexicon reads worst.

| file | n | recall (lexicon) | recall (+backstop) | under-triage (lexicon) | under-triage (+backstop) | FP (lexicon) | FP (+backstop) |
|---|---|---|---|---|---|---|---|
{rows}

- lexicon misses the backstop catches: {cv['lexicon_misses_caught']}
- lexicon findings raised a step: {cv['lexicon_findings_raised']}
- quiet negatives it fires on: {cv['quiet_negatives_fired']:.3f}
- category right when it fires on a risk item: {cv['category_right_when_fired']}

The FP column of `train.jsonl` is the share of everyday messages the backstop raises out
of fold (watch band included); {b.get('everyday_oof_full')} reach its full reading.
These are development figures. The honest ones are first-sight figures on a blind probe
file nobody has trained on, measured once with
`empathia eval risk --data tests/data/<file>.jsonl --json`.
{cssrs}
## Files

`backstop.npz` (softmax weights, every example's embedding in float16 with its category and
level, standardisation statistics), `meta.json` (threshold, figures, encoder fingerprint).
Encoder fingerprint: `{meta['encoder_fingerprint']}` (base encoder config + weights size, and
the emotion adapter's bytes). `RiskAssessor` uses the backstop only when it matches the
loaded encoder; retrain when the emotion adapter changes.

## Retrain

```bash
empathia train risk --everyday ../shared/datasets/esconv/train.jsonl --cache /tmp/empathia-cache
```

(without `--examples` it reads `exemplars.jsonl` and the development probe files
`DEV_EXAMPLE_FILES` in `tests/data`, run from the repository root.)

`--everyday` adds {b.get('everyday_negatives', 0)} ESConv seeker messages the lexicon leaves quiet as
negatives; the backstop's full reading (its examples' level, capped at `high`; `moderate`
and above start the crisis protocol) needs a blend at or above {b['threshold']:.4f} (at most
{b.get('target_fp_everyday', 0):.1%} of those everyday messages, out of fold); between
{b.get('watch_threshold', b['threshold']):.4f} and that, it reads `low` (keep watch), except
that from {(b.get('alert_threshold') or b['threshold']):.4f} (at most
{(b.get('target_alert_everyday') or 0):.1%} of the everyday messages) a reading whose nearest
examples are `high` reads `moderate`. Out of fold, {b.get('everyday_oof_moderate')} of the
everyday messages read `moderate` from the backstop. At run time (not in these training
figures), a harm-to-others, abuse or medical reading in the watch band whose risk
probability is at least {SURE_PROB} also reads `moderate` (`SURE_PROB` in `safety/head.py`).

(`--data ../shared/datasets/cssrs/users.dev.csv` adds the C-SSRS head.)
"""
    (out_dir / "MODEL_CARD.md").write_text(text, encoding="utf-8")
