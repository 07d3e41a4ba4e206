"""The reports between meetings in a meeting's lägesbild (issue 16 §1): the group's waiting
reports stand apart from the observations, each marked "inrapporterad av X, datum", with the
keys that take one up, add one to the highlighted problem or reject one with a reason; those
the meeting answered stay listed with their answer."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import Observation, Report, ReportState
from meetingtui.services import reports
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.panes.base import ItemPane

REPORT_MARK = {ReportState.WAITING: "▸", ReportState.ACCEPTED: "✓", ReportState.MERGED: "↳",
               ReportState.REJECTED: "✗"}


class ReportsApart(ItemPane):
    """The part of the lägesbild's pane about reports: the pane composes `#situation-reports`
    and its observations' DataTable, and says which observation is highlighted (`current`) and
    how it reads its rows again (`reload`)."""

    # The group's reports this meeting shows (replaced, never changed in place): asked for by
    # the footer before the pane is mounted.
    reports: list[Report] = []  # noqa: RUF012

    def current(self) -> Observation | None:
        raise NotImplementedError

    def reload(self, select: int | None = None) -> None:
        raise NotImplementedError

    def show_reports(self, found: list[Report]) -> None:
        """The reports of the group apart from the observations: those waiting for this
        meeting, marked "inrapporterad av X, datum", and those it answered."""
        changed = bool(found) != bool(self.reports)
        self.reports = found
        shown = self.query_one("#situation-reports", Static)
        shown.display = bool(found)
        if changed:
            self.refresh_bindings()
        if not found:
            return
        width = max(20, self.size.width - 2)
        lines = [Text(t("reports.heading", count=len(self.waiting_reports())), style="bold")]
        for report in found:
            mark = REPORT_MARK[report.state]
            what = f"{report.area}: {report.description}"
            said = t(f"reports.state_{report.state.value or 'waiting'}",
                     by=report.reported_by or t("reports.nobody"),
                     on=f"{report.reported_at:%Y-%m-%d}", reason=report.reason)
            # One line each (the pane cuts it): what was seen, shortened so that who reported
            # it and when fit beside it where the pane is wide enough.
            room = max(24, width - len(said) - 5)
            lines.append(Text(f"{mark} {fit(' '.join(what.split()), room)} · {said}"))
        shown.update(Text("\n").join(lines))

    def waiting_reports(self) -> list[Report]:
        return [r for r in self.reports if r.state is ReportState.WAITING]

    def action_answer_report(self, how: str) -> None:
        """u / l / x: take a waiting report up as an observation of this meeting, add it to the
        highlighted problem, or reject it with a reason."""
        from meetingtui.services.reports import CannotAnswer
        from meetingtui.ui.dialogs.report_answer import Answer, ReportAnswerDialog

        waiting = self.waiting_reports()
        kept = self.current()
        if not waiting:
            return
        if how == "merge" and (kept is None or kept.id is None):
            self.app.notify(t("reports.no_problem"), severity="warning")
            return
        ws, meeting_id = self.session.ws, self.session.meeting_id
        select: list[int | None] = [kept.id if kept else None]

        def save(answer: Answer, _base: Answer | None) -> Answer:
            report = next(r for r in waiting if r.id == answer.report_id)
            try:
                if how == "accept":
                    select[0] = reports.accept(ws, report, meeting_id).id
                elif how == "merge":
                    assert kept is not None and kept.id is not None
                    reports.merge(ws, report, meeting_id, kept.id)
                else:
                    reports.reject(ws, report, meeting_id, answer.reason)
            except CannotAnswer as error:
                raise ValueError(t(f"reports.cannot_{error.reason}")) from None
            return answer

        def done(result: Answer | None) -> None:
            if result is not None:
                self.app.notify(t(f"reports.{how}_done"), timeout=3)
            # Cancelled too: another program may have answered one meanwhile (the save said so).
            self.reload(select=select[0])
            self.query_one(DataTable).focus()

        title = (t("reports.merge_title", area=kept.area, description=fit(kept.description, 40))
                 if how == "merge" and kept is not None else t(f"reports.{how}_title"))
        self.app.push_screen(ReportAnswerDialog(title, waiting, reason=how == "reject",
                                                save=save), done)

