"""``empathia analyze``, ``empathia eval emotion``, ``empathia train emotion``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Optional

import typer
from rich.panel import Panel
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn
from rich.table import Table

from ..perceive.perceiver import InputError, Perception
from .app import app, console, err_console, eval_app, fail, print_json, train_app


def _perceiver():
    from ..perceive.perceiver import default_perceiver

    try:
        return default_perceiver()
    except FileNotFoundError as err:
        fail(str(err))


def _progress() -> Progress:
    return Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                    TimeRemainingColumn(), console=err_console, transient=False)


def _render(p: Perception) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    felt = ", ".join(f"{e.label} {e.score:.2f}" for e in p.emotions if e.predicted)
    nearby = ", ".join(f"{e.label} {e.score:.2f}" for e in p.emotions[:6] if not e.predicted)
    table.add_row("feels", felt or "-")
    if nearby:
        table.add_row("also near", f"[dim]{nearby}[/]")
    ek = max(p.ekman, key=p.ekman.get)
    se = max(p.sentiment, key=p.sentiment.get)
    table.add_row("groups", f"{ek} (Ekman), {se} (sentiment)")
    table.add_row("VAD", f"valence {p.vad.valence:+.2f}  arousal {p.vad.arousal:+.2f}  "
                         f"dominance {p.vad.dominance:+.2f}")
    if p.causes:
        c = p.causes[0]
        marked = (p.text[:c.start] + "[bold yellow]" + p.text[c.start:c.end] + "[/]"
                  + p.text[c.end:])
        table.add_row("cause", marked if len(p.text) < 600 else f"[bold yellow]{c.text}[/]")
        table.add_row("in your words", f"[italic]{p.reflected_cause}[/]")
    else:
        table.add_row("cause", "[dim]no clear cause in the text[/]")
    if p.windows > 1:
        table.add_row("note", f"long text read in {p.windows} windows")
    title = p.text if len(p.text) <= 70 else p.text[:67] + "..."
    return Panel(table, title=title, title_align="left")


def _read_items(path: Path) -> Iterator[tuple[int, object]]:
    """(line number, text or bad value) from a .jsonl (``text`` field) or a .txt file."""
    jsonl = path.suffix.lower() in {".jsonl", ".json", ".ndjson"}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for n, line in enumerate(fh, 1):
            line = line.rstrip("\r\n")
            if not jsonl:
                yield n, line
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                yield n, InputError(f"not valid JSON ({err.msg})")
                continue
            if isinstance(obj, str):
                yield n, obj
            elif isinstance(obj, dict) and "text" in obj:
                yield n, obj["text"]
            else:
                yield n, InputError('expected a JSON string or an object with a "text" field')


@app.command()
def analyze(
    text: Optional[str] = typer.Argument(None, help="The text to analyse."),
    file: Optional[Path] = typer.Option(None, "--file", "-f",
                                        help="A .jsonl (text field) or .txt (one per line)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where --file results go."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a panel."),
) -> None:
    """How the writer feels (emotions, groups, VAD) and why (cause spans)."""
    if (text is None) == (file is None):
        fail("give either TEXT or --file")
    if file is None:
        perceiver = _perceiver()
        try:
            p = perceiver.analyze(text)
        except InputError as err:
            fail(str(err))
        if as_json:
            print_json(p.model_dump())
        else:
            console.print(_render(p))
        return
    if not file.is_file():
        fail(f"{file}: no such file")
    if out is None:
        fail("--file needs --out for the results")
    perceiver = _perceiver()
    total = sum(1 for _ in file.open(encoding="utf-8", errors="replace"))
    n_ok = n_err = 0
    with out.open("w", encoding="utf-8") as sink, _progress() as bar:
        task = bar.add_task(f"analysing {file.name}", total=total)
        items = _read_items(file)
        batch: list[tuple[int, object]] = []

        def flush() -> None:
            nonlocal n_ok, n_err
            results = perceiver._safe_batch([v for _, v in batch])
            for (n, value), res in zip(batch, results):
                if isinstance(value, InputError):
                    res = value
                if isinstance(res, InputError):
                    n_err += 1
                    err_console.print(f"[red]{file.name}:{n}:[/] {res}", highlight=False)
                else:
                    n_ok += 1
                    sink.write(json.dumps({"line": n, **res.model_dump()}, ensure_ascii=False)
                               + "\n")
            bar.advance(task, len(batch))
            batch.clear()

        for item in items:
            batch.append(item)
            if len(batch) >= 32:
                flush()
        if batch:
            flush()
    err_console.print(f"{n_ok + n_err} lines read: {n_ok} analysed -> {out}, {n_err} errors")
    if n_ok == 0 and n_err:
        raise typer.Exit(1)


@eval_app.command("emotion")
def eval_emotion(
    data: Path = typer.Option(..., "--data", help="A GoEmotions-format .tsv file."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Macro/micro F1 and per-label figures on a GoEmotions-format file."""
    from ..data.goemotions import LABELS, DataError, read_tsv
    from ..metrics import multilabel_report

    try:
        split = read_tsv(data)
    except DataError as err:
        fail(str(err))
    for e in split.errors:
        err_console.print(f"[red]{e}[/]", highlight=False)
    if not split.texts:
        fail(f"{data}: no usable lines")
    perceiver = _perceiver()
    emb = perceiver.embed(split.texts, progress=not as_json)
    probs = perceiver.emotion.probs(emb)
    report = multilabel_report(split.targets, perceiver.emotion.decide(probs).astype(int), LABELS)
    report["errors"] = len(split.errors)
    if as_json:
        print_json(report)
        return
    table = Table(title=f"{data.name}: {report['n']} texts")
    for col in ("label", "precision", "recall", "f1", "support"):
        table.add_column(col, justify="right" if col != "label" else "left")
    for lab, m in report["per_label"].items():
        table.add_row(lab, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["support"]))
    console.print(table)
    console.print(f"macro-F1 [bold]{report['macro_f1']:.4f}[/]   "
                  f"micro-F1 [bold]{report['micro_f1']:.4f}[/]")


@train_app.command("emotion")
def train_emotion_cmd(
    data: Path = typer.Option(..., "--data", help="Folder with GoEmotions train.tsv (and dev.tsv)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Model folder (default: the shipped one)."),
    epochs: float = typer.Option(2.0, help="Passes over train."),
    limit: int = typer.Option(0, help="Use only the first N training lines (smoke runs)."),
    max_steps: int = typer.Option(0, help="Stop after N optimiser steps (smoke runs)."),
) -> None:
    """LoRA-tune the shared encoder on GoEmotions; writes adapter, head, thresholds, card."""
    from ..config import Settings
    from ..train.emotion import train_emotion, write_card
    from ..train.finetune import FinetuneConfig

    if not (data / "train.tsv").is_file():
        fail(f"{data}: no train.tsv there")
    out = out or Settings().models_dir / "emotion"
    meta = train_emotion(data, out, FinetuneConfig(epochs=epochs, max_steps=max_steps),
                         limit=limit, log=lambda m: err_console.print(m, highlight=False))
    write_card(out, meta)
    dev = meta.get("dev")
    console.print(f"wrote {out}" + (f"; dev macro-F1 {dev['macro_f1']:.4f}" if dev else ""))
