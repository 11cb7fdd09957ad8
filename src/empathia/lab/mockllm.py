"""A tiny OpenAI-compatible chat server for tests, benchmarks and dry runs (standard library
only; real HTTP, so the official ``openai`` client talks to it as to any endpoint). It is not
a model: it answers with ``reply`` when set, otherwise from a fixed pattern.

    >>> with MockLLM(latency=0.05) as srv:
    ...     system = load_system(f"llm:{srv.url}#mock")

``mode`` (may be changed while it runs):

- ``ok``: a chat completion (streamed as server-sent events when the request asks);
- ``garbage``: 200 with a body that is not JSON; ``error`` (or ``500``): HTTP 500;
- ``slow`` (or ``timeout``): sleeps ``latency`` seconds first (pair with a short client
  timeout); ``flaky``: 500 on every other request;
- ``empty``: a completion with no content; ``refusal``: "I can't help with that";
  ``unsafe``: a draft the guard must reject (diagnosis and medication advice).

``finish`` is the ``finish_reason`` it reports (``"length"`` to play a reply cut off by
the token limit). ``requests`` counts the calls served; ``log`` keeps each one's path, JSON body and
Authorization header, so tests can read the prompt they were sent.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

REFUSAL = "I'm sorry, but I can't help with that."
UNSAFE = "You clearly have depression. Stop taking your antidepressants and you'll be fine."


def _answer(messages: list[dict]) -> str:
    last = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"),
                "")
    words = re.findall(r"[A-Za-z']+", last)
    topic = " ".join(words[-4:]).lower() or "all of this"
    return (f"It sounds like {topic} has been weighing on you. I'm here with you. "
            f"What has that been like for you?")


class MockLLM:
    def __init__(self, mode: str = "ok", latency: float = 0.0, host: str = "127.0.0.1",
                 port: int = 0, reply: str | None = None, finish: str = "stop") -> None:
        self.mode, self.latency, self.reply, self.finish = mode, latency, reply, finish
        self.requests = 0
        self.log: list[dict[str, Any]] = []
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                try:
                    self.send_response(code)
                    self.send_header("Content-Type", ctype)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                except OSError:  # the client gave up first (a timeout), as it should
                    pass

            def _stream(self, text: str, model: str) -> None:
                self.send_response(200)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Connection", "close")
                self.end_headers()
                self.close_connection = True
                words = text.split(" ") if text else []
                for i, w in enumerate(words):
                    chunk = {"id": "mock", "object": "chat.completion.chunk", "created": 0,
                             "model": model, "choices": [{
                                 "index": 0, "delta": {"content": w if i == 0 else " " + w},
                                 "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                end = {"id": "mock", "object": "chat.completion.chunk", "created": 0,
                       "model": model,
                       "choices": [{"index": 0, "delta": {}, "finish_reason": outer.finish}]}
                self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                self.wfile.flush()

            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(n)
                try:
                    req = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    req = None
                with outer._lock:
                    outer.requests += 1
                    count = outer.requests
                    outer.log.append({"path": self.path, "body": req,
                                      "auth": self.headers.get("Authorization")})
                mode = outer.mode
                if outer.latency and mode in ("slow", "timeout", "ok"):
                    time.sleep(outer.latency)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                if mode in ("error", "500") or (mode == "flaky" and count % 2 == 1):
                    self._send(500, b'{"error": {"message": "internal error"}}')
                    return
                if mode == "garbage":
                    self._send(200, b"<html>definitely not a chat completion", "application/json")
                    return
                if req is None:
                    self._send(400, b'{"error": {"message": "bad json"}}')
                    return
                text = {"empty": "", "refusal": REFUSAL, "unsafe": UNSAFE}.get(
                    mode, outer.reply or _answer(req.get("messages") or []))
                model = req.get("model", "mock")
                if req.get("stream"):
                    self._stream(text, model)
                    return
                body = {"id": f"mock-{count}", "object": "chat.completion",
                        "created": int(time.time()), "model": model,
                        "choices": [{"index": 0, "finish_reason": outer.finish,
                                     "message": {"role": "assistant",
                                                 "content": text or None}}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                  "total_tokens": 2}}
                self._send(200, json.dumps(body).encode())

        self.server = ThreadingHTTPServer((host, port), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/v1"

    def start(self) -> "MockLLM":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def __enter__(self) -> "MockLLM":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
