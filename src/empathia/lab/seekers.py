"""``simulated-seekers``: a seeker with a problem, a feeling, an intensity, things that help
and things that hurt, and a hidden need talks with the system for N turns; after every
reply the seeker's emotional state (0 worst - 100 best) moves by fixed, inspectable rules.

State update after each reply (``delta``, then clamped to 0-100):

- empathy: +2 per EPITOME level (emotional reactions + interpretations + explorations,
  project model; 0..12);
- stage fit: the conversation's stage is exploration for replies 1-2, comforting for 3-4,
  action after; a strategy (project tagger) of the current stage +4, advice
  (suggestion/information) during exploration -4, ``other`` -1;
- the hidden need: a strategy that serves it +5; a strategy the seeker finds hurtful -6;
- repetition: the same strategy as the previous reply -3; every sentence the system
  already said in this conversation -3 (at most -9);
- the guard: -15 per high or critical finding (at most -30), -5 per medium one;
- a constant -3: a reply that does none of the above does not help.

What the embedded seeker CAN tell you: how a system's replies fare under these rules over a
fixed, reproducible opening (the ESConv situation) - whether it explores before advising,
varies its moves, shows empathy the project's model can see, avoids repeating itself and
stays clear of the guard. What it CANNOT tell you: how a person would feel. Its utterances
are templated (it answers a question with the next sentence of its situation, reacts to
the last delta, and hints at its need on its third turn); it does not understand the reply,
so relevance, accuracy and tone beyond the models' reach are invisible to it, and a system
tuned to these rules can game them. Use ``--seeker-llm`` for natural seeker turns (the
state still moves by the same rules, so runs stay comparable).
"""

from __future__ import annotations

import random
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..support.sentences import split_sentences
from ..support.strategies import IDS, Stage, info
from . import metrics as M
from ..data.jsonl import json_lines
from .run import Item, Scorer
from ..respond.llm import cut_markup
from .systems import Endpoint, System, SystemFailure, parse_endpoint

NEEDS = {
    "to_be_heard": ("question", "restatement", "reflection"),
    "comfort": ("reflection", "affirmation", "self_disclosure"),
    "practical_help": ("suggestion", "information"),
}
HURTS = {
    "to_be_heard": ("suggestion", "information"),  # advice before being heard
    "comfort": ("information",),                   # facts instead of warmth
    "practical_help": ("self_disclosure", "other"),  # talking about yourself, small talk
}
HINTS = {
    "to_be_heard": "I think I mostly just need someone to listen to me for once.",
    "comfort": "Part of me keeps thinking this is all my fault.",
    "practical_help": "I just don't know what to actually do next.",
}


@dataclass
class Persona:
    id: str
    problem: str
    situation: str
    feeling: str
    intensity: int  # 1 (mild) - 5 (severe)
    hidden_need: str
    helps: list[str] = field(default_factory=list)
    hurts: list[str] = field(default_factory=list)

    def start_state(self) -> int:
        return max(5, 60 - 10 * self.intensity)


def _need_from_strategies(labels: list[str]) -> str:
    """The need an ESConv dialogue's supporter ended up serving: practical help when a
    third or more of the labelled moves are advice or information, comfort when a third or
    more are reflection/affirmation/self-disclosure, else being heard."""
    if not labels:
        return "to_be_heard"
    share = {k: sum(x in v for x in labels) / len(labels) for k, v in NEEDS.items()
             if k != "to_be_heard"}
    if share["practical_help"] >= 1 / 3:
        return "practical_help"
    if share["comfort"] >= 1 / 3:
        return "comfort"
    return "to_be_heard"


def persona_from_esconv(obj: dict, pid: str) -> Persona:
    situation = str(obj.get("situation") or "").strip()
    if not situation:
        raise ValueError("the record has no situation")
    try:
        intensity = int(obj["survey_score"]["seeker"]["initial_emotion_intensity"])
    except (KeyError, TypeError, ValueError):
        intensity = 3
    labels = []
    from ..support.strategies import parse_strategy

    for t in obj.get("dialog") or []:
        if isinstance(t, dict) and t.get("strategy"):
            try:
                labels.append(parse_strategy(t["strategy"]).value)
            except ValueError:
                pass
    need = _need_from_strategies(labels)
    return Persona(pid, str(obj.get("problem_type") or "a problem"), situation,
                   str(obj.get("emotion_type") or "upset"), min(5, max(1, intensity)), need,
                   list(NEEDS[need]), list(HURTS[need]))


