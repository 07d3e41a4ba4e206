"""`make bench`: build or reuse the bench databases, measure, print one Markdown table.

Every figure is a median over repeated runs; a ratio is taken against a floor measured in the
same run, interleaved with it (../shared/perf.md).
"""

from __future__ import annotations

import argparse
import compileall
import shutil
import sys
import tempfile
import time
from pathlib import Path

from bench import machine
from bench.autosave import time_edits
from bench.databases import BigMeeting, DemoDb, action_list_db, big_meeting_db, demo_db
from bench.first_paint import ttfp_interleaved
from bench.keycpu import cpu_per_key
from bench.keylat import keylat
from bench.keyseq import key_latency
from bench.memory import peak_rss_mb
from bench.paths import MEETINGTUI, PYTHON, REPO, TOOLS
from bench.processes import time_interleaved
from bench.publish import publish_rows
from bench.queries import home_lines_ms, open_actions_ms
from bench.report import Row, absolute_row, growth_row, markdown, ratio_row
from bench.report_import import import_rows
from bench.search import search_rows
from bench.stats import Samples
from bench.tui_list import action_list_ms, key_to_screen_ms
from bench.upward import upward_rows

FLAT = 1.15  # 10 years over 1 year: "flat" allows this much for noise
LINEAR = 2.2  # 2,000 rows over 1,000: at most twice the time (and a little noise)
ROWS = ("2,000 rows", "1,000 rows")
YEARS = (1, 3, 10)
PER_YEAR = 100  # EST meetings a year in every bench database (the "EST-size")
LIST_SIZES = (500, 1000, 2000)
KEYS_TARGET = "≤ 25 ms median, ≤ 60 ms p90"
APP = str(MEETINGTUI)


def precompile() -> None:
    """Byte-compile the project, as `pip install` (pipx) does for an installed one: an editable
    checkout under PYTHONDONTWRITEBYTECODE compiles every module on every start otherwise."""
    compileall.compile_dir(REPO / "meetingtui", quiet=1)


def first_paint(dbs: dict[int, DemoDb], big: BigMeeting, tmp: Path, runs: int) -> list[Row]:
    big_copy = tmp / "paint.db"
    shutil.copy(big.path, big_copy)
    home = ttfp_interleaved({"bare": [str(PYTHON), str(TOOLS / "bare_app.py")],
                             **{f"{y}y": [APP, "--db", str(dbs[y].path)] for y in YEARS}},
                            marker="EST", runs=runs)
    meeting = ttfp_interleaved({"bare": [str(PYTHON), str(TOOLS / "bare_app.py")],
                                "lägesbild": [APP, "--db", str(big_copy), "open",
                                              str(big.meeting_id)]},
                               marker="EST", markers={"lägesbild": big.first_area},
                               runs=runs)
    rows = [ratio_row(f"home first paint, {y} y, 80×24", home[f"{y}y"], home["bare"],
                      "bare_app.py", 1.3) for y in YEARS]
    rows.append(growth_row("home first paint, growth 1 → 10 y", home["10y"], home["1y"], FLAT))
    rows.append(ratio_row(f"lägesbild first paint, {big.observations} observations "
                          "(`open MEETING`), 80×24", meeting["lägesbild"], meeting["bare"],
                          "bare_app.py", 1.3))
    return rows


def actions_cli(dbs: dict[int, DemoDb], runs: int) -> list[Row]:
    large = dbs[10]
    big = ["--db", str(large.path)]
    filters = {
        "`actions`": [],
        "`actions --status overdue`": ["--status", "overdue"],
        f"`actions --owner '{large.busiest_owner}'`": ["--owner", large.busiest_owner],
        "`actions --group sspf`": ["--group", "sspf"],
        "`actions --due-before 2026-12-31 --status all`": ["--due-before", "2026-12-31",
                                                           "--status", "all"],
        f"`actions --meeting {large.largest_meeting}`": ["--meeting",
                                                         str(large.largest_meeting)],
        "`actions --format json`": ["--format", "json"],
        "`actions --format csv`": ["--format", "csv"],
    }
    commands = {"help": [APP, "--help"],
                **{label: [APP, *big, "actions", *extra] for label, extra in filters.items()},
                **{f"{y}y": [APP, "--db", str(dbs[y].path), "actions"] for y in YEARS[:2]}}
    times = time_interleaved(commands, runs=runs)
    rows = [ratio_row(f"{label}, 10 y", times[label], times["help"], "`--help`", 1.2)
            for label in filters]
    times["10y"] = times["`actions`"]
    rows.append(growth_row("`actions`, growth 1 → 10 y", times["10y"], times["1y"], FLAT))
    rows.append(growth_row("`actions`, growth 1 → 3 y", times["3y"], times["1y"], FLAT,
                           ("3 y", "1 y")))
    return rows


