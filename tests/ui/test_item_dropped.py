"""U on the meeting screen: "Punkten utgår". The templates' yearly and quarterly items say "övriga
månader hoppar ni över punkten"; a dropped item keeps its § in the minutes with "Punkten utgår."
under it (public and internal alike: it says nothing of the item's content), leaves the agenda's
planned time, and U again takes it up. A closed meeting changes only when corrected on the
record; what another program wrote under the item meanwhile stays."""

from __future__ import annotations

import asyncio
from datetime import datetime

from textual.pilot import Pilot
from textual.widgets import Static

from meetingtui.export.minutes import export_minutes
from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.model import AgendaItem, ItemKind
from meetingtui.services import meetings
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store.amendments import amendments_of
from meetingtui.ui.app import make_app
from tests.conftest import Clock

DROPPED = "Punkten utgår."


def _item(ws: Workspace, meeting_id: int, kind: ItemKind = ItemKind.TEXT) -> AgendaItem:
    """The meeting's last item of `kind` (a text item: one never visited in the fixtures)."""
    return [item for item in meetings.items(ws, meeting_id) if item.kind is kind][-1]


async def _to(pilot: Pilot[None], item: AgendaItem) -> None:
    await pilot.press(*str(item.position))
    await pilot.pause()


def _minutes(ws: Workspace, meeting_id: int, public: bool = False) -> str:
    path = ws.locations.exports / f"{'offentlig' if public else 'intern'}.md"
    export_minutes(ws, meeting_id, public=public, fmt="md", path=path, force=True)
    return path.read_text(encoding="utf-8")


def test_an_item_is_dropped_and_taken_up_again(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    item = _item(ws, meeting_id)
    heading = f"§ {item.position} {item.title}"
    seen: dict[str, str] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await _to(pilot, item)
            await pilot.press("U")
            await pilot.pause()
            seen["header"] = str(app.screen.query_one("#item-header", Static).render())
            seen["said"] = " ".join(n.message for n in app._notifications)
            seen["internal"] = _minutes(ws, meeting_id)
            seen["public"] = _minutes(ws, meeting_id, public=True)
            seen["html"] = build_minutes_html(load_meeting(ws, meeting_id), public=True,
                                              municipality="Exempelkommun")
            await pilot.press("U")  # taken up again
            await pilot.pause()
            seen["again"] = " ".join(n.message for n in app._notifications)

    asyncio.run(run())
    assert seen["header"].startswith(f"§ {item.position} (utgår) {item.title}")
    assert f"§ {item.position} utgår i det här mötet" in seen["said"]
    for version in ("internal", "public"):
        assert f"{heading}\n\n{DROPPED}\n" in seen[version]
    assert f"<p>{DROPPED}</p>" in seen["html"]  # the published page

    assert f"§ {item.position} tas upp igen." in seen["again"]
    assert not meetings.get_item(ws, item.id or 0).dropped
    assert DROPPED not in _minutes(ws, meeting_id)


def test_a_dropped_next_meeting_is_not_asked_for_on_closing(
        in_meeting: tuple[Workspace, int]) -> None:
    """A group that does not set its next meeting at the table drops the item; closing then
    does not ask for a date the minutes will not show."""
    ws, meeting_id = in_meeting
    item = _item(ws, meeting_id, ItemKind.NEXT)
    questions: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await _to(pilot, item)
            for key in ("c", "U", "c"):  # asked before it is dropped, not after
                await pilot.press(key)
                await pilot.pause()
                if key == "c":
                    assert type(app.screen).__name__ == "ConfirmDialog"
                    questions.append(" ".join(str(s.render()) for s in app.screen.query(Static)))
                    await pilot.press("n")
                    await pilot.pause()

    asyncio.run(run())
    asked, after = (" ".join(q.split()) for q in questions)
    assert "Nästa möte är inte bestämt" in asked
    assert "Nästa möte är inte bestämt" not in after
    assert meetings.get_item(ws, item.id or 0).dropped


def test_a_closed_meeting_drops_an_item_only_on_the_record(
        seeded: tuple[Workspace, int, list[int]], clock: Clock) -> None:
    ws, feb_id, _ = seeded
    item = _item(ws, feb_id)
    before = len(amendments_of(ws.store, feb_id))
    clock.now = datetime(2026, 3, 12, 14, 0)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=feb_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await _to(pilot, item)
            await pilot.press("U")  # closed and read-only: nothing happens
            await pilot.pause()
            assert not meetings.get_item(ws, item.id or 0).dropped
            await pilot.press("r", *"Punkten togs aldrig upp", "tab", "ctrl+u", *"Eva Berg")
            await pilot.press("enter")
            await pilot.pause()
            assert "ändras" in app.screen.sub_title
            await pilot.press("U")
            await pilot.pause()
            await pilot.press("escape")  # leaving ends the correction

    asyncio.run(run())
    assert meetings.get_item(ws, item.id or 0).dropped
    [amendment] = amendments_of(ws.store, feb_id)[before:]
    assert (amendment.by, amendment.why) == ("Eva Berg", "Punkten togs aldrig upp")
    assert "[utgår]" in amendment.new and "[utgår]" not in amendment.old
    internal = _minutes(ws, feb_id)
    assert f"§ {item.position} {item.title}\n\n{DROPPED}\n" in internal
    assert "Skäl: Punkten togs aldrig upp" in internal


def test_what_another_program_wrote_under_the_item_stays(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    ws, meeting_id = in_meeting
    item = _item(ws, meeting_id)
    other = open_workspace(ws.locations, clock=clock)  # a second program on the same file

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await _to(pilot, item)
            meetings.edit_item(other, item.id or 0, notes="Skrivet i det andra programmet")
            await pilot.press("U")
            await pilot.pause()

    try:
        asyncio.run(run())
    finally:
        other.close()
    stored = meetings.get_item(ws, item.id or 0)
    assert stored.dropped and stored.notes == "Skrivet i det andra programmet"
