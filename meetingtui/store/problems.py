"""A problem over time: the observations carried from meeting to meeting share `problem_id`
(the first appearance's id). Its causes and measures stay on the appearance they were recorded
in; these queries gather them for the problem, up to a meeting (its own and earlier ones, in
meeting order: a closed meeting never counts what later meetings added)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Generic, TypeVar

from meetingtui.model import Cause, Measure, Observation
from meetingtui.store.db import Store
from meetingtui.store.measures import _as_of, with_causes
from meetingtui.store.rows import from_row, keyed_models

#: The appearances of problem :p in meetings up to meeting :m (by date, then id).
_UP_TO = """
    SELECT a.id FROM observations a JOIN meetings am ON am.id = a.meeting_id
    JOIN meetings upto ON upto.id = :m
    WHERE a.problem_id = :p AND a.deleted_at IS NULL
      AND (am.date < upto.date OR (am.date = upto.date AND am.id <= upto.id))
"""


_EACH_UP_TO = _UP_TO.replace(":p", "o.problem_id").replace(":m", "o.meeting_id")
#: A meeting's observations with their problems' cause and measure counts (one parameter: the
#: meeting). Every part goes through an index (a test reads the plan).
COUNTS_SQL = f"""SELECT o.id,
    (SELECT count(*) FROM causes c WHERE c.deleted_at IS NULL
       AND c.observation_id IN ({_EACH_UP_TO})),
    (SELECT count(*) FROM measures ms WHERE ms.deleted_at IS NULL
       AND ms.observation_id IN ({_EACH_UP_TO}))
FROM observations o WHERE o.meeting_id = ? AND o.deleted_at IS NULL"""


def problem_counts(store: Store, meeting_id: int) -> dict[int, tuple[int, int]]:
    """For each observation of the meeting: how many causes and measures its problem has, from
    every appearance up to this meeting."""
    rows = store.conn.execute(COUNTS_SQL, [meeting_id]).fetchall()
    return {int(row[0]): (int(row[1]), int(row[2])) for row in rows}


@dataclass(frozen=True)
class Seen:
    """One appearance: the observation as that meeting recorded it, and that meeting."""

    observation: Observation
    meeting_id: int
    meeting_date: date
    meeting_closed: bool


T = TypeVar("T")


@dataclass(frozen=True)
class Recorded(Generic[T]):
    """A cause or measure of the problem, and the date of the meeting it was recorded in."""

    row: T
    meeting_date: date


@dataclass(frozen=True)
class Merge:
    merged_problem_id: int
    at: datetime
    by: str
    why: str


def appearances_up_to(store: Store, problem_id: int, meeting_id: int) -> list[Seen]:
    rows = store.conn.execute(
        f"""SELECT o.*, m.date AS meeting_date, m.status AS meeting_status
        FROM observations o JOIN meetings m ON m.id = o.meeting_id
        WHERE o.id IN ({_UP_TO}) ORDER BY m.date, m.id, o.id""",
        {"p": problem_id, "m": meeting_id})
    return [Seen(from_row(Observation, record), int(record["meeting_id"]),
                 date.fromisoformat(record["meeting_date"]),
                 record["meeting_status"] == "closed") for record in _dicts(rows)]


def causes_up_to(store: Store, problem_id: int, meeting_id: int) -> list[Recorded[Cause]]:
    rows = store.conn.execute(
        f"""SELECT c.*, m.date AS meeting_date FROM causes c
        JOIN observations o ON o.id = c.observation_id JOIN meetings m ON m.id = o.meeting_id
        WHERE c.deleted_at IS NULL AND c.observation_id IN ({_UP_TO})
        ORDER BY m.date, m.id, c.id""", {"p": problem_id, "m": meeting_id})
    return [Recorded(from_row(Cause, record), date.fromisoformat(record["meeting_date"]))
            for record in _dicts(rows)]


def measures_up_to(store: Store, problem_id: int, meeting_id: int) -> list[Recorded[Measure]]:
    """With their status now."""
    rows = store.conn.execute(
        f"""SELECT ms.*, m.date AS meeting_date FROM measures_current ms
        JOIN meetings m ON m.id = ms.meeting_id
        WHERE ms.deleted_at IS NULL AND ms.observation_id IN ({_UP_TO})
        ORDER BY m.date, m.id, ms.id""", {"p": problem_id, "m": meeting_id})
    records = _dicts(rows)
    tied = with_causes(store, [from_row(Measure, record) for record in records])
    return [Recorded(measure, date.fromisoformat(record["meeting_date"]))
            for measure, record in zip(tied, records, strict=True)]


def earlier_measures(store: Store, meeting_id: int,
                     frozen: tuple[int, int] | None) -> dict[int, list[Measure]]:
    """For each observation of the meeting: the measures decided on its problem in earlier
    meetings, with their status now, or as of `frozen` for a closed meeting."""
    status, params = _as_of(frozen, "ms")
    up_to = _UP_TO.replace(":p", "o.problem_id").replace(":m", "o.meeting_id")
    found: dict[int, list[Measure]] = {}
    for observation_id, measure in keyed_models(Measure, store.conn, f"""
            SELECT o.id AS for_observation, ms.*, {status} AS status
            FROM observations o JOIN measures ms ON ms.observation_id IN ({up_to})
            WHERE o.meeting_id = ? AND o.deleted_at IS NULL AND ms.deleted_at IS NULL
              AND ms.meeting_id != o.meeting_id
            ORDER BY o.id, ms.id""", [*params, meeting_id], key="for_observation"):
        found.setdefault(int(observation_id), []).append(measure)
    return found


def merges_into(store: Store, problem_id: int) -> list[Merge]:
    rows = store.conn.execute(
        "SELECT merged_problem_id, at, by, why FROM problem_merges "
        "WHERE kept_problem_id = ? ORDER BY id", [problem_id]).fetchall()
    return [Merge(int(r[0]), datetime.fromisoformat(r[1]), r[2], r[3]) for r in rows]


def merge_problems(store: Store, kept: Observation, merged: Observation, at: datetime,
                   by: str, why: str) -> None:
    """`merged` (an observation of the same meeting as `kept`) was the same problem: its
    problem's every appearance joins `kept`'s problem, and in this meeting its causes and
    measures move to `kept` and the row itself goes (one problem, one row per meeting)."""
    assert kept.id is not None and merged.id is not None
    kept_problem = kept.problem_id or kept.id
    merged_problem = merged.problem_id or merged.id
    with store.transaction() as db:
        db.execute("UPDATE observations SET problem_id = ?, version = version + 1 "
                   "WHERE problem_id = ?", [kept_problem, merged_problem])
        for table in ("causes", "measures"):
            db.execute(f"UPDATE {table} SET observation_id = ?, version = version + 1 "
                       "WHERE observation_id = ?", [kept.id, merged.id])
        db.execute("UPDATE observations SET deleted_at = ?, version = version + 1 "
                   "WHERE id = ?", [at.isoformat(), merged.id])
        db.execute("INSERT INTO problem_merges (kept_problem_id, merged_problem_id, at, by, why) "
                   "VALUES (?, ?, ?, ?, ?)",
                   [kept_problem, merged_problem, at.isoformat(), by, why])


def _dicts(cursor: Any) -> list[dict[str, Any]]:
    names = [column[0] for column in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
