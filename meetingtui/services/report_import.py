"""Reports handed in as a file (`meetingtui import`): a CSV as Swedish Excel writes it or an
.xlsx workbook, one observation a row under the headers of the blank file (`HEADERS`).

Every row is checked before anything is stored, and the good ones are stored in one
transaction: a file with a bad row imports nothing (or, asked to skip the bad rows, everything
else). A cell is text: one that looks like a formula (=, +, -, @) is kept as written, never
evaluated, and a workbook's formula is read as its formula, not as the value Excel cached.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from meetingtui.i18n import os_error
from meetingtui.model import Group, Report
from meetingtui.services import groups as group_service
from meetingtui.services import reports
from meetingtui.services.workspace import Workspace

#: The blank file's headers, in order, and the report field each fills ("group" and
#: "reported_at" are read here, not by the model).
COLUMNS = {"Grupp": "group", "Område": "area", "Plats": "place_detail", "Kategori": "category",
           "Beskrivning": "description", "Källa": "source", "Rapporterad av": "reported_by",
           "Datum": "reported_at", "Sekretess": "confidential"}
HEADERS = list(COLUMNS)
#: Headers as someone may also write them (English, lower case, without å ä ö).
_ALSO = {"group": "group", "area": "area", "omrade": "area", "place": "place_detail",
         "category": "category", "description": "description", "kalla": "source",
         "source": "source", "reported by": "reported_by", "rapporterad av": "reported_by",
         "date": "reported_at", "confidential": "confidential"}
_REQUIRED = ("area", "description")
_YES = {"ja", "j", "x", "1", "yes", "y", "true", "sant", "sekretess"}
_NO = {"", "nej", "n", "0", "no", "false", "falskt"}


class ReportFileError(ValueError):
    """A file that cannot be read as reports at all (its rows are not checked): said by `key`
    (in the `reports` catalogue section) with `fields`; the message is the English."""

    def __init__(self, message: str, key: str, **fields: str) -> None:
        super().__init__(message)
        self.key = key
        self.fields = fields


@dataclass(frozen=True)
class RowError:
    """What is wrong in one cell: the row as the spreadsheet numbers it (the headers are row 1),
    the column as the file names it, and the message (`key` in the catalogue, with `fields`;
    `message` is the English)."""

    row: int
    column: str
    key: str
    message: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass
class Checked:
    reports: list[Report] = field(default_factory=list)
    rows: list[int] = field(default_factory=list)  # the row each report came from
    errors: list[RowError] = field(default_factory=list)

    @property
    def bad_rows(self) -> list[int]:
        return sorted({error.row for error in self.errors})


def check_file(ws: Workspace, path: Path, group: Group | None = None) -> Checked:
    """Read and check every row; `group` is the reports' group where a row names none."""
    header, rows = _read(path)
    columns = _columns(header, group is not None)
    checked = Checked()
    found: dict[str, Group | None] = {}
    now = ws.now()
    for number, cells in rows:
        if not any(cell.strip() for cell in cells):
            continue  # Excel leaves empty rows below the last one
        errors: list[RowError] = []
        if len(cells) > len(header) and any(c.strip() for c in cells[len(header):]):
            errors.append(RowError(number, f"#{len(header) + 1}", "extra_cells",
                                   "more cells than the file has headers"))
        values = {columns[index]: cells[index] if index < len(cells) else ""
                  for index in columns if columns[index]}
        names = {fieldname: header[index] for index, fieldname in columns.items() if fieldname}
        target = _group(ws, values.get("group", ""), group, found)
        if isinstance(target, RowError):
            errors.append(RowError(number, names.get("group", "Grupp"), target.key,
                                   target.message, target.fields))
        when = _when(values.get("reported_at", ""), now)
        if when is None:
            errors.append(RowError(number, names["reported_at"], "bad_date",
                                   "not a date, e.g. 2026-10-20", {}))
        secret = values.get("confidential", "").strip().casefold()
        if secret not in _YES | _NO:
            errors.append(RowError(number, names["confidential"], "bad_flag",
                                   "write ja or nej", {}))
        data = {key: value for key, value in values.items()
                if key not in ("group", "reported_at", "confidential")}
        try:
            made = Report.model_validate({
                **data, "group_id": target.id if isinstance(target, Group) else 0,
                "reported_at": when or now, "confidential": secret in _YES})
        except ValidationError as error:
            errors += [RowError(number, names.get(str(e["loc"][0]), str(e["loc"][0])),
                                f"error.{e['type']}", e["msg"], dict(e.get("ctx") or {}))
                       for e in error.errors()]
        else:
            if not errors:
                checked.reports.append(made)
                checked.rows.append(number)
        checked.errors += errors
    return checked


