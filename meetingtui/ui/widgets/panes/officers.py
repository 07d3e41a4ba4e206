"""An `officers` item ("Val av sekreterare och justerare"): the secretary and adjuster the
meeting's details name, which the minutes record under it after any notes; `m` changes them.
Notes and decision as a text item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Meeting
from meetingtui.services import meetings
from meetingtui.ui.widgets.panes.text import TextPane


class OfficersPane(TextPane):
    def compose(self) -> ComposeResult:
        chosen: Static | None = Static(self._chosen(self.session.meeting), id="officers",
                                       classes="hint")
        for widget in super().compose():
            if chosen is not None and isinstance(widget, Label):  # before the notes
                yield chosen
                chosen = None
            yield widget

    def refresh_data(self, item: AgendaItem) -> bool:
        # Read again: the details dialog saved them, and so may another program.
        meeting = meetings.get_meeting(self.session.ws, self.session.meeting_id)
        self.query_one("#officers", Static).update(self._chosen(meeting))
        return super().refresh_data(item)

    def _chosen(self, meeting: Meeting) -> str:
        nobody = t("officers.nobody")
        line = t("officers.chosen", secretary=meeting.secretary.strip() or nobody,
                 adjuster=meeting.adjuster.strip() or nobody)
        return line if self.session.readonly else f"{line}\n{t('officers.change')}"
