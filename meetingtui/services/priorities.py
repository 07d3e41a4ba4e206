"""The focus areas: every quarter a group chooses three for the *coming* quarter, the areas in
most need and with the best chance of effect (seed 001, Lysekil). Each meeting keeps the ones
it chose or confirmed, with the quarter they are for, so a later meeting's choice never changes
an earlier meeting's minutes.

A meeting shows the priorities in force in its own quarter (chosen earlier, `in_force`) and
chooses for the coming quarter (`chosen_quarter`; the chair may choose for another). A meeting
that starts takes over what an earlier meeting chose for its coming quarter, to confirm or
change (`meetings.carry_over_priorities`). A priority that names an area of the group's
lägesbild is linked to it (`linked_area`): the item shows that area's figures beside it.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from meetingtui.dates import quarter_of
from meetingtui.model import Meeting, MeetingStatus, Priority
from meetingtui.services.amend import note_change
from meetingtui.services.meetings import get_meeting
from meetingtui.services.stats import Problems
from meetingtui.services.workspace import Workspace
from meetingtui.store import priorities as rows

MAX_PRIORITIES = 3
#: How many quarters a meeting may choose for: its own, the coming one, and the one after.
CHOICES = 3
#: How many quarters of figures the item shows, up to the meeting's own.
FIGURE_QUARTERS = 4


def quarter_after(quarter: str, steps: int = 1) -> str:
    """"2026-Q4" → "2027-Q1"."""
    year, number = int(quarter[:4]), int(quarter[-1]) - 1 + steps
    return f"{year + number // 4}-Q{number % 4 + 1}"


def coming_quarter(day: date) -> str:
    """The quarter after the one `day` is in: what a meeting that day chooses for."""
    return quarter_after(quarter_of(day))


def quarter_choices(day: date) -> list[str]:
    """The quarters a meeting that day may choose for: its own and the next ones."""
    return [quarter_after(quarter_of(day), step) for step in range(CHOICES)]


def priorities_for_meeting(ws: Workspace, meeting_id: int,
                           meeting: Meeting | None = None) -> list[Priority]:
    """The meeting's own (what its minutes show); for a meeting not yet started, what it will
    take over when it starts. ``meeting``: the meeting, when read already (a publish)."""
    own = rows.priorities_of(ws.store, meeting_id)
    if own:
        return own
    if meeting is None or meeting.id != meeting_id:
        meeting = get_meeting(ws, meeting_id)
    if meeting.status is not MeetingStatus.PLANNED:
        return own
    return carried(ws, meeting_id)


def carried(ws: Workspace, meeting_id: int) -> list[Priority]:
    """What an earlier meeting chose for this meeting's coming quarter, as this meeting's."""
    meeting = get_meeting(ws, meeting_id)
    assert meeting.id is not None
    earlier = rows.latest_before(ws.store, meeting.group_id, meeting.id,
                                 coming_quarter(meeting.date))
    return [p.model_copy(update={"id": None, "meeting_id": meeting.id}) for p in earlier]


def chosen_quarter(ws: Workspace, meeting_id: int) -> str:
    """The quarter the meeting's priorities are for: as stored, else the coming quarter."""
    meeting = get_meeting(ws, meeting_id)
    for priority in priorities_for_meeting(ws, meeting_id):
        return priority.quarter or quarter_of(meeting.date)
    return coming_quarter(meeting.date)


def in_force(ws: Workspace, meeting_id: int) -> list[Priority]:
    """The priorities an earlier meeting chose for this meeting's own quarter."""
    meeting = get_meeting(ws, meeting_id)
    assert meeting.id is not None
    return rows.latest_before(ws.store, meeting.group_id, meeting.id, quarter_of(meeting.date))


def set_priorities(ws: Workspace, meeting_id: int, titles: list[str],
                   base: list[str] | None = None, *, quarter: str | None = None,
                   base_quarter: str | None = None) -> list[Priority]:
    """This meeting's priorities are these (empty titles dropped, at most three), for
    `quarter` (None: as chosen so far, `chosen_quarter`). `base`, `base_quarter`: what the
    screen showed; if another program changed them since, `PrioritiesChanged`."""
    meeting = get_meeting(ws, meeting_id)
    wanted = [" ".join(title.split()) for title in titles if title.strip()]
    if len(wanted) > MAX_PRIORITIES:
        raise ValueError(f"At most {MAX_PRIORITIES} priority areas per quarter")
    with ws.store.transaction():
        old = priorities_for_meeting(ws, meeting_id)
        old_titles = [p.title for p in old]
        old_quarter = chosen_quarter(ws, meeting_id)
        target = quarter or old_quarter
        shown = (base, base_quarter or old_quarter)
        if base is not None and (old_titles, old_quarter) not in (shown, (wanted, target)):
            raise PrioritiesChanged(old_titles, old_quarter)
        priorities = [Priority(meeting_id=meeting_id, position=number, title=title,
                               quarter=target)
                      for number, title in enumerate(wanted, start=1)]
        note_change(ws, meeting_id, "Prioriterade områden",
                    _said(old_titles, old_quarter), _said(wanted, target))
        assert meeting.id is not None
        return rows.replace_priorities(ws.store, meeting.id, priorities)


def _said(titles: list[str], quarter: str) -> str:
    return f"{quarter}: {'; '.join(titles)}" if titles else ""


class PrioritiesChanged(Exception):
    """Another program set the priorities since the screen read them; `theirs` are stored."""

    def __init__(self, theirs: list[str], quarter: str | None = None) -> None:
        super().__init__("The priorities were changed in another program: " + "; ".join(theirs))
        self.theirs = theirs
        self.quarter = quarter


# --- the figures the group chooses from ----------------------------------------------------------

class AreaLine(NamedTuple):
    area: str
    problems: list[int]  # per quarter
    latest: Problems  # in the latest quarter that had any: how many with each trend
    total: int  # problems in all the quarters (one carried over several counts once)


class AreaFigures(NamedTuple):
    quarters: list[str]  # the last `FIGURE_QUARTERS` quarters, up to the meeting's own
    areas: list[AreaLine]  # most problems first


def figures_for(ws: Workspace, meeting_id: int) -> AreaFigures:
    """Problems per area in the group's lägesbild, quarter by quarter up to the meeting's day,
    with the trends the group last gave them (internal: confidential problems count too)."""
    from meetingtui.services import stats
    from meetingtui.services.periods import period_start

    meeting = get_meeting(ws, meeting_id)
    first = period_start("quarter", meeting.date)
    for _ in range(FIGURE_QUARTERS - 1):
        first = period_start("quarter", first - timedelta(days=1))
    spans, lines = stats.area_figures(ws, meeting.group_id, first, meeting.date)
    areas = []
    for line in lines:
        areas.append(AreaLine(line.name, [p.problems for p in line.periods], line.latest,
                              line.total.problems))
    return AreaFigures([span.key for span in spans], areas)


def area_names(ws: Workspace, meeting_id: int) -> list[str]:
    """Every area the group's lägesbild has named, most problems first: the fields' suggestions."""
    from meetingtui.store import stats as stat_rows

    return stat_rows.area_names(ws.store.conn, get_meeting(ws, meeting_id).group_id)


def linked_area(title: str, areas: list[str]) -> str | None:
    """The area a priority names (any case, blanks ignored), or None for free text."""
    wanted = " ".join(title.split()).casefold()
    return next((area for area in areas if area.casefold() == wanted), None)
