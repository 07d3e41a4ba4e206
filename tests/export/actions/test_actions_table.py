"""The terminal table drawn without Rich: it fits the terminal, wraps at spaces, marks what is
overdue or confidential, colours only a terminal, and survives a closed pipe."""

from __future__ import annotations

import io
import random
import subprocess
import sys
from datetime import date

import pytest

from meetingtui.export.actions import table as actions_table
from meetingtui.export.actions.common import kind_text
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
    # Nothing lost: the measure's words, then its kind of prevention under them.
    kind = kind_text(rows[0])
    assert "".join("".join(cell).split()) == "".join(f"{LONG} {kind}".split())
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
            "from meetingtui.export.actions.table import print_table\n"
            "from tests.export.actions.test_actions_table import _actions, _row\n"
            "print_table(_actions([_row(n % 27) for n in range(3000)]))\n")
    process = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.read(100)
    process.stdout.close()
    error = process.stderr.read().decode()
    assert process.wait(timeout=30) == 0  # `| head` took what it wanted: no error
    assert error == ""


# --- a long listing: set as the old, slower code set it --------------------------------------

def _reference_wrap(text: str, width: int) -> list[str]:
    """`actions_table._wrap` as it was before rows were set by format strings (frozen here)."""
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


def _reference_lines(cells: list[str], widths: list[int]) -> list[str]:
    """One row as `_Layout.lines` set it, one cell and one line at a time (frozen here)."""
    wrapped = [_reference_wrap(cell, width) for cell, width in zip(cells, widths, strict=True)]
    out = []
    for i in range(max(len(lines) for lines in wrapped)):
        parts = []
        for col, (lines, width) in enumerate(zip(wrapped, widths, strict=True)):
            text = lines[i] if i < len(lines) else ""
            pad = " " * (width - len(text))
            parts.append(pad + text if col == 0 else text + pad)
        out.append("   ".join(parts).rstrip())
    return out


_WORDS = ["och", "vid", "Förstärkt", "polisiär", "närvaro", "kamerabevakningsupphandlingen",
          "Östra", "åäö", "ÅÄÖ", "–", "x", "trygghetsvandringarnaochkvällsvandringarna", "\t",
          "\n", "\u3000", "  ", "🚓", "שלום"]


def _random_row(rng: random.Random, n: int) -> ActionRow:
    def words(low: int, high: int) -> str:
        return " ".join(rng.choice(_WORDS) for _ in range(rng.randint(low, high)))

    status = rng.choice(["not_started", "in_progress", "done", "cancelled"])
    return ActionRow(
        id=rng.choice([n, 10 ** rng.randint(0, 5) + n]), text=words(0, 30),
        owner=rng.choice(["Anna Berg", "Åsa Öberg", "Kommunpolisen Exempelkommun Centrum",
                          "Anna  Berg ", words(1, 3)]),
        owner_org=rng.choice(["", "Polisen, lokalpolisområde Exempelkommun", "Socialtjänsten",
                              "Exempelbostäder AB"]),
        due=rng.choice([None, date(2026, 10, 1), date(2027, 3, 31)]), status=status,
        overdue=status in ("not_started", "in_progress") and rng.random() < 0.3,
        group_id=1, group_short=rng.choice(["EST", "SSPF", "Rättighetsnätverket", "Lokalt BRÅ",
                                            "", "Styrgruppen för trygghet"]),
        group_name="G", meeting_id=7, meeting_date=date(2026, 9, rng.randint(1, 30)),
        confidential=rng.random() < 0.2)


@pytest.mark.parametrize("columns", [40, 80, 132])
def test_a_long_listing_is_set_line_for_line_as_before(monkeypatch: pytest.MonkeyPatch,
                                                       columns: int) -> None:
    """Rows are set by one format string each (issue 7); every row, and so the whole table,
    is what the cell-by-cell code made, whatever the texts hold."""
    monkeypatch.setenv("COLUMNS", str(columns))
    rng = random.Random(columns)
    rows = [_random_row(rng, n) for n in range(500)]
    for owner in (None, "anna berg"):
        actions = _actions(rows, owner=owner)
        layout = actions_table._Layout(actions, with_owner=owner is None, width=columns)
        fast = 0
        for row in rows:
            expected = _reference_lines(layout.cells(row), layout.widths)
            assert layout.lines(layout.cells(row)) == expected
            if (text := layout.plain_row(row)) is not None:
                assert text.split("\n") == expected, row
                fast += 1
        assert fast > len(rows) // 2  # the quick way is the usual one
        for per_owner in (False, True):
            quick = io.StringIO()
            actions_table.print_table(actions, quick, per_owner=per_owner)
            with monkeypatch.context() as slow:
                slow.setattr(actions_table._Layout, "plain_row", lambda self, row: None)
                reference = io.StringIO()
                actions_table.print_table(actions, reference, per_owner=per_owner)
            assert quick.getvalue() == reference.getvalue()
            assert len(quick.getvalue().splitlines()) > len(rows)


def test_at_80_columns_a_group_s_short_name_is_whole_and_the_owner_wraps_at_a_space(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """"Trygghetsgrupp" on one line of its column, not "Trygghetsgr" over "upp": the owner's
    name gives way first, for it breaks between first name and surname."""
    monkeypatch.setenv("COLUMNS", "80")
    rows = [ActionRow(id=6, text="Gemensam kvällsvandring med föreningslivet",
                      owner="Yusuf Berglund", owner_org="", due=date(2026, 4, 3),
                      status="not_started", overdue=True, group_id=1,
                      group_short="Trygghetsgrupp", group_name="Trygghetsgruppen",
                      meeting_id=7, meeting_date=date(2025, 12, 4))]
    out = io.StringIO()
    actions_table.print_table(_actions(rows), out)
    lines = out.getvalue().splitlines()
    assert max(len(line) for line in lines) <= 80
    first = next(i for i, line in enumerate(lines) if line.lstrip().startswith("6 "))
    assert "Trygghetsgrupp" in lines[first].split()
    assert "Yusuf" in lines[first] and "Berglund" in lines[first + 1]
    assert "2025-12-04" in lines[first + 1]  # the meeting under its group
