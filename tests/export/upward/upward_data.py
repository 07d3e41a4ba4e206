"""Two years of demo data with what the documents upward need on top of it, for the tests of the
yearly report (`test_upward_yearly.py`), the quarter's summary (`test_upward_quarter.py`) and
`meetingtui report` (`test_report_command.py`): the confidential problem's and the markup's
words, the rows added to the demo, the demo and a copy of it as fixtures, and reading a Word file
back."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import docx
import pytest

from meetingtui.demo.fill import fill_demo
from meetingtui.i18n import set_language
from meetingtui.paths import resolve
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import Clock

NOW = datetime(2026, 11, 23, 9, 0)
SECRET_AREA = "Hemliga gränden"
SECRET_TEXT = "Hemlig kartläggning av en gängkonflikt"
SECRET_MEASURE = "Hemlig åtgärd mot gängkonflikten"
MARKUP = "Orsak med *stjärnor* | och <script>x</script>"
MARKUP_MEASURE = "Åtgärd med *stjärnor* | <b>fet</b>"
PERSONNUMMER = "811218-9876"


def _meetings(conn: sqlite3.Connection, short: str, year: int) -> list[int]:
    return [row[0] for row in conn.execute(
        "SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id WHERE g.short = ? "
        "AND m.date LIKE ? ORDER BY m.date", [short, f"{year}-%"])]


def _problem(conn: sqlite3.Connection, meetings: list[int], *, area: str, text: str,
             source: str, secret: bool) -> int:
    """One problem taken up at each of `meetings` (level 3, open), with a cause each time."""
    first = None
    for meeting in meetings:
        oid = conn.execute(
            "INSERT INTO observations (meeting_id, area, category, description, source, trend, "
            "level, status, confidential, problem_id) VALUES (?, ?, 'Våld', ?, ?, 'rising', 3, "
            "'open', ?, ?)", [meeting, area, text, source, int(secret), first]).lastrowid
        assert oid is not None
        first = first or oid
        conn.execute("UPDATE observations SET problem_id = ? WHERE id = ?", [first, oid])
        conn.execute("INSERT INTO causes (observation_id, text, basis) VALUES (?, ?, 'data')",
                     [oid, MARKUP if not secret else "Hemlig orsak"])
    assert first is not None
    return first


def _measure(conn: sqlite3.Connection, meeting: int, text: str, **fields: object) -> int:
    columns = {"meeting_id": meeting, "text": text, "owner": "Polisen", "owner_org": "",
               "due": "2025-10-01", "type": "situational", **fields}
    marks = ", ".join("?" * len(columns))
    mid = conn.execute(f"INSERT INTO measures ({', '.join(columns)}) VALUES ({marks})",
                       list(columns.values())).lastrowid
    assert mid is not None
    return mid


def add_upward_rows(db: Path) -> None:
    """What the demo does not (yet) hold: a confidential problem at six meetings with its
    measure, an open one with markup in its cause, proposals, and agreements."""
    conn = sqlite3.connect(db)
    with conn:
        est = _meetings(conn, "EST", 2025)
        secret = _problem(conn, est[:6], area=SECRET_AREA, text=SECRET_TEXT, source="Polisen",
                          secret=True)
        _measure(conn, est[2], SECRET_MEASURE, observation_id=secret, confidential=1)
        # Not marked itself: the problem's confidentiality covers it all the same.
        _measure(conn, est[2], f"{SECRET_MEASURE} två", observation_id=secret)
        _measure(conn, est[2], MARKUP_MEASURE)
        # Done on the year's last day counts as done at its end; on the next day it does not.
        for text, day in (("Klar på nyårsafton", "2025-12-31"), ("Klar på nyårsdagen",
                                                                 "2026-01-01")):
            done = _measure(conn, est[1], text)
            conn.execute("INSERT INTO measure_updates (measure_id, at, old_status, new_status) "
                         "VALUES (?, ?, 'not_started', 'done')", [done, f"{day}T16:00:00"])
        # Due on the year's last day is not late at its end; due the day before is.
        _measure(conn, est[1], "Klart senast nyårsafton", due="2025-12-31")
        _measure(conn, est[1], "Klart senast dagen före", due="2025-12-30")
        _problem(conn, est[:6], area="Torget", text="Bråk vid torget på fredagskvällar",
                 source="Trygghetsvandring", secret=False)
        _measure(conn, est[3], "Förslag om kameraövervakning", proposed_to="KLG",
                 proposal="proposed")
        _measure(conn, est[3], "Förslag om fältassistenter", proposed_to="KLG",
                 proposal="decided", proposal_decided_on="2025-06-10")
        _measure(conn, est[3], "Förslag om ny belysning", proposed_to="Kommunstyrelsen",
                 proposal="rejected", proposal_decided_on="2025-06-10",
                 proposal_reason="Ingen budget")
        linked = _measure(conn, est[4], "Kvällsvandringar i centrum", owner="Kommunen")
        for kind, title, first, last in (("medborgarlofte", "Tryggare centrum", "2025-03-01",
                                          "2026-02-28"),
                                         ("samverkan", "Gammal överenskommelse", "2022-01-01",
                                          "2023-12-31")):
            agreement = conn.execute(
                "INSERT INTO agreements (kind, title, period_start, period_end, parties, text, "
                "created_at) VALUES (?, ?, ?, ?, 'Polisen\nKommunen', 'Vi lovar', "
                "'2025-02-01T10:00:00')", [kind, title, first, last]).lastrowid
            conn.execute("INSERT INTO commitments (agreement_id, party, text, owner, due, "
                         "status) VALUES (?, 'Polisen', 'Fler kvällspatruller', 'Polisen', "
                         "'2025-12-01', 'in_progress')", [agreement])
            conn.execute("INSERT INTO agreement_measures VALUES (?, ?)", [agreement, linked])
    conn.close()


_BUILT: dict[Path, Path] = {}


def _built_demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo with the rows above, filled once a run (it takes seconds) for every module."""
    base = tmp_path_factory.getbasetemp()
    if base not in _BUILT:
        db = tmp_path_factory.mktemp("upward-demo") / "demo.db"
        ws = open_workspace(resolve(db=db, exports=db.parent / "exports"), clock=Clock(NOW))
        try:
            fill_demo(ws, years=2, seed=1)
        finally:
            ws.close()
        add_upward_rows(db)
        _BUILT[base] = db
    return _BUILT[base]


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo, a module's own copy of it."""
    db = tmp_path_factory.mktemp("upward") / "demo.db"
    shutil.copy(_built_demo(tmp_path_factory), db)
    return db


@pytest.fixture
def copy(demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A workspace on a copy of the demo (a test may add to it), speaking Swedish."""
    db = tmp_path / "demo.db"
    shutil.copy(demo, db)
    set_language("sv")
    ws = open_workspace(resolve(db=db, exports=tmp_path / "exports"), clock=Clock(NOW))
    yield ws
    ws.close()


def tables(path: Path) -> dict[str, list[list[str]]]:
    """Every table of a Word file by its header row ("Område|2024|2025|Förändring")."""
    found: dict[str, list[list[str]]] = {}
    for table in docx.Document(str(path)).tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        found.setdefault("|".join(cells[0]), []).extend(cells[1:])
    return found


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])
