"""``empathia assess``, ``empathia eval strategy|empathy``,
``empathia train strategy-tagger|strategy-predictor|strategy|empathy``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .app import app, console, err_console, eval_app, fail, print_json, train_app


def _perceiver():
    from ..perceive.perceiver import Perceiver

    try:
        return Perceiver()
    except FileNotFoundError as err:
        fail(str(err))


def _load(kind: str, perceiver=None, folder: Optional[Path] = None):
    from ..config import Settings
    from ..support.empathy import EmpathyModel
    from ..support.predictor import NextStrategyPredictor
    from ..support.tagger import StrategyTagger

    from ..support.assess import check_trained_on

    cls = {"strategy_tagger": StrategyTagger, "strategy_predictor": NextStrategyPredictor,
           "empathy": EmpathyModel}[kind]
    folder = folder or Settings().models_dir / kind
    try:
        if perceiver is not None:
            check_trained_on(folder, perceiver)
        return cls.load(folder)
    except FileNotFoundError as err:
        fail(str(err))


def _embedder(perceiver, cache: Optional[Path]):
    from ..train.embcache import EmbeddingCache

    store = EmbeddingCache(perceiver, cache)
    return lambda texts: store.get(list(texts), progress=True)


def _log(message: str) -> None:
    err_console.print(message, highlight=False)


def _read_esconv(path: Path):
    from ..data.esconv import DataError, read_jsonl

    try:
        split = read_jsonl(path)
    except DataError as err:
        fail(str(err))
    for e in split.errors:
        err_console.print(f"[red]{e}[/]", highlight=False)
    if not split.conversations:
        fail(f"{path}: no usable conversations")
    return split


# -- assess -------------------------------------------------------------------------
def _render(a) -> Table:
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold")
    table.add_column()
    top = sorted(a.strategy.scores.items(), key=lambda kv: -kv[1])[:3]
    table.add_row("strategy", f"{a.strategy.label}  [dim]"
                  + ", ".join(f"{k} {v:.2f}" for k, v in top) + "[/]")
    names = {0: "none", 1: "weak", 2: "strong"}
    for mech, lev in a.empathy.items():
        span = f'  [italic]"{lev.span.text}"[/]' if lev.span else ""
        table.add_row(mech.replace("_", " "), f"{lev.level} ({names[lev.level]}, "
                                              f"{lev.score:.2f}){span}")
    return table


@app.command()
def assess(
    reply: Optional[str] = typer.Option(None, "--reply", help="The supporter reply to assess."),
    context: Optional[Path] = typer.Option(
        None, "--context", help="JSON file: a list of turns {speaker, text[, strategy]} or "
                                "an ESConv record."),
    file: Optional[Path] = typer.Option(
        None, "--file", "-f", help='A .jsonl of {"context": [...], "reply": "..."} lines.'),
    out: Optional[Path] = typer.Option(None, "--out", "-o", help="Where --file results go."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON instead of a table."),
) -> None:
    """What a reply does (ESConv strategy) and how empathic it is (EPITOME levels)."""
    from ..support.assess import SupportModels

    if (reply is None) == (file is None):
        fail("give either --reply TEXT or --file PAIRS.jsonl")
    ctx: object = []
    if file is None:
        if not reply.strip():
            fail("empty reply")
        if context is not None:
            if not context.is_file():
                fail(f"{context}: no such file")
            try:
                ctx = json.loads(context.read_text(encoding="utf-8"))
            except (json.JSONDecodeError, UnicodeDecodeError) as err:
                fail(f"{context}: not valid JSON ({getattr(err, 'msg', err)})")
        models = _models(SupportModels)
        try:
            result = models.assess(reply, ctx)
        except ValueError as err:
            fail(str(err))
        if as_json:
            print_json(result.model_dump())
        else:
            console.print(_render(result))
        return
    if not file.is_file():
        fail(f"{file}: no such file")
    if out is None:
        fail("--file needs --out for the results")
    models = _models(SupportModels)
    n_ok = n_err = 0
    pending: list[tuple[int, object, object]] = []

    def flush(sink) -> None:
        nonlocal n_ok, n_err
        try:
            results = models.assess_many([(c, r) for _, c, r in pending])
        except ValueError:
            results = []
            for n, c, r in pending:  # find the bad one(s), keep the rest
                try:
                    results.append(models.assess(r, c))
                except ValueError as err:
                    results.append(err)
        for (n, _, _), res in zip(pending, results):
            if isinstance(res, ValueError):
                n_err += 1
                err_console.print(f"[red]{file.name}:{n}:[/] {res}", highlight=False)
            else:
                n_ok += 1
                sink.write(json.dumps({"line": n, **res.model_dump()}, ensure_ascii=False) + "\n")
        pending.clear()

    with file.open(encoding="utf-8", errors="replace") as fh, out.open("w", encoding="utf-8") as sink:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as err:
                n_err += 1
                err_console.print(f"[red]{file.name}:{n}:[/] not valid JSON ({err.msg})",
                                  highlight=False)
                continue
            if not isinstance(obj, dict) or not isinstance(obj.get("reply"), str) \
                    or not obj["reply"].strip():
                n_err += 1
                err_console.print(f'[red]{file.name}:{n}:[/] expected an object with a '
                                  f'non-empty "reply" (and optional "context")', highlight=False)
                continue
            pending.append((n, obj.get("context") or [], obj["reply"]))
            if len(pending) >= 64:
                flush(sink)
        if pending:
            flush(sink)
    err_console.print(f"{n_ok + n_err} lines read: {n_ok} assessed -> {out}, {n_err} errors")
    if n_ok == 0 and n_err:
        raise typer.Exit(1)


def _models(cls):
    try:
        return cls()
    except FileNotFoundError as err:
        fail(str(err))


# -- eval -----------------------------------------------------------------------------
@eval_app.command("strategy")
def eval_strategy(
    data: Path = typer.Option(..., "--data", help="An ESConv-format .jsonl file."),
    as_json: bool = typer.Option(False, "--json"),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Embedding cache folder."),
) -> None:
    """Tagger (strategy of each supporter turn) and next-strategy predictor figures."""
    from ..train.support import strategy_report

    split = _read_esconv(data)
    perceiver = _perceiver()
    tagger = _load("strategy_tagger", perceiver)
    predictor = _load("strategy_predictor", perceiver)
    report = strategy_report(tagger, predictor, split, _embedder(perceiver, cache),
                             perceiver.emotion.probs)
    if report["tagging"]["n"] == 0:
        fail(f"{data}: no supporter turns with a known strategy")
    if as_json:
        print_json(report)
        return
    tag, nxt = report["tagging"], report["next"]
    table = Table(title=f"{data.name}: {tag['n']} supporter turns ({report['errors']} errors)")
    for col in ("strategy", "tag P", "tag R", "tag F1", "support", "next pred/gold"):
        table.add_column(col, justify="left" if col == "strategy" else "right")
    for lab, m in tag["per_label"].items():
        r = nxt["preference_ratio"][lab]
        flag = "" if r is None or 0.5 <= r <= 2.0 else " [red]![/]"
        table.add_row(lab, f"{m['precision']:.3f}", f"{m['recall']:.3f}", f"{m['f1']:.3f}",
                      str(m["support"]), ("-" if r is None else f"{r:.2f}") + flag)
    console.print(table)
    console.print(f"tagging: accuracy [bold]{tag['accuracy']:.4f}[/]  macro-F1 "
                  f"[bold]{tag['macro_f1']:.4f}[/]  weighted-F1 {tag['weighted_f1']:.4f}")
    console.print(f"next:    accuracy [bold]{nxt['accuracy']:.4f}[/]  weighted-F1 "
                  f"[bold]{nxt['weighted_f1']:.4f}[/]  macro-F1 {nxt['macro_f1']:.4f}"
                  + (f"  [red]preference outside [0.5, 2.0]: "
                     f"{', '.join(nxt['outside_0.5_2.0'])}[/]" if nxt["outside_0.5_2.0"] else ""))


@eval_app.command("empathy")
def eval_empathy(
    data: Path = typer.Option(..., "--data", help="Folder with <mechanism>.<split>.csv."),
    split: str = typer.Option("dev", "--split", help="dev or test"),
    as_json: bool = typer.Option(False, "--json"),
    cache: Optional[Path] = typer.Option(None, "--cache", help="Embedding cache folder."),
) -> None:
    """Per-mechanism accuracy and macro-F1 of the EPITOME level heads."""
    from ..data.epitome import MECHANISMS, DataError, mechanism_file
    from ..train.support import empathy_report

    if split not in {"dev", "test", "train"}:
        fail("--split must be dev or test")
    for m in MECHANISMS:
        if not mechanism_file(data, m, split).is_file():
            fail(f"{mechanism_file(data, m, split)}: no such file")
    perceiver = _perceiver()
    model = _load("empathy", perceiver)
    try:
        report = empathy_report(model, data, split, _embedder(perceiver, cache))
    except DataError as err:
        fail(str(err))
    if as_json:
        print_json(report)
        return
    table = Table(title=f"EPITOME {split}")
    for col in ("mechanism", "n", "accuracy", "macro-F1", "span hit rate"):
        table.add_column(col, justify="left" if col == "mechanism" else "right")
    for m, r in report.items():
        table.add_row(m, str(r["n"]), f"{r['accuracy']:.4f}", f"{r['macro_f1']:.4f}",
                      "-" if r["span_hit_rate"] is None else f"{r['span_hit_rate']:.2f}")
    console.print(table)


# -- train ----------------------------------------------------------------------------
def _train_strategy(data: Path, out_tagger: Optional[Path], out_predictor: Optional[Path],
                    cache: Optional[Path], limit: int, which: str,
                    finetune: float = 0.0, max_steps: int = 0) -> None:
    from ..config import Settings, encoder_fingerprint
    from ..train.embcache import fingerprint
    from ..train.support import strategy_report, train_predictor, train_tagger
    from ..train.support_cards import write_card

    if not (data / "train.jsonl").is_file():
        fail(f"{data}: no train.jsonl there")
    train = _read_esconv(data / "train.jsonl")
    if limit:
        train.conversations = train.conversations[:limit]
    valid = None
    if (data / "valid.jsonl").is_file():
        valid = _read_esconv(data / "valid.jsonl")
        if limit:
            valid.conversations = valid.conversations[:max(2, limit // 4)]
    perceiver = _perceiver()
    embed = _embedder(perceiver, cache)
    models = Settings().models_dir
    tagger = predictor = None
    try:
        if which in {"tagger", "both"}:
            tagger, tmeta = train_tagger(train, embed, log=_log)
            if finetune:
                from ..support.tagger import FinetunedPart
                from ..train.support import train_tagger_finetune

                ft_dir = (out_tagger or models / "strategy_tagger") / "finetuned"
                tmeta["finetuned"] = train_tagger_finetune(train, ft_dir, epochs=finetune,
                                                           max_steps=max_steps, log=_log)
                tagger.finetuned = FinetunedPart.load(ft_dir)
        if which in {"predictor", "both"}:
            predictor, pmeta = train_predictor(train, embed, perceiver.emotion.probs, log=_log)
    except ValueError as err:
        fail(str(err))
    report = (strategy_report(tagger, predictor, valid, embed, perceiver.emotion.probs)
              if valid else {})
    fp = {"encoder_fingerprint": encoder_fingerprint(perceiver.settings.encoder_path()),
          "embedding_fingerprint": fingerprint(perceiver)}
    if tagger is not None:
        folder = out_tagger or models / "strategy_tagger"
        tmeta.update(**fp, valid=report.get("tagging", {}))
        tagger.save(folder, tmeta)
        write_card(folder, "strategy_tagger", tmeta)
        _log(f"wrote {folder}")
        if "tagging" in report:
            t = report["tagging"]
            console.print(f"tagger valid: accuracy {t['accuracy']:.4f}, macro-F1 "
                          f"{t['macro_f1']:.4f}")
    if predictor is not None:
        folder = out_predictor or models / "strategy_predictor"
        pmeta.update(**fp, valid=report.get("next", {}))
        predictor.save(folder, pmeta)
        write_card(folder, "strategy_predictor", pmeta)
        _log(f"wrote {folder}")
        if "next" in report:
            n = report["next"]
            console.print(f"predictor valid: accuracy {n['accuracy']:.4f}, weighted-F1 "
                          f"{n['weighted_f1']:.4f}, outside [0.5, 2.0]: "
                          f"{n['outside_0.5_2.0'] or 'none'}")


_DATA = typer.Option(..., "--data", help="ESConv folder with train.jsonl (and valid.jsonl).")
_CACHE = typer.Option(None, "--cache", help="Embedding cache folder (reused across runs).")
_LIMIT = typer.Option(0, "--limit", help="Use only the first N conversations (smoke runs).")


@train_app.command("strategy-tagger")
def train_strategy_tagger(
    data: Path = _DATA, out: Optional[Path] = typer.Option(None, "--out"),
    cache: Optional[Path] = _CACHE, limit: int = _LIMIT,
    finetune: float = typer.Option(0.0, "--finetune", help="Also LoRA-tune a tagger encoder "
                                   "for this many epochs (costs a second encoder pass per "
                                   "reply at run time; slow on CPU)."),
    max_steps: int = typer.Option(0, "--max-steps", help="Cap fine-tuning steps (smoke runs)."),
) -> None:
    """Train the strategy tagger on ESConv; measures valid.jsonl when present."""
    _train_strategy(data, out, None, cache, limit, "tagger", finetune, max_steps)


@train_app.command("strategy-predictor")
def train_strategy_predictor(data: Path = _DATA,
                             out: Optional[Path] = typer.Option(None, "--out"),
                             cache: Optional[Path] = _CACHE, limit: int = _LIMIT) -> None:
    """Train the next-strategy predictor on ESConv; measures valid.jsonl when present."""
    _train_strategy(data, None, out, cache, limit, "predictor")


@train_app.command("strategy")
def train_strategy_both(data: Path = _DATA,
                        out: Optional[Path] = typer.Option(
                            None, "--out", help="Parent folder for strategy_tagger/ and "
                                                "strategy_predictor/."),
                        cache: Optional[Path] = _CACHE, limit: int = _LIMIT) -> None:
    """Train both the tagger and the predictor (embeds the corpus once)."""
    _train_strategy(data, out / "strategy_tagger" if out else None,
                    out / "strategy_predictor" if out else None, cache, limit, "both")


@train_app.command("empathy")
def train_empathy_cmd(
    data: Path = typer.Option(..., "--data", help="EPITOME folder (<mechanism>.train.csv)."),
    out: Optional[Path] = typer.Option(None, "--out"),
    cache: Optional[Path] = _CACHE, limit: int = typer.Option(0, "--limit", help=
                                                             "First N pairs per mechanism."),
) -> None:
    """Train the EPITOME level heads and span scorers; measures dev when present."""
    from ..config import Settings, encoder_fingerprint
    from ..data.epitome import MECHANISMS, DataError, mechanism_file
    from ..train.embcache import fingerprint
    from ..train.support import empathy_report, train_empathy
    from ..train.support_cards import write_card

    for m in MECHANISMS:
        if not mechanism_file(data, m, "train").is_file():
            fail(f"{mechanism_file(data, m, 'train')}: no such file")
    perceiver = _perceiver()
    embed = _embedder(perceiver, cache)
    try:
        model, meta = train_empathy(data, embed, limit=limit, log=_log)
    except (DataError, ValueError) as err:
        fail(str(err))
    if all(mechanism_file(data, m, "dev").is_file() for m in MECHANISMS):
        meta["valid"] = empathy_report(model, data, "dev", embed, limit=limit // 4)
    meta["encoder_fingerprint"] = encoder_fingerprint(perceiver.settings.encoder_path())
    meta["embedding_fingerprint"] = fingerprint(perceiver)
    folder = out or Settings().models_dir / "empathy"
    model.save(folder, meta)
    write_card(folder, "empathy", meta)
    _log(f"wrote {folder}")
    for m, r in meta.get("valid", {}).items():
        console.print(f"{m} dev: macro-F1 {r['macro_f1']:.4f}, accuracy {r['accuracy']:.4f}")
