"""Keys typed faster than the app reads them (a fast typist, a remote desktop or an SSH link that
delivers a burst of keys at once) land where the user meant: after Tab, in the next field."""

from __future__ import annotations

import asyncio

import pytest
from textual import events
from textual.widgets import Input, TextArea

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.agenda import AgendaList
from tests.scenarios.helpers import SIZE, all_keys_handed_on, press, screen_name, type_text


def test_a_burst_of_keys_with_tabs_fills_the_fields_in_turn(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "4", "enter")  # § 4 Lägesbild: the first observation
            assert screen_name(pilot) == "ObservationScreen"
            await press(pilot, "a")
            assert screen_name(pilot) == "MeasureDialog"
            # One burst: the measure, Tab, its owner, Tab, the organisation.
            await type_text(pilot, "Belysning vid torget\tPer Lindqvist\tTekniska")
            for field in pilot.app.screen.query(Input):
                seen[field.id or ""] = field.value

    asyncio.run(run())
    assert seen["text"] == "Belysning vid torget"
    assert seen["owner"] == "Per Lindqvist"
    assert seen["owner_org"] == "Tekniska"


def test_a_tab_in_a_burst_takes_the_completion_of_what_was_typed_before_it(
    in_meeting: tuple[Workspace, int],
) -> None:
    """"Rädd" Tab at the end of one burst: the source completes to "Räddningstjänst" (from the
    keys before Tab, not from the field as it was when the burst arrived)."""
    ws, meeting_id = in_meeting
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "4", "o")
            assert screen_name(pilot) == "ObservationDialog"
            await type_text(pilot, "Centrum\tBusskuren\tKlotter\tKrossat glas\tRädd\t")
            for field in pilot.app.screen.query(Input):
                seen[field.id or ""] = field.value

    asyncio.run(run())
    assert (seen["area"], seen["place_detail"], seen["category"], seen["description"],
            seen["source"]) == ("Centrum", "Busskuren", "Klotter", "Krossat glas",
                                "Räddningstjänst")


# --- the key that moves the focus or opens a form, and the keys typed straight after it -------

def test_letters_straight_after_e_on_a_text_item_are_its_notes_not_commands(
    in_meeting: tuple[Workspace, int],
) -> None:
    """`e` and a sentence in one burst (a chair who types on at once, or keys that waited while
    the app was busy): the sentence is the notes. Before, its letters ran the meeting's keys:
    `m` opened the meeting's details, `n` and `p` moved on, `c` offered to close the meeting."""
    ws, meeting_id = in_meeting
    seen: dict[str, object] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "1")  # § 1 Mötets öppnande
            await type_text(pilot, "eOrdföranden öppnade mötet, 12 närvarande.")
            seen["screen"] = screen_name(pilot)
            seen["notes"] = pilot.app.screen.query_one("#notes", TextArea).text
            shown = pilot.app.screen.query_one(AgendaList).shown
            assert shown is not None
            seen["item"] = shown[1] + 1

    asyncio.run(run())
    assert seen["screen"] == "MeetingScreen"
    assert seen["item"] == 1
    assert seen["notes"] == "Ordföranden öppnade mötet, 12 närvarande."
    items = meetings.items(ws, meeting_id)
    assert items[0].notes == "Ordföranden öppnade mötet, 12 närvarande."  # saved
    assert all(not item.notes for item in items[1:])


def test_letters_straight_after_the_key_that_opens_a_form_are_its_first_field(
    in_meeting: tuple[Workspace, int],
) -> None:
    """`o` (new observation) on the lägesbild and the area in one burst: the form opens and
    the area is in its first field, none of it run as the lägesbild's keys."""
    seen = _fields_after_burst(*in_meeting, "4", "oNorra centrum\tBusskuren")
    assert seen["screen"] == "ObservationDialog"
    assert (seen["area"], seen["place_detail"]) == ("Norra centrum", "Busskuren")


@pytest.mark.parametrize("refresh", [1 / 60, 0.3])
def test_an_item_key_the_notes_key_and_the_notes_in_one_burst(
    in_meeting: tuple[Workspace, int], monkeypatch: pytest.MonkeyPatch, refresh: float,
) -> None:
    """From the attendance table, `7` (Övriga frågor, not shown before), `e` and the notes in
    one burst: the notes are the item's (found at 80×24 in tmux: `o` after `7` was lost and the
    letters after it ran the meeting's keys). A pane just shown takes the focus once the screen
    has been refreshed, which a busy machine or a slow link delays: Textual's usual 1/60 s
    between refreshes, and 0.3 s."""
    monkeypatch.setattr("textual.screen.UPDATE_PERIOD", refresh)
    ws, meeting_id = in_meeting
    seen: dict[str, object] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "2")  # § 2 Närvaro
            await pilot.pause(2 * refresh)  # its table has the focus
            await type_text(pilot, "7eInget att rapportera.")
            await pilot.pause(2 * refresh)
            seen["screen"] = screen_name(pilot)
            shown = pilot.app.screen.query_one(AgendaList).shown
            assert shown is not None
            seen["item"] = shown[1] + 1
            await press(pilot, "escape")  # leaving the field saves it

    asyncio.run(run())
    assert (seen["screen"], seen["item"]) == ("MeetingScreen", 7)
    notes = {item.position: item.notes for item in meetings.items(ws, meeting_id)}
    assert notes[7] == "Inget att rapportera."
    assert all(not text for position, text in notes.items() if position != 7)


def test_the_item_key_the_form_key_and_its_first_field_in_one_burst(
    in_meeting: tuple[Workspace, int],
) -> None:
    """From the attendance table, `4` (back to the lägesbild), `o` and the area in one burst:
    the lägesbild has the focus before `o` reaches it, and the letters are the area."""
    seen = _fields_after_burst(*in_meeting, "2", "4oCentrum\tTorget")  # from § 2 Närvaro
    assert seen["screen"] == "ObservationDialog"
    assert (seen["area"], seen["place_detail"]) == ("Centrum", "Torget")


def test_a_paste_straight_after_e_is_the_notes(in_meeting: tuple[Workspace, int]) -> None:
    """`e` and a paste (Ctrl+V in the terminal) in one burst: the pasted text is the item's
    notes, not lost on the agenda the paste reached before the notes had the focus."""
    ws, meeting_id = in_meeting
    pasted = "Ordföranden öppnade mötet.\nTolv närvarande."

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "1")  # § 1 Mötets öppnande
            app = pilot.app
            assert app._driver is not None
            app._driver.send_message(events.Key("e", "e"))
            app._driver.send_message(events.Paste(pasted))
            await all_keys_handed_on(pilot)
            await press(pilot, "escape")  # leaving the field saves it

    asyncio.run(run())
    assert meetings.items(ws, meeting_id)[0].notes == pasted


def _fields_after_burst(ws: Workspace, meeting_id: int, item: str,
                        burst: str) -> dict[str, str]:
    """The screen's name (under "screen") and each field's text, after pressing ``item``,
    waiting until its pane has the focus, and typing ``burst`` in one go."""
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, item)
            await pilot.pause(0.1)
            await type_text(pilot, burst)
            seen["screen"] = screen_name(pilot)
            for field in pilot.app.screen.query(Input):
                seen[field.id or ""] = field.value

    asyncio.run(run())
    return seen