def figures(dbs: dict[int, DemoDb], runs: int) -> list[Row]:
    """`meetingtui stats` against `--help` (≤ 1.5×), and the Statistik screen: from `s` on the
    home screen to its figures on screen, against the bare app's first paint (≤ 1.3×)."""
    large = ["--db", str(dbs[10].path)]
    variants = {
        "`stats` (all groups, 4 quarters)": [],
        "`stats --group EST`": ["--group", "EST"],
    }
    # Ten years by month (120 periods, every measure's history): a report, not a glance.
    report = ["--by", "month", "--from", "2017-01-01", "--format", "csv"]
    times = time_interleaved({"help": [APP, "--help"],
                              **{label: [APP, *large, "stats", *extra]
                                 for label, extra in variants.items()},
                              "report": [APP, *large, "stats", *report]}, runs=runs)
    rows = [ratio_row(f"{label}, 10 y", times[label], times["help"], "`--help`", 1.5)
            for label in variants]
    rows.append(absolute_row(f"`stats {' '.join(report)}`, 10 y", times["report"], 1000,
                             times["help"], "`--help`"))
    bare = ttfp_interleaved({"bare": [str(PYTHON), str(TOOLS / "bare_app.py")]},
                            marker="EST", runs=runs)["bare"]
    # "Problem per område" is mounted with the figures, not before them.
    screen = key_to_screen_ms([APP, *large], "s", "Problem per område", runs)
    rows.append(ratio_row("Statistik screen first paint (`s` on the home screen to its "
                          "figures), 10 y, 80×24", screen, bare, "bare_app.py first paint", 1.3))
    return rows


def action_lists(tmp: Path, runs: int) -> list[Row]:
    lists = {n: action_list_db(n) for n in LIST_SIZES}
    rows: list[Row] = []
    for fmt in ("table", "csv", "docx"):
        extra = [] if fmt == "table" else ["--format", fmt, "--force", "-o",
                                           str(tmp / f"list.{fmt}")]
        times = time_interleaved({str(n): [APP, "--db", str(db.path), "actions", *extra]
                                  for n, db in lists.items()}, runs=runs)
        sizes = " / ".join(f"{n}: {times[str(n)].median:.0f} ms" for n in LIST_SIZES)
        rows.append(absolute_row(f"`actions --format {fmt}`, 2,000 rows ({sizes})",
                                 times["2000"], 2000))
        rows.append(growth_row(f"`actions --format {fmt}`, 1,000 → 2,000 rows", times["2000"],
                               times["1000"], LINEAR, ROWS, "linear"))
    tui = {n: action_list_ms([APP, "--db", str(db.path)], n) for n, db in lists.items()}
    sizes = " / ".join(f"{n}: {tui[n].median:.0f} ms" for n in LIST_SIZES)
    rows.append(absolute_row(f"TUI action list (F7 to rows shown), 2,000 rows ({sizes})",
                             tui[2000], 2000))
    rows.append(growth_row("TUI action list, 1,000 → 2,000 rows", tui[2000], tui[1000], LINEAR,
                           ROWS, "linear"))
    return rows


def exports(large: DemoDb, tmp: Path, runs: int) -> list[Row]:
    meeting = str(large.largest_meeting)
    big = ["--db", str(large.path)]
    times = time_interleaved({
        "help": [APP, "--help"],
        "docx": [APP, *big, "export", meeting, "-o", str(tmp / "a.docx"), "--force"],
        "public": [APP, *big, "export", meeting, "--public", "--allow-personal-data",
                   "-o", str(tmp / "b.docx"), "--force"],
    }, runs=runs)
    what = f"meeting {meeting}, {large.observations} obs."
    return [absolute_row(f"docx export ({what})", times["docx"], 1000, times["help"],
                         "`--help`"),
            absolute_row(f"docx export `--public` ({what})", times["public"], 1000,
                         times["help"], "`--help`")]


def keys(big: BigMeeting, tmp: Path) -> list[Row]:
    rows: list[Row] = []

    def fresh() -> list[str]:
        copy = tmp / f"keys-{time.monotonic_ns()}.db"
        shutil.copy(big.path, copy)
        return [APP, "--db", str(copy), "open", str(big.meeting_id)]

    where = f"lägesbild of {big.observations} observations"
    marker = "Lägesbild ·"
    try:
        down = keylat(fresh(), marker, 20, "Down")
        rows.append(Row(f"key to screen, {where}: cursor down (`keylat.sh`)",
                        f"{down.median_ms:.1f} ms (p90 {down.p90_ms:.1f}, n=20)", "—", "—",
                        KEYS_TARGET, down.median_ms <= 25 and down.p90_ms <= 60))
    except (RuntimeError, OSError) as error:
        print(f"  keylat.sh failed: {error}", file=sys.stderr)
        rows.append(Row(f"key to screen, {where}: cursor down", "not measured", "—", "—",
                        KEYS_TARGET, None))
    for pair, what in ((("n", "p"), "next item / back to the lägesbild"),
                       (("e", "Enter"), "open the observation form / save it")):
        try:
            measured = key_latency(fresh(), marker, pair, 12)
        except (TimeoutError, OSError) as error:
            print(f"  {pair}: {error}", file=sys.stderr)
            rows.append(Row(f"key to screen, {where}: {what}", "not measured", "—", "—",
                            KEYS_TARGET, None))
            continue
        for key, samples in measured.items():
            rows.append(_latency_row(f"key to screen, {where}: `{key}` ({what})", samples))
    for name, samples in cpu_per_key(big.path, big.meeting_id).items():
        rows.append(absolute_row(f"CPU per key in-process, {name}", samples, 20))
    return rows