def import_checked(ws: Workspace, checked: Checked) -> int:
    """Store the good rows, all in one transaction."""
    return reports.report_many(ws, checked.reports)


def _columns(header: list[str], group_given: bool) -> dict[int, str]:
    """Each column's field by its header; a file whose headers say nothing known, lack a
    required one or name one twice is refused before its rows are read."""
    columns: dict[int, str] = {}
    for index, name in enumerate(header):
        key = " ".join(name.split())
        fieldname = COLUMNS.get(key) or _ALSO.get(key.casefold()) or next(
            (f for h, f in COLUMNS.items() if h.casefold() == key.casefold()), None)
        if fieldname is None:
            if not key:
                columns[index] = ""
                continue
            raise ReportFileError(f"unknown column {key!r}; the columns are "
                                  f"{', '.join(HEADERS)}", "unknown_column", column=key,
                                  columns=", ".join(HEADERS))
        if fieldname in columns.values():
            raise ReportFileError(f"the column {key!r} is there twice", "column_twice",
                                  column=key)
        columns[index] = fieldname
    wanted = [*_REQUIRED, *(() if group_given else ("group",))]
    missing = [h for h, f in COLUMNS.items() if f in wanted and f not in columns.values()]
    if missing:
        raise ReportFileError(f"the column {missing[0]} is missing", "missing_column",
                              column=missing[0])
    return columns


def _group(ws: Workspace, name: str, default: Group | None,
           found: dict[str, Group | None]) -> Group | RowError:
    name = " ".join(name.split())
    if not name:
        if default is not None:
            return default
        return RowError(0, "", "no_group", "empty: name the group (or give --group)", {})
    if name not in found:
        found[name] = group_service.find_group(ws, name)
    target = found[name]
    if target is None or target.archived:
        known = ", ".join(g.short for g in group_service.ensure_groups(ws))
        return RowError(0, "", "unknown_group", f"no group called {name!r}; known: {known}",
                        {"name": name, "known": known})
    return target


def _when(text: str, now: datetime) -> datetime | None:
    text = text.strip()
    if not text:
        return now
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    from meetingtui.dates import DateError, parse_date

    try:
        return datetime.combine(parse_date(text, now.date()), time())
    except DateError:
        return None


# --- reading the file ----------------------------------------------------------------------------

def _read(path: Path) -> tuple[list[str], Iterator[tuple[int, list[str]]]]:
    suffix = path.suffix.casefold()
    if suffix in (".xls", ".ods", ".numbers"):
        raise ReportFileError(f"{path.name}: save it as .xlsx or CSV", "format",
                              name=path.name)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ReportFileError(f"cannot read {path}: {error.strerror}", "unreadable",
                              path=str(path), why=os_error(error)) from None
    rows = _xlsx_rows(data, path) if suffix in (".xlsx", ".xlsm") else _csv_rows(data)
    first = next(rows, None)
    if first is None:
        raise ReportFileError(f"{path.name} is empty: the first row names the columns",
                              "empty", name=path.name)
    return [cell.strip() for cell in first[1]], rows


def _csv_rows(data: bytes) -> Iterator[tuple[int, list[str]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Swedish Excel's "CSV (semikolonavgränsad)" is Windows-1252, not UTF-8.
        text = data.decode("cp1252", errors="replace")
    first = text.split("\n", 1)[0]
    delimiter = max((";", ",", "\t"), key=first.count)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    return ((number, row) for number, row in enumerate(reader, start=1))


def _xlsx_rows(data: bytes, path: Path) -> Iterator[tuple[int, list[str]]]:
    from zipfile import BadZipFile

    import openpyxl

    try:
        # data_only False: a formula is read as the formula, never as what it computed.
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    except (BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReportFileError(f"{path.name} is not an Excel workbook (.xlsx): {error}",
                              "not_xlsx", name=path.name) from None
    sheet = book.worksheets[0]
    return ((number, [_cell_text(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), start=1))


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "ja" if value else "nej"
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != time() else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
