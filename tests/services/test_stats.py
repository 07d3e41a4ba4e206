"""The figures on a few meetings made for their edges: a problem carried within a quarter, a
measure due on the last day of a period or today, one done outside a meeting and confirmed
later, one cancelled after it was late, one decided with a due date already passed; public
figures, CSV cells, and `meetingtui stats` failing in one line."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import date, datetime, time, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given
from hypothesis import strategies as st

from meetingtui.cli import main
from meetingtui.cli import stats as cli_stats
from meetingtui.model import Measure, MeasureStatus, MeasureType, Observation, Trend
from meetingtui.services import followup, lagesbild, meetings
from meetingtui.services.stats import SECRET, Measures, Problems, StatsQuery, figures
from meetingtui.services.workspace import Workspace
from tests import stats_reference as ref
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.meeting_helpers import start_est_meeting

Run = Callable[..., Result]
TODAY = date(2026, 5, 20)
PERSONNUMMER = "811218-9876"


def _measure(ws: Workspace, meeting_id: int, text: str, owner: str, due: date,
             kind: MeasureType = MeasureType.SITUATIONAL,
             observation_id: int | None = None) -> int:
    stored = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=text, owner=owner,
                                                due=due, type=kind,
                                                observation_id=observation_id))
    assert stored.id is not None
    return stored.id


def _carried(ws: Workspace, meeting_id: int, trend: Trend) -> None:
    """The carried appearance gets this meeting's trend."""
    (copy,) = [o for o in lagesbild.observations(ws, meeting_id) if o.carried_over_from]
    lagesbild.save_observation(ws, copy.model_copy(update={"trend": trend}), base=copy)


@pytest.fixture
def edges(ws: Workspace, clock: Clock) -> Workspace:
    # January (Q1): the problem is new; four measures.
    jan = start_est_meeting(ws, clock, date(2026, 1, 14))
    centrum = lagesbild.save_observation(ws, Observation(
        meeting_id=jan, area="Centrum", category="Klotter", description="Klotter på torget"))
    assert centrum.id is not None
    _measure(ws, jan, "Due on the quarter's last day, done 2 April", "Anna Berg",
             date(2026, 3, 31), observation_id=centrum.id)
    done_in_feb = _measure(ws, jan, "Done in February", "Polisen", date(2026, 2, 1),
                           MeasureType.SOCIAL)
    _measure(ws, jan, "Late all quarter, cancelled in April", "anna berg", date(2026, 1, 1))
    meetings.close_meeting(ws, jan)
    # February (Q1): the same problem, carried and rising: one problem in Q1, rising.
    feb = start_est_meeting(ws, clock, date(2026, 2, 11))
    _carried(ws, feb, Trend.RISING)
    # Typed in the day after: a follow-up counts on its meeting's date (28 days, not 29).
    clock.now = datetime(2026, 2, 12, 10, 0)
    followup.record_update(ws, done_in_feb, MeasureStatus.DONE, meeting_id=feb)
    meetings.close_meeting(ws, feb)
    # 2 April, outside any meeting: the first measure is done (not late at the end of Q1).
    clock.now = datetime(2026, 4, 2, 15, 0)
    followup.record_update(ws, _id(ws, "Due on the quarter's last day, done 2 April"),
                           MeasureStatus.DONE)
    # April (Q2): the problem is falling; a confidential one and one with a formula-like area.
    apr = start_est_meeting(ws, clock, date(2026, 4, 15))
    _carried(ws, apr, Trend.FALLING)
    hagen = lagesbild.save_observation(ws, Observation(
        meeting_id=apr, area="Hagen", category="Narkotika", description="Försäljning",
        trend=Trend.NEW, confidential=True))
    lagesbild.save_observation(ws, Observation(
        meeting_id=apr, area="=1+1", category="-Klotter", description="Formel",
        trend=Trend.UNCHANGED))
    lagesbild.save_observation(ws, Observation(
        meeting_id=apr, area=f"Gatan vid {PERSONNUMMER}", category="Klotter",
        description="Ett personnummer i området"))
    followup.record_update(ws, _id(ws, "Late all quarter, cancelled in April"),
                           MeasureStatus.CANCELLED, meeting_id=apr)
    _measure(ws, apr, "Decided after its due date", "Polisen", date(2026, 3, 1))
    _measure(ws, apr, "Due today", "Lars Ågren", TODAY, MeasureType.SOCIAL,
             observation_id=hagen.id)
    _measure(ws, apr, "Due yesterday", "@Polisen", date(2026, 5, 19))
    meetings.close_meeting(ws, apr)
    # 1 May: the done measure's status confirmed with a comment; it was still done on 2 April.
    clock.now = datetime(2026, 5, 1, 10, 0)
    followup.record_update(ws, _id(ws, "Due on the quarter's last day, done 2 April"),
                           MeasureStatus.DONE, "Bekräftat")
    clock.now = datetime.combine(TODAY, time(12, 0))
    return ws


