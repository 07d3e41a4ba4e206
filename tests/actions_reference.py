"""The independent reference the action-list tests compare with: every live measure read with
plain sqlite3 and filtered in Python, written without the app's query code."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Ref:
    id: int
    owner: str
    org: str
    due: date | None
    status: str
    group: str
    template_id: str
    group_name: str
    meeting_id: int
    meeting_date: date
    confidential: bool
    proposal: str = ""  # '' a measure | 'proposed' waiting for a body | 'decided'

    @property
    def open(self) -> bool:
        return self.status in ("not_started", "in_progress")

    @property
    def overdue(self) -> bool:
        # A proposal waiting for a body's decision is no one's measure yet: never late.
        return (self.open and self.due is not None and self.due < TODAY
                and self.proposal != "proposed")


def reference(db: Path) -> list[Ref]:
    """Every live measure with its newest update's status, read without the app's code; a
    proposal the body rejected is nobody's measure and left out."""
    conn = sqlite3.connect(db)
    try:
        rows = []
        for mid, owner, org, due, meeting_id, deleted, secret, proposal in conn.execute(
                "SELECT id, owner, owner_org, due, meeting_id, deleted_at, confidential, "
                "proposal FROM measures"):
            if deleted is not None or proposal == "rejected":
                continue
            updates = conn.execute("SELECT id, new_status FROM measure_updates "
                                   "WHERE measure_id = ?", [mid]).fetchall()
            status = max(updates)[1]
            meeting_date, group_id = conn.execute(
                "SELECT date, group_id FROM meetings WHERE id = ?", [meeting_id]).fetchone()
            template_id, short, name = conn.execute(
                "SELECT template_id, short, name FROM groups WHERE id = ?", [group_id]).fetchone()
            rows.append(Ref(mid, owner, org, date.fromisoformat(due) if due else None, status,
                            short, template_id, name, meeting_id,
                            date.fromisoformat(meeting_date), bool(secret), proposal))
        return rows
    finally:
        conn.close()


def expected(refs: list[Ref], *, owner: str | None = None, group: str | None = None,
             status: str = "open", due_before: date | None = None,
             meeting_id: int | None = None, public: bool = False,
             partial: bool = False) -> list[int]:
    def keep(r: Ref) -> bool:
        if owner is not None:
            wanted = owner.casefold()
            org_head = r.org.split(",")[0].strip().casefold()
            if partial:
                if wanted not in r.owner.casefold() and not (r.org and wanted in r.org.casefold()):
                    return False
            elif wanted not in (r.owner.casefold(), r.org.casefold() if r.org else None,
                                org_head if r.org else None):
                return False
        if public and r.confidential:
            return False
        if group is not None and group.casefold() not in (
                r.group.casefold(), r.template_id.casefold(), r.group_name.casefold()):
            return False
        if status == "open" and not r.open:
            return False
        if status == "overdue" and not r.overdue:
            return False
        if status in ("done", "cancelled") and r.status != status:
            return False
        if due_before is not None and (r.due is None or r.due >= due_before):
            return False
        return meeting_id is None or r.meeting_id == meeting_id

    kept = [r for r in refs if keep(r)]
    kept.sort(key=lambda r: (r.proposal == "proposed", not r.overdue, r.due is None,
                             r.due or date.max, r.meeting_date, r.id))
    return [r.id for r in kept]
