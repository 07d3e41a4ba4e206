"""F6 never writes the minutes over a database (issue 13 §1): where the minutes' file name leads
to the database in use (a link left in the exports folder) or to any SQLite file, the export is
refused with a message, also after "replace it?" is answered yes, and every byte stays."""

from __future__ import annotations

import asyncio
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app


def messages(pilot: Pilot[Any]) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


def minutes_path(ws: Workspace) -> Path:
    """Where F6 puts the internal Word minutes of the meeting (2026-03-10, EST, running: a
    draft)."""
    return ws.locations.exports / "est" / "2026-03-10-est-minnesanteckningar-utkast.docx"


@pytest.mark.parametrize("kind", ["symbolic link", "hard link", "another SQLite file"])
def test_f6_refuses_to_write_over_a_database(kind: str, in_meeting: tuple[Workspace, int]
                                             ) -> None:
    ws, meeting_id = in_meeting
    db = ws.locations.db
    target = minutes_path(ws)
    target.parent.mkdir(parents=True)
    if kind == "symbolic link":
        target.symlink_to(db)
    elif kind == "hard link":
        os.link(db, target)
    else:
        conn = sqlite3.connect(target)
        conn.execute("CREATE TABLE kontakter (namn TEXT)")
        conn.commit()
        conn.close()
    before = db.read_bytes(), target.read_bytes()

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=(100, 30)
                                                                          ) as pilot:
            await pilot.press("f6", "enter")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "ExportDialog"  # nothing asked, nothing done
            assert messages(pilot) == [
                f"{target} är en databas, eller en av filerna som SQLite har bredvid en; en "
                "export ersätter aldrig en sådan. Ingenting skrevs: flytta filen från "
                "exportmappen."]
            # Even "replace it" (what the dialog asks for an existing file) cannot.
            pilot.app.screen.export(force=True, allow_personal_data=False)  # type: ignore[attr-defined]
            await pilot.pause()
            assert len(messages(pilot)) == 2 and messages(pilot)[1] == messages(pilot)[0]

    asyncio.run(run())
    assert (db.read_bytes(), target.read_bytes()) == before
    assert sorted(p.name for p in target.parent.iterdir()) == [target.name]  # no temporary file