def _latency_row(figure: str, samples: Samples) -> Row:
    p90 = sorted(samples.values)[int(0.9 * len(samples.values) + 0.5) - 1]
    return Row(figure, f"{samples.median:.1f} ms (p90 {p90:.1f}, n={len(samples.values)})",
               "—", "—", KEYS_TARGET, samples.median <= 25 and p90 <= 60)


def queries(dbs: dict[int, DemoDb]) -> list[Row]:
    rows: list[Row] = []
    for name, measure in (("home screen lines (`services.home.lines`)", home_lines_ms),
                          ("open action list query (`read_actions`)", open_actions_ms)):
        by_years = {y: measure(dbs[y].path) for y in YEARS}
        sizes = " / ".join(f"{y} y: {by_years[y].median:.2f} ms" for y in YEARS)
        rows.append(growth_row(f"{name} in-process, growth 1 → 10 y ({sizes})",
                               by_years[10], by_years[1], FLAT))
    return rows


def problem_course(large: DemoDb, tmp: Path, with_keys: bool) -> list[Row]:
    """One problem carried over 24 meetings: its history read, and `f` to its course."""
    from bench.problems import MEETINGS, carried_problem_db, course_key_ms, history_ms

    db = tmp / "problem.db"
    last, observation = carried_problem_db(large.path, db)
    what = f"a problem carried over {MEETINGS} meetings, 10 y"
    rows = [absolute_row(f"problem history (`services.problems.history`) in-process, {what}",
                         history_ms(db, observation), 100)]
    if with_keys:
        try:
            rows.append(absolute_row(f"key to screen, `f` (the problem's course), {what}",
                                     course_key_ms(db, last), 100))
        except (TimeoutError, OSError) as error:
            print(f"  f: {error}", file=sys.stderr)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--edits", type=int, default=200, help="autosaved edits (default 200)")
    parser.add_argument("--no-keys", action="store_true", help="skip the keystroke figures")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    precompile()
    dbs = {y: demo_db(y, meetings_per_year=PER_YEAR) for y in YEARS}
    large = dbs[10]
    big = big_meeting_db(large)
    print(f"10-year database: {large.meetings} meetings; largest meeting {large.largest_meeting}"
          f" ({large.observations} observations); busiest owner {large.busiest_owner!r}; "
          f"meeting {big.meeting_id} has {big.observations} observations", flush=True)
    rows: list[Row] = []
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as name:
        tmp = Path(name)
        print("first paint …", flush=True)
        rows += first_paint(dbs, big, tmp, args.runs)
        print("actions …", flush=True)
        rows += actions_cli(dbs, args.runs)
        print("figures (stats, Statistik) …", flush=True)
        rows += figures(dbs, args.runs)
        print("action lists of 500, 1,000 and 2,000 rows …", flush=True)
        rows += action_lists(tmp, max(3, args.runs // 2))
        print("export …", flush=True)
        rows += exports(large, tmp, args.runs)
        print("documents upward (report yearly, quarter) …", flush=True)
        rows += upward_rows(large, tmp, args.runs)
        print("the members' site (publish) …", flush=True)
        rows += publish_rows(large, tmp, args.runs)
        print("queries …", flush=True)
        rows += queries(dbs)
        print("search …", flush=True)
        rows += search_rows(large, args.runs)

        print("import of 1,000 reports …", flush=True)
        rows += import_rows(tmp, args.runs)
        print("problem course …", flush=True)
        rows += problem_course(large, tmp, not args.no_keys)
        print("autosaved edit …", flush=True)
        edits, synchronous = time_edits(large, args.edits)
        rows.append(absolute_row(
            f"one autosaved edit (`edit_item`, commit, synchronous={synchronous})", edits, 10))
        print("memory …", flush=True)
        rows.append(absolute_row("TUI peak RSS, 10 y, home screen then quit",
                                 peak_rss_mb(large.path), 200))
        if not args.no_keys:
            print("keys …", flush=True)
            rows += keys(big, tmp)
    print()
    print(f"Measured {machine.describe()}; {time.perf_counter() - started:.0f} s in all.")
    print()
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