def _id(ws: Workspace, text: str) -> int:
    return int(ws.store.conn.execute("SELECT id FROM measures WHERE text = ?",
                                     [text]).fetchone()[0])


def test_each_edge_counts_as_the_readme_says(edges: Workspace) -> None:
    found = figures(edges, StatsQuery(by="quarter", first=date(2026, 1, 1)))
    assert [p.key for p in found.periods] == ["2026-Q1", "2026-Q2"]
    assert found.last == TODAY
    # The carried problem is one problem a quarter, with the quarter's last trend.
    centrum = next(line for line in found.areas if line.name == "Centrum")
    assert centrum.periods == [Problems(1, rising=1), Problems(1, falling=1)]
    assert centrum.total == Problems(1, falling=1)
    assert found.problems.periods == [Problems(1, rising=1),
                                      Problems(4, new=2, unchanged=1, falling=1)]
    # Q1: three decided; one done (28 days); late on 31 March only the one due 1 January: the
    # one due on 31 March is not late on its due date, and the one decided in April with a
    # due date in March was not decided yet.
    assert found.measures.periods[0] == Measures(3, 1, 1, 0, 28.0)
    # Q2: three decided; done on 2 April, outside a meeting (78 days), not again on 1 May;
    # cancelled in April; late today: the one due yesterday and the one decided late, not the
    # one due today, nor the cancelled one.
    assert found.measures.periods[1] == Measures(3, 1, 2, 1, 78.0)
    assert found.measures.total == Measures(6, 2, 2, 1, 53.0)
    assert [(line.name, line.total) for line in found.types] == [
        ("situational", Measures(4, 1, 2, 1, 78.0)), ("social", Measures(2, 1, 0, 0, 28.0))]
    # Owners who differ only in case are one.
    owners = {line.name: line.total for line in found.owners}
    assert owners == {"Anna Berg": Measures(2, 1, 0, 1, 78.0),
                      "Polisen": Measures(2, 1, 1, 0, 28.0),
                      "Lars Ågren": Measures(1, 0, 0, 0, None),
                      "@Polisen": Measures(1, 0, 1, 0, None)}


def test_a_proposal_counts_once_its_body_decided_it(edges: Workspace, clock: Clock) -> None:
    """Waiting for KLG, or rejected, a proposal is no measure decided (issue 16 §3); decided,
    it is one, in the reference as here."""
    from meetingtui.model import ProposalState

    def decided_in_q2() -> int:
        return figures(edges, StatsQuery(by="quarter", first=date(2026, 1, 1))).measures.periods[
            1].decided

    before = decided_in_q2()
    may = start_est_meeting(edges, clock, date(2026, 5, 13))
    for text, state in (("Waiting", ProposalState.PROPOSED), ("Rejected", ProposalState.REJECTED),
                        ("Decided", ProposalState.DECIDED)):
        lagesbild.save_measure(edges, Measure(
            meeting_id=may, text=f"{text} proposal", owner="Polisen", due=date(2026, 9, 1),
            proposed_to="KLG", proposal=state))
    clock.now = datetime.combine(TODAY, time(12, 0))
    assert decided_in_q2() == before + 1
    found = figures(edges, StatsQuery(by="quarter", first=date(2026, 1, 1)))
    spans = ref.spans("quarter", found.first, found.last)
    decided = ref.measures(edges.locations.db, None)
    assert [tuple(p) for p in found.measures.periods] == [
        ref.measure_figures(decided, span, TODAY) for span in spans]


def test_the_due_date_itself_is_not_late(edges: Workspace) -> None:
    """On the due date: not late; the day after: late (for the period that ends that day)."""
    for last, late in ((date(2026, 3, 31), 1), (date(2026, 4, 1), 2)):
        found = figures(edges, StatsQuery(by="month", first=date(2026, 3, 1), last=last))
        assert found.measures.periods[-1].overdue == late, last
    on_the_day = figures(edges, StatsQuery(by="year", first=date(2026, 5, 19),
                                           last=date(2026, 5, 19)))
    # On 19 May: the one due 19 May is not late yet; the one due 1 March is.
    assert on_the_day.measures.total.overdue == 1


