"""System specs, and endpoints that fail, over real HTTP with the official openai client."""

import json
import sys

import pytest

from empathia.lab.mockllm import MockLLM
from empathia.lab.replay import ReplayTask
from empathia.lab.run import Scorer, run_task
from empathia.lab.systems import (CallableSystem, LLMSystem, ResponsesSystem, SpecError,
                                  SystemFailure, load_system, parse_endpoint)

CONV = {"locale": "US", "user": "t", "turns": [{"speaker": "seeker", "text": "I lost my job"}]}


@pytest.mark.parametrize("spec,msg", [
    ("gpt4", "unknown system"),
    ("", "unknown system"),
    ("llm:http://localhost:8000/v1", "needs a model"),
    ("llm:localhost:8000#m", "expected http"),
    ("empathia+llm:http://x/v1#", "expected http"),
    ("responses:", "needs a file"),
    ("responses:/no/such/file.jsonl", "no such file"),
])
def test_bad_specs(spec, msg):
    with pytest.raises(SpecError, match=msg):
        load_system(spec)


def test_spec_parsing(tmp_path):
    assert parse_endpoint("http://h:1/v1#a#b") == ("http://h:1/v1#a", "b")
    s = load_system("llm:http://127.0.0.1:9/v1#tiny")
    assert isinstance(s, LLMSystem) and s.endpoint.model == "tiny" and s.concurrent
    f = tmp_path / "r.jsonl"
    f.write_text('{"id": "d1", "turn": 0, "text": "Hi there."}\nnot json\n{"id": "d1"}\n')
    r = load_system(f"responses:{f}")
    assert isinstance(r, ResponsesSystem) and len(r.errors) == 2
    assert r.reply(CONV, ("d1", 0)).text == "Hi there."
    with pytest.raises(SystemFailure, match="no reply for dialogue 'd1' turn 1"):
        r.reply(CONV, ("d1", 1))
    bad = tmp_path / "bad.jsonl"
    bad.write_text("nope\n")
    with pytest.raises(SpecError, match="no usable line"):
        load_system(f"responses:{bad}")


def test_callable_system():
    s = load_system(lambda conv: "  I'm here.  ")
    assert isinstance(s, CallableSystem) and s.reply(CONV).text == "I'm here."
    assert load_system(lambda c: {"text": "ok", "strategy": "question"}).reply(CONV).strategy \
        == "question"
    with pytest.raises(SystemFailure, match="returned no text"):
        load_system(lambda c: "").reply(CONV)
    with pytest.raises(SystemFailure, match="ZeroDivisionError"):
        load_system(lambda c: 1 / 0).reply(CONV)
    with pytest.raises(SpecError):
        load_system(42)


def test_companion_missing_is_a_clear_error(monkeypatch):
    monkeypatch.setitem(sys.modules, "empathia.companion", None)
    with pytest.raises(SpecError, match="companion is not available"):
        load_system("embedded")


def _llm(srv, **kw):
    s = load_system(f"llm:{srv.url}#mock", timeout=kw.get("timeout", 5), retries=kw.get("retries", 1))
    s.endpoint.backoff = 0.01
    return s


def test_endpoint_ok_and_retry():
    with MockLLM("ok") as srv:
        assert "weighing on you" in _llm(srv).reply(CONV).text
    with MockLLM("flaky") as srv:  # first call 500, the retry succeeds
        assert _llm(srv).reply(CONV).text
        assert srv.requests == 2


@pytest.mark.parametrize("mode,reason", [("garbage", "JSONDecodeError"), ("error", "500"),
                                         ("empty", "empty or unreadable")])
def test_endpoint_failures_are_reported(mode, reason):
    with MockLLM(mode) as srv:
        with pytest.raises(SystemFailure, match=reason) as err:
            _llm(srv, retries=2).reply(CONV)
        assert "after 3 attempts" in str(err.value) and srv.requests == 3


def test_endpoint_timeout_is_recorded_in_a_run(tmp_path):
    data = tmp_path / "d.jsonl"
    data.write_text(json.dumps({"dialog": [
        {"speaker": "usr", "text": "I can't sleep."},
        {"speaker": "sys", "text": "That sounds exhausting.", "strategy": "Reflection of feelings"},
        {"speaker": "usr", "text": "It is."},
        {"speaker": "sys", "text": "How long has it been?", "strategy": "Question"}]}) + "\n")
    with MockLLM("slow", latency=1.0) as srv:
        system = _llm(srv, timeout=0.2, retries=1)
        res = run_task(ReplayTask(), system, data, tmp_path / "run", concurrency=2,
                       scorer=Scorer(use_models=False), progress=False)
    assert res.metrics["errors"] == 2 and res.metrics["n_turns"] == 0
    recs = [json.loads(x) for x in (tmp_path / "run" / "items.jsonl").read_text().splitlines()]
    assert len(recs) == 2 and all("APITimeoutError" in r["error"] for r in recs)
    assert all(r["error_kind"] == "system" for r in recs)
    assert "APITimeoutError" in res.metrics["run"]["error_reasons"][0]
