"""Memory store: sessions, turns, facts, recall, forget; across processes; bad databases.

The same behaviour tests run on SQLite and, where PostgreSQL binaries are installed, on a
throwaway PostgreSQL server started in a temporary folder on a loopback port.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import tempfile
import textwrap
import uuid
from pathlib import Path
from typing import Iterator

import pytest
from sqlalchemy import func, select

from empathia.memory.store import (
    ConversationSession, Fact, MemoryStore, StoreError, Turn, User, default_url,
)

SRC = str(Path(__file__).resolve().parents[1] / "src")


# ---------------------------------------------------------------------------------------
# PostgreSQL: a real server, started here, when the machine has one installed
# ---------------------------------------------------------------------------------------
def _pg_bin() -> Path | None:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb else None


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def pg_url() -> Iterator[str]:
    bindir = _pg_bin()
    if bindir is None or not (bindir / "pg_ctl").exists():
        pytest.skip("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    pytest.importorskip("psycopg", reason="the psycopg driver is not installed")
    prefix: list[str] = []
    base = Path(tempfile.mkdtemp(prefix="empathia-pg-"))
    if os.geteuid() == 0:  # initdb refuses to run as root
        import pwd

        try:
            pw = pwd.getpwnam("postgres")
        except KeyError:
            shutil.rmtree(base, ignore_errors=True)
            pytest.skip("running as root and there is no 'postgres' user to run the server")
        os.chown(base, pw.pw_uid, pw.pw_gid)
        prefix = ["runuser", "-u", "postgres", "--"]
    data, port = base / "data", _free_port()
    try:
        subprocess.run(prefix + [str(bindir / "initdb"), "-D", str(data), "-A", "trust",
                                 "-U", "postgres", "--no-sync"],
                       check=True, capture_output=True, timeout=120)
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-l",
                                 str(base / "log"), "-w", "-t", "60", "-o",
                                 f"-p {port} -k {base} -c listen_addresses=127.0.0.1 "
                                 "-c fsync=off", "start"],
                       check=True, capture_output=True, timeout=90)
    except (subprocess.CalledProcessError, subprocess.TimeoutExpired) as exc:
        shutil.rmtree(base, ignore_errors=True)
        pytest.skip(f"could not start a throwaway PostgreSQL server: {exc}")
    try:
        yield f"postgresql://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run(prefix + [str(bindir / "pg_ctl"), "-D", str(data), "-m", "immediate",
                                 "stop"], capture_output=True, timeout=60)
        shutil.rmtree(base, ignore_errors=True)


@pytest.fixture(params=["sqlite", "postgresql"])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path / 'memory.db'}"
    return request.getfixturevalue("pg_url")


def _user() -> str:
    return f"person-{uuid.uuid4().hex[:8]}"


def _run(code: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run([sys.executable, "-c", textwrap.dedent(code), *args], env=env,
                          capture_output=True, text=True, timeout=120)


# ---------------------------------------------------------------------------------------
# behaviour, on every backend
# ---------------------------------------------------------------------------------------
def test_turns_and_annotations_round_trip(url: str) -> None:
    who = _user()
    with MemoryStore(url) as store:
        sid, res = store.start_session(who)
        assert res.saved
        ann = {"emotions": [{"label": "nervousness", "score": 0.81}], "strategy": "question",
               "risk": "none", "stage": "exploration"}
        store.add_turn(sid, who, "seeker", "My exam is on Friday and I'm scared.", ann)
        store.add_turn(sid, who, "supporter", "What's worrying you most about it?",
                       {"strategy": "question"})
        store.end_session(sid, who)
        turns = store.turns(who, sid)
        assert [t.speaker for t in turns] == ["seeker", "supporter"]
        assert turns[0].annotations == ann
        assert store.sessions(who) == [sid]
    with MemoryStore(url) as again:  # a new connection reads the same
        assert [t.text for t in again.turns(who, limit=1)] == ["What's worrying you most about it?"]


def test_recall_uses_topic_and_mood(url: str) -> None:
    who = _user()
    with MemoryStore(url) as store:
        store.add_fact(who, "event", "my exam is on Friday", topic="academic_pressure",
                       valence=-0.6)
        store.add_fact(who, "helps", "walking my dog helps me calm down", valence=0.6)
        store.add_fact(who, "event", "my sister is visiting", topic="parents", valence=0.7)
        store.add_fact(who, "event", "I failed my driving test", topic="academic_pressure",
                       valence=0.5)
        # same topic, similar (low) mood: the exam
        best = store.recall(who, topic="academic_pressure", mood=-0.5, k=2)
        assert best[0].fact.text == "my exam is on Friday"
        assert best[0].topic_match == 1.0 and best[0].score > best[1].score
        # no topic given: mood decides between the happy facts and the sad one
        assert store.recall(who, mood=0.7)[0].fact.valence >= 0.5
        assert store.recall(who, mood=-0.7)[0].fact.text == "my exam is on Friday"
        # a mood embedding works the same way
        store.add_fact(who, "event", "the storm scared me", mood=[1.0, 0.0, 0.0])
        store.add_fact(who, "event", "the concert was lovely", mood=[0.0, 1.0, 0.0])
        assert store.recall(who, mood=[0.1, 0.9, 0.0])[0].fact.text == "the concert was lovely"
        assert len(store.recall(who, k=10)) == 6
        assert store.recall(_user()) == []


def test_forget_removes_every_row_about_a_person(url: str) -> None:
    who, other = _user(), _user()
    with MemoryStore(url) as store:
        for person in (who, other):
            sid, _ = store.start_session(person)
            store.add_turn(sid, person, "seeker", f"secret of {person}", {"risk": "low"})
            store.add_fact(person, "name", f"{person} has a cat", session_id=sid)
        with store._sessions() as s:
            uid = s.scalar(select(User.id).where(User.name == who))
        deleted = store.forget(who)
        assert deleted == 4  # fact, turn, session, user
        with store._sessions() as s:
            for table in (Fact, Turn, ConversationSession):
                n = s.scalar(select(func.count()).select_from(table)
                             .where(table.user_id == uid))
                assert n == 0, table.__tablename__
            assert s.scalar(select(func.count()).select_from(User).where(User.id == uid)) == 0
        assert who not in store.users() and other in store.users()
        assert store.turns(who) == [] and store.facts(who) == []
        assert len(store.turns(other)) == 1 and len(store.facts(other)) == 1
        assert store.forget(who) == 0  # forgetting twice is harmless


WRITER = """
import sys
from empathia.memory.store import MemoryStore
url, who, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
store = MemoryStore(url)
sid, _ = store.start_session(who)
for i in range(n):
    r = store.add_turn(sid, who, "seeker", f"turn {i} from {who}", {"i": i})
    assert r.saved or r.pending, r
