"""The terminal table drawn without Rich: it fits the terminal, wraps at spaces, marks what is
overdue or confidential, colours only a terminal, and survives a closed pipe."""

from __future__ import annotations

import io
import subprocess
import sys
from datetime import date

import pytest

from meetingtui.export import actions_table
from meetingtui.services.actions import ActionFilters, ActionList, ActionRow

TODAY = date(2026, 11, 23)
LONG = ("Förstärkt polisiär närvaro i Västra industriområdet fredag och lördag kväll, "
        "samordnat med kamerabevakningsupphandlingen")


def _row(n: int, *, overdue: bool = False, confidential: bool = False, text: str = LONG,
         owner: str = "Anna Forsberg", org: str = "Exempelbostäder AB") -> ActionRow:
    return ActionRow(id=4000 + n, text=text, owner=owner, owner_org=org,
                     due=date(2026, 10, n % 28 + 1), status="in_progress", overdue=overdue,
                     group_id=1, group_short="Rättighetsnätverket", group_name="R",
                     meeting_id=7, meeting_date=date(2026, 9, 1), confidential=confidential)


def _actions(rows: list[ActionRow], **filters: object) -> ActionList:
    return ActionList(rows, TODAY, "Exempelkommun", ActionFilters(**filters))  # type: ignore[arg-type]


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("columns", [80, 100, 132])
def test_every_line_fits_and_every_word_is_kept(monkeypatch: pytest.MonkeyPatch,
                                                columns: int) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    rows = [_row(1, overdue=True), _row(2), _row(3, owner="Kommunpolisen", org="")]
    out = io.StringIO()
    actions_table.print_table(_actions(rows), out)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= columns
    assert "\x1b" not in out.getvalue()  # not a terminal: no colour
    head = next(i for i, line in enumerate(lines) if "Åtgärd" in line)
    column = lines[head].index("Åtgärd")
    first = [head + 2]
    first += [i for i in range(head + 3, len(lines)) if lines[i][:1].isdigit()][:1]
    cell = [line[column:].split("   ")[0] for line in lines[first[0]:first[1]]]
    assert "".join("".join(cell).split()) == "".join(LONG.split())  # nothing lost
    width = max(map(len, cell))
    words_cut = [w for w in LONG.split() if len(w) <= width and w not in " ".join(cell)]
    assert words_cut == []  # only a word longer than the column is folded


def test_overdue_and_confidential_are_marked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    rows = [_row(1, overdue=True), _row(2, confidential=True)]
    out = _Terminal()
    actions_table.print_table(_actions(rows), out)
    text = out.getvalue()
    assert "\x1b[1;31m2026-10-02\x1b[0m" in text  # the overdue due date, bold red
    assert "\x1b[1;31mFörsenad\x1b[0m" in text
    assert "\x1b[1;31m2026-10-03" not in text  # the other row is not marked
    assert text.count("Sekretess") == 1
    monkeypatch.setenv("NO_COLOR", "1")
    plain = _Terminal()
    actions_table.print_table(_actions(rows), plain)
    assert "\x1b" not in plain.getvalue() and "Försenad" in plain.getvalue()


def test_one_owners_list_has_no_owner_column() -> None:
    out = io.StringIO()
    actions_table.print_table(_actions([_row(1)], owner="anna forsberg"), out)
    assert "Ansvarig" not in out.getvalue() and "Anna Forsberg" not in out.getvalue()
    empty = io.StringIO()
    actions_table.print_table(_actions([]), empty)
    assert empty.getvalue() == "Inga åtgärder.\n"


def test_a_closed_pipe_ends_quietly() -> None:
    code = ("import sys\nfrom datetime import date\n"
            "from meetingtui.export.actions_table import print_table\n"
            "from tests.test_actions_table import _actions, _row\n"
            "print_table(_actions([_row(n % 27) for n in range(3000)]))\n")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=30) == 1
    assert error == ""
