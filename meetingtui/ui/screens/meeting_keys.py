"""What some of the meeting screen's keys open or change about the meeting and its items, kept
apart from the screen's navigation: the meeting's details (m), an item's guidance (v), and an
item dropped from this meeting or taken up again (U, "Punkten utgår")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui.i18n import t
from meetingtui.model import Meeting
from meetingtui.services import meetings
from meetingtui.ui.errors import Failed, attempt, saved

if TYPE_CHECKING:
    from meetingtui.ui.screens.meeting import MeetingScreen


def details(screen: MeetingScreen) -> None:
    """Date, time, place, chair, secretary and adjuster in a form."""
    from meetingtui.ui.dialogs.meeting_details import MeetingDetailsDialog

    session = screen.session
    if session.readonly or (screen.pane is not None and not screen.pane.flush()):
        return
    base = meetings.get_meeting(session.ws, session.meeting_id)

    def save(meeting: Meeting, based_on: Meeting | None) -> Meeting:
        return meetings.update_details(session.ws, meeting, based_on or base)

    def done(meeting: Meeting | None) -> None:
        if meeting is not None:
            session.meeting = meeting
            screen.show_title()
            screen.show_agenda()

    screen.app.push_screen(MeetingDetailsDialog(
        base, session.meeting.date, save,
        t("meeting.details_title", group=session.group.short)), done)


def guidance(screen: MeetingScreen) -> None:
    """The item's guidance from the template, whole, over the item."""
    from meetingtui.ui.dialogs.guidance import GuidanceDialog, guidance_text

    if not screen.items:
        return
    item = screen.items[screen.current]
    text = guidance_text(item)
    if not text:
        screen.app.notify(t("guidance.none"))
        return
    screen.app.push_screen(GuidanceDialog(f"§ {item.position} {item.title}", text))


def drop_item(screen: MeetingScreen) -> None:
    """The item shown is not taken up at this meeting ("Punkten utgår": the templates' yearly
    and quarterly items, most months), or is again; the minutes keep its § and say so. What
    was written under it stays. Compared with the item as shown: another program's change to
    its text is kept, its own "utgår" meanwhile is a conflict."""
    session = screen.session
    if session.readonly or not screen.items:
        return
    if screen.pane is not None and not screen.pane.flush():
        return
    item = screen.items[screen.current]
    try:
        changed = attempt(screen.app, meetings.edit_item, session.ws, item.id or 0,
                          dropped=not item.dropped, base=item)
    except Failed:
        return
    screen.items = meetings.items(session.ws, session.meeting_id)
    screen.show_agenda()
    saved(screen.app)
    screen.app.notify(t("item_dropped.dropped" if changed.dropped else "item_dropped.taken_up",
                        number=changed.position), timeout=6)
