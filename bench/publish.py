"""`meetingtui publish` of the 10-year database (issue 17 §1: the members' site, every closed
meeting's minutes as a page) as a process, against `--help`; the issue's target is ≤ 5 s.

Each run publishes into the same folder with --force, as a secretary publishing every week does
(the files are replaced; nothing is skipped because it was there)."""

from __future__ import annotations

from pathlib import Path

from bench.databases import DemoDb
from bench.paths import MEETINGTUI
from bench.processes import time_interleaved
from bench.report import Row, absolute_row

LIMIT_MS = 5000
RUNS = 3  # a run takes a minute at ten years: three say enough


def publish_rows(large: DemoDb, tmp: Path, runs: int) -> list[Row]:
    site = tmp / "webbplats"
    commands = {
        "help": [str(MEETINGTUI), "--help"],
        "publish": [str(MEETINGTUI), "--db", str(large.path), "publish", str(site), "--force"],
    }
    times = time_interleaved(commands, runs=min(runs, RUNS), warmup=0)
    pages = sum(1 for _ in site.rglob("*.html"))
    return [absolute_row(f"`publish DIR` ({large.meetings} meetings, {pages} pages), 10 y",
                         times["publish"], LIMIT_MS, times["help"], "`--help`")]


if __name__ == "__main__":  # this row alone: python -m bench.publish
    import sys
    import tempfile

    from bench.__main__ import PER_YEAR, precompile
    from bench.databases import demo_db
    from bench.report import markdown

    precompile()
    runs = int(sys.argv[1]) if len(sys.argv) > 1 else RUNS
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as name:
        print(markdown(publish_rows(demo_db(10, meetings_per_year=PER_YEAR), Path(name), runs)))
