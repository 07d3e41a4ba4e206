"""A meeting planned before its template made § 1, § 3 and the last item formal (`.opening`,
`.officers`, `.closing`) was copied as text items: when it starts, those the template now makes
formal and in which nothing is written take the template's kind, so that the first meeting
after an upgrade writes "Ordföranden … förklarade mötet öppnat" like every later one."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from meetingtui.model import ItemKind
from meetingtui.services import meetings
from meetingtui.store import agenda_items as item_rows
from tests.conftest import Clock
from tests.scenarios.helpers import at, group_id, scenario_workspace

DAY = date(2027, 1, 12)


def test_a_meeting_planned_before_takes_the_templates_formal_kinds_when_it_starts(
        tmp_path: Path, clock: Clock) -> None:
    at(clock, datetime(2027, 1, 13, 8, 30))  # typed in the day after
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    planned = meetings.plan_meeting(ws, group_id(ws, "EST"), DAY)
    assert planned.id is not None
    items = meetings.items(ws, planned.id)
    formal = {i.position: i.kind for i in items
              if i.kind in (ItemKind.OPENING, ItemKind.OFFICERS, ItemKind.CLOSING)}
    assert formal == {1: ItemKind.OPENING, 3: ItemKind.OFFICERS,
                      items[-1].position: ItemKind.CLOSING}
    # As an older version planned it: all three text items, § 3 already written in, and
    # the last one renamed by the chair.
    for item in items:
        if item.position in formal:
            update: dict[str, object] = {"kind": ItemKind.TEXT}
            if item.position == 3:
                update["notes"] = "Omval enligt förslag."
            if item.kind is ItemKind.CLOSING:
                update["title"] = "Avslutning"
            item_rows.update_item(ws.store, item.model_copy(update=update), item)

    meetings.start_meeting(ws, planned.id)
    kinds = {i.position: (i.title, i.kind) for i in meetings.items(ws, planned.id)}
    assert kinds[1] == ("Mötets öppnande", ItemKind.OPENING)
    assert kinds[3] == ("Val av sekreterare och justerare", ItemKind.TEXT)  # written in
    assert kinds[items[-1].position] == ("Avslutning", ItemKind.TEXT)  # not the template's
    assert [k for p, (_, k) in kinds.items() if p not in formal] == [
        i.kind for i in items if i.position not in formal]  # the others as planned

    # Running: a text item it holds stays one, started again or not.
    first = meetings.items(ws, planned.id)[0]
    item_rows.update_item(ws.store, first.model_copy(update={"kind": ItemKind.TEXT}), first)
    meetings.start_meeting(ws, planned.id)
    assert meetings.items(ws, planned.id)[0].kind is ItemKind.TEXT
