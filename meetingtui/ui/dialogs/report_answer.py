"""Answer a report in the meeting's lägesbild: which of the waiting reports, and for a
rejection, why (`u` take it up, `l` add it to the highlighted problem, `x` reject)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pydantic import BaseModel

from meetingtui.i18n import t
from meetingtui.model import Line, Report
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class Answer(BaseModel):
    report_id: int
    reason: Line = ""


def report_line(report: Report, width: int = 60) -> str:
    """A report as a choice shows it: where, what, and who reported it when."""
    return fit(f"{report.area} · {report.description} · "
               + t("reports.by_on", by=report.reported_by or t("reports.nobody"),
                   on=f"{report.reported_at:%Y-%m-%d}"), width)


class ReportAnswerDialog(FormDialog[Answer]):
    def __init__(self, title: str, waiting: list[Report], *, reason: bool,
                 save: Callable[[Answer, Answer | None], Answer]) -> None:
        super().__init__(save)
        self.title = title
        self.waiting = waiting
        self.asks_reason = reason

    def rows(self) -> Iterable[FieldRow]:
        choices = [(report_line(r), r.id) for r in self.waiting if r.id is not None]
        yield FieldRow("report_id", t("reports.which"),
                       Choice(choices, choices[0][1], id="report_id"))
        if self.asks_reason:
            yield FieldRow("reason", t("reports.reason"),
                           text_input("", id="reason", placeholder=t("reports.reason_hint")))

    def build(self) -> Answer:
        reason = self.value("reason") if self.asks_reason else ""
        if self.asks_reason and not reason.strip():
            raise FieldProblem("reason", t("reports.reason_missing"))
        return Answer.model_validate({"report_id": self.value("report_id"), "reason": reason})
