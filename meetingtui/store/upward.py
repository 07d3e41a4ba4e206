"""The rows the documents upward (the yearly lägesbild and åtgärdsplan, a quarter's lägesbild
summary) are made from: problems' appearances with their causes, measures with their status
history, the quarters' priorities, proposals, agreements and their commitments.

Only the standard library's sqlite3 on any connection, plain tuples; `services.upward` counts
and orders them. The figures per area and category are `store.stats`'s (read through
`services.stats`), not read again here.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from meetingtui.store.stats import MEETING_STATUSES

_STATUSES = ", ".join(f"'{status}'" for status in MEETING_STATUSES)


class AppearanceRow(NamedTuple):
    """One observation: a problem's appearance at one meeting."""

    problem_id: int
    id: int
    group: str  # the group's short name
    meeting_date: str  # ISO
    area: str
    place_detail: str
    category: str
    description: str
    source: str
    trend: str
    level: int
    status: str  # open | watched | handled | dismissed
    confidential: bool


class CauseRow(NamedTuple):
    observation_id: int
    text: str
    basis: str  # '' | assumption | data


class MeasureRow(NamedTuple):
    id: int
    group: str
    decided: str  # the deciding meeting's date, ISO
    observation_id: int | None
    area: str  # its observation's area, '' without one
    text: str
    owner: str
    owner_org: str
    due: str | None
    type: str
    level: str
    confidential: bool  # itself or its problem
    proposed_to: str
    proposal: str  # '' | proposed | decided | rejected
    proposal_decided_on: str | None
    proposal_reason: str


class StatusRow(NamedTuple):
    measure_id: int
    id: int
    day: str  # the meeting's date when recorded in one, else the day it was recorded
    status: str


class PriorityRow(NamedTuple):
    group: str
    quarter: str
    meeting_date: str
    position: int
    title: str


class AgreementRow(NamedTuple):
    id: int
    kind: str
    title: str
    group: str  # '' for one of the whole municipality
    period_start: str
    period_end: str
    parties: str
    text: str


class CommitmentRow(NamedTuple):
    agreement_id: int
    party: str
    text: str
    owner: str
    organisation: str
    due: str | None
    status: str


def _in_range(group: bool) -> str:
    return ("SELECT m.id AS id, m.date AS date, g.short AS short "
            "FROM meetings m JOIN groups g ON g.id = m.group_id "
            f"WHERE m.status IN ({_STATUSES}) AND m.date BETWEEN :first AND :last"
            + (" AND m.group_id = :group" if group else ""))


def appearances(conn: sqlite3.Connection, first: str, last: str,
                group_id: int | None = None) -> list[AppearanceRow]:
    """Every live observation of the meetings dated `first`..`last` (ISO, both included)."""
    rows = conn.execute(
        "SELECT coalesce(o.problem_id, o.id), o.id, m.short, m.date, o.area, o.place_detail, "
        "o.category, o.description, o.source, o.trend, o.level, o.status, o.confidential "
        f"FROM ({_in_range(group_id is not None)}) m "
        "JOIN observations o ON o.meeting_id = m.id WHERE o.deleted_at IS NULL",
        {"first": first, "last": last, "group": group_id}).fetchall()
    return [AppearanceRow._make((*row[:-1], bool(row[-1]))) for row in rows]


def causes(conn: sqlite3.Connection, observation_ids: list[int]) -> list[CauseRow]:
    """The live causes of these observations, in the order recorded."""
    found: list[CauseRow] = []
    for start in range(0, len(observation_ids), 500):  # SQLite's limit on parameters
        chunk = observation_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        found += [CauseRow(*row) for row in conn.execute(
            f"SELECT observation_id, text, basis FROM causes WHERE observation_id IN ({marks}) "
            "AND deleted_at IS NULL ORDER BY id", chunk)]
    return found


_MEASURE = ("SELECT ms.id, m.short, m.date, ms.observation_id, coalesce(o.area, ''), ms.text, "
            "ms.owner, ms.owner_org, ms.due, ms.type, ms.level, "
            # A measure of a confidential problem is confidential with it.
            "max(ms.confidential, coalesce(o.confidential, 0)), "
            "ms.proposed_to, ms.proposal, ms.proposal_decided_on, ms.proposal_reason ")


#: Every meeting with its group's short name, as `m` in the measures' queries.
_MEETINGS = ("(SELECT mt.id AS id, mt.date AS date, g.short AS short, mt.group_id AS group_id, "
             "mt.status AS status FROM meetings mt JOIN groups g ON g.id = mt.group_id)")


def _measures(rows: list[tuple[object, ...]]) -> list[MeasureRow]:
    return [MeasureRow._make((*row[:11], bool(row[11]), *row[12:])) for row in rows]


