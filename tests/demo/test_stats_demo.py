"""The figures (issue 15 §4) on a year of demo data, against the independent reference in
`tests/stats_reference.py`: every period length, one group and all, internal and public, the
default range and a range of one's own; and `meetingtui stats` in every format."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.cli import stats as cli_stats
from meetingtui.demo.fill import fill_demo
from meetingtui.paths import resolve
from meetingtui.services import stats
from meetingtui.services.periods import DEFAULT_COUNT, PERIODS
from meetingtui.services.stats import StatsQuery, read_stats
from meetingtui.services.workspace import open_workspace
from tests import stats_reference as ref
from tests.conftest import Clock

TODAY = date(2026, 11, 23)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ws = open_workspace(resolve(db=db, exports=db.parent / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    try:
        fill_demo(ws, years=1, seed=1)
    finally:
        ws.close()
    return db


def _problems(figures: stats.Stats) -> dict[tuple[str, str, str], tuple[int, ...]]:
    """The service's figures keyed as the reference keys them, zeros left out."""
    found: dict[tuple[str, str, str], tuple[int, ...]] = {}
    lines = [("all", [figures.problems]), ("area", figures.areas),
             ("category", figures.categories)]
    for kind, each in lines:
        for line in each:
            name = ref.SECRET if line.name == stats.SECRET else line.name.casefold()
            for key, counted in [*zip([p.key for p in figures.periods], line.periods,
                                      strict=True), ("total", line.total)]:
                if counted.problems:
                    found[(kind, name, key)] = tuple(counted)
    return found


def _check(db: Path, query: StatsQuery) -> stats.Stats:
    figures = read_stats(db, query, TODAY)
    first, last = figures.first, figures.last
    periods = ref.spans(query.by, first, last)
    assert [(p.key, p.first, p.last) for p in figures.periods] == [
        (p.key, p.first, p.last) for p in periods]
    assert _problems(figures) == ref.problems(db, query.group, periods, query.public)

    found = [m for m in ref.measures(db, query.group) if m.decided <= last]
    whole = ref.Span("total", first, last)
    hidden = {m.id for m in found if query.public and m.secret}

    def owner(m: ref.Decided) -> str:
        return ref.SECRET if m.id in hidden else m.owner.casefold()

    lines = [(None, figures.measures), *((("type", line.name), line) for line in figures.types),
             *((("owner", ref.SECRET if line.name == stats.SECRET else line.name.casefold()),
                line) for line in figures.owners)]
    for which, line in lines:
        mine = found if which is None else [
            m for m in found if (m.type if which[0] == "type" else owner(m)) == which[1]]
        for period, counted in zip(periods, line.periods, strict=True):
            assert tuple(counted) == ref.measure_figures(mine, period, TODAY), (which, period)
        assert tuple(line.total) == ref.measure_figures(mine, whole, TODAY), which
    # Every owner with something to show has a line, and only those.
    shown = {m for m in map(owner, found) if any(ref.measure_figures(
        [x for x in found if owner(x) == m], whole, TODAY)[:4])}
    assert {which[1] for which, _ in lines[3:] if which is not None} == shown
    return figures


def test_the_demo_has_what_the_figures_count(demo: Path) -> None:
    """Problems carried within a quarter, confidential ones, and measures of every fate, so
    that the comparisons below are not all zero."""
    conn = sqlite3.connect(demo)
    try:
        per_quarter = Counter(conn.execute(
            "SELECT o.problem_id, substr(m.date, 1, 4) || ((substr(m.date, 6, 2) + 2) / 3) "
            "FROM observations o JOIN meetings m ON m.id = o.meeting_id").fetchall())
        assert sum(1 for n in per_quarter.values() if n > 1) > 20
        assert conn.execute("SELECT count(*) FROM observations WHERE confidential").fetchone()[0]
        assert {row[0] for row in conn.execute("SELECT DISTINCT trend FROM observations")} == {
            "new", "rising", "unchanged", "falling"}
    finally:
        conn.close()
    figures = read_stats(demo, StatsQuery(), TODAY)
    total = figures.measures.total
    assert total.decided and total.done and total.overdue and total.cancelled
    assert any(line.name == "" for line in figures.categories) or figures.categories


@pytest.mark.parametrize("by", PERIODS)
@pytest.mark.parametrize("group", [None, "EST", "SSPF"])
@pytest.mark.parametrize("public", [False, True])
def test_the_figures_match_the_reference(demo: Path, by: str, group: str | None,
                                         public: bool) -> None:
    figures = _check(demo, StatsQuery(by=by, group=group, public=public))
    assert len(figures.periods) == DEFAULT_COUNT[by]
    assert figures.last == TODAY


@pytest.mark.parametrize(("first", "last"), [
    (date(2026, 2, 15), date(2026, 8, 20)),  # both ends inside a period: clipped
    (date(2025, 12, 1), date(2027, 3, 31)),  # the whole demo, and a future after today
    (date(2026, 5, 12), date(2026, 5, 12)),  # one day
])
def test_a_range_of_ones_own(demo: Path, first: date, last: date) -> None:
    for by in PERIODS:
        figures = _check(demo, StatsQuery(by=by, first=first, last=last, group="EST"))
        assert (figures.first, figures.last) == (first, last)


