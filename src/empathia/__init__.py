"""empathia: perceive how a person feels and why, plan support, respond, keep them safe.

    >>> from empathia import analyze
    >>> analyze("I'm terrified I'll fail my exams").emotions[0].label
"""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["analyze", "Perceiver", "Perception", "assess", "predict_next_strategy",
           "Assessment", "__version__"]


def __getattr__(name: str):
    # Imported lazily so `import empathia` stays fast and torch loads only when needed.
    if name in {"analyze", "Perceiver", "Perception"}:
        from .perceive import perceiver

        return getattr(perceiver, name)
    if name in {"assess", "predict_next_strategy", "Assessment", "SupportModels"}:
        from .support import assess

        return getattr(assess, name)
    raise AttributeError(name)
