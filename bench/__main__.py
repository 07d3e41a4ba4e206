"""`make bench`: build or reuse the demo databases, measure, print one Markdown table."""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from bench import machine
from bench.autosave import time_edits
from bench.databases import demo_db
from bench.first_paint import ttfp_interleaved
from bench.keylat import keylat
from bench.memory import peak_rss_mb
from bench.paths import MEETINGTUI, PYTHON, TOOLS
from bench.processes import time_interleaved
from bench.report import Row, absolute_row, growth_row, markdown, ratio_row

FLAT = 1.15  # 10 years over 1 year: "flat" allows this much for noise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("--runs", type=int, default=7, help="runs per figure (default 7)")
    parser.add_argument("--edits", type=int, default=200, help="autosaved edits (default 200)")
    parser.add_argument("--no-keylat", action="store_true", help="skip keystroke latency")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    app = str(MEETINGTUI)

    small = demo_db(1)
    large = demo_db(10, meetings_per_year=100)
    print(f"10-year database: {large.meetings} meetings; largest meeting {large.largest_meeting} "
          f"({large.observations} observations); busiest owner {large.busiest_owner!r}",
          flush=True)
    rows: list[Row] = []

    print("first paint …", flush=True)
    paint = ttfp_interleaved({
        "bare": [str(PYTHON), str(TOOLS / "bare_app.py")],
        "1y": [app, "--db", str(small.path)],
        "10y": [app, "--db", str(large.path)],
    }, marker="EST", runs=args.runs)
    rows.append(ratio_row("home first paint, 1 y, 80×24", paint["1y"], paint["bare"],
                          "bare_app.py", 1.3))
    rows.append(ratio_row("home first paint, 10 y, 80×24", paint["10y"], paint["bare"],
                          "bare_app.py", 1.3))
    rows.append(growth_row("home first paint, growth 1 → 10 y", paint["10y"], paint["1y"], FLAT))

    print("actions …", flush=True)
    big = ["--db", str(large.path)]
    cli = time_interleaved({
        "help": [app, "--help"],
        "default": [app, *big, "actions"],
        "overdue": [app, *big, "actions", "--status", "overdue"],
        "owner": [app, *big, "actions", "--owner", large.busiest_owner],
        "json": [app, *big, "actions", "--format", "json"],
        "default 1y": [app, "--db", str(small.path), "actions"],
    }, runs=args.runs)
    for name, label in (("default", "`actions`"), ("overdue", "`actions --status overdue`"),
                        ("owner", f"`actions --owner '{large.busiest_owner}'`"),
                        ("json", "`actions --format json`")):
        rows.append(ratio_row(f"{label}, 10 y", cli[name], cli["help"], "`--help`", 1.2))
    rows.append(growth_row("`actions`, growth 1 → 10 y", cli["default"], cli["default 1y"], FLAT))

    print("export …", flush=True)
    with tempfile.TemporaryDirectory(prefix="meetingtui-bench-") as tmp:
        meeting = str(large.largest_meeting)
        exports = time_interleaved({
            "help": [app, "--help"],
            "docx": [app, *big, "export", meeting, "-o", str(Path(tmp) / "a.docx"), "--force"],
            "public": [app, *big, "export", meeting, "--public", "--allow-personal-data",
                       "-o", str(Path(tmp) / "b.docx"), "--force"],
        }, runs=args.runs)
    what = f"meeting {meeting}, {large.observations} obs."
    rows.append(absolute_row(f"docx export ({what})", exports["docx"], 1000,
                             exports["help"], "`--help`"))
    rows.append(absolute_row(f"docx export `--public` ({what})", exports["public"], 1000,
                             exports["help"], "`--help`"))

    print("autosaved edit …", flush=True)
    edits, synchronous = time_edits(large, args.edits)
    rows.append(absolute_row(f"one autosaved edit (`edit_item`, commit, synchronous={synchronous})",
                             edits, 10))

    print("memory …", flush=True)
    rows.append(absolute_row("TUI peak RSS, 10 y, home screen then quit",
                             peak_rss_mb(large.path), 200))

    if not args.no_keylat:
        print("keystroke latency …", flush=True)
        figure = f"key to screen, meeting {meeting} (`n` = next item), keylat.sh"
        try:
            keys = keylat([app, *big, "open", meeting], "Mötets öppnande", 12, "n")
        except (RuntimeError, OSError) as error:
            print(f"  skipped: {error}", file=sys.stderr)
            rows.append(Row(figure, "not measured (keylat.sh failed)", "—", "—",
                            "≤ 25 ms median, ≤ 60 ms p90", None))
        else:
            rows.append(Row(figure, f"{keys.median_ms:.1f} ms (p90 {keys.p90_ms:.1f}, n=12)",
                            "—", "—", "≤ 25 ms median, ≤ 60 ms p90",
                            keys.median_ms <= 25 and keys.p90_ms <= 60))

    print()
    print(f"Measured {machine.describe()}; {time.perf_counter() - started:.0f} s in all.")
    print()
    print(markdown(rows))
    return 0


if __name__ == "__main__":
    sys.exit(main())