def test_a_period_that_begins_today_counts_what_is_late_today(edges: Workspace,
                                                               clock: Clock) -> None:
    """On the first day of a month its figures already say what is late that day (the period
    has begun); as the reference counts it."""
    first_of_may = date(2026, 5, 1)
    clock.now = datetime(2026, 5, 1, 12, 0)
    found = figures(edges, StatsQuery(by="month", first=date(2026, 4, 1), last=first_of_may))
    may = found.measures.periods[-1]
    assert may.overdue > 0
    span = ref.spans("month", found.first, found.last)[-1]
    assert span.first == first_of_may
    assert tuple(may) == ref.measure_figures(ref.measures(edges.locations.db, None), span,
                                             first_of_may)


def test_the_edges_match_the_reference(edges: Workspace) -> None:
    db = edges.locations.db
    for by in ("month", "quarter", "year"):
        for public in (False, True):
            found = figures(edges, StatsQuery(by=by, first=date(2026, 1, 1), public=public))
            spans = ref.spans(by, found.first, found.last)
            expected = ref.problems(db, None, spans, public)
            for key, counted in expected.items():
                kind, name, period = key
                lines = {"all": [found.problems], "area": found.areas,
                         "category": found.categories}[kind]
                line = next(x for x in lines if (ref.SECRET if x.name == SECRET
                                                 else x.name.casefold()) == name)
                at = [p.key for p in spans].index(period) if period != "total" else None
                assert tuple(line.total if at is None else line.periods[at]) == counted
            decided = ref.measures(db, None)
            for span, counted in zip(spans, found.measures.periods, strict=True):
                assert tuple(counted) == ref.measure_figures(decided, span, TODAY)


def test_a_future_period_has_nothing_late_yet(edges: Workspace) -> None:
    found = figures(edges, StatsQuery(by="quarter", first=date(2026, 4, 1),
                                      last=date(2026, 12, 31)))
    assert [p.overdue for p in found.measures.periods] == [2, 0, 0]
    assert found.measures.total.overdue == 2


def test_public_figures_hide_a_confidential_problem_and_mask_personnummer(
    edges: Workspace,
) -> None:
    public = figures(edges, StatsQuery(first=date(2026, 1, 1), public=True))
    names = {line.name for line in public.areas} | {line.name for line in public.categories}
    assert "Hagen" not in names and "Narkotika" not in names and SECRET in names
    assert f"Gatan vid {PERSONNUMMER}" not in names and "Gatan vid 811218-****" in names
    assert "Lars Ågren" not in {line.name for line in public.owners}
    assert public.problems == figures(edges, StatsQuery(first=date(2026, 1, 1))).problems


@pytest.fixture
def run(edges: Workspace, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setattr(cli_stats, "today", lambda: TODAY)
    db = edges.locations.db

    def invoke(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(db), *args])

    return invoke


def test_csv_never_holds_a_formula(run: Run) -> None:
    result = run("--lang", "sv", "stats", "--from", "2026-01-01", "--format", "csv")
    rows = list(csv.reader(io.StringIO(result.stdout_bytes.decode("utf-8-sig")), delimiter=";"))
    cells = [cell for row in rows for cell in row]
    assert "'=1+1" in cells and "'-Klotter" in cells and "'@Polisen" in cells
    assert not any(cell.startswith(("=", "+", "-", "@")) for cell in cells)


def test_the_command_reads_what_it_is_asked_for(run: Run) -> None:
    table = run("--lang", "sv", "stats", "--group", "est", "--by", "month", "--from", "1/3",
                "--to", "2026-04-30")
    assert table.exit_code == 0, table.output
    assert table.stdout.splitlines()[0] == (
        "Statistik · EST · per månad · 2026-03-01 – 2026-04-30")
    assert "Hagen" in table.stdout  # internal figures name it


