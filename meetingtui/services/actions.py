"""Action lists: every measure across groups and meetings, for members and for the chair.

`action_list(ws, filters)` and `overdue_by_owner(ws)` serve the TUI (the home screen's
reminders, the action-list screen); `read_actions(db_path, filters, today)` serves
`meetingtui actions`, reading the file directly when it can so that the command starts without
sqlite-utils, pydantic or the agenda templates. Both return the same `ActionRow`s.

The history of a measure (its updates, meeting by meeting) is `followup.history`; status changes
go through `followup.record_update`. Nothing here writes.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from meetingtui.services.group_names import UnknownGroup
from meetingtui.services.swedish import swedish_order as swedish_order
from meetingtui.store import actions as action_rows
from meetingtui.store.reading import reading

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

STATUS_CHOICES = action_rows.STATUS_CHOICES
NO_MUNICIPALITY = ""  # until the municipality gives its name (services.settings)


class UnknownMeeting(LookupError):
    """`--meeting` names no meeting."""


@dataclass(frozen=True)
class ActionFilters:
    """What a member or the chair asks for. Every field left as default means "any"."""

    owner: str | None = None  # a person's exact name or an organisation, in any case
    owner_partial: bool = False  # owner matches any name or organisation containing it
    group: str | None = None  # template id, short or full name, in any case
    status: str = "open"  # open | overdue | done | cancelled | all
    due_before: date | None = None  # due strictly before this day
    meeting_id: int | None = None  # decided in this meeting
    public: bool = False  # leave confidential measures out (a list sent outside the group)
    limit: int | None = None

    def __post_init__(self) -> None:
        if self.status not in STATUS_CHOICES:
            raise ValueError(f"status must be one of {', '.join(STATUS_CHOICES)}")


class ActionRow(NamedTuple):
    """One measure as an action list shows it. ``status`` is the stored English value
    (not_started, in_progress, done, cancelled); ``overdue`` is open and due before today.
    A named tuple: ten years of measures are made in milliseconds, and it cannot change."""

    id: int
    text: str
    owner: str
    owner_org: str
    due: date | None
    status: str
    overdue: bool
    group_id: int
    group_short: str
    group_name: str
    meeting_id: int
    meeting_date: date
    confidential: bool = False
    type: str = "situational"  # stored English values, as `status`: model.MeasureType
    level: str = ""  # model.PreventionLevel: '' unsaid
    method: str = "unknown"  # model.ProvenMethod: a tested or evaluated method?
    causes: tuple[str, ...] = ()  # the texts of the causes it addresses
    proposal: str = ""  # model.ProposalState: '' a measure, 'proposed' waiting, 'decided'
    proposed_to: str = ""  # the body a proposal went to (KLG, Styrgrupp …)
    proposal_decided_on: date | None = None  # the day the body decided (or rejected) it

    @property
    def waiting(self) -> bool:
        """A proposal the body has not decided yet: listed apart, never overdue."""
        return self.proposal == "proposed"

    @property
    def is_open(self) -> bool:
        return self.status in action_rows.OPEN_STATUSES


class ActionList(NamedTuple):
    """The rows with what a file about them needs: the day they were read and whose they are.
    A named tuple, as `ActionRow`: a frozen dataclass costs about 1 ms of every command to
    define."""

    rows: list[ActionRow]
    today: date
    municipality: str
    filters: ActionFilters = ActionFilters()
    owner_known: bool = True  # False: the owner filter matched no one who ever owned a measure
    database_id: str = ""  # made once per database: calendar UIDs, whatever the names
    word_template: Path | None = None  # the municipality's Word template, for a docx


def action_list(ws: Workspace, filters: ActionFilters) -> list[ActionRow]:
    """The measures that pass ``filters``, overdue first, then by due date (none last)."""
    return _read(ws.store.conn, filters, ws.today()).rows


def overdue_by_owner(ws: Workspace, *, group: str | None = None) -> dict[str, list[ActionRow]]:
    """What is overdue, per owner (by name, in alphabetical order), oldest due date first:
    what the chair raises at the next meeting."""
    return by_owner(action_list(ws, ActionFilters(status="overdue", group=group)))


def by_owner(rows: Iterable[ActionRow]) -> dict[str, list[ActionRow]]:
    """Rows per owner name, owners in Swedish alphabetical order, each keeping row order."""
    grouped: dict[str, list[ActionRow]] = {}
    for row in rows:
        grouped.setdefault(row.owner, []).append(row)
    return {owner: grouped[owner] for owner in sorted(grouped, key=swedish_order)}


def action_file_list(ws: Workspace, filters: ActionFilters) -> ActionList:
    """The list with what a file about it needs, from the app's own connection."""
    return _read(ws.store.conn, filters, ws.today())


