"""Reports of a run: ``report.md`` (tables) and a self-contained ``report.html`` (the same
tables, matplotlib plots embedded as base64 PNG, and a few example items), plus the
side-by-side table of ``empathia lab compare``."""

from __future__ import annotations

import base64
import html
import io
import json
from pathlib import Path
from typing import Any

from ..support.strategies import IDS

MECH = ("emotional_reactions", "interpretations", "explorations")


def flatten(d: Any, prefix: str = "") -> dict[str, Any]:
    out: dict[str, Any] = {}
    if isinstance(d, dict):
        for k, v in d.items():
            out.update(flatten(v, f"{prefix}{k}."))
    elif isinstance(d, list) and d and not all(isinstance(x, (int, float)) for x in d):
        out[prefix[:-1]] = "; ".join(map(str, d))
    else:
        out[prefix[:-1]] = d
    return out


def fmt(v: Any) -> str:
    if v is None:
        return "–"
    if isinstance(v, float):
        return f"{v:.4g}"
    if isinstance(v, list):
        return ", ".join(fmt(x) for x in v)
    return str(v)


def headline(metrics: dict) -> dict[str, Any]:
    """The rows worth a table: everything but the plot data and the prose (notes, error
    reasons and warnings have their own lists)."""
    flat = flatten({k: v for k, v in metrics.items() if k not in ("details", "plots", "notes")})
    return {k: v for k, v in flat.items() if not k.startswith(
        ("run.error_reasons", "run.warnings", "run.llm_fallbacks"))}


def metric_rows(metrics: dict) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    """(column names, [(metric, values)]) for the report's metrics table, without the run
    rows: ``metric | system | human`` side by side when the task measured the human replies
    too (esconv-replay), else ``metric | value``."""
    rows = {k: v for k, v in headline(metrics).items() if not k.startswith("run.")}
    if not isinstance(metrics.get("human"), dict):
        return ["metric", "value"], [(k, [v]) for k, v in rows.items()]
    human = {k[len("human."):]: v for k, v in rows.items() if k.startswith("human.")}
    system = {k: v for k, v in rows.items() if not k.startswith("human.")}
    out = [(k, [v, human.get(k)]) for k, v in system.items()]
    for k, v in human.items():  # human-only rows (strategy_reuse_gold) after their kin
        if k in system:
            continue
        kin = [i for i, (name, _) in enumerate(out) if k.startswith(name)]
        out.insert(kin[-1] + 1 if kin else len(out), (k, [None, v]))
    return ["metric", "system", "human"], out


def run_rows(metrics: dict) -> list[tuple[str, Any]]:
    """The ``run.*`` rows (what ran, how long, errors), shown apart from the metrics."""
    return [(k[len("run."):], v) for k, v in headline(metrics).items() if k.startswith("run.")]


def _data_label(run: dict) -> str:
    if run.get("data"):
        return str(run["data"])
    return "the project's built-in suites" if run.get("task") == "safety-suite" else "–"


# -- plots ----------------------------------------------------------------------------------
def _png(fig) -> bytes:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=110, bbox_inches="tight")
    import matplotlib.pyplot as plt

    plt.close(fig)
    return buf.getvalue()


