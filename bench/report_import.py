"""`meetingtui import` of 1,000 reports (issue 16: ≤ 1 s), as a CSV and as an .xlsx workbook,
each a process from start to the last row committed, against `--help` in the same run.

Each run imports into the same small database (its groups only), so it holds a few thousand
reports by the last run: what an import costs does not grow with them (inserts, and one read
of the groups)."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from bench.paths import MEETINGTUI
from bench.processes import time_interleaved
from bench.report import Row, absolute_row

ROWS = 1000
LIMIT_MS = 1000
_AREAS = ("Centrum", "Stationsområdet", "Norra området", "Hagen", "Torget")
_CATEGORIES = ("Skadegörelse", "Klotter", "Nedskräpning", "Ordningsstörning", "Otrygghet")


def _rows() -> list[list[str]]:
    day = date(2026, 1, 1)
    return [["EST", _AREAS[n % 5], f"Plats {n % 37}", _CATEGORIES[n % 5],
             f"Iakttagelse nummer {n}: krossade rutor och klotter vid busskuren, "
             "flera boende har hört av sig.", "Bostadsbolag", f"Inrapportör {n % 23}",
             (day + timedelta(days=n % 300)).isoformat(), "ja" if n % 50 == 0 else "nej"]
            for n in range(ROWS)]


def files(tmp: Path) -> tuple[Path, Path, Path]:
    """The database (groups only), the CSV and the workbook of 1,000 rows."""
    import openpyxl

    from meetingtui.paths import resolve
    from meetingtui.services.groups import ensure_groups
    from meetingtui.services.report_import import HEADERS
    from meetingtui.services.workspace import open_workspace

    db = tmp / "import.db"
    ws = open_workspace(resolve(db=db))
    ensure_groups(ws)
    ws.close()
    rows = _rows()
    csv = tmp / "reports.csv"
    csv.write_text("\ufeff" + "\r\n".join(";".join(r) for r in [HEADERS, *rows]) + "\r\n",
                   encoding="utf-8")
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in [HEADERS, *rows]:
        sheet.append(row)
    xlsx = tmp / "reports.xlsx"
    book.save(xlsx)
    return db, csv, xlsx


def import_rows(tmp: Path, runs: int) -> list[Row]:
    db, csv, xlsx = files(tmp)
    app = [str(MEETINGTUI), "--db", str(db)]
    times = time_interleaved({"help": [str(MEETINGTUI), "--help"],
                              "csv": [*app, "import", str(csv)],
                              "xlsx": [*app, "import", str(xlsx)]}, runs=runs)
    return [absolute_row(f"`import` of {ROWS:,} reports, {kind}", times[kind], LIMIT_MS,
                         times["help"], "`--help`") for kind in ("csv", "xlsx")]


if __name__ == "__main__":  # this row alone: python -m bench.report_import
    import sys
    import tempfile

    from bench.report import markdown

    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as name:
        print(markdown(import_rows(Path(name), int(sys.argv[1]) if len(sys.argv) > 1 else 7)))
