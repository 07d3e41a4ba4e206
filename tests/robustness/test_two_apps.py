"""Two copies of the app on one database file (a chair projecting, a secretary on a laptop), both
driven with keys (issue 13 §2–3): no save either acknowledged is lost, every clash is shown and
chosen, a save to a removed row says so, and a stale form never makes a confidential problem
public."""

# The TUI tests' fixtures are imported below; pytest passes them by name, which ruff reads as
# redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from datetime import datetime
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.widgets import TextArea

from meetingtui.agenda import load_templates
from meetingtui.export.minutes import export_minutes
from meetingtui.paths import Locations
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.panes import text as text_pane
from tests.conftest import Clock
from tests.ui.conftest import (  # noqa: F401 - the TUI tests' meeting, as fixtures here
    _no_blinking_cursor,
    agendas,
    clock,
    in_meeting,
    seeded,
    ws,
)

Both = Callable[[Pilot[None], Pilot[None]], Awaitable[None]]


def second_workspace(ws: Workspace, clock: Clock) -> Workspace:
    """Another program on the same file: its own connection, the same templates."""
    where: Locations = ws.locations
    return Workspace(Store.open(where.db), load_templates(where.template_dirs), where, clock)


def run_both(ws_a: Workspace, ws_b: Workspace, meeting_id: int, script: Both) -> None:
    async def run() -> None:
        a = make_app(ws_a, lang="sv", meeting_id=meeting_id)
        b = make_app(ws_b, lang="sv", meeting_id=meeting_id)
        async with a.run_test(size=(80, 24)) as pa, b.run_test(size=(80, 24)) as pb:
            await pa.pause()
            await pb.pause()
            await script(pa, pb)

    asyncio.run(run())


def screen_name(pilot: Pilot[None]) -> str:
    return type(pilot.app.screen).__name__


def notes_shown(pilot: Pilot[None]) -> str:
    return pilot.app.screen.query_one("#notes", TextArea).text


