"""The independent reference the figures' tests compare with: every observation, measure and
status change read with plain sqlite3 and counted in Python, one period at a time, written from
the rules in docs/ordforande.md "Siffror" and not from `services.stats`.

Names are compared case-folded (the app shows "centrum" and "Centrum" as one area).
"""

from __future__ import annotations

import sqlite3
import statistics
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from meetingtui.personal_numbers import mask_personal_numbers as mask

TRENDS = ("new", "rising", "unchanged", "falling")
SECRET = "<sekretess>"


@dataclass(frozen=True)
class Span:
    key: str
    first: date
    last: date


def spans(by: str, first: date, last: date) -> list[Span]:
    """Calendar months, quarters or years from `first` to `last`, the ends clipped."""
    found: list[Span] = []
    day = first
    while day <= last:
        if by == "month":
            key, month_after = f"{day.year}-{day.month:02d}", day.month + 1
        elif by == "quarter":
            key, month_after = f"{day.year}-Q{(day.month - 1) // 3 + 1}", (
                (day.month - 1) // 3 * 3 + 4)
        else:
            key, month_after = str(day.year), 13
        following = (date(day.year + 1, month_after - 12, 1) if month_after > 12
                     else date(day.year, month_after, 1))
        end = min(last, date.fromordinal(following.toordinal() - 1))
        found.append(Span(key, day, end))
        day = following
    return found


def _group_id(conn: sqlite3.Connection, short: str | None) -> int | None:
    if short is None:
        return None
    return int(conn.execute("SELECT id FROM groups WHERE lower(short) = lower(?)",
                            [short]).fetchone()[0])


def _day_of(conn: sqlite3.Connection, meeting_id: int, group_id: int | None) -> date | None:
    """The meeting's date, or None when it is another group's."""
    day, gid = conn.execute("SELECT date, group_id FROM meetings WHERE id = ?",
                            [meeting_id]).fetchone()
    return None if group_id is not None and gid != group_id else date.fromisoformat(day)


def problems(db: Path, group: str | None, periods: list[Span], public: bool,
             ) -> dict[tuple[str, str, str], tuple[int, ...]]:
    """(kind, name folded, period key) → (problems, new, rising, unchanged, falling), kind
    "all", "area" or "category"; the whole range under the key "total"."""
    conn = sqlite3.connect(db)
    try:
        group_id = _group_id(conn, group)
        rows = []
        for oid, meeting_id, area, category, trend, secret, problem, deleted in conn.execute(
                "SELECT id, meeting_id, area, category, trend, confidential, problem_id, "
                "deleted_at FROM observations"):
            day = _day_of(conn, meeting_id, group_id)
            if deleted is None and day is not None:
                rows.append((problem or oid, day, oid, area, category, trend, bool(secret)))
    finally:
        conn.close()
    counts: dict[tuple[str, str, str], list[int]] = {}
    whole = Span("total", periods[0].first, periods[-1].last)
    for span in [*periods, whole]:
        inside = [r for r in rows if span.first <= r[1] <= span.last]
        for problem in {r[0] for r in inside}:
            mine = [r for r in inside if r[0] == problem]
            last = max(mine, key=lambda r: (r[1], r[2]))
            hidden = public and any(r[6] for r in mine)
            # Public figures mask a personnummer as every public output does (tested there).
            area = SECRET if hidden else mask(last[3]) if public else last[3]
            category = SECRET if hidden else mask(last[4]) if public else last[4]
            for kind, name in (("all", ""), ("area", area), ("category", category)):
                figures = counts.setdefault((kind, name.casefold(), span.key), [0] * 5)
                figures[0] += 1
                figures[1 + TRENDS.index(last[5])] += 1
    return {key: tuple(value) for key, value in counts.items()}


@dataclass
class Decided:
    id: int
    decided: date
    owner: str
    type: str
    due: date | None
    secret: bool
    history: list[tuple[int, date, str]]  # (update id, day, new status), in id order


def measures(db: Path, group: str | None) -> list[Decided]:
    conn = sqlite3.connect(db)
    try:
        group_id = _group_id(conn, group)
        found = []
        for mid, meeting_id, owner, kind, due, secret, deleted, proposal in conn.execute(
                "SELECT id, meeting_id, owner, type, due, confidential, deleted_at, proposal "
                "FROM measures"):
            day = _day_of(conn, meeting_id, group_id)
            # A proposal waiting for its body, or rejected, is no measure (issue 16 §3).
            if deleted is not None or day is None or proposal in ("proposed", "rejected"):
                continue
            history = []
            for uid, at, in_meeting, status in conn.execute(
                    "SELECT id, at, meeting_id, new_status FROM measure_updates "
                    "WHERE measure_id = ? ORDER BY id", [mid]):
                when = at[:10] if in_meeting is None else conn.execute(
                    "SELECT date FROM meetings WHERE id = ?", [in_meeting]).fetchone()[0]
                history.append((uid, date.fromisoformat(when), status))
            found.append(Decided(mid, day, owner, kind,
                                 date.fromisoformat(due) if due else None, bool(secret),
                                 history))
        return found
    finally:
        conn.close()


def _status_on(m: Decided, day: date) -> str:
    known = [(uid, status) for uid, when, status in m.history if when <= day]
    return max(known)[1] if known else "not_started"


def _finished(m: Decided) -> tuple[str, date] | None:
    if not m.history or m.history[-1][2] not in ("done", "cancelled"):
        return None
    status, day = m.history[-1][2], m.history[-1][1]
    for _, when, was in reversed(m.history):
        if was != status:
            break
        day = when
    return status, day


def measure_figures(found: list[Decided], span: Span, today: date,
                    ) -> tuple[int, int, int, int, float | None]:
    """(decided, done, overdue, cancelled, median days to done) in one span."""
    decided = sum(1 for m in found if span.first <= m.decided <= span.last)
    done_days = []
    cancelled = 0
    for m in found:
        end = _finished(m)
        if end is None or not span.first <= end[1] <= span.last:
            continue
        if end[0] == "done":
            done_days.append((end[1] - m.decided).days)
        else:
            cancelled += 1
    overdue = 0
    if span.first <= today:
        day = min(span.last, today)
        overdue = sum(1 for m in found if m.decided <= day and m.due is not None
                      and m.due < day and _status_on(m, day) not in ("done", "cancelled"))
    median = float(statistics.median(done_days)) if done_days else None
    return decided, len(done_days), overdue, cancelled, median
