"""Report an observation to a group's next meeting from the home screen (`r`, Rapportera): the
lägesbild's observation fields, who reports and when, without starting any meeting."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, datetime

from meetingtui.i18n import t
from meetingtui.model import Report
from meetingtui.ui.dialogs.observation import observed_rows
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow, date_echo, date_text
from meetingtui.ui.widgets.form import FormDialog, text_input

FIELDS = ("area", "place_detail", "category", "description", "source", "confidential",
          "reported_by")


class ReportDialog(FormDialog[Report]):
    def __init__(self, draft: Report, group_name: str, categories: list[str], now: datetime,
                 save: Callable[[Report, Report | None], Report]) -> None:
        super().__init__(save)
        self.draft = draft
        self.categories = categories
        self.now = now
        self.title = t("reports.title", group=group_name)

    @property
    def today(self) -> date:
        return self.now.date()

    def rows(self) -> Iterable[FieldRow]:
        r = self.draft
        yield from observed_rows(r, self.categories)
        yield FieldRow("confidential", t("common.confidential"),
                       Choice([(t("common.no"), False), (t("common.yes"), True)],
                              r.confidential, id="confidential"))
        yield FieldRow("reported_by", t("reports.by"),
                       text_input(r.reported_by, id="reported_by",
                                  placeholder=t("reports.by_hint")))
        yield FieldRow("reported_at", t("reports.at"),
                       text_input(r.reported_at.date().isoformat(), id="reported_at",
                                  echo=lambda text: date_echo(text, self.today)))

    def build(self) -> Report:
        values = self.draft.model_dump()
        for name in FIELDS:
            values[name] = self.value(name)
        day = self.parsed(lambda: date_text(self.value("reported_at"), self.today,
                                            "reported_at"))
        # The day it was seen; reported now, the time is now's.
        values["reported_at"] = datetime.combine(day or self.today, self.now.time())
        return Report.model_validate(values)
