"""The documents upward on the 10-year database: `meetingtui report yearly` (Word and
Markdown, internal and public) as a process, against `--help`; the issue's target is ≤ 2 s."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from bench.databases import DemoDb
from bench.paths import MEETINGTUI
from bench.processes import time_interleaved
from bench.report import Row, absolute_row

LIMIT_MS = 2000


def upward_rows(large: DemoDb, tmp: Path, runs: int) -> list[Row]:
    # The last whole year: a full year of meetings, measures and the year before's follow-up.
    year = str(date.today().year - 1)
    app = [str(MEETINGTUI), "--db", str(large.path), "report"]
    commands = {
        "help": [str(MEETINGTUI), "--help"],
        "docx": [*app, "yearly", "--year", year, "-o", str(tmp / "y.docx"), "--force"],
        "public": [*app, "yearly", "--year", year, "--public", "--allow-personal-data", "-o",
                   str(tmp / "p.docx"), "--force"],
        "md": [*app, "yearly", "--year", year, "-o", str(tmp / "y.md"), "--force"],
        "quarter": [*app, "quarter", "--quarter", f"{year}-Q4", "-o", str(tmp / "q.docx"),
                    "--force"],
    }
    times = time_interleaved(commands, runs=runs)
    what = {"docx": f"`report yearly --year {year}` (docx)",
            "public": f"`report yearly --year {year} --public` (docx)",
            "md": f"`report yearly --year {year}` (md)",
            "quarter": f"`report quarter --quarter {year}-Q4` (docx)"}
    return [absolute_row(f"{label}, 10 y", times[key], LIMIT_MS, times["help"], "`--help`")
            for key, label in what.items()]


if __name__ == "__main__":  # this row alone: python -m bench.upward
    import sys
    import tempfile

    from bench.__main__ import PER_YEAR, precompile
    from bench.databases import demo_db
    from bench.report import markdown

    precompile()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else 5
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as name:
        print(markdown(upward_rows(demo_db(10, meetings_per_year=PER_YEAR), Path(name), runs)))
