"""Strategy tagger: (dialogue context, supporter reply) -> distribution over 8 strategies.

Reads the shared embeddings of the reply, the turn before it and the seeker's last turn,
plus n-grams and surface cues of the reply (questions end in '?', self-disclosure talks
about "I was ..."). All embeddings are the ones perception already computes, so tagging a
reply costs one encoder pass for the reply and nothing for context already seen.
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


@dataclass
class StrategyTagger:
    ngrams: Ngrams
    head: LinearHead

    @property
    def labels(self) -> list[str]:
        return self.head.labels

    @classmethod
    def load(cls, folder: Path) -> "StrategyTagger":
        folder = Path(folder)
        if not (folder / "head.npz").is_file():
            raise FileNotFoundError(f"no strategy tagger at {folder}; run "
                                    "`empathia train strategy-tagger --data DIR`")
        return cls(Ngrams.load(folder, "ngrams"), LinearHead.load(folder / "head.npz"))

    def save(self, folder: Path, meta: dict) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.ngrams.save(folder, "ngrams")
        self.head.save(folder / "head.npz")
        (folder / "meta.json").write_text(json.dumps(meta, indent=2))

    def probs_from(self, batch: Sequence[Step], vec: dict[str, np.ndarray]) -> np.ndarray:
        return self.head.probs(tagger_features(batch, vec, self.ngrams))

    def probs(self, batch: Sequence[Step], embed: Embed) -> np.ndarray:
        return self.probs_from(batch, embed_map(batch, embed))
