"""``empathia risk``, ``empathia eval risk``, ``empathia guard``, ``empathia train risk``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.panel import Panel
from rich.table import Table

from .app import app, console, err_console, eval_app, fail, print_json, train_app

LEVEL_STYLE = {"none": "green", "low": "yellow", "moderate": "dark_orange",
               "high": "red", "imminent": "bold red"}


def _assessor(no_model: bool):
    from ..safety.risk import RiskAssessor

    return RiskAssessor(use_model=not no_model)


def _render(text: str, a) -> Panel:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    lv = a.level.value
    table.add_row("level", f"[{LEVEL_STYLE[lv]}]{lv}[/]" + (f"  ({a.category})" if a.category
                                                             else ""))
    table.add_row("score", f"{a.score:.2f}" + (f"  (model {a.model_score:.2f})"
                                               if a.model_score is not None else
                                               "  (lexicon only)"))
    for e in a.evidence:
        who = " [dim](someone else)[/]" if e.third_person else ""
        table.add_row("evidence", f"[{LEVEL_STYLE[e.level.value]}]{e.level.value}[/] "
                                  f"{e.category}: \"{e.text}\" [dim]{e.start}-{e.end} "
                                  f"{e.rule}[/]{who}")
    if not a.language_supported:
        table.add_row("note", "not English: best effort (English phrases and a few others "
                              "still count)")
    if a.suppressed:
        table.add_row("not counted", "[dim]" + ", ".join(a.suppressed) + "[/]")
    title = text if len(text) <= 70 else text[:67] + "..."
    return Panel(table, title=title, title_align="left")


@app.command()
def risk(
    text: Optional[str] = typer.Argument(None, help="The message to assess."),
    file: Optional[Path] = typer.Option(None, "--file", "-f",
                                        help="A .jsonl (text field) or .txt (one per line)."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
    locale: Optional[str] = typer.Option(None, "--reply-locale",
                                         help="Also print the crisis reply for this locale."),
    no_model: bool = typer.Option(False, "--no-model", help="Lexicon only (no encoder)."),
) -> None:
    """Risk level, category and evidence spans of a message (recall first)."""
    from ..safety.audit import AuditLog

    if (text is None) == (file is None):
        fail("give either TEXT or --file")
    assessor = _assessor(no_model)
    audit = AuditLog()
    if file is not None:
        _risk_file(file, assessor, audit)
        return
    if not text.strip():
        fail("empty text")
    a = assessor.assess(text)
    audit.record(a, text, source="cli")
    out = a.public()
    reply = None
    if locale is not None and a.level.value != "none":
        from ..safety.crisis import compose

        reply = compose(a, locale)
        out["reply"] = reply.text
    if as_json:
        print_json(out)
        return
    console.print(_render(text, a))
    if reply is not None:
        console.print(Panel(reply.text, title=f"crisis reply ({reply.locale})",
                            title_align="left"))


def _risk_file(path: Path, assessor, audit) -> None:
    from .perception import _read_items

    if not path.is_file():
        fail(f"{path}: no such file")
    n_ok = n_err = 0
    for n, value in _read_items(path):
        if isinstance(value, Exception) or not isinstance(value, str) or not value.strip():
            n_err += 1
            why = value if isinstance(value, Exception) else "empty or not text"
            err_console.print(f"[red]{path.name}:{n}:[/] {why}", highlight=False)
            continue
        a = assessor.assess(value)
        audit.record(a, value, source="cli")
        n_ok += 1
        print(json.dumps({"line": n, **a.public()}, ensure_ascii=False))
    err_console.print(f"{n_ok + n_err} lines read: {n_ok} assessed, {n_err} errors")
    if n_ok == 0 and n_err:
        raise typer.Exit(1)


@eval_app.command("risk")
def eval_risk(
    data: Path = typer.Option(..., "--data", help="Probe .jsonl or C-SSRS users .csv."),
    as_json: bool = typer.Option(False, "--json"),
    no_model: bool = typer.Option(False, "--no-model", help="Lexicon only (no encoder)."),
    show_errors: bool = typer.Option(False, "--errors", help="List misses and false alarms."),
) -> None:
    """Recall, under-triage and false positives on probes; per-label levelling on C-SSRS."""
    from ..data.cssrs import DataError
    from ..safety.evaluate import cssrs_report, probe_report, read_probes

    if not data.is_file():
        fail(f"{data}: no such file")
    assessor = _assessor(no_model)
    if data.suffix.lower() == ".csv":
        try:
            report = cssrs_report(data, assessor)
        except DataError as err:
            fail(str(err))
        for e in report["errors"]:
            err_console.print(f"[red]{e}[/]", highlight=False)
    else:
        try:
            items, errors = read_probes(data)
        except UnicodeDecodeError:
            fail(f"{data}: not a UTF-8 text file")
        for e in errors:
            err_console.print(f"[red]{e}[/]", highlight=False)
        if not items:
            fail(f"{data}: no usable lines")
        report = probe_report(items, assessor)
        report["errors"] = errors
        if not show_errors:
            report.pop("errors_listed")
    if as_json:
        print_json(report)
        return
    console.print(f"[bold]{data.name}[/]: n={report['n']}  recall [bold]{report['recall']:.3f}"
                  f"[/]  under-triage [bold]{report['under_triage_rate']:.3f}[/]  "
                  f"false positives [bold]{report['false_positive_rate']:.3f}[/]")
    if "per_label" in report:
        table = Table(title="C-SSRS users by label (user level = highest post level)")
        for col in ("label", "users", "expected", "none", "low", "moderate", "high",
                    "imminent", "at/above expected"):
            table.add_column(col, justify="left" if col == "label" else "right")
        for lab, row in report["per_label"].items():
            table.add_row(lab, str(row["users"]), row["expected_level"],
                          *[str(row["levels"][k]) for k in ("none", "low", "moderate", "high",
                                                            "imminent")],
                          f"{row['at_or_above_expected']:.2f}")
        console.print(table)
        console.print(f"graded precision [bold]{report['graded_precision']:.3f}[/]   graded "
                      f"recall [bold]{report['graded_recall']:.3f}[/]")
    table = Table(title="per category")
    for col in ("category", "n", "recall", "under-triage"):
        table.add_column(col)
    for cat, row in report["per_category"].items():
        table.add_row(cat, str(row["n"]), f"{row['recall']:.3f}",
                      f"{row['under_triage_rate']:.3f}")
    console.print(table)
    for m in report.get("errors_listed", []):
        console.print(f"[red]{m['id']}[/] expected {m['expected']}, got {m['predicted']}: "
                      f"{m['text']}", highlight=False)


def _read_context(path: Path) -> list[dict]:
    """A list of turns, or {"messages"|"turns"|"dialog": [...]}; role/speaker + text/content."""
    try:
        obj = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as err:
        fail(f"{path}: cannot read ({err})")
    except json.JSONDecodeError as err:
        fail(f"{path}: not valid JSON ({err.msg} at line {err.lineno})")
    if isinstance(obj, dict):
        obj = obj.get("messages") or obj.get("turns") or obj.get("dialog") or obj.get("context")
    if not isinstance(obj, list):
        fail(f'{path}: expected a list of turns or {{"messages": [...]}}')
    turns = []
    for i, t in enumerate(obj, 1):
        if isinstance(t, str):
            turns.append({"role": "user", "text": t})
            continue
        if not isinstance(t, dict):
            fail(f"{path}: turn {i} is not an object")
        role = str(t.get("role") or t.get("speaker") or "user").lower()
        role = "user" if role in {"user", "usr", "seeker", "human", "client"} else "assistant"
        text = t.get("text", t.get("content"))
        if not isinstance(text, str):
            fail(f'{path}: turn {i} has no "text"')
        turns.append({"role": role, "text": text})
    return turns


@app.command()
def guard(
    reply: str = typer.Option(..., "--reply", help="The drafted reply to check."),
    context: Optional[Path] = typer.Option(None, "--context",
                                           help="JSON conversation the reply answers."),
    as_json: bool = typer.Option(False, "--json"),
    no_model: bool = typer.Option(False, "--no-model", help="Lexicon only for context risk."),
) -> None:
    """Check a drafted reply for method info, sycophancy, invalidation, diagnosis, ..."""
    from ..safety.guard import Guard

    if not reply.strip():
        fail("empty reply")
    turns = []
    if context is not None:
        if not context.is_file():
            fail(f"{context}: no such file")
        turns = _read_context(context)
    result = Guard(_assessor(no_model)).check(reply, turns)
    if as_json:
        print_json(result.model_dump(mode="json"))
        return
    verdict = "[green]ok[/]" if result.ok else "[bold red]revise[/]"
    console.print(f"{verdict}  (conversation risk: {result.context_level.value}"
                  + (f", {result.context_category}" if result.context_category else "") + ")")
    for f in result.findings:
        console.print(f"  [{'red' if f.severity in ('high', 'critical') else 'yellow'}]"
                      f"{f.severity}[/] {f.kind}: \"{f.text}\" [dim]{f.start}-{f.end}[/] "
                      f"- {f.message}", highlight=False)


def _training_files(examples: list[Path], others: list[Path],
                    default: tuple[str, ...] = ()) -> list[Path]:
    """The example files to train on (default: the development probe files, named one by
    one, plus ``default``); stops with a clear message on a reserved blind file or a
    missing file."""
    from ..safety.head import DEV_EXAMPLE_FILES, check_not_reserved

    if not examples:
        examples = [Path("tests/data") / name for name in DEV_EXAMPLE_FILES + default]
    try:
        check_not_reserved(examples + others)
    except ValueError as err:
        fail(str(err))
    for path in examples + others:
        if not path.is_file():
            fail(f"{path}: no such file")
    return examples


@train_app.command("risk")
def train_risk(
    data: Optional[Path] = typer.Option(None, "--data",
                                        help="C-SSRS users.dev.csv (adds the C-SSRS head)."),
    out: Optional[Path] = typer.Option(None, "--out", help="Model folder (default: shipped)."),
    cache: Optional[Path] = typer.Option(None, "--cache",
                                         help="Folder to cache encoder embeddings in."),
    examples: list[Path] = typer.Option([], "--examples",
                                        help="Written examples (exemplar or probe JSONL) for "
                                             "the encoder backstop, besides exemplars.jsonl; "
                                             "repeat the option per file. Default: the "
                                             "development probe files in tests/data, named "
                                             "one by one (never a reserved blind file)."),
    everyday: Optional[Path] = typer.Option(
        None, "--everyday", help="ESConv train.jsonl: its seeker messages the lexicon leaves "
                                 "quiet join as everyday negatives (the backstop's full "
                                 "reading then reaches at most 0.1% of them, out of fold)."),
) -> None:
    """Train the encoder backstop on written examples (leave-one-file-out CV for every
    figure and the threshold); with --data also the C-SSRS head."""
    import time

    from ..config import Settings
    from ..data.cssrs import DataError
    from ..safety.head import HEAD_NAME, train_risk_head, write_card

    if data is not None and not data.is_file():
        fail(f"{data}: no such file")
    examples = _training_files(examples, [everyday] if everyday else [])
    out = out or Settings().models_dir / HEAD_NAME
    started = time.time()
    try:
        meta = train_risk_head(data, out, cache, examples=examples, everyday=everyday,
                               log=lambda m: err_console.print(m, highlight=False))
    except DataError as err:
        fail(str(err))
    write_card(out, meta)
    cv = meta["backstop"]["cv_leave_one_file_out"]["all"]
    console.print(f"wrote {out} in {time.time() - started:.0f}s; leave-one-file-out CV: recall "
                  f"{cv['recall_lexicon']:.3f} -> {cv['recall']:.3f}, under-triage "
                  f"{cv['under_triage_lexicon']:.3f} -> {cv['under_triage']:.3f}, false "
                  f"positives {cv['fp_lexicon']:.3f} -> {cv['fp']:.3f}")
    if "cssrs" in meta:
        c = meta["cssrs"]["cv_5fold_grouped_by_user"]
        console.print(f"C-SSRS head: window AUC {c['window_auc']:.3f}, user AUC "
                      f"{c['user_auc_max_window']:.3f}")


@train_app.command("risk-reader")
def train_risk_reader(
    examples: list[Path] = typer.Option([], "--examples",
                                        help="Written examples (exemplar or probe JSONL), "
                                             "besides exemplars.jsonl; repeat per file. "
                                             "Default: the development probe files the "
                                             "backstop trains on and "
                                             "reader.READER_EXTRA_FILES (never a reserved "
                                             "blind file)."),
    everyday: Path = typer.Option(..., "--everyday",
                                  help="ESConv train.jsonl: everyday seeker messages, some "
                                       "to fit as negatives, the next to set the threshold."),
    out: Optional[Path] = typer.Option(None, "--out", help="Model folder (default: shipped)."),
    epochs: float = typer.Option(3.0, "--epochs", min=0.01),
    max_steps: int = typer.Option(0, "--max-steps", min=0,
                                  help="Stop after this many steps (smoke runs)."),
) -> None:
    """Fine-tune the risk reader (a LoRA adapter on the encoder, with heads for the kind of
    risk and its level); about 12 minutes on 2 CPU cores."""
    from ..config import Settings
    from ..safety.reader import READER_EXTRA_FILES, READER_NAME, train_reader

    examples = _training_files(examples, [everyday], READER_EXTRA_FILES)
    out = out or Settings().models_dir / READER_NAME
    try:
        meta = train_reader(examples, everyday, out, epochs=epochs, max_steps=max_steps,
                            log=lambda m: err_console.print(m, highlight=False))
    except (KeyError, ValueError) as err:
        fail(f"could not train the reader: {err}")
    console.print(f"wrote {out} in {meta['seconds']}s: {meta['examples']} examples, "
                  f"threshold {meta['threshold']} (the top {meta['target_everyday']:.1%} of "
                  f"{meta['everyday_calibrate']} everyday messages it never fit)")
