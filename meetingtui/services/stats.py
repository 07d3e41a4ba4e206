"""Figures over time: problems per area and category with their trend, and what became of the
measures, per month, quarter or year (issue 15 §4). Nothing here writes.

How things are counted (the README's "Figures" says the same):

- A problem is counted once per period, however many meetings of the period carried it: its
  appearances share `problem_id`. Its area, category and trend in a period are those of its last
  appearance in the period (the group's latest word on it); in the totals, its last in the range.
- A measure is *decided* in the period of the meeting that decided it. It is *done* (or
  *cancelled*) in the period of the day it became so, if it is so now: the first update of its
  final run of that status. A status recorded in a meeting (a follow-up) counts on the meeting's
  date, one recorded outside meetings on the day it was recorded.
- A measure is *overdue* in a period when, on the period's last day (today, for the period that
  holds today), it was decided, its due date has passed (the due date itself is not late) and
  its status on that day (its newest update recorded by then) was neither done nor cancelled.
- The median time to done is in days from the deciding meeting to the day it was done.
- Internally every problem and measure counts under its own area, category and owner. With
  `public`, a confidential problem still counts in the totals but under "Sekretess" instead of
  its area and category, and a confidential measure under "Sekretess" instead of its owner, as
  the public minutes say that something was left out without saying what.

`figures(ws, query)` serves the TUI; `read_stats(db_path, query, today)` serves `meetingtui
stats`, reading the file directly as `meetingtui actions` does.
"""

from __future__ import annotations

import sqlite3
import statistics
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from meetingtui.store import actions as action_rows
from meetingtui.store import stats as rows
from meetingtui.store.stats import MeasureRow, ObservationRow, UpdateRow

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

PERIODS = ("month", "quarter", "year")
TRENDS = ("new", "rising", "unchanged", "falling")
TYPES = ("situational", "social")
FINISHED = ("done", "cancelled")
#: What a figure shows in place of a confidential problem's area or category, or a
#: confidential measure's owner, when it is public (`StatsQuery.public`).
SECRET = "\x00secret"
#: How many periods the figures cover when no start is given.
DEFAULT_COUNT = {"month": 12, "quarter": 4, "year": 5}


class StatsQuery(NamedTuple):
    by: str = "quarter"  # month | quarter | year
    first: date | None = None  # None: DEFAULT_COUNT periods back from `last`
    last: date | None = None  # None: today
    group: str | None = None  # id, short name or name (as `actions --group`); None: all
    public: bool = False


class Period(NamedTuple):
    key: str  # "2026-03", "2026-Q1", "2026"
    first: date
    last: date  # clipped to the range asked for


class Problems(NamedTuple):
    """How many problems, and how many of them with each trend."""

    problems: int = 0
    new: int = 0
    rising: int = 0
    unchanged: int = 0
    falling: int = 0


class Measures(NamedTuple):
    decided: int = 0
    done: int = 0
    overdue: int = 0
    cancelled: int = 0
    median_days: float | None = None  # decided → done, of those done in the period


class ProblemLine(NamedTuple):
    """One area or category (or all of them: name ""), period by period and in total over the
    range."""

    name: str
    periods: list[Problems]
    total: Problems


class MeasureLine(NamedTuple):
    """One type or owner (or all of them: name ""), period by period and in total."""

    name: str
    periods: list[Measures]
    total: Measures


class Stats(NamedTuple):
    query: StatsQuery
    today: date
    group: str | None  # the group's short name; None: all groups
    periods: list[Period]
    problems: ProblemLine  # every problem
    areas: list[ProblemLine]
    categories: list[ProblemLine]
    measures: MeasureLine  # every measure
    types: list[MeasureLine]
    owners: list[MeasureLine]

    @property
    def first(self) -> date:
        return self.periods[0].first

    @property
    def last(self) -> date:
        return self.periods[-1].last


class UnknownPeriod(ValueError):
    """`by` is not month, quarter or year, or the range ends before it starts."""


