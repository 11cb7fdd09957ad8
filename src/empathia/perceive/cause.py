"""Emotion causes by occlusion over clauses, from one encoder pass.

The sentence embedding is the mean of the contextual token vectors. Removing a clause's
tokens from that mean and re-reading the emotion head tells how much the clause moves the
felt emotion, with no extra encoder pass. Words that name the feeling itself ("terrified")
are kept in place: they express the emotion, they do not cause it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

from .encoder import TokenStates

# Boundaries: punctuation, and connectives that usually open the clause carrying a cause.
_CONNECTIVES = (
    "because", "cause", "cuz", "since", "as", "that", "when", "whenever", "if", "but", "and",
    "so", "after", "before", "until", "while", "though", "although", "whether",
)
# Prepositions open a cause only right after a feeling word: "scared of", "worried about".
_PREPOSITIONS = ("of", "about", "over", "for", "with", "at", "by")
_SUBJECTS = ("i", "i'll", "i'm", "i've", "i'd", "he", "she", "they", "we")
_CONNECTIVE_RE = re.compile(r"\b(?:%s)\b" % "|".join(_CONNECTIVES), re.IGNORECASE)
_SUBJECT_RE = re.compile(r"(?<=\w)\s+(?=(?:%s)\b)" % "|".join(re.escape(s) for s in _SUBJECTS),
                         re.IGNORECASE)
_PREP_RE = re.compile(r"\b([A-Za-z']+)\s+(%s)\b" % "|".join(_PREPOSITIONS), re.IGNORECASE)
_PUNCT_RE = re.compile(r"[.!?;:,\n()\u2014\u2013]+|\s-\s")

# Words that name a feeling: kept out of occlusion, and never returned as a cause.
FEELING_WORDS = frozenset("""
afraid angry annoyed anxious ashamed awful bitter broken crushed depressed desperate
devastated disappointed disgusted distraught down embarrassed empty exhausted fear feared
fearful feel feeling feelings felt frightened frustrated furious glad grateful grieving guilty
happy heartbroken helpless hopeless hurt jealous lonely lost mad miserable nervous numb
overwhelmed panicked panicking proud relieved sad scared shocked sick sorry stressed
stressing terrified thankful tired troubled unhappy upset worried worry worrying worthless
terrify terrifies excited hate hated love loved annoying scary so really very just i'm im am is are was
""".split())


@dataclass
class Clause:
    start: int
    end: int
    text: str


def clauses(text: str) -> list[Clause]:
    """Split into clause-like spans; a leading connective is left outside the span."""
    cuts = {0, len(text)}
    for m in _PUNCT_RE.finditer(text):
        cuts.update((m.start(), m.end()))
    for m in _CONNECTIVE_RE.finditer(text):
        cuts.update((m.start(), m.end()))
    for m in _SUBJECT_RE.finditer(text):
        cuts.add(m.end())
    for m in _PREP_RE.finditer(text):
        if m.group(1).lower() in FEELING_WORDS:
            cuts.update((m.start(2), m.end(2)))
    points = sorted(cuts)
    out: list[Clause] = []
    for a, b in zip(points, points[1:]):
        seg = text[a:b]
        word = seg.strip().lower()
        if not word or _PUNCT_RE.fullmatch(seg) or _CONNECTIVE_RE.fullmatch(word) \
                or word in _PREPOSITIONS:
            continue
        lead = len(seg) - len(seg.lstrip())
        trail = len(seg) - len(seg.rstrip())
        out.append(Clause(a + lead, b - trail, seg.strip()))
    return out


# Words that open a clause that states why ("because I might lose my job", "worried about
# the surgery", "angry that my boss ...").
_CAUSE_CUES = frozenset({"because", "cause", "cuz", "since", "that", "as", "after", "when",
                         "whenever", "about", "of", "over", "for", "by", "with", "at"})
# Words too common to mark a clause as an expression of feeling.
_WEAK_FEELING = frozenset("feel feeling feelings felt so really very just i'm im am is are was"
                          .split())
_EXPRESSIONS = re.compile(r"\b(?:can'?t|cannot) believe\b|\bmakes? me (?:feel|want)\b",
                          re.IGNORECASE)


def _holds_feeling(text: str) -> bool:
    """True when the clause names a feeling ("I feel lonely") or voices one ("I can't
    believe it"): it expresses the emotion rather than causing it."""
    words = re.findall(r"[a-z']+", text.lower())
    return any(w in FEELING_WORDS and w not in _WEAK_FEELING for w in words) \
        or bool(_EXPRESSIONS.search(text))


_STOP = frozenset(ENGLISH_STOP_WORDS) | {"i'm", "im", "i'll", "i've", "i'd", "don't", "can't"}


def _content_words(text: str) -> list[str]:
    return [w for w in re.findall(r"[a-z']+", text.lower())
            if w not in FEELING_WORDS and w not in _STOP]


def _cue_before(text: str, start: int) -> str | None:
    m = re.search(r"([a-z']+)\W*$", text[:start].lower())
    return m.group(1) if m else None


def find_causes(text: str, states: TokenStates, head, top_k: int = 3) -> list[dict]:
    """Rank the clauses that most plausibly caused the dominant (non-neutral) emotion.

    Two signals, because the emotion-tuned encoder leans on feeling words so strongly that
    occlusion alone rarely moves the head when a feeling is named outright:

    * occlusion: with the feeling words themselves set aside, how much the emotion's logit
      drops when the clause's token vectors are removed from the mean (one encoder pass);
    * discourse: a clause opened by a causal word ("because", "that", "about" after a
      feeling) or following a clause that names the feeling is where people say why;
      a clause that itself names or voices the feeling expresses it and is not a cause.

    ``head`` is an EmotionHead. Returns ``[{"start","end","text","score"}]``, best first,
    positive scores only, normalised to sum to 1.
    """
    vecs = states.vectors
    if len(vecs) == 0:
        return []
    every = clauses(text)
    # A clause with no content word (only feeling words, pronouns, connectives) is no cause.
    spans = [c for c in every if _content_words(c.text)]
    if not spans:
        return []
    tok_text = [text[a:b].lower() for a, b in states.offsets]
    feeling_tok = np.array([t in FEELING_WORDS for t in tok_text])
    # Pronouns, connectives and word pieces carry no cause; a "rest" made only of them
    # gives the head nothing meaningful to read.
    minor = np.array([len(t) < 2 or t in _STOP for t in tok_text])

    def pooled(mask: np.ndarray) -> np.ndarray:
        v = vecs[mask].mean(axis=0)
        return v / (np.linalg.norm(v) + 1e-9)

    base_logits = head.logits(pooled(np.ones(len(vecs), dtype=bool)))
    neutral = head.labels.index("neutral")
    order = np.argsort(-base_logits)
    target = int(order[0] if order[0] != neutral else order[1])
    content = ~feeling_tok & ~minor
    base = float(head.logits(pooled(content))[target]) if content.any() else 0.0
    # Clauses that voice the feeling, or say nothing else ("I feel | so empty").
    feeling = [c for c in every if _holds_feeling(c.text) or not _content_words(c.text)]
    scored = []
    for c in spans:
        inside = np.array([a >= c.start and b <= c.end and b > a for a, b in states.offsets])
        rest = content & ~inside
        if not (inside & content).any() or not rest.any():
            drop = 0.0
        else:
            drop = base - float(head.logits(pooled(rest))[target])
        score = float(np.tanh(drop))
        if _cue_before(text, c.start) in _CAUSE_CUES:
            score += 1.0
        elif any(0 <= c.start - f.end <= 3 for f in feeling):
            score += 0.5   # "I'm terrified | I'll fail my exams"
        elif any(0 <= f.start - c.end <= 8 for f in feeling):
            score += 0.75  # "I failed my driving test again | and I'm embarrassed"
        if _holds_feeling(c.text):
            score -= 1.5
        if score > 0:
            scored.append((score, c))
    total = sum(d for d, _ in scored) or 1.0
    scored.sort(key=lambda x: -x[0])
    return [{"start": c.start, "end": c.end, "text": c.text, "score": round(d / total, 4)}
            for d, c in scored[:top_k]]
