"""Follow up one earlier measure: its new status and a comment, recorded as an update."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from textual.widget import Widget

from meetingtui.i18n import t
from meetingtui.model import Measure, MeasureStatus, MeasureUpdate
from meetingtui.ui.labels import options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class FollowupDialog(FormDialog[MeasureUpdate]):
    def __init__(self, measure: Measure, status: MeasureStatus, now: datetime,
                 save: Callable[[MeasureUpdate, MeasureUpdate | None], MeasureUpdate]) -> None:
        super().__init__(save)
        self.measure = measure
        self.status = status
        self.now = now
        self.title = t("followup.title", text=measure.text[:60], owner=measure.owner)

    def show(self, measure: Measure, status: MeasureStatus, now: datetime) -> None:
        """The same form for another measure: see FormDialog.refill."""
        self.measure, self.status, self.now = measure, status, now
        self.refill(t("followup.title", text=measure.text[:60], owner=measure.owner),
                    {"new_status": status, "comment": ""})

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("new_status", t("followup.status"),
                       Choice(options(MeasureStatus), self.status, id="new_status"))
        yield FieldRow("comment", t("followup.comment"), text_input(id="comment"))

    def first_field(self) -> Widget | None:
        return self.query_one("#comment")  # the status came with the key that opened this

    def build(self) -> MeasureUpdate:
        assert self.measure.id is not None
        return MeasureUpdate(measure_id=self.measure.id, at=self.now,
                             old_status=self.measure.status,
                             new_status=self.value("new_status"), comment=self.value("comment"))
