"""Systems under test: anything that answers a conversation with a supporter reply.

    >>> from empathia.lab.systems import load_system
    >>> sys = load_system("llm:http://localhost:11434/v1#llama3.1")
    >>> sys.reply({"locale": "US", "user": "u1", "turns": [{"speaker": "seeker", "text": "hi"}]})

Specs:

- ``embedded``                  empathia's companion with its own offline realiser;
- ``llm:URL#MODEL``             any OpenAI-compatible chat endpoint with a plain supporter prompt;
- ``empathia+llm:URL#MODEL``    the companion, realising its plan through that LLM;
- ``responses:FILE.jsonl``      precomputed replies, one JSON line per supporter turn:
                                ``{"id": dialogue id, "turn": turn index, "text": reply}``;
- a Python callable ``f(conversation) -> str`` (or a dict / object with ``text``), for
  library users: ``load_system(my_function)``.

A system that fails raises :class:`SystemFailure` with the reason; the runner records it as
an error item (never dropped). Endpoints are retried first (``retries``, with backoff).
"""

from __future__ import annotations

import os
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Protocol

from ..data.jsonl import json_lines

SUPPORTER_PROMPT = (
    "You are a warm, attentive emotional-support listener talking with someone who is "
    "going through a hard time. Reply as a caring person would in a chat: briefly (one to "
    "three sentences), in plain words, following what they said. Do not diagnose, do not "
    "lecture, and if they may be in danger, gently ask about their safety and point them "
    "to real help.")


class SpecError(ValueError):
    """A system spec that cannot be understood (or whose file cannot be read)."""


class SystemFailure(RuntimeError):
    """The system could not produce a reply for this item (the reason is the message)."""


@dataclass
class SystemReply:
    text: str
    strategy: str | None = None  # the system's own account of its move, when it has one
    meta: dict[str, Any] = field(default_factory=dict)


class System(Protocol):
    name: str
    #: can several replies be produced at once (threads) without a lock
    concurrent: bool

    def reply(self, conversation: dict, key: tuple[str, int] | None = None) -> SystemReply:
        ...


# -- OpenAI-compatible endpoints ------------------------------------------------------------
def parse_endpoint(spec: str, what: str = "endpoint") -> tuple[str, str]:
    """``URL#MODEL`` -> (url, model); SpecError with an example otherwise."""
    if "#" not in spec:
        raise SpecError(f"{what} {spec!r} needs a model: URL#MODEL, e.g. "
                        "http://localhost:11434/v1#llama3.1")
    url, model = spec.rsplit("#", 1)
    if not url.startswith(("http://", "https://")) or not model.strip():
        raise SpecError(f"{what} {spec!r}: expected http(s)://HOST[:PORT]/PATH#MODEL")
    return url, model.strip()


class Endpoint:
    """One OpenAI-compatible chat endpoint through the official client; each call is
    retried ``retries`` times (backoff ``backoff * 2**k`` seconds) and then raises
    SystemFailure naming the last error."""

    def __init__(self, url: str, model: str, timeout: float = 60.0, retries: int = 2,
                 backoff: float = 0.5, temperature: float = 0.7, max_tokens: int = 200) -> None:
        from openai import OpenAI

        self.url, self.model = url, model
        self.retries, self.backoff = retries, backoff
        self.temperature, self.max_tokens = temperature, max_tokens
        key = (os.environ.get("EMPATHIA_LLM_KEY") or os.environ.get("EMPATHIA_LLM_API_KEY")
               or os.environ.get("OPENAI_API_KEY") or "none")
        self.client = OpenAI(base_url=url, api_key=key, timeout=timeout, max_retries=0)

    def chat(self, messages: list[dict], seed: int | None = None) -> str:
        """The reply text. A retry after an empty answer uses the next seed: with the same
        seed a deterministic server (llama.cpp) returns the same empty answer again."""
        last = "no attempt"
        for attempt in range(self.retries + 1):
            if attempt:
                time.sleep(self.backoff * 2 ** (attempt - 1))
            try:
                resp = self.client.chat.completions.create(
                    model=self.model, messages=messages, temperature=self.temperature,
                    max_tokens=self.max_tokens, seed=None if seed is None else seed + attempt)
                text = _content(resp)
                if text:
                    return text
                last = "empty or unreadable reply from the endpoint"
            except Exception as err:  # every client error is an endpoint failure here
                last = f"{type(err).__name__}: {str(err)[:200]}"
        raise SystemFailure(f"{self.url} ({self.model}) failed after {self.retries + 1} "
                            f"attempts: {last}")


def _content(resp: object) -> str:
    """The reply text of a chat completion, or '' for anything that is not one."""
    try:
        text = resp.choices[0].message.content  # type: ignore[attr-defined]
    except (AttributeError, IndexError, TypeError):
        return ""
    return text.strip() if isinstance(text, str) else ""


