"""The independent reference the yearly report's tests compare with: observations, measures and
their status histories read with plain sqlite3 and counted in Python, from the rules in
`services.upward`'s docstring, not from its code."""

from __future__ import annotations

import sqlite3
from collections import Counter
from pathlib import Path


def _conn(db: Path) -> sqlite3.Connection:
    return sqlite3.connect(f"file:{db}?mode=ro", uri=True)


def problems_per_area(db: Path, year: int) -> Counter[str]:
    """Problems of the year per area (case-folded): each under its last appearance's area."""
    conn = _conn(db)
    last: dict[int, tuple[str, int, str]] = {}
    for problem, day, oid, area, deleted in conn.execute(
            "SELECT coalesce(o.problem_id, o.id), m.date, o.id, o.area, o.deleted_at "
            "FROM observations o JOIN meetings m ON m.id = o.meeting_id"):
        if deleted is not None or not day.startswith(f"{year}-"):
            continue
        if problem not in last or (day, oid) > last[problem][:2]:
            last[problem] = (day, oid, area.casefold())
    conn.close()
    return Counter(area for _, _, area in last.values())


def status_on(conn: sqlite3.Connection, measure_id: int, day: str) -> str:
    status = "not_started"
    for _uid, meeting_id, at, new in conn.execute(
            "SELECT id, meeting_id, at, new_status FROM measure_updates WHERE measure_id = ? "
            "ORDER BY id", [measure_id]):
        when = at[:10]
        if meeting_id is not None:
            when = conn.execute("SELECT date FROM meetings WHERE id = ?",
                                [meeting_id]).fetchone()[0]
        if when <= day:
            status = new
    return status


def decided(db: Path, year: int, day: str, *,
            public: bool = False) -> list[tuple[int, str, str, bool]]:
    """(id, text, status on `day`, overdue on `day`) of every live measure decided in a meeting
    of `year` (a proposal only once decided)."""
    conn = _conn(db)
    found = []
    for mid, text, due, date_, proposal, secret, obs in conn.execute(
            "SELECT ms.id, ms.text, ms.due, m.date, ms.proposal, ms.confidential, "
            "ms.observation_id FROM measures ms JOIN meetings m ON m.id = ms.meeting_id "
            "WHERE ms.deleted_at IS NULL"):
        if not date_.startswith(f"{year}-") or proposal not in ("", "decided"):
            continue
        if obs is not None:
            secret = secret or conn.execute("SELECT confidential FROM observations WHERE id = ?",
                                            [obs]).fetchone()[0]
        if public and secret:
            continue
        status = status_on(conn, mid, day)
        late = status not in ("done", "cancelled") and due is not None and due < day
        found.append((mid, text, status, late))
    conn.close()
    return found


def outcome(status: str, overdue: bool) -> str:
    if status in ("done", "cancelled"):
        return status
    return "overdue" if overdue else "ongoing"
