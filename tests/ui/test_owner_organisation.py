"""A measure or commitment given to someone the meeting knows gets their organisation, keys only
at 80×24: the name typed whole or taken from the suggestions, or the role ("Kommunpolis") of a
row that has one. Measures are listed per organisation (action lists, the published site): one
with its organisation left empty beside "Per Lund, Polisen" was on nobody's list.

Never over what the user typed: an organisation typed by hand stays whatever the owner becomes,
one filled in goes when the owner becomes someone unknown, and a stored measure opened for
editing keeps the organisation it has (an Input says its first value as a change too)."""

from __future__ import annotations

import asyncio
from datetime import date, datetime
from pathlib import Path

from textual.pilot import Pilot
from textual.widgets import Input

from meetingtui.model import ItemKind, Measure
from meetingtui.services import agreements, attendance, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.agreements_data import lofte_meeting
from tests.conftest import Clock
from tests.scenarios.helpers import SIZE, press, screen_name, type_text

OWNER, ORGANISATION = "Per Lund", "Polisen"


def name_the_police(ws: Workspace, meeting_id: int) -> None:
    """The Kommunpolis row named, as § Närvaro's Enter does."""
    [row] = [p for p in attendance.of_meeting(ws, meeting_id) if p.role == "Kommunpolis"]
    attendance.update_attendee(ws, row.model_copy(update={"name": OWNER,
                                                          "organisation": ORGANISATION}), row)


def item_keys(ws: Workspace, meeting_id: int, kind: ItemKind) -> list[str]:
    [item] = [i for i in meetings.items(ws, meeting_id) if i.kind is kind]
    return list(str(item.position))


def value(pilot: Pilot[None], field: str) -> str:
    return pilot.app.screen.query_one(f"#{field}", Input).value


async def clear(pilot: Pilot[None]) -> None:
    await press(pilot, "end", *["backspace"] * 30)


def test_the_owners_organisation_follows_the_owner(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    name_the_police(ws, meeting_id)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await press(pilot, *item_keys(ws, meeting_id, ItemKind.ACTIONS), "a")
            assert screen_name(pilot) == "MeasureDialog"
            await type_text(pilot, "Kvällspatrull vid stationen")
            await press(pilot, "tab")
            await type_text(pilot, OWNER)  # typed whole
            seen["typed"] = value(pilot, "owner_org")
            await clear(pilot)
            await type_text(pilot, "Kommunpolis")  # the role of the named row
            seen["role"] = value(pilot, "owner_org")
            await clear(pilot)
            await type_text(pilot, "Fältassistenterna")  # someone the meeting does not know
            seen["unknown"] = value(pilot, "owner_org")
            await press(pilot, "tab")
            await type_text(pilot, "Kultur och fritid")  # typed by hand
            await press(pilot, "shift+tab")
            await clear(pilot)
            await type_text(pilot, "Per")
            await press(pilot, "tab")  # "Per Lund" taken from the suggestions
            seen["kept"] = value(pilot, "owner_org")
            await press(pilot, "tab")
            await type_text(pilot, "31/12")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"

    asyncio.run(run())
    assert seen == {"typed": ORGANISATION, "role": ORGANISATION, "unknown": "",
                    "kept": "Kultur och fritid"}
    [added] = [m for m in lagesbild.measures(ws, meeting_id)
               if m.text == "Kvällspatrull vid stationen"]
    assert (added.owner, added.owner_org) == (OWNER, "Kultur och fritid")


def test_a_stored_measure_keeps_its_organisation_when_opened(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    name_the_police(ws, meeting_id)
    stored = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text="Kontrollera skyltar",
                                                owner=OWNER, due=date(2026, 12, 31)))
    rows = lagesbild.measures(ws, meeting_id)
    seen: dict[str, str] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await press(pilot, *item_keys(ws, meeting_id, ItemKind.ACTIONS))
            await press(pilot, *["down"] * [m.id for m in rows].index(stored.id), "enter")
            assert screen_name(pilot) == "MeasureDialog"
            assert value(pilot, "owner") == OWNER
            seen["opened"] = value(pilot, "owner_org")
            await press(pilot, "enter")
            assert screen_name(pilot) == "MeetingScreen"

    asyncio.run(run())
    assert seen["opened"] == ""
    after = next(m for m in lagesbild.measures(ws, meeting_id) if m.id == stored.id)
    assert after.owner_org == "" and after.version == stored.version


def test_a_commitments_organisation_follows_its_owner(tmp_path: Path) -> None:
    made = lofte_meeting(tmp_path, Clock(datetime(2026, 11, 23, 9, 0)))
    ws = made.ws
    meetings.start_meeting(ws, made.meeting_id)
    name_the_police(ws, made.meeting_id)
    seen: dict[str, str] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=made.meeting_id)
        async with app.run_test(size=SIZE) as pilot:
            await press(pilot, *item_keys(ws, made.meeting_id, ItemKind.AGREEMENTS), "a")
            assert screen_name(pilot) == "CommitmentDialog"
            await type_text(pilot, "Polisen")
            await press(pilot, "tab")
            await type_text(pilot, "Samtal med näringsidkare")
            await press(pilot, "tab")
            await type_text(pilot, OWNER)
            seen["organisation"] = value(pilot, "organisation")
            await press(pilot, "ctrl+s")
            assert screen_name(pilot) == "MeetingScreen"

    asyncio.run(run())
    assert seen["organisation"] == ORGANISATION
    added = agreements.detail(ws, made.lofte_id).commitments[-1]
    assert (added.owner, added.organisation) == (OWNER, ORGANISATION)
