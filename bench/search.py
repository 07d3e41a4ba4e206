"""Search on the 10-year database: in-process (what `/` waits for as the chair types) and as
`meetingtui search` (a process, against `--help`)."""

from __future__ import annotations

import statistics
import time
from pathlib import Path

from bench.databases import DemoDb
from bench.paths import MEETINGTUI
from bench.processes import time_interleaved
from bench.report import Row, absolute_row, ratio_row
from bench.stats import Samples

#: What a chair types: a whole word, the beginning of one, two words, an owner; and one letter,
#: the worst a first key press asks for (timed, not in the median).
TYPICAL = ("klotter", "klott", "belysning torget", "polisen", "genomf")
ONE_LETTER = "k"


def _searches(db: Path, queries: tuple[str, ...], runs: int) -> dict[str, Samples]:
    from meetingtui.paths import resolve
    from meetingtui.services.search import search
    from meetingtui.services.workspace import open_workspace

    ws = open_workspace(resolve(db=db))
    try:
        times: dict[str, list[float]] = {query: [] for query in queries}
        for query in queries:
            search(ws, query)  # warm: the page cache, the statement cache
        for _ in range(runs):
            for query, values in times.items():
                started = time.perf_counter()
                search(ws, query)
                values.append((time.perf_counter() - started) * 1000)
        return {query: Samples(tuple(values)) for query, values in times.items()}
    finally:
        ws.close()


def search_rows(large: DemoDb, runs: int) -> list[Row]:
    by_query = _searches(large.path, (*TYPICAL, large.busiest_owner, ONE_LETTER), 3 * runs)
    typical = [*TYPICAL, large.busiest_owner]
    medians = ", ".join(f"{q!r} {by_query[q].median:.1f}" for q in typical)
    pooled = Samples(tuple(statistics.median(by_query[q].values) for q in typical))
    rows = [absolute_row(f"search in-process (`services.search`), 10 y, median of {len(typical)} "
                         f"typical queries ({medians} ms)", pooled, 50),
            Row(f"search in-process, 10 y, one letter ({ONE_LETTER!r}; the app waits for a "
                "pause in the typing)", by_query[ONE_LETTER].describe(), "—", "—", "—", None)]
    big = [str(MEETINGTUI), "--db", str(large.path)]
    times = time_interleaved({"help": [str(MEETINGTUI), "--help"],
                              "search": [*big, "search", "klott"],
                              "json": [*big, "search", "belysning", "torget", "--format", "json",
                                       "--public"]}, runs=runs)
    rows.append(ratio_row("`search klott`, 10 y", times["search"], times["help"], "`--help`",
                          1.3))
    rows.append(ratio_row("`search belysning torget --format json --public`, 10 y",
                          times["json"], times["help"], "`--help`", 1.3))
    return rows
