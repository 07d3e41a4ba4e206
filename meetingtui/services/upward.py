"""The documents a municipality sends upward (issue 16 §5): the yearly lägesbild and åtgärdsplan
for the kommunstyrelse and fullmäktige (law 2023:196), and a quarter's lägesbild summary for
KLG or KSLU. Nothing here writes; `export.upward.yearly` and `export.upward.quarterly` lay them out.

What is counted (docs/komma-igang.md, section 12, says the same):

- The figures per area and category are `services.stats`'s, by year (or quarter) against the
  one before: a problem counts once a period, under its last appearance's area and category.
- A main problem is one seen at the most meetings of the year, then of the highest level, an
  open one before a closed one; it is open at the year's end when its last appearance of the
  year was open or watched. Its causes and sources are those of all its appearances that year.
- A measure's status at a day is its newest update dated that day or before (as the figures
  count it); it is overdue on that day when its due date has passed and it is not done or
  cancelled. The åtgärdsplan holds the measures decided that year (a proposal only once its
  body decided it); the follow-up holds those decided the year before, as they stood at the
  end of this one.
- With `public`, a confidential problem is left out with every measure of it, and every
  confidential measure; the figures count them under "Sekretess" (as `stats --public`).
"""

from __future__ import annotations

import re
import sqlite3
from collections import defaultdict
from datetime import date, timedelta
from typing import TYPE_CHECKING, NamedTuple

from meetingtui.services.periods import next_start, period_key, period_start
from meetingtui.services.stats import MeasureLine, ProblemLine, StatsQuery, figures
from meetingtui.services.swedish import swedish_order
from meetingtui.store import actions as action_rows
from meetingtui.store import upward as rows
from meetingtui.store.upward import (
    AgreementRow,
    AppearanceRow,
    CommitmentRow,
    MeasureRow,
    StatusRow,
)

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

#: How many main problems the yearly lägesbild describes.
MAIN_PROBLEMS = 10
FINISHED = ("done", "cancelled")
OPEN_PROBLEM = ("open", "watched")
_QUARTER = re.compile(r"(\d{4})-Q([1-4])")


class BadPeriod(ValueError):
    """A year or quarter that cannot be read ("2026-Q5")."""


class Problem(NamedTuple):
    problem_id: int
    group: str
    area: str
    place_detail: str
    category: str
    description: str  # as its last appearance in the period says
    trend: str
    meetings: int  # how many meetings of the period it stood at
    level: int  # the highest of the period
    open_at_end: bool
    confidential: bool
    causes: list[tuple[str, str]]  # (text, basis), each once
    sources: list[str]


class Measure(NamedTuple):
    row: MeasureRow
    status: str  # at the day asked for: not_started | in_progress | done | cancelled
    overdue: bool  # on that day

    @property
    def outcome(self) -> str:
        """done | ongoing | overdue | cancelled (the follow-up's words)."""
        if self.status in FINISHED:
            return self.status
        return "overdue" if self.overdue else "ongoing"


class Agreement(NamedTuple):
    row: AgreementRow
    commitments: list[CommitmentRow]
    measures: list[Measure]


class Priority(NamedTuple):
    quarter: str
    group: str
    titles: list[str]


class Figures(NamedTuple):
    """Two periods side by side: the one before (index 0) and the one reported (index 1)."""

    keys: tuple[str, str]
    areas: list[ProblemLine]
    categories: list[ProblemLine]
    problems: ProblemLine
    measures: MeasureLine
    types: list[MeasureLine]


class YearReport(NamedTuple):
    year: int
    public: bool
    made: date
    as_of: date  # the year's last day, or today while the year lasts: statuses are of then
    figures: Figures
    problems: list[Problem]  # the main ones
    problem_count: int  # how many problems the year had in all (shown)
    priorities: list[Priority]
    plan: list[Measure]  # decided this year, status at the year's end
    followup: list[Measure]  # decided the year before, status at this year's end
    proposals: list[Measure]  # made this year, to a body above
    agreements: list[Agreement]


class QuarterReport(NamedTuple):
    quarter: str  # "2026-Q4"
    next_quarter: str
    group: str | None  # short name; None: every group
    public: bool
    made: date
    first: date
    last: date
    as_of: date  # the quarter's last day, or today while it lasts
    figures: Figures
    problems: list[Problem]
    priorities: list[Priority]  # chosen for the next quarter
    overdue: list[Measure]  # at the quarter's end


