"""`meetingtui publish` of the 10-year database (issue 17 §1: the members' site, every closed
meeting's minutes as a page) as a process, against `--help`; the issue's target is ≤ 5 s.

Two cases, interleaved with `--help` run by run: a first publish into a new folder (every page
made), and a publish again into the same folder with --force, as a secretary publishing every
week does (nothing changed since: the minutes pages stay, `export.site.reuse`; the rest is
made again).

A first publish creates some 1,790 files, and what creating one costs depends on what was
removed before: this machine's ext4 has no journal, and without one the kernel skips every inode
removed in the last minute (five while its block is not written back) when it looks for a free
one (`recently_deleted` in `find_inode_bit`, seen with `perf`). Removing the last run's
folder right before a run made each new file cost 0.5-1 ms instead of 0.06 ms, 0.5 s of system
time a publish that a secretary's machine never pays (a journalled file system does not check).
So nothing is removed until every run is done; each run also times creating as many empty
files beside it, and the row says what that cost in this run."""

from __future__ import annotations

import os
import time
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
    files = sum(1 for path in again.rglob("*") if path.is_file())
    times: dict[str, list[float]] = {"help": [], "first": [], "again": [], "create": []}
    for run in range(min(runs, RUNS)):  # every folder stays until the end: see the module
        times["help"].append(run_once(help_command))
        times["create"].append(create_files(tmp / f"leer-{run}", files))
        times["first"].append(run_once(publish(first.with_name(f"{first.name}-{run}"))))
        times["again"].append(run_once(publish(again, "--force")))
    pages = sum(1 for _ in again.rglob("*.html"))
    floor = Samples(tuple(times["help"]))
    create = Samples(tuple(times["create"]))
    return [absolute_row(f"`publish DIR`, a new folder ({large.meetings} meetings, {pages} "
                         f"pages), 10 y; creating {files} empty files here took "
                         f"{create.median:.0f} ms ({create.median / files:.2f} ms a file)",
                         Samples(tuple(times["first"])), LIMIT_MS, floor, "`--help`"),
            absolute_row("`publish DIR --force` again, nothing changed since, 10 y",
                         Samples(tuple(times["again"])), LIMIT_MS, floor, "`--help`")]


def create_files(folder: Path, count: int) -> float:
    """Milliseconds to create ``count`` empty files in ``folder``, new (the disk's floor for a
    publish into a new folder); the folder stays, as the published ones do."""
    folder.mkdir()
    started = time.perf_counter()
    for number in range(count):
        os.close(os.open(folder / f"{number}.html", os.O_WRONLY | os.O_CREAT | os.O_EXCL,
                         0o600))
    return (time.perf_counter() - started) * 1000


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
