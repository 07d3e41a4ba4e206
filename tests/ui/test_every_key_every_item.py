"""Every key on every item (issue 12 §1): arriving at an item with n or p leaves the keys with the
item, never in a field, and pressing any key the footer offers, or n/p/b/e/m, changes the
database only where that key says it does.

The meeting is typed in two days after its date, at 80×24, as a secretary does. Between keys the
test goes back to the item as a user would: Esc out of a dialog or a field (which cancels or
saves nothing new), never Esc on the item itself (that leaves for the groups).
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import datetime
from typing import Any

import pytest
from textual.pilot import Pilot
from textual.widgets import Input, TextArea

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.screens.meeting import MeetingScreen
from meetingtui.ui.widgets.footer import shown_keys
from tests.conftest import Clock

#: Columns that say when an item was shown, not what the meeting holds.
VOLATILE = {"version", "started_at", "ended_at", "spent_seconds", "shown_since"}
TABLES = ("groups", "people", "group_members", "meetings", "attendance", "agenda_items",
          "observations", "causes", "measures", "measure_updates", "meeting_priorities",
          "amendments", "confidentiality_changes")
#: Keys whose effect is checked on its own, or that leave the meeting (tested elsewhere).
SPECIAL = {"escape", "ctrl+q", "ctrl+p", "space", "s", "t", "f5", "c", "r"}


def content(ws: Workspace) -> dict[str, list[tuple[Any, ...]]]:
    """Everything a meeting holds, without when items were shown (which a visit writes)."""
    conn = sqlite3.connect(ws.locations.db)
    try:
        out = {}
        for table in TABLES:
            cursor = conn.execute(f"SELECT * FROM {table} ORDER BY rowid")
            names = [c[0] for c in cursor.description]
            keep = [i for i, name in enumerate(names) if name not in VOLATILE]
            out[table] = [tuple(row[i] for i in keep) for row in cursor]
        return out
    finally:
        conn.close()


def in_a_field(pilot: Pilot[None]) -> bool:
    return isinstance(pilot.app.screen.focused, Input | TextArea)


async def back_to_the_item(pilot: Pilot[None]) -> None:
    """Esc out of whatever the key opened (a dialog, a screen, a field), never off the item."""
    for _ in range(5):
        await pilot.pause()
        if isinstance(pilot.app.screen, MeetingScreen) and not in_a_field(pilot):
            return
        await pilot.press("escape")
    raise AssertionError(f"stuck on {pilot.app.screen!r} (focus {pilot.app.screen.focused!r})")


def footer_keys(pilot: Pilot[None]) -> list[str]:
    keys, _palette = shown_keys(pilot.app.screen)
    return [key.key for key in keys]


async def arrive(pilot: Pilot[None], index: int, step: int) -> MeetingScreen:
    """At item `index`, arrived with n (step 1) or p (step -1) from its neighbour."""
    screen = pilot.app.screen
    assert isinstance(screen, MeetingScreen)
    screen.go(index - step)
    await pilot.pause()
    await pilot.press("n" if step == 1 else "p")
    await pilot.pause()
    assert screen.current == index
    assert not in_a_field(pilot), (index, screen.focused)
    return screen


def item_indexes(ws: Workspace, meeting_id: int) -> list[int]:
    return list(range(len(meetings.items(ws, meeting_id))))


@pytest.mark.parametrize("step", [1, -1], ids=["arrived-with-n", "arrived-with-p"])
def test_no_key_types_into_a_field_or_changes_what_it_should_not(
        in_meeting: tuple[Workspace, int], clock: Clock, step: int) -> None:
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 12, 14, 0)  # typed in two days after the meeting
    before = content(ws)
    pressed: dict[int, list[str]] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            last = len(meetings.items(ws, meeting_id)) - 1
            for index in item_indexes(ws, meeting_id):
                if (step == 1 and index == 0) or (step == -1 and index == last):
                    continue  # no neighbour to arrive from
                screen = await arrive(pilot, index, step)
                keys = [k for k in footer_keys(pilot) if k not in SPECIAL]
                for key in dict.fromkeys([*keys, "n", "p", "b", "e", "m"]):
                    await pilot.press(key)
                    await back_to_the_item(pilot)
                    if screen.current != index:  # n or p: the neighbour, then back
                        screen.go(index)
                        await pilot.pause()
                    assert content(ws) == before, (index, key)
                    assert not in_a_field(pilot), (index, key)
                pressed[index] = keys

    asyncio.run(run())
    # Every item was visited and offered keys of its own beside the meeting's.
    assert len(pressed) == len(item_indexes(ws, meeting_id)) - 1
    assert all(keys for keys in pressed.values())


def test_the_keys_that_change_something_change_only_that(
        in_meeting: tuple[Workspace, int], clock: Clock) -> None:
    """Space on attendance toggles one person; s on the lägesbild marks the problem and, asked,
    makes it public again (recorded); t and F5 change the look, not the meeting."""
    ws, meeting_id = in_meeting
    clock.now = datetime(2026, 3, 12, 14, 0)
    before = content(ws)
    seen: list[dict[str, list[tuple[Any, ...]]]] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("2", "space")  # attendance: the first member is absent
            await pilot.pause()
            seen.append(content(ws))
            await pilot.press("space")
            await pilot.press("4", "s")  # lägesbild: the carried-over problem confidential
            await pilot.pause()
            seen.append(content(ws))
            await pilot.press("s")  # asks first; Enter is "no"
            await pilot.press("enter")
            await pilot.pause()
            seen.append(content(ws))
            await pilot.press("s", "j")
            await pilot.press("t", "t", "f5", "f5")
            await pilot.pause()
            seen.append(content(ws))

    asyncio.run(run())
    absent, marked, still, public = seen
    changed = {t for t in TABLES if absent[t] != before[t]}
    assert changed == {"attendance"}
    [toggled] = [row for row in absent["attendance"] if row not in before["attendance"]]
    assert toggled[5] == "absent"  # one person, now absent
    # The problem as a whole: February's original and its measures too, and February's
    # minutes (a closed meeting) say so in an amendment.
    assert {t for t in TABLES if marked[t] != before[t]} == {
        "observations", "measures", "amendments", "confidentiality_changes"}
    assert still == marked  # Enter answered no
    assert [r[3:5] for r in public["confidentiality_changes"]] == [
        ("Säkerhetschef", 1), ("Säkerhetschef", 0)]  # (by, confidential), both recorded
    assert public["observations"] == before["observations"]
    assert public["measures"] == before["measures"]
    assert {t for t in TABLES if public[t] != before[t]} == {"confidentiality_changes",
                                                            "amendments"}


def test_a_closed_meeting_changes_under_no_key(seeded: tuple[Workspace, int, list[int]],
                                               clock: Clock) -> None:
    """The February meeting is closed: every key on every item, arrived at with n, leaves it
    as it is (r asks for a reason first; Esc there changes nothing)."""
    ws, feb_id, _ = seeded
    clock.now = datetime(2026, 3, 12, 14, 0)
    before = content(ws)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=feb_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            for index in item_indexes(ws, feb_id)[1:]:
                screen = await arrive(pilot, index, 1)
                keys = [k for k in footer_keys(pilot) if k not in SPECIAL - {"r"}]
                for key in dict.fromkeys([*keys, "n", "p", "b", "e", "m", "space", "s", "d",
                                          "o", "a", "delete", "enter", "x", "i", "g"]):
                    await pilot.press(key)
                    await back_to_the_item(pilot)
                    if screen.current != index:
                        screen.go(index)
                        await pilot.pause()
                    assert content(ws) == before, (index, key)

    asyncio.run(run())
