"""The public copy for Datasette (issue 17 §5): nothing confidential and no personnummer in it,
never written over a file without --force nor over a database, read as one moment while another
program writes, and the canned queries, served by a real Datasette, list what
`meetingtui actions --public --format json` lists.

Datasette must be installed (the [test] extra has it): the tests fail, not skip, without it.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.demo.fill import fill_demo
from meetingtui.export.datasette import PersonalDataInCopy, write_datasette
from meetingtui.export.datasette_metadata import DATABASE
from meetingtui.export.files import ExportError
from meetingtui.i18n import language, set_language
from meetingtui.paths import resolve
from meetingtui.personal_numbers import find_personal_numbers
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store import public_copy
from tests.conftest import Clock

#: The statuses as the Swedish copy writes them (said here, not looked up, so that a wrong word
#: in the catalogue shows).
STATUS_SV = {"not_started": "Ej påbörjad", "in_progress": "Pågående", "done": "Genomförd",
             "cancelled": "Avbruten"}
PERSONNUMMER = "811218-9876"
QUERIES = {"mina_atgarder": "Mina åtgärder",
           "forsenade_per_organisation": "Försenade per organisation",
           "atgarder_per_grupp": "Åtgärder per grupp"}


@pytest.fixture(autouse=True)
def swedish() -> Iterator[None]:
    before = language()
    set_language("sv")
    yield
    set_language(before)


def _open(db: Path) -> Workspace:
    return open_workspace(resolve(db=db, exports=db.parent / "exports"),
                          clock=Clock(datetime(2026, 11, 23, 9, 0)))


def _open_public(conn: sqlite3.Connection, owner: str | None = None) -> list[int]:
    """Open, public, non-proposal measures with a due date, of one owner if given."""
    sql = ("SELECT m.id FROM measures m WHERE m.deleted_at IS NULL AND m.confidential = 0 "
           "AND m.status IN ('not_started', 'in_progress') AND m.proposal = '' "
           "AND m.due IS NOT NULL" + (" AND m.owner = ?" if owner else "") + " ORDER BY m.id")
    return [row[0] for row in conn.execute(sql, [owner] if owner else [])]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, int, int]:
    """A year of demo meetings, with one owner's measure due today and one due yesterday (the
    real today: Datasette counts from its own clock). Returns the file, that owner and the two
    measures."""
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ws = _open(db)
    try:
        fill_demo(ws, 1, seed=7)
    finally:
        ws.close()
    today = date.today()
    with sqlite3.connect(db) as conn:
        owner = next(o for (o,) in conn.execute("SELECT DISTINCT owner FROM measures ORDER BY 1")
                     if len(_open_public(conn, o)) >= 2)
        due_today, due_yesterday = _open_public(conn, owner)[:2]
        conn.execute("UPDATE measures SET due = ? WHERE id = ?", [today.isoformat(), due_today])
        conn.execute("UPDATE measures SET due = ? WHERE id = ?",
                     [(today - timedelta(days=1)).isoformat(), due_yesterday])
    conn.close()
    return db, owner, due_today, due_yesterday


@pytest.fixture(scope="module")
def published(demo: tuple[Path, str, int, int],
              tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The copy and its metadata, written from the demo database in Swedish."""
    folder = tmp_path_factory.mktemp("site") / "datasette"
    before = language()
    set_language("sv")
    ws = _open(demo[0])
    try:
        copy, metadata = write_datasette(ws, folder, force=False)
    finally:
        ws.close()
        set_language(before)
    assert (copy.name, metadata.name) == ("meetingtui-offentlig.db", "metadata.json")
    return copy, metadata


def _publish(db: Path, folder: Path, *, force: bool = False) -> Path:
    """The public copy of ``db`` written into ``folder``."""
    ws = _open(db)
    try:
        return write_datasette(ws, folder, force=force)[0]
    finally:
        ws.close()


