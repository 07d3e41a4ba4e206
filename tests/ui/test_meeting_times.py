"""Times and dates are the meeting's, not the wall clock's (issue 12 §4): a meeting typed in a
month later keeps its own start and end, its agenda clock counts the time it was open in the
app, and the next meeting is proposed from its own date and the group's rhythm."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time

from textual.widgets import Static

from meetingtui.services import groups, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.agenda import AgendaList
from tests.conftest import Clock


def _october(ws: Workspace, *, start: time | None, end: time | None) -> int:
    group = groups.ensure_groups(ws)[0]
    assert group.id is not None
    meeting = meetings.plan_meeting(ws, group.id, date(2026, 10, 14), start=start, end=end,
                                    place="Stadshuset")
    assert meeting.id is not None
    return meeting.id


def test_a_meeting_typed_in_a_month_later_keeps_its_times_and_counts_its_own_minutes(
        ws: Workspace, clock: Clock) -> None:
    meeting_id = _october(ws, start=time(13, 0), end=time(14, 30))
    clock.now = datetime(2026, 11, 20, 10, 0)  # the secretary types it in five weeks later
    texts: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            clock.now = datetime(2026, 11, 20, 10, 7)  # seven minutes on the first item
            await pilot.press("n")
            clock.now = datetime(2026, 11, 20, 10, 10)
            app.screen.show_agenda()  # type: ignore[attr-defined]
            await pilot.pause()
            texts.append(str(app.screen.query_one(AgendaList).render()))
            await pilot.press("c")
            await pilot.pause()
            texts.append(str(app.screen.query_one(".confirm-message", Static).render()))
            await pilot.press("j")
            await pilot.pause()

    asyncio.run(run())
    agenda, question = texts
    assert "Totalt 0:10 av" in agenda  # not the five weeks since the meeting's date
    assert "Sluttid saknas" not in question  # 14:30 was typed
    closed = meetings.get_meeting(ws, meeting_id)
    assert (closed.start, closed.end) == (time(13, 0), time(14, 30))


def test_closing_a_past_meeting_without_an_end_leaves_it_empty_and_says_so(
        ws: Workspace, clock: Clock) -> None:
    meeting_id = _october(ws, start=time(13, 0), end=None)
    clock.now = datetime(2026, 11, 20, 10, 0)
    question: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("c")
            await pilot.pause()
            question.append(str(app.screen.query_one(".confirm-message", Static).render()))
            await pilot.press("j")
            await pilot.pause()

    asyncio.run(run())
    assert "Sluttid saknas" in question[0]
    closed = meetings.get_meeting(ws, meeting_id)
    assert closed.end is None  # never the wall clock's 10.00 of another day


def test_the_next_meeting_is_proposed_from_the_meetings_own_date(
        ws: Workspace, clock: Clock) -> None:
    """October's meeting, typed in on 2 December: the next EST meeting is proposed a month
    after October 14 (the second Wednesday of November), not after today, and decided with
    Enter it is kept in October's minutes and planned."""
    meeting_id = _october(ws, start=time(13, 0), end=time(14, 30))
    clock.now = datetime(2026, 12, 2, 9, 0)
    shown: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            number = next(i.position for i in meetings.items(ws, meeting_id)
                          if i.kind.value == "next")
            await pilot.press(str(number))
            await pilot.pause()
            shown.append(str(app.screen.query_one("#next-status", Static).render()))
            await pilot.press("enter")  # into the fields: typed, a date says what it is read as
            await pilot.press(*["backspace"] * 10, *"idag")
            await pilot.pause()
            shown.append(str(app.screen.query_one("#message-next-date").render()))
            await pilot.press(*["backspace"] * 4, *"11 nov")
            await pilot.pause()
            shown.append(str(app.screen.query_one("#message-next-date").render()))
            await pilot.press("enter")  # decide
            await pilot.pause()
            shown.append(str(app.screen.query_one("#next-status", Static).render()))

    asyncio.run(run())
    proposed, today, understood, decided = shown
    assert "ons 11 nov 2026" in proposed
    assert "→ ons 2 dec 2026" in today  # "idag" is seen to be today, not the meeting's day
    assert "→ ons 11 nov 2026" in understood
    assert decided.startswith("Beslutat: nästa möte ons 11 nov 2026 kl. 13.00–14.30")
    meeting = meetings.get_meeting(ws, meeting_id)
    assert (meeting.next_date, meeting.next_start, meeting.next_end) == (
        date(2026, 11, 11), time(13, 0), time(14, 30))
    assert [m.date for m in meetings.list_meetings(ws)] == [date(2026, 10, 14),
                                                          date(2026, 11, 11)]


def test_a_groups_first_meeting_is_never_proposed_in_a_month_it_skips(
        ws: Workspace, clock: Clock) -> None:
    clock.now = datetime(2026, 12, 2, 9, 0)  # EST does not meet in December
    est = groups.ensure_groups(ws)[0]
    assert est.id is not None
    # The first Wednesday, 6 January, is Trettondedag jul: the day after.
    assert meetings.propose_date(ws, est.id) == date(2027, 1, 7)
    clock.now = datetime(2026, 11, 20, 9, 0)
    assert meetings.propose_date(ws, est.id) == date(2026, 11, 20)


def test_an_item_left_open_by_a_killed_app_counts_two_hours_at_most(
        ws: Workspace, clock: Clock) -> None:
    """The app was killed on § 1 at 13.05; opened again the next morning, the clock does not
    claim the night: one visit counts two hours at most, shown and stored."""
    meeting_id = _october(ws, start=time(13, 0), end=time(14, 30))
    meetings.start_meeting(ws, meeting_id)
    first = meetings.items(ws, meeting_id)[0]
    assert first.id is not None
    clock.now = datetime(2026, 10, 14, 13, 5)
    meetings.visit_item(ws, meeting_id, first.id)  # shown, and then the process died
    clock.now = datetime(2026, 10, 15, 8, 0)
    texts: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            texts.append(str(app.screen.query_one(AgendaList).render()))
            await pilot.press("n")

    asyncio.run(run())
    assert "Totalt 2:00 av" in texts[0]
    assert meetings.items(ws, meeting_id)[0].spent_seconds == 2 * 60 * 60
