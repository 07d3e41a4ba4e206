"""`meetingtui import FILE` (issue 16 §1): reports from a CSV (as Swedish Excel writes it) or an
.xlsx workbook, every row checked first, each bad row named FILE:ROW: column; nothing imported
unless every row is good (or --skip-bad); `--template` writes the blank file to hand out."""

from __future__ import annotations

import sqlite3
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest

from meetingtui.services.report_import import HEADERS
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.report_helpers import Run, command

HEAD = "Grupp;Område;Plats;Kategori;Beskrivning;Källa;Rapporterad av;Datum;Sekretess"


@pytest.fixture
def cli(ws: Workspace, test_agendas: Path, tmp_path: Path) -> Run:
    return command(ws, test_agendas, tmp_path, "import")


def stored(ws: Workspace) -> list[tuple[str, str, str, str, str, str, str, int]]:
    """Every report in the database: group, area, place, category, description, by, when,
    confidential."""
    return [tuple(row) for row in ws.store.db.execute(  # type: ignore[misc]
        "SELECT g.short, r.area, r.place_detail, r.category, r.description, r.reported_by, "
        "r.reported_at, r.confidential FROM reports r JOIN groups g ON g.id = r.group_id "
        "ORDER BY r.id").fetchall()]


def write_csv(path: Path, *lines: str, encoding: str = "utf-8-sig", sep: str = ";") -> Path:
    text = "\r\n".join(line.replace(";", sep) for line in lines) + "\r\n"
    path.write_bytes(text.encode(encoding))
    return path


def test_a_good_csv_as_swedish_excel_writes_it(cli: Run, ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "okt.csv", HEAD,
                     "EST;Centrum;Torget;Klotter;Klotter på tunneln;Polisen;Anna Berg;"
                     "2026-10-20;nej",
                     'SSPF;Norr;;;"Ungdomar samlas\nsent på kvällen";;Bo Ek;20 okt 2026;ja')
    result = cli(str(path))
    assert result.exit_code == 0, result.output
    assert result.stdout == "2 rapporter importerade (EST 1, SSPF 1)\n"
    assert stored(ws) == [
        ("EST", "Centrum", "Torget", "Klotter", "Klotter på tunneln", "Anna Berg",
         "2026-10-20T00:00:00", 0),
        ("SSPF", "Norr", "", "", "Ungdomar samlas\nsent på kvällen", "Bo Ek",
         "2026-10-20T00:00:00", 1)]


@pytest.mark.parametrize(("encoding", "sep"), [("utf-8", ","), ("cp1252", ";"),
                                               ("utf-8-sig", "\t")])
def test_a_csv_without_bom_comma_separated_or_from_windows(
        cli: Run, ws: Workspace, tmp_path: Path, encoding: str, sep: str) -> None:
    path = write_csv(tmp_path / "r.csv", "Område;Beskrivning;Rapporterad av",
                     "Östra området;Skräp på ängen;Åsa", encoding=encoding, sep=sep)
    assert cli(str(path), "--group", "EST").exit_code == 0
    assert [row[1:6:3] for row in stored(ws)] == [("Östra området", "Skräp på ängen")]
    assert stored(ws)[0][5] == "Åsa"


def test_a_good_workbook_with_dates_flags_and_formulas_as_data(cli: Run, ws: Workspace,
                                                               tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADERS)
    sheet.append(["EST", "Centrum", None, "Klotter", "=HYPERLINK(\"http://x\",\"klicka\")",
                  "+46 70", "@Anna", datetime(2026, 10, 21, 14, 30), True])
    sheet.append(["EST", "-Norr", None, None, "=1+1", None, None, None, "nej"])
    sheet.append([None] * 9)  # Excel's empty rows below the last one
    book.save(tmp_path / "r.xlsx")
    result = cli(str(tmp_path / "r.xlsx"))
    assert result.exit_code == 0, result.output
    first, second = stored(ws)
    assert first == ("EST", "Centrum", "", "Klotter", '=HYPERLINK("http://x","klicka")',
                     "@Anna", "2026-10-21T14:30:00", 1)
    assert second[1] == "-Norr" and second[4] == "=1+1" and second[7] == 0


