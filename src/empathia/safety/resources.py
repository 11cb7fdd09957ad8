"""Crisis resources by locale, read from ``resources.yaml`` (numbers we are certain of only).

A locale may be a country code ("GB"), a language tag ("en-GB", "en_US") or a name the file
lists as an alias. An unknown locale gets "your local emergency number" (or 112 where the
EU-wide number applies) plus the international helpline directory.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import BaseModel

RESOURCES_FILE = Path(__file__).with_name("resources.yaml")


class Line(BaseModel):
    kind: str
    name: str
    number: str
    how: str = "call"
    hours: str = ""
    source: str
    last_checked: date

    def action(self) -> str:
        """"call 116 123", "text HOME to 741741", "call 13 11 14 or text 0477 13 11 14"."""
        how = self.how.strip()
        if how.startswith("text ") and how.endswith(" to"):
            return f"{how} {self.number}"
        if how.startswith("call or text"):
            return f"call or text {self.number}" + _tail(how[len("call or text"):])
        if how.startswith("call"):
            return f"call {self.number}" + _tail(how[len("call"):])
        return f"{how} {self.number}"

    def render(self) -> str:
        """"Samaritans on 116 123 (24/7, free)": how the protocol quotes a line."""
        how = self.how.strip()
        hours = self.hours if self.hours and "website" not in self.hours else ""
        notes: list[str] = []
        if how.startswith("text ") and how.endswith(" to"):
            notes.append(f"{how} {self.number}")
            if hours:
                notes.append(hours)
            return f"{self.name} ({', '.join(notes)})"
        if how.startswith("call or text"):
            notes.append("call or text")
            rest = _tail(how[len("call or text"):]).strip()
        else:
            rest = _tail(how[len("call"):]).strip() if how.startswith("call") else how
        if rest:
            notes.append(rest if rest.startswith("or ") else f"or {rest}")
        if hours:
            notes.append(hours)
        return f"{self.name} on {self.number}" + (f" ({'; '.join(notes)})" if notes else "")


def _tail(rest: str) -> str:
    """" (or text HELP to 51444)" -> " or text HELP to 51444"."""
    rest = rest.strip()
    if rest.startswith("(") and rest.endswith(")"):
        rest = rest[1:-1].strip()
    return f" {rest}" if rest else ""


class Directory(BaseModel):
    name: str
    url: str
    source: str
    last_checked: date


class LocaleResources(BaseModel):
    locale: str
    known: bool
    country: str | None
    emergency: Line | None
    emergency_text: str
    police: Line | None = None
    lines: list[Line]
    directory: Directory
    left_out: str | None = None

    def emergency_for(self, category: str | None) -> tuple[str, Line | None]:
        """The number to call now for this risk category, and its line (None: words only).

        Danger from another person (abuse, harm to others) needs the police where the
        general number is an ambulance service (Brazil's 192, Germany's 112)."""
        if category in ("abuse", "harm_to_others") and self.police is not None:
            return self.police.number, self.police
        return self.emergency_text, self.emergency

    def first(self, kind: str) -> Line | None:
        return next((ln for ln in self.lines if ln.kind == kind), None)

    def all(self, kind: str) -> list[Line]:
        return [ln for ln in self.lines if ln.kind == kind]


@lru_cache(maxsize=1)
def _raw() -> dict:
    return yaml.safe_load(RESOURCES_FILE.read_text(encoding="utf-8"))


def known_locales() -> list[str]:
    return list(_raw()["locales"])


def normalize_locale(locale: str | None) -> str:
    """"en-GB" -> "UK" (the file's key), "en_us" -> "US"; "" -> ""."""
    if not locale:
        return ""
    code = re.split(r"[-_.]", locale.strip())[-1].upper() if re.search(r"[-_]", locale) \
        else locale.strip().upper()
    raw = _raw()["locales"]
    if code in raw:
        return code
    for key, entry in raw.items():
        if code in [a.upper() for a in entry.get("aliases", [])]:
            return key
    return code


def resources_for(locale: str | None) -> LocaleResources:
    raw = _raw()
    d = raw["defaults"]
    directory = Directory(**d["directory"])
    key = normalize_locale(locale)
    entry = raw["locales"].get(key)
    if entry is None:
        eu = raw.get("emergency_only", {})
        number = next((n for n, codes in eu.items()
                       if isinstance(codes, list) and key in codes), None)
        emergency = None
        if number:
            emergency = Line(kind="emergency", name="Emergency services", number=number,
                             source=eu["source"], last_checked=eu["last_checked"])
        return LocaleResources(locale=key or "unknown", known=False, country=None,
                               emergency=emergency,
                               emergency_text=(number or d["emergency_text"]), lines=[],
                               directory=directory)
    em = entry["emergency"]
    emergency = Line(kind="emergency", **em)
    return LocaleResources(
        locale=key, known=True, country=entry["country"], emergency=emergency,
        emergency_text=emergency.number,
        lines=[Line(**ln) for ln in entry.get("lines", [])], directory=directory,
        left_out=entry.get("left_out"),
        police=Line(kind="police", **entry["police"]) if "police" in entry else None,
    )
