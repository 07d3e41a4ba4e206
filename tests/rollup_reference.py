"""The independent reference the roll-up tests compare with: every measure read with plain
sqlite3 and coloured in Python, without the app's query code (issue 16 §2)."""

from __future__ import annotations

import sqlite3
from collections import Counter
from datetime import date, timedelta
from pathlib import Path


def reference(db: Path, meeting_id: int) -> dict[tuple[str, str], Counter[str]]:
    """(group short, area) → counts of "green", "yellow", "red", "cancelled" and each status,
    for the roll-up of every other unarchived group as of `meeting_id`'s date (as it closed)."""
    conn = sqlite3.connect(db)
    try:
        day_text, own, status, upd, newest = conn.execute(
            "SELECT date, group_id, status, frozen_update_id, frozen_measure_id FROM meetings "
            "WHERE id = ?", [meeting_id]).fetchone()
        day = date.fromisoformat(day_text)
        closed = status == "closed"
        groups = {gid: short for gid, short, archived in conn.execute(
            "SELECT id, short, archived FROM groups") if gid != own and not archived}
        meetings = {mid: (gid, date.fromisoformat(d))
                    for mid, gid, d in conn.execute("SELECT id, group_id, date FROM meetings")}
        areas = dict(conn.execute("SELECT id, area FROM observations").fetchall())
        result: dict[tuple[str, str], Counter[str]] = {}
        for mid, meeting, obs, due, deleted, proposal in conn.execute(
                "SELECT id, meeting_id, observation_id, due, deleted_at, proposal FROM measures"):
            gid, decided = meetings[meeting]
            if deleted is not None or gid not in groups or decided > day:
                continue
            if proposal not in ("", "decided") or (closed and mid > (newest or 0)):
                continue
            updates = [(uid, s) for uid, s in conn.execute(
                "SELECT id, new_status FROM measure_updates WHERE measure_id = ?", [mid])
                if not closed or uid <= (upd or 0)]
            state = max(updates)[1] if updates else "not_started"
            end = date.fromisoformat(due) if due else None
            counts = result.setdefault((groups[gid], areas.get(obs, "") or ""), Counter())
            counts[state] += 1
            if state == "cancelled":
                counts["cancelled"] += 0  # apart, already counted by its status
            elif state in ("not_started", "in_progress") and end is not None and end < day:
                counts["red"] += 1
            elif state == "not_started" and end is not None and end <= day + timedelta(days=30):
                counts["yellow"] += 1
            else:
                counts["green"] += 1
        return result
    finally:
        conn.close()
