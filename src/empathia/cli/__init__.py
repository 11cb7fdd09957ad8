"""The ``empathia`` command: one Typer app; each area registers its commands in its own
module (perception, support, safety, ...), imported here."""

from __future__ import annotations

from .app import app, eval_app, train_app  # noqa: F401
from . import perception  # noqa: F401,E402  (registers analyze / eval emotion / train emotion)
from . import support  # noqa: F401,E402  (assess / eval strategy, empathy / train strategy*, empathy)
from . import safety  # noqa: F401,E402  (registers risk / guard / eval risk / train risk)
from . import lab  # noqa
from . import chat  # noqa: F401,E402  (registers chat / reply / forget)


def main() -> None:
    app()
