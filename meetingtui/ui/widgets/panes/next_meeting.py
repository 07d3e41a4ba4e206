"""A `next` item: the next meeting's date, proposed from the group's rhythm, planned here."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.widget import Widget
from textual.widgets import Input, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Meeting
from meetingtui.services import meetings
from meetingtui.ui.errors import Failed, attempt, saved
from meetingtui.ui.widgets.form import FieldProblem, FieldRow, date_text, text_input
from meetingtui.ui.widgets.panes.base import ItemPane


class NextMeetingPane(ItemPane):
    def compose(self) -> ComposeResult:
        ws, meeting = self.session.ws, self.session.meeting
        self.planned = self._planned()
        proposed = meetings.propose_date(ws, meeting.group_id)
        yield Static(t("next.intro"), classes="guidance")
        yield Static(self._status(), id="next-status")
        if not self.session.readonly and self.planned is None:
            yield FieldRow("next-date", t("plan.date"),
                           text_input(proposed.isoformat(), id="next-date",
                                      placeholder=t("form.date_example")))
            yield Static(t("next.hint"), classes="hint")

    def refresh_data(self, item: AgendaItem) -> bool:
        return self._planned() == self.planned

    def _planned(self) -> Meeting | None:
        later = [m for m in meetings.list_meetings(self.session.ws, self.session.meeting.group_id)
                 if m.date > self.session.meeting.date]
        return later[0] if later else None

    def _status(self) -> str:
        if self.planned is None:
            return t("next.none")
        start = self.planned.start.strftime("%H:%M") if self.planned.start else ""
        return t("next.planned", date=self.planned.date.isoformat(), time=start,
                 place=self.planned.place)

    def main_widget(self) -> Widget | None:
        found = self.query("#next-date")
        return found.first() if found else self

    @on(Input.Changed, "#next-date")
    def _check(self, event: Input.Changed) -> None:
        row = self.query_one("#row-next-date", FieldRow)
        try:
            date_text(event.value, self.session.today(), "next-date")
            row.show_error(None)
        except FieldProblem as problem:
            row.show_error(problem.message)

    @on(Input.Submitted, "#next-date")
    def _plan(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = date_text(event.value, self.session.today(), "next-date")
        except FieldProblem as problem:
            self.query_one("#row-next-date", FieldRow).show_error(problem.message)
            return
        assert day is not None
        meeting = self.session.meeting
        try:
            self.planned = attempt(
                self.app, meetings.plan_meeting, self.session.ws, meeting.group_id, day,
                start=meeting.start, place=meeting.place, chair=meeting.chair,
                secretary=meeting.secretary, adjuster=meeting.adjuster)
        except Failed:
            return
        saved(self.app)
        self.query_one("#next-status", Static).update(self._status())
        self.focus()
        self.query_one("#row-next-date").remove()
