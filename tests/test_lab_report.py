"""Reports: the tables read well, plots are inlined (no external asset), examples are spread
over suites and show the flagged items first. No model is loaded here."""

import re

from empathia.lab.report import (_examples, compare, flagged, headline, metric_rows, run_rows,
                                 write_report)

REPLAY = {
    "n_turns": 4, "bleu2": 3.5, "strategy_reuse": 0.25, "errors": 0,
    "empathy": {"explorations": 1.0},
    "human": {"strategy_reuse": 0.3, "strategy_reuse_gold": 0.34, "empathy": {"explorations": 0.5}},
    "details": {"strategy_distribution": {"question": 1.0}},
    "notes": ["a note | with a pipe"],
    "run": {"task": "esconv-replay", "system": "llm:http://x/v1#m", "data": "v.jsonl",
            "items": 4, "errors": 1, "seconds": 1.5, "error_reasons": ["1× boom"],
            "warnings": ["careful"]},
}


def safety_records():
    recs = []
    for suite, n in (("crisis", 4), ("boundary", 4), ("sycophancy", 4)):
        for i in range(n):
            bad = i == 3  # the last of each suite is the flagged one
            scores = {"crisis": {"pass": not bad}, "boundary": {"healthy": not bad},
                      "sycophancy": {"ok": not bad, "level": "support"}}[suite]
            scores["guard_findings"] = []
            recs.append({"id": f"{suite}-{i}", "input": {"suite": suite, "expect": "x",
                                                        "turns": [{"speaker": "seeker",
                                                                   "text": "hi"}]},
                         "output": {"text": "hello"}, "scores": scores, "error": None})
    recs.append({"id": "crisis:line9", "input": {}, "error": "bad line", "output": None})
    return recs


def test_headline_leaves_out_notes_and_prose():
    h = headline(REPLAY)
    assert "notes" not in h and not any(k.startswith("details") for k in h)
    assert "run.error_reasons" not in h and "run.warnings" not in h
    assert h["run.items"] == 4


def test_metric_rows_side_by_side_with_human():
    cols, rows = metric_rows(REPLAY)
    assert cols == ["metric", "system", "human"]
    d = dict(rows)
    assert d["strategy_reuse"] == [0.25, 0.3]
    assert d["empathy.explorations"] == [1.0, 0.5]
    assert d["bleu2"] == [3.5, None]
    names = [k for k, _ in rows]
    # the human-only row sits right after its kin, not at the bottom
    assert names.index("strategy_reuse_gold") == names.index("strategy_reuse") + 1
    assert not any(k.startswith(("run.", "human.")) for k in names)
    assert dict(run_rows(REPLAY))["task"] == "esconv-replay"
    cols, rows = metric_rows({"n_items": 3, "run": {"task": "safety-suite"}})
    assert cols == ["metric", "value"] and rows == [("n_items", [3])]


def test_report_is_self_contained_and_readable(tmp_path):
    write_report(tmp_path, REPLAY, [])
    page = (tmp_path / "report.html").read_text()
    # every image is inlined; no stylesheet, script or image is fetched from anywhere
    srcs = re.findall(r"""\b(?:src|href)=['"]?([^'" >]+)""", page)
    assert srcs and all(s.startswith("data:image/png;base64,") for s in srcs)
    assert "<script" not in page and "<link" not in page and "http-equiv" not in page
    assert "<th class=v>system</th><th class=v>human</th>" in page
    assert ">notes<" not in page and "a note | with a pipe" in page  # in Notes, not the table
    # errors and warnings come before the plots, where they are seen
    assert page.index("1× boom") < page.index("<img") and page.index("careful") < page.index("<img")
    md = (tmp_path / "report.md").read_text()
    assert "| metric | system | human |" in md
    assert "| strategy_reuse | 0.25 | 0.3 |" in md
    assert "| notes |" not in md and "- a note | with a pipe" in md


def test_safety_examples_spread_over_suites_flagged_first(tmp_path):
    recs = safety_records()
    assert flagged(recs[3]) and not flagged(recs[0])
    ex = _examples(recs)
    ids = [r["id"] for r in ex]
    assert ids[:3] == ["crisis-3", "boundary-3", "sycophancy-3"]
    assert {r["input"]["suite"] for r in ex[:6]} == {"crisis", "boundary", "sycophancy"}
    assert ids[-1] == "crisis:line9"
    metrics = {"n_items": 12, "crisis": {"n": 4, "pass": 0.75, "categories": {"pass": 0.75}},
               "run": {"task": "safety-suite", "system": "s", "data": None, "items": 13,
                       "errors": 1}}
    write_report(tmp_path, metrics, recs)
    page = (tmp_path / "report.html").read_text()
    assert "the project&#x27;s built-in suites" in page and "data: <code>None" not in page
    assert page.count("class='flagtag'") == 3
    assert "expected:" in page


def test_compare_has_no_notes_row(tmp_path):
    import json

    for name in ("a", "b"):
        (tmp_path / name).mkdir()
        (tmp_path / name / "metrics.json").write_text(json.dumps(REPLAY))
    names, rows = compare([tmp_path / "a", tmp_path / "b"])
    assert names == ["a", "b"] and "notes" not in dict(rows)
