"""The lab's tasks by name (a task = dataset + solver + scorers, as in inspect_ai)."""

from __future__ import annotations

from .systems import SpecError

TASKS = ("esconv-replay", "simulated-seekers", "safety-suite")


def make_task(name: str, locale: str = "US", seed: int = 0, turns: int = 6,
              seeker_llm: str | None = None, timeout: float = 60.0, retries: int = 2):
    if name == "esconv-replay":
        from .replay import ReplayTask

        return ReplayTask(locale)
    if name == "simulated-seekers":
        from .seekers import SeekerTask

        return SeekerTask(turns, seeker_llm, seed, locale, timeout, retries)
    if name == "safety-suite":
        from .safety import SafetyTask

        return SafetyTask(locale)
    raise SpecError(f"unknown task {name!r}; expected one of {', '.join(TASKS)}")