store.add_fact(who, "event", f"{who} starts a new job on Monday", topic="job_crisis", valence=-0.2)
store.flush()
print(store.pending)
"""

READER = """
import sys
from empathia.memory.store import MemoryStore
store = MemoryStore(sys.argv[1])
print(len(store.turns(sys.argv[2])), store.recall(sys.argv[2], topic="job_crisis")[0].fact.text)
"""


def test_two_processes_share_memory(url: str) -> None:
    who = _user()
    w = _run(WRITER, url, who, "3")
    assert w.returncode == 0, w.stderr
    with MemoryStore(url) as store:  # this process sees what the other wrote
        assert [t.text for t in store.turns(who)] == [f"turn {i} from {who}" for i in range(3)]
        sid, _ = store.start_session(who)
        store.add_turn(sid, who, "supporter", "Good luck on Monday.")
    r = _run(READER, url, who)  # and another process sees what this one wrote
    assert r.returncode == 0, r.stderr
    assert r.stdout.split(" ", 1) == ["4", f"{who} starts a new job on Monday\n"]


def test_concurrent_writers_lose_no_turn(url: str) -> None:
    a, b = _user(), _user()
    env = {**os.environ, "PYTHONPATH": SRC}
    procs = [subprocess.Popen([sys.executable, "-c", WRITER, url, who, "25"], env=env,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for who in (a, b)]
    for p in procs:
        out, err = p.communicate(timeout=120)
        assert p.returncode == 0, err
    with MemoryStore(url) as store:
        for who in (a, b):
            assert len(store.turns(who)) == 25


# ---------------------------------------------------------------------------------------
# SQLite files: defaults, privacy, locks, damage
# ---------------------------------------------------------------------------------------
def test_default_database_is_in_the_user_data_dir(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from platformdirs import user_data_dir

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path))
    expected = Path(user_data_dir("empathia", appauthor=False)) / "memory.db"
    assert default_url() == f"sqlite:///{expected}"
    with MemoryStore() as store:
        assert store.path == expected
        sid, _ = store.start_session("me")
        store.add_turn(sid, "me", "seeker", "hello")
    assert expected.is_file()


def test_bare_path_and_postgres_scheme_are_understood(tmp_path: Path) -> None:
    with MemoryStore(tmp_path / "x.db") as store:
        assert store.url == f"sqlite:///{tmp_path / 'x.db'}"
    from empathia.memory.store import _normalise_url

    assert _normalise_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"


def test_forgotten_text_does_not_linger_in_the_file(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    marker = "zebra-umbrella-" + uuid.uuid4().hex
    with MemoryStore(db) as store:
        sid, _ = store.start_session("ann")
        store.add_turn(sid, "ann", "seeker", f"my password hint is {marker}")
        store.add_fact("ann", "secret", f"{marker} again")
        store.forget("ann")
    for f in tmp_path.iterdir():
        assert marker.encode() not in f.read_bytes(), f.name


def test_corrupt_file_gives_a_clear_error(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    db.write_bytes(b"this is not a database, just some bytes\n" * 200)
    with pytest.raises(StoreError) as info:
        MemoryStore(db)
    msg = str(info.value)
    assert str(db) in msg and "damaged" in msg and "\n" not in msg


def test_corrupt_file_keeps_the_conversation_and_loses_no_turn(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    db.write_bytes(b"\x00garbage" * 500)
    code = """
    import sys
    from empathia.memory.store import MemoryStore
    store, msg = MemoryStore.open(sys.argv[1])
    print(msg)
    sid, _ = store.start_session("ann")
    r = store.add_turn(sid, "ann", "seeker", "I lost my job today")
    print(r.saved, len(store.turns("ann")))
    """
    r = _run(code, str(db))
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    first, second = r.stdout.strip().splitlines()
    assert "damaged" in first and "memory.db.pending.jsonl" in first
    assert second == "False 1"  # not saved to the file, but still part of this session
    # The person moves the damaged file aside; the next start adds the turn back.
    db.rename(tmp_path / "memory.db.broken")
    with MemoryStore(db) as store:
        assert [t.text for t in store.turns("ann")] == ["I lost my job today"]


def test_locked_database_queues_the_turn_and_saves_it_later(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    store = MemoryStore(db, busy_timeout_s=0.1, retries=1)
    sid, _ = store.start_session("ann")
    blocker = sqlite3.connect(db, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        res = store.add_turn(sid, "ann", "seeker", "first, while locked")
        assert not res.saved and res.pending == 1
        assert "busy" in res.message and str(db) in res.message
        assert store.journal.path.read_text().count("first, while locked") == 1
    finally:
        blocker.rollback()
        blocker.close()
    res = store.add_turn(sid, "ann", "seeker", "second, after the lock")
    assert res.saved and store.pending == 0
    assert [t.text for t in store.turns("ann")] == ["first, while locked",
                                                   "second, after the lock"]
    assert store.journal.read() == []
    store.close()


def test_a_journalled_turn_survives_the_process_that_wrote_it(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    MemoryStore(db).close()
    blocker = sqlite3.connect(db, timeout=0.1)
    blocker.execute("BEGIN EXCLUSIVE")
    code = """
    import sys
    from empathia.memory.store import MemoryStore
    store = MemoryStore(sys.argv[1], busy_timeout_s=0.1, retries=0)
    sid, _ = store.start_session("ann")
    r = store.add_turn(sid, "ann", "seeker", "said while the file was locked")
    print(r.saved, r.pending)
    """
    try:
        r = _run(code, str(db))
    finally:
        blocker.rollback()
        blocker.close()
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    assert r.stdout.split() == ["False", "2"]  # the session and the turn
    with MemoryStore(db) as later:  # a later process replays the journal
        assert [t.text for t in later.turns("ann")] == ["said while the file was locked"]
        assert len(later.sessions("ann")) == 1


def test_forget_also_clears_the_journal(tmp_path: Path) -> None:
    db = tmp_path / "memory.db"
    store = MemoryStore(db, busy_timeout_s=0.05, retries=0)
    sid, _ = store.start_session("ann")
    blocker = sqlite3.connect(db, timeout=0.05)
    blocker.execute("BEGIN EXCLUSIVE")
    try:
        store.add_turn(sid, "ann", "seeker", "queued words")
    finally:
        blocker.rollback()
        blocker.close()
    store.forget("ann")
    assert "queued words" not in store.journal.path.read_text()
    assert store.flush().saved and store.turns("ann") == []
    store.close()


def test_bad_input_is_refused_plainly(tmp_path: Path) -> None:
    with MemoryStore(tmp_path / "m.db") as store:
        sid, _ = store.start_session("ann")
        with pytest.raises(ValueError, match="speaker"):
            store.add_turn(sid, "ann", "narrator", "hi")
        with pytest.raises(ValueError, match="user name"):
            store.start_session("  ")


def test_unreachable_server_is_a_clear_error() -> None:
    pytest.importorskip("psycopg")
    port = _free_port()  # nothing listens there
    with pytest.raises(StoreError, match="memory database"):
        MemoryStore(f"postgresql://nobody@127.0.0.1:{port}/none")


def test_unusable_folder_still_lets_the_conversation_go_on(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where a folder should be")
    db = blocker / "memory.db"
    with pytest.raises(StoreError, match="cannot create the folder"):
        MemoryStore(db)
    store, msg = MemoryStore.open(db)
    assert msg and "cannot create the folder" in msg
    sid, _ = store.start_session("ann")
    res = store.add_turn(sid, "ann", "seeker", "still here")
    assert not res.saved and "kept only until empathia closes" in res.message
    assert [t.text for t in store.turns("ann")] == ["still here"]
    assert store.pending == 2  # the session and the turn, held in memory
