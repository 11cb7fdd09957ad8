"""``empathia lab run|compare|export-human`` and ``empathia eval dialogue``."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table

from .app import app, console, err_console, eval_app, fail, print_json

lab_app = typer.Typer(help="Measure any supporter: ESConv replay, simulated seekers, safety "
                           "suites; logs and reports per run.", no_args_is_help=True)
app.add_typer(lab_app, name="lab")

TASK_HELP = "esconv-replay | simulated-seekers | safety-suite"
SYSTEM_HELP = ("embedded | llm:URL#MODEL | empathia+llm:URL#MODEL | responses:FILE.jsonl")


def _system(spec: str, locale: str, seed: int, timeout: float, retries: int):
    from ..lab.systems import SpecError, load_system

    try:
        return load_system(spec, locale=locale, seed=seed, timeout=timeout, retries=retries)
    except SpecError as err:
        fail(str(err))


def _run(task, system, data, out, limit, concurrency, retry_errors=False, progress=True,
         config=None):
    from ..lab.run import run_task
    from ..lab.systems import SpecError

    if data is not None and not Path(data).exists():
        fail(f"{data}: no such file")
    if limit is not None and limit < 1:
        fail("--limit must be at least 1")
    if concurrency < 1:
        fail("--concurrency must be at least 1")
    try:
        return run_task(task, system, data, out, limit=limit, concurrency=concurrency,
                        retry_errors=retry_errors, progress=progress, config=config)
    except (SpecError, ValueError) as err:
        fail(str(err))


def _summary(result) -> None:
    from ..lab.report import fmt, headline

    m = result.metrics
    table = Table(title=f"{m['run']['task']} · {m['run']['system']}", show_header=False)
    for k, v in headline(m).items():
        if k.startswith("run.") and k not in ("run.items", "run.errors", "run.turns_per_s") \
                and not k.startswith("run.realisers."):
            continue
        table.add_row(k, fmt(v))
    console.print(table)
    for e in m["run"].get("error_reasons", []):
        err_console.print(f"[red]error:[/] {e}", highlight=False)
    for f in m["run"].get("llm_fallbacks", []):
        err_console.print(f"[yellow]LLM draft not used:[/] {f}", highlight=False)
    for w in m["run"].get("warnings", []):
        err_console.print(f"[yellow]warning:[/] {w}", highlight=False)
    err_console.print(f"{m['run']['new_items']} new, {m['run']['resumed_items']} resumed · "
                      f"log, metrics and report in {result.out}", highlight=False)


@lab_app.command("run")
def lab_run(
    task: str = typer.Argument(..., help=TASK_HELP),
    system: str = typer.Option(..., "--system", help=SYSTEM_HELP),
    out: Path = typer.Option(..., "--out", help="Run folder (rerun the same to resume)."),
    data: Optional[Path] = typer.Option(None, "--data", help=(
        "esconv-replay: ESConv .jsonl; simulated-seekers: ESConv .jsonl or a persona .jsonl; "
        "safety-suite: a suite .jsonl (default: the project's three suites).")),
    limit: Optional[int] = typer.Option(None, "--limit", help="First N dialogues / seekers / "
                                                              "items."),
    concurrency: int = typer.Option(1, "--concurrency", help="Replies produced at once."),
    turns: int = typer.Option(6, "--turns", help="simulated-seekers: system replies per seeker."),
    seeker_llm: Optional[str] = typer.Option(None, "--seeker-llm", help=(
        "simulated-seekers: URL#MODEL of an LLM that voices the seeker (the serious setting); "
        "default: the embedded generator.")),
    locale: str = typer.Option("US", "--locale"),
    seed: int = typer.Option(0, "--seed"),
    timeout: float = typer.Option(60.0, "--timeout", help="Seconds per endpoint call."),
    retries: int = typer.Option(2, "--retries", help="Endpoint retries before an item errors."),
    retry_errors: bool = typer.Option(False, "--retry-errors",
                                      help="On resume, rerun items the system failed."),
    no_progress: bool = typer.Option(False, "--no-progress"),
) -> None:
    """Run TASK against a system; writes items.jsonl, metrics.json, report.md/.html."""
    from ..lab.tasks import make_task
    from ..lab.systems import SpecError

    try:
        t = make_task(task, locale=locale, seed=seed, turns=turns, seeker_llm=seeker_llm,
                      timeout=timeout, retries=retries)
    except (SpecError, ValueError) as err:
        fail(str(err))
    sys_ = _system(system, locale, seed, timeout, retries)
    result = _run(t, sys_, data, out, limit, concurrency, retry_errors, not no_progress,
                  config={"turns": turns, "seeker_llm": seeker_llm, "seed": seed,
                          "locale": locale} if task == "simulated-seekers" else
                  {"seed": seed, "locale": locale})
    _summary(result)


@lab_app.command("compare")
def lab_compare(
    runs: List[Path] = typer.Argument(..., help="Run folders."),
    out: Optional[Path] = typer.Option(None, "--out", help="Markdown table file (default: "
                                                           "compare.md beside the first run)."),
) -> None:
    """Side-by-side table of the metrics of several runs."""
    from ..lab.report import compare, compare_markdown, fmt

    try:
        names, rows = compare(runs)
    except (FileNotFoundError, json.JSONDecodeError) as err:
        fail(str(err))
    table = Table("metric", *names)
    for k, vals in rows:
        table.add_row(k, *(fmt(v) for v in vals))
    console.print(table)
    target = out or Path(runs[0]).parent / "compare.md"
    target.write_text(compare_markdown(names, rows), encoding="utf-8")
    err_console.print(f"table written to {target}", highlight=False)


@lab_app.command("export-human")
def lab_export_human(
    data: Path = typer.Option(..., "--data", help="ESConv-format .jsonl."),
    out: Path = typer.Option(..., "--out", help="Responses file to write."),
    limit: Optional[int] = typer.Option(None, "--limit"),
) -> None:
    """The human supporters' replies as a responses file (for `--system responses:FILE`)."""
    from ..lab.replay import export_human

    if not data.is_file():
        fail(f"{data}: no such file")
    n = export_human(data, out, limit)
    err_console.print(f"{n} supporter turns -> {out}", highlight=False)


