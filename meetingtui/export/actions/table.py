"""The action list as a table on the terminal: overdue first and marked (bold red on a colour
terminal, "Försenad" in the status column everywhere), then by due date, with the group and the
meeting each measure came from, and under each measure's words the kind of prevention it is and
the causes it addresses. Grouped per owner when asked (the chair's reminder of what is overdue).

Drawn here rather than by Rich: importing Rich's console costs about half of `meetingtui
--help`, and its table layout about 1.5 ms a row, which kept `meetingtui actions` at twice the
process start-up (issue 7). The look is Rich's `SIMPLE_HEAD` table: headings wrapped and set on
the rule, three spaces between columns, cells wrapped at spaces. Ten years of measures (5,000
rows) are set one format string per row, not one cell and line at a time (20 µs a row; now 8,
`_Layout.plain_row`); `_Layout.lines` sets the headings and the coloured rows.
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable, Sequence
from functools import cache
from typing import TextIO

from meetingtui.export.actions.common import (
    CONFIDENTIAL,
    HEAD,
    NONE_FOUND,
    OVERDUE,
    STATUS_WORDS,
    below,
    due_text,
    kind_text,
    owner_orgs,
    sections,
    status_word,
    subtitle,
)
from meetingtui.services.actions import ActionList, ActionRow

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
    return _fold(text, width)


def _fold(text: str, width: int) -> list[str]:
    """`_wrap` without its shortcut: every line's words are set one space apart."""
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


@cache
def _words(width: int) -> re.Pattern[str]:
    """The longest run of at most `width` characters that ends before a space or the end."""
    return re.compile(f"(.{{1,{width}}})(?: |$)")


def _wrap_words(text: str, width: int) -> list[str]:
    """`_wrap` of a text whose words are already one space apart, as the measure's text is
    (5,000 of them at the pace of a regular expression rather than a loop over words)."""
    if len(text) <= width:
        return [text]
    lines: list[str] = _words(width).findall(text)
    # A word longer than the column is skipped by the expression: fold the text the slow way.
    return lines if " ".join(lines) == text else _fold(text, width)


