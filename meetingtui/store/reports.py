"""Observations reported to a group between its meetings (inrapportering), and their answers.

A report waits (`state` '') for the group's next meeting; there it is accepted, merged or
rejected. The answer is a compare-and-swap on the report's version like every edit: a report
another program answered meanwhile is a `Conflict`, one it removed is `Gone`."""

from __future__ import annotations

from meetingtui.model import Report
from meetingtui.store.db import Store
from meetingtui.store.rows import first, insert_record, models, to_row, update_record

#: The fields an answer writes; the report's own words never change once answered.
ANSWER = ("state", "meeting_id", "observation_id", "reason")


def insert_report(store: Store, report: Report) -> Report:
    with store.transaction() as db:
        return insert_record(db, "reports", report)


def insert_reports(store: Store, reports: list[Report]) -> int:
    """Many reports in one transaction (an import): all or none. Returns how many."""
    with store.transaction() as db:
        rows = [{**to_row(report), "version": 1} for report in reports]
        db.table("reports").insert_all(rows, batch_size=500)
    return len(rows)


def get_report(store: Store, report_id: int) -> Report | None:
    return first(Report, store.db,
        "SELECT * FROM reports WHERE id = ? AND deleted_at IS NULL", [report_id])


def waiting_reports(store: Store, group_id: int) -> list[Report]:
    """The group's reports no meeting has answered yet, oldest first."""
    return models(Report, store.db,
        "SELECT * FROM reports WHERE group_id = ? AND state = '' AND deleted_at IS NULL "
        "ORDER BY reported_at, id", [group_id])


def answered_in(store: Store, meeting_id: int) -> list[Report]:
    """The reports a meeting answered, in the order they were reported."""
    return models(Report, store.db,
        "SELECT * FROM reports WHERE meeting_id = ? AND state != '' AND deleted_at IS NULL "
        "ORDER BY reported_at, id", [meeting_id])


def answer_report(store: Store, answered: Report, base: Report) -> Report:
    """Write the answer (inside the caller's transaction, or one of its own)."""
    with store.transaction() as db:
        return update_record(db, "reports", answered, base, only=ANSWER)
