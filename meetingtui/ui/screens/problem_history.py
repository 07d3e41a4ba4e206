"""A problem's course (förlopp), `f` in the lägesbild or on an observation: when it was first
noted, how every meeting saw it (description, trend, level, status), every cause and measure
recorded on any appearance with the measures' status now, and what was merged into it.

Text, not tables: at 80 columns a table cuts the descriptions that are the point of it."""

from __future__ import annotations

from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.model import MeasureStatus
from meetingtui.services.problems import ProblemHistory
from meetingtui.ui.labels import label
from meetingtui.ui.widgets.footer import Footer

INDENT = "    "


def history_text(history: ProblemHistory, today: date) -> Text:
    """The whole course as one text: what the screen shows, and what the tests read."""
    out = Text()
    last = history.appearances[-1].observation
    meetings = len({seen.meeting_id for seen in history.appearances})
    out.append(t("problem.first_noted", date=history.first_noted.isoformat(), meetings=meetings),
               style="italic")
    out.append(" · " + label(last.status), style="bold")
    if last.confidential:
        out.append(" · " + t("problem.confidential"), style="bold")
    out.append("\n\n")
    out.append(t("problem.seen_heading") + "\n", style="bold underline")
    said: tuple[str, str] | None = None
    for seen in history.appearances:
        o = seen.observation
        marks = " S" if o.confidential else ""
        out.append(f"{seen.meeting_date.isoformat()}{marks}  ", style="bold")
        out.append(t("problem.seen_line", trend=label(o.trend), level=o.level,
                     status=label(o.status)) + "\n")
        where = " · ".join(part for part in (o.area, o.place_detail, o.category, o.source)
                           if part)
        if (where, o.description) == said:  # a problem followed for years: what changed
            out.append(f"{INDENT}{t('problem.same')}\n", style="dim")
            continue
        said = (where, o.description)
        out.append(f"{INDENT}{where}\n", style="dim")
        out.append(f"{INDENT}{o.description}\n")
    out.append("\n" + t("problem.causes_heading", count=len(history.causes)) + "\n",
               style="bold underline")
    if not history.causes:
        out.append(INDENT + t("problem.none") + "\n")
    for found in history.causes:
        cause = found.row
        out.append(f"{found.meeting_date.isoformat()}  ", style="bold")
        out.append(f"{label(cause.dimension)}: {cause.text}\n")
    out.append("\n" + t("problem.measures_heading", count=len(history.measures)) + "\n",
               style="bold underline")
    if not history.measures:
        out.append(INDENT + t("problem.none") + "\n")
    for decided in history.measures:
        measure = decided.row
        status = measure.status or MeasureStatus.NOT_STARTED
        out.append(f"{decided.meeting_date.isoformat()}  ", style="bold")
        out.append(("S " if measure.confidential else "") + measure.text + "\n")
        who = ", ".join(part for part in (measure.owner, measure.owner_org) if part)
        due = t("problem.due", date=measure.due.isoformat()) if measure.due else ""
        out.append(INDENT + " · ".join(part for part in (who, due) if part) + " · ")
        out.append(label(status), style="bold")
        if measure.overdue(today):
            out.append(" · " + t("problem.overdue"), style="bold red")
        out.append("\n")
    if history.merges:
        out.append("\n" + t("problem.merges_heading") + "\n", style="bold underline")
        for merge in history.merges:
            out.append(f"{merge.at.date().isoformat()}  ", style="bold")
            out.append(t("problem.merge_line", problem=merge.merged_problem_id,
                         by=merge.by or "–", why=merge.why or "–") + "\n")
    return out


class ProblemHistoryScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("common.back"), id="problem.close"),
        Binding("f", "close", t("common.back"), id="problem.close_f", show=False),
    ]

    def __init__(self, history: ProblemHistory, today: date) -> None:
        super().__init__(classes="observation-screen")
        self.history = history
        self.today = today

    def compose(self) -> ComposeResult:
        o = self.history.appearances[-1].observation
        with Vertical(classes="form observation-box"):
            # Plain text throughout: "[b]" typed in a description must stay as typed.
            yield Static(Text(t("problem.title", area=o.area, category=o.category)),
                         classes="form-title")
            with VerticalScroll(id="problem-history"):
                yield Static(history_text(self.history, self.today), id="problem-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#problem-history").focus()

    def action_close(self) -> None:
        self.dismiss(None)