def persona_from_dict(obj: dict, pid: str) -> Persona:
    missing = [k for k in ("problem", "situation", "feeling") if not str(obj.get(k) or "").strip()]
    if missing:
        raise ValueError(f"persona needs {', '.join(missing)}")
    need = obj.get("hidden_need", "to_be_heard")
    if need not in NEEDS:
        raise ValueError(f"hidden_need {need!r}; expected one of {', '.join(NEEDS)}")
    intensity = obj.get("intensity", 3)
    if not isinstance(intensity, int) or not 1 <= intensity <= 5:
        raise ValueError("intensity must be an integer 1-5")
    for k in ("helps", "hurts"):
        bad = [s for s in obj.get(k, []) if s not in IDS]
        if bad:
            raise ValueError(f"{k}: unknown strategies {bad}; expected ids like {IDS[0]}")
    return Persona(str(obj.get("id", pid)), obj["problem"], obj["situation"], obj["feeling"],
                   intensity, need, list(obj.get("helps") or NEEDS[need]),
                   list(obj.get("hurts") or HURTS[need]))


def seeker_items(path: Path, limit: int | None) -> list[Item]:
    items: list[Item] = []
    for ln in json_lines(Path(path), limit):
        if ln.error:
            items.append(Item(f"line{ln.lineno}", {"line": ln.lineno}, ln.error))
            continue
        obj = ln.value
        try:
            if not isinstance(obj, dict):
                raise ValueError("expected a JSON object")
            if "dialog" in obj:
                from .replay import dialogue_id

                p = persona_from_esconv(obj, dialogue_id(obj, ln.lineno))
            else:
                p = persona_from_dict(obj, str(ln.lineno))
        except ValueError as err:
            items.append(Item(f"line{ln.lineno}", {"line": ln.lineno}, f"{ln.where}: {err}"))
            continue
        items.append(Item(p.id, {"persona": asdict(p), "line": ln.lineno}))
    return items


# -- the state rules --------------------------------------------------------------------------
def stage_at(k: int) -> Stage:
    return Stage.exploration if k < 2 else Stage.comforting if k < 4 else Stage.action


def update(state: float, k: int, persona: Persona, strategy: str | None,
           empathy: dict | None, prev_strategy: str | None, repeated: int,
           guard: dict | None) -> tuple[float, dict]:
    """The new state after reply ``k`` (0-based) and the parts of the change."""
    parts: dict[str, float] = {"base": -3.0}
    parts["empathy"] = 2.0 * sum((empathy or {}).values())
    fit = 0.0
    if strategy is not None:
        st = info(strategy).stage
        now = stage_at(k)
        if strategy == "other":
            fit = -1.0
        elif st == now:
            fit = 4.0
        elif now == Stage.exploration and st == Stage.action:
            fit = -4.0
    parts["stage_fit"] = fit
    parts["need"] = (5.0 if strategy in persona.helps else 0.0) - \
        (6.0 if strategy in persona.hurts else 0.0)
    parts["repetition"] = (-3.0 if strategy is not None and strategy == prev_strategy else 0.0) \
        - min(9.0, 3.0 * repeated)
    g = 0.0
    for f in (guard or {}).get("findings", []):
        g -= 15.0 if f["severity"] in ("high", "critical") else 5.0 if f["severity"] == "medium" \
            else 0.0
    parts["guard"] = max(-30.0, g)
    new = min(100.0, max(0.0, state + sum(parts.values())))
    return new, parts


# -- the embedded seeker -----------------------------------------------------------------------
def _sentences(text: str) -> list[str]:
    return [text[a:b].strip() for a, b in split_sentences(text) if text[a:b].strip()]


FEELING_WORDS = {"depression": "really down", "anxiety": "really anxious", "anger": "so angry",
                 "sadness": "really sad", "fear": "scared", "shame": "ashamed",
                 "disgust": "disgusted", "nervousness": "nervous", "jealousy": "jealous",
                 "guilt": "guilty", "pain": "hurt", "loneliness": "lonely"}


