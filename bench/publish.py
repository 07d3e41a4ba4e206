"""`meetingtui publish` of the 10-year database (issue 17 §1: the members' site, every closed
meeting's minutes as a page) as a process, against `--help`; the issue's target is ≤ 5 s.

Two cases, interleaved with `--help` run by run: a first publish into a new folder (every page
made), and a publish again into the same folder with --force, as a secretary publishing every
week does (nothing changed since: the minutes pages stay, `export.site.reuse`; the rest is
made again)."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench.databases import DemoDb
from bench.paths import MEETINGTUI
from bench.processes import run_once
from bench.report import Row, absolute_row
from bench.stats import Samples

LIMIT_MS = 5000
RUNS = 3  # a first publish takes several seconds at ten years: three say enough


def publish_rows(large: DemoDb, tmp: Path, runs: int) -> list[Row]:
    first, again = tmp / "ny-webbplats", tmp / "webbplats"
    help_command = [str(MEETINGTUI), "--help"]

    def publish(folder: Path, *extra: str) -> list[str]:
        return [str(MEETINGTUI), "--db", str(large.path), "publish", str(folder), *extra]

    run_once(publish(again))  # the last publish, to publish again over
    times: dict[str, list[float]] = {"help": [], "first": [], "again": []}
    for _ in range(min(runs, RUNS)):
        shutil.rmtree(first, ignore_errors=True)
        times["help"].append(run_once(help_command))
        times["first"].append(run_once(publish(first)))
        times["again"].append(run_once(publish(again, "--force")))
    pages = sum(1 for _ in again.rglob("*.html"))
    floor = Samples(tuple(times["help"]))
    return [absolute_row(f"`publish DIR`, a new folder ({large.meetings} meetings, {pages} "
                         "pages), 10 y", Samples(tuple(times["first"])), LIMIT_MS, floor,
                         "`--help`"),
            absolute_row("`publish DIR --force` again, nothing changed since, 10 y",
                         Samples(tuple(times["again"])), LIMIT_MS, floor, "`--help`")]


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
