"""``empathia chat`` (the terminal conversation), ``empathia reply`` (one turn, JSON in and
out) and ``empathia forget`` (delete everything about a person)."""

from __future__ import annotations

import json
import sys
from typing import Optional

import typer
from rich.live import Live
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .app import app, console, err_console, fail, print_json


def _companion(locale: str, seed: int, llm: Optional[str], model: Optional[str],
               memory=None, user: Optional[str] = None):
    from ..companion import Companion

    try:
        c = Companion(locale=locale, seed=seed, llm_url=llm, llm_model=model, memory=memory,
                      user=user)
        c.perceiver  # load now: a missing model is a clear error before the first turn
    except FileNotFoundError as err:
        fail(str(err))
    return c


def _open_memory(db: Optional[str]):
    from ..memory.store import MemoryStore

    try:
        return MemoryStore.open(db)
    except ValueError as err:
        fail(str(err))


def _explain(reply) -> Table:
    t = Table.grid(padding=(0, 2))
    t.add_column(style="dim bold")
    t.add_column(style="dim")
    p = reply.perception
    if p is not None:
        feel = ", ".join(f"{e.label} {e.score:.2f}" for e in p.emotions[:3])
        t.add_row("emotion", feel)
        t.add_row("cause", p.reflected_cause or "-")
    risk = reply.risk
    t.add_row("risk", f"{risk.get('level', 'none')} (running {risk.get('running_level')})"
              + (f", {risk.get('category')}" if risk.get("category") else ""))
    t.add_row("stage", reply.plan.stage)
    alts = ", ".join(f"{a.strategy} {a.score:.2f}" for a in reply.plan.alternatives)
    t.add_row("strategy", f"{reply.plan.strategy}" + (f"  (also: {alts})" if alts else ""))
    t.add_row("rationale", reply.plan.rationale)
    t.add_row("realiser", reply.realiser)
    for note in reply.notes:
        t.add_row("note", note)
    for f in reply.guard:
        t.add_row("guard", f"{f['kind']} ({f['severity']}): {f['text']}")
    return t


@app.command()
def chat(
    user: Optional[str] = typer.Option(None, "--user", help="remember this person across "
                                       "sessions (nothing leaves the machine)"),
    llm: Optional[str] = typer.Option(None, "--llm", help="OpenAI-compatible endpoint, e.g. "
                                      "http://localhost:11434/v1 (env EMPATHIA_LLM_URL)"),
    model: Optional[str] = typer.Option(None, "--model", help="model name (env "
                                        "EMPATHIA_LLM_MODEL)"),
    explain: bool = typer.Option(False, "--explain", help="show emotion, cause, risk, stage, "
                                 "strategy and rationale for each turn"),
    locale: str = typer.Option("US", "--locale", help="where you are, for crisis help lines "
                               "(e.g. en-GB, UK, US, DE)"),
    db: Optional[str] = typer.Option(None, "--db", help="memory database URL or file "
                                     "(default: SQLite in your data folder)"),
    seed: int = typer.Option(0, "--seed", help="seed of the offline realiser"),
) -> None:
    """Talk with empathia in the terminal. Ctrl-D, /quit or /bye ends the conversation."""
    memory = None
    if user:
        memory, message = _open_memory(db)
        if message:
            err_console.print(f"[yellow]{message}[/]", highlight=False)
    with console.status("[dim]loading...[/]"):
        companion = _companion(locale, seed, llm, model, memory, user)
    if user and memory is not None:
        note = companion.start_session(user)
        if note and note not in (message or ""):  # the same damage, said once
            err_console.print(f"[yellow]{note}[/]", highlight=False)
    greeting = companion.greet(user)
    console.print(Panel(greeting, title="empathia", title_align="left", border_style="cyan"))
    conversation: dict = {"locale": locale, "user": user,
                          "turns": [{"speaker": "supporter", "text": greeting}]}
    while True:
        try:
            text = console.input("[bold green]you[/] > ")
        except (EOFError, KeyboardInterrupt):
            console.print()
            break
        if text.strip().lower() in ("/quit", "/exit", "/bye"):
            break
        conversation["turns"].append({"speaker": "seeker", "text": text})
        if companion.llm is not None:
            reply = _streamed(companion, conversation)
        else:
            with console.status("[dim]...[/]"):
                reply = companion.reply(conversation)
            console.print(Panel(reply.text, title="empathia", title_align="left",
                                border_style="cyan"))
        if explain:
            console.print(_explain(reply))
        conversation["turns"].append({"speaker": "supporter", "text": reply.text})
    if memory is not None and companion._session:
        memory.end_session(companion._session, user)
        if memory.pending:
            memory.flush()
    console.print("[dim]Take care. You can come back any time.[/]")


def _streamed(companion, conversation):
    """Show the LLM's words as they arrive; if the draft is replaced (guard, failure), the
    panel ends with the reply actually sent."""
    shown = Text()

    def panel(body: Text | str, title: str = "empathia") -> Panel:
        return Panel(body, title=title, title_align="left", border_style="cyan")

    with Live(panel(shown), console=console, refresh_per_second=12, transient=True) as live:
        def on_token(piece: str) -> None:
            shown.append(piece)
            live.update(panel(shown))

        reply = companion.reply(conversation, on_token=on_token)
    title = "empathia" if reply.realiser == "llm" else "empathia (offline)"
    console.print(panel(reply.text, title))
    return reply


@app.command()
def reply(
    as_json: bool = typer.Option(False, "--json", help="print the full reply JSON"),
    llm: Optional[str] = typer.Option(None, "--llm", help="OpenAI-compatible endpoint"),
    model: Optional[str] = typer.Option(None, "--model", help="model name"),
    locale: Optional[str] = typer.Option(None, "--locale", help="overrides the JSON's locale"),
    seed: int = typer.Option(0, "--seed"),
) -> None:
    """Read a conversation JSON on stdin and print the next reply.

    Input: {"locale": "US", "user": "...", "turns": [{"speaker": "seeker", "text": "..."}]}
    (a bare list of turns works too).
    """
    from ..companion import parse_conversation

    raw = sys.stdin.read()
    try:
        conversation = json.loads(raw)
    except json.JSONDecodeError as err:
        fail(f"stdin is not JSON ({err.msg} at line {err.lineno}, column {err.colno})")
    try:
        parse_conversation(conversation)
    except ValueError as err:
        fail(str(err))
    if locale and isinstance(conversation, dict):
        conversation["locale"] = locale
    companion = _companion(locale or "US", seed, llm, model)
    out = companion.reply(conversation)
    if as_json:
        print_json(out.to_dict())
    else:
        sys.stdout.write(out.text + "\n")


@app.command()
def forget(
    user: str = typer.Option(..., "--user", help="the person to forget"),
    db: Optional[str] = typer.Option(None, "--db", help="memory database URL or file"),
) -> None:
    """Delete everything empathia remembers about a person (turns, facts, sessions)."""
    from ..memory.store import MemoryStore, StoreError

    try:
        store = MemoryStore(db)
        n = store.forget(user)
        store.close()
    except (StoreError, ValueError) as err:
        fail(str(err))
    console.print(f"Forgot {user}: {n} records deleted." if n else
                  f"Nothing was remembered about {user}.")
