"""Forms do what their hint says (issue 12 §8): Enter saves from any field, Tab takes the
completion shown in grey, a placeholder is an example and never a value, and a paste with line
breaks keeps every line. Each test drives the keys a chair would press at 80×24 and reads back
what the database holds."""

from __future__ import annotations

import asyncio
from collections.abc import Iterable
from datetime import date

from textual import events
from textual.pilot import Pilot
from textual.widgets import Input, Static, TextArea

from meetingtui.model import Observation, Trend
from meetingtui.services import attendance, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input
from meetingtui.ui.widgets.form_input import one_line, suggester_for

SIZE = (80, 24)


def new_observations(ws: Workspace, meeting_id: int,
                     before: list[Observation]) -> list[Observation]:
    known = {o.id for o in before}
    return [o for o in lagesbild.observations(ws, meeting_id) if o.id not in known]


def focused_id(pilot: Pilot[object]) -> str | None:
    focused = pilot.app.screen.focused
    return focused.id if focused is not None else None


async def paste(pilot: Pilot[object], text: str) -> None:
    """As a terminal delivers a bracketed paste: one Paste event to the app."""
    assert pilot.app._driver is not None
    pilot.app._driver.send_message(events.Paste(text))
    await pilot.pause()


# --- Enter saves from any field ------------------------------------------------------------


def test_enter_on_a_choice_saves_the_observation(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("o", *"Hamnen", "tab", "tab", "tab", *"Bränder i containrar",
                              "tab", "tab")  # description, source → the trend (a Choice)
            assert focused_id(pilot) == "trend"
            await pilot.press("right", "enter")  # a rising trend, saved from the Choice
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, before)
    assert (added.area, added.description, added.trend) == (
        "Hamnen", "Bränder i containrar", Trend.RISING)


