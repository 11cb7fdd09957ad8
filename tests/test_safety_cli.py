"""CLI contracts: ``empathia risk``, ``empathia eval risk``, ``empathia guard``, audit log."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathia.cli import app

ROOT = Path(__file__).resolve().parents[1]
PROBES = ROOT / "tests" / "data" / "risk_probes.jsonl"
DATASETS = Path(os.environ.get("EMPATHIA_DATASETS", ROOT.parent / "shared" / "datasets"))
runner = CliRunner()


@pytest.fixture(autouse=True)
def audit_path(tmp_path, monkeypatch):
    path = tmp_path / "audit.jsonl"
    monkeypatch.setenv("EMPATHIA_AUDIT_LOG", str(path))
    monkeypatch.delenv("EMPATHIA_AUDIT_TEXT", raising=False)
    return path


def test_risk_json_contract_and_audit_without_text(audit_path):
    res = runner.invoke(app, ["risk", "i want to kms tonight", "--json", "--no-model"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"level", "category", "evidence", "score", "language_supported"}
    assert out["level"] == "imminent" and out["category"] == "self_harm"
    assert 0 <= out["score"] <= 1
    ev = out["evidence"][0]
    assert {"start", "end", "text", "category", "level", "rule"} <= set(ev)
    event = json.loads(audit_path.read_text().splitlines()[-1])
    assert event["level"] == "imminent" and event["category"] == "self_harm"
    assert "timestamp" in event and "text" not in event
    assert "kms" not in audit_path.read_text()


def test_audit_text_only_when_configured(audit_path, monkeypatch):
    monkeypatch.setenv("EMPATHIA_AUDIT_TEXT", "1")
    runner.invoke(app, ["risk", "i want to die", "--json", "--no-model"])
    assert json.loads(audit_path.read_text().splitlines()[-1])["text"] == "i want to die"


def test_no_risk_writes_no_audit_event(audit_path):
    res = runner.invoke(app, ["risk", "what a lovely day", "--json", "--no-model"])
    assert json.loads(res.stdout)["level"] == "none"
    assert not audit_path.exists()


def test_risk_panel_and_crisis_reply():
    res = runner.invoke(app, ["risk", "i took 30 pills", "--no-model", "--reply-locale", "UK"])
    assert res.exit_code == 0 and "imminent" in res.output and "999" in res.output


@pytest.mark.parametrize("args", [["risk", "   ", "--no-model"], ["risk", "--no-model"]])
def test_risk_bad_input_is_one_clear_line(args):
    res = runner.invoke(app, args)
    assert res.exit_code == 2
    assert "error:" in res.output and "Traceback" not in res.output


def test_risk_file_reports_bad_lines_and_goes_on(tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "i want to die"}\nnot json\n{"nope": 1}\n{"text": "hello"}\n')
    res = runner.invoke(app, ["risk", "--file", str(f), "--no-model"])
    assert res.exit_code == 0
    lines = [json.loads(x) for x in res.stdout.splitlines() if x.startswith("{")]
    assert [x["line"] for x in lines] == [1, 4]
    assert "in.jsonl:2" in res.output and "in.jsonl:3" in res.output


def test_eval_risk_probe_contract(tmp_path):
    res = runner.invoke(app, ["eval", "risk", "--data", str(PROBES), "--json", "--no-model"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"n", "recall", "under_triage_rate", "false_positive_rate", "per_category",
            "confusion"} <= set(out)
    assert out["n"] >= 150


def test_eval_risk_reports_bad_lines(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text('{"id":"a","text":"kms","risk":true,"category":"self_harm","min_level":"moderate"}\n'
                 '{"id":"b","text":"hi"}\n{broken\n'
                 '{"id":"c","text":"nice day","risk":false,"category":"none","min_level":"none"}\n')
    res = runner.invoke(app, ["eval", "risk", "--data", str(f), "--json", "--no-model"])
    assert res.exit_code == 0
    assert "p.jsonl:2" in res.output and "p.jsonl:3" in res.output
    out = json.loads(res.stdout[res.stdout.index("{"):])
    assert out["n"] == 2 and out["recall"] == 1.0 and out["false_positive_rate"] == 0.0


def test_eval_risk_missing_file():
    res = runner.invoke(app, ["eval", "risk", "--data", "/nonexistent.jsonl"])
    assert res.exit_code == 2 and "no such file" in res.output


@pytest.mark.skipif(not (DATASETS / "cssrs" / "users.dev.csv").is_file(),
                    reason="needs ../shared/datasets/cssrs/users.dev.csv")
def test_eval_risk_cssrs_contract(tmp_path):
    import csv

    src = DATASETS / "cssrs" / "users.dev.csv"
    small = tmp_path / "users.csv"
    csv.field_size_limit(2**31 - 1)
    with src.open(encoding="utf-8", newline="") as fh, small.open("w", newline="") as out:
        rows = list(csv.reader(fh))
        w = csv.writer(out)
        w.writerow(rows[0])
        by_label = {}
        for r in rows[1:]:
            by_label.setdefault(r[2], []).append(r)
        for rs in by_label.values():
            w.writerows(rs[:3])
    res = runner.invoke(app, ["eval", "risk", "--data", str(small), "--json", "--no-model"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"n", "recall", "under_triage_rate", "false_positive_rate", "per_category",
            "confusion", "per_label", "graded_precision", "graded_recall"} <= set(out)
    assert set(out["per_label"]) == {"Supportive", "Indicator", "Ideation", "Behavior",
                                     "Attempt"}
    assert out["n"] == 15


def test_guard_contract(tmp_path):
    ctx = tmp_path / "ctx.json"
    ctx.write_text(json.dumps({"messages": [{"role": "user", "text": "i want to die"}]}))
    res = runner.invoke(app, ["guard", "--context", str(ctx), "--reply",
                              "Others have it worse, just cheer up.", "--json", "--no-model"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"ok", "findings", "context_level", "context_category"}
    assert out["ok"] is False and out["context_level"] == "moderate"
    assert {f["kind"] for f in out["findings"]} == {"invalidation"}
    f = out["findings"][0]
    assert {"kind", "severity", "start", "end", "text", "message"} <= set(f)


def test_guard_bad_context_is_one_clear_line(tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    res = runner.invoke(app, ["guard", "--context", str(bad), "--reply", "hi"])
    assert res.exit_code == 2 and "not valid JSON" in res.output
    res = runner.invoke(app, ["guard", "--context", str(tmp_path / "nope.json"), "--reply", "x"])
    assert res.exit_code == 2 and "no such file" in res.output


def test_train_risk_missing_data():
    res = runner.invoke(app, ["train", "risk", "--data", "/nonexistent.csv"])
    assert res.exit_code == 2 and "no such file" in res.output
