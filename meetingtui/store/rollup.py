"""The reads behind a roll-up: the measures of some groups decided up to a day, each with its
status then (as of a closed meeting's freeze point, see `measures._as_of`) and its area."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from typing import Any, NamedTuple

from meetingtui.store.db import Store


class RolledMeasure(NamedTuple):  # a tuple: a styrgrupp's roll-up reads thousands
    id: int
    group_id: int
    area: str
    text: str
    owner: str
    owner_org: str
    due: date | None
    status: str
    confidential: bool


def measures_of_groups(store: Store, group_ids: list[int], day: date,
                       frozen: tuple[int, int] | None) -> Iterator[RolledMeasure]:
    """The live measures decided in the groups' meetings on or before `day`, proposals still
    waiting or rejected left out (they are no one's measures yet); with `frozen`, only those
    stored by then, with their status then."""
    if not group_ids:
        return
    marks = ", ".join("?" for _ in group_ids)
    params: list[Any] = []
    if frozen is None:
        status = "(SELECT u.new_status FROM measure_updates u WHERE u.measure_id = m.id " \
                 "ORDER BY u.id DESC LIMIT 1)"
        newest = ""
    else:
        status = "(SELECT u.new_status FROM measure_updates u WHERE u.measure_id = m.id " \
                 "AND u.id <= ? ORDER BY u.id DESC LIMIT 1)"
        params.append(frozen[0])
        newest = "AND m.id <= ?"
    params += [*group_ids, day.isoformat()]
    if frozen is not None:
        params.append(frozen[1])
    rows = store.conn.execute(
        f"SELECT m.id, mt.group_id, coalesce(o.area, ''), m.text, m.owner, m.owner_org, m.due, "
        f"coalesce({status}, 'not_started'), m.confidential "
        "FROM measures m JOIN meetings mt ON mt.id = m.meeting_id "
        "LEFT JOIN observations o ON o.id = m.observation_id "
        f"WHERE mt.group_id IN ({marks}) AND mt.date <= ? AND m.deleted_at IS NULL "
        f"AND m.proposal IN ('', 'decided') {newest} ORDER BY m.id", params)
    for mid, group_id, area, text, owner, org, due, state, secret in rows:
        yield _rolled(mid, group_id, area, text, owner, org, due, state, secret)


def every_group_measure(store: Store) -> list[tuple[date, RolledMeasure]]:
    """The live measures of every group, proposals still waiting or rejected left out, each
    with its meeting's day, in the order of the days (then of the measures); the status as
    stored now. What `measures_of_groups` chooses from, read once for many closed meetings."""
    rows = store.conn.execute(
        "SELECT mt.date, m.id, mt.group_id, coalesce(o.area, ''), m.text, m.owner, "
        "m.owner_org, m.due, m.status, m.confidential "
        "FROM measures m JOIN meetings mt ON mt.id = m.meeting_id "
        "LEFT JOIN observations o ON o.id = m.observation_id "
        "WHERE m.deleted_at IS NULL AND m.proposal IN ('', 'decided') ORDER BY mt.date, m.id")
    return [(date.fromisoformat(day), _rolled(*row)) for day, *row in rows]


def _rolled(mid: int, group_id: int, area: str, text: str, owner: str, org: str,
            due: str | None, state: str, secret: int) -> RolledMeasure:
    return RolledMeasure(mid, group_id, area, text, owner, org,
                         date.fromisoformat(due) if due else None, state, bool(secret))