def test_the_same_notes_typed_in_both_apps_ask_which_stands(
        in_meeting: tuple[Workspace, int], clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    monkeypatch.setattr(text_pane, "AUTOSAVE_SECONDS", 60.0)  # saved on Esc, in this order

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("1", "e", *"Ordföranden hälsade välkommen")  # typed, not yet saved
        await b.press("1", "e", *"Mötet öppnades 9.05", "escape")  # b saves first
        await a.pause(1.3)  # a's screen learns of b's save, and keeps what a typed
        assert notes_shown(a) == "Ordföranden hälsade välkommen"
        await a.press("escape")
        await a.pause()
        assert screen_name(a) == "ConflictDialog"  # never written over silently
        assert meetings.items(ws, meeting_id)[0].notes == "Mötet öppnades 9.05"
        await a.press("s")  # merge by hand: both texts side by side, a result to write
        await a.pause()
        assert screen_name(a) == "MergeDialog"
        await a.press("end", *" - mötet öppnades 9.05", "ctrl+s")
        await a.pause()
        assert screen_name(a) == "MeetingScreen"
        assert notes_shown(a) == "Ordföranden hälsade välkommen - mötet öppnades 9.05"
        await b.pause(1.3)  # b sees what a saved, within a second
        assert notes_shown(b) == "Ordföranden hälsade välkommen - mötet öppnades 9.05"

    try:
        run_both(ws, other, meeting_id, script)
        assert meetings.items(ws, meeting_id)[0].notes == (
            "Ordföranden hälsade välkommen - mötet öppnades 9.05")
    finally:
        other.close()


def test_notes_in_one_app_and_the_decision_in_the_other_are_both_kept(
        in_meeting: tuple[Workspace, int], clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    monkeypatch.setattr(text_pane, "AUTOSAVE_SECONDS", 60.0)

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("1", "e", *"Anteckning från A")
        await b.press("1", "b", *"Beslut från B", "escape")
        await a.press("escape")
        await a.pause()
        assert screen_name(a) == "MeetingScreen"  # different fields: no clash, both kept
        decision = a.app.screen.query_one("#decision", TextArea).text
        assert decision == "Beslut från B"  # and a shows b's decision

    try:
        run_both(ws, other, meeting_id, script)
        item = meetings.items(ws, meeting_id)[0]
        assert (item.notes, item.decision) == ("Anteckning från A", "Beslut från B")
    finally:
        other.close()


def test_keep_mine_and_take_theirs_on_a_clash(
        in_meeting: tuple[Workspace, int], clock: Clock, monkeypatch: pytest.MonkeyPatch) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    monkeypatch.setattr(text_pane, "AUTOSAVE_SECONDS", 60.0)

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("1", "b", *"A:s beslut")
        await b.press("1", "b", *"B:s beslut", "escape")
        await a.press("escape")
        await a.pause()
        assert screen_name(a) == "ConflictDialog"
        await a.press("t")  # take theirs
        await a.pause()
        assert a.app.screen.query_one("#decision", TextArea).text == "B:s beslut"
        await a.press("b", "end", *" och A:s")
        await b.press("b", "end", *" - justerat", "escape")
        await a.press("escape")
        await a.pause()
        assert screen_name(a) == "ConflictDialog"
        await a.press("m")  # keep mine
        await a.pause()

    try:
        run_both(ws, other, meeting_id, script)
        assert meetings.items(ws, meeting_id)[0].decision == "B:s beslut och A:s"
    finally:
        other.close()


def test_an_edit_to_an_observation_removed_elsewhere_says_so_and_keeps_the_text(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    messages: list[str] = []

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("4", "down", "e")  # the observation form, read now
        await a.pause()
        assert screen_name(a) == "ObservationDialog"
        await b.press("4", "down", "delete", "j")  # b removes it
        await b.pause()
        await a.press("tab", "tab", "tab", "end", *" (igen)", "enter")
        await a.pause()
        assert screen_name(a) == "ObservationDialog"  # the text stays in the form
        messages.extend(str(n.message) for n in a.app._notifications)

    try:
        run_both(ws, other, meeting_id, script)
        assert any("tagits bort i ett annat program" in m for m in messages)
        assert all("(igen)" not in o.description for o in lagesbild.observations(ws, meeting_id))
    finally:
        other.close()


def test_a_stale_form_does_not_make_a_confidential_problem_public(
        in_meeting: tuple[Workspace, int], clock: Clock, tmp_path: Path) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    skolan = next(o for o in lagesbild.observations(ws, meeting_id) if o.area == "Skolan")

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("4", "down", "e")  # a opens Skolan's form: not confidential then
        await a.pause()
        await b.press("4", "down", "s")  # b marks it confidential
        await b.pause()
        await a.press("tab", "tab", "tab", "end", *" och på skolgården", "enter")  # description
        await a.pause()
        assert screen_name(a) == "MeetingScreen"  # the description is saved …

    try:
        run_both(ws, other, meeting_id, script)
        assert skolan.id is not None
        stored = lagesbild.get_observation(ws, skolan.id)
        assert stored.description.endswith("och på skolgården")
        assert stored.confidential  # … and the flag b set stands
        public = export_minutes(ws, meeting_id, public=True, fmt="md",
                                path=tmp_path / "public.md").path.read_text("utf-8")
        assert "Skolan" not in public and "skolgården" not in public
    finally:
        other.close()


def test_an_owner_changed_in_both_apps_is_shown_and_one_is_chosen(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    other = second_workspace(ws, clock)
    clock.now = datetime(2026, 3, 10, 9, 40)

    async def script(a: Pilot[None], b: Pilot[None]) -> None:
        await a.press("5", "enter")  # the action plan's first measure, in a's form
        await b.press("5", "enter")
        await a.pause()
        await b.pause()
        await a.press("tab", "end", *["backspace"] * 20, *"Gatuenheten", "enter")
        await a.pause()
        await b.press("tab", "end", *["backspace"] * 20, *"Fastighetsenheten", "enter")
        await b.pause()
        assert screen_name(b) == "ConflictDialog"
        await b.press("m")  # keep mine
        await b.pause()
        assert screen_name(b) == "MeetingScreen"

    try:
        run_both(ws, other, meeting_id, script)
        [measure] = lagesbild.measures(ws, meeting_id)
        assert measure.owner == "Fastighetsenheten"
    finally:
        other.close()