def plots(metrics: dict, records: list[dict]) -> list[tuple[str, bytes]]:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    out: list[tuple[str, bytes]] = []
    det = metrics.get("details") or {}
    task = (metrics.get("run") or {}).get("task")
    if task == "esconv-replay":
        dists = [(name, det.get(key)) for name, key in (
            ("system (tagger)", "strategy_distribution"),
            ("human (tagger)", "human_strategy_distribution_tagged"),
            ("human (gold labels)", "human_strategy_distribution_gold")) if det.get(key)]
        if dists:
            fig, ax = plt.subplots(figsize=(9, 3.6))
            x = np.arange(len(IDS))
            w = 0.8 / len(dists)
            for i, (name, d) in enumerate(dists):
                ax.bar(x + i * w - 0.4 + w / 2, [d.get(s, 0.0) for s in IDS], w, label=name)
            ax.set_xticks(x, [s.replace("_", "\n") for s in IDS], fontsize=8)
            ax.set_ylabel("share of turns")
            ax.set_title("Strategy distribution: system vs human")
            ax.legend(fontsize=8)
            out.append(("Strategy distribution vs human", _png(fig)))
        hum = metrics.get("human") or {}
        reuse = [("system", metrics.get("strategy_reuse")),
                 ("human (tagger)", hum.get("strategy_reuse")),
                 ("human (gold)", hum.get("strategy_reuse_gold"))]
        reuse = [(n, v) for n, v in reuse if v is not None]
        if reuse:
            fig, ax = plt.subplots(figsize=(5, 3))
            ax.bar([n for n, _ in reuse], [v for _, v in reuse],
                   color=["tab:blue", "tab:orange", "tab:green"][:len(reuse)])
            for i, (_, v) in enumerate(reuse):
                ax.text(i, v + 0.01, f"{v:.2f}", ha="center", fontsize=9)
            ax.set_ylim(0, 1)
            ax.set_ylabel("share of consecutive turns\nsharing a strategy")
            ax.set_title("Cross-turn strategy reuse")
            out.append(("Strategy reuse", _png(fig)))
        lev, hlev = det.get("empathy_levels"), det.get("human_empathy_levels")
        if metrics.get("empathy") and lev:
            fig, ax = plt.subplots(figsize=(8, 3.4))
            labels, rows = [], []
            for m in MECH:
                labels += [f"{m.replace('_', ' ')}\nsystem", "human"]
                rows += [lev[m], hlev[m]]
            rows = np.array(rows)
            left = np.zeros(len(rows))
            for k, (name, col) in enumerate(zip(("none", "weak", "strong"),
                                                ("#dddddd", "#9ecae1", "#3182bd"))):
                ax.barh(range(len(rows)), rows[:, k], left=left, color=col, label=name)
                left += rows[:, k]
            ax.set_yticks(range(len(rows)), labels, fontsize=8)
            ax.invert_yaxis()
            ax.set_xlabel("share of replies")
            ax.set_title("EPITOME empathy levels (project model)")
            ax.legend(fontsize=8, loc="upper left", bbox_to_anchor=(1.0, 1.0))
            out.append(("Empathy levels", _png(fig)))
    if task == "simulated-seekers":
        trajs = [r["scores"]["trajectory"] for r in records
                 if not r.get("error") and r.get("scores")]
        if trajs:
            fig, ax = plt.subplots(figsize=(8, 3.8))
            for t in trajs[:60]:
                ax.plot(range(len(t)), t, color="tab:blue", alpha=0.25, lw=1)
            n = max(len(t) for t in trajs)
            mean = [np.mean([t[i] for t in trajs if len(t) > i]) for i in range(n)]
            ax.plot(range(n), mean, color="black", lw=2.5, label="mean")
            ax.set_ylim(0, 100)
            ax.set_xticks(range(n))  # replies are counted in whole turns, never 0.5
            ax.set_xlabel("system replies")
            ax.set_ylabel("seeker state (0 worst - 100 best)")
            ax.set_title(f"Simulated seeker trajectories (n={len(trajs)})")
            ax.legend()
            out.append(("Seeker trajectories", _png(fig)))
    if task == "safety-suite":
        for suite, key in (("crisis", "crisis"), ("boundary", "boundary"),
                           ("sycophancy", "sycophancy")):
            m = (metrics.get(key) or {}).get("categories")
            if not m:
                continue
            fig, ax = plt.subplots(figsize=(7, 3))
            ax.bar(list(m), list(m.values()), color="tab:purple")
            for i, v in enumerate(m.values()):
                ax.text(i, v + 0.02, f"{v:.2f}", ha="center", fontsize=8)
            ax.set_ylim(0, 1.1)
            ax.set_ylabel("share of replies")
            ax.set_title(f"{suite} suite")
            ax.tick_params(axis="x", labelsize=8, rotation=20)
            out.append((f"{suite} suite", _png(fig)))
    return out


# -- writers --------------------------------------------------------------------------------
def flagged(rec: dict) -> bool:
    """An item worth reading first: a crisis reply that did not pass, a boundary reply that
    is not healthy, a sycophancy reply that is not plain support, a seeker left worse off,
    a reply with a guard finding."""
    sc = rec.get("scores") or {}
    if sc.get("pass") is False or sc.get("healthy") is False or sc.get("ok") is False:
        return True
    if isinstance(sc.get("change"), (int, float)) and sc["change"] < 0:
        return True
    return bool(sc.get("guard_findings"))


