"""A `next` item: the next meeting's date, time and place, decided here and kept in this meeting's
minutes (the next meeting is planned with it). The date is proposed from this meeting's own
date and the group's rhythm, never from today (issue 12 §4). Arriving never puts the cursor in a
field: `e` or Enter enters them, Enter in a field decides, Esc leaves (issue 12 §1)."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from meetingtui.dates import TimeSpanError, parse_time_span, say_day, say_span, span_text
from meetingtui.i18n import language, t
from meetingtui.model import AgendaItem, Meeting
from meetingtui.services import meetings
from meetingtui.ui.errors import Failed, attempt, saved
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow, date_echo, date_text, time_echo
from meetingtui.ui.widgets.form import text_input
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane


class NextMeetingPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_fields", t("next_extra.edit"), id="next.edit"),
        Binding("enter", "edit_fields", t("next_extra.edit"), id="next.enter", show=False),
    ]
    EDIT_ACTIONS = frozenset({"edit_fields", "decision"})

    def compose(self) -> ComposeResult:
        meeting = self.session.meeting
        self.decided = self._decided()
        proposed = meetings.propose_date(self.session.ws, meeting.group_id, after=meeting.date)
        day = self.decided.date if self.decided else proposed
        start = self.decided.start if self.decided else meeting.start
        end = self.decided.end if self.decided else meeting.end
        place = self.decided.place if self.decided else meeting.place
        yield Static(t("next.intro"), classes="guidance")
        yield Static(self._status(), id="next-status")
        if not self.session.readonly:
            # Each says what it understood as the chair types ("idag" is today, whatever
            # the meeting's date: seeing the date it means is what keeps that from a mistake).
            today = self.session.today()
            yield FieldRow("next-date", t("next_extra.date"), text_input(
                day.isoformat(), id="next-date", placeholder=t("form.date_example"),
                echo=lambda text: date_echo(text, today)))
            yield FieldRow("next-time", t("next_extra.time"), text_input(
                span_text(start, end, language()), id="next-time",
                placeholder=t("next_extra.time_example"), echo=time_echo))
            yield FieldRow("next-place", t("next_extra.place"), text_input(place, id="next-place"))
            yield Static(t("next_extra.hint"), classes="hint")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.show_item(self.item)

    def refresh_data(self, item: AgendaItem) -> bool:
        decided = self._decided()
        if decided != self.decided:
            self.decided = decided
            self.query_one("#next-status", Static).update(self._status())
        self.show_item(item)
        return True

    def _decided(self) -> Meeting | None:
        """The next meeting this one decided; while it runs and has not, the one planned."""
        meeting = meetings.get_meeting(self.session.ws, self.session.meeting_id)
        if meeting.next_date is not None:
            return Meeting(group_id=meeting.group_id, date=meeting.next_date,
                           start=meeting.next_start, end=meeting.next_end,
                           place=meeting.next_place)
        return None

    def _status(self) -> str:
        if self.decided is None:
            proposed = meetings.propose_date(self.session.ws, self.session.meeting.group_id,
                                             after=self.session.meeting.date)
            return t("next_extra.proposed", date=say_day(proposed, language()))
        when = say_day(self.decided.date, language())
        if self.decided.start is not None:
            when += " " + t("next_extra.at_time", time=say_span(
                self.decided.start, self.decided.end, language()))
        if self.decided.place:
            when += f", {self.decided.place}"
        return t("next_extra.decided", when=when)

    def action_edit_fields(self) -> None:
        self.query_one("#next-date", Input).focus()

    @on(Input.Changed, "#next-date")
    def _check_date(self, event: Input.Changed) -> None:
        row = self.query_one("#row-next-date", FieldRow)
        try:
            date_text(event.value, self.session.today(), "next-date")
            row.show_error(None)
        except FieldProblem as problem:
            row.show_error(problem.message)

    @on(Input.Changed, "#next-time")
    def _check_time(self, event: Input.Changed) -> None:
        row = self.query_one("#row-next-time", FieldRow)
        try:
            if event.value.strip():
                parse_time_span(event.value)
            row.show_error(None)
        except TimeSpanError:
            row.show_error(t("error.time"))

    @on(Input.Submitted)
    def _decide(self, event: Input.Submitted) -> None:
        event.stop()
        try:
            day = date_text(self.query_one("#next-date", Input).value, self.session.today(),
                            "next-date")
        except FieldProblem as problem:
            self.query_one("#row-next-date", FieldRow).show_error(problem.message)
            self.query_one("#next-date", Input).focus()
            return
        time_text = self.query_one("#next-time", Input).value
        try:
            start, end = parse_time_span(time_text) if time_text.strip() else (None, None)
        except TimeSpanError:
            self.query_one("#row-next-time", FieldRow).show_error(t("error.time"))
            self.query_one("#next-time", Input).focus()
            return
        assert day is not None
        place = self.query_one("#next-place", Input).value
        try:
            attempt(self.app, meetings.decide_next_meeting, self.session.ws,
                    self.session.meeting_id, day, start=start, end=end, place=place)
        except Failed:
            return
        saved(self.app)
        self.decided = self._decided()
        self.mark_current()
        self.query_one("#next-status", Static).update(self._status())
        self.focus()