#: the user turn put first when the supporter speaks first (half of ESConv's dialogues open
#: with a supporter greeting) or has not heard anything yet: many chat templates (Gemma,
#: Mistral, Llama 2) need the first turn after the system prompt to be the user's, and
#: without any user turn a model only continues the system prompt
OPENING = "(The person has just joined the chat.)"


def to_messages(conversation: dict, system_prompt: str) -> list[dict]:
    """system, then user/assistant strictly alternating, starting with a user turn."""
    msgs = [{"role": "system", "content": system_prompt}]
    for t in conversation.get("turns", []):
        role = "assistant" if t.get("speaker") == "supporter" else "user"
        if len(msgs) == 1 and role == "assistant":
            msgs.append({"role": "user", "content": OPENING})
        if msgs[-1]["role"] == role:
            msgs[-1]["content"] += "\n" + t["text"]  # consecutive utterances: one message
        else:
            msgs.append({"role": role, "content": t["text"]})
    if len(msgs) == 1:  # nothing said yet: the supporter opens
        msgs.append({"role": "user", "content": OPENING})
    return msgs


def leak(text: str, prompt: str) -> str | None:
    """What a raw endpoint reply lets through besides a reply to the person: chat-template
    markup (the model wrote on into the next turn) or its system prompt said back (eight
    consecutive words of it). None for a clean reply."""
    import re

    from ..respond.llm import cut_markup

    words = re.findall(r"[a-z']+", prompt.lower())
    said = " " + " ".join(re.findall(r"[a-z']+", text.lower())) + " "
    if any(" " + " ".join(words[i:i + 8]) + " " in said for i in range(len(words) - 7)):
        return "system prompt"
    if cut_markup(text) != text:
        return "chat-template markup"
    return None


class LLMSystem:
    """The raw endpoint under test: its reply is logged and scored as it came (a model that
    writes on past its turn is measured doing so); ``meta["leak"]`` says when it did."""

    concurrent = True

    def __init__(self, url: str, model: str, prompt: str = SUPPORTER_PROMPT, **kw) -> None:
        self.endpoint = Endpoint(url, model, **kw)
        self.prompt = prompt
        self.name = f"llm:{url}#{model}"

    def reply(self, conversation: dict, key: tuple[str, int] | None = None) -> SystemReply:
        text = self.endpoint.chat(to_messages(conversation, self.prompt))
        return SystemReply(text, meta={"leak": leak(text, self.prompt)})


# -- empathia's companion -------------------------------------------------------------------
def _companion_class():
    try:
        from ..companion import Companion  # type: ignore[attr-defined]
    except ImportError as err:
        raise SpecError(f"empathia's companion is not available in this install ({err}); "
                        "the 'embedded' and 'empathia+llm:' systems need empathia.companion") \
            from err
    return Companion


CONTRACT_KEYS = ("locale", "user", "turns")


class CompanionSystem:
    """The companion, embedded or with an LLM realiser. One instance per thread for the
    LLM variant (so calls overlap); one shared instance behind a lock for the embedded one
    (it is CPU-bound)."""

    def __init__(self, locale: str = "US", seed: int = 0, llm: tuple[str, str] | None = None,
                 timeout: float | None = None) -> None:
        self.cls = _companion_class()
        self.locale, self.seed, self.llm = locale, seed, llm
        self.timeout = timeout
        self.concurrent = llm is not None
        self.name = "embedded" if llm is None else f"empathia+llm:{llm[0]}#{llm[1]}"
        self._lock = threading.Lock()
        self._local = threading.local()
        self._shared = self._make() if llm is None else None

    def _make(self):
        url, model = self.llm or (None, None)
        kw = {}
        if self.llm is not None and self.timeout is not None:
            from ..companion import CompanionSettings  # type: ignore[attr-defined]

            kw["settings"] = CompanionSettings(llm_timeout_s=self.timeout)
        try:
            c = self.cls(locale=self.locale, seed=self.seed, llm_url=url, llm_model=model, **kw)
        except FileNotFoundError as err:
            raise SpecError(f"the companion could not load its models: {err}") from err
        if self.llm is None and getattr(c, "llm", None) is not None:
            # the companion falls back on EMPATHIA_LLM_URL when given no endpoint; the
            # 'embedded' system must measure the embedded realiser whatever the environment
            c.llm = None
        return c

    def _companion(self):
        if self._shared is not None:
            return self._shared
        if getattr(self._local, "c", None) is None:
            with self._lock:
                self._local.c = self._make()
        return self._local.c

    def reply(self, conversation: dict, key: tuple[str, int] | None = None) -> SystemReply:
        conv = {k: conversation[k] for k in CONTRACT_KEYS if k in conversation}
        conv.setdefault("locale", self.locale)
        companion = self._companion()
        try:
            if self._shared is not None:
                with self._lock:
                    r = companion.reply(conv)
            else:
                r = companion.reply(conv)
        except (ValueError, RuntimeError) as err:
            raise SystemFailure(f"companion: {type(err).__name__}: {err}") from err
        plan = getattr(r, "plan", None)
        strategy = getattr(plan, "strategy", None)
        strategy = getattr(strategy, "value", strategy)
        meta = {"realiser": getattr(r, "realiser", None),
                "notes": [str(n) for n in (getattr(r, "notes", None) or [])]}
        try:
            meta["reply"] = r.to_dict()
        except Exception:  # the contract promises to_dict; a missing one is not fatal here
            pass
        return SystemReply(str(r.text), None if strategy is None else str(strategy), meta)


