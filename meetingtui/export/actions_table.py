"""The action list as a table on the terminal: overdue first and marked (bold red on a colour
terminal, "Försenad" in the status column everywhere), then by due date, with the group and the
meeting each measure came from. Grouped per owner when asked (the chair's reminder of what is
overdue).

Drawn here rather than by Rich: importing Rich's console costs about half of `meetingtui
--help`, and its table layout about 1.5 ms a row, which kept `meetingtui actions` at twice the
process start-up (issue 7). The look is Rich's `SIMPLE_HEAD` table: headings wrapped and set on
the rule, three spaces between columns, cells wrapped at spaces.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from meetingtui.export.actions_common import (
    CONFIDENTIAL,
    HEAD,
    NONE_FOUND,
    OVERDUE,
    STATUS_SV,
    due_text,
    owner_orgs,
    subtitle,
)
from meetingtui.services.actions import ActionList, ActionRow, by_owner

FIRST_CHUNK = 15  # rows written before the first flush: a long list shows at once
CHUNK = 60  # rows per flush after that
WIDE = 110  # columns from which the owner's organisation is shown under the name
GAP = "   "
DEFAULT_WIDTH = 80  # when the output is not a terminal and COLUMNS is unset, as Rich
_MIN_TEXT = 18  # the measure's own words come first: the owner and group columns give way

_RED_BOLD = "\x1b[1;31m"
_BOLD = "\x1b[1m"
_RESET = "\x1b[0m"


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def _width(stream: TextIO) -> int:
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    try:
        if stream.isatty():
            return os.get_terminal_size(stream.fileno()).columns
    except (OSError, ValueError, AttributeError):
        pass
    return DEFAULT_WIDTH


def _colour(stream: TextIO) -> bool:
    """As Rich decides: NO_COLOR off, FORCE_COLOR on, otherwise a terminal that is not dumb."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    try:
        tty = stream.isatty()
    except (ValueError, AttributeError):
        return False
    return tty and os.environ.get("TERM", "") != "dumb"


def _wrap(text: str, width: int) -> list[str]:
    """Lines of at most `width` characters, broken at spaces; a longer word is folded.
    (Not textwrap: it took longer than the query, for a few hundred rows.)"""
    if len(text) <= width and "\n" not in text:
        return [text]
    lines: list[str] = []
    for part in text.split("\n"):
        line = ""
        for word in part.split():
            if line and len(line) + 1 + len(word) <= width:
                line += " " + word
                continue
            if line:
                lines.append(line)
            while len(word) > width:
                lines.append(word[:width])
                word = word[width:]
            line = word
        lines.append(line)
    return lines