# --- periods -----------------------------------------------------------------------------------

def period_key(by: str, day: date) -> str:
    if by == "month":
        return f"{day.year}-{day.month:02d}"
    if by == "quarter":
        return f"{day.year}-Q{(day.month - 1) // 3 + 1}"
    return str(day.year)


def period_start(by: str, day: date) -> date:
    if by == "month":
        return day.replace(day=1)
    if by == "quarter":
        return date(day.year, (day.month - 1) // 3 * 3 + 1, 1)
    return date(day.year, 1, 1)


def next_start(by: str, day: date) -> date:
    """The first day of the period after the one that holds `day`."""
    start = period_start(by, day)
    months = {"month": 1, "quarter": 3, "year": 12}[by]
    month = start.month - 1 + months
    return date(start.year + month // 12, month % 12 + 1, 1)


def periods(by: str, first: date, last: date) -> list[Period]:
    """The periods from `first` to `last`, the first and last clipped to them."""
    if by not in PERIODS:
        raise UnknownPeriod(f"by must be one of {', '.join(PERIODS)}")
    if last < first:
        raise UnknownPeriod(f"the range ends ({last}) before it starts ({first})")
    found = []
    start = first
    while start <= last:
        following = next_start(by, start)
        found.append(Period(period_key(by, start), start,
                            min(last, following - timedelta(days=1))))
        start = following
    return found


def default_range(by: str, first: date | None, last: date | None,
                  today: date) -> tuple[date, date]:
    """The range asked for; without a start, the `DEFAULT_COUNT` periods up to its end."""
    if by not in PERIODS:
        raise UnknownPeriod(f"by must be one of {', '.join(PERIODS)}")
    end = last or today
    if first is not None:
        return first, end
    start = period_start(by, end)
    for _ in range(DEFAULT_COUNT[by] - 1):
        start = period_start(by, start - timedelta(days=1))
    return start, end


# --- reading -----------------------------------------------------------------------------------

def figures(ws: Workspace, query: StatsQuery) -> Stats:
    """The figures from the workspace's database (the TUI)."""
    return _read(ws.store.conn, query, ws.today())


def read_stats(db_path: Path, query: StatsQuery, today: date) -> Stats:
    """The figures from a database file, read-only when it is of the current schema;
    otherwise through `Store.open` (which creates, migrates or refuses it in plain words)."""
    with _reading(db_path) as conn:
        return _read(conn, query, today)


@contextmanager
def _reading(db_path: Path) -> Iterator[sqlite3.Connection]:
    direct = action_rows.open_for_reading(db_path)
    if direct is not None:
        try:
            yield direct
        finally:
            direct.close()
        return
    from meetingtui.store.db import Store

    store = Store.open(db_path)
    try:
        yield store.conn
    finally:
        store.close()


def _read(conn: sqlite3.Connection, query: StatsQuery, today: date) -> Stats:
    from meetingtui.services.actions import find_group_id

    first, last = default_range(query.by, query.first, query.last, today)
    spans = periods(query.by, first, last)
    try:
        group_id = None if query.group is None else find_group_id(conn, query.group)
        short = None if group_id is None else next(
            row[2] for row in action_rows.groups(conn) if row[0] == group_id)
        observed = rows.observations(conn, group_id, first.isoformat(), last.isoformat())
        measures, updates = rows.measures(conn, group_id, last.isoformat())
    except sqlite3.Error as error:
        from meetingtui.store.db import explain

        raise explain(error, None) from error
    problems = count_problems(observed, spans, query.public)
    counted = count_measures(measures, updates, spans, today, query.public)
    return Stats(query, today, short, spans, *problems, *counted)


# --- problems ----------------------------------------------------------------------------------

def _index(spans: list[Period]) -> Callable[[str], int | None]:
    """The position of the period that holds an ISO day, None outside them all."""
    starts = [p.first.isoformat() for p in spans]
    end = spans[-1].last.isoformat()

    def find(day: str) -> int | None:
        if day < starts[0] or day > end:
            return None
        return bisect_right(starts, day) - 1

    return find


def _latest(observed: Iterable[ObservationRow]) -> list[ObservationRow]:
    """Each problem's last appearance (by meeting date, then as recorded), with the problem
    confidential when any appearance is."""
    last: dict[int, ObservationRow] = {}
    secret: set[int] = set()
    for row in observed:
        if row.confidential:
            secret.add(row.problem_id)
        held = last.get(row.problem_id)
        if held is None or (row.meeting_date, row.id) > (held.meeting_date, held.id):
            last[row.problem_id] = row
    return [row._replace(confidential=row.problem_id in secret) for row in last.values()]


def _tally(latest: Iterable[ObservationRow], name: Callable[[ObservationRow], str] | None,
           spelling: Callable[[str], str]) -> dict[str, Problems]:
    counts: dict[str, Counter[str]] = {}
    for row in latest:
        key = "" if name is None else name(row)
        counts.setdefault(spelling(key), Counter())[row.trend] += 1
    return {key: Problems(sum(c[t] for t in TRENDS), *(c[t] for t in TRENDS))
            for key, c in counts.items()}


def _spellings(names: Iterable[str]) -> Callable[[str], str]:
    """Names that differ only in case are one ("centrum", "Centrum"), shown as most often
    written (the first in order on a tie)."""
    seen = Counter(names)
    best: dict[str, str] = {}
    for spelled, _ in sorted(seen.items(), key=lambda item: (-item[1], item[0])):
        best.setdefault(spelled.casefold(), spelled)
    return lambda text: best.get(text.casefold(), text)


def count_problems(observed: list[ObservationRow], spans: list[Period],
                   public: bool) -> tuple[ProblemLine, list[ProblemLine], list[ProblemLine]]:
    """Every problem, per area and per category: (all, areas, categories)."""
    if public:
        observed = _public_problems(observed)
    where = _index(spans)
    per_period: list[list[ObservationRow]] = [[] for _ in spans]
    for row in observed:
        at = where(row.meeting_date)
        if at is not None:
            per_period[at].append(row)
    latest = [_latest(found) for found in per_period]
    whole = _latest(r for found in per_period for r in found)

    def lines(name: Callable[[ObservationRow], str] | None) -> list[ProblemLine]:
        spelling = _spellings(name(r) for r in observed) if name else (lambda s: s)
        each = [_tally(found, name, spelling) for found in latest]
        total = _tally(whole, name, spelling)
        return sorted((ProblemLine(key, [p.get(key, Problems()) for p in each], total[key])
                       for key in total), key=lambda line: _order(line.name, line.total.problems))

    everything = lines(None)
    return (everything[0] if everything else ProblemLine("", [Problems() for _ in spans],
                                                           Problems()),
            lines(lambda r: r.area), lines(lambda r: r.category))


def _public_problems(observed: list[ObservationRow]) -> list[ObservationRow]:
    """A confidential problem's area and category hidden; a personnummer in any other's masked
    (as every public output does)."""
    from meetingtui.personal_numbers import mask_personal_numbers as mask

    secret = {row.problem_id for row in observed if row.confidential}
    return [row._replace(area=SECRET, category=SECRET, confidential=True)
            if row.problem_id in secret
            else row._replace(area=mask(row.area), category=mask(row.category))
            for row in observed]


def _order(name: str, count: int) -> tuple[int, bool, str]:
    """Most first; "Sekretess" last among equals, then by name (case ignored)."""
    from meetingtui.services.actions import swedish_order

    return -count, name == SECRET, swedish_order(name)[0]


# --- measures ----------------------------------------------------------------------------------

class _History(NamedTuple):
    measure: MeasureRow
    updates: list[UpdateRow]  # in the order recorded

    def status_on(self, day: str) -> str:
        """The status of its newest update recorded by `day` (not started before any)."""
        status = "not_started"
        for update in self.updates:
            if update.day <= day:
                status = update.status
        return status

    def finished(self) -> tuple[str, str] | None:
        """(done or cancelled, the day it became so) for a measure that is so now."""
        if not self.updates or self.updates[-1].status not in FINISHED:
            return None
        status = self.updates[-1].status
        day = self.updates[-1].day
        for update in reversed(self.updates):
            if update.status != status:
                break
            day = update.day
        return status, day


def count_measures(
    measures: list[MeasureRow], updates: list[UpdateRow], spans: list[Period], today: date,
    public: bool,
) -> tuple[MeasureLine, list[MeasureLine], list[MeasureLine]]:
    """Every measure, per type and per owner: (all, types, owners)."""
    history: dict[int, list[UpdateRow]] = {m.id: [] for m in measures}
    for update in sorted(updates, key=lambda u: u.id):
        if update.measure_id in history:
            history[update.measure_id].append(update)
    histories = [_History(m, history[m.id]) for m in measures]
    if public:
        from meetingtui.personal_numbers import mask_personal_numbers as mask

        histories = [h._replace(measure=h.measure._replace(
            owner=SECRET if h.measure.confidential else mask(h.measure.owner)))
            for h in histories]
    # Overdue on each period's last day, today for the one that holds it, never after today.
    ends = [_day_before_or(p.first, p.last, today) for p in spans]
    ends.append(_day_before_or(spans[0].first, spans[-1].last, today))  # the whole range
    everything = _measure_line("", histories, spans, ends)
    types = [_measure_line(kind, [h for h in histories if h.measure.type == kind], spans, ends)
             for kind in TYPES]
    owners_of: dict[str, list[_History]] = {}
    spelling = _spellings(h.measure.owner for h in histories)
    for h in histories:
        owners_of.setdefault(spelling(h.measure.owner), []).append(h)
    owners = [_measure_line(owner, found, spans, ends) for owner, found in owners_of.items()]
    owners = [line for line in owners if line.total != Measures()]
    owners.sort(key=lambda line: _order(line.name, line.total.decided + line.total.done
                                        + line.total.overdue + line.total.cancelled))
    return everything, types, owners


def _day_before_or(first: date, last: date, today: date) -> str | None:
    """`last`, or today if that is earlier; None for a span that starts after today."""
    return min(last, today).isoformat() if first <= today else None


def _measure_line(name: str, histories: list[_History], spans: list[Period],
                  ends: list[str | None]) -> MeasureLine:
    where = _index(spans)
    decided = [0] * len(spans)
    finished = {status: [0] * len(spans) for status in FINISHED}
    days: list[list[int]] = [[] for _ in spans]
    for h in histories:
        at = where(h.measure.decided)
        if at is not None:
            decided[at] += 1
        end = h.finished()
        if end is None:
            continue
        at = where(end[1])
        if at is None:
            continue
        finished[end[0]][at] += 1
        if end[0] == "done":
            days[at].append((date.fromisoformat(end[1])
                             - date.fromisoformat(h.measure.decided)).days)
    overdue = [_overdue(histories, end) for end in ends]  # each period's, then the range's
    each = [Measures(decided[i], finished["done"][i], overdue[i], finished["cancelled"][i],
                     _median(days[i])) for i in range(len(spans))]
    total = Measures(sum(decided), sum(finished["done"]), overdue[-1],
                     sum(finished["cancelled"]), _median([d for found in days for d in found]))
    return MeasureLine(name, each, total)


def _overdue(histories: list[_History], day: str | None) -> int:
    if day is None:  # a period after today: nothing is late yet
        return 0
    return sum(1 for h in histories
               if h.measure.decided <= day and h.measure.due is not None
               and h.measure.due < day and h.status_on(day) not in FINISHED)


def _median(values: list[int]) -> float | None:
    return float(statistics.median(values)) if values else None
