"""Turn the speaker's words into the listener's: "I might lose my job" -> "you might lose
your job". Used to reflect a cause back in replies."""

from __future__ import annotations

import re

_SWAPS = {
    "i": "you", "me": "you", "my": "your", "mine": "yours", "myself": "yourself",
    "i'm": "you're", "im": "you're", "i've": "you've", "ive": "you've", "i'll": "you'll",
    "i'd": "you'd", "am": "are", "we": "you", "us": "you", "our": "your", "ours": "yours",
    "ourselves": "yourselves",
}
# "was"/"wasn't" follow "I" -> "were"/"weren't"; other subjects keep "was".
_AFTER_I = {"was": "were", "wasn't": "weren't", "wasnt": "weren't"}
# Letters glued to digits are not words ("3am", "mp3"): they are never swapped.
_WORD = re.compile(r"(?<![A-Za-z0-9])[A-Za-z]+(?:['\u2019][A-Za-z]+)?(?![A-Za-z0-9])")


def _match_case(src: str, dst: str) -> str:
    """Keep a capital only where the writer chose one ("My" -> "Your"; "I" -> "you")."""
    if src[:1].isupper() and not src.lower().startswith("i"):
        return dst[:1].upper() + dst[1:]
    return dst


def reflect(text: str) -> str:
    """Swap first person for second person, keeping everything else as written."""
    out: list[str] = []
    pos = 0
    prev_was_i = False
    letters = [c for c in text if c.isalpha()]
    if len(letters) > 3 and sum(c.isupper() for c in letters) > 0.6 * len(letters):
        # Shouted words are reflected in a normal voice, not shouted back.
        text = text.lower()
    for m in _WORD.finditer(text):
        word = m.group(0)
        low = word.lower().replace("\u2019", "'")
        # In ordinary text an all-capitals word is an abbreviation ("the US", "ME"), not a
        # pronoun; in shouted text it is just a word.
        abbrev = len(word) > 1 and word.isupper()
        rep = None if abbrev else _SWAPS.get(low)
        if rep is None and prev_was_i:
            rep = _AFTER_I.get(low)
        out.append(text[pos:m.start()])
        out.append(_match_case(word, rep) if rep else word)
        pos = m.end()
        prev_was_i = low == "i"
    out.append(text[pos:])
    return "".join(out)