def _group(rec: dict) -> str:
    inp = rec.get("input") or {}
    return str(inp.get("suite") or inp.get("dialogue") or rec.get("id"))


def _examples(records: list[dict], k: int = 6) -> list[dict]:
    """Up to ``k`` finished items spread over the groups (suites, dialogues, seekers), the
    flagged ones of each group first, then up to 3 error items."""
    groups: dict[str, list[dict]] = {}
    for r in records:
        if not r.get("error"):
            groups.setdefault(_group(r), []).append(r)
    # flagged first, then from the middle of the group outwards (a dialogue's opening turn
    # says little about a system)
    queues = [[r for _, r in sorted(enumerate(g), key=lambda ir: (
        not flagged(ir[1]), abs(ir[0] - len(g) // 2), ir[0]))] for g in groups.values()]
    picked: list[dict] = []
    while len(picked) < k and any(queues):
        for q in queues:
            if q and len(picked) < k:
                picked.append(q.pop(0))
    return picked + [r for r in records if r.get("error")][:3]


def _transcript(rec: dict) -> list[tuple[str, str]]:
    if rec.get("error"):
        return [("error", rec["error"])]
    out = rec.get("output") or {}
    if "transcript" in out:
        return [(t["speaker"] + (f" [{t['state']}]" if "state" in t else ""), t["text"])
                for t in out["transcript"]]
    inp = rec.get("input") or {}
    rows = [("expected", inp["expect"])] if inp.get("expect") else []
    rows += [(t["speaker"], t["text"]) for t in (inp.get("history") or [])[-3:]]
    rows += [(t["speaker"], t["text"]) for t in inp.get("turns", [])[-3:]
             if isinstance(t, dict)]
    if inp.get("human"):
        rows.append(("human supporter", inp["human"]))
    rows.append(("system", out.get("text", "")))
    meta = out.get("meta") or {}
    if meta.get("realiser"):
        why = [n for n in meta.get("notes") or [] if n.startswith("LLM fallback")]
        rows.append(("realiser", meta["realiser"] + (f" ({'; '.join(why)})" if why else "")))
    if rec.get("scores"):
        rows.append(("scores", json.dumps({k: v for k, v in rec["scores"].items()
                                           if k != "trajectory"}, ensure_ascii=False)))
    return rows


def _md_cell(v: Any) -> str:
    return fmt(v).replace("|", "\\|").replace("\n", " ")


def write_report(out: Path, metrics: dict, records: list[dict]) -> None:
    out = Path(out)
    run = metrics.get("run") or {}
    cols, rows = metric_rows(metrics)
    runs = run_rows(metrics)
    md = [f"# empathia lab: {run.get('task')} · {run.get('system')}", "",
          f"data: `{_data_label(run)}` · items: {run.get('items')} · "
          f"errors: {run.get('errors')}", ""]
    if run.get("error_reasons"):
        md += ["## Errors", ""] + [f"- {e}" for e in run["error_reasons"]] + [""]
    if run.get("warnings"):
        md += ["## Warnings", ""] + [f"- {w}" for w in run["warnings"]] + [""]
    if run.get("llm_fallbacks"):
        md += ["## LLM drafts not used (the embedded realiser answered)", ""] + \
            [f"- {w}" for w in run["llm_fallbacks"]] + [""]
    md += ["## Metrics", "", "| " + " | ".join(cols) + " |", "|---" * len(cols) + "|"]
    md += ["| " + " | ".join([k] + [_md_cell(v) for v in vals]) + " |" for k, vals in rows]
    md += ["", "## Run", "", "| | |", "|---|---|"]
    md += [f"| {k} | {_md_cell(v)} |" for k, v in runs]
    if metrics.get("notes"):
        md += ["", "## Notes", ""] + [f"- {n}" for n in metrics["notes"]]
    (out / "report.md").write_text("\n".join(md) + "\n", encoding="utf-8")

    figs = plots(metrics, records)
    esc = html.escape
    parts = ["<!doctype html><html><head><meta charset='utf-8'>",
             f"<title>empathia lab · {esc(str(run.get('task')))}</title>",
             "<style>body{font-family:system-ui,sans-serif;max-width:1000px;margin:2em auto;"
             "color:#222}table{border-collapse:collapse;font-size:14px;margin-bottom:1em}"
             "td,th{border:1px solid #ccc;padding:3px 8px;text-align:left}"
             "th.v,td.v{text-align:right;font-family:monospace}tr:nth-child(even){background:"
             "#f6f6f6}.ex{border:1px solid #ddd;border-radius:6px;padding:8px;margin:8px 0}"
             ".ex.flag{border-color:#d08770;border-left:4px solid #d08770}"
             ".sp{color:#666;font-size:12px;font-weight:bold}.flagtag{color:#b3541e}"
             ".err{color:#a00}.warn{color:#8a6d00}img{max-width:100%}</style>",
             "</head><body>",
             f"<h1>{esc(str(run.get('task')))} · <code>{esc(str(run.get('system')))}</code></h1>",
             f"<p>data: <code>{esc(_data_label(run))}</code> · items: {run.get('items')} · "
             f"errors: {run.get('errors')} · {run.get('seconds')} s</p>"]
    for title, key, cls in (("Errors", "error_reasons", "err"), ("Warnings", "warnings", "warn"),
                            ("LLM drafts not used (the embedded realiser answered)",
                             "llm_fallbacks", "warn")):
        if run.get(key):
            parts.append(f"<h2 class='{cls}'>{title}</h2><ul class='{cls}'>" + "".join(
                f"<li>{esc(e)}</li>" for e in run[key]) + "</ul>")
    for title, png in figs:
        parts.append(f"<h2>{esc(title)}</h2><img alt='{esc(title)}' "
                     f"src='data:image/png;base64,{base64.b64encode(png).decode()}'>")
    parts.append("<h2>Metrics</h2><table><tr>" + "".join(
        f"<th{'' if i == 0 else ' class=v'}>{esc(c)}</th>" for i, c in enumerate(cols))
        + "</tr>")
    parts += ["<tr><td>" + esc(k) + "</td>" + "".join(
        f"<td class='v'>{esc(fmt(v))}</td>" for v in vals) + "</tr>" for k, vals in rows]
    parts.append("</table><h2>Run</h2><table>")
    parts += [f"<tr><td>{esc(k)}</td><td class='v'>{esc(fmt(v))}</td></tr>" for k, v in runs]
    parts.append("</table>")
    if metrics.get("notes"):
        parts.append("<h2>Notes</h2><ul>" + "".join(
            f"<li>{esc(n)}</li>" for n in metrics["notes"]) + "</ul>")
    parts.append("<h2>Examples</h2><p>Spread over the suites / dialogues / seekers; flagged "
                 "items (failed crisis check, unhealthy boundary reply, not plain support, "
                 "seeker worse off, guard finding) first.</p>")
    for rec in _examples(records):
        flag = not rec.get("error") and flagged(rec)
        parts.append(f"<div class='ex{' flag' if flag else ''}'><div class='sp'>"
                     f"{esc(str(rec['id']))}"
                     + (" <span class='flagtag'>flagged</span>" if flag else "") + "</div>")
        for who, text in _transcript(rec):
            parts.append(f"<div><span class='sp'>{esc(who)}:</span> {esc(str(text))}</div>")
        parts.append("</div>")
    parts.append("</body></html>")
    (out / "report.html").write_text("\n".join(parts), encoding="utf-8")


def compare(runs: list[Path]) -> tuple[list[str], list[tuple[str, list[Any]]]]:
    """(run names, [(metric, [value per run])]) over the union of headline metrics."""
    names, flats = [], []
    for r in runs:
        path = Path(r) / "metrics.json"
        if not path.is_file():
            raise FileNotFoundError(f"{r}: no metrics.json (not a finished lab run)")
        m = json.loads(path.read_text())
        names.append(Path(r).name)
        flats.append(headline(m))
    keys: list[str] = []
    for f in flats:
        keys += [k for k in f if k not in keys]
    return names, [(k, [f.get(k) for f in flats]) for k in keys]


def compare_markdown(names: list[str], rows: list[tuple[str, list[Any]]]) -> str:
    md = ["| metric | " + " | ".join(names) + " |", "|---|" + "---|" * len(names)]
    md += [f"| {k} | " + " | ".join(fmt(v) for v in vals) + " |" for k, vals in rows]
    return "\n".join(md) + "\n"
