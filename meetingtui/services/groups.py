"""Groups: created from their templates, found by name, summed up for the home screen."""

from __future__ import annotations

from dataclasses import dataclass

from meetingtui.model import Group, GroupTemplate, Meeting, Person
from meetingtui.services.home import DEFAULT_MUNICIPALITY as DEFAULT_MUNICIPALITY
from meetingtui.services.home import municipality as municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store import groups as group_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store.measures import counts_for_group


def create_group(ws: Workspace, template: GroupTemplate) -> Group:
    """A group of this type, its members one per role (named by role until someone edits)."""
    with ws.store.transaction():
        group = group_rows.insert_group(ws.store, Group(
            template_id=template.id, name=template.name, short=template.short,
            municipality=municipality(ws),
        ))
        assert group.id is not None
        for role in template.members:
            group_rows.add_member(ws.store, group.id, Person(name=role, role=role))
    return group


def ensure_groups(ws: Workspace) -> list[Group]:
    """Every template has its group; the groups in template order, then any orphans."""
    existing = {group.template_id for group in group_rows.list_groups(ws.store)}
    for template_id, template in ws.templates.templates.items():
        if template_id not in existing:
            create_group(ws, template)
    return group_rows.list_groups(ws.store)


def find_group(ws: Workspace, name: str) -> Group | None:
    """By template id or short name, in any case (`est`, `EST`)."""
    wanted = name.strip().casefold()
    for group in group_rows.list_groups(ws.store):
        if wanted in (group.template_id.casefold(), group.short.casefold(),
                      group.name.casefold()):
            return group
    return None


def get_group(ws: Workspace, group_id: int) -> Group:
    group = group_rows.get_group(ws.store, group_id)
    if group is None:
        raise LookupError(f"No group with id {group_id}")
    return group


def members(ws: Workspace, group_id: int) -> list[Person]:
    return group_rows.members(ws.store, group_id)


def update_member(ws: Workspace, person: Person) -> None:
    group_rows.update_person(ws.store, person)


@dataclass(frozen=True)
class GroupOverview:
    group: Group
    upcoming: Meeting | None
    last: Meeting | None
    open_measures: int
    overdue_measures: int


def overviews(ws: Workspace) -> list[GroupOverview]:
    """One line per group for the home screen: a few indexed queries per group, no more."""
    today = ws.today()
    result = []
    for group in ensure_groups(ws):
        assert group.id is not None
        counts = counts_for_group(ws.store, group.id, today)
        result.append(GroupOverview(
            group=group,
            upcoming=meeting_rows.upcoming(ws.store, group.id, today),
            last=meeting_rows.last_closed(ws.store, group.id),
            open_measures=counts.open,
            overdue_measures=counts.overdue,
        ))
    return result
