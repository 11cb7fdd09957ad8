"""CLI contracts of ``assess``, ``eval strategy``, ``eval empathy`` and bad input."""

import json

import pytest
from typer.testing import CliRunner

from empathia.cli import app
from empathia.support.strategies import IDS

runner = CliRunner()
MECHS = {"emotional_reactions", "interpretations", "explorations"}


def run(*args):
    res = runner.invoke(app, list(args))
    res.text = "".join(res.output.split())
    return res


def said(res, needle: str) -> bool:
    """Whether the output contains ``needle``; rich wraps (and splits) long error lines."""
    return "".join(needle.split()) in res.text


@pytest.fixture
def ctx(tmp_path):
    path = tmp_path / "ctx.json"
    path.write_text(json.dumps([{"speaker": "seeker", "text": "I failed my driving test again."}]))
    return path


def test_assess_json(ctx):
    res = run("assess", "--context", str(ctx), "--reply", "Why do you think it went wrong?",
              "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert data["strategy"]["label"] == "question"
    assert set(data["strategy"]["scores"]) == set(IDS)
    assert set(data["empathy"]) == MECHS
    assert all(set(v) == {"level", "score", "span"} for v in data["empathy"].values())


def test_assess_table_and_bad_input(ctx, tmp_path):
    res = run("assess", "--context", str(ctx), "--reply", "That sounds so frustrating.")
    assert res.exit_code == 0 and "emotional reactions" in res.stdout
    res = run("assess", "--reply", "  ")
    assert res.exit_code == 2 and said(res, 'empty reply')
    bad = tmp_path / "bad.json"
    bad.write_text("{oops")
    res = run("assess", "--context", str(bad), "--reply", "Hi")
    assert res.exit_code == 2 and said(res, 'not valid JSON') and not said(res, 'Traceback')
    res = run("assess", "--context", str(tmp_path / "missing.json"), "--reply", "Hi")
    assert res.exit_code == 2 and said(res, 'no such file')
    res = run("assess")
    assert res.exit_code == 2 and said(res, 'either --reply')


def test_assess_batch_reports_bad_lines_and_keeps_going(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    out = tmp_path / "out.jsonl"
    pairs.write_text("\n".join([
        json.dumps({"context": [{"speaker": "seeker", "text": "I'm lonely."}],
                    "reply": "Do you have friends nearby?"}),
        "{broken",
        json.dumps({"context": [], "reply": ""}),
        json.dumps({"context": [{"speaker": "robot", "text": "x"}], "reply": "Hello"}),
        json.dumps({"reply": "I'm sorry you feel that way."}),
    ]) + "\n")
    res = run("assess", "--file", str(pairs), "--out", str(out))
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [r["line"] for r in rows] == [1, 5]
    assert rows[0]["strategy"]["label"] == "question"
    assert said(res, 'pairs.jsonl:2:') and said(res, 'pairs.jsonl:3:')
    assert said(res, 'pairs.jsonl:4:') and said(res, 'unknown speaker')
    assert said(res, '5 lines read: 2 assessed') and said(res, '3 errors')


def _esconv_file(tmp_path):
    conv = {"dialog": [
        {"speaker": "usr", "text": "Hello."},
        {"speaker": "sys", "text": "Hi! How are you feeling today?", "strategy": "Question"},
        {"speaker": "usr", "text": "Stressed, my exams start tomorrow."},
        {"speaker": "sys", "text": "Exams can feel overwhelming.",
         "strategy": "Reflection of feelings"},
        {"speaker": "sys", "text": "Have you tried making a short study plan?",
         "strategy": "Providing Suggestions"},
        {"speaker": "usr", "text": "Thanks, that helps."},
        {"speaker": "sys", "text": "You're welcome, good luck!", "strategy": "Others"},
    ]}
    path = tmp_path / "mini.jsonl"
    path.write_text("\n".join([json.dumps(conv), "not json at all",
                               json.dumps({"dialog": [{"speaker": "sys", "text": "x",
                                                       "strategy": "Mind reading"}]}),
                               json.dumps(conv)]) + "\n")
    return path


def test_eval_strategy_json_contract_and_bad_lines(tmp_path):
    res = run("eval", "strategy", "--data", str(_esconv_file(tmp_path)), "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data["tagging"]) >= {"n", "accuracy", "macro_f1", "weighted_f1", "per_label"}
    assert set(data["next"]) >= {"n", "accuracy", "weighted_f1", "macro_f1", "preference_ratio"}
    assert data["tagging"]["n"] == 8 and data["next"]["n"] == 8
    assert set(data["next"]["preference_ratio"]) == set(IDS)
    assert set(data["tagging"]["per_label"]) == set(IDS)
    assert data["errors"] == 2
    assert said(res, 'mini.jsonl:2: not valid JSON')
    assert said(res, "mini.jsonl:3: turn 1: unknown strategy 'Mind reading'")


def test_eval_strategy_missing_file(tmp_path):
    res = run("eval", "strategy", "--data", str(tmp_path / "nope.jsonl"))
    assert res.exit_code == 2 and said(res, 'no such file')


def test_eval_empathy_json_contract(tmp_path):
    header = "sp_id,rp_id,seeker_post,response_post,level,rationales\n"
    rows = ['a,b,"My cat died, I\'m devastated","I\'m so sorry, that must hurt.",1,"I\'m so sorry|"\n',
            'c,d,I hate my job,"What is it about the job that\nbothers you most?",2,\n',
            'e,f,I feel alone,just get over it,0,\n']
    for m in ("emotional-reactions", "interpretations", "explorations"):
        (tmp_path / f"{m}.dev.csv").write_text(header + "".join(rows))
    res = run("eval", "empathy", "--data", str(tmp_path), "--split", "dev", "--json")
    assert res.exit_code == 0, res.output
    data = json.loads(res.stdout)
    assert set(data) == MECHS
    for v in data.values():
        assert v["n"] == 3 and 0 <= v["accuracy"] <= 1 and 0 <= v["macro_f1"] <= 1
    res = run("eval", "empathy", "--data", str(tmp_path), "--split", "test")
    assert res.exit_code == 2 and said(res, 'emotional-reactions.test.csv: no such file')