def _settled(lines: list[str]) -> list[str]:
    """The lines, or none when one would lose an end space to `rstrip` (`_Layout.plain_row`
    cannot tell): such a cell's rows are set by `_Layout.lines`."""
    return [] if any(not line or line[-1].isspace() for line in lines) else lines


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
        group_width = _clamp(max(len(r.group_short) for r in rows), 10, 14)
        room = width - id_width - 10 - 9 - len(GAP) * (5 if with_owner else 4) - _MIN_TEXT
        if with_owner:  # a name wraps at its space; "Trygghetsgrupp" folded reads "…gr / upp"
            owner_width -= _clamp(owner_width + group_width - room, 0, owner_width - 10)
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
        self._owners: dict[str, list[str]] = {}
        self._groups: dict[str, list[str]] = {}
        self._statuses: dict[tuple[str, bool, bool, bool], list[str]] = {}
        self._kinds: dict[tuple[str, str, str], list[str]] = {}
        self._templates: dict[tuple[int, int, int, int], str] = {}

    def _below(self, row: ActionRow) -> list[str]:
        """The lines under the measure's words: the kind of prevention (the same for many
        rows: wrapped once), the causes it addresses and who decided a proposal."""
        key = (row.type, row.level, row.method)
        if (kind := self._kinds.get(key)) is None:
            kind = self._kinds[key] = _wrap(kind_text(row), self.widths[1])
        more = below(row)
        return kind + [line for text in more for line in _fold(text, self.widths[1])] \
            if more else kind

    def _owner_cell(self, row: ActionRow) -> str:
        return f"{row.owner}\n{row.owner_org}" if row.owner_org and self.with_org else row.owner

    @staticmethod
    def _status_cell(row: ActionRow) -> str:
        status = STATUS_WORDS.get(row.status, row.status) if not row.waiting else status_word(row)
        if row.overdue:
            status = f"{OVERDUE}\n{status}"
        if row.confidential:
            status += f"\n{CONFIDENTIAL}"
        return status

    def cells(self, row: ActionRow) -> list[str]:
        cells = [
            str(row.id),
            "\n".join([" ".join(row.text.split()), kind_text(row), *below(row)]),
            self._owner_cell(row),
            f"{row.group_short}\n{row.meeting_date.isoformat()}",
            due_text(row),
            self._status_cell(row),
        ]
        return cells if self.with_owner else cells[:2] + cells[3:]

    def plain_row(self, row: ActionRow) -> str | None:
        """`lines(cells(row))` without styles, as one string, at the pace 5,000 rows need
        (issue 7); None when the row needs `lines` (a repeated cell that ends in a space).

        The owner, group and status cells repeat: each distinct one is wrapped once. The rows
        are set by one format string per shape (how many lines each cell has), which pads
        every column but the last on each line: what `rstrip` would have taken off."""
        widths = self.widths
        text = _wrap_words(" ".join(row.text.split()), widths[1]) + self._below(row)
        if (group := self._groups.get(row.group_short)) is None:
            group = self._groups[row.group_short] = _settled(_fold(row.group_short,
                                                                    widths[-3]))
        key = (row.status, row.overdue, row.confidential, row.waiting)
        if (status := self._statuses.get(key)) is None:
            status = self._statuses[key] = _settled(_wrap(self._status_cell(row), widths[-1]))
        owner: list[str] = []
        if self.with_owner:
            owner_cell = self._owner_cell(row)
            if (found := self._owners.get(owner_cell)) is None:
                found = self._owners[owner_cell] = _settled(_wrap(owner_cell, widths[2]))
            if not found:
                return None
            owner = found
        if not (group and status):
            return None
        shape = (len(text), len(owner), len(group), len(status))
        if (template := self._templates.get(shape)) is None:
            template = self._templates[shape] = self._template(shape)
        return template.format(row.id, text, owner, group, row.meeting_date.isoformat(),
                               due_text(row), status)

    def _template(self, shape: tuple[int, int, int, int]) -> str:
        """The format string for rows of this shape: `plain_row`'s arguments are the number,
        the text's lines, the owner's, the group's, the meeting date, the due date and the
        status's lines."""
        text, owner, group, status = shape
        # (lines, the field that gives line i) per column, in the table's order.
        columns: list[tuple[int, Callable[[int], str]]] = [
            (1, lambda i: "0"), (text, lambda i: f"1[{i}]"), (owner, lambda i: f"2[{i}]"),
            (group + 1, lambda i: f"3[{i}]" if i < group else "4"), (1, lambda i: "5"),
            (status, lambda i: f"6[{i}]")]
        if not self.with_owner:
            del columns[2]
        lines = []
        for i in range(max(height for height, _ in columns)):
            last = max(col for col, (height, _) in enumerate(columns) if i < height)
            parts = []
            for col, (height, field) in enumerate(columns[:last + 1]):
                width = self.widths[col]
                if i >= height:
                    parts.append(" " * width)
                elif self.right[col]:
                    parts.append(f"{{{field(i)}:>{width}}}")
                else:
                    parts.append(f"{{{field(i)}}}" if col == last else
                                 f"{{{field(i)}:<{width}}}")
            lines.append(GAP.join(parts))
        return "\n".join(lines)

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
                for owner, rows in sections(actions.rows).items()]
    late = [row for row in actions.rows if row.overdue]
    rest = [row for row in actions.rows if not row.overdue and not row.waiting]
    apart = [(heading, rows) for heading, rows in sections(actions.rows).items()
             if rows and rows[0].waiting]
    return [*[("", rows) for rows in (late, rest) if rows], *apart]


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
            if not (row.overdue and colour) and (text := layout.plain_row(row)) is not None:
                lines.append(text)
            else:
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
        # The reader has gone (`| head`): what it wanted it has. Stop quietly, and keep
        # Python's own flush at exit from failing on the same pipe.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
