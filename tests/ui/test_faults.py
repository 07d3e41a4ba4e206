"""Faults in the TUI: a full disk or a database that turned read-only while a form is open, a
template folder that is missing or broken, and F6 into a folder that cannot be written. Each is
one clear message naming the file or folder; what was typed stays on screen, nothing is claimed
as saved that was not, and what was saved before is still there.

The disk is made full with SQLite's own `max_page_count` and the database read-only with
`query_only`: the store meets the very errors a full disk and a read-only file give, as root too.
"""

from __future__ import annotations

import asyncio
import errno
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from meetingtui.paths import Locations
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from meetingtui.ui.app import make_app
from tests.conftest import Clock

LONG = "Klotter på busskuren vid torget, anmält av flera boende. " * 70  # ~4 kB: new pages


def messages(pilot: Pilot[Any]) -> list[str]:
    return [str(n.message) for n in pilot.app._notifications]


def fill_the_disk(ws: Workspace) -> None:
    # No free page left inside the file (a migration that rebuilt a table leaves some), then
    # no page more: the next write needs room the disk does not have.
    ws.store.db.execute("VACUUM")
    pages = ws.store.db.execute("PRAGMA page_count").fetchone()[0]
    ws.store.db.execute(f"PRAGMA max_page_count = {pages}")


def free_the_disk(ws: Workspace) -> None:
    ws.store.db.execute("PRAGMA max_page_count = 1073741823")


async def paste(pilot: Pilot[Any], text: str) -> None:
    """What a terminal sends when the chair pastes a police report into the focused field."""
    focused = pilot.app.focused
    assert focused is not None
    focused.post_message(events.Paste(text))
    await pilot.pause()


def test_a_full_disk_keeps_the_observation_form_open_with_its_text(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)
    text = LONG.strip()

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("o", "H", "tab", "tab", "tab")
            await paste(pilot, text)
            fill_the_disk(ws)
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "ObservationDialog"  # still open
            assert pilot.app.screen.query_one("#description", Input).value == text
            assert messages(pilot) == [
                f"Disken är full ({ws.locations.db}); den senaste ändringen sparades inte. "
                "Frigör utrymme och försök igen."]  # and no "Sparat"
            assert lagesbild.observations(ws, meeting_id) == before  # what was saved is there
            free_the_disk(ws)
            await pilot.press("ctrl+s")  # the same form, saved once there is room
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeetingScreen"
            assert messages(pilot)[-1] == "Sparat"

    asyncio.run(run())
    after = lagesbild.observations(ws, meeting_id)
    assert after[:len(before)] == before
    assert [(o.area, o.description) for o in after[len(before):]] == [("H", text)]


