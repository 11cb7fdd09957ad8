"""Memory: people, sessions, turns and remembered facts, in SQLAlchemy.

By default a SQLite file under the user's data folder (nothing leaves the machine); any
SQLAlchemy URL (``postgresql+psycopg://...``) by argument.

Two promises shape this module:

* **No turn is lost.** A write that cannot reach the database (locked by another process
  past the busy timeout, a damaged file) is kept in memory and appended to a small journal
  file next to the database; the next successful write, in this process or another, replays
  the journal. Records carry their own ids, so a replay never duplicates anything.
* **A clear error, never a traceback.** Failures surface as ``StoreError`` with one plain
  sentence that names the file; ``MemoryStore.open`` turns a damaged file into a working,
  journal-only store and a message the conversation can show.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import math
import os
import sqlite3
import time
import uuid
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, Iterator, Sequence

from sqlalchemy import (
    JSON, DateTime, Float, ForeignKey, Integer, String, Text, create_engine, delete, event,
    func, select,
)
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import OperationalError, SQLAlchemyError
from sqlalchemy.orm import DeclarativeBase, Mapped, Session, mapped_column, sessionmaker
from sqlalchemy.pool import StaticPool

try:  # POSIX advisory locks keep two processes from replaying one journal at once
    import fcntl
except ImportError:  # pragma: no cover - Windows: replay stays idempotent, only less tidy
    fcntl = None  # type: ignore[assignment]

DB_FILENAME = "memory.db"
_DB_ERRORS = (SQLAlchemyError, OSError, sqlite3.Error)
SPEAKERS = ("seeker", "supporter")


def default_url() -> str:
    """``sqlite:///<user data dir>/memory.db`` (platformdirs), creating the folder."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("empathia", appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{folder / DB_FILENAME}"


def _now() -> datetime:
    return datetime.now(timezone.utc)


def _utc(dt: datetime) -> datetime:
    return dt if dt.tzinfo else dt.replace(tzinfo=timezone.utc)


class StoreError(RuntimeError):
    """The memory database cannot be used; the message is meant for a person to read."""


# ---------------------------------------------------------------------------------------
# Schema
# ---------------------------------------------------------------------------------------
class Base(DeclarativeBase):
    pass


class User(Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(200), unique=True, index=True)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class ConversationSession(Base):
    __tablename__ = "sessions"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    started: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)
    ended: Mapped[datetime | None] = mapped_column(DateTime(timezone=True), nullable=True)