# --- periods -----------------------------------------------------------------------------------

def check_year(year: int) -> int:
    if not 1900 <= year <= 9999:
        raise BadPeriod(f"year {year} is not a year (1900–9999)")
    return year


def parse_quarter(text: str) -> tuple[date, date]:
    """"2026-Q4" → its first and last day."""
    match = _QUARTER.fullmatch(text.strip().upper())
    if match is None or not 1900 <= int(match[1]) <= 9999:
        raise BadPeriod(f"{text!r} is not a quarter: write it as 2026-Q4 (Q1–Q4)")
    first = date(int(match[1]), 3 * int(match[2]) - 2, 1)
    return first, next_start("quarter", first) - timedelta(days=1)


# --- reading -----------------------------------------------------------------------------------

def year_report(ws: Workspace, year: int, *, public: bool = False) -> YearReport:
    """The yearly lägesbild and åtgärdsplan; raises `BadPeriod` for a year out of range."""
    check_year(year)
    conn = ws.store.conn
    first, last = date(year, 1, 1), date(year, 12, 31)
    as_of = min(last, ws.today())
    end = as_of.isoformat()
    seen = rows.appearances(conn, first.isoformat(), last.isoformat())
    problems = _problems(conn, seen, public)
    problems.sort(key=lambda p: (-p.meetings, -p.level, not p.open_at_end,
                                 swedish_order(p.area), p.problem_id))
    made = rows.measures(conn, first.isoformat(), last.isoformat())
    before = rows.measures(conn, date(year - 1, 1, 1).isoformat(),
                           date(year - 1, 12, 31).isoformat())
    shown = [m for m in made + before if not (public and m.confidential)]
    agreement_rows = rows.agreements(conn, first.isoformat(), last.isoformat())
    ids = [a.id for a in agreement_rows]
    linked = rows.agreement_measures(conn, ids) if ids else []
    linked = [(a, m) for a, m in linked if not (public and m.confidential)]
    history = _history(conn, [m.id for m in shown] + [m.id for _, m in linked])
    at_end = {m.id: _at(m, history, end) for m in shown}
    for _, m in linked:
        at_end.setdefault(m.id, _at(m, history, end))
    plan = [at_end[m.id] for m in made if m.id in at_end and m.proposal in ("", "decided")]
    commitments = defaultdict(list)
    for commitment in rows.commitments(conn, ids) if ids else []:
        commitments[commitment.agreement_id].append(commitment)
    measures_of = defaultdict(list)
    for agreement_id, m in linked:
        measures_of[agreement_id].append(at_end[m.id])
    quarters = [f"{year}-Q{n}" for n in range(1, 5)]
    return YearReport(
        year=year, public=public, made=ws.today(), as_of=as_of,
        figures=_figures(ws, "year", date(year - 1, 1, 1), last, None, public),
        problems=problems[:MAIN_PROBLEMS], problem_count=len(problems),
        priorities=_priorities(rows.priorities(conn, quarters)),
        # By area, the measures tied to no observation last.
        plan=sorted(plan, key=lambda m: (not m.row.area, swedish_order(m.row.area), m.row.type,
                                         m.row.id)),
        followup=[at_end[m.id] for m in before if m.id in at_end
                  and m.proposal in ("", "decided")],
        proposals=[at_end[m.id] for m in made if m.id in at_end and m.proposal],
        agreements=[Agreement(a, commitments[a.id], measures_of[a.id]) for a in agreement_rows],
    )


