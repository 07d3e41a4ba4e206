"""The action list as a Rich table on the terminal: overdue first and marked, then by due date,
with the group and the meeting each measure came from. Grouped per owner when asked (the chair's
reminder of what is overdue). Imports Rich: import this module only when a table is printed."""

from __future__ import annotations

from typing import TextIO

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from meetingtui.export.actions_common import (
    HEAD,
    NONE_FOUND,
    OVERDUE,
    STATUS_SV,
    due_text,
    owner_orgs,
    subtitle,
)
from meetingtui.services.actions import ActionList, ActionRow, by_owner

_OVERDUE_STYLE = "bold red"
FIRST_CHUNK = 15  # rows printed before the rest are rendered: the list shows at once
CHUNK = 60
WIDE = 110  # columns from which the owner's organisation is shown under the name


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


class _Layout:
    """Column widths fixed from the rows, so that the list can be printed in chunks (a long list
    starts showing at once) whose columns line up as one table."""

    def __init__(self, actions: ActionList, with_owner: bool, width: int) -> None:
        rows = actions.rows
        self.with_owner = with_owner
        self.with_org = width >= WIDE  # on 80 columns the measure's text needs the room
        self.id_width = max(len(HEAD["id"]), *(len(str(r.id)) for r in rows))
        words = [r.owner for r in rows] if not self.with_org else [
            word for r in rows for word in (r.owner, *r.owner_org.split())]
        self.owner_width = _clamp(max(len(word) for word in words), 10, 18 if self.with_org
                                  else 16)
        self.group_width = _clamp(max(len(r.group_short) for r in rows), 10,
                                  14 if self.with_org else 12)

    def table(self, *, header: bool) -> Table:
        table = Table(box=box.SIMPLE_HEAD, expand=True, pad_edge=False, show_header=header,
                      show_edge=False)
        table.add_column(HEAD["id"], justify="right", no_wrap=True, width=self.id_width)
        table.add_column(HEAD["text"], ratio=1, min_width=16, overflow="fold")
        if self.with_owner:
            table.add_column(HEAD["owner"], width=self.owner_width, overflow="fold")
        table.add_column(f"{HEAD['group']}/{HEAD['meeting'].lower()}", width=self.group_width,
                         overflow="fold")
        table.add_column(HEAD["due"], width=10)
        table.add_column(HEAD["status"], width=9)
        return table

    def cells(self, row: ActionRow) -> list[Text]:
        style = _OVERDUE_STYLE if row.overdue else ""
        status = STATUS_SV.get(row.status, row.status)
        cells = [
            Text(str(row.id)),
            Text(" ".join(row.text.split())),
            Text(f"{row.owner}\n{row.owner_org}" if row.owner_org and self.with_org
                 else row.owner),
            Text(f"{row.group_short}\n{row.meeting_date.isoformat()}"),
            Text(due_text(row), style=style),
            Text(f"{OVERDUE}\n{status}" if row.overdue else status, style=style),
        ]
        return cells if self.with_owner else cells[:2] + cells[3:]


def _blocks(actions: ActionList, per_owner: bool) -> list[tuple[str, list[ActionRow]]]:
    if per_owner:
        return [(f"{owner} ({orgs})" if (orgs := owner_orgs(rows)) else owner, rows)
                for owner, rows in by_owner(actions.rows).items()]
    late = [row for row in actions.rows if row.overdue]
    rest = [row for row in actions.rows if not row.overdue]
    return [("", rows) for rows in (late, rest) if rows]


def print_table(actions: ActionList, stream: TextIO | None = None, *,
                per_owner: bool = False) -> None:
    """The rows as a table (the heading, `table_heading`, is the caller's to print first): one
    table, overdue rows first; or, ``per_owner``, one block under each owner's name. The owner
    column is left out when the list is one owner's, or per owner."""
    console = Console(file=stream, highlight=False, emoji=False)
    if not actions.rows:
        console.print(NONE_FOUND)
        return
    wanted = (actions.filters.owner or "").casefold()
    one_owner = bool(wanted) and {r.owner.casefold() for r in actions.rows} == {wanted}
    layout = _Layout(actions, with_owner=not (per_owner or one_owner), width=console.width)
    first = True
    for label, rows in _blocks(actions, per_owner):
        if label:
            console.print(Text(label, style="bold"))
        elif not first:
            console.print()
        start, size = 0, FIRST_CHUNK if first else CHUNK
        while start < len(rows):
            table = layout.table(header=first or (bool(label) and start == 0))
            for row in rows[start:start + size]:
                table.add_row(*layout.cells(row))
            console.print(table)
            first, start, size = False, start + size, CHUNK
        if label:
            console.print()
    console.print(subtitle(actions))