def member_emails(ws: Workspace) -> dict[str, str]:
    return action_rows.member_emails(ws.store.conn)


def read_member_emails(db_path: Path) -> dict[str, str]:
    """The members' e-mail addresses by name, folded: where an owner's action list goes."""
    with reading(db_path) as conn:
        return action_rows.member_emails(conn)


def read_actions(db_path: Path, filters: ActionFilters, today: date) -> ActionList:
    """The action list from a database file, read-only when the file is of the current schema;
    otherwise through `Store.open` (which creates, migrates or refuses it in plain words)."""
    with reading(db_path) as conn:
        return _read(conn, filters, today)


def _read(conn: sqlite3.Connection, filters: ActionFilters, today: date) -> ActionList:
    try:
        query, owner_known = _resolve(conn, filters, today)
        rows = action_rows.query_actions(conn, query)
        causes = action_rows.causes_addressed(conn, [row[0] for row in rows])
        groups = {group_id: (short, name) for group_id, _, short, name in action_rows.groups(conn)}
        municipality = action_rows.municipality(conn, NO_MUNICIPALITY)
        database_id = action_rows.setting(conn, "database_id")
        template = action_rows.word_template(conn)
    except sqlite3.Error as error:
        from meetingtui.store.db import explain

        raise explain(error, None) from error
    return ActionList(_rows(rows, groups, causes), today, municipality, filters, owner_known,
                      database_id, Path(template) if template else None)


def _resolve(conn: sqlite3.Connection, filters: ActionFilters,
             today: date) -> tuple[action_rows.ActionQuery, bool]:
    owners: tuple[str, ...] | None = None
    orgs: tuple[str, ...] = ()
    owner_known = True
    if filters.owner is not None:
        wanted = " ".join(filters.owner.split()).casefold()
        found_owners, found_orgs = action_rows.owner_spellings(conn, wanted,
                                                               partial=filters.owner_partial)
        owners, orgs = tuple(found_owners), tuple(found_orgs)
        owner_known = bool(owners or orgs)
    group_id = None if filters.group is None else find_group_id(conn, filters.group)
    if filters.meeting_id is not None and not action_rows.meeting_exists(conn,
                                                                         filters.meeting_id):
        raise UnknownMeeting(f"No meeting with id {filters.meeting_id} "
                             "(see `meetingtui meetings`)")
    query = action_rows.ActionQuery(
        today=today, status=filters.status, owners=owners, orgs=orgs, group_id=group_id,
        due_before=filters.due_before, meeting_id=filters.meeting_id, public=filters.public,
        limit=filters.limit,
    )
    return query, owner_known


def find_group_id(conn: sqlite3.Connection, name: str) -> int:
    """A group by id, short name or name in any case, or by template id where only one group
    has it (`group_names.matching`, as `groups.find_group`)."""
    from meetingtui.services.group_names import matching

    known = action_rows.groups(conn)
    found = matching(known, name)
    if len(found) == 1:
        return found[0]
    shorts = {group_id: short for group_id, _, short, _ in known}
    raise UnknownGroup(name, list(shorts.values()), [shorts[group_id] for group_id in found])


def _rows(rows: list[tuple[Any, ...]], groups: dict[int, tuple[str, str]],
          causes: dict[int, tuple[str, ...]]) -> list[ActionRow]:
    """The stored rows as `ActionRow`s: ten years of them (5,000) in a few milliseconds, so
    one expression without a call per row (issue 7)."""
    make, day, none = tuple.__new__, date.fromisoformat, ()
    return [
        make(ActionRow, (id_, text, owner, owner_org, day(due) if due else None, status,
                         bool(overdue), group_id, *groups[group_id], meeting_id,
                         day(meeting_date), bool(confidential), kind, level, method,
                         causes.get(id_, none), proposal, proposed_to,
                         day(decided_on) if decided_on else None))
        for (id_, text, owner, owner_org, due, status, overdue, group_id, meeting_id,
             meeting_date, confidential, kind, level, method, proposal, proposed_to,
             decided_on) in rows
        if group_id in groups  # as the join with `groups` did
    ]
