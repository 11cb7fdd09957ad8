"""Dialogue context and the dense features the strategy models read from it.

Every text in a conversation is embedded once (the shared encoder, cached by hash); the
tagger and the next-strategy predictor only combine those vectors with cheap counts, so
tagging a reply or predicting the next move costs no encoder pass beyond the reply's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Callable, Sequence

import numpy as np

from ..data.esconv import Conversation, Turn, parse_conversation
from .strategies import IDS, Strategy

Embed = Callable[[Sequence[str]], np.ndarray]
N = len(IDS)
DIM = 384


@dataclass
class Step:
    """One supporter turn and everything said before it."""

    history: list[Turn]
    reply: str
    strategy: Strategy | None


def steps(conversations: Sequence[Conversation], labelled_only: bool = True) -> list[Step]:
    out = []
    for conv in conversations:
        for i, turn in enumerate(conv.turns):
            if turn.speaker == "supporter" and (turn.strategy is not None or not labelled_only):
                out.append(Step(conv.turns[:i], turn.text, turn.strategy))
    return out


def as_turns(context: object, where: str = "context") -> list[Turn]:
    """Accept a list of turns (``speaker``: seeker/supporter or usr/sys, ``text``, optional
    ``strategy``), an ESConv record (``{"dialog": [...]}``) or ``{"turns": [...]}``; a bare
    string counts as one seeker turn. ValueError with a clear message otherwise."""
    if isinstance(context, str):
        return [Turn("seeker", context)] if context.strip() else []
    if isinstance(context, dict):
        context = context.get("dialog", context.get("turns"))
    if not isinstance(context, list):
        raise ValueError(f"{where}: expected a list of turns or an object with 'dialog'")
    if not context:
        return []
    if all(isinstance(t, Turn) for t in context):
        return list(context)
    errors: list[str] = []
    conv = parse_conversation({"dialog": context}, where, errors)
    if errors:
        raise ValueError(errors[0])
    return conv.turns if conv else []


def last_seeker(history: Sequence[Turn], k: int = 1) -> list[str]:
    return [t.text for t in history if t.speaker == "seeker"][-k:]


def strategy_onehot(s: Strategy | None) -> np.ndarray:
    v = np.zeros(N, np.float32)
    if s is not None:
        v[IDS.index(s.value)] = 1.0
    return v


def texts_needed(batch: Sequence[Step]) -> list[str]:
    """Every text whose embedding the models read (reply, previous turn, seeker turns)."""
    need = []
    for st in batch:
        need.append(st.reply)
        need += [t.text for t in st.history[-1:]]
        need += last_seeker(st.history, 3)
        need += [t.text for t in st.history if t.speaker == "seeker"][:1]
        need += [t.text for t in st.history if t.speaker == "supporter"][-1:]
    return list(dict.fromkeys(need))


def _mean(vecs: list[np.ndarray]) -> np.ndarray:
    return np.mean(vecs, axis=0) if vecs else np.zeros(DIM, np.float32)


def tagger_dense(batch: Sequence[Step], vec: dict[str, np.ndarray]) -> np.ndarray:
    """[reply | previous turn | last seeker turn | position cues]."""
    rows = []
    for st in batch:
        prev = st.history[-1] if st.history else None
        seek = last_seeker(st.history, 1)
        n_sup = sum(t.speaker == "supporter" for t in st.history)
        rows.append(np.concatenate([
            vec[st.reply],
            vec[prev.text] if prev else np.zeros(DIM, np.float32),
            vec[seek[-1]] if seek else np.zeros(DIM, np.float32),
            np.array([float(prev is None), float(prev is not None and prev.speaker == "supporter"),
                      float(n_sup == 0), np.log1p(len(st.history)) / 4], np.float32),
        ]))
    return np.stack(rows).astype(np.float32)


def predictor_dense(batch: Sequence[Step], vec: dict[str, np.ndarray],
                    emotion_probs: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """What a planner knows before the reply exists: seeker's last turns, the previous
    turn, previous strategies, the seeker's emotion and its change, position."""
    rows = []
    for st in batch:
        h = st.history
        seek = last_seeker(h, 3)
        sup = [t for t in h if t.speaker == "supporter"]
        prev = h[-1] if h else None
        strategies = [t.strategy for t in sup]
        counts = np.zeros(N, np.float32)
        for s in strategies:
            if s is not None:
                counts[IDS.index(s.value)] += 1
        counts = counts / max(1.0, counts.sum())
        e_last = vec[seek[-1]] if seek else np.zeros(DIM, np.float32)
        e_seek = _mean([vec[t] for t in seek])
        e_sup = vec[sup[-1].text] if sup else np.zeros(DIM, np.float32)
        all_seek = [t.text for t in h if t.speaker == "seeker"]
        emo_now = emotion_probs(e_last[None])[0] if seek else np.zeros(28, np.float32)
        emo_first = (emotion_probs(vec[all_seek[0]][None])[0] if all_seek
                     else np.zeros(28, np.float32))
        rows.append(np.concatenate([
            e_last, e_seek, e_sup,
            strategy_onehot(strategies[-1] if strategies else None),
            strategy_onehot(strategies[-2] if len(strategies) > 1 else None),
            counts,
            emo_now, emo_now - emo_first,
            np.array([float(prev is None), float(prev is not None and prev.speaker == "supporter"),
                      float(not sup), np.log1p(len(h)) / 4, np.log1p(len(sup)) / 4,
                      min(len(h), 40) / 40], np.float32),
            history_features(h),
            transition_features(h),
        ]))
    return np.stack(rows).astype(np.float32)