class EmbeddedSeeker:
    """Templated, deterministic given (persona, seed): reads only the last delta, whether
    the reply asked a question, and the turn number."""

    def __init__(self, persona: Persona, seed: int = 0) -> None:
        self.p = persona
        self.rng = random.Random(f"{seed}:{persona.id}")
        self.facts = _sentences(persona.situation)
        self.next_fact = 1

    def opening(self) -> str:
        feel = FEELING_WORDS.get(self.p.feeling.lower(), self.p.feeling.lower())
        first = self.facts[0] if self.facts else self.p.situation
        return self.rng.choice([f"Hi. I've been feeling {feel} lately. {first}",
                                f"Hey. I'm {feel} and I don't know who else to tell. {first}",
                                f"I need to talk to someone. {first} I feel {feel}."])

    def respond(self, reply: str, k: int, state: float, delta: float) -> str:
        parts = []
        if delta >= 6:
            parts.append(self.rng.choice(["Yeah, that's it exactly.", "Thank you, that helps.",
                                          "That actually makes me feel a bit better."]))
        elif delta <= -4:
            parts.append(self.rng.choice(["I'm not sure that's what I need right now.",
                                          "That doesn't really help.",
                                          "I don't think you get it."]))
        else:
            parts.append(self.rng.choice(["Maybe.", "I guess.", "Okay."]))
        if "?" in reply:
            if self.next_fact < len(self.facts):
                parts.append(self.facts[self.next_fact])
                self.next_fact += 1
            else:
                parts.append(self.rng.choice(["I don't really know what else to say about it.",
                                              f"It's just the {self.p.problem} thing, all the "
                                              "time."]))
        if k == 1:
            parts.append(HINTS[self.p.hidden_need])
        parts.append("I feel awful." if state < 30 else "It's still hard." if state < 60
                     else "I'm feeling a little better talking about it.")
        return " ".join(parts)


class LLMSeeker:
    """An LLM voices the seeker from the persona and the current state."""

    def __init__(self, persona: Persona, endpoint: Endpoint, seed: int = 0) -> None:
        self.p, self.endpoint, self.seed = persona, endpoint, seed
        self.history: list[dict] = []

    def _prompt(self, state: float) -> str:
        mood = ("in a very bad place" if state < 25 else "struggling" if state < 50
                else "somewhat steadier" if state < 75 else "noticeably better")
        return (f"You are role-playing a person seeking emotional support in a chat. Your "
                f"problem: {self.p.problem}. Your situation: {self.p.situation} You feel "
                f"{self.p.feeling} (intensity {self.p.intensity}/5). Right now you are {mood}. "
                f"What you really need (never say it outright; let it show): "
                f"{self.p.hidden_need.replace('_', ' ')}. Write only your next chat message, "
                f"one to three short sentences, plain and natural.")

    GREETING = "Hi, I'm here to listen. What's going on?"

    def _say(self, state: float) -> str:
        # From the seeker's point of view the supporter is the user. The supporter's greeting
        # always comes first, so the roles alternate user/assistant from the start (chat
        # templates such as Gemma's refuse a conversation that opens with the assistant).
        msgs = [{"role": "system", "content": self._prompt(state)},
                {"role": "user", "content": self.GREETING}]
        for t in self.history:
            msgs.append({"role": "assistant" if t["speaker"] == "seeker" else "user",
                         "content": t["text"]})
        raw = self.endpoint.chat(msgs, seed=self.seed)
        # a model without its chat template writes on into the next turn: keep its own
        text = cut_markup(raw).strip().strip('"').strip()
        if not text:
            raise SystemFailure(f"the seeker LLM answered only chat-template markup: "
                                f"{raw[:80]!r}")
        return text

    def opening(self) -> str:
        text = self._say(self.p.start_state())
        self.history.append({"speaker": "seeker", "text": text})
        return text

    def respond(self, reply: str, k: int, state: float, delta: float) -> str:
        self.history.append({"speaker": "supporter", "text": reply})
        text = self._say(state)
        self.history.append({"speaker": "seeker", "text": text})
        return text


