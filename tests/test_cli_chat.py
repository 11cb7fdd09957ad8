"""``empathia chat``, the README's main job, driven as a person would drive it: lines typed
on stdin, replies read from the terminal. The LLM path talks real HTTP to a local
OpenAI-compatible test server (``MockLLM``)."""

from __future__ import annotations

from pathlib import Path

from typer.testing import CliRunner

from empathia.cli import app
from empathia.lab.mockllm import MockLLM


def _chat(args: list[str], lines: list[str]) -> str:
    out = CliRunner().invoke(app, ["chat", *args], input="\n".join(lines) + "\n")
    assert out.exit_code == 0, out.output
    return out.output


def test_chat_answers_offline_explains_each_turn_and_ends_on_quit():
    text = _chat(["--explain", "--locale", "UK"],
                 ["I failed my driving test again and I feel so stupid", "/quit",
                  "this line is never read"])
    assert "I'm empathia, an AI companion" in text
    # one reply to the one message, with its explanation, then the goodbye
    assert text.count("╭─ empathia") == 2
    for row in ("emotion", "cause", "risk", "stage", "strategy", "rationale", "realiser"):
        assert f"\n{row} " in text or f" {row} " in text, row
    assert "embedded" in text
    assert text.rstrip().endswith("Take care. You can come back any time.")


def test_chat_meets_risk_with_the_crisis_protocol_for_the_locale():
    text = _chat(["--locale", "UK"], ["I have the pills in my hand and I'm taking them tonight"])
    flat = " ".join(text.split())
    assert "999" in flat and "AI" in flat  # the emergency number first, honest about limits
    assert "Samaritans" in flat


def test_chat_remembers_the_person_in_the_next_session(tmp_path: Path):
    db = tmp_path / "memory.db"
    _chat(["--user", "ann", "--db", str(db)],
          ["My exam on Friday is all I can think about, I'm so anxious about failing it",
           "/bye"])
    again = " ".join(_chat(["--user", "ann", "--db", str(db)], []).split())
    assert "Hi ann, it's good to see you again" in again
    assert "exam" in again


def test_chat_goes_on_with_a_damaged_memory_and_says_so_once(tmp_path: Path):
    db = tmp_path / "memory.db"
    db.write_bytes(b"not a database" * 100)
    text = " ".join(_chat(["--user", "ann", "--db", str(db)],
                          ["I lost my job today"]).split())
    assert text.count("looks damaged") == 1
    assert "memory.db.pending.jsonl" in text
    assert text.count("╭─ empathia") == 2  # greeting and a reply: the conversation went on
    assert (tmp_path / "memory.db.pending.jsonl").is_file()  # the turn is kept to add back


def test_chat_through_an_llm_streams_its_reply_and_falls_back_when_it_fails():
    with MockLLM(reply="That sounds like a really heavy week. What has been hardest about "
                       "it?") as srv:
        text = _chat(["--llm", srv.url, "--model", "mock"], ["This week has been so heavy"])
        assert srv.requests >= 1
        assert "What has been hardest about it?" in " ".join(text.split())
        srv.mode = "error"
        text = _chat(["--llm", srv.url, "--model", "mock", "--explain"],
                     ["This week has been so heavy"])
        assert "empathia (offline)" in text  # the panel says the offline engine answered
        assert "What has been hardest about it?" not in " ".join(text.split())
