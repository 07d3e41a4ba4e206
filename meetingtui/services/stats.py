"""Figures over time: problems per area and category with their trend, and what became of the
measures, per month, quarter or year (issue 15 §4). Nothing here writes.

How things are counted (docs/ordforande.md, "Siffror", says the same):

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
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable, Iterable
from datetime import date
from itertools import accumulate
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from meetingtui.services.measure_fate import FINISHED, Fate, measure_fate, overdue_day
from meetingtui.services.periods import Period, default_range, periods
from meetingtui.services.swedish import swedish_order
from meetingtui.store import actions as action_rows
from meetingtui.store import stats as rows
from meetingtui.store.reading import reading
from meetingtui.store.stats import MeasureRow, ObservationRow, UpdateRow

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

TRENDS = ("new", "rising", "unchanged", "falling")
TYPES = ("situational", "social")
#: What a figure shows in place of a confidential problem's area or category, or a
#: confidential measure's owner, when it is public (`StatsQuery.public`).
SECRET = "\x00secret"


class StatsQuery(NamedTuple):
    by: str = "quarter"  # month | quarter | year
    first: date | None = None  # None: DEFAULT_COUNT periods back from `last`
    last: date | None = None  # None: today
    group: str | None = None  # id, short name or name (as `actions --group`); None: all
    public: bool = False


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

    @property
    def latest(self) -> Problems:
        """The latest period that had any problems: the trends the group last gave them."""
        return next((p for p in reversed(self.periods) if p.problems), self.total)


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


# --- reading -----------------------------------------------------------------------------------

def figures(ws: Workspace, query: StatsQuery) -> Stats:
    """The figures from the workspace's database (the TUI)."""
    return _read(ws.store.conn, query, ws.today())


def read_stats(db_path: Path, query: StatsQuery, today: date,
               check: Callable[[], None] | None = None) -> Stats:
    """The figures from a database file, read-only when it is of the current schema;
    otherwise `check()` (which may refuse it: `meetingtui stats` creates no database), then
    through `Store.open` (which migrates or refuses it in plain words)."""
    with reading(db_path, check) as conn:
        return _read(conn, query, today)


def area_figures(ws: Workspace, group_id: int, first: date,
                 last: date) -> tuple[list[Period], list[ProblemLine]]:
    """One group's problems per area, quarter by quarter (internal): the priorities item."""
    spans = periods("quarter", first, last)
    observed = rows.observations(ws.store.conn, group_id, first.isoformat(), last.isoformat())
    return spans, count_problems(observed, spans, public=False)[1]


def _read(conn: sqlite3.Connection, query: StatsQuery, today: date) -> Stats:
    first, last = default_range(query.by, query.first, query.last, today)
    spans = periods(query.by, first, last)
    group_id, short = None, None
    try:
        if query.group is not None:
            from meetingtui.services.actions import find_group_id

            group_id = find_group_id(conn, query.group)
            short = next(row[2] for row in action_rows.groups(conn) if row[0] == group_id)
        observed = rows.observations(conn, group_id, first.isoformat(), last.isoformat())
        measures, updates = rows.measures(conn, group_id, first.isoformat(), last.isoformat())
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
    known: dict[str, int | None] = {}  # a few hundred meeting days for thousands of rows

    def find(day: str) -> int | None:
        if day not in known:
            known[day] = (None if day < starts[0] or day > end
                          else bisect_right(starts, day) - 1)
        return known[day]

    return find


