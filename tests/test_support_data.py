"""Corpus readers and the strategy taxonomy: bad input is named by line, the rest kept."""

import json

import pytest

from empathia.data.epitome import read_csv
from empathia.data.esconv import read_jsonl
from empathia.support.context import as_turns
from empathia.support.strategies import IDS, STRATEGIES, Stage, parse_strategy


def test_taxonomy_has_the_eight_esconv_strategies_with_stable_ids():
    assert IDS == ("question", "restatement", "reflection", "self_disclosure", "affirmation",
                   "suggestion", "information", "other")
    assert all(s.definition and s.name for s in STRATEGIES)
    assert parse_strategy("Providing Suggestions").value == "suggestion"
    assert parse_strategy("Others").value == "other"
    assert parse_strategy("reflection").value == "reflection"
    assert {s.stage for s in STRATEGIES} >= {Stage.exploration, Stage.comforting, Stage.action}
    with pytest.raises(ValueError, match="unknown strategy"):
        parse_strategy("Hugging")


def test_esconv_reader_reports_bad_lines_and_keeps_the_rest(tmp_path):
    good = {"dialog": [{"speaker": "usr", "text": "I feel low."},
                       {"speaker": "sys", "text": "What happened?", "strategy": "Question"}]}
    odd = {"dialog": [{"speaker": "usr", "text": "Hi"},
                      {"speaker": "sys", "text": "Hello", "strategy": "Telepathy"},
                      {"speaker": "sys", "text": "  ", "strategy": "Others"}]}
    path = tmp_path / "x.jsonl"
    path.write_text("\n".join([json.dumps(good), "{not json", json.dumps({"no": "dialog"}),
                               json.dumps(odd)]) + "\n")
    split = read_jsonl(path)
    assert len(split.conversations) == 2
    text = "\n".join(split.errors)
    assert "x.jsonl:2: not valid JSON" in text
    assert "x.jsonl:3:" in text and "dialog" in text
    assert "x.jsonl:4: turn 2: unknown strategy 'Telepathy'" in text
    assert "x.jsonl:4: turn 3 has an empty or missing text" in text
    # the unknown-strategy turn is kept without a label, so it is not scored
    assert split.n_supporter_turns == 2
    assert split.conversations[1].turns[1].strategy is None


def test_epitome_reader_handles_multiline_quoted_fields(tmp_path):
    path = tmp_path / "explorations.dev.csv"
    path.write_text('sp_id,rp_id,seeker_post,response_post,level,rationales\n'
                    'a,b,"I am sad,\nreally sad","Why? What\nhappened?",2,"What\nhappened?|"\n'
                    'c,d,hi,,1,\n'
                    'e,f,hi,there,7,\n')
    split = read_csv(path)
    assert len(split.rows) == 1
    row = split.rows[0]
    assert row.seeker_post == "I am sad,\nreally sad" and row.level == 2
    assert row.rationales == ["What\nhappened?"]
    assert len(split.errors) == 2 and all("explorations.dev.csv:" in e for e in split.errors)


def test_context_accepts_turn_lists_esconv_records_and_text():
    turns = as_turns([{"speaker": "usr", "text": "hi"},
                      {"speaker": "supporter", "text": "hello", "strategy": "Others"}])
    assert [t.speaker for t in turns] == ["seeker", "supporter"]
    assert turns[1].strategy.value == "other"
    assert as_turns({"dialog": [{"speaker": "usr", "text": "x"}]})[0].text == "x"
    assert as_turns("I am tired")[0].speaker == "seeker"
    with pytest.raises(ValueError):
        as_turns(42)
    with pytest.raises(ValueError, match="unknown speaker"):
        as_turns([{"speaker": "bot", "text": "x"}])