def test_a_full_disk_while_taking_notes_says_not_saved_and_keeps_them(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    first = meetings.items(ws, meeting_id)[0]

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("1", "e")
            pilot.app.screen.query_one("#notes", TextArea).insert(LONG)  # as if pasted
            fill_the_disk(ws)
            await pilot.press("escape")  # leaving the field saves: here it cannot
            await pilot.pause()
            state = str(pilot.app.screen.query_one("#save-state", Static).render())
            assert state == "Inte sparat – se meddelandet"
            assert pilot.app.screen.query_one("#notes", TextArea).text == LONG
            assert any(m.startswith("Disken är full") for m in messages(pilot))
            assert meetings.items(ws, meeting_id)[0].notes == first.notes
            free_the_disk(ws)
            await pilot.press("e", "ctrl+s")
            state = str(pilot.app.screen.query_one("#save-state", Static).render())
            assert state == "Sparat 09:32"

    asyncio.run(run())
    assert meetings.items(ws, meeting_id)[0].notes == LONG.strip()


def test_a_database_that_turned_read_only_names_the_file(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    count = len(lagesbild.measures(ws, meeting_id))

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("5", "a", *"Städa", "tab", *"Eva")
            ws.store.db.execute("PRAGMA query_only = ON")  # writes now fail as on a read-only file
            await pilot.press("ctrl+s")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "MeasureDialog"
            assert pilot.app.screen.query_one("#text", Input).value == "Städa"
            assert messages(pilot) == [
                f"Databasen {ws.locations.db} är skrivskyddad; ändringen sparades inte."]
            ws.store.db.execute("PRAGMA query_only = OFF")

    asyncio.run(run())
    assert len(lagesbild.measures(ws, meeting_id)) == count


# --- templates -------------------------------------------------------------------------------

def lazy_workspace(tmp_path: Path, agendas: Path, clock: Clock) -> Workspace:
    """As `meetingtui` opens it: the templates are read after the first frame."""
    db = tmp_path / "meetingtui.db"
    return Workspace(Store.open(db), None, Locations(db=db, agendas=agendas,
                                                     exports=tmp_path / "exports"), clock)


@pytest.mark.parametrize("how", ["missing", "broken"])
def test_a_template_folder_that_cannot_be_used_is_named_and_the_built_ins_work(
    how: str, tmp_path: Path, clock: Clock,
) -> None:
    own = tmp_path / "kommunens-mallar"
    if how == "broken":
        own.mkdir()
        (own / "est.md").write_text('+++\nid = "est"\nfrekvens = 1\n+++\n', encoding="utf-8")
    ws = lazy_workspace(tmp_path, own, clock)

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=(120, 40)) as pilot:
            for _ in range(100):  # the templates are read in a thread after the first frame
                await pilot.app.workers.wait_for_complete()
                await pilot.pause()
                if pilot.app._notifications:
                    break
            (warning,) = [n for n in pilot.app._notifications if n.severity == "warning"]
            assert warning.title == "Mallar som inte kunde läsas"
            first, last = str(warning.message).splitlines()
            assert first.startswith({"missing": f"• Mallmappen {own} finns inte",
                                     "broken": '• est.md:3: "frekvens" är ingen känd inställning',
                                     }[how])
            assert last == "De inbyggda mallarna och de som gick att läsa används."

    try:
        asyncio.run(run())
        est = ws.templates.get("est")  # the built-in one, whatever the folder held
        assert est is not None and est.name == "Effektiv samordning för trygghet"
        assert est.source is not None and own not in est.source.parents
        assert "sspf" in ws.templates.templates
    finally:
        ws.close()


# --- exports ---------------------------------------------------------------------------------

def test_f6_into_a_folder_that_cannot_be_written(
    in_meeting: tuple[Workspace, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    ws, meeting_id = in_meeting
    blocker = tmp_path / "delad"
    blocker.write_text("en fil där mappen borde vara", encoding="utf-8")
    ws.locations = Locations(db=ws.locations.db, agendas=ws.locations.agendas,
                             exports=blocker / "exports")
    before = sorted(tmp_path.rglob("*"))

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test() as pilot:
            await pilot.press("f6", "enter")
            await pilot.pause()
            assert type(pilot.app.screen).__name__ == "ExportDialog"  # another try is a key away
            assert messages(pilot) == [
                f"Det går inte att skriva i mappen {blocker / 'exports' / 'est'}; inget "
                "exporterades. Välj en annan mapp med --exports."]
            # A folder that exists but refuses (as root: the file system says so).
            import meetingtui.export.files as files

            def refuse(*_args: Any, **_kwargs: Any) -> Any:
                raise PermissionError(errno.EACCES, "Permission denied")

            folder = tmp_path / "exports"
            ws.locations = Locations(db=ws.locations.db, agendas=ws.locations.agendas,
                                     exports=folder)
            monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
            await pilot.press("enter")
            await pilot.pause()
            assert messages(pilot)[-1] == (
                f"Det går inte att skriva i mappen {folder / 'est'}; inget exporterades. "
                "Välj en annan mapp med --exports.")

    asyncio.run(run())
    assert blocker.read_text(encoding="utf-8") == "en fil där mappen borde vara"
    left = sorted(p for p in tmp_path.rglob("*") if p not in before)
    assert left == [tmp_path / "exports", tmp_path / "exports" / "est"]  # folders, no file