def test_enter_on_the_status_choice_saves_the_follow_up(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("3", "d", *"Klart", "shift+tab")  # back to the status
            assert focused_id(pilot) == "new_status"
            await pilot.press("right", "enter")  # done → cancelled, saved from the Choice
            assert type(pilot.app.screen).__name__ == "MeetingScreen"

    asyncio.run(run())
    from meetingtui.services import followup

    updates = [f.update for f in followup.followups(ws, meeting_id) if f.update is not None]
    assert [(u.new_status.value, u.comment) for u in updates] == [("cancelled", "Klart")]


def test_enter_adds_a_guest_in_the_guest_field_and_saves_from_the_attendance_table(
    seeded: tuple[Workspace, int, list[int]],
) -> None:
    ws = seeded[0]

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("n", "ctrl+u", *"1 apr")  # planned for later: not started
            await pilot.press("ctrl+g", *"Anna Lind", "enter")  # Enter adds the guest …
            assert type(app.screen).__name__ == "PlanMeetingDialog"
            assert app.screen.query_one("#guest", Input).value == ""
            await pilot.press("shift+tab")  # … and in the attendance table Enter saves
            assert focused_id(pilot) == "attendance"
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ConfirmDialog"  # start it now? no
            await pilot.press("n")

    asyncio.run(run())
    [april] = [m for m in meetings.list_meetings(ws) if m.date == date(2026, 4, 1)]
    assert april.id is not None
    assert "Anna Lind" in [a.name for a in attendance.of_meeting(ws, april.id)]
    assert (april.start, april.end) == (None, None)  # the grey "t.ex. 9:00" is no time


class NoteDialog(FormDialog[Observation]):
    """A form with a TextArea (no form of the app has one yet): Enter makes a new line there."""

    def __init__(self, ws: Workspace, meeting_id: int) -> None:
        super().__init__(lambda o, _base: lagesbild.save_observation(ws, o))
        self.meeting_id = meeting_id
        self.title = "Anteckning"

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("area", "Område", text_input(id="area"))
        yield FieldRow("description", "Beskrivning", TextArea(id="description"))

    def build(self) -> Observation:
        return Observation(meeting_id=self.meeting_id, area=self.value("area"),
                           description=self.value("description"))


def test_a_form_with_a_text_area_says_ctrl_s_saves_and_enter_makes_a_new_line(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            app.push_screen(NoteDialog(ws, meeting_id))
            await pilot.pause()
            hint = str(app.screen.query_one(".form-hint", Static).render())
            assert "Ctrl+S: spara" in hint and "ny rad" in hint
            await pilot.press(*"Torget", "tab", *"Rad ett", "enter", *"rad två")
            assert isinstance(app.screen, NoteDialog)  # Enter was a new line
            await pilot.press("ctrl+s")
            assert not isinstance(app.screen, NoteDialog)

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, before)
    assert (added.area, added.description) == ("Torget", "Rad ett\nrad två")


# --- Tab takes the suggestion; a placeholder is never a value ----------------------------


def test_tab_takes_the_suggested_category_and_moves_on(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("o", *"Torget", "tab", "tab", *"Klo")
            category = pilot.app.screen.query_one("#category", Input)
            assert category.value == "Klo"
            await pilot.press("tab")  # "Klotter" was shown in grey: Tab takes it
            assert (category.value, focused_id(pilot)) == ("Klotter", "description")
            await pilot.press(*"Taggar på muren", "tab", *"Pol", "right")  # → takes it too
            assert (pilot.app.screen.query_one("#source", Input).value,
                    focused_id(pilot)) == ("Polis", "source")
            await pilot.press("enter")

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, before)
    assert (added.area, added.category, added.description, added.source) == (
        "Torget", "Klotter", "Taggar på muren", "Polis")


def test_tab_past_an_empty_field_leaves_its_example_out(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("o", *"Torget", "tab", "tab")
            category = pilot.app.screen.query_one("#category", Input)
            assert str(category.placeholder).startswith("t.ex. ")  # reads as an example
            await pilot.press("tab", *"Nedskräpning", "enter")

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, before)
    assert (added.area, added.category, added.description) == ("Torget", "", "Nedskräpning")


def test_a_word_typed_whole_is_not_completed_into_a_longer_one() -> None:
    """Bo (a guest) and Bostadsbolag (a member's role) are both owners to offer: Tab after "Bo"
    must keep Bo."""
    suggester = suggester_for(["Bostadsbolag", "Bo", "", "Bostadsbolag"])
    assert suggester is not None

    async def suggest(text: str) -> str | None:
        return await suggester.get_suggestion(text.casefold())

    assert asyncio.run(suggest("b")) == "Bostadsbolag"
    assert asyncio.run(suggest("bo")) is None
    assert asyncio.run(suggest("BOS")) == "Bostadsbolag"
    assert asyncio.run(suggest("x")) is None
    assert suggester_for(["", ""]) is None


# --- A paste keeps every line --------------------------------------------------------------


def test_pasted_line_breaks_become_spaces(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    before = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.press("o")
            await paste(pilot, "Torget\nnorra delen\n")
            area = pilot.app.screen.query_one("#area", Input)
            assert area.value == "Torget norra delen"
            await pilot.press("tab", "tab", "tab")
            await paste(pilot, "Krossade fönster\r\n\r\n   i idrottshallen\n\ttre helger i rad")
            await pilot.press(*", igen", "enter")

    asyncio.run(run())
    [added] = new_observations(ws, meeting_id, before)
    assert (added.area, added.description) == (
        "Torget norra delen", "Krossade fönster i idrottshallen tre helger i rad, igen")


def test_one_line() -> None:
    assert one_line("a\nb") == "a b"
    assert one_line("a  \n\n  b\r\nc\u2028d") == "a b c d"
    assert one_line("\nKlotter\n") == "Klotter"
    assert one_line("a  b") == "a  b"  # blanks within a line are the model's to tidy
    assert one_line(" framför") == " framför"  # pasted after a word: its space stays
    assert one_line("\n") == one_line("") == ""


def test_the_line_under_a_field_never_says_understood_beside_an_error() -> None:
    from meetingtui.ui.widgets.field_row import _message

    assert _message("", "", "→ tis 1 dec 2026").plain == "→ tis 1 dec 2026"
    assert _message("Ange ett datum", "", "→ tis 1 dec 2026").plain == "⚠ Ange ett datum"
    assert _message("", "Personnummer", "→ tis 1 dec 2026").plain == (
        "→ tis 1 dec 2026\n⚠ Personnummer")
