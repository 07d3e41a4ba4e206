"""A meeting's details: date, time, place and the three roles the minutes name (ordförande,
sekreterare, justerare). Planning a meeting starts from them; `m` on the meeting screen edits
them later (on a closed meeting the change is recorded as an amendment by the service)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from meetingtui.dates import parse_time
from meetingtui.i18n import t
from meetingtui.model import Meeting
from meetingtui.ui.widgets.form import (
    FieldProblem,
    FieldRow,
    FormDialog,
    date_echo,
    date_text,
    text_input,
)


class MeetingDetailsDialog(FormDialog[Meeting]):
    def __init__(self, meeting: Meeting, today: date, save: Callable[[Meeting], Meeting],
                 title: str) -> None:
        super().__init__(save)
        self.meeting = meeting
        self.today = today
        self.title = title

    def rows(self) -> Iterable[FieldRow]:
        m = self.meeting
        yield FieldRow("date", t("plan.date"), text_input(
            m.date.isoformat(), id="date", placeholder=t("form.date_example"),
            echo=lambda text: date_echo(text, self.today)))
        yield FieldRow("start", t("plan.time"),
                       text_input(m.start.strftime("%H:%M") if m.start else "", id="start",
                                  placeholder="9:00"))
        yield FieldRow("place", t("plan.place"), text_input(m.place, id="place"))
        yield FieldRow("chair", t("plan.chair"), text_input(m.chair, id="chair"))
        yield FieldRow("secretary", t("plan.secretary"), text_input(m.secretary, id="secretary"))
        yield FieldRow("adjuster", t("plan.adjuster"), text_input(m.adjuster, id="adjuster"))

    def build(self) -> Meeting:
        day_text, time_text = self.value("date"), self.value("start")
        day = self.parsed(lambda: date_text(day_text, self.today, "date"))
        start = self.parsed(lambda: _time(time_text))
        return Meeting.model_validate({
            **self.meeting.model_dump(), "date": day or self.meeting.date, "start": start,
            "place": self.value("place"), "chair": self.value("chair"),
            "secretary": self.value("secretary"), "adjuster": self.value("adjuster"),
        })


def _time(text: str) -> object:
    if not text.strip():
        return None
    try:
        return parse_time(text)
    except ValueError:
        raise FieldProblem("start", t("error.time")) from None