# Cues in what the seeker has said since the supporter last spoke (text only, no encoder).
SEEKER_CUES = [re.compile(c, re.I) for c in (
    r"\?", r"\bthank", r"\b(bye|goodbye|good night|take care)\b", r"\b(hi|hello|hey)\b",
    r"\bwhat (should|can|do) i\b|\bany (advice|ideas|suggestions)\b|\bwhat would you\b"
    r"|\bhow (do|can|should) i\b",
    r"\b(you|your)\b", r"\b(yes|yeah|yep|sure|ok|okay)\b", r"\b(no|not|nope)\b",
    r"\b(i don't know|idk|not sure)\b",
    r"\b(that helps|helpful|good idea|great idea|i will try|i'll try)\b",
    r"\b(sad|depress|anxious|lonely|stress|angry|upset|hurt|scared)\w*")]
SUPPORTER_TURN_BUCKETS = (0, 1, 2, 3, 4, 6, 9, 13, 18, 25)
HISTORY_BUCKETS = (0, 1, 2, 4, 7, 11, 16, 22, 30, 40, 55)


def _bucket(n: int, edges: Sequence[int]) -> np.ndarray:
    v = np.zeros(len(edges), np.float32)
    v[max(i for i, e in enumerate(edges) if n >= e)] = 1.0
    return v


def _index_onehot(i: int | None) -> np.ndarray:
    v = np.zeros(N, np.float32)
    if i is not None and i >= 0:
        v[i] = 1.0
    return v


def history_features(h: Sequence[Turn]) -> np.ndarray:
    """Strategy history and dialogue phase, 143 numbers: the third-last strategy, the
    bigram of the last two, the mix of the last four supporter turns, recency (1/(1+k),
    k supporter turns since each strategy was last used) and whether it was ever used,
    the last strategy when the supporter is speaking twice in a row, buckets of the
    supporter-turn count and the history length, 11 text cues of what the seeker said
    since the supporter last spoke, and lengths / question marks of the last turns."""
    sup = [t for t in h if t.speaker == "supporter"]
    strat = [IDS.index(t.strategy.value) if t.strategy is not None else -1 for t in sup]
    prev_sup = bool(h) and h[-1].speaker == "supporter"
    bigram = np.zeros(N * N, np.float32)
    if len(strat) >= 2 and strat[-1] >= 0 and strat[-2] >= 0:
        bigram[strat[-2] * N + strat[-1]] = 1.0
    recent = np.zeros(N, np.float32)
    for s in strat[-4:]:
        if s >= 0:
            recent[s] += 0.25
    since, ever = np.zeros(N, np.float32), np.zeros(N, np.float32)
    for k, s in enumerate(reversed(strat)):
        if s >= 0 and not ever[s]:
            ever[s], since[s] = 1.0, 1.0 / (1 + k)
    run = _since_supporter(h)
    said = " ".join(reversed(run))
    last_seek = next((t.text for t in reversed(h) if t.speaker == "seeker"), "")
    last_sup = sup[-1].text if sup else ""
    return np.concatenate([
        _index_onehot(strat[-3] if len(strat) > 2 else None),
        bigram, recent, since, ever,
        _index_onehot(strat[-1] if prev_sup and strat else None),
        _bucket(len(sup), SUPPORTER_TURN_BUCKETS),
        _bucket(len(h), HISTORY_BUCKETS),
        np.array([float(bool(c.search(said))) for c in SEEKER_CUES], np.float32),
        np.array([float(last_seek.strip().endswith("?")), np.log1p(len(said.split())) / 5,
                  min(len(run), 4) / 4, np.log1p(len(last_seek.split())) / 5,
                  float(prev_sup), np.log1p(len(last_sup.split())) / 5 if sup else 0.0,
                  float(last_sup.strip().endswith("?")) if sup else 0.0], np.float32),
    ]).astype(np.float32)


def _since_supporter(h: Sequence[Turn]) -> list[str]:
    """What was said after the supporter last spoke, latest first."""
    run: list[str] = []
    for t in reversed(h):
        if t.speaker == "supporter":
            break
        run.append(t.text)
    return run


def transition_features(h: Sequence[Turn]) -> np.ndarray:
    """128 numbers for the linear head's lack of interactions: the last strategy crossed
    with the supporter-turn bucket (80) and with 4 cues of what the seeker said since the
    supporter last spoke (a question mark, thanks, under 6 words, more than one turn; 32),
    log counts of each strategy so far (8) and supporter turns since each was last used
    (capped at 10, /10; 1 when never used; 8)."""
    sup = [t for t in h if t.speaker == "supporter"]
    strat = [IDS.index(t.strategy.value) if t.strategy is not None else -1 for t in sup]
    last = _index_onehot(strat[-1] if strat else None)
    run = _since_supporter(h)
    said = " ".join(reversed(run))
    cues = np.array([float("?" in said), float(bool(_THANKS.search(said))),
                     float(len(said.split()) < 6), float(len(run) > 1)], np.float32)
    counts, since = np.zeros(N, np.float32), np.ones(N, np.float32)
    seen = np.zeros(N, bool)
    for s in strat:
        if s >= 0:
            counts[s] += 1
    for k, s in enumerate(reversed(strat)):
        if s >= 0 and not seen[s]:
            seen[s], since[s] = True, min(k, 10) / 10
    return np.concatenate([np.outer(last, _bucket(len(sup), SUPPORTER_TURN_BUCKETS)).ravel(),
                           np.outer(last, cues).ravel(), np.log1p(counts) / 2,
                           since]).astype(np.float32)


_THANKS = re.compile(r"\bthank", re.I)


def embed_map(batch: Sequence[Step], embed: Embed) -> dict[str, np.ndarray]:
    texts = [t for t in texts_needed(batch) if t]
    return dict(zip(texts, embed(texts))) if texts else {}
