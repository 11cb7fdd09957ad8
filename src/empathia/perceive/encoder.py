"""The shared sentence encoder: one pass per text, read by every head.

Loaded with sentence-transformers from a local folder (the offline MiniLM by default).
If the emotion model ships a LoRA adapter it is merged into the encoder at load time, so
the adapted encoder costs exactly what the bare one does. Embeddings are cached by text
hash, so a text seen twice in a turn (or a conversation) is encoded once.
"""

from __future__ import annotations

import hashlib
import os
import threading
from collections import OrderedDict
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

import numpy as np

from ..config import Settings


@dataclass
class TokenStates:
    """Contextual token vectors of one text with their character offsets."""

    vectors: np.ndarray  # (t, dim), special tokens removed
    offsets: list[tuple[int, int]]


def _key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()


class Encoder:
    """Wraps a SentenceTransformer; ``encode`` returns L2-normalised float32 vectors."""

    def __init__(self, settings: Settings | None = None, adapter_dir: Path | None = None,
                 cache_size: int = 4096) -> None:
        self.settings = settings or Settings()
        self.adapter_dir = adapter_dir
        self._model = None
        self._lock = threading.Lock()
        self._cache: OrderedDict[str, np.ndarray] = OrderedDict()
        self._cache_size = cache_size

    # -- loading -----------------------------------------------------------------
    @property
    def model(self):
        if self._model is None:
            with self._lock:
                if self._model is None:
                    self._model = self._load()
        return self._model

    def _load(self):
        os.environ.setdefault("HF_HUB_OFFLINE", "1")
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        import warnings

        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        warnings.filterwarnings("ignore", category=FutureWarning, module="transformers")
        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        if self.settings.threads:
            torch.set_num_threads(self.settings.threads)
        model = SentenceTransformer(self.settings.encoder_path(), device="cpu")
        if self.adapter_dir is not None and (self.adapter_dir / "adapter_config.json").is_file():
            from peft import PeftModel

            module = model[0]
            peft_model = PeftModel.from_pretrained(module.auto_model, str(self.adapter_dir))
            module.auto_model = peft_model.merge_and_unload()
        model.eval()
        return model

    @property
    def dim(self) -> int:
        return int(self.model.get_sentence_embedding_dimension())

    @property
    def max_tokens(self) -> int:
        return int(self.model.max_seq_length)

    # -- encoding ----------------------------------------------------------------
    def encode(self, texts: Sequence[str], progress: bool = False) -> np.ndarray:
        """Embed texts (cached by hash); a progress bar is shown for large inputs."""
        keys = [_key(t) for t in texts]
        found = {k: self._cache[k] for k in keys if k in self._cache}
        missing = sorted({k: t for k, t in zip(keys, texts) if k not in found}.items())
        if missing:
            todo = [t for _, t in missing]
            vecs = self.model.encode(
                todo, batch_size=self.settings.batch_size, convert_to_numpy=True,
                normalize_embeddings=True, show_progress_bar=progress and len(todo) > 256,
            ).astype(np.float32)
            for (k, _), v in zip(missing, vecs):
                found[k] = v  # kept here too: a batch larger than the cache evicts its own
                self._remember(k, v)
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([found[k] for k in keys])

    def _remember(self, key: str, vec: np.ndarray) -> None:
        self._cache[key] = vec
        self._cache.move_to_end(key)
        while len(self._cache) > self._cache_size:
            self._cache.popitem(last=False)

    def encode_with_tokens(self, texts: Sequence[str]) -> tuple[np.ndarray, list[TokenStates]]:
        """One forward pass giving both the sentence embedding and the contextual token
        vectors (for cause attribution). The sentence embedding is cached like ``encode``."""
        import torch

        model = self.model
        tokenizer = model.tokenizer
        feats = tokenizer(
            list(texts), padding=True, truncation=True, max_length=self.max_tokens,
            return_offsets_mapping=True, return_special_tokens_mask=True, return_tensors="pt",
        )
        offsets = feats.pop("offset_mapping")
        special = feats.pop("special_tokens_mask")
        with torch.inference_mode():
            out = model.forward(dict(feats))
        sent = out["sentence_embedding"]
        sent = torch.nn.functional.normalize(sent, p=2, dim=1).numpy().astype(np.float32)
        tok = out["token_embeddings"].numpy().astype(np.float32)
        states = []
        for i, text in enumerate(texts):
            keep = (feats["attention_mask"][i].bool() & ~special[i].bool()).numpy()
            states.append(TokenStates(
                vectors=tok[i][keep],
                offsets=[(int(a), int(b)) for a, b in offsets[i][keep].tolist()],
            ))
            self._remember(_key(text), sent[i])
        return sent, states

    def n_tokens(self, text: str) -> int:
        return len(self.model.tokenizer(text, add_special_tokens=False)["input_ids"])