# -- a file of replies ----------------------------------------------------------------------
def _response_key(obj: dict) -> tuple[str, int] | None:
    did = obj.get("id", obj.get("dialogue_id"))
    turn = obj.get("turn", obj.get("turn_index"))
    if did is None or not isinstance(turn, int) or isinstance(turn, bool):
        return None
    return str(did), int(turn)


class ResponsesSystem:
    concurrent = True

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        if not self.path.is_file():
            raise SpecError(f"responses file {self.path}: no such file")
        self.name = f"responses:{self.path}"
        self.replies: dict[tuple[str, int], dict] = {}
        self.errors: list[str] = []
        for ln in json_lines(self.path):
            if ln.error:
                self.errors.append(ln.error)
                continue
            obj = ln.value
            key = _response_key(obj) if isinstance(obj, dict) else None
            text = obj.get("text", obj.get("reply")) if isinstance(obj, dict) else None
            if key is None or not isinstance(text, str):
                self.errors.append(f'{ln.where}: expected {{"id", "turn" (an integer), "text"}}')
                continue
            self.replies[key] = obj
        if not self.replies:
            raise SpecError(f"responses file {self.path}: no usable line"
                            + (f" ({self.errors[0]})" if self.errors else ""))

    def reply(self, conversation: dict, key: tuple[str, int] | None = None) -> SystemReply:
        if key is None:
            raise SystemFailure("a responses file answers only items with a dialogue id "
                                "and turn index")
        obj = self.replies.get((str(key[0]), int(key[1])))
        if obj is None:
            raise SystemFailure(f"{self.path.name} has no reply for dialogue {key[0]!r} "
                                f"turn {key[1]}")
        text = obj.get("text", obj.get("reply"))
        if not text.strip():
            raise SystemFailure(f"{self.path.name}: empty reply for dialogue {key[0]!r} "
                                f"turn {key[1]}")
        return SystemReply(text.strip(), obj.get("strategy"))


# -- a Python callable ------------------------------------------------------------------------
class CallableSystem:
    def __init__(self, fn: Callable[[dict], Any], name: str | None = None,
                 concurrent: bool = False) -> None:
        self.fn = fn
        self.name = name or f"python:{getattr(fn, '__qualname__', repr(fn))}"
        self.concurrent = concurrent
        self._lock = threading.Lock()

    def reply(self, conversation: dict, key: tuple[str, int] | None = None) -> SystemReply:
        try:
            if self.concurrent:
                out = self.fn(conversation)
            else:
                with self._lock:
                    out = self.fn(conversation)
        except Exception as err:
            raise SystemFailure(f"{self.name}: {type(err).__name__}: {err}") from err
        if isinstance(out, SystemReply):
            return out
        if isinstance(out, dict):
            text, strategy = out.get("text"), out.get("strategy")
        else:
            text, strategy = getattr(out, "text", out), None
        if not isinstance(text, str) or not text.strip():
            raise SystemFailure(f"{self.name} returned no text ({type(out).__name__})")
        return SystemReply(text.strip(), strategy)


SPEC_HELP = ("embedded | llm:URL#MODEL | empathia+llm:URL#MODEL | responses:FILE.jsonl "
             "(or a Python callable from the library)")


def load_system(spec: str | Callable | object, locale: str = "US", seed: int = 0,
                timeout: float = 60.0, retries: int = 2) -> System:
    """A system from its spec; SpecError (clear, with the accepted forms) otherwise."""
    if callable(spec) and not isinstance(spec, str):
        return CallableSystem(spec)
    if not isinstance(spec, str):
        if hasattr(spec, "reply"):
            return spec  # already a system
        raise SpecError(f"unknown system {spec!r}; expected {SPEC_HELP}")
    s = spec.strip()
    if s == "embedded":
        return CompanionSystem(locale, seed)
    if s.startswith("llm:"):
        url, model = parse_endpoint(s[4:], "llm system")
        return LLMSystem(url, model, timeout=timeout, retries=retries)
    if s.startswith("empathia+llm:"):
        url, model = parse_endpoint(s[len("empathia+llm:"):], "empathia+llm system")
        return CompanionSystem(locale, seed, (url, model), timeout=timeout)
    if s.startswith("responses:"):
        path = s[len("responses:"):]
        if not path:
            raise SpecError("responses: needs a file, e.g. responses:replies.jsonl")
        return ResponsesSystem(path)
    raise SpecError(f"unknown system {spec!r}; expected {SPEC_HELP}")
