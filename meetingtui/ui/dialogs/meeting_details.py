"""A meeting's details: date, time, place and the three roles the minutes name (ordförande,
sekreterare, justerare). Planning a meeting starts from them; `m` on the meeting screen edits
them later (on a closed meeting the change is recorded as an amendment by the service).

The one Tid field holds the start and, if given, the end: "13:00–14:30", "13-14.30",
"kl. 13–14.30" or just "9:00"; under it the form says what it understood ("→ 13.00–14.30")."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, time

from meetingtui.dates import TimeSpanError, parse_time_span, say_time, span_text
from meetingtui.i18n import language, t
from meetingtui.model import Meeting
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow, date_echo, date_text, time_echo
from meetingtui.ui.widgets.form import FormDialog, text_input


class MeetingDetailsDialog(FormDialog[Meeting]):
    #: What a protokoll needs beside (issue 14 §6): the diarienummer, when and where the minutes
    #: are justerade, whom they are sent to. Asked on `m`, not when planning.
    RECORD_FIELDS = ("dnr", "justering", "expedieras")

    def __init__(self, meeting: Meeting, today: date,
                 save: Callable[[Meeting, Meeting | None], Meeting],
                 title: str, *, record_fields: bool = True) -> None:
        super().__init__(save, meeting if meeting.id is not None else None)
        self.meeting = meeting
        self.today = today
        self.title = title
        self.record_fields = record_fields

    def rows(self) -> Iterable[FieldRow]:
        m = self.meeting
        yield FieldRow("date", t("plan.date"), text_input(
            m.date.isoformat(), id="date", placeholder=t("form.date_example"),
            echo=lambda text: date_echo(text, self.today)))
        yield FieldRow("time", t("plan.time"), text_input(
            span_text(m.start, m.end, language()), id="time", placeholder=t("form.time_example"),
            echo=time_echo))
        yield FieldRow("place", t("plan.place"), text_input(m.place, id="place"))
        yield FieldRow("chair", t("plan.chair"), text_input(m.chair, id="chair"))
        yield FieldRow("secretary", t("plan.secretary"), text_input(m.secretary, id="secretary"))
        yield FieldRow("adjuster", t("plan.adjuster"), text_input(m.adjuster, id="adjuster"))
        if self.record_fields:
            yield FieldRow("dnr", t("record.dnr"), text_input(
                m.dnr, id="dnr", placeholder=t("record.dnr_example")))
            yield FieldRow("justering", t("record.justering"), text_input(
                m.justering, id="justering", placeholder=t("record.justering_example")))
            yield FieldRow("expedieras", t("record.expedieras"), text_input(
                "; ".join(m.expedieras.splitlines()), id="expedieras",
                placeholder=t("record.expedieras_example")))

    def build(self) -> Meeting:
        day_text, time_text = self.value("date"), self.value("time")
        day = self.parsed(lambda: date_text(day_text, self.today, "date"))
        start, end = self.parsed(lambda: self._times(time_text)) or (None, None)
        return Meeting.model_validate({
            **self.meeting.model_dump(), "date": day or self.meeting.date, "start": start,
            "end": end, "place": self.value("place"), "chair": self.value("chair"),
            "secretary": self.value("secretary"), "adjuster": self.value("adjuster"),
            **({"dnr": self.value("dnr"), "justering": self.value("justering"),
                "expedieras": "\n".join(part.strip() for part in
                                         self.value("expedieras").split(";") if part.strip())}
               if self.record_fields else {}),
        })

    def _times(self, text: str) -> tuple[time | None, time | None]:
        m = self.meeting
        if text == span_text(m.start, m.end, language()):
            # As shown: the meeting's own times, with their seconds (a meeting started at
            # 9:00:41) and an end without a start, which the field cannot show.
            return m.start, m.end
        if not text.strip():
            return None, None
        try:
            return parse_time_span(text)
        except TimeSpanError as error:
            if error.reason == "order" and error.start is not None and error.end is not None:
                lang = language()
                raise FieldProblem("time", t("error.time_order",
                                             start=say_time(error.start, lang),
                                             end=say_time(error.end, lang))) from None
            raise FieldProblem("time", t("error.time")) from None