def quarter_report(ws: Workspace, quarter: str, *, group: str | None = None,
                   public: bool = False) -> QuarterReport:
    """Raises `BadPeriod`, or `services.group_names.UnknownGroup` for a group there is none of."""
    first, last = parse_quarter(quarter)
    conn = ws.store.conn
    group_id, short = None, None
    if group is not None:
        from meetingtui.services.actions import find_group_id

        group_id = find_group_id(conn, group)
        short = next(row[2] for row in action_rows.groups(conn) if row[0] == group_id)
    seen = rows.appearances(conn, first.isoformat(), last.isoformat(), group_id)
    problems = _problems(conn, seen, public)
    problems.sort(key=lambda p: (-p.level, not p.open_at_end, swedish_order(p.area),
                                 p.problem_id))
    as_of = min(last, ws.today())
    end = as_of.isoformat()
    late = [m for m in rows.open_on(conn, end, group_id)
            if not (public and m.confidential)]
    history = _history(conn, [m.id for m in late])
    overdue = [found for found in (_at(m, history, end) for m in late) if found.overdue]
    following = period_key("quarter", next_start("quarter", first))
    return QuarterReport(
        quarter=period_key("quarter", first), next_quarter=following, group=short,
        public=public, made=ws.today(), first=first, last=last, as_of=as_of,
        figures=_figures(ws, "quarter", period_start("quarter", first - timedelta(days=1)),
                         last, group, public),
        problems=problems,
        priorities=_priorities(rows.priorities(conn, [following], group_id)),
        overdue=overdue,
    )


def _figures(ws: Workspace, by: str, first: date, last: date, group: str | None,
             public: bool) -> Figures:
    stats = figures(ws, StatsQuery(by=by, first=first, last=last, group=group, public=public))
    keys = (stats.periods[0].key, stats.periods[-1].key)
    return Figures(keys, stats.areas, stats.categories, stats.problems, stats.measures,
                   stats.types)


def _problems(conn: sqlite3.Connection, seen: list[AppearanceRow],
              public: bool) -> list[Problem]:
    """One `Problem` per problem_id, as its last appearance in the rows says."""
    by_problem: dict[int, list[AppearanceRow]] = defaultdict(list)
    for appearance in seen:
        by_problem[appearance.problem_id].append(appearance)
    secret = {p for p, found in by_problem.items() if any(a.confidential for a in found)}
    if public:
        by_problem = {p: found for p, found in by_problem.items() if p not in secret}
    said = defaultdict(list)
    for cause in rows.causes(conn, [a.id for found in by_problem.values() for a in found]):
        said[cause.observation_id].append(cause)
    problems = []
    for problem_id, found in by_problem.items():
        found.sort(key=lambda a: (a.meeting_date, a.id))
        last = found[-1]
        causes: dict[str, tuple[str, str]] = {}
        for appearance in found:
            for cause in said[appearance.id]:
                key = " ".join(cause.text.casefold().split())
                if key and (key not in causes or cause.basis):  # the basis, where one says it
                    causes[key] = (cause.text, cause.basis or causes.get(key, ("", ""))[1])
        sources = {" ".join(a.source.casefold().split()): a.source for a in found
                   if a.source.strip()}
        problems.append(Problem(
            problem_id, last.group, last.area, last.place_detail, last.category,
            last.description, last.trend, len({a.meeting_date for a in found}),
            max(a.level for a in found), last.status in OPEN_PROBLEM, problem_id in secret,
            list(causes.values()), list(sources.values())))
    return problems


def _history(conn: sqlite3.Connection, measure_ids: list[int]) -> dict[int, list[StatusRow]]:
    history: dict[int, list[StatusRow]] = defaultdict(list)
    for update in rows.statuses(conn, sorted(set(measure_ids))):
        history[update.measure_id].append(update)
    return history


def _at(measure: MeasureRow, history: dict[int, list[StatusRow]], day: str) -> Measure:
    """The measure as it stood on `day` (ISO): its newest update (as recorded) dated then or
    before; not started before any."""
    status = "not_started"
    for update in history.get(measure.id, []):
        if update.day <= day:
            status = update.status
    overdue = (status not in FINISHED and measure.due is not None and measure.due < day)
    return Measure(measure, status, overdue)


def _priorities(found: list[rows.PriorityRow]) -> list[Priority]:
    """Per quarter and group, the priorities of the last meeting that chose them."""
    latest: dict[tuple[str, str], str] = {}
    for row in found:
        key = (row.quarter, row.group)
        latest[key] = max(latest.get(key, ""), row.meeting_date)
    chosen: dict[tuple[str, str], list[str]] = defaultdict(list)
    for row in found:
        if row.meeting_date == latest[(row.quarter, row.group)]:
            chosen[(row.quarter, row.group)].append(row.title)
    return [Priority(quarter, group, titles)
            for (quarter, group), titles in sorted(chosen.items(),
                                                   key=lambda i: (i[0][0], swedish_order(i[0][1])))]