def _cells(db: Path) -> Iterator[tuple[str, str, str]]:
    """(table, column, text) of every text in every table of ``db``, found from its schema."""
    conn = sqlite3.connect(f"{db.as_uri()}?mode=ro", uri=True)
    try:
        tables = [name for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")]
        for table in tables:
            for column in [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]:
                for (text,) in conn.execute(
                        f'SELECT "{column}" FROM "{table}" WHERE typeof("{column}") = \'text\''):
                    yield table, column, text
    finally:
        conn.close()


def _secrets(db: Path) -> set[str]:
    """Every confidential text of the source: confidential observations (description, place;
    not area, category or source, words any row may hold), their causes and measures,
    confidential measures and their status comments, the notes and decisions of confidential
    agenda items; less those that also stand in a public row of the same kind (the demo gives
    a confidential measure a public one's words)."""
    kinds = {
        "observation": (
            "SELECT description, place_detail, confidential FROM observations", 2),
        "cause": ("SELECT c.text, o.confidential FROM causes c "
                  "JOIN observations o ON o.id = c.observation_id", 1),
        "measure": ("SELECT m.text, m.confidential OR coalesce(o.confidential, 0) FROM measures m "
                    "LEFT JOIN observations o ON o.id = m.observation_id", 1),
        "comment": ("SELECT u.comment, m.confidential FROM measure_updates u "
                    "JOIN measures m ON m.id = u.measure_id", 1),
        "item": ("SELECT notes, decision, confidential FROM agenda_items", 2),
    }
    secret: set[str] = set()
    with sqlite3.connect(db) as conn:
        for sql, width in kinds.values():
            hidden: set[str] = set()
            shown: set[str] = set()
            for row in conn.execute(sql):
                texts = {text for text in row[:width] if text and len(text) > 3}
                (hidden if row[width] else shown).update(texts)
            secret |= hidden - shown
    conn.close()
    return secret


# --- what the copy holds ----------------------------------------------------------------------

def test_the_copy_holds_none_of_the_demos_confidential_texts(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path]) -> None:
    secrets = _secrets(demo[0])
    assert len(secrets) >= 5  # the demo has confidential problems, measures and comments
    cells = list(_cells(published[0]))
    assert len(cells) > 1000
    for table, column, text in cells:
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{table}.{column}: {leaked}"


def test_the_copy_holds_every_public_measure_and_no_other(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path]) -> None:
    listed = _cli_json(demo[0], "--status", "all")
    with sqlite3.connect(published[0]) as conn:
        copied = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, text, owner, owner_org, due, status FROM measures")}
        history = conn.execute("SELECT count(*) FROM status_history").fetchone()[0]
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert copied == {row["id"]: (row["text"], row["owner"], row["owner_org"], row["due"],
                                  STATUS_SV[row["status"]]) for row in listed}
    assert len(copied) > 100 and history >= len(copied)
    assert tables == {"groups", "meetings", "measures", "causes", "measure_causes",
                      "status_history"}
    with sqlite3.connect(demo[0]) as source:
        hidden = {row[0] for row in source.execute(
            "SELECT id FROM measures WHERE confidential = 1")}
    source.close()
    assert hidden and not hidden & copied.keys()


def test_no_personnummer_stands_in_the_copy(published: tuple[Path, Path]) -> None:
    assert [cell for cell in _cells(published[0]) if find_personal_numbers(cell[2])] == []


# --- refusals ---------------------------------------------------------------------------------

def _copy_of(db: Path, target: Path) -> Path:
    """A copy of the demo database to change (SQLite's backup: the -wal is read too)."""
    with sqlite3.connect(db) as source, sqlite3.connect(target) as dest:
        source.backup(dest)
    source.close()
    dest.close()
    return target


#: Where a number is planted: (SQL on the source, the place the refusal names).
PLANTED = {
    "measure text": ("UPDATE measures SET text = text || ' (' || ? || ')' WHERE id = {m}",
                     "Åtgärder nr {m}, Åtgärd"),
    "owner": ("UPDATE measures SET owner = owner || ' ' || ? WHERE id = {m}",
              "Åtgärder nr {m}, Ansvarig"),
    "cause": ("UPDATE causes SET text = text || ' ' || ? WHERE id = {c}", "Orsaker nr {c}, Orsak"),
    "status comment": ("UPDATE measure_updates SET comment = ? WHERE id = {u}",
                       "Statushistorik nr {u}, Kommentar"),
    "group name": ("UPDATE groups SET name = name || ' ' || ? WHERE id = {g}",
                   "Grupper nr {g}, Namn"),
    "meeting place": ("UPDATE meetings SET place = ? WHERE id = {mt}", "Möten nr {mt}, Plats"),
}


