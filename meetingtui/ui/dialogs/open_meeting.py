"""Pick one of a group's meetings to open (closed ones open read-only)."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from meetingtui.dates import say_time
from meetingtui.i18n import language, t
from meetingtui.model import Meeting, MeetingStatus
from meetingtui.ui.labels import label


def likely(meetings: list[Meeting], today: date) -> Meeting | None:
    """The meeting a chair most likely opens: the one running, else the one not yet held nearest
    to today (yesterday's, typed in the day after, before next month's; next week's before one
    planned half a year ago and never held), else none."""
    running = [m for m in meetings if m.status is MeetingStatus.RUNNING]
    if running:
        return running[-1]
    planned = [m for m in meetings if m.status is MeetingStatus.PLANNED]
    return min(planned, key=lambda m: (abs((m.date - today).days), m.date > today),
               default=None)


class OpenMeetingDialog(ModalScreen[int | None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("common.cancel"), id="open.cancel"),
    ]

    def __init__(self, group_name: str, meetings: list[Meeting], today: date) -> None:
        super().__init__(classes="form-dialog")
        self.group_name = group_name
        self.meetings = meetings
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("open.title", group=self.group_name), classes="form-title")
            if self.meetings:
                lang = language()
                yield OptionList(*[
                    Option(f"{m.date.isoformat()}  {say_time(m.start, lang) if m.start else ''}"
                           f"  {label(m.status)}  {m.place}", id=str(m.id))
                    for m in reversed(self.meetings)
                ], id="meetings")
            else:
                yield Static(t("open.none"))
            yield Static(t("open.hint"), classes="form-hint")

    def on_mount(self) -> None:
        """Newest first, with the likely meeting highlighted: with a year planned ahead the
        newest is December's, not the one the chair came for."""
        chosen = likely(self.meetings, self.today)
        if chosen is not None:
            shown = list(reversed(self.meetings))
            self.query_one(OptionList).highlighted = shown.index(chosen)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0) or None)

    def action_cancel(self) -> None:
        self.dismiss(None)