def test_public_figures_never_name_a_confidential_problem(demo: Path) -> None:
    conn = sqlite3.connect(demo)
    try:
        secret = {row for row in conn.execute(
            "SELECT area FROM observations WHERE confidential AND area NOT IN "
            "(SELECT area FROM observations WHERE NOT confidential)")}
        secret_owners = {row[0] for row in conn.execute(
            "SELECT owner FROM measures WHERE confidential AND owner NOT IN "
            "(SELECT owner FROM measures WHERE NOT confidential)")}
    finally:
        conn.close()
    internal = read_stats(demo, StatsQuery(by="year"), TODAY)
    public = read_stats(demo, StatsQuery(by="year", public=True), TODAY)
    # The same totals: the public figures hide names, not problems.
    assert public.problems == internal.problems and public.measures == internal.measures
    assert any(line.name == stats.SECRET for line in public.areas)
    assert not any(line.name == stats.SECRET for line in internal.areas)
    for fmt in ("table", "json", "csv"):
        out = _run(demo, "--lang", "sv", "stats", "--by", "year", "--public", "--format", fmt)
        for (area,) in secret:
            assert area not in out, (fmt, area)
        for name in secret_owners:
            assert name not in out, (fmt, name)
        assert "Sekretess" in out


def _run(db: Path, *args: str) -> str:
    result = CliRunner().invoke(main, ["--db", str(db), *args])
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.fixture(autouse=True)
def _today(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setattr(cli_stats, "today", lambda: TODAY)
    yield


def test_json_holds_the_figures(demo: Path) -> None:
    data = json.loads(_run(demo, "stats", "--group", "est", "--by", "month", "--format",
                           "json"))
    figures = read_stats(demo, StatsQuery(by="month", group="est"), TODAY)
    assert (data["group"], data["by"], data["from"], data["to"], data["today"]) == (
        "EST", "month", "2025-12-01", "2026-11-23", "2026-11-23")
    assert [p["period"] for p in data["periods"]] == [p.key for p in figures.periods]
    areas = {a["area"]: a for a in data["problems"]["areas"]}
    for line in figures.areas:
        shown = areas[line.name]
        assert [p["problems"] for p in shown["periods"]] == [p.problems for p in line.periods]
        assert [shown["total"][t] for t in stats.TRENDS] == list(line.total)[1:]
    owners = {o["owner"]: o["total"] for o in data["measures"]["owners"]}
    assert {name: tuple(value.values()) for name, value in owners.items()} == {
        line.name: tuple(line.total) for line in figures.owners}
    assert data["measures"]["all"]["total"]["median_days_to_done"] == (
        figures.measures.total.median_days)
    assert [t["type"] for t in data["measures"]["types"]] == ["situational", "social"]


def test_csv_holds_the_figures_for_excel(demo: Path) -> None:
    raw = CliRunner().invoke(main, ["--db", str(demo), "--lang", "sv", "stats", "--format",
                                    "csv"]).stdout_bytes
    assert raw.startswith("\ufeff".encode())
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))
    assert rows[0] == ["Avsnitt", "Namn", "Period", "Problem", "Ny", "Ökande", "Oförändrad",
                       "Minskande", "Beslutade", "Klara", "Försenade", "Avbrutna",
                       "Median dagar"]
    figures = read_stats(demo, StatsQuery(), TODAY)
    by_area = {(r[1], r[2]): r for r in rows if r[0] == "Område"}
    for line in figures.areas:
        for period, counted in zip(figures.periods, line.periods, strict=True):
            assert by_area[(line.name, period.key)][3:8] == [str(n) for n in counted]
        assert by_area[(line.name, "2026-01-01–2026-11-23")][3:8] == [
            str(n) for n in line.total]
    total = next(r for r in rows if r[0] == "Åtgärder" and r[2] == "2026-01-01–2026-11-23")
    median = figures.measures.total.median_days
    assert total[8:] == [str(figures.measures.total.decided), str(figures.measures.total.done),
                         str(figures.measures.total.overdue),
                         str(figures.measures.total.cancelled),
                         "" if median is None else f"{median:g}".replace(".", ",")]
    assert {r[0] for r in rows[1:]} == {"Problem", "Område", "Kategori", "Åtgärder", "Typ",
                                        "Ansvarig"}


def test_the_table_fits_80_columns_and_says_how_it_counts(demo: Path) -> None:
    for by in PERIODS:
        for lang in ("sv", "en"):
            out = _run(demo, "--lang", lang, "stats", "--by", by)
            assert max(len(line) for line in out.splitlines()) <= 79
    out = _run(demo, "--lang", "sv", "stats", "--group", "EST")
    figures = read_stats(demo, StatsQuery(group="EST"), TODAY)
    assert out.splitlines()[0] == "Statistik · EST · per kvartal · 2026-01-01 – 2026-11-23"
    assert "en gång per period" in out and "på sista dagen är den inte försenad" in out
    top = figures.areas[0]
    block = out[out.index("Problem per område"):]
    row = next(line for line in block.splitlines() if line.startswith(top.name))
    assert row.split()[-6:] == [figures.periods[0].key, *map(str, top.periods[0])]
    english = _run(demo, "--lang", "en", "stats", "--group", "EST")
    assert english.splitlines()[0] == "Figures · EST · per quarter · 2026-01-01 – 2026-11-23"
    assert "Problems per area" in english and "Measures per owner" in english
