"""The CLI contract of analyze / eval emotion, and what happens with bad input."""

import json

from typer.testing import CliRunner

from empathia.cli import app

runner = CliRunner()
KEYS = {"text", "emotions", "ekman", "sentiment", "vad", "causes", "reflected_cause", "windows"}


def test_analyze_json_contract(perceiver):
    res = runner.invoke(app, ["analyze", "--json", "I'm anxious because I might lose my job"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert KEYS <= set(out)
    assert set(out["vad"]) == {"valence", "arousal", "dominance"}
    assert {"label", "score"} <= set(out["emotions"][0])
    assert set(out["ekman"]) >= {"anger", "disgust", "fear", "joy", "sadness", "surprise"}
    assert set(out["sentiment"]) >= {"positive", "negative", "ambiguous"}
    assert {"start", "end", "text", "score"} <= set(out["causes"][0])


def test_analyze_panel_for_people(perceiver):
    res = runner.invoke(app, ["analyze", "I'm terrified I'll fail my exams"])
    assert res.exit_code == 0
    assert "feels" in res.stdout and "cause" in res.stdout


def test_empty_text_is_one_clear_error(perceiver):
    res = runner.invoke(app, ["analyze", "   "])
    assert res.exit_code == 2
    assert "empty text" in res.output and "Traceback" not in res.output


def test_analyze_needs_text_or_file():
    res = runner.invoke(app, ["analyze"])
    assert res.exit_code == 2 and "TEXT or --file" in res.output


def test_batch_counts_in_equal_out_plus_errors(perceiver, tmp_path):
    lines = [
        json.dumps({"text": "I miss my dad so much"}),
        json.dumps({"text": 42}),
        "{not json",
        json.dumps({"text": "   "}),
        json.dumps("a bare string line is fine too"),
        json.dumps({"text": "Estoy muy triste 😢 今天很难过"}),
        json.dumps({"text": "\x00\x01\x02 binary \x7f junk \ufffd"}),
        json.dumps({"no_text": "x"}),
        json.dumps({"text": "word " * 3000}),
    ]
    src = tmp_path / "in.jsonl"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", "--file", str(src), "--out", str(out)])
    assert res.exit_code == 0, res.output
    records = [json.loads(x) for x in out.read_text().splitlines()]
    assert [r["line"] for r in records] == [1, 5, 6, 7, 9]
    for bad in (2, 3, 4, 8):
        assert f"in.jsonl:{bad}:" in res.output
    said = " ".join(res.output.split())  # Rich wraps long paths at the terminal width
    assert "9 lines read: 5 analysed" in said and "4 errors" in said
    assert records[-1]["windows"] > 1
    assert all(KEYS <= set(r) for r in records)


def test_batch_txt_one_text_per_line(perceiver, tmp_path):
    src = tmp_path / "in.txt"
    src.write_text("thank you so much\n\nI hate waiting\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    res = runner.invoke(app, ["analyze", "--file", str(src), "--out", str(out)])
    assert res.exit_code == 0
    assert len(out.read_text().splitlines()) == 2 and "in.txt:2: empty text" in res.output


def test_missing_file_is_a_clear_error(tmp_path):
    res = runner.invoke(app, ["analyze", "--file", str(tmp_path / "nope.jsonl"), "--out", "x"])
    # the message wraps at the terminal width wherever the temp path ends: read it as words
    assert res.exit_code == 2 and "no such file" in " ".join(res.output.split())


def test_eval_emotion_json_contract(perceiver, tmp_path):
    data = tmp_path / "small.tsv"
    data.write_text(
        "Thank you so much, this is wonderful\t15\tid1\n"
        "I'm scared of the dark\t14\tid2\n"
        "broken line without labels\n"
        "That is hilarious lol\t1\tid3\n"
        "ok\t99\tid4\n", encoding="utf-8")
    res = runner.invoke(app, ["eval", "emotion", "--data", str(data), "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert out["n"] == 3 and out["errors"] == 2
    assert {"macro_f1", "micro_f1", "per_label"} <= set(out)
    assert set(out["per_label"]["gratitude"]) == {"precision", "recall", "f1", "support"}
    assert out["per_label"]["gratitude"]["support"] == 1
    assert "small.tsv:3" in res.output
