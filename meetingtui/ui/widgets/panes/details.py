"""The formal items whose minutes record the meeting's own details (`export.minutes.formal`):
"Mötets öppnande" (`.opening`: its chair and start), "Val av sekreterare och justerare"
(`.officers`) and "Mötets avslutande" (`.closing`: its chair and end). Each shows, above its
notes, what the minutes will say and that `m` changes it; notes and decision as a text item."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Label, Static

from meetingtui.export.minutes.formal import recorded_line
from meetingtui.export.minutes.labels import labels_of_template
from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Meeting
from meetingtui.services import meetings
from meetingtui.ui.widgets.panes.text import TextPane


class DetailsPane(TextPane):
    def compose(self) -> ComposeResult:
        shown: Static | None = Static(self._shown(self.session.meeting, self.item),
                                      id="details", classes="hint")
        for widget in super().compose():
            if shown is not None and isinstance(widget, Label):  # before the notes
                yield shown
                shown = None
            yield widget

    def refresh_data(self, item: AgendaItem) -> bool:
        # The screen reads the meeting again first: after the details dialog, and after
        # another program's commit.
        self.query_one("#details", Static).update(self._shown(self.session.meeting, item))
        return super().refresh_data(item)

    def _shown(self, meeting: Meeting, item: AgendaItem) -> str:
        template = self.session.template
        line = recorded_line(labels_of_template(template), item, meeting, template)
        said = t("details.minutes_say", line=line) if line else ""
        if self.session.readonly:
            return said
        return "\n".join(part for part in (said, self._hint(meeting)) if part)

    def _hint(self, meeting: Meeting) -> str:
        return t("details.change")


class OpeningPane(DetailsPane):
    pass


class ClosingPane(DetailsPane):
    def _hint(self, meeting: Meeting) -> str:
        if meeting.end is not None:
            return t("details.change")
        # Closed on its own day, once begun, the meeting ends when it is closed; typed in
        # afterwards, it has no end until one is given.
        return t("details.end_missing" if meetings.end_on_closing(self.session.ws, meeting)
                 is None else "details.end_when_closed")


class OfficersPane(DetailsPane):
    def _shown(self, meeting: Meeting, item: AgendaItem) -> str:
        nobody = t("officers.nobody")
        line = t("officers.chosen", secretary=meeting.secretary.strip() or nobody,
                 adjuster=meeting.adjuster.strip() or nobody)
        return line if self.session.readonly else f"{line}\n{t('officers.change')}"
