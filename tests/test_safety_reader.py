"""The fine-tuned risk reader (``safety.reader``): what it reads, how it joins an
assessment, that it refuses another encoder, and a tiny training run from the command line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from empathia.cli import app
from empathia.safety.levels import Level
from empathia.safety.reader import READER_NAME, ReaderReading, RiskReader
from empathia.safety.risk import Evidence, reader_evidence

SHIPPED = Path(__file__).resolve().parents[1] / "src" / "empathia" / "models" / READER_NAME


@pytest.fixture(scope="module")
def reader() -> RiskReader:
    if not (SHIPPED / "head.npz").is_file():
        pytest.skip("no shipped risk reader")
    try:
        return RiskReader(SHIPPED)
    except (ValueError, OSError) as err:
        pytest.skip(f"risk reader not loadable here: {err}")


def test_reads_a_quiet_plan_and_leaves_everyday_talk(reader):
    plan, calm, joke = reader.read_many([
        "I've worked out which night nobody will be home and I've saved up enough of my "
        "tablets. I just want it to be quiet when it happens.",
        "Work has been a lot this week, but I finally cleaned the flat and called my mum.",
        "this commute is killing me, two hours on the train again lol",
    ])
    assert plan.fires and plan.category == "self_harm" and plan.level.rank >= Level.moderate.rank
    assert not calm.fires and not joke.fires


def test_a_long_message_is_read_to_its_end(reader):
    """A risk sentence after several hundred words of everyday talk still counts: the
    message is read window by window, not cut at the encoder's token limit."""
    everyday = ("Work was long again today and the bus was late, so I walked part of the "
                "way and picked up some bread and milk on the way home. ") * 12
    plan = ("I've saved up enough of my tablets and I've picked the night nobody will be "
            "home. I just want it to be quiet when it happens.")
    long_one, = reader.read_many([everyday + plan])
    alone, = reader.read_many([plan])
    assert len(everyday) > 1500
    assert long_one.fires and long_one.category == "self_harm"
    assert abs(long_one.p_risk - alone.p_risk) < 0.05


def _reading(level: str, fires: bool = True, category: str = "self_harm") -> ReaderReading:
    return ReaderReading(p_risk=0.95 if fires else 0.1, category=category, level=Level(level),
                         fires=fires)


def test_the_reader_raises_a_reading_to_its_level_less_one():
    text = "I don't think I'll be around for the holidays, and that's fine."
    got = reader_evidence(text, _reading("high"), [], [], True)
    assert [(e.level, e.category, e.rule) for e in got] == \
        [(Level.moderate, "self_harm", "model.reader")]
    # never below low
    assert reader_evidence(text, _reading("low"), [], [], True)[0].level == Level.low


def test_the_reader_never_lowers_or_overrides_a_veto():
    text = "my character decides she won't be around for the holidays"
    stronger = [Evidence(start=0, end=5, text=text[:5], category="self_harm",
                         level=Level.high, rule="sh.x")]
    assert reader_evidence(text, _reading("high"), stronger, [], True) == []
    # a false-alarm check (here: fiction) switched something off: the reader stays quiet
    assert reader_evidence(text, _reading("imminent"), [], ["sh.x:fiction_or_study"], True) == []
    # unsure, or a language we do not read: quiet
    assert reader_evidence(text, _reading("high", fires=False), [], [], True) == []
    assert reader_evidence(text, _reading("high"), [], [], False) == []


def test_a_veto_gives_way_when_the_reader_and_the_backstop_both_read_risk():
    text = "I'm not going to do anything, I just don't want to exist anymore"
    negated = ["sh.x:negated"]
    assert reader_evidence(text, _reading("moderate"), [], negated, True) == []
    # both models read risk: the check gives way and the reader's level counts in full
    got = reader_evidence(text, _reading("moderate"), [], negated, True, backstop_agrees=True)
    assert [(e.level, e.rule) for e in got] == [(Level.moderate, "model.reader")]
    # and it speaks from its lower threshold
    between = ReaderReading(p_risk=0.7, category="self_harm", level=Level.high, fires=False,
                            fires_with_backstop=True)
    assert reader_evidence(text, between, [], [], True) == []
    assert [e.level for e in reader_evidence(text, between, [], [], True,
                                             backstop_agrees=True)] == [Level.high]
    # still nothing when the reader is unsure or the language is not one we read
    assert reader_evidence(text, _reading("high", fires=False), [], negated, True,
                           backstop_agrees=True) == []
    assert reader_evidence(text, _reading("high"), [], negated, False,
                           backstop_agrees=True) == []


def test_a_reader_trained_on_another_encoder_is_refused(tmp_path):
    if not (SHIPPED / "head.npz").is_file():
        pytest.skip("no shipped risk reader")
    copy = tmp_path / READER_NAME
    shutil.copytree(SHIPPED, copy)
    meta = json.loads((copy / "meta.json").read_text())
    meta["base_fingerprint"] = "another-encoder"
    (copy / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(ValueError, match="another encoder"):
        RiskReader(copy)


def test_train_risk_reader_tiny_run(tmp_path):
    examples = tmp_path / "examples.jsonl"
    examples.write_text("\n".join(json.dumps(r) for r in [
        {"id": "a", "text": "I have the pills counted out for tonight", "risk": True,
         "category": "self_harm", "min_level": "imminent"},
        {"id": "b", "text": "he said he would kill me if I left", "risk": True,
         "category": "abuse", "min_level": "high"},
        {"id": "c", "text": "this exam is killing me", "risk": False, "category": "none",
         "min_level": "none"},
    ]) + "\n")
    everyday = tmp_path / "train.jsonl"
    everyday.write_text("\n".join(json.dumps({"dialog": [
        {"speaker": "usr", "text": f"I have been busy at work lately, day {i} of it"},
        {"speaker": "sys", "text": "That sounds like a lot."}]}) for i in range(12)) + "\n")
    out = tmp_path / "reader"
    result = CliRunner().invoke(app, ["train", "risk-reader", "--examples", str(examples),
                                      "--everyday", str(everyday), "--out", str(out),
                                      "--max-steps", "2"])
    assert result.exit_code == 0, result.output
    meta = json.loads((out / "meta.json").read_text())
    assert meta["everyday_fit"] == 12 and 0.0 <= meta["threshold"] <= 1.0
    readings = RiskReader(out).read_many(["I have the pills counted out for tonight"])
    assert readings[0].category in ("self_harm", "harm_to_others", "abuse", "medical")


def test_train_risk_reader_refuses_a_reserved_blind_file(tmp_path):
    everyday = tmp_path / "train.jsonl"
    everyday.write_text("")
    result = CliRunner().invoke(app, ["train", "risk-reader", "--examples",
                                      "tests/data/risk_probes_blind_m.jsonl",
                                      "--everyday", str(everyday), "--out",
                                      str(tmp_path / "r")])
    assert result.exit_code != 0 and "reserved" in result.output.lower()
