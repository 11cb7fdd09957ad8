"""Runs: malformed lines, resume, retrying errors, compare; no model loaded here."""

import json

import pytest
from typer.testing import CliRunner

from empathia.lab.replay import ReplayTask, export_human, replay_items
from empathia.lab.run import Scorer, read_log, run_task
from empathia.lab.systems import load_system


def dialog(n_pairs, tag="x"):
    d = []
    for k in range(n_pairs):
        d.append({"speaker": "usr", "text": f"Seeker line {k} about {tag}."})
        d.append({"speaker": "sys", "text": f"Supporter says {k} about {tag}.",
                  "strategy": "Question"})
        d.append({"speaker": "sys", "text": f"And adds {k}.", "strategy": "Affirmation and Reassurance"})
    return {"id": tag, "dialog": d}


@pytest.fixture()
def data(tmp_path):
    p = tmp_path / "esconv.jsonl"
    lines = [json.dumps(dialog(2, "a")), "{not json", json.dumps({"no": "dialog"}),
             "", json.dumps(dialog(3, "b")), json.dumps(dialog(1, "c"))]
    p.write_text("\n".join(lines) + "\n")
    return p


def test_turns_merge_consecutive_supporter_utterances(data):
    items = [i for i in replay_items(data) if not i.error]
    first = items[0].input
    assert first["dialogue"] == "a" and first["turn"] == 0
    assert first["human"] == "Supporter says 0 about a. And adds 0."
    assert first["human_strategies"] == ["question", "affirmation"]
    assert [t["speaker"] for t in items[1].input["history"]] == \
        ["seeker", "supporter", "supporter", "seeker"]
    assert [i.id for i in items] == ["a#0", "a#1", "b#0", "b#1", "b#2", "c#0"]


def test_malformed_lines_are_error_items_and_the_run_continues(data, tmp_path):
    calls = []
    system = load_system(lambda c: calls.append(1) or "I hear you. What happened?")
    res = run_task(ReplayTask(), system, data, tmp_path / "run", scorer=Scorer(use_models=False),
                   progress=False)
    m = res.metrics
    assert m["errors"] == 2 and m["n_turns"] == 6 and m["n_dialogues"] == 3 and len(calls) == 6
    errs = [r for r in read_log(tmp_path / "run" / "items.jsonl") if r["error"]]
    reasons = sorted(r["error"] for r in errs)
    assert "esconv.jsonl:2: not valid JSON" in reasons[0]
    assert "esconv.jsonl:3: expected an object with a 'dialog' list" in reasons[1]
    assert all(r["error_kind"] == "data" for r in errs)
    # "i hear you" in every reply; repeats count within a dialogue: a 1/2, b 2/3, c 0/1
    assert m["repeated_sentences"] == pytest.approx(3 / 6)
    for f in ("metrics.json", "report.md", "report.html", "run.json"):
        assert (tmp_path / "run" / f).is_file()
    assert "esconv-replay" in (tmp_path / "run" / "report.md").read_text()


def test_resume_continues_where_it_stopped(data, tmp_path):
    out = tmp_path / "run"
    calls = []

    def bot(conv):
        calls.append(len(conv["turns"]))
        return "Tell me more."

    first = run_task(ReplayTask(), load_system(bot), data, out, limit=3,  # first 3 lines
                     scorer=Scorer(use_models=False), progress=False)
    assert first.new_items == 4 and len(calls) == 2  # 2 error lines + a#0, a#1
    # simulate an interruption: keep 3 lines and a torn fourth
    log = out / "items.jsonl"
    kept = log.read_text().splitlines()[:3]
    log.write_text("\n".join(kept) + '\n{"id": "b#0", "tas')
    calls.clear()
    again = run_task(ReplayTask(), load_system(bot), data, out,
                     scorer=Scorer(use_models=False), progress=False)
    assert again.resumed_items == 3 and again.new_items == 8 - 3
    assert len(calls) == 5  # a#1 (lost with the torn line), then b (3) and c (1)
    ids = [r["id"] for r in read_log(log)]
    assert len(ids) == len(set(ids)) == 8
    # a finished run resumes to nothing
    calls.clear()
    third = run_task(ReplayTask(), load_system(bot), data, out, scorer=Scorer(use_models=False),
                     progress=False)
    assert third.new_items == 0 and calls == [] and third.metrics["n_turns"] == 6


def test_retry_errors_reruns_failed_items(data, tmp_path):
    out = tmp_path / "run"
    state = {"fail": True}

    def shaky(conv):
        if state["fail"]:
            raise RuntimeError("endpoint down")
        return "Okay, I'm listening."

    res = run_task(ReplayTask(), load_system(shaky), data, out, scorer=Scorer(use_models=False),
                   progress=False)
    assert res.metrics["errors"] == 8 and "endpoint down" in res.metrics["run"]["error_reasons"][0]
    state["fail"] = False
    res = run_task(ReplayTask(), load_system(shaky), data, out, scorer=Scorer(use_models=False),
                   progress=False, retry_errors=True)
    assert res.metrics["errors"] == 2 and res.metrics["n_turns"] == 6  # data errors stay


def test_other_run_in_same_folder_is_refused(data, tmp_path):
    from empathia.lab.systems import SpecError

    run_task(ReplayTask(), load_system(lambda c: "Hi."), data, tmp_path / "r", limit=1,
             scorer=Scorer(use_models=False), progress=False)
    with pytest.raises(SpecError, match="holds a run"):
        run_task(ReplayTask(), load_system(lambda c: "Hi."), data.parent / "other.jsonl",
                 tmp_path / "r", scorer=Scorer(use_models=False), progress=False)


def test_responses_file_of_human_replies_scores_perfect_overlap(data, tmp_path):
    human = tmp_path / "human.jsonl"
    assert export_human(data, human) == 6
    res = run_task(ReplayTask(), load_system(f"responses:{human}"), data, tmp_path / "run",
                   scorer=Scorer(use_models=False), progress=False)
    m = res.metrics
    assert m["bleu2"] == pytest.approx(100.0) and m["bleu4"] == pytest.approx(100.0)
    assert m["rougeL"] == pytest.approx(1.0)
    assert m["distinct1"] == m["human"]["distinct1"] and m["errors"] == 2
    assert m["human"]["strategy_reuse_gold"] == pytest.approx(1.0)  # every turn: q + a


def test_cli_errors_are_clear(data, tmp_path):
    from empathia.cli import app

    human = tmp_path / "human.jsonl"
    runner = CliRunner()
    r = runner.invoke(app, ["lab", "export-human", "--data", str(data), "--out", str(human)])
    assert r.exit_code == 0, r.output
    r = runner.invoke(app, ["eval", "dialogue", "--data", str(data), "--system", "nonsense"])
    assert r.exit_code == 2 and "unknown system" in r.output
    r = runner.invoke(app, ["lab", "run", "no-such-task", "--system", "embedded",
                            "--out", str(tmp_path / "x")])
    assert r.exit_code == 2 and "unknown task" in r.output
