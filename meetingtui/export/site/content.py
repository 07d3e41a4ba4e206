"""The site as pages before any is written: who and what each page is about, its file name
(from `safe_name`, never a path from user text) and where a personnummer stands (a public site
is refused while one does).

The index, one page per owner, per organisation and per group, every owner's measures on one
page (to print), the minutes of each closed meeting, one calendar per owner.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from meetingtui.export.actions.common import personal_data_in
from meetingtui.export.files import safe_name
from meetingtui.model import ItemKind
from meetingtui.personal_numbers import find_personal_numbers, mask_personal_numbers
from meetingtui.services.actions import ActionRow, by_owner, swedish_order
from meetingtui.services.site import (
    MeetingRow,
    ObservationText,
    SiteSource,
    UpdateRow,
    read_site,
)

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

CLOSED = "closed"


@dataclass(frozen=True)
class Measure:
    """One open measure as an owner's or an organisation's page shows it."""

    row: ActionRow
    observation: ObservationText | None
    history: list[UpdateRow]


@dataclass
class Holder:
    """An owner or an organisation: its page, its measures, its calendar (owners only)."""

    name: str
    page: str  # the file, relative to the site's folder
    measures: list[Measure]
    calendar: str = ""
    orgs: list[str] = field(default_factory=list)

    @property
    def overdue(self) -> int:
        return sum(m.row.overdue for m in self.measures)


@dataclass(frozen=True)
class MinutesPage:
    meeting_id: int
    page: str
    title: str  # "2026-03-10 EST"
    group: str  # its short name
    group_page: str
    named: str  # the meeting where a personnummer's place is said: its date, masked group
    rolls_up: bool = False  # its group's agenda has a roll-up: a page that costs the most


@dataclass(frozen=True)
class ListedMeeting:
    row: MeetingRow
    minutes: str  # the minutes page, "" when the meeting is not closed


@dataclass
class GroupPage:
    short: str
    name: str
    page: str
    meetings: list[ListedMeeting]
    open: int
    overdue: int


@dataclass
class Site:
    source: SiteSource
    internal: bool
    owners: list[Holder]
    orgs: list[Holder]
    groups: list[GroupPage]
    minutes: list[MinutesPage]  # made and written apart (`site.minutes`): the bulk of a site
    personal_data: list[str]  # where a personnummer stands (masked); public: refused

    @property
    def overdue(self) -> int:
        return sum(row.overdue for row in self.source.actions.rows)


def _unique(stem: str, taken: set[str], folder: str, ext: str) -> str:
    """``folder/stem.ext``, numbered where two names make one file ("Åsa Öberg", "ÅSA ÖBERG")."""
    path, n = f"{folder}/{stem}.{ext}", 2
    while path in taken:
        path, n = f"{folder}/{stem}-{n}.{ext}", n + 1
    taken.add(path)
    return path


def _measures(source: SiteSource, rows: Iterable[ActionRow]) -> list[Measure]:
    return [Measure(row, source.observations.get(row.id), source.history.get(row.id, []))
            for row in rows]


def _owners(source: SiteSource) -> list[Holder]:
    taken: set[str] = set()
    owners = []
    for name, rows in by_owner(source.actions.rows).items():
        page = _unique(safe_name(name, "ansvarig"), taken, "ansvariga", "html")
        orgs = list(dict.fromkeys(row.owner_org for row in rows if row.owner_org))
        owners.append(Holder(name, page, _measures(source, rows),
                             page.removesuffix(".html") + ".ics", orgs))
    return owners


def _orgs(source: SiteSource) -> list[Holder]:
    grouped: dict[str, list[ActionRow]] = {}
    for row in source.actions.rows:
        if row.owner_org.strip():
            grouped.setdefault(row.owner_org, []).append(row)
    taken: set[str] = set()
    return [Holder(name, _unique(safe_name(name, "organisation"), taken, "organisationer",
                                 "html"), _measures(source, grouped[name]))
            for name in sorted(grouped, key=swedish_order)]


def group_pages(source: SiteSource) -> dict[int, str]:
    """Each group's page by its id: ``grupper/<short name>.html``."""
    taken: set[str] = set()
    return {group.id: _unique(safe_name(group.short or group.name), taken, "grupper", "html")
            for group in source.groups}


def _groups(source: SiteSource, pages: dict[int, str],
            minutes: dict[int, str]) -> list[GroupPage]:
    listed = []
    for group in source.groups:
        rows = [row for row in source.actions.rows if row.group_id == group.id]
        listed.append(GroupPage(
            group.short, group.name, pages[group.id],
            [ListedMeeting(m, minutes.get(m.id, "")) for m in reversed(group.meetings)],
            len(rows), sum(row.overdue for row in rows)))
    return listed


def minutes_page(meeting: MeetingRow, group_short: str) -> str:
    """``protokoll/<date>-<group>-<id>.html``: the meeting's id keeps two meetings of a day
    apart."""
    return f"protokoll/{meeting.date}-{safe_name(group_short)}-{meeting.id}.html"


def _personal_data(source: SiteSource) -> list[str]:
    """Where a personnummer stands in what the pages show besides the minutes: the measures
    (`personal_data_in`), their observations and their history's comments."""
    places = personal_data_in(source.actions)
    for row in source.actions.rows:
        texts = [*(("observation", text) for text in source.observations.get(row.id, ())),
                 *(("comment", u.comment) for u in source.history.get(row.id, []))]
        for what, text in texts:
            for finding in find_personal_numbers(text):
                places.append(f"åtgärd {row.id} ({mask_personal_numbers(row.group_short)}, "
                              f"möte {row.meeting_date.isoformat()}), {what}: "
                              f"{finding.masked} ({finding.kind})")
    for group in source.groups:  # a group's page: its names, its meetings' places
        texts = [("name", group.short), ("name", group.name),
                 *((f"möte {m.date}, place", m.place) for m in group.meetings)]
        for what, text in texts:
            places += [f"{mask_personal_numbers(group.short)}, {what}: {finding.masked} "
                       f"({finding.kind})" for finding in find_personal_numbers(text)]
    return places


def _rolls_up(ws: Workspace, template_id: str) -> bool:
    template = ws.templates.templates.get(template_id)
    return template is not None and any(item.kind is ItemKind.ROLLUP for item in template.items)


def gather(ws: Workspace, *, internal: bool) -> Site:
    """Every page's content but the minutes' own text, which `site.minutes` makes (and scans)
    page by page; ``personal_data`` is where a personnummer stands in the rest."""
    source = read_site(ws, internal=internal)
    pages = group_pages(source)
    minutes = [MinutesPage(meeting.id, minutes_page(meeting, group.short),
                           f"{meeting.date} {group.short}", group.short, pages[group.id],
                           f"{meeting.date} {mask_personal_numbers(group.short)}",
                           _rolls_up(ws, group.template_id))
               for group in source.groups for meeting in group.meetings
               if meeting.status == CLOSED]
    by_meeting = {page.meeting_id: page.page for page in minutes}
    return Site(source, internal, _owners(source), _orgs(source),
                _groups(source, pages, by_meeting), minutes, _personal_data(source))