def _later(row: ObservationRow, held: ObservationRow | None) -> bool:
    """Whether `row` is a later appearance than `held` (by meeting date, then as recorded)."""
    return held is None or (row.meeting_date, row.id) > (held.meeting_date, held.id)


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
    """Every problem, per area and per category: (all, areas, categories). Each problem is
    counted once a period, as its last appearance in the period says, and once in the total,
    as its last appearance in the range says."""
    if public:
        observed = _public_problems(observed)
    where = _index(spans)
    count = len(spans)
    last: dict[tuple[int, int], ObservationRow] = {}  # (period, problem) → its last appearance
    for row in observed:
        at = where(row.meeting_date)
        if at is None:
            continue
        for key in ((at, row.problem_id), (count, row.problem_id)):  # count: the whole range
            if _later(row, last.get(key)):
                last[key] = row
    column = {trend: number for number, trend in enumerate(TRENDS, start=1)}

    def lines(name: Callable[[ObservationRow], str] | None) -> list[ProblemLine]:
        spelling = _spellings(name(r) for r in observed) if name else str
        tallies: dict[str, list[list[int]]] = {}
        for (at, _), row in last.items():
            key = spelling(name(row)) if name else ""
            if key not in tallies:
                tallies[key] = [[0] * 5 for _ in range(count + 1)]
            tally = tallies[key][at]
            tally[0] += 1
            if row.trend in column:
                tally[column[row.trend]] += 1
        found = [ProblemLine(key, [Problems(*t) for t in each[:count]], Problems(*each[count]))
                 for key, each in tallies.items()]
        return sorted(found, key=lambda line: _order(line.name, line.total.problems))

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
    return -count, name == SECRET, swedish_order(name)[0]


# --- measures ----------------------------------------------------------------------------------

def count_measures(
    measures: list[MeasureRow], updates: list[UpdateRow], spans: list[Period], today: date,
    public: bool,
) -> tuple[MeasureLine, list[MeasureLine], list[MeasureLine]]:
    """Every measure, per type and per owner: (all, types, owners)."""
    history: dict[int, list[UpdateRow]] = {m.id: [] for m in measures}
    for update in sorted(updates, key=lambda u: u.id):
        if update.measure_id in history:
            history[update.measure_id].append(update)
    if public:
        from meetingtui.personal_numbers import mask_personal_numbers as mask

        measures = [m._replace(owner=SECRET if m.confidential else mask(m.owner))
                    for m in measures]
    # Overdue on each period's last day, today for the one that holds it, never after today.
    ends = [end for end in (overdue_day(p.first, p.last, today) for p in spans) if end]
    end = overdue_day(spans[0].first, spans[-1].last, today)  # the whole range's
    where = _index(spans)
    fates = [measure_fate(m, history[m.id], where, ends, end) for m in measures]
    everything = _measure_line("", fates, len(spans))
    types = [_measure_line(kind, [f for f in fates if f.type == kind], len(spans))
             for kind in TYPES]
    owners_of: dict[str, list[Fate]] = {}
    spelling = _spellings(f.owner for f in fates)
    for fate in fates:
        owners_of.setdefault(spelling(fate.owner), []).append(fate)
    owners = [_measure_line(owner, found, len(spans)) for owner, found in owners_of.items()]
    owners = [line for line in owners if line.total != Measures()]
    owners.sort(key=lambda line: _order(line.name, line.total.decided + line.total.done
                                        + line.total.overdue + line.total.cancelled))
    return everything, types, owners


def _measure_line(name: str, fates: list[Fate], count: int) -> MeasureLine:
    decided = [0] * count
    finished = {status: [0] * count for status in FINISHED}
    days: list[list[int]] = [[] for _ in range(count)]
    for fate in fates:
        if fate.decided is not None:
            decided[fate.decided] += 1
        if fate.finished is not None and fate.finished_in is not None:
            finished[fate.finished][fate.finished_in] += 1
            if fate.days is not None:
                days[fate.finished_in].append(fate.days)
    changes = [0] * (count + 1)  # +1 where a run of late periods starts, -1 after it ends
    late_at_end = 0
    for fate in fates:
        for start, stop in fate.late:
            changes[start] += 1
            changes[stop] -= 1
        late_at_end += fate.late_at_end
    late = list(accumulate(changes))
    each = [Measures(decided[i], finished["done"][i], late[i], finished["cancelled"][i],
                     _median(days[i])) for i in range(count)]
    total = Measures(sum(decided), sum(finished["done"]), late_at_end,
                     sum(finished["cancelled"]), _median([d for found in days for d in found]))
    return MeasureLine(name, each, total)


def _median(values: list[int]) -> float | None:
    """The middle value, or the mean of the two in the middle (without `statistics`, which
    costs `meetingtui stats` 3 ms to import)."""
    if not values:
        return None
    ordered = sorted(values)
    middle = len(ordered) // 2
    if len(ordered) % 2:
        return float(ordered[middle])
    return (ordered[middle - 1] + ordered[middle]) / 2
