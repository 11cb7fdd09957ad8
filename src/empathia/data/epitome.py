"""EPITOME reader (Sharma et al. 2020): ``<mechanism>.<split>.csv`` with columns
``sp_id, rp_id, seeker_post, response_post, level, rationales``. Fields span several lines,
so the csv module reads them; ``rationales`` is a ``|``-separated list of response spans."""

from __future__ import annotations

import csv
from dataclasses import dataclass, field
from pathlib import Path

MECHANISMS: tuple[str, ...] = ("emotional_reactions", "interpretations", "explorations")
FILE_NAMES = {m: m.replace("_", "-") for m in MECHANISMS}


class DataError(ValueError):
    """A data file that cannot be read at all."""


@dataclass
class EpitomeRow:
    seeker_post: str
    response_post: str
    level: int
    rationales: list[str]
    line: int = 0


@dataclass
class EpitomeSplit:
    rows: list[EpitomeRow]
    errors: list[str] = field(default_factory=list)


def mechanism_file(folder: str | Path, mechanism: str, split: str) -> Path:
    return Path(folder) / f"{FILE_NAMES[mechanism]}.{split}.csv"


def read_csv(path: str | Path) -> EpitomeSplit:
    path = Path(path)
    if not path.is_file():
        raise DataError(f"{path}: no such file")
    out = EpitomeSplit([])
    with path.open(encoding="utf-8", errors="replace", newline="") as fh:
        reader = csv.DictReader(fh)
        missing = {"seeker_post", "response_post", "level"} - set(reader.fieldnames or [])
        if missing:
            raise DataError(f"{path}: missing column(s) {', '.join(sorted(missing))}")
        for row in reader:
            where = f"{path.name}:{reader.line_num}"
            seeker, reply = (row.get("seeker_post") or ""), (row.get("response_post") or "")
            if not reply.strip():
                out.errors.append(f"{where}: empty response_post; row skipped")
                continue
            try:
                level = int(str(row.get("level", "")).strip())
                if level not in (0, 1, 2):
                    raise ValueError
            except ValueError:
                out.errors.append(f"{where}: level must be 0, 1 or 2, got {row.get('level')!r}")
                continue
            spans = [s.strip() for s in (row.get("rationales") or "").split("|") if s.strip()]
            out.rows.append(EpitomeRow(seeker, reply, level, spans, reader.line_num))
    return out


def read_folder(folder: str | Path, split: str) -> dict[str, EpitomeSplit]:
    return {m: read_csv(mechanism_file(folder, m, split)) for m in MECHANISMS}