def test_every_bad_row_is_named_and_nothing_is_half_imported(cli: Run, ws: Workspace,
                                                              tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", HEAD,
                     "EST;Centrum;;;Bra rad;;;;",
                     "EST;;;;Utan område;;;2026-13-40;kanske",
                     "Polisen;Norr;;;Okänd grupp;;;;",
                     ";Syd;;;Ingen grupp;;;;",
                     "EST;Väst;;;" + "x" * 20_001 + ";;;;",
                     "EST;Öst;;;Rad med en cell för mycket;;;;;;extra")
    result = cli(str(path), lang="sv")
    assert result.exit_code == 1
    lines = result.stderr.strip().splitlines()
    assert lines[:-1] == [
        f"{path}:3: Datum: inget datum; skriv t.ex. 2026-10-20",
        f"{path}:3: Sekretess: skriv ja eller nej",
        f"{path}:3: Område: Fältet får inte vara tomt",
        f"{path}:4: Grupp: ingen grupp heter Polisen; grupperna är: "
        + lines[3].split("grupperna är: ")[1],
        f"{path}:5: Grupp: tom: ange gruppen (eller --group)",
        f"{path}:6: Beskrivning: Högst 20\u00a0000 tecken (nu 20\u00a0001)",
        f"{path}:7: #10: fler celler än filen har rubriker",
    ]
    assert "EST" in lines[3]
    assert lines[-1] == ("meetingtui: inget importerades: raderna 3, 4, 5, 6, 7 har fel "
                         "(--skip-bad importerar de andra)")
    assert stored(ws) == []


def test_skip_bad_imports_the_good_rows_and_says_what_it_skipped(cli: Run, ws: Workspace,
                                                                 tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", HEAD, "EST;Centrum;;;Bra;;;;",
                     "EST;;;;Utan område;;;;", "EST;Norr;;;Också bra;;;;",
                     "EST;Syd;;;Annars bra;;;;kanske")
    result = cli(str(path), "--skip-bad", lang="en")
    assert result.exit_code == 0
    assert result.stderr == (f"{path}:3: Område: This field cannot be empty\n"
                             f"{path}:5: Sekretess: write ja (yes) or nej (no)\n")
    assert result.stdout == "2 reports imported (EST 2)\nskipped rows with errors: 3, 5\n"
    assert [row[4] for row in stored(ws)] == ["Bra", "Också bra"]


def test_skip_bad_with_no_good_row_fails(cli: Run, ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "bad.csv", HEAD, "EST;;;;Utan område;;;;")
    assert cli(str(path), "--skip-bad").exit_code == 1
    assert stored(ws) == []


@pytest.mark.parametrize(("lines", "said"), [
    ((), "är tom: första raden ska ha kolumnernas rubriker"),
    (("Grupp;Område;Beskriving", "EST;A;b"), "okänd kolumn Beskriving"),
    (("Grupp;Beskrivning", "EST;b"), "kolumnen Område saknas"),
    (("Område;Beskrivning", "A;b"), "kolumnen Grupp saknas"),
    (("Grupp;Område;Beskrivning;område", "EST;A;b;c"), "kolumnen område finns två gånger"),
])
def test_a_file_that_is_not_reports_is_one_line(cli: Run, ws: Workspace, tmp_path: Path,
                                                lines: tuple[str, ...], said: str) -> None:
    path = tmp_path / "r.csv"
    path.write_text("\r\n".join(lines), encoding="utf-8")
    assert said in one_line_error(cli(str(path)))
    assert stored(ws) == []


def test_not_a_workbook_and_an_old_excel_file_are_one_line(cli: Run, tmp_path: Path) -> None:
    (tmp_path / "r.xlsx").write_bytes(b"not a zip")
    assert "ingen Excelarbetsbok" in one_line_error(cli(str(tmp_path / "r.xlsx")))
    (tmp_path / "r.xls").write_bytes(b"\xd0\xcf\x11\xe0")
    assert "spara filen som .xlsx eller CSV" in one_line_error(cli(str(tmp_path / "r.xls")))
    assert "kan inte läsa" in one_line_error(cli(str(tmp_path / "saknas.csv")))


