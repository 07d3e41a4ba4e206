"""Closing a meeting and amending a closed one, from its screen: the question before closing
(what is missing, where a personnummer stands), the offer to export after, and "Ändra stängt
möte" (who and why, then every change is an amendment)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui.i18n import t
from meetingtui.services import meetings
from meetingtui.services.close_check import check_before_close
from meetingtui.ui.errors import Failed, attempt

if TYPE_CHECKING:
    from meetingtui.ui.screens.meeting import MeetingScreen


def amend(screen: MeetingScreen) -> None:
    """Ändra stängt möte: who and why, then the meeting is editable and every change is an
    amendment with those words, until the chair leaves it."""
    from meetingtui.services.amend import begin_amending
    from meetingtui.ui.dialogs.amend import AmendDialog

    meeting = screen.session.meeting
    if not meeting.closed or screen.session.ws.amending is not None:
        return

    def start(answer: tuple[str, str] | None) -> None:
        if answer is None:
            return
        by, why = answer
        try:
            attempt(screen.app, begin_amending, screen.session.ws, by, why)  # ends on leaving
        except Failed:
            return
        screen.show_title()
        screen.rebuild_panes()
        screen.app.notify(t("amend.started", why=why), timeout=6)

    screen.app.push_screen(AmendDialog(meeting.secretary or meeting.chair), start)


def close(screen: MeetingScreen) -> None:
    """Close the meeting after saying what is missing and where a personnummer stands (then
    "Nej" is the default), and offer to export the minutes."""
    from meetingtui.i18n import words_of
    from meetingtui.privacy import scan_record
    from meetingtui.services.record import load_meeting
    from meetingtui.ui.dialogs.confirm import ConfirmDialog

    if screen.pane is not None and not screen.pane.flush():
        return
    ws, meeting_id = screen.session.ws, screen.session.meeting_id
    incomplete = check_before_close(ws, meeting_id)
    findings = scan_record(load_meeting(ws, meeting_id), public=False,
                           say=words_of("privacy_place"))
    lines = [t("close.question")]
    if incomplete.empty and not findings:
        lines.append(t("close.complete"))
    if incomplete.end_missing:
        lines.append(t("close_extra.end_missing"))
    if incomplete.next_item is not None:
        lines.append(t("close_extra.next_missing", number=incomplete.next_item.position))
    if incomplete.unnamed_present:
        item = incomplete.attendance_item
        lines.append(t("close_extra.unnamed", count=len(incomplete.unnamed_present),
                       roles=", ".join(p.role for p in incomplete.unnamed_present[:3])
                       + (" …" if len(incomplete.unnamed_present) > 3 else ""))
                     + (" " + t("close_extra.unnamed_where", number=item.position)
                        if item is not None else ""))
    if incomplete.attendance_empty and incomplete.attendance_item is not None:
        lines.append(t("close_extra.attendance_empty",
                       number=incomplete.attendance_item.position))
    for role, name in incomplete.absent_officers:
        lines.append(t(f"close_extra.absent_{role}", name=name))
    for role, name in incomplete.unlisted_officers:
        lines.append(t(f"close_extra.unlisted_{role}", name=name))
    if incomplete.measures_without_owner_or_due:
        lines.append(t("close.measures", count=len(incomplete.measures_without_owner_or_due)))
    if incomplete.items_not_visited:
        lines.append(t("close.items"))
        # At most five: the question and its buttons fit on an 80×24 screen.
        lines += [f"  § {i.position} {i.title}" for i in incomplete.items_not_visited[:5]]
        if len(incomplete.items_not_visited) > 5:
            lines.append("  " + t("close_extra.personal_more",
                                  count=len(incomplete.items_not_visited) - 5))
    if findings:
        lines.append(t("close_extra.personal"))
        lines += [f"  {where}" for where in findings[:5]]
        if len(findings) > 5:
            lines.append("  " + t("close_extra.personal_more", count=len(findings) - 5))

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            attempt(screen.app, meetings.close_meeting, ws, meeting_id)
        except Failed:
            return
        screen.app.notify(t("close.done"))
        screen.app.pop_screen()
        _offer_export(screen)

    screen.app.push_screen(ConfirmDialog(t("close.title"), "\n".join(lines),
                                         default=not findings), answer)


def _offer_export(screen: MeetingScreen) -> None:
    """After closing: export now? (the minutes are final, nothing changes them silently)."""
    from meetingtui.ui.app import MeetingApp
    from meetingtui.ui.dialogs.confirm import ConfirmDialog
    from meetingtui.ui.dialogs.export_dialog import writes_notes

    app = screen.app
    meeting_id = screen.session.meeting_id

    def answer(yes: bool | None) -> None:
        if yes and isinstance(app, MeetingApp):
            app.export_meeting(meeting_id)

    notes = writes_notes(screen.session.template)
    app.push_screen(ConfirmDialog(t("app.export_notes" if notes else "app.export"),
                                  t("close.offer_export_notes" if notes
                                    else "close.offer_export")), answer)
