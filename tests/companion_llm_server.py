"""A local OpenAI-compatible chat server for tests: real HTTP, told how to behave.

``mode``: ok | stream-ok | 500 | timeout | garbage | empty | refusal | unsafe. It records
every request body so tests can read the prompt the companion sent.
"""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GOOD = ("That sounds so painful, losing someone you built a life with. What has the "
        "hardest part of the evenings been?")
UNSAFE = "You clearly have depression. Stop taking your antidepressants and you'll be fine."
REFUSAL = "I'm sorry, but I can't help with that."


class FakeLLM:
    def __init__(self) -> None:
        self.mode = "ok"
        self.requests: list[dict] = []
        self.delay_s = 3.0
        handler = self._handler()
        self.server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/v1"

    def start(self) -> "FakeLLM":
        self.thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()

    def _text(self) -> str:
        return {"refusal": REFUSAL, "unsafe": UNSAFE, "empty": ""}.get(self.mode, GOOD)

    def _handler(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args) -> None:  # quiet
                pass

            def _send(self, code: int, body: bytes, ctype: str = "application/json") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def do_POST(self) -> None:  # noqa: N802
                n = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(n) or b"{}")
                fake.requests.append({"path": self.path, "body": body,
                                      "auth": self.headers.get("Authorization")})
                if not self.path.endswith("/chat/completions"):
                    return self._send(404, b'{"error": {"message": "not found"}}')
                mode = fake.mode
                if mode == "500":
                    return self._send(500, b'{"error": {"message": "boom"}}')
                if mode == "timeout":
                    time.sleep(fake.delay_s)
                    try:
                        self._send(200, b"{}")
                    except OSError:  # the client gave up first, as it should
                        pass
                    return None
                if mode == "garbage":
                    return self._send(200, b"<html>this is not json", "application/json")
                text = fake._text()
                if body.get("stream"):
                    self.send_response(200)
                    self.send_header("Content-Type", "text/event-stream")
                    self.end_headers()
                    words = text.split(" ") if text else []
                    for i, w in enumerate(words):
                        piece = w if i == 0 else " " + w
                        chunk = {"id": "c1", "object": "chat.completion.chunk", "created": 0,
                                 "model": body.get("model"), "choices": [
                                     {"index": 0, "delta": {"content": piece},
                                      "finish_reason": None}]}
                        self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                        self.wfile.flush()
                    end = {"id": "c1", "object": "chat.completion.chunk", "created": 0,
                           "model": body.get("model"),
                           "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                    self.wfile.write(f"data: {json.dumps(end)}\n\ndata: [DONE]\n\n".encode())
                    self.wfile.flush()
                    return None
                resp = {"id": "c1", "object": "chat.completion", "created": 0,
                        "model": body.get("model"),
                        "choices": [{"index": 0, "finish_reason": "stop",
                                     "message": {"role": "assistant", "content": text}}],
                        "usage": {"prompt_tokens": 1, "completion_tokens": 1,
                                  "total_tokens": 2}}
                return self._send(200, json.dumps(resp).encode())

        return Handler
