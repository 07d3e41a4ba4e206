"""The template's item a meeting's item was copied from, and what it proposes there."""

from __future__ import annotations

from meetingtui.model import AgendaItem, Group, ItemKind, Meeting, TemplateItem
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items as item_rows

#: Kinds a template may give an item that an older version of the program made a text item:
#: what the minutes write under them comes from the meeting's details.
FORMAL_KINDS = (ItemKind.OPENING, ItemKind.OFFICERS, ItemKind.CLOSING)


def template_item(ws: Workspace, group: Group, item: AgendaItem) -> TemplateItem | None:
    """The template's item a meeting's item was copied from: same kind and title, else the
    first of its kind (the template's settings for it, e.g. `groups=` or `body=`)."""
    template = ws.template_of(group)
    if template is None:
        return None
    same_kind = [i for i in template.items if i.kind is item.kind]
    return next((i for i in same_kind if i.title == item.title),
                same_kind[0] if same_kind else None)


def proposed_decision(ws: Workspace, group: Group, item: AgendaItem) -> str:
    """The decision the template starts the item with (`decision=`); "" without one, or when
    the item is not the template's any more (another title)."""
    template = ws.template_of(group)
    return template.proposed_decision(item.kind, item.title) if template is not None else ""


def formal_kinds_as_template(ws: Workspace, group: Group, meeting: Meeting) -> int:
    """A meeting planned by an older version of the program, when it starts: its text items
    the template now makes formal ("Mötets öppnande" `.opening`, …) take that kind, when
    nothing has been written in them (same title; a renamed item stays text). Returns how
    many changed."""
    assert meeting.id is not None
    template = ws.template_of(group)
    if template is None:
        return 0
    formal = {i.title: i.kind for i in template.items if i.kind in FORMAL_KINDS}
    changed = 0
    for item in item_rows.items_of(ws.store, meeting.id):
        kind = formal.get(item.title)
        if (kind is not None and item.kind is ItemKind.TEXT and not item.notes.strip()
                and not item.decision.strip()):
            item_rows.update_item(ws.store, item.model_copy(update={"kind": kind}), item,
                                  only={"kind"})
            changed += 1
    return changed
