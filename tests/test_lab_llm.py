"""The lab's LLM path over real HTTP (MockLLM): what a real local server (llama.cpp with a
Gemma chat template) showed to be wrong. Never a real model here."""

import pytest

from empathia.lab.mockllm import MockLLM
from empathia.lab.systems import CompanionSystem, load_system

CONV = {"locale": "US", "user": "t", "turns": [{"speaker": "seeker", "text": "I lost my job"}]}


def test_llm_system_sends_the_documented_key(monkeypatch):
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    monkeypatch.delenv("EMPATHIA_LLM_API_KEY", raising=False)
    monkeypatch.setenv("EMPATHIA_LLM_KEY", "sekret")
    with MockLLM() as srv:
        load_system(f"llm:{srv.url}#m", retries=0).reply(CONV)
    assert srv.log[0]["auth"] == "Bearer sekret"


def test_embedded_system_never_uses_the_environment_llm(monkeypatch):
    """Companion(llm_url=None) falls back on EMPATHIA_LLM_URL; 'embedded' must not."""
    with MockLLM() as srv:
        monkeypatch.setenv("EMPATHIA_LLM_URL", srv.url)
        monkeypatch.setenv("EMPATHIA_LLM_MODEL", "m")
        s = load_system("embedded")
        assert isinstance(s, CompanionSystem)
        assert getattr(s._companion(), "llm", None) is None
        with_llm = load_system(f"empathia+llm:{srv.url}#m")
        assert with_llm._companion().llm is not None


def test_timeout_reaches_the_companion_realiser():
    """`--timeout` is the per-call limit of empathia+llm too (a CPU model needs more than
    the companion's 30 s default)."""
    s = load_system("empathia+llm:http://127.0.0.1:9/v1#m", timeout=123.0)
    assert s._companion().llm.config.timeout_s == 123.0
    assert load_system("empathia+llm:http://127.0.0.1:9/v1#m")._companion().llm.config.timeout_s \
        == pytest.approx(60.0)
