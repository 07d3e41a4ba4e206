"""What the formal items record of the meeting's own details, in the minutes' words: who opened
the meeting and when (`.opening`), who were chosen to take and check the minutes
(`.officers`), who closed it and when (`.closing`). Written after any notes the item has; the
item's pane shows the same line (`ui.widgets.panes.details`)."""

from __future__ import annotations

from datetime import time

from meetingtui.export.clean import one_line
from meetingtui.export.minutes.labels import Labels, format_time
from meetingtui.model import AgendaItem, GroupTemplate, ItemKind, Meeting


def recorded_line(labels: Labels, item: AgendaItem, meeting: Meeting,
                  template: GroupTemplate | None = None) -> str:
    """The line a formal item records; "" for another item, one that was not taken up, or an
    `.officers` item when neither officer is named. The template's chair ("Säkerhetschef")
    stands as the meeting's chair until a member holding it is named: a role, not a name, so
    the line then says "Ordföranden" alone."""
    if item.dropped:
        return ""
    role = template.chair if template is not None else ""
    chair = "" if _is_role(meeting.chair, role) else meeting.chair
    if item.kind is ItemKind.OPENING:
        return declared(labels, "opening", chair, meeting.start)
    if item.kind is ItemKind.CLOSING:
        return declared(labels, "closing", chair, meeting.end)
    if item.kind is ItemKind.OFFICERS:
        return officers_chosen(labels, meeting)
    return ""


def _is_role(chair: str, role: str) -> bool:
    return bool(role) and one_line(chair).casefold() == one_line(role).casefold()


def declared(labels: Labels, what: str, chair: str, at: time | None) -> str:
    """"Ordföranden Anna Berg förklarade mötet öppnat kl. 9.00.", the name and the time
    only when known."""
    chair = one_line(chair)
    when = labels["clock_at"].format(time=format_time(labels, at)) if at is not None else ""
    return labels[f"{what}_chair" if chair else what].format(chair=chair, at=when)


def officers_chosen(labels: Labels, meeting: Meeting) -> str:
    """"Till sekreterare valdes … och till justerare …" (or one of them); "" for neither."""
    names = {"secretary": one_line(meeting.secretary), "adjuster": one_line(meeting.adjuster)}
    chosen = [key for key, name in names.items() if name]
    if not chosen:
        return ""
    which = "both" if len(chosen) == 2 else chosen[0]
    return labels[f"officers_{which}"].format(**names)
