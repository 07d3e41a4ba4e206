"""The action-list query: measures across groups and meetings, filtered, overdue first.

Only the standard library's sqlite3 is used here, on any `sqlite3.Connection` (a `Store`'s
``store.conn`` or a read-only one from `open_for_reading`), so that `meetingtui actions`
starts without sqlite-utils and pydantic. The status is the `measures_current` view's (the newest
update's); "overdue" is derived from it and the due date, never stored.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import Any, NamedTuple

from meetingtui.store.owner_only import owner_only

#: The stored status values (`model.MeasureStatus`), spelled out so that this module needs no
#: pydantic; a test checks that they match the enum.
NOT_STARTED = "not_started"
IN_PROGRESS = "in_progress"
DONE = "done"
CANCELLED = "cancelled"
OPEN_STATUSES = (NOT_STARTED, IN_PROGRESS)
ALL_STATUSES = (NOT_STARTED, IN_PROGRESS, DONE, CANCELLED)

#: What `--status` takes.
STATUS_CHOICES = ("open", "overdue", "done", "cancelled", "all")

#: The schema version (PRAGMA user_version) the query below was written for. A file of exactly
#: this version is read directly; any other (new, older, newer, foreign) goes through
#: `Store.open`, which creates, migrates or refuses it. A test checks it equals `schema.VERSION`.
READS_VERSION = 9
APPLICATION_ID = 0x4D545549  # "MTUI", as in store.db (not imported: it loads sqlite-utils)
BUSY_TIMEOUT_MS = 5000


class ActionQuery(NamedTuple):
    """The filters, already resolved to what is stored (exact spellings, ids, ISO dates).
    A named tuple: a frozen dataclass costs 1–2 ms of every `meetingtui actions` to define."""

    today: date
    status: str = "open"
    owners: tuple[str, ...] | None = None  # exact `owner` values; None = any owner
    orgs: tuple[str, ...] = ()  # exact `owner_org` values, OR-ed with `owners`
    group_id: int | None = None
    due_before: date | None = None
    meeting_id: int | None = None
    public: bool = False  # leave confidential measures out
    limit: int | None = None


def open_for_reading(path: Path, version: int = READS_VERSION) -> sqlite3.Connection | None:
    """A read-only connection to a meetingtui database of schema `version`, or None when the
    file is missing, empty, foreign, older or newer (then use `Store.open`)."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return None
        with contextlib.suppress(OSError):  # someone else's file: reading it is still fine
            owner_only(path)
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    except (OSError, sqlite3.Error):
        return None
    try:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        found = conn.execute("PRAGMA user_version").fetchone()[0]
    except sqlite3.Error:
        conn.close()
        return None
    if app_id != APPLICATION_ID or found != version:
        conn.close()
        return None
    return conn


def groups(conn: sqlite3.Connection) -> list[tuple[int, str, str, str]]:
    """(id, template_id, short, name) of every group, in id order."""
    return [tuple(row) for row in conn.execute(
        "SELECT id, template_id, short, name FROM groups ORDER BY id"
    )]


def meeting_exists(conn: sqlite3.Connection, meeting_id: int) -> bool:
    return conn.execute("SELECT 1 FROM meetings WHERE id = ?", [meeting_id]).fetchone() is not None


def owner_spellings(conn: sqlite3.Connection, folded: str,
                    *, partial: bool = False) -> tuple[list[str], list[str]]:
    """The stored owner names and organisations that equal ``folded`` in any case; an
    organisation also by its part before the first comma ("Polisen" for "Polisen,
    lokalpolisområde Exempelkommun"). With ``partial``, any that contain it (the TUI's filter
    as the chair types).

    SQLite's NOCASE folds ASCII only ("Åsa" ≠ "åsa"), so the distinct spellings (few; the owner
    scan reads the (owner, due) index only) are compared with `str.casefold` here, and the
    measures are then found with an exact, indexable IN list.
    """
    def names(sql: str) -> list[str]:
        return [row[0] for row in conn.execute(sql)]

    owners = names("SELECT DISTINCT owner FROM measures WHERE deleted_at IS NULL")
    orgs = names("SELECT DISTINCT owner_org FROM measures "
                 "WHERE deleted_at IS NULL AND owner_org != ''")
    if partial:
        return ([o for o in owners if folded in o.casefold()],
                [o for o in orgs if folded in o.casefold()])
    return ([o for o in owners if o.casefold() == folded],
            [o for o in orgs if folded in (o.casefold(), o.split(",")[0].strip().casefold())])


def setting(conn: sqlite3.Connection, key: str, default: str = "") -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row and row[0] else default


def municipality(conn: sqlite3.Connection, default: str) -> str:
    row = conn.execute("SELECT value FROM settings WHERE key = 'municipality'").fetchone()
    return str(row[0]) if row and row[0] else default