@pytest.mark.parametrize(("args", "sv", "en"), [
    (["--from", "2026-05-01", "--to", "2026-04-01"],
     "--to 2026-04-01 ligger före --from 2026-05-01.",
     "--to 2026-04-01 is before --from 2026-05-01."),
    (["--from", "2026-06-01"],
     "--to 2026-05-20 ligger före --from 2026-06-01.",
     "--to 2026-05-20 is before --from 2026-06-01."),
])
def test_a_backwards_range_is_one_line(run: Run, args: list[str], sv: str, en: str) -> None:
    for lang, words in (("sv", sv), ("en", en)):
        assert one_line_error(run("--lang", lang, "stats", *args)) == f"meetingtui: {words}"


def test_bad_arguments_are_one_line(run: Run) -> None:
    assert "--from" in one_line_error(run("stats", "--from", "den trettonde"))
    assert "ingen grupp heter XYZ" in one_line_error(run("stats", "--group", "XYZ"))
    wrong = run("--lang", "en", "stats", "--by", "week")
    assert wrong.exit_code == 2 and "Traceback" not in wrong.output
    assert "'week' is not one of 'month', 'quarter', 'year'" in wrong.stderr
    wrong = run("--lang", "sv", "stats", "--by", "week")  # click's words in Swedish too
    assert "'week' är inte något av 'month', 'quarter', 'year'" in wrong.stderr


def test_no_database_is_created(tmp_path: Path) -> None:
    missing = tmp_path / "felstavad.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "--lang", "sv", "stats"])
    assert one_line_error(result).startswith(f"meetingtui: Ingen databas på {missing}")
    assert not missing.exists()


def test_the_command_offers_the_periods_the_service_counts() -> None:
    from meetingtui.services.periods import PERIODS

    assert cli_stats.PERIODS == PERIODS


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_words_read_quickly_are_the_catalogues(lang: str) -> None:
    """`meetingtui stats` reads its words without the TOML parser (`i18n.section`): the same
    words as the catalogue, every one of the section."""
    from meetingtui.i18n import catalogue, section

    for name in ("stats", "stats_screen"):
        whole = {key.removeprefix(f"{name}."): text for key, text in catalogue(lang).items()
                 if key.startswith(f"{name}.") and key.count(".") == 1}
        assert section(lang, name) == whole
    assert section(lang, "stats")["title"] in ("Statistik", "Figures")


@given(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 45),
                          st.lists(st.tuples(st.integers(0, 60), st.sampled_from(
                              ["not_started", "in_progress", "done", "cancelled"])),
                                   max_size=4)),
                min_size=1, max_size=8),
       st.sampled_from(["month", "quarter"]), st.integers(0, 70))
def test_any_history_counts_as_the_reference_does(
        drawn: list[tuple[int, int, int, list[tuple[int, str]]]], by: str, today: int) -> None:
    """Measures decided, due and followed up on any days (a follow-up typed in for an earlier
    meeting: ids out of the days' order), against the reference, period by period."""
    from meetingtui.services.periods import periods
    from meetingtui.services.stats import count_measures
    from meetingtui.store.stats import MeasureRow, UpdateRow

    start = date(2026, 1, 1)

    def day(offset: int) -> date:
        return start + timedelta(days=3 * offset)

    measures, updates, decided = [], [], []
    serial = iter(range(1, 10_000))
    for number, (made, due, _, history) in enumerate(drawn, start=1):
        made_on = day(made)
        steps = [(next(serial), made_on, "not_started")] + [
            (next(serial), day(made + offset), status) for offset, status in history]
        if number % 3 == 0:  # recorded out of the days' order (a later id for an earlier day)
            ids = [i for i, _, _ in steps][::-1]
            steps = [(i, when, status) for i, (_, when, status) in zip(ids, steps, strict=True)]
        measures.append(MeasureRow(number, made_on.isoformat(), "x", "social",
                                   day(due).isoformat(), False))
        updates += [UpdateRow(number, i, when.isoformat(), status) for i, when, status in steps]
        decided.append(ref.Decided(number, made_on, "x", "social", day(due), False,
                                   sorted(steps, key=lambda s: s[0])))
    last = day(today)
    spans = periods(by, start, date(2026, 12, 31))
    everything, _, _ = count_measures(measures, updates, spans, last, False)
    for span, counted in zip(ref.spans(by, start, date(2026, 12, 31)), everything.periods,
                             strict=True):
        assert tuple(counted) == ref.measure_figures(decided, span, last), span
    whole = ref.Span("total", start, date(2026, 12, 31))
    assert tuple(everything.total) == ref.measure_figures(decided, whole, last)
