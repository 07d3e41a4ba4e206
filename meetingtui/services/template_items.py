"""The template's item a meeting's item was copied from, and what it proposes there."""

from __future__ import annotations

from meetingtui.model import AgendaItem, Group, TemplateItem
from meetingtui.services.workspace import Workspace


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