def measures(conn: sqlite3.Connection, first: str, last: str,
             group_id: int | None = None) -> list[MeasureRow]:
    """The live measures (and proposals) made in the meetings dated `first`..`last`."""
    return _measures(conn.execute(
        f"{_MEASURE} FROM ({_in_range(group_id is not None)}) m "
        "JOIN measures ms ON ms.meeting_id = m.id "
        "LEFT JOIN observations o ON o.id = ms.observation_id "
        "WHERE ms.deleted_at IS NULL ORDER BY m.date, ms.id",
        {"first": first, "last": last, "group": group_id}).fetchall())


def open_on(conn: sqlite3.Connection, day: str, group_id: int | None = None) -> list[MeasureRow]:
    """The live measures decided on `day` or before, due before it, that may have been open on
    it: open now, or their status changed after it (`statuses` tells)."""
    return _measures(conn.execute(
        f"{_MEASURE} FROM measures ms JOIN {_MEETINGS} m ON m.id = ms.meeting_id "
        "LEFT JOIN observations o ON o.id = ms.observation_id "
        f"WHERE ms.deleted_at IS NULL AND m.status IN ({_STATUSES}) AND m.date <= :day "
        "AND ms.due < :day AND ms.proposal IN ('', 'decided') "
        "AND (:group IS NULL OR m.group_id = :group) "
        "AND (ms.status IS NULL OR ms.status IN ('not_started', 'in_progress') "
        "     OR EXISTS (SELECT 1 FROM measure_updates u LEFT JOIN meetings um "
        "                ON um.id = u.meeting_id WHERE u.measure_id = ms.id "
        "                AND coalesce(um.date, substr(u.at, 1, 10)) > :day)) "
        "ORDER BY ms.due, ms.id",
        {"day": day, "group": group_id}).fetchall())


def statuses(conn: sqlite3.Connection, measure_ids: list[int]) -> list[StatusRow]:
    """The status history of these measures, in the order recorded."""
    found: list[StatusRow] = []
    for start in range(0, len(measure_ids), 500):
        chunk = measure_ids[start:start + 500]
        marks = ", ".join("?" * len(chunk))
        found += [StatusRow(*row) for row in conn.execute(
            "SELECT u.measure_id, u.id, coalesce(um.date, substr(u.at, 1, 10)), u.new_status "
            "FROM measure_updates u LEFT JOIN meetings um ON um.id = u.meeting_id "
            f"WHERE u.measure_id IN ({marks}) ORDER BY u.id", chunk)]
    return found


def priorities(conn: sqlite3.Connection, quarters: list[str],
               group_id: int | None = None) -> list[PriorityRow]:
    """The priorities chosen for these quarters ("2026-Q1"), by every meeting that chose any."""
    marks = ", ".join("?" * len(quarters))
    return [PriorityRow(*row) for row in conn.execute(
        "SELECT g.short, p.quarter, m.date, p.position, p.title FROM meeting_priorities p "
        "JOIN meetings m ON m.id = p.meeting_id JOIN groups g ON g.id = m.group_id "
        f"WHERE p.quarter IN ({marks}) AND m.status IN ({_STATUSES}) "
        "AND (? IS NULL OR m.group_id = ?) ORDER BY p.quarter, g.short, m.date, p.position",
        [*quarters, group_id, group_id])]


def agreements(conn: sqlite3.Connection, first: str, last: str) -> list[AgreementRow]:
    """The live agreements whose period overlaps `first`..`last`."""
    return [AgreementRow(*row) for row in conn.execute(
        "SELECT a.id, a.kind, a.title, coalesce(g.short, ''), a.period_start, a.period_end, "
        "a.parties, a.text FROM agreements a LEFT JOIN groups g ON g.id = a.group_id "
        "WHERE a.deleted_at IS NULL AND a.period_start <= ? AND a.period_end >= ? "
        "ORDER BY a.kind, a.period_start, a.id", [last, first])]


def commitments(conn: sqlite3.Connection, agreement_ids: list[int]) -> list[CommitmentRow]:
    marks = ", ".join("?" * len(agreement_ids))
    return [CommitmentRow(*row) for row in conn.execute(
        "SELECT agreement_id, party, text, owner, organisation, due, status FROM commitments "
        f"WHERE agreement_id IN ({marks}) AND deleted_at IS NULL ORDER BY agreement_id, id",
        agreement_ids)]


def agreement_measures(conn: sqlite3.Connection,
                       agreement_ids: list[int]) -> list[tuple[int, MeasureRow]]:
    """(agreement id, measure) for the live measures that carry out these agreements."""
    marks = ", ".join("?" * len(agreement_ids))
    rows = conn.execute(
        f"SELECT am.agreement_id, {_MEASURE.removeprefix('SELECT ')} FROM agreement_measures am "
        "JOIN measures ms ON ms.id = am.measure_id "
        f"JOIN {_MEETINGS} m ON m.id = ms.meeting_id "
        "LEFT JOIN observations o ON o.id = ms.observation_id "
        f"WHERE am.agreement_id IN ({marks}) AND ms.deleted_at IS NULL ORDER BY m.date, ms.id",
        agreement_ids).fetchall()
    return [(row[0], _measures([row[1:]])[0]) for row in rows]