@pytest.mark.parametrize("where", PLANTED)
def test_a_personnummer_in_what_is_copied_is_refused_and_nothing_written(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path], tmp_path: Path,
        where: str) -> None:
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(published[0]) as copy:  # rows that the public copy holds
        m, g, mt = copy.execute("SELECT id, group_id, meeting_id FROM measures "
                                "ORDER BY id LIMIT 1").fetchone()
        (c,) = copy.execute("SELECT min(cause_id) FROM measure_causes").fetchone()
        (u,) = copy.execute("SELECT min(id) FROM status_history").fetchone()
    copy.close()
    ids = {"m": m, "c": c, "u": u, "g": g, "mt": mt}
    sql, place = PLANTED[where]
    with sqlite3.connect(db) as conn:
        assert conn.execute(sql.format(**ids), [PERSONNUMMER]).rowcount == 1
    conn.close()
    folder = tmp_path / "site"
    with pytest.raises(PersonalDataInCopy) as refused:
        _publish(db, folder, force=True)
    message = str(refused.value)
    assert f"{place.format(**ids)}: 811218-**** (personnummer)" in message
    assert PERSONNUMMER not in message and "Inget skrevs" in message
    assert refused.value.reason == "personal_data"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_personnummer_in_a_confidential_measure_is_not_copied_and_not_refused(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(db) as conn:
        (secret,) = conn.execute("SELECT min(id) FROM measures WHERE confidential = 1").fetchone()
        conn.execute("UPDATE measures SET text = ? WHERE id = ?", [PERSONNUMMER, secret])
    conn.close()
    copy = _publish(db, tmp_path / "site")
    assert not any(PERSONNUMMER in text for _, _, text in _cells(copy))


def test_a_measure_tied_to_a_confidential_observation_is_left_out_even_if_marked_public(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    """The services keep such measures confidential; a file changed by hand or by an older
    program may not have them so, and the copy does not rely on it."""
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(db) as conn:
        (by_observation,) = conn.execute(
            "SELECT min(m.id) FROM measures m JOIN observations o ON o.id = m.observation_id "
            "WHERE o.confidential = 1").fetchone()
        by_cause, secret_cause = conn.execute(
            "SELECT min(m.id), (SELECT min(c.id) FROM causes c JOIN observations o "
            "ON o.id = c.observation_id WHERE o.confidential = 1) "
            "FROM measures m WHERE m.confidential = 0 AND m.observation_id IS NOT NULL"
        ).fetchone()
        # Public, and addressing none of the observation's causes: only the observation is left.
        conn.execute("UPDATE measures SET confidential = 0, cause_id = NULL, deleted_at = NULL, "
                     "proposal = '' WHERE id = ?", [by_observation])
        conn.execute("DELETE FROM measure_causes WHERE measure_id = ?", [by_observation])
        conn.execute("INSERT INTO measure_causes (measure_id, cause_id) VALUES (?, ?)",
                     [by_cause, secret_cause])
    conn.close()
    copy = _publish(db, tmp_path / "site")
    with sqlite3.connect(copy) as conn:
        copied = {row[0] for row in conn.execute("SELECT id FROM measures")}
        causes = {row[0] for row in conn.execute("SELECT id FROM causes")}
    conn.close()
    assert by_observation not in copied and by_cause not in copied
    assert secret_cause not in causes and len(copied) > 100


def _fresh(demo: tuple[Path, str, int, int], tmp_path: Path) -> Workspace:
    return _open(_copy_of(demo[0], tmp_path / "db.sqlite"))


@pytest.mark.parametrize("existing", ["meetingtui-offentlig.db", "metadata.json"])
def test_an_existing_file_is_not_replaced_without_force(
        demo: tuple[Path, str, int, int], tmp_path: Path, existing: str) -> None:
    folder = tmp_path / "site"
    folder.mkdir()
    (folder / existing).write_bytes(b"earlier")
    ws = _fresh(demo, tmp_path)
    try:
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, folder, force=False)
        assert refused.value.reason == "exists" and existing in str(refused.value)
        assert sorted(p.name for p in folder.iterdir()) == [existing]
        assert (folder / existing).read_bytes() == b"earlier"
        written = write_datasette(ws, folder, force=True)
    finally:
        ws.close()
    assert sorted(p.name for p in folder.iterdir()) == ["meetingtui-offentlig.db",
                                                        "metadata.json"]
    assert all(path.read_bytes() != b"earlier" for path in written)


def test_with_force_an_earlier_copy_is_replaced_by_the_database_as_it_is_now(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    ws = _fresh(demo, tmp_path)
    folder = tmp_path / "site"
    try:
        copy, _ = write_datasette(ws, folder, force=False)
        with pytest.raises(ExportError, match="finns redan"):
            write_datasette(ws, folder, force=False)
        ws.store.conn.execute("UPDATE measures SET text = 'Ny lydelse' WHERE id = "
                              "(SELECT min(id) FROM measures WHERE confidential = 0)")
        write_datasette(ws, folder, force=True)
    finally:
        ws.close()
    assert any(text == "Ny lydelse" for _, _, text in _cells(copy))
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []


@pytest.mark.parametrize("force", [False, True])
def test_the_database_itself_or_another_sqlite_file_is_never_replaced(
        demo: tuple[Path, str, int, int], tmp_path: Path, force: bool) -> None:
    # The database in use, named as the copy would be.
    real = _copy_of(demo[0], tmp_path / "meetingtui-offentlig.db")
    ws = _open(real)
    try:
        before = real.read_bytes()
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, tmp_path, force=force)
        assert refused.value.reason == "database"
        assert real.read_bytes() == before and not (tmp_path / "metadata.json").exists()
        # Another SQLite file (a copy of the real database) where the copy would go.
        other = tmp_path / "elsewhere"
        other.mkdir()
        _copy_of(demo[0], other / "meetingtui-offentlig.db")
        with pytest.raises(ExportError) as refused:
            write_datasette(ws, other, force=force)
        assert refused.value.reason == "database"
    finally:
        ws.close()
    assert sorted(p.name for p in other.iterdir()) == ["meetingtui-offentlig.db"]


def test_the_copy_is_the_database_at_one_moment_while_another_program_writes(
        demo: tuple[Path, str, int, int], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """Another program renames a group and records a status change after the copy has read the
    groups and before it reads the measures and their history: the copy shows neither."""
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    ws = _open(db)
    writer = sqlite3.connect(db, isolation_level=None)
    writer.execute("PRAGMA busy_timeout = 5000")
    group_id, old_name = writer.execute("SELECT g.id, g.name FROM groups g JOIN meetings mt ON "
                                        "mt.group_id = g.id JOIN measures m ON m.meeting_id = "
                                        "mt.id WHERE m.confidential = 0 LIMIT 1").fetchone()
    (measure,) = writer.execute("SELECT min(m.id) FROM measures m JOIN meetings mt ON mt.id = "
                                "m.meeting_id WHERE mt.group_id = ? AND m.confidential = 0",
                                [group_id]).fetchone()
    wrote: list[str] = []

    class Copying(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            cursor = super().execute(sql, *args)
            if "INSERT INTO main.groups" in sql:
                writer.execute("BEGIN IMMEDIATE")
                writer.execute("UPDATE groups SET name = 'Omdöpt under kopieringen' "
                               "WHERE id = ?", [group_id])
                writer.execute("INSERT INTO measure_updates (measure_id, at, old_status, "
                               "new_status, comment) VALUES (?, '2026-11-23T10:00:00', "
                               "'not_started', 'in_progress', 'Skrevs under kopieringen')",
                               [measure])
                writer.execute("COMMIT")
                wrote.append(sql)
            return cursor

    connect = sqlite3.connect
    monkeypatch.setattr(public_copy.sqlite3, "connect",
                        lambda *a, **kw: connect(*a, **kw, factory=Copying))
    try:
        copy, _ = write_datasette(ws, tmp_path / "site", force=False)
    finally:
        monkeypatch.undo()
        ws.close()
        writer.close()
    assert wrote  # the other program did write in the middle
    with sqlite3.connect(copy) as conn:
        names = {row[0] for row in conn.execute(
            "SELECT name FROM groups WHERE id = ? UNION "
            "SELECT group_name FROM measures WHERE group_id = ?", [group_id, group_id])}
        comments = [row[0] for row in conn.execute(
            "SELECT comment FROM status_history WHERE measure_id = ?", [measure])]
    conn.close()
    assert names == {old_name}
    assert "Skrevs under kopieringen" not in comments


# --- the metadata -----------------------------------------------------------------------------

def test_the_metadata_names_everything_in_swedish_and_has_the_three_queries(
        published: tuple[Path, Path]) -> None:
    copy, path = published
    metadata = json.loads(path.read_text(encoding="utf-8"))
    assert metadata["title"] == "Åtgärder från trygghetsmötena – Exempelkommun"
    assert "sekretess" in metadata["description"] and metadata["license"]
    assert metadata["source"].startswith("Exempelkommun, meetingtui, kopierad ")
    database = metadata["databases"][DATABASE]
    queries = database["queries"]
    assert {name: query["title"] for name, query in queries.items()} == QUERIES
    with sqlite3.connect(copy) as conn:
        for table, about in database["tables"].items():
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            assert about["title"] and set(about["columns"]) == set(columns), table
        assert database["tables"]["measures"]["title"] == "Åtgärder"
        assert database["tables"]["measures"]["columns"]["due"] == "Klart senast"
        for query in queries.values():  # each runs on the copy, headed in Swedish
            cursor = conn.execute(query["sql"], {"ansvarig": "Polisen", "grupp": "EST"})
            heads = [d[0] for d in cursor.description]
            assert {"Åtgärd", "Ansvarig", "Organisation", "Klart senast", "Försenad"} <= set(heads)
    conn.close()


# --- Datasette serves the copy ----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def datasette(published: tuple[Path, Path]) -> Iterator[str]:
    """Datasette serving the copy on 127.0.0.1; its address. Always stopped."""
    assert importlib.util.find_spec("datasette") is not None, (
        "datasette is not installed: pip install -e '.[test]'")
    copy, metadata = published
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(copy), "-m", str(metadata),
         "-p", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # until it answers, it dies, or a minute has passed
            assert server.poll() is None, server.communicate()[0].decode()
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "Datasette did not answer within 60 s"
                time.sleep(0.1)
        yield f"{base}/{DATABASE}"
    finally:
        server.kill()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()


def _query(base: str, name: str, **params: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _get(
        f"{base}/{name}.json?" + urllib.parse.urlencode({"_shape": "array", **params}))
    return rows


def _cli_json(db: Path, *args: str) -> list[dict[str, Any]]:
    result = CliRunner().invoke(main, ["--db", str(db), "actions", "--public", "--format",
                                       "json", *args])
    assert result.exit_code == 0, result.output
    rows: list[dict[str, Any]] = json.loads(result.stdout)
    return rows


def _ascii_upper(name: str) -> str:
    """The name with its ASCII letters in capitals: what SQLite's NOCASE folds (not å, ä, ö)."""
    return "".join(c.upper() if c.isascii() else c for c in name)


def _served(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["Nr"], row["Åtgärd"], row["Ansvarig"], row["Organisation"], row["Klart senast"],
            row["Status"], row["Försenad"], row["Grupp"], row["Mötesdatum"], row["Orsaker"],
            row["Förslag till"])


def _listed(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["id"], row["text"], row["owner"], row["owner_org"], row["due"],
            STATUS_SV[row["status"]], "ja" if row["overdue"] else "", row["group"],
            row["meeting_date"], "; ".join(row["causes"]), row["proposed_to"])


def test_mina_atgarder_lists_what_actions_lists_for_the_owner(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db, owner, due_today, due_yesterday = demo
    owners = [owner, _ascii_upper(owner), "Polisen", "polisen, lokalpolisområde exempelkommun",
              "Ingen Alls"]
    with sqlite3.connect(db) as conn:
        owners += [o for (o,) in conn.execute(
            "SELECT owner FROM measures WHERE confidential = 0 GROUP BY owner "
            "ORDER BY count(*) DESC LIMIT 3")]
    conn.close()
    nonempty = 0
    for name in owners:
        served = [_served(row) for row in _query(datasette, "mina_atgarder", ansvarig=name)]
        assert served == [_listed(row) for row in _cli_json(db, "--owner", name)], name
        nonempty += bool(served)
    assert nonempty >= 5
    mine = {row["Nr"]: row for row in _query(datasette, "mina_atgarder", ansvarig=owner)}
    assert mine[due_today]["Försenad"] == "" and mine[due_yesterday]["Försenad"] == "ja"


def test_forsenade_per_organisation_lists_what_actions_lists_as_overdue(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db, _, due_today, due_yesterday = demo
    served = _query(datasette, "forsenade_per_organisation")
    listed = _cli_json(db, "--status", "overdue")
    assert len(served) == len(listed) >= 5
    # Organisation by organisation, each in one block, in the order the action list has them.
    blocks = [row["Organisation"] for row in served]
    assert [org for n, org in enumerate(blocks) if n == 0 or blocks[n - 1] != org] == sorted(
        set(blocks), key=lambda org: (org == "", org))
    for org in set(blocks):
        assert [_served(row) for row in served if row["Organisation"] == org] == [
            _listed(row) for row in listed if row["owner_org"] == org], org
    overdue = {row["Nr"] for row in served}
    assert due_yesterday in overdue and due_today not in overdue  # due today: not overdue yet
    assert all(row["Försenad"] == "ja" for row in served)


def test_atgarder_per_grupp_lists_what_actions_lists_for_the_group(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db = demo[0]
    with sqlite3.connect(db) as conn:
        groups = conn.execute("SELECT id, short, name FROM groups ORDER BY id").fetchall()
    conn.close()
    nonempty = 0
    for group_id, short, name in groups:
        listed = [_listed(row) for row in _cli_json(db, "--group", short)]
        for spelling in (short, _ascii_upper(name), str(group_id)):
            served = [_served(row) for row in _query(datasette, "atgarder_per_grupp",
                                                     grupp=spelling)]
            assert served == listed, spelling
        nonempty += bool(listed)
    assert nonempty >= 4
    assert _query(datasette, "atgarder_per_grupp", grupp="Ingen sådan grupp") == []
