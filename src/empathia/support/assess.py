"""What a supporter's reply does (strategy) and how empathic it is (EPITOME levels), and
what a skilled supporter would do next; the typed values here are the public contract.

    >>> from empathia import assess
    >>> assess("What happened after that?", context=[{"speaker": "seeker", "text": "..."}])

All three models read the shared embedding: one encoder pass per new text, cached by
hash, so assessing a reply and predicting the next move cost about one pass in total.
"""

from __future__ import annotations

from pathlib import Path
from typing import Sequence

import numpy as np
from pydantic import BaseModel

from ..config import Settings
from ..data.esconv import Turn
from .context import DIM, Step, as_turns, embed_map
from .empathy import EmpathyModel, MechanismLevel
from .predictor import NextStrategyPredictor
from .strategies import IDS
from .tagger import StrategyTagger


class StrategyScores(BaseModel):
    label: str
    scores: dict[str, float]


class Assessment(BaseModel):
    strategy: StrategyScores
    empathy: dict[str, MechanismLevel]


def _scores(p: np.ndarray) -> StrategyScores:
    return StrategyScores(label=IDS[int(np.argmax(p))],
                          scores={lab: round(float(v), 4) for lab, v in zip(IDS, p)})


def _check_reply(reply: object) -> str:
    if not isinstance(reply, str) or not reply.strip():
        raise ValueError("empty reply" if isinstance(reply, str) else
                         f"reply must be a string, got {type(reply).__name__}")
    return reply.strip()


def check_trained_on(folder: Path, perceiver) -> None:
    """Refuse (clearly) heads trained on another encoder or emotion adapter than the one
    the perceiver loads: their features would be silently meaningless."""
    import json

    from ..config import encoder_fingerprint
    from ..train.embcache import fingerprint

    meta_path = Path(folder) / "meta.json"
    if not meta_path.is_file():
        return
    meta = json.loads(meta_path.read_text())
    want = {"encoder_fingerprint": encoder_fingerprint(perceiver.settings.encoder_path()),
            "embedding_fingerprint": fingerprint(perceiver)}
    for key, value in want.items():
        if meta.get(key) and meta[key] != value:
            name = Path(folder).name
            cmd = "empathia train empathy --data DIR" if name == "empathy" else \
                "empathia train strategy --data DIR"
            raise FileNotFoundError(
                f"{folder} was trained on another shared encoder (or emotion adapter) than "
                f"the one loaded now; retrain it: `{cmd}`")


class SupportModels:
    """Loads the perceiver and the three support heads once; reuse it."""

    def __init__(self, settings: Settings | None = None, perceiver=None) -> None:
        from ..perceive.perceiver import Perceiver

        self.settings = settings or Settings()
        self.perceiver = perceiver or Perceiver(self.settings)
        root = Path(self.settings.models_dir)
        for name in ("strategy_tagger", "strategy_predictor", "empathy"):
            check_trained_on(root / name, self.perceiver)
        self.tagger = StrategyTagger.load(root / "strategy_tagger")
        self.predictor = NextStrategyPredictor.load(root / "strategy_predictor")
        self.empathy = EmpathyModel.load(root / "empathy")

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        return self.perceiver.embed(list(texts))

    def assess_many(self, items: Sequence[tuple[object, object]]) -> list[Assessment]:
        """``items``: (context, reply) pairs; ValueError names the first bad pair."""
        batch = []
        for k, (context, reply) in enumerate(items):
            batch.append(Step(as_turns(context or [], where=f"item {k + 1} context"),
                              _check_reply(reply), None))
        if not batch:
            return []
        vec = embed_map(batch, self.embed)
        tag = self.tagger.probs_from(batch, vec)
        seeker = np.stack([_seeker_vector(st.history, vec) for st in batch])
        reply = np.stack([vec[st.reply] for st in batch])
        emp = self.empathy.assess(seeker, reply, [st.reply for st in batch],
                                  [_seeker_text(st.history) for st in batch])
        return [Assessment(strategy=_scores(tag[i]), empathy=emp[i]) for i in range(len(batch))]

    def assess(self, reply: str, context: object = None) -> Assessment:
        return self.assess_many([(context, reply)])[0]

    def predict_next(self, conversation: object) -> StrategyScores:
        """Distribution over the next supporter strategy, given the turns so far (turns
        with ``speaker`` seeker/supporter, ``text`` and, for supporters, ``strategy``)."""
        history = as_turns(conversation or [], where="conversation")
        step = Step(history, "", None)
        vec = embed_map([step], self.embed)  # the empty reply is not read, not embedded
        p = self.predictor.probs_from([step], vec, self.perceiver.emotion.probs)
        return _scores(p[0])


def _seeker_vector(history: list[Turn], vec: dict[str, np.ndarray]) -> np.ndarray:
    """The seeker side of an EPITOME pair: the mean of the seeker's turns since the
    supporter last spoke (zeros when the seeker has not spoken)."""
    recent = [t for t in _recent_seeker(history) if t in vec] or \
        [t.text for t in history if t.speaker == "seeker"][-1:]
    if not recent:
        return np.zeros(DIM, np.float32)
    v = np.mean([vec[t] for t in recent], axis=0)
    return (v / max(1e-9, float(np.linalg.norm(v)))).astype(np.float32)


def _seeker_text(history: list[Turn]) -> str:
    """The seeker's words on the EPITOME seeker side: their turns since the supporter last
    spoke (else their last turn), for the empathy heads' question-specificity cues."""
    return " ".join(reversed(_recent_seeker(history)))


def _recent_seeker(history: list[Turn]) -> list[str]:
    """The seeker's turns since the supporter last spoke, latest first."""
    recent: list[str] = []
    for t in reversed(history):
        if t.speaker == "supporter" and recent:
            break
        if t.speaker == "seeker":
            recent.append(t.text)
    return recent


_DEFAULT: SupportModels | None = None


def default_models() -> SupportModels:
    global _DEFAULT
    if _DEFAULT is None:
        _DEFAULT = SupportModels()
    return _DEFAULT


def assess(reply: str, context: object = None) -> Assessment:
    """Strategy and empathy levels of ``reply`` given the conversation ``context``."""
    return default_models().assess(reply, context)


def predict_next_strategy(conversation: object) -> StrategyScores:
    """What a skilled supporter would most likely do next (a learned prior for planning)."""
    return default_models().predict_next(conversation)