class _Layout:
    """Column widths fixed from all the rows, so that every chunk and every owner's block line
    up as one table."""

    def __init__(self, actions: ActionList, with_owner: bool, width: int) -> None:
        rows = actions.rows
        self.with_owner = with_owner
        self.with_org = width >= WIDE  # on 80 columns the measure's text needs the room
        id_width = max(len(HEAD["id"]), *(len(str(r.id)) for r in rows))
        words = [r.owner for r in rows] if not self.with_org else [
            word for r in rows for word in (r.owner, *r.owner_org.split())]
        owner_width = _clamp(max(len(word) for word in words), 10, 18 if self.with_org else 16)
        group_width = _clamp(max(len(r.group_short) for r in rows), 10,
                             14 if self.with_org else 12)
        room = width - id_width - 10 - 9 - len(GAP) * (5 if with_owner else 4) - _MIN_TEXT
        if with_owner:
            owner_width -= _clamp(owner_width + group_width - room, 0, owner_width - 14)
            group_width -= _clamp(owner_width + group_width - room, 0, group_width - 10)
        else:
            group_width -= _clamp(group_width - room, 0, group_width - 10)
        fixed = [id_width, owner_width, group_width, 10, 9] if with_owner else [
            id_width, group_width, 10, 9]
        text_width = max(_MIN_TEXT, width - sum(fixed) - len(GAP) * len(fixed))
        self.widths = [fixed[0], text_width, *fixed[1:]]
        self.right = [True] + [False] * (len(self.widths) - 1)
        heads = [HEAD["id"], HEAD["text"], HEAD["owner"],
                 f"{HEAD['group']}/{HEAD['meeting'].lower()}", HEAD["due"], HEAD["status"]]
        self.heads = heads if with_owner else heads[:2] + heads[3:]

    def cells(self, row: ActionRow) -> list[str]:
        status = STATUS_SV.get(row.status, row.status)
        if row.overdue:
            status = f"{OVERDUE}\n{status}"
        if row.confidential:
            status += f"\n{CONFIDENTIAL}"
        cells = [
            str(row.id),
            " ".join(row.text.split()),
            f"{row.owner}\n{row.owner_org}" if row.owner_org and self.with_org else row.owner,
            f"{row.group_short}\n{row.meeting_date.isoformat()}",
            due_text(row),
            status,
        ]
        return cells if self.with_owner else cells[:2] + cells[3:]

    def lines(self, cells: Sequence[str], *, bottom: bool = False,
              styles: Sequence[Callable[[str], str]] | None = None) -> list[str]:
        """One table row: each cell wrapped to its column, set side by side; `bottom` aligns
        the cells on their last line (the headings, as Rich sets them on the rule)."""
        wrapped = [_wrap(cell, width) for cell, width in zip(cells, self.widths, strict=True)]
        height = max(len(lines) for lines in wrapped)
        if bottom:
            wrapped = [[""] * (height - len(lines)) + lines for lines in wrapped]
        out = []
        for i in range(height):
            parts = []
            for col, (lines, width) in enumerate(zip(wrapped, self.widths, strict=True)):
                text = lines[i] if i < len(lines) else ""
                pad = " " * (width - len(text))
                if styles is not None and text:
                    text = styles[col](text)
                parts.append(pad + text if self.right[col] else text + pad)
            out.append(GAP.join(parts).rstrip())
        return out

    def header(self) -> list[str]:
        return [*self.lines(self.heads, bottom=True),
                "─" * (sum(self.widths) + len(GAP) * (len(self.widths) - 1))]


def _blocks(actions: ActionList, per_owner: bool) -> list[tuple[str, list[ActionRow]]]:
    if per_owner:
        return [(f"{owner} ({orgs})" if (orgs := owner_orgs(rows)) else owner, rows)
                for owner, rows in by_owner(actions.rows).items()]
    late = [row for row in actions.rows if row.overdue]
    rest = [row for row in actions.rows if not row.overdue]
    return [("", rows) for rows in (late, rest) if rows]


def _print(actions: ActionList, out: TextIO, per_owner: bool) -> None:
    if not actions.rows:
        out.write(NONE_FOUND + "\n")
        return
    colour = _colour(out)

    def plain(text: str) -> str:
        return text

    def styled(code: str) -> Callable[[str], str]:
        return (lambda text: f"{code}{text}{_RESET}") if colour else plain

    late, bold = styled(_RED_BOLD), styled(_BOLD)
    wanted = (actions.filters.owner or "").casefold()
    one_owner = bool(wanted) and {r.owner.casefold() for r in actions.rows} == {wanted}
    layout = _Layout(actions, with_owner=not (per_owner or one_owner), width=_width(out))
    # The due date and the status of an overdue measure are marked; the other cells never.
    overdue_styles = [plain] * (len(layout.widths) - 2) + [late, late]
    lines: list[str] = []
    written, flush_at = 0, FIRST_CHUNK
    for number, (label, rows) in enumerate(_blocks(actions, per_owner)):
        if label:
            lines.append(bold(label))
        elif number:
            lines.append("")
        if label or not number:
            lines += layout.header()
        for row in rows:
            lines += layout.lines(layout.cells(row),
                                  styles=overdue_styles if row.overdue else None)
            written += 1
            if written >= flush_at:
                out.write("\n".join(lines) + "\n")
                out.flush()
                lines, flush_at = [], written + CHUNK
        if label:
            lines.append("")
    lines.append(subtitle(actions))
    out.write("\n".join(lines) + "\n")


def print_table(actions: ActionList, stream: TextIO | None = None, *,
                per_owner: bool = False) -> None:
    """The rows as a table (the heading, `table_heading`, is the caller's to print first): one
    table, overdue rows first; or, ``per_owner``, one block under each owner's name. The owner
    column is left out when the list is one owner's, or per owner."""
    out = stream if stream is not None else sys.stdout
    try:
        _print(actions, out, per_owner)
        out.flush()
    except BrokenPipeError:
        if out is not sys.stdout:
            raise
        # The reader has gone (`| head`): stop quietly, and keep Python's own flush at exit
        # from failing on the same pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(1) from None
