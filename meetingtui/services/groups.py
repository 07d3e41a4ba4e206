"""Groups: instances of templates (a template is a group *type*), each with its own name, short
name, members and, where it differs, its own rhythm and chair; found by id, short name or name,
or by template id where only one group has it; archived when no longer used."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from meetingtui.model import Frequency, Group, GroupTemplate, Meeting, Member, Person
from meetingtui.services.errors import GroupError
from meetingtui.services.settings import DEFAULT_MUNICIPALITY as DEFAULT_MUNICIPALITY
from meetingtui.services.settings import municipality as municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store import groups as group_rows
from meetingtui.store import meetings as meeting_rows
from meetingtui.store.measures import counts_for_group


def create_group(ws: Workspace, template: GroupTemplate, *, name: str | None = None,
                 short: str | None = None) -> Group:
    """A group of this type, its members one per role (named by role until someone names
    them)."""
    with ws.store.transaction():
        group = group_rows.insert_group(ws.store, Group(
            template_id=template.id, name=name or template.name, short=short or template.short,
            municipality=municipality(ws),
        ))
        assert group.id is not None
        for role in template.members:
            group_rows.add_member(ws.store, group.id, Person(name=role, role=role))
    return group


def ensure_groups(ws: Workspace) -> list[Group]:
    """Every template has a group (archived ones count: an archived type stays away); the
    groups that are in use, in the order they were made."""
    existing = {group.template_id for group in group_rows.list_groups(ws.store)}
    for template_id, template in ws.templates.templates.items():
        if template_id not in existing:
            create_group(ws, template)
    return group_rows.list_groups(ws.store, archived=False)


def all_groups(ws: Workspace) -> list[Group]:
    """Every group, the archived ones too."""
    return group_rows.list_groups(ws.store)


def add_group(ws: Workspace, template_id: str, name: str, short: str) -> Group:
    """Another group of a type: "Lokalt BRÅ Västra" (BRÅ V) beside the central council."""
    template = ws.templates.templates.get(template_id)
    if template is None:
        raise GroupError(f"No template {template_id!r}", "no_template", template=template_id)
    ensure_groups(ws)  # the type's own group first, so that this one is the second
    _short_free(ws, short)
    return create_group(ws, template, name=name, short=short)


def update_group(ws: Workspace, edited: Group, base: Group) -> Group:
    """Name, short name, rhythm, chair, archived: what changed since `base` was read."""
    if edited.short.casefold() != base.short.casefold():
        _short_free(ws, edited.short, but=edited.id)
    return group_rows.update_group(ws.store, edited, base)


def rename_group(ws: Workspace, group_id: int, *, name: str | None = None,
                 short: str | None = None) -> Group:
    group = get_group(ws, group_id)
    changes = {key: value for key, value in (("name", name), ("short", short)) if value}
    return update_group(ws, group.model_validate({**group.model_dump(), **changes}), group)


def parse_months(text: str) -> list[int] | None:
    """"7, 12" → [7, 12]; empty → None (the template's months). ValueError for anything else."""
    if not text.strip():
        return None
    months = sorted({int(part) for part in text.replace(";", ",").split(",") if part.strip()})
    if any(not 1 <= m <= 12 for m in months):
        raise ValueError(f"not a month: {text!r}")
    return months


def set_rhythm(ws: Workspace, group_id: int, *, chair: str | None = None,
               frequency: Frequency | Literal["keep"] | None = "keep",
               skip_months: list[int] | Literal["keep"] | None = "keep") -> Group:
    """The group's own chair and rhythm; None (or "" for the chair) goes back to the
    template's, "keep" leaves it as it is."""
    group = get_group(ws, group_id)
    changes: dict[str, object] = {}
    if chair is not None:
        changes["chair"] = chair
    if frequency != "keep":
        changes["frequency"] = frequency
    if skip_months != "keep":
        changes["skip_months"] = skip_months
    return update_group(ws, group.model_validate({**group.model_dump(), **changes}), group)


def archive_group(ws: Workspace, group_id: int, archived: bool = True) -> Group:
    """An archived group keeps its meetings and leaves the home screen (and comes back)."""
    group = get_group(ws, group_id)
    return update_group(ws, group.model_copy(update={"archived": archived}), group)


def _short_free(ws: Workspace, short: str, *, but: int | None = None) -> None:
    """Short names name groups on the command line and in file names: one group each."""
    wanted = " ".join(short.split()).casefold()
    for group in group_rows.list_groups(ws.store):
        if group.id != but and group.short.casefold() == wanted:
            raise GroupError(f"A group is already called {short!r}", "short_taken", short=short)


def find_groups(ws: Workspace, name: str) -> list[Group]:
    """The groups `name` may mean: by id, short name or name in any case (`EST`, `est`), or
    by template id (every group of that type)."""
    wanted = " ".join(name.split()).casefold()
    groups = group_rows.list_groups(ws.store)
    exact = [g for g in groups if wanted in (str(g.id), g.short.casefold(), g.name.casefold())]
    if exact:
        return exact
    return [g for g in groups if g.template_id.casefold() == wanted]


def find_group(ws: Workspace, name: str) -> Group | None:
    """The one group `name` means, or None when none or several (a type with two groups is
    named by each group's own short name)."""
    found = find_groups(ws, name)
    if len(found) > 1:
        in_use = [g for g in found if not g.archived]
        found = in_use if len(in_use) == 1 else found
    return found[0] if len(found) == 1 else None


def get_group(ws: Workspace, group_id: int) -> Group:
    group = group_rows.get_group(ws.store, group_id)
    if group is None:
        raise LookupError(f"No group with id {group_id}")
    return group


def rhythm(ws: Workspace, group: Group) -> tuple[Frequency, list[int]] | None:
    """How often the group meets and the months it skips: its own where it has them, else its
    template's; None when neither is known (a group whose template is gone)."""
    template = ws.template_of(group)
    frequency = group.frequency or (template.frequency if template else None)
    if frequency is None:
        return None
    skip = group.skip_months if group.skip_months is not None else (
        list(template.skip_months) if template else [])
    return frequency, skip


def chair_of(ws: Workspace, group: Group) -> str:
    """Who chairs the group's meetings, by name or role: its own, else its template's; a role
    ("Säkerhetschef") is the name of the member who holds it, once someone has named them
    (the minutes said "Ordförande: Säkerhetschef" beside "Närvarande: Anna Berg, säkerhetschef")."""
    template = ws.template_of(group)
    chair = group.chair or (template.chair if template else "")
    if group.id is None or not chair:
        return chair
    holder = next((m for m in members(ws, group.id)
                   if m.role == chair and m.name != m.role and not m.substitute), None)
    return holder.name if holder is not None else chair


def members(ws: Workspace, group_id: int) -> list[Member]:
    return group_rows.members(ws.store, group_id)


def add_member(ws: Workspace, group_id: int, person: Person, *,
               substitute: bool = False) -> Member:
    return group_rows.add_member(ws.store, group_id, person, substitute=substitute)


def update_member(ws: Workspace, group_id: int, member: Member,
                  base: Member | None = None) -> Member:
    """A member's name, role, organisation, e-mail, substitute or not; each new meeting's
    attendance starts from them."""
    return group_rows.update_member(ws.store, group_id, member, base)


def remove_member(ws: Workspace, group_id: int, person_id: int) -> None:
    group_rows.remove_member(ws.store, group_id, person_id)


@dataclass(frozen=True)
class GroupOverview:
    group: Group
    upcoming: Meeting | None
    last: Meeting | None
    open_measures: int
    overdue_measures: int


def overviews(ws: Workspace) -> list[GroupOverview]:
    """One line per group in use for the home screen: a few indexed queries per group."""
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