class Turn(Base):
    __tablename__ = "turns"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    session_id: Mapped[str] = mapped_column(ForeignKey("sessions.id", ondelete="CASCADE"),
                                            index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    seq: Mapped[int] = mapped_column(Integer)  # order within the session, from the writer
    speaker: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(Text)
    # emotions, strategy, risk level, stage ... whatever perception and planning produced
    annotations: Mapped[dict[str, Any]] = mapped_column(JSON, default=dict)
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


class Fact(Base):
    __tablename__ = "facts"
    id: Mapped[str] = mapped_column(String(32), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"), index=True)
    session_id: Mapped[str | None] = mapped_column(
        ForeignKey("sessions.id", ondelete="SET NULL"), nullable=True)
    kind: Mapped[str] = mapped_column(String(40))  # name, event, helps, hurts, ...
    text: Mapped[str] = mapped_column(Text)
    topic: Mapped[str | None] = mapped_column(String(40), nullable=True, index=True)
    valence: Mapped[float | None] = mapped_column(Float, nullable=True)  # mood when said
    mood: Mapped[list[float] | None] = mapped_column(JSON, nullable=True)  # mood embedding
    created: Mapped[datetime] = mapped_column(DateTime(timezone=True), default=_now)


# ---------------------------------------------------------------------------------------
# Values handed to callers
# ---------------------------------------------------------------------------------------
@dataclass
class SaveResult:
    saved: bool  # reached the database now
    pending: int = 0  # records kept in memory and in the journal, waiting for the database
    message: str | None = None  # for the person, when not saved


@dataclass
class TurnRecord:
    id: str
    session_id: str
    seq: int
    speaker: str
    text: str
    annotations: dict[str, Any]
    created: datetime


@dataclass
class FactRecord:
    id: str
    kind: str
    text: str
    topic: str | None
    valence: float | None
    created: datetime
    session_id: str | None = None
    mood: list[float] | None = field(default=None, repr=False)


@dataclass
class Recalled:
    fact: FactRecord
    score: float
    topic_match: float
    mood_match: float


# ---------------------------------------------------------------------------------------
# Error translation
# ---------------------------------------------------------------------------------------
_LOCKED = ("database is locked", "database table is locked", "busy")
_CORRUPT = ("file is not a database", "malformed", "not a database", "file is encrypted",
            "disk image")


def _is_locked(exc: BaseException) -> bool:
    return any(s in str(exc).lower() for s in _LOCKED)


def _explain(exc: BaseException, where: str) -> StoreError:
    msg = str(getattr(exc, "orig", exc) or exc).strip().splitlines()[0] if str(exc) else ""
    low = msg.lower()
    if _is_locked(exc):
        return StoreError(f"the memory database {where} is busy (another empathia window may be "
                          "writing to it); this turn is kept and will be saved shortly")
    if any(s in low for s in _CORRUPT):
        return StoreError(f"the memory database {where} looks damaged and cannot be read "
                          f"({msg}); move it aside to start a fresh memory")
    if "unable to open" in low or "readonly" in low or "permission" in low:
        return StoreError(f"the memory database {where} cannot be opened for writing ({msg})")
    if "connection" in low or "could not connect" in low or "refused" in low:
        return StoreError(f"cannot reach the memory database {where} ({msg})")
    return StoreError(f"the memory database {where} failed: {msg or type(exc).__name__}")


# ---------------------------------------------------------------------------------------
# Journal: records that did not reach the database yet
# ---------------------------------------------------------------------------------------
class Journal:
    """An append-only JSON-lines file of records, replayed and cleared after a good write."""

    def __init__(self, path: Path) -> None:
        self.path = path

    @contextlib.contextmanager
    def _locked(self) -> Iterator[Any]:
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+", encoding="utf-8") as fh:
            if fcntl is not None:
                fcntl.flock(fh, fcntl.LOCK_EX)
            try:
                yield fh
            finally:
                if fcntl is not None:
                    fcntl.flock(fh, fcntl.LOCK_UN)

    def append(self, record: dict[str, Any]) -> None:
        with self._locked() as fh:
            fh.write(json.dumps(record, ensure_ascii=False) + "\n")
            fh.flush()
            os.fsync(fh.fileno())

    def read(self) -> list[dict[str, Any]]:
        if not self.path.exists():
            return []
        out = []
        for line in self.path.read_text(encoding="utf-8").splitlines():
            with contextlib.suppress(json.JSONDecodeError):  # a torn last line is skipped
                out.append(json.loads(line))
        return out

    @contextlib.contextmanager
    def draining(self) -> Iterator[list[dict[str, Any]]]:
        """Yield the records under the lock; clear the file if the block succeeds."""
        if not self.path.exists():
            yield []
            return
        with self._locked() as fh:
            fh.seek(0)
            records = []
            for line in fh.read().splitlines():
                with contextlib.suppress(json.JSONDecodeError):
                    records.append(json.loads(line))
            yield records
            fh.truncate(0)  # the file stays: unlinking it could strand a waiting writer

    def drop_user(self, user: str) -> int:
        if not self.path.exists():
            return 0
        with self._locked() as fh:
            fh.seek(0)
            lines = fh.read().splitlines()
            keep = [ln for ln in lines if _record_user(ln) != user]
            fh.truncate(0)
            fh.writelines(ln + "\n" for ln in keep)
        return len(lines) - len(keep)


def _record_user(line: str) -> str | None:
    try:
        return json.loads(line).get("user")
    except (json.JSONDecodeError, AttributeError):
        return None


# ---------------------------------------------------------------------------------------
# The store
# ---------------------------------------------------------------------------------------
class MemoryStore:
    """Everything empathia remembers about the people it talks with.

    ``url``: a SQLAlchemy URL; None means the SQLite file in the user's data folder.
    ``busy_timeout_s``: how long SQLite waits for another process's lock before the write is
    journalled instead.
    """

    def __init__(self, url: str | os.PathLike[str] | None = None, *, busy_timeout_s: float = 5.0,
                 retries: int = 2, _degraded_reason: str | None = None) -> None:
        self.url = _normalise_url(url)
        self.busy_timeout_s = busy_timeout_s
        self.retries = retries
        self._pending: list[dict[str, Any]] = []
        self._seq: dict[str, int] = {}
        parsed = make_url(self.url)
        self.is_sqlite = parsed.get_backend_name() == "sqlite"
        self.path = Path(parsed.database) if self.is_sqlite and parsed.database \
            and parsed.database != ":memory:" else None
        self.where = str(self.path) if self.path else parsed.render_as_string(hide_password=True)
        self.journal = Journal(self._journal_path())
        self.degraded = _degraded_reason
        if self.degraded:
            # Reads and writes of this session go to memory; every write is also journalled
            # so it reaches the real database once it is usable again.
            self.engine = create_engine("sqlite://", poolclass=StaticPool,
                                        connect_args={"check_same_thread": False})
            Base.metadata.create_all(self.engine)
        else:
            self.engine = self._connect()
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        if not self.degraded:
            self._try_flush()  # replay what earlier processes could not write

    # -- opening --------------------------------------------------------------------------
    @classmethod
    def open(cls, url: str | os.PathLike[str] | None = None, **kw: Any
             ) -> tuple["MemoryStore", str | None]:
        """A usable store and, when the database could not be used, a message to show.

        A damaged or unreachable database never stops a conversation: the store then keeps
        this session in memory and in the journal, and says so.
        """
        try:
            return cls(url, **kw), None
        except StoreError as exc:
            store = cls(url, _degraded_reason=str(exc), **kw)
            msg = (f"I can't use my memory right now: {exc}. I can still talk with you, and "
                   f"this conversation is kept in {store.journal.path} so it can be added "
                   "back later.")
            return store, msg

    def _journal_path(self) -> Path:
        if self.path is not None:
            return self.path.with_name(self.path.name + ".pending.jsonl")
        from platformdirs import user_data_dir

        digest = hashlib.sha1(self.url.encode("utf-8")).hexdigest()[:12]
        return Path(user_data_dir("empathia", appauthor=False)) / f"pending-{digest}.jsonl"

    def _connect(self) -> Engine:
        kw: dict[str, Any] = {}
        if self.is_sqlite:
            kw["connect_args"] = {"timeout": self.busy_timeout_s}
            if self.path is None:
                kw["poolclass"] = StaticPool
                kw["connect_args"]["check_same_thread"] = False
            else:
                try:
                    self.path.parent.mkdir(parents=True, exist_ok=True)
                except OSError as exc:
                    raise StoreError(f"cannot create the folder for the memory database "
                                     f"{self.where} ({exc.strerror or exc})") from None
        else:
            kw["pool_pre_ping"] = True
        try:
            engine = create_engine(self.url, **kw)
        except (SQLAlchemyError, ImportError, ValueError) as exc:
            raise StoreError(f"cannot use the memory database {self.where}: {exc}") from None
        if self.is_sqlite:
            busy_ms = int(self.busy_timeout_s * 1000)
            wal = self.path is not None

            @event.listens_for(engine, "connect")
            def _pragmas(dbapi_conn: Any, _: Any) -> None:  # pragma: no cover - trivial
                cur = dbapi_conn.cursor()
                cur.execute(f"PRAGMA busy_timeout = {busy_ms}")
                cur.execute("PRAGMA foreign_keys = ON")
                cur.execute("PRAGMA secure_delete = ON")  # forgotten text is overwritten
                if wal:
                    cur.execute("PRAGMA journal_mode = WAL")  # readers never block writers
                cur.close()
        for attempt in range(3):
            try:
                Base.metadata.create_all(engine)
                with engine.connect() as conn:
                    conn.execute(select(func.count()).select_from(User)).scalar_one()
                return engine
            except _DB_ERRORS as exc:
                # Two processes creating the schema at once: the loser sees "already
                # exists" and simply checks again.
                low = str(exc).lower()
                if ("already exists" in low or "pg_type" in low) and attempt < 2:
                    time.sleep(0.05)
                    continue
                engine.dispose()
                raise _explain(exc, self.where) from None
        raise AssertionError("unreachable")  # pragma: no cover

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "MemoryStore":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    # -- writing ----------------------------------------------------------------------------
    def start_session(self, user: str) -> tuple[str, SaveResult]:
        """Open a conversation for ``user``; the id is made here, so it exists even offline."""
        sid = uuid.uuid4().hex
        self._seq[sid] = 0
        return sid, self._write({"type": "session", "id": sid, "user": _name(user),
                                 "at": _now().isoformat()})

    def end_session(self, session_id: str, user: str) -> SaveResult:
        return self._write({"type": "end", "id": session_id, "user": _name(user),
                            "at": _now().isoformat()})

    def add_turn(self, session_id: str, user: str, speaker: str, text: str,
                 annotations: dict[str, Any] | None = None) -> SaveResult:
        """Record one turn. Never raises for a busy or broken database: see ``SaveResult``."""
        if speaker not in SPEAKERS:
            raise ValueError(f"speaker must be one of {SPEAKERS}, not {speaker!r}")
        seq = self._seq.get(session_id, 0)
        self._seq[session_id] = seq + 1
        return self._write({"type": "turn", "id": uuid.uuid4().hex, "session": session_id,
                            "user": _name(user), "seq": seq, "speaker": speaker, "text": text,
                            "annotations": _jsonable(annotations or {}),
                            "at": _now().isoformat()})

    def add_fact(self, user: str, kind: str, text: str, *, topic: str | None = None,
                 valence: float | None = None, mood: Sequence[float] | None = None,
                 session_id: str | None = None) -> SaveResult:
        """Remember something worth bringing up later (a name, an event, what helps)."""
        return self._write({"type": "fact", "id": uuid.uuid4().hex, "user": _name(user),
                            "session": session_id, "kind": kind, "text": text, "topic": topic,
                            "valence": None if valence is None else float(valence),
                            "mood": None if mood is None else [float(x) for x in mood],
                            "at": _now().isoformat()})

    @property
    def pending(self) -> int:
        """Records written by this process that have not reached the database yet."""
        return len(self._pending)

    def flush(self) -> SaveResult:
        """Try again to write everything pending (and the journal)."""
        return self._try_flush()

    def _write(self, record: dict[str, Any]) -> SaveResult:
        self._pending.append(record)
        if self.degraded:
            journalled = self._journal(record)
            with self._sessions.begin() as s:
                _apply(s, record)
            if journalled:
                self._pending.clear()  # safe in the journal; the session copy serves reads
            return SaveResult(False, len(self._pending) or len(self.journal.read()),
                              self.degraded + ("" if journalled else self._no_journal()))
        result = self._try_flush()
        if not result.saved and not self._journal(record):
            result.message = (result.message or "") + self._no_journal()
        return result

    def _journal(self, record: dict[str, Any]) -> bool:
        try:
            self.journal.append(record)
            return True
        except OSError:
            return False

    def _no_journal(self) -> str:
        return (f"; the backup file {self.journal.path} cannot be written either, so this "
                "conversation is kept only until empathia closes")

    def _try_flush(self) -> SaveResult:
        last: StoreError | None = None
        for attempt in range(self.retries + 1):
            try:
                with self.journal.draining() as journalled:
                    records = _dedupe(journalled + self._pending)
                    if records:
                        with self._sessions.begin() as s:
                            for rec in records:
                                _apply(s, rec)
                self._pending.clear()
                return SaveResult(True, 0, None)
            except _DB_ERRORS as exc:
                last = _explain(exc, self.where)
                if not (isinstance(exc, OperationalError) and _is_locked(exc)):
                    break
                time.sleep(0.05 * (attempt + 1))
        return SaveResult(False, len(self._pending), str(last))

    # -- reading ----------------------------------------------------------------------------
    def _read(self, fn: Any) -> Any:
        try:
            with self._sessions() as s:
                return fn(s)
        except _DB_ERRORS as exc:
            raise _explain(exc, self.where) from None

    def users(self) -> list[str]:
        return self._read(lambda s: list(s.scalars(select(User.name).order_by(User.name))))

    def sessions(self, user: str) -> list[str]:
        def q(s: Session) -> list[str]:
            return list(s.scalars(select(ConversationSession.id).join(User)
                                  .where(User.name == _name(user))
                                  .order_by(ConversationSession.started)))
        return self._read(q)

    def turns(self, user: str, session_id: str | None = None, limit: int | None = None
              ) -> list[TurnRecord]:
        """Turns of one session, or the user's most recent ``limit`` turns, oldest first."""
        def q(s: Session) -> list[TurnRecord]:
            stmt = select(Turn).join(User, Turn.user_id == User.id).where(User.name == _name(user))
            if session_id is not None:
                stmt = stmt.where(Turn.session_id == session_id)
            stmt = stmt.order_by(Turn.created.desc(), Turn.seq.desc())
            if limit is not None:
                stmt = stmt.limit(limit)
            rows = list(s.scalars(stmt))[::-1]
            return [TurnRecord(t.id, t.session_id, t.seq, t.speaker, t.text, t.annotations or {},
                               _utc(t.created)) for t in rows]
        return self._read(q)

    def facts(self, user: str) -> list[FactRecord]:
        def q(s: Session) -> list[FactRecord]:
            stmt = (select(Fact).join(User).where(User.name == _name(user))
                    .order_by(Fact.created))
            return [_fact_record(f) for f in s.scalars(stmt)]
        return self._read(q)

    def recall(self, user: str, topic: str | None = None,
               mood: float | Sequence[float] | None = None, k: int = 1,
               topic_weight: float = 1.0, mood_weight: float = 1.0,
               half_life_days: float = 30.0) -> list[Recalled]:
        """The ``k`` facts best worth bringing up when greeting ``user``.

        A fact scores by topic match (same topic 1, no topic known 0.5, other topic 0) and
        mood match: for a valence in [-1, 1], 1 - |difference| / 2; for a mood embedding,
        the cosine mapped to [0, 1]; 0.5 when either side is unknown. A gentle recency factor
        breaks ties toward what was said lately.
        """
        now = _now()
        scored: list[Recalled] = []
        for f in self.facts(user):
            if topic is None or f.topic is None:
                t = 0.5
            else:
                t = 1.0 if f.topic == topic else 0.0
            m = _mood_match(mood, f)
            age_days = max((now - f.created).total_seconds() / 86400.0, 0.0)
            recency = 0.5 ** (age_days / half_life_days) if half_life_days > 0 else 1.0
            score = (topic_weight * t + mood_weight * m) * (0.8 + 0.2 * recency)
            scored.append(Recalled(f, round(score, 6), t, round(m, 6)))
        scored.sort(key=lambda r: (-r.score, -r.fact.created.timestamp()))
        return scored[:k]

    # -- forgetting -------------------------------------------------------------------------
    def forget(self, user: str) -> int:
        """Delete everything about ``user``: facts, turns, sessions, the user, journal lines.

        Returns the number of database rows deleted. SQLite overwrites the deleted content
        (secure_delete) and the write-ahead log is checkpointed so no copy lingers.
        """
        name = _name(user)
        self._pending = [r for r in self._pending if r.get("user") != name]
        self.journal.drop_user(name)

        def do(s: Session) -> int:
            uid = s.scalar(select(User.id).where(User.name == name))
            if uid is None:
                return 0
            n = 0
            for table, col in ((Fact, Fact.user_id), (Turn, Turn.user_id),
                               (ConversationSession, ConversationSession.user_id),
                               (User, User.id)):
                n += s.execute(delete(table).where(col == uid)).rowcount or 0
            return n

        try:
            with self._sessions.begin() as s:
                n = do(s)
            if self.is_sqlite and self.path is not None:
                with self.engine.connect() as conn:
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        except _DB_ERRORS as exc:
            raise _explain(exc, self.where) from None
        if self.degraded:
            raise StoreError(f"{name} was removed from this session and the journal, but the "
                             f"damaged database {self.where} could not be changed; delete or "
                             "repair that file to finish forgetting")
        return n


# ---------------------------------------------------------------------------------------
# helpers
# ---------------------------------------------------------------------------------------
def _normalise_url(url: str | os.PathLike[str] | None) -> str:
    if url is None:
        return default_url()
    text = os.fspath(url)
    if "://" not in text:  # a bare path means a SQLite file
        return f"sqlite:///{Path(text).expanduser().resolve()}"
    if text.startswith("postgresql://"):  # the driver this project installs
        return "postgresql+psycopg://" + text[len("postgresql://"):]
    return text


def _name(user: str) -> str:
    name = (user or "").strip()
    if not name:
        raise ValueError("a user name is required")
    return name[:200]


def _jsonable(obj: Any) -> Any:
    """Annotations come from pydantic models and numpy; store plain JSON."""
    return json.loads(json.dumps(obj, default=lambda o: o.item() if hasattr(o, "item")
                                 else o.model_dump() if hasattr(o, "model_dump") else str(o)))


def _dedupe(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    seen: set[tuple[str, str]] = set()
    out = []
    for r in records:
        key = (r.get("type", ""), r.get("id", ""))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def _user_id(s: Session, name: str) -> int:
    uid = s.scalar(select(User.id).where(User.name == name))
    if uid is None:
        user = User(name=name)
        s.add(user)
        s.flush()
        uid = user.id
    return uid


def _session(s: Session, sid: str, uid: int, at: datetime) -> None:
    if s.get(ConversationSession, sid) is None:
        s.add(ConversationSession(id=sid, user_id=uid, started=at))
        s.flush()


def _apply(s: Session, rec: dict[str, Any]) -> None:
    """Write one record if it is not there yet (replays are idempotent)."""
    at = datetime.fromisoformat(rec["at"])
    uid = _user_id(s, rec["user"])
    kind = rec["type"]
    if kind == "session":
        _session(s, rec["id"], uid, at)
    elif kind == "end":
        _session(s, rec["id"], uid, at)
        s.get(ConversationSession, rec["id"]).ended = at
    elif kind == "turn":
        if s.get(Turn, rec["id"]) is None:
            _session(s, rec["session"], uid, at)
            s.add(Turn(id=rec["id"], session_id=rec["session"], user_id=uid, seq=rec["seq"],
                       speaker=rec["speaker"], text=rec["text"],
                       annotations=rec.get("annotations") or {}, created=at))
    elif kind == "fact":
        if s.get(Fact, rec["id"]) is None:
            if rec.get("session"):
                _session(s, rec["session"], uid, at)
            s.add(Fact(id=rec["id"], user_id=uid, session_id=rec.get("session"),
                       kind=rec["kind"], text=rec["text"], topic=rec.get("topic"),
                       valence=rec.get("valence"), mood=rec.get("mood"), created=at))
    s.flush()


def _fact_record(f: Fact) -> FactRecord:
    return FactRecord(f.id, f.kind, f.text, f.topic, f.valence, _utc(f.created), f.session_id,
                      f.mood)


def _mood_match(mood: float | Sequence[float] | None, f: FactRecord) -> float:
    if mood is None:
        return 0.5
    if isinstance(mood, (int, float)):
        if f.valence is None:
            return 0.5
        return 1.0 - min(abs(float(mood) - f.valence), 2.0) / 2.0
    if not f.mood or len(f.mood) != len(mood):
        return 0.5
    dot = sum(a * b for a, b in zip(mood, f.mood))
    na = math.sqrt(sum(a * a for a in mood))
    nb = math.sqrt(sum(b * b for b in f.mood))
    if na == 0 or nb == 0:
        return 0.5
    return (dot / (na * nb) + 1.0) / 2.0


__all__ = ["MemoryStore", "StoreError", "SaveResult", "TurnRecord", "FactRecord", "Recalled",
           "default_url"]
