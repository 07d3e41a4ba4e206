"""F6 exports the minutes from the meeting screen: the file is written, a personal identity
number in the public version is asked about, an existing file is only replaced when asked."""

from __future__ import annotations

import asyncio
from pathlib import Path

import docx
from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app


def exported(ws: Workspace) -> list[Path]:
    return sorted(p for p in ws.locations.exports.rglob("*") if p.is_file())


async def export(pilot: Pilot[None], *keys: str) -> None:
    """F6, the given choices, Enter; then whatever the questions get."""
    await pilot.press("f6", *keys)
    await pilot.pause()


def test_export_the_internal_minutes_from_the_meeting_screen(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await export(pilot, "enter")
            assert type(app.screen).__name__ == "ConfirmDialog"  # open the folder?
            await pilot.press("n")
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"
            # Again: the file exists; "no" keeps it, "yes" replaces it.
            (path,) = exported(ws)
            path.write_bytes(b"old")
            await export(pilot, "enter")
            assert type(app.screen).__name__ == "ConfirmDialog"  # replace?
            await pilot.press("n")
            await pilot.pause()
            assert path.read_bytes() == b"old"
            await pilot.press("escape")  # the export dialog itself
            await export(pilot, "enter")
            await pilot.press("j")  # replace
            await pilot.pause()
            await pilot.press("n")  # do not open the folder
            await pilot.pause()
            assert path.read_bytes() != b"old"

    asyncio.run(run())
    (path,) = exported(ws)
    assert path.suffix == ".docx" and "offentlig" not in path.name
    document = docx.Document(str(path))
    text = "\n".join(p.text for p in document.paragraphs)
    text += "\n".join(cell.text for table in document.tables for row in table.rows
                      for cell in row.cells)
    assert "§ 1" in text


def test_a_personal_number_in_the_public_version_is_asked_about(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    first = meetings.items(ws, meeting_id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes="Anmälan från 811218-9876 om klotter")

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await export(pilot, "right", "tab", "right", "enter")  # public, Markdown
            assert type(app.screen).__name__ == "ConfirmDialog"
            message = str(app.screen.message)  # type: ignore[attr-defined]
            assert "§ 1" in message and "Exportera ändå?" in message
            await pilot.press("n")
            await pilot.pause()
            assert exported(ws) == []
            await pilot.press("enter")  # the dialog keeps its choices: ask again
            await pilot.pause()
            await pilot.press("j")  # export anyway
            await pilot.pause()
            await pilot.press("n")  # do not open the folder
            await pilot.pause()
            assert type(app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    (path,) = exported(ws)
    assert path.name.endswith("-offentlig.md")
    assert "811218-9876" in path.read_text(encoding="utf-8")


def test_the_export_form_names_the_group_and_the_day(in_meeting: tuple[Workspace, int]) -> None:
    """"Exportera: EST 2026-03-10": which minutes, not only which day (a secretary exports
    several groups' minutes in a row)."""
    ws, meeting_id = in_meeting
    titles: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await export(pilot)
            titles.append(str(app.screen.query_one(".form-title", Static).render()))

    asyncio.run(run())
    assert titles == ["Exportera: EST 2026-03-10"]
