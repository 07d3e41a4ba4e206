"""A municipality makes the app its own from the home screen (issue 14 §1–§3), with keys at
80×24: a new database asks its name once, groups are added, renamed and archived, members named."""

from __future__ import annotations

import asyncio
from pathlib import Path

from textual.pilot import Pilot

from meetingtui.agenda import load_templates
from meetingtui.paths import Locations
from meetingtui.services import groups, meetings, settings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from meetingtui.ui.app import make_app
from tests.conftest import Clock

BUILT_IN = Path(__file__).resolve().parents[2] / "agendas"


def new_database(tmp_path: Path, clock: Clock) -> Workspace:
    db = tmp_path / "ny.db"
    return Workspace(Store.open(db), load_templates([BUILT_IN]),
                     Locations(db=db, agendas=None, exports=tmp_path / "exports"), clock)


def screen(pilot: Pilot[None]) -> str:
    return type(pilot.app.screen).__name__


async def select_group(pilot: Pilot[None], short: str) -> None:
    """↑/↓ to the group's row, as the chair moves."""
    home = pilot.app.screen
    rows = [line.short for line in home.overviews]  # type: ignore[attr-defined]
    at = home.query_one("#groups").cursor_row  # type: ignore[attr-defined]
    steps = rows.index(short) - at
    await pilot.press(*(["down"] * steps if steps > 0 else ["up"] * -steps))


def test_a_new_municipality_sets_itself_up_with_keys(tmp_path: Path, clock: Clock) -> None:
    ws = new_database(tmp_path, clock)

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=(80, 24)) as pilot:
            for _ in range(40):  # the templates are read after the first frame
                await pilot.pause(0.05)
                if screen(pilot) == "SettingsDialog":
                    break
            assert screen(pilot) == "SettingsDialog"  # asked once, before anything else
            await pilot.press("enter")  # no name: refused, still asked
            await pilot.pause()
            assert screen(pilot) == "SettingsDialog"
            await pilot.press(*"Upplands Väsby kommun", "enter")
            await pilot.pause()
            assert screen(pilot) == "HomeScreen"
            assert pilot.app.screen.sub_title == "Upplands Väsby kommun"
            # The type's own council becomes the central one; two more are added.
            await select_group(pilot, "BRÅ")
            await pilot.press("e", *["backspace"] * 40, *"Lokalt BRÅ Centrala", "tab",
                              *["backspace"] * 10, *"BRÅ C", "enter")
            await pilot.pause()
            for name, short in (("Lokalt BRÅ Västra", "BRÅ V"), ("Lokalt BRÅ Östra", "BRÅ Ö")):
                await select_group(pilot, "BRÅ C")
                await pilot.press("a")  # the selected group's type comes first
                await pilot.pause()
                await pilot.press("tab", *name, "tab", *short, "enter")
                await pilot.pause()
                assert screen(pilot) == "HomeScreen"
            # Members named once: the central council's first member is Per Lund.
            await select_group(pilot, "BRÅ C")
            await pilot.press("m")
            await pilot.pause()
            assert screen(pilot) == "MembersScreen"
            assert pilot.app.screen.sub_title == "Upplands Väsby kommun"  # as on every screen
            await pilot.press("enter", *"Per Lund", "tab", "tab", *"Polisen", "tab",
                              *"per.lund@polisen.se", "enter")
            await pilot.pause()
            await pilot.press("escape")
            await pilot.pause()
            # A group the municipality does not have leaves the home screen.
            await select_group(pilot, "KFFV")
            await pilot.press("x", "j")
            await pilot.pause()
            shown = [line.short for line in pilot.app.screen.overviews]  # type: ignore[attr-defined]
            assert "KFFV" not in shown and {"BRÅ C", "BRÅ V", "BRÅ Ö"} <= set(shown)

    try:
        asyncio.run(run())
        assert settings.municipality(ws) == "Upplands Väsby kommun"
        central = groups.find_group(ws, "BRÅ C")
        assert central is not None and central.id is not None
        assert central.name == "Lokalt BRÅ Centrala" and central.template_id == "bra"
        assert {g.short for g in groups.find_groups(ws, "bra")} == {"BRÅ C", "BRÅ V", "BRÅ Ö"}
        first = groups.members(ws, central.id)[0]
        assert (first.name, first.organisation, first.email) == (
            "Per Lund", "Polisen", "per.lund@polisen.se")
        # The next meeting of the central council starts from its members, by name.
        assert meetings.default_attendance(ws, central.id)[0].name == "Per Lund"
        kffv = groups.find_group(ws, "KFFV")
        assert kffv is not None and kffv.archived
    finally:
        ws.close()


def test_a_database_with_a_name_is_not_asked_again(tmp_path: Path, clock: Clock) -> None:
    ws = new_database(tmp_path, clock)
    settings.set_municipality(ws, "Herrljunga kommun")

    async def run() -> str:
        async with make_app(ws, lang="sv").run_test(size=(80, 24)) as pilot:
            await pilot.pause(0.3)
            await pilot.press("i")  # the settings, on purpose
            await pilot.pause()
            name = str(pilot.app.screen.query_one("#municipality").value)  # type: ignore[attr-defined]
            await pilot.press("escape")
            await pilot.pause()
            return f"{screen(pilot)} {name}"

    try:
        assert asyncio.run(run()) == "HomeScreen Herrljunga kommun"
    finally:
        ws.close()
