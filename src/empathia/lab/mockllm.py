"""A tiny OpenAI-compatible chat server for tests, benchmarks and dry runs of the lab
(standard library only; real HTTP, so the official ``openai`` client talks to it as to any
endpoint). It is not a model: it answers from a fixed pattern.

    >>> with MockLLM(latency=0.05) as srv:
    ...     system = load_system(f"llm:{srv.url}#mock")

``mode``: ``ok`` (a chat completion), ``garbage`` (200 with a body that is not JSON),
``slow`` (sleeps ``latency`` before answering: pair it with a short client timeout),
``error`` (HTTP 500), ``empty`` (a completion with no content), ``flaky`` (500 on every
other request). ``requests`` counts the calls served.
"""

from __future__ import annotations

import json
import re
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def _answer(messages: list[dict]) -> str:
    last = next((m.get("content") or "" for m in reversed(messages) if m.get("role") == "user"),
                "")
    words = re.findall(r"[A-Za-z']+", last)
    topic = " ".join(words[-4:]).lower() or "all of this"
    return (f"It sounds like {topic} has been weighing on you. I'm here with you. "
            f"What has that been like for you?")


class MockLLM:
    def __init__(self, mode: str = "ok", latency: float = 0.0, host: str = "127.0.0.1",
                 port: int = 0) -> None:
        self.mode, self.latency = mode, latency
        self.requests = 0
        self._lock = threading.Lock()
        outer = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args) -> None:  # keep test output quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                try:
                    self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length") or 0)
                raw = self.rfile.read(n)
                with outer._lock:
                    outer.requests += 1
                    count = outer.requests
                if outer.latency:
                    time.sleep(outer.latency)
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._send(404, b'{"error": {"message": "not found"}}')
                    return
                mode = outer.mode
                if mode == "error" or (mode == "flaky" and count % 2 == 1):
                    self._send(500, b'{"error": {"message": "internal error"}}')
                    return
                if mode == "garbage":
                    self._send(200, b"<html>definitely not a chat completion", "application/json")
                    return
                try:
                    req = json.loads(raw or b"{}")
                except json.JSONDecodeError:
                    self._send(400, b'{"error": {"message": "bad json"}}')
                    return
                content = None if mode == "empty" else _answer(req.get("messages") or [])
                body = {"id": f"mock-{count}", "object": "chat.completion",
                        "created": int(time.time()), "model": req.get("model", "mock"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": content}}],
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
