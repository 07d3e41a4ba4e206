"""A roll-up (issue 16 §2): the operative groups' measures, per group and area, counted by
status and coloured green / yellow / red as of a meeting's date, with the overdue ones listed.

Red: open and past its due date on the meeting's day (the due date itself is not late).
Yellow: not started and due within `SOON_DAYS` days of the meeting's day. Green: anything else
open, and done. Cancelled measures are counted apart. A closed meeting's roll-up is as it
closed: the measures stored by then, with their status then (the freeze point its minutes use).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from datetime import date, timedelta

from meetingtui.model import (
    AgendaItem,
    Group,
    ItemKind,
    MeasureStatus,
    Meeting,
    Rollup,
    RollupLate,
    RollupRow,
)
from meetingtui.services.template_items import template_item
from meetingtui.services.workspace import Workspace
from meetingtui.store import groups as group_rows
from meetingtui.store import measures as measure_rows
from meetingtui.store import rollup as rollup_rows
from meetingtui.store.measures import status_at
from meetingtui.store.meetings import frozen_at
from meetingtui.store.rollup import RolledMeasure

SOON_DAYS = 30
_STATUS = {status.value: status for status in MeasureStatus}  # the enum's call is slower


def colour(status: MeasureStatus, due: date | None, day: date) -> str:
    """"green", "yellow", "red" or "" (cancelled: apart) for a measure on `day`."""
    if status is MeasureStatus.CANCELLED:
        return ""
    if status.is_open and due is not None and due < day:
        return "red"
    if (status is MeasureStatus.NOT_STARTED and due is not None
            and due <= day + timedelta(days=SOON_DAYS)):
        return "yellow"
    return "green"


def rolled_groups(ws: Workspace, meeting: Meeting, named: list[str]) -> list[Group]:
    """The groups named (by short name, name or template id, any case), in the order named;
    none named: every group but the meeting's own that is not archived."""
    groups = group_rows.list_groups(ws.store)
    if not named:
        return [g for g in groups if g.id != meeting.group_id and not g.archived]
    chosen: list[Group] = []
    for name in named:
        wanted = " ".join(name.split()).casefold()
        for g in groups:
            if g not in chosen and wanted in (g.short.casefold(), g.name.casefold(),
                                              g.template_id.casefold()):
                chosen.append(g)
    return chosen


def rollup(ws: Workspace, meeting: Meeting, named: list[str]) -> Rollup:
    assert meeting.id is not None
    groups = rolled_groups(ws, meeting, named)
    rows = rollup_rows.measures_of_groups(ws.store, [g.id for g in groups if g.id is not None],
                                          meeting.date, frozen_at(ws.store, meeting.id))
    return _counted(groups, meeting.date, ((m, m.status) for m in rows))


class RollupReader:
    """`rollup` for many closed meetings (a publish): every group's measures and their status
    changes read once, each meeting's roll-up counted from them (read again meeting after
    meeting, a ten-year styrgrupp's roll-up took 17 ms a meeting, counted from what was read
    7 ms). The same roll-ups as `rollup` (tests compare them); an open meeting's is read as
    `rollup` does, as things stand."""

    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self._days: list[date] = []  # each measure's meeting day, in order
        self._measures: list[RolledMeasure] | None = None
        self._changes: dict[int, list[tuple[int, str]]] = {}

    def rollup(self, meeting: Meeting, named: list[str]) -> Rollup:
        assert meeting.id is not None
        frozen = frozen_at(self.ws.store, meeting.id)
        if frozen is None:
            return rollup(self.ws, meeting, named)
        if self._measures is None:
            read = rollup_rows.every_group_measure(self.ws.store)
            self._days, self._measures = [day for day, _ in read], [m for _, m in read]
            self._changes = measure_rows.status_changes(self.ws.store, None)
        groups = rolled_groups(self.ws, meeting, named)
        ids = {g.id for g in groups}
        newest_update, newest_measure = frozen
        changes = self._changes
        none: list[tuple[int, str]] = []
        chosen = ((m, status_at(changes.get(m.id, none), newest_update))
                  for m in self._measures[:bisect_right(self._days, meeting.date)]
                  if m.group_id in ids and m.id <= newest_measure)
        return _counted(groups, meeting.date, chosen)


def _counted(groups: list[Group], day: date,
             measures: Iterable[tuple[RolledMeasure, str]]) -> Rollup:
    """The roll-up on ``day`` of the groups' measures, each with its status then."""
    shorts = {g.id: g.short for g in groups if g.id is not None}
    # Counted in plain counters, made into rows at the end: a styrgrupp's roll-up counts
    # thousands of measures, and a model's attribute is slow to add to.
    counts: dict[tuple[int, str], Counter[str]] = {}
    late: list[RollupLate] = []
    for m, value in measures:
        status = _STATUS[value]
        counted = counts.get((m.group_id, m.area))
        if counted is None:
            counted = counts[m.group_id, m.area] = Counter()
        counted[value] += 1
        shade = colour(status, m.due, day)
        if shade:
            counted[shade] += 1
        if shade == "red":
            assert m.due is not None
            owner = f"{m.owner}, {m.owner_org}" if m.owner_org else m.owner
            # Another group's secret stays in that group: counted and dated here, its text and
            # owner in neither this meeting's screen (projected to other people) nor its minutes.
            late.append(RollupLate(measure_id=m.id, group=shorts[m.group_id], area=m.area,
                                   text="" if m.confidential else m.text,
                                   owner="" if m.confidential else owner, due=m.due,
                                   status=status, confidential=m.confidential))
    order = {g.id: n for n, g in enumerate(groups)}
    ordered = [RollupRow(group=shorts[k[0]], area=k[1], **counts[k])
               for k in sorted(counts, key=lambda k: (order[k[0]], k[1] == "",
                                                      k[1].casefold()))]
    late.sort(key=lambda r: (r.due, r.group, r.measure_id))
    return Rollup(day=day, groups=[g.short for g in groups], rows=ordered, late=late)


def rollup_for_item(ws: Workspace, meeting: Meeting, group: Group, item: AgendaItem,
                    reader: RollupReader | None = None) -> Rollup:
    """The roll-up a meeting's `rollup` item shows (the groups its template item names)."""
    found = template_item(ws, group, item)
    named = list(found.groups) if found is not None else []
    return reader.rollup(meeting, named) if reader is not None else rollup(ws, meeting, named)


def rollup_of_meeting(ws: Workspace, meeting: Meeting, group: Group, items: list[AgendaItem],
                      reader: RollupReader | None = None) -> Rollup | None:
    """The roll-up of the meeting's first `rollup` item; None when it has none."""
    first = next((i for i in items if i.kind is ItemKind.ROLLUP), None)
    return None if first is None else rollup_for_item(ws, meeting, group, first, reader)
