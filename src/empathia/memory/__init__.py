"""Memory: what empathia remembers about the people it talks with, on their own machine."""

from .store import (
    FactRecord, MemoryStore, Recalled, SaveResult, StoreError, TurnRecord, default_url,
)

__all__ = ["MemoryStore", "StoreError", "SaveResult", "TurnRecord", "FactRecord", "Recalled",
           "default_url"]