def test_an_unknown_group_option_is_one_line(cli: Run, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", "Område;Beskrivning", "A;b")
    assert "ingen grupp heter Polisen" in one_line_error(cli(str(path), "--group", "Polisen"))


def test_control_characters_are_cleaned_and_a_long_description_kept(
        cli: Run, ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", HEAD, "EST;Cen\x07trum;;;" + "ö" * 10_000 + "\x1b;;;;")
    assert cli(str(path)).exit_code == 0
    [row] = stored(ws)
    assert row[1] == "Centrum" and row[4] == "ö" * 10_000


def test_a_locked_database_is_said_plainly_and_nothing_imported(
        cli: Run, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write_csv(tmp_path / "r.csv", HEAD, "EST;Centrum;;;x;;;;")
    monkeypatch.setattr("meetingtui.store.db.BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        line = one_line_error(cli(str(path), lang="en"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "busy in another program" in line
    assert stored(ws) == []


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_the_template_filled_in_imports(cli: Run, ws: Workspace, tmp_path: Path,
                                        suffix: str) -> None:
    path = tmp_path / f"mall{suffix}"
    result = cli("--template", "-o", str(path))
    assert result.exit_code == 0 and result.stdout == f"{path}\n"
    if suffix == ".csv":
        text = path.read_bytes().decode("utf-8")
        assert text == "\ufeff" + HEAD + "\r\n"
        path.write_bytes(path.read_bytes() + b"EST;Centrum;;Klotter;=2+2;;Anna;;ja\r\n")
    else:
        book = openpyxl.load_workbook(path)
        sheet = book.active
        assert sheet is not None
        assert [c.value for c in sheet[1]] == HEADERS
        assert {c.data_type for c in sheet[1]} == {"s"}  # text, never a formula
        sheet.append(["EST", "Centrum", None, "Klotter", "=2+2", None, "Anna", None, "ja"])
        book.save(path)
    assert cli(str(path)).exit_code == 0
    [row] = stored(ws)
    assert (row[0], row[1], row[3], row[4], row[5], row[7]) == (
        "EST", "Centrum", "Klotter", "=2+2", "Anna", 1)


def test_a_template_cell_is_text_whatever_its_first_character(
        monkeypatch: pytest.MonkeyPatch) -> None:
    from io import BytesIO

    from meetingtui.export import report_template

    monkeypatch.setattr(report_template, "HEADERS", ["=1+1", "@A", "Område"])
    sheet = openpyxl.load_workbook(BytesIO(report_template.template_xlsx())).active
    assert sheet is not None
    assert [(c.value, c.data_type) for c in sheet[1]] == [
        ("=1+1", "s"), ("@A", "s"), ("Område", "s")]


def test_the_template_goes_to_the_exports_folder_and_replaces_nothing(cli: Run,
                                                                      tmp_path: Path) -> None:
    result = cli("--template")
    assert result.exit_code == 0
    assert Path(result.stdout.strip()) == tmp_path / "exports" / "inrapportering.xlsx"
    assert "inrapportering.xlsx" in one_line_error(cli("--template"))
    assert cli("--template", "--force").exit_code == 0
    assert ".csv eller .xlsx" in one_line_error(cli("--template", "-o", str(tmp_path / "m.ods")))
    assert "--template" in one_line_error(cli("x.csv", "--template"))
    assert "--template" in one_line_error(cli())


def test_a_personnummer_is_imported_with_a_warning_naming_the_cell(
        cli: Run, ws: Workspace, tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", HEAD, "EST;Centrum;;;x;;;;", "EST;Norr;;;y;121212-1212;;;")
    result = cli(str(path))
    assert result.exit_code == 0
    assert result.stderr.startswith(f"{path}:3: Källa: varning: ett personnummer")
    assert len(stored(ws)) == 2


def test_group_option_fills_the_empty_group_cells_only(cli: Run, ws: Workspace,
                                                      tmp_path: Path) -> None:
    path = write_csv(tmp_path / "r.csv", HEAD, ";Centrum;;;x;;;;", "EST;Norr;;;y;;;;")
    result = cli(str(path), "--group", "SSPF")
    assert result.stdout == "2 rapporter importerade (EST 1, SSPF 1)\n"
    assert [(row[0], row[1]) for row in stored(ws)] == [("SSPF", "Centrum"), ("EST", "Norr")]