def word_template(conn: sqlite3.Connection) -> str:
    """The Word template's path as `services.settings.set_word_template` keeps it ("": none)."""
    row = conn.execute("SELECT value FROM settings WHERE key = 'word_template'").fetchone()
    return str(row[0]).strip() if row and row[0] else ""


# The group's names are not joined in: two more text columns on every row cost more than the
# rows' own words, while `groups` gives them for every row at once (issue 7).
_COLUMNS = (
    "SELECT mc.id, mc.text, mc.owner, mc.owner_org, mc.due, mc.status, "
    "(mc.status IN (?, ?) AND mc.due IS NOT NULL AND mc.due < ? AND mc.proposal != 'proposed') "
    "AS overdue, mt.group_id, mc.meeting_id, mt.date AS meeting_date, mc.confidential, "
    "mc.type, mc.level, mc.method, mc.proposal, mc.proposed_to, mc.proposal_decided_on "
    "FROM measures_current mc "
    "JOIN meetings mt ON mt.id = mc.meeting_id"
)
# Overdue first, then by due date (none last), then in the order they were decided; proposals
# waiting for a body's decision after every measure (they are listed apart).
_ORDER = (" ORDER BY mc.proposal = 'proposed', overdue DESC, mc.due IS NULL, mc.due, mt.date, "
          "mc.id")


def _marks(values: Iterable[object]) -> str:
    return ", ".join("?" for _ in values)


def query_actions(conn: sqlite3.Connection, query: ActionQuery) -> list[tuple[Any, ...]]:
    """The measures that pass every filter, overdue first, then by due date (none last).

    Each row is a tuple: id, text, owner, owner_org, due, status, overdue (0/1), group_id,
    meeting_id, meeting_date, confidential (0/1), type, level, method, proposal ('' |
    'decided' | 'proposed'), proposed_to, proposal_decided_on; the group's names are in
    `groups`, the causes each measure addresses in `causes_addressed`. A rejected proposal is
    nobody's measure: never listed; a waiting one is never overdue.
    """
    if query.status not in STATUS_CHOICES:
        raise ValueError(f"unknown status filter {query.status!r}")
    today = query.today.isoformat()
    where: list[str] = ["mc.proposal != 'rejected'"]
    params: list[object] = [*OPEN_STATUSES, today]
    if query.owners is not None:
        if not query.owners and not query.orgs:
            return []
        either = []
        if query.owners:
            either.append(f"mc.owner IN ({_marks(query.owners)})")
            params += query.owners
        if query.orgs:
            either.append(f"mc.owner_org IN ({_marks(query.orgs)})")
            params += query.orgs
        where.append("(" + " OR ".join(either) + ")")
    if query.status in ("open", "overdue"):
        where.append("mc.status IN (?, ?)")
        params += OPEN_STATUSES
        if query.status == "overdue":
            where.append("mc.due IS NOT NULL AND mc.due < ? AND mc.proposal != 'proposed'")
            params.append(today)
    elif query.status != "all":
        where.append("mc.status = ?")
        params.append(DONE if query.status == "done" else CANCELLED)
    if query.group_id is not None:
        where.append("mt.group_id = ?")
        params.append(query.group_id)
    if query.due_before is not None:
        where.append("mc.due IS NOT NULL AND mc.due < ?")
        params.append(query.due_before.isoformat())
    if query.meeting_id is not None:
        where.append("mc.meeting_id = ?")
        params.append(query.meeting_id)
    if query.public:
        where.append("mc.confidential = 0")
    sql = _COLUMNS + (" WHERE " + " AND ".join(where) if where else "") + _ORDER
    if query.limit is not None:
        sql += " LIMIT ?"
        params.append(query.limit)
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples, whatever the connection's factory
    return cursor.execute(sql, params).fetchall()


def causes_addressed(conn: sqlite3.Connection,
                     measure_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
    """The texts of the causes (not removed) each measure addresses, in the order they were
    recorded; measures that address none are left out."""
    found: dict[int, list[str]] = {}
    cursor = conn.cursor()
    cursor.row_factory = None
    for start in range(0, len(measure_ids), 500):  # well within SQLite's limit on parameters
        chunk = measure_ids[start:start + 500]
        for measure_id, text in cursor.execute(
                "SELECT t.measure_id, c.text FROM measure_causes t "
                "JOIN causes c ON c.id = t.cause_id "
                f"WHERE t.measure_id IN ({_marks(chunk)}) AND c.deleted_at IS NULL "
                "ORDER BY t.measure_id, t.cause_id", chunk):
            found.setdefault(measure_id, []).append(text)
    return {measure_id: tuple(texts) for measure_id, texts in found.items()}


def member_emails(conn: sqlite3.Connection) -> dict[str, str]:
    """Each person's e-mail by their name in any case (`str.casefold`: SQLite's NOCASE folds
    ASCII only), for those the members list has one for."""
    return {name.casefold(): email for name, email in conn.execute(
        "SELECT name, email FROM people WHERE email != '' ORDER BY id")}
