"""Strategy tagger: (dialogue context, supporter reply) -> distribution over 8 strategies.

Reads the shared embeddings of the reply, the turn before it and the seeker's last turn,
plus n-grams and surface cues of the reply (questions end in '?', self-disclosure talks
about "I was ..."). All embeddings are the ones perception already computes, so tagging a
reply costs one encoder pass for the reply and nothing for context already seen.

Optional (``finetuned/`` in the model folder, written by ``train strategy-tagger
--finetune``): a LoRA-tuned copy of the encoder reads "reply [SEP] previous turn" and its
log-probabilities are averaged with the linear head's. That costs one more encoder pass
per reply (the tuned encoder is not the shared one); it is used only when shipped.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np
from scipy import sparse

from .context import Embed, Step, embed_map, tagger_dense
from .linear import LinearHead
from .textfeatures import Ngrams, cue_matrix


def tagger_features(batch: Sequence[Step], vec: dict[str, np.ndarray],
                    ngrams: Ngrams) -> sparse.csr_matrix:
    replies = [s.reply for s in batch]
    return sparse.hstack([sparse.csr_matrix(tagger_dense(batch, vec)),
                          sparse.csr_matrix(cue_matrix(replies)), ngrams.transform(replies)],
                         format="csr", dtype=np.float32)


SEP = " [SEP] "


def pair_text(step: Step) -> str:
    """Reply first so that truncation cuts the context, never the reply."""
    return step.reply + SEP + (step.history[-1].text if step.history else "")


@dataclass
class FinetunedPart:
    encoder: object  # empathia.perceive.encoder.Encoder with the tagger's adapter merged
    head: LinearHead

    @classmethod
    def load(cls, folder: Path) -> "FinetunedPart":
        from ..config import Settings
        from ..perceive.encoder import Encoder

        meta = json.loads((folder / "meta.json").read_text())
        enc = Encoder(Settings(), adapter_dir=folder / "adapter", cache_size=512)
        enc.model.max_seq_length = int(meta.get("max_length", 128))
        return cls(enc, LinearHead.load(folder / "head.npz"))

    def log_probs(self, batch: Sequence[Step]) -> np.ndarray:
        emb = self.encoder.encode([pair_text(s) for s in batch])
        return np.log(self.head.probs(emb) + 1e-9)


@dataclass
class StrategyTagger:
    ngrams: Ngrams
    head: LinearHead
    finetuned: FinetunedPart | None = None

    @property
    def labels(self) -> list[str]:
        return self.head.labels

    @classmethod
    def load(cls, folder: Path) -> "StrategyTagger":
        folder = Path(folder)
        if not (folder / "head.npz").is_file():
            raise FileNotFoundError(f"no strategy tagger at {folder}; run "
                                    "`empathia train strategy-tagger --data DIR`")
        ft = folder / "finetuned"
        return cls(Ngrams.load(folder, "ngrams"), LinearHead.load(folder / "head.npz"),
                   FinetunedPart.load(ft) if (ft / "head.npz").is_file() else None)

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ngrams.save(folder, "ngrams")
        self.head.save(folder / "head.npz")
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def probs_from(self, batch: Sequence[Step], vec: dict[str, np.ndarray]) -> np.ndarray:
        p = self.head.probs(tagger_features(batch, vec, self.ngrams))
        if self.finetuned is None or not batch:
            return p
        z = (np.log(p + 1e-9) + self.finetuned.log_probs(batch)) / 2
        z = np.exp(z - z.max(axis=1, keepdims=True))
        return z / z.sum(axis=1, keepdims=True)

    def probs(self, batch: Sequence[Step], embed: Embed) -> np.ndarray:
        return self.probs_from(batch, embed_map(batch, embed))