class SeekerTask:
    name = "simulated-seekers"
    batch_size = 1

    def __init__(self, turns: int = 6, seeker_llm: str | None = None, seed: int = 0,
                 locale: str = "US", timeout: float = 60.0, retries: int = 2) -> None:
        if turns < 1:
            raise ValueError("--turns must be at least 1")
        self.turns, self.seed, self.locale = turns, seed, locale
        self.seeker_llm = seeker_llm
        self.endpoint = None
        if seeker_llm:
            url, model = parse_endpoint(seeker_llm, "--seeker-llm")
            self.endpoint = Endpoint(url, model, timeout=timeout, retries=retries)

    def items(self, data: Path | None, limit: int | None) -> list[Item]:
        if data is None:
            raise ValueError("simulated-seekers needs --data: an ESConv .jsonl (situations) "
                             "or a persona .jsonl")
        return seeker_items(data, limit)

    def solve(self, item: Item, system: System, scorer: Scorer) -> dict:
        p = Persona(**item.input["persona"])
        seeker = (LLMSeeker(p, self.endpoint, self.seed) if self.endpoint
                  else EmbeddedSeeker(p, self.seed))
        state = float(p.start_state())
        traj = [state]
        turns = [{"speaker": "seeker", "text": seeker.opening()}]
        transcript = [dict(turns[0], state=state)]
        said: set[str] = set()
        prev = None
        strategies, steps = [], []
        for k in range(self.turns):
            conv = {"locale": self.locale, "user": f"lab-seeker-{p.id}", "turns": list(turns)}
            r = system.reply(conv, (p.id, k))
            a = scorer.assess_many([(turns, r.text)])[0]
            strategy = (a or {}).get("strategy") or (r.strategy if r.strategy in IDS else None)
            sents = M.sentences(r.text)
            repeated = sum(s in said for s in sents)
            said.update(sents)
            g = scorer.guard(r.text, turns)
            new, parts = update(state, k, p, strategy, (a or {}).get("empathy"), prev,
                                repeated, g)
            delta = new - state
            state, prev = new, strategy
            traj.append(round(state, 2))
            strategies.append(strategy)
            steps.append({"strategy": strategy, "realiser": r.meta.get("realiser"),
                          "notes": r.meta.get("notes") or [],
                          "empathy": (a or {}).get("empathy"),
                          "guard": [f["kind"] for f in g["findings"]], "parts": parts,
                          "delta": round(delta, 2)})
            turns.append({"speaker": "supporter", "text": r.text})
            transcript.append({"speaker": "supporter", "text": r.text, "state": round(state, 1)})
            if k < self.turns - 1:
                said_next = seeker.respond(r.text, k, state, delta)
                turns.append({"speaker": "seeker", "text": said_next})
                transcript.append({"speaker": "seeker", "text": said_next})
        scores = {"start": traj[0], "final": traj[-1], "change": round(traj[-1] - traj[0], 2),
                  "trajectory": traj, "strategies": strategies,
                  "strategy_reuse": round(M.strategy_reuse([strategies]), 4),
                  "guard_findings": sum(len(s["guard"]) for s in steps),
                  "repeated_sentences": M.repeated_sentences([t["text"] for t in turns
                                                              if t["speaker"] == "supporter"])[0],
                  "steps": steps}
        return {"input": item.input, "output": {"transcript": transcript},
                "scores": scores, "turns": self.turns}

    def score_batch(self, records: list[dict], scorer: Scorer) -> None:
        return None

    def metrics(self, records: list[dict], scorer: Scorer) -> dict:
        ok = [r for r in records if not r.get("error") and r.get("scores")]
        finals = [r["scores"]["final"] for r in ok]
        changes = [r["scores"]["change"] for r in ok]
        n = max((len(r["scores"]["trajectory"]) for r in ok), default=0)
        mean_traj = [round(sum(r["scores"]["trajectory"][i] for r in ok
                               if len(r["scores"]["trajectory"]) > i)
                           / max(1, sum(len(r["scores"]["trajectory"]) > i for r in ok)), 2)
                     for i in range(n)]
        strategies = [s for r in ok for s in r["scores"]["strategies"]]
        return {
            "n_seekers": len(ok),
            "turns": self.turns,
            "seeker": "llm:" + self.seeker_llm if self.seeker_llm else "embedded",
            "final_score": round(sum(finals) / len(finals), 2) if finals else None,
            "mean_change": round(sum(changes) / len(changes), 2) if changes else None,
            "improved": round(sum(c > 0 for c in changes) / len(changes), 4) if changes else None,
            "worsened": round(sum(c < 0 for c in changes) / len(changes), 4) if changes else None,
            "strategy_reuse": round(M.strategy_reuse([r["scores"]["strategies"] for r in ok]), 4),
            "guard_findings": sum(r["scores"]["guard_findings"] for r in ok),
            "repeated_sentences": sum(r["scores"]["repeated_sentences"] for r in ok),
            "errors": sum(1 for r in records if r.get("error")),
            "mean_trajectory": mean_traj,
            "details": {"strategy_distribution": M.distribution(strategies)},
            "notes": [
                "The seeker state moves by fixed rules (empathy levels, strategy fit to stage "
                "and hidden need, repetition, guard findings); see empathia.lab.seekers.",
                "The embedded seeker is templated: it cannot judge relevance or tone and "
                "cannot tell you how a person would feel; use --seeker-llm for natural "
                "seeker turns." if not self.seeker_llm else
                "Seeker turns voiced by an LLM; the state still follows the fixed rules."],
        }

