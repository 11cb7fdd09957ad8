"""A disk cache of shared-encoder embeddings for training runs.

Training the support heads means embedding tens of thousands of corpus utterances; the
cache keeps them in one ``.npz`` per encoder fingerprint (the encoder's config and weights
size, as ``config.encoder_fingerprint``, + the emotion adapter's bytes), so a rerun with the same encoder costs nothing and a new encoder
(e.g. after the emotion adapter changes) starts a fresh cache automatically.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Sequence

import numpy as np

from ..perceive.encoder import _key


def fingerprint(perceiver) -> str:
    """Which embedding a head reads: the encoder's content, never its install path (a head
    trained here must load in every other install of the same encoder and adapter)."""
    from ..config import encoder_fingerprint

    h = hashlib.blake2b(digest_size=8)
    h.update(encoder_fingerprint(perceiver.settings.encoder_path()).encode())
    adapter = perceiver.emotion_dir / "adapter" / "adapter_model.safetensors"
    if adapter.is_file():
        h.update(adapter.read_bytes())
    return h.hexdigest()


class EmbeddingCache:
    """``get(texts)`` returns embeddings, encoding (and saving) only the unseen texts."""

    def __init__(self, perceiver, folder: Path | None) -> None:
        self.perceiver = perceiver
        self.path = None if folder is None else Path(folder) / f"emb-{fingerprint(perceiver)}.npz"
        self.vectors: dict[str, np.ndarray] = {}
        if self.path is not None and self.path.is_file():
            data = np.load(self.path)
            self.vectors = dict(zip(data["keys"].tolist(), data["vectors"]))

    def get(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        keys = [_key(t) for t in texts]
        todo = list({k: t for k, t in zip(keys, texts) if k not in self.vectors}.items())
        if todo:
            step = 4096
            for i in range(0, len(todo), step):
                part = todo[i:i + step]
                vecs = self.perceiver.embed([t for _, t in part], progress=progress)
                for (k, _), v in zip(part, vecs):
                    self.vectors[k] = v
                self.save()
        if not texts:
            return np.zeros((0, 384), np.float32)
        return np.stack([self.vectors[k] for k in keys]).astype(np.float32)

    def save(self) -> None:
        if self.path is None:
            return
        self.path.parent.mkdir(parents=True, exist_ok=True)
        keys = list(self.vectors)
        tmp = self.path.with_suffix(".tmp.npz")
        np.savez(tmp, keys=np.array(keys), vectors=np.stack([self.vectors[k] for k in keys]))
        tmp.replace(self.path)