@eval_app.command("dialogue")
def eval_dialogue(
    data: Path = typer.Option(..., "--data", help="ESConv-format .jsonl."),
    system: str = typer.Option(..., "--system", help=SYSTEM_HELP),
    limit: Optional[int] = typer.Option(None, "--limit", help="First N dialogues."),
    as_json: bool = typer.Option(False, "--json"),
    concurrency: int = typer.Option(1, "--concurrency"),
    out: Optional[Path] = typer.Option(None, "--out", help="Keep the run folder here."),
    locale: str = typer.Option("US", "--locale"),
    seed: int = typer.Option(0, "--seed"),
    timeout: float = typer.Option(60.0, "--timeout"),
    retries: int = typer.Option(2, "--retries"),
) -> None:
    """ESConv replay in one call: BLEU, ROUGE-L, distinct, strategies, empathy, vs human."""
    from ..lab.replay import ReplayTask, eval_dialogue_json

    sys_ = _system(system, locale, seed, timeout, retries)
    with tempfile.TemporaryDirectory(prefix="empathia-eval-") as tmp:
        folder = out or Path(tmp) / "run"
        result = _run(ReplayTask(locale), sys_, data, folder, limit, concurrency,
                      progress=not as_json, config={"seed": seed, "locale": locale})
    figures = eval_dialogue_json(result.metrics)
    for w in result.metrics["run"].get("warnings", []):
        err_console.print(f"[yellow]warning:[/] {w}", highlight=False)
    for e in result.metrics["run"].get("error_reasons", []):
        err_console.print(f"[red]error:[/] {e}", highlight=False)
    if as_json:
        print_json(figures)
        return
    from ..lab.report import flatten, fmt

    table = Table("metric", "system", "human")
    human = flatten(figures["human"])
    for k, v in flatten({k: v for k, v in figures.items() if k != "human"}).items():
        table.add_row(k, fmt(v), fmt(human.get(k)))
    for k, v in human.items():
        if k not in flatten(figures):
            table.add_row(k, "", fmt(v))
    console.print(table)
