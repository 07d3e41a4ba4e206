"""A whole EST meeting run with keys only, then checked in the database through the services."""

from __future__ import annotations

import asyncio
from datetime import date, time

from textual.pilot import Pilot

from meetingtui.model import Dimension, MeasureStatus, MeetingStatus, Presence
from meetingtui.services import attendance, followup, lagesbild, meetings, priorities
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app

OBSERVATIONS = [
    # area, category typed (accepted from the template's list with →), description, cause,
    # ← → steps on the problem triangle, measure, owner, due
    ("Torget", "Kl", "Klotter", "Tags", "Mörkt", 1, "Lampor", "Kommunpolis", "1/4"),
    ("Skolan", "Sk", "Skadegörelse", "Krossat", "Öde", 2, "Vakt", "Bo", "15 apr"),
    ("Parken", "Ot", "Otrygghet", "Gäng", "Buskar", 0, "Röj", "Eva", "2026-05-01"),
]


async def write(pilot: Pilot[None], text: str) -> None:
    await pilot.press(*text)


async def run_meeting(ws: Workspace) -> None:
    """Everything the chair does, as key presses (pytest runs no event loop of its own here)."""
    app = make_app(ws, lang="sv")
    async with app.run_test(size=(100, 30)) as pilot:
        # Home: the EST row is selected; n plans a meeting (date proposed: 2026-03-10).
        await pilot.press("n")
        await pilot.press("tab")
        await write(pilot, "9:15")
        await pilot.press("tab")
        await write(pilot, "Aulan")
        await pilot.press("tab", "tab")  # chair stays as proposed
        await write(pilot, "Eva")
        await pilot.press("tab")
        await write(pilot, "Ali")
        await pilot.press("tab", "down", "space")  # Folkhälsostrateg is absent
        await pilot.press("tab")
        await write(pilot, "Bo")
        await pilot.press("enter")  # a co-opted guest
        await pilot.press("ctrl+s")
        assert type(app.screen).__name__ == "MeetingScreen"

        # § 1 text: notes and a decision.
        await pilot.press("e")
        await write(pilot, "Hej **alla**")
        await pilot.press("escape", "b")
        await write(pilot, "Ok")
        await pilot.press("escape")

        # § 2 attendance: Kommunpolis leaves.
        await pilot.press("n", "down", "down", "space")

        # § 3 follow-up of February's two open measures.
        await pilot.press("n", "d")
        await write(pilot, "Klart")
        await pilot.press("enter", "down", "i")
        await write(pilot, "Vi jobbar")
        await pilot.press("enter")

        # § 4 lägesbild: three observations, each with a cause and a measure.
        await pilot.press("n")
        for area, typed, _category, text, cause, steps, measure, owner, due in OBSERVATIONS:
            await pilot.press("o")
            await write(pilot, area)
            await pilot.press("tab", "tab")
            await write(pilot, typed)
            await pilot.press("right", "tab")  # accept the suggested category
            await write(pilot, text)
            await pilot.press("enter")
            await pilot.press("enter", "c")  # open it; a new cause
            await write(pilot, cause)
            await pilot.press("tab", *["right"] * steps, "ctrl+s")
            await pilot.press("a")
            await write(pilot, measure)
            await pilot.press("tab")
            await write(pilot, owner)
            await pilot.press("tab", "tab")
            await write(pilot, due)
            await pilot.press("ctrl+s", "escape")

        # § 5 actions (three measures), § 6 priorities: e enters the first field.
        await pilot.press("n", "n", "e")
        for title in ("Torget", "Skolan", "Parken"):
            await write(pilot, title)
            await pilot.press("enter")
        # § 7 other business, § 8 next meeting: Enter enters the fields, Enter decides the
        # proposed date, time and place.
        await pilot.press("n", "n", "enter", "enter")
        await pilot.press("n", "c", "j")
        await pilot.pause()
        assert type(app.screen).__name__ == "ConfirmDialog"  # export now? not this time
        await pilot.press("n")
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


def test_a_whole_est_meeting_with_keys_only(seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, _feb_id, (sanera_id, vandring_id) = seeded
    asyncio.run(run_meeting(ws))
    # --- what the database holds, read through the services -------------------------------
    march = [m for m in meetings.list_meetings(ws) if m.date == date(2026, 3, 10)]
    assert len(march) == 1
    m = march[0]
    assert m.id is not None
    assert (m.start, m.place, m.chair, m.secretary, m.adjuster, m.status) == (
        time(9, 15), "Aulan", "Säkerhetschef", "Eva", "Ali", MeetingStatus.CLOSED)

    presence = {a.name: a.presence for a in attendance.of_meeting(ws, m.id)}
    assert presence["Folkhälsostrateg"] is Presence.ABSENT
    assert presence["Kommunpolis"] is Presence.ABSENT
    assert presence["Säkerhetschef"] is Presence.PRESENT
    assert presence["Bo"] is Presence.GUEST

    agenda = meetings.items(ws, m.id)
    assert (agenda[0].notes, agenda[0].decision) == ("Hej **alla**", "Ok")
    assert all(item.visited for item in agenda)

    done = {f.measure.id: f for f in followup.followups(ws, m.id)}
    assert done[sanera_id].update is not None and done[vandring_id].update is not None
    assert (done[sanera_id].update.new_status, done[sanera_id].update.comment) == (
        MeasureStatus.DONE, "Klart")
    assert (done[vandring_id].update.new_status, done[vandring_id].update.comment) == (
        MeasureStatus.IN_PROGRESS, "Vi jobbar")
    assert done[sanera_id].update.meeting_id == m.id

    observed = lagesbild.observations(ws, m.id)
    carried = [o for o in observed if o.carried_over_from]
    new = [o for o in observed if not o.carried_over_from]
    assert len(carried) == 1
    assert [(o.area, o.category, o.description) for o in new] == [
        (area, category, text) for area, _t, category, text, *_ in OBSERVATIONS]
    causes = lagesbild.causes(ws, m.id)
    dimensions = list(Dimension)
    assert [(c.text, c.dimension) for c in causes] == [
        (cause, dimensions[(dimensions.index(Dimension.PLACE) + steps) % 3])
        for *_, cause, steps, _m, _o, _d in OBSERVATIONS]
    measures = lagesbild.measures(ws, m.id)
    assert [(x.text, x.owner, x.due) for x in measures] == [
        ("Lampor", "Kommunpolis", date(2026, 4, 1)), ("Vakt", "Bo", date(2026, 4, 15)),
        ("Röj", "Eva", date(2026, 5, 1))]
    assert [x.observation_id for x in measures] == [o.id for o in new]

    assert [p.title for p in priorities.priorities_for_meeting(ws, m.id)] == [
        "Torget", "Skolan", "Parken"]

    # The next meeting (planned on § 8) sees what is still open.
    later = [x for x in meetings.list_meetings(ws) if x.date > m.date]
    assert len(later) == 1 and later[0].id is not None
    assert later[0].date == date(2026, 4, 14)
    still_open = {f.measure.text for f in followup.followups(ws, later[0].id)}
    assert still_open == {"Trygghetsvandring i Centrum", "Lampor", "Vakt", "Röj"}
