"""One observation opened: its causes (on the problem triangle) and its measures."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import Cause, Measure, MeasureType, Observation
from meetingtui.services import lagesbild, problems
from meetingtui.ui.labels import label
from meetingtui.ui.session import Session
from meetingtui.ui.timing import fit, flex_width, plain
from meetingtui.ui.widgets.footer import Footer
from meetingtui.ui.widgets.kept_form import push_form

#: "↻ 2026-09-09 " before a row from an earlier meeting.
DATED = 13


class ObservationScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "new_cause", t("cause.new"), id="observation.new_cause"),
        Binding("a", "new_measure", t("measure.new"), id="observation.new_measure"),
        Binding("enter", "edit", t("common.edit"), id="observation.edit_row"),
        Binding("delete", "remove", t("common.remove"), id="observation.remove_row"),
        Binding("f", "history", t("problem.key"), id="observation.history",
                tooltip=t("problem.help")),
        Binding("escape", "close", t("common.back"), id="observation.close"),
    ]

    def __init__(self, session: Session, observation: Observation, forms_owner: Widget) -> None:
        """`forms_owner` keeps the cause and measure forms: this screen is built for each
        observation, the lägesbild's pane lives as long as the meeting."""
        super().__init__(classes="observation-screen")
        self.session = session
        self.observation = observation
        self.forms_owner = forms_owner

    def compose(self) -> ComposeResult:
        o = self.observation
        with Vertical(classes="form observation-box"):
            yield Static(fit(f"{o.area} · {o.category} · {o.description}", 200),
                         classes="form-title")
            yield Static(t("cause.heading"), classes="table-title")
            yield DataTable(cursor_type="row", id="causes")
            yield Static(t("measure.heading"), classes="table-title")
            yield DataTable(cursor_type="row", id="measures")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#causes").focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.session.readonly
                    and action in ("new_cause", "new_measure", "edit", "remove"))

    def reload(self) -> None:
        assert self.observation.id is not None
        # The problem's, from every meeting it was seen in: a carried-over observation shows
        # what earlier meetings found and decided (marked with their date, changed there).
        history = problems.history(self.session.ws, self.observation.id)
        self.earlier = {("cause", r.row.id): r.meeting_date for r in history.causes
                        if r.row.observation_id != self.observation.id}
        self.earlier |= {("measure", r.row.id): r.meeting_date for r in history.measures
                         if r.row.meeting_id != self.session.meeting_id}
        self.causes = [r.row for r in history.causes]
        self.measures = [r.row for r in history.measures]
        width = max(44, self.size.width - 4)
        causes: DataTable[Text | str] = self.query_one("#causes", DataTable)
        causes.clear(columns=True)
        cause_width = flex_width(width, [16, 12])
        causes.add_column(t("cause.text"), width=cause_width, key="text")
        causes.add_column(t("cause.dimension"), width=16, key="dimension")
        causes.add_column(t("cause.controller"), width=12, key="controller")
        for c in self.causes:
            causes.add_row(self._dated("cause", c.id, c.text, cause_width), label(c.dimension),
                           label(c.controller) if c.controller else "–", key=str(c.id))
        measures: DataTable[Text | str] = self.query_one("#measures", DataTable)
        measures.clear(columns=True)
        measure_width = flex_width(width, [14, 10, 12])
        measures.add_column(t("measure.text"), width=measure_width, key="text")
        measures.add_column(t("measure.owner"), width=14, key="owner")
        measures.add_column(t("measure.due"), width=10, key="due")
        measures.add_column(t("measure.type"), width=12, key="type")
        for m in self.measures:
            due = Text(m.due.isoformat(), style="") if m.due else Text(
                t("measure.missing"), style="bold red")
            text = self._dated("measure", m.id, ("S " if m.confidential else "") + m.text,
                               measure_width)
            if m.confidential:
                start = DATED if ("measure", m.id) in self.earlier else 0
                text.stylize("bold", start, start + 1)
            measures.add_row(text, plain(fit(m.owner, 14)), due, label(m.type), key=str(m.id))

    def _dated(self, kind: str, row_id: int | None, text: str, width: int) -> Text:
        """The row's text; one from an earlier meeting starts with that meeting's date."""
        day = self.earlier.get((kind, row_id))
        shown = plain(fit((f"↻ {day.isoformat()} " if day else "") + text, width))
        if day:
            shown.stylize("dim", 0, DATED)
        return shown

    def earlier_row(self, kind: str, row: Cause | Measure) -> bool:
        """A row from an earlier meeting is changed there: say so instead of opening it."""
        day = self.earlier.get((kind, row.id))
        if day is not None:
            self.app.notify(t("problem.earlier_row", date=day.isoformat()), timeout=5)
        return day is not None

    def action_history(self) -> None:
        from meetingtui.ui.widgets.panes.situation import show_history

        assert self.observation.id is not None
        show_history(self.app, self.session, self.observation.id)

    def _focused_table(self) -> str:
        focused = self.focused
        return focused.id if isinstance(focused, DataTable) and focused.id else "causes"

    def action_new_cause(self) -> None:
        assert self.observation.id is not None
        self._cause(Cause.model_construct(observation_id=self.observation.id, text=""))

    def action_new_measure(self) -> None:
        template = self.session.template  # SSPF's measures are social unless changed
        self._measure(Measure.model_construct(
            meeting_id=self.session.meeting_id, text="", owner="",
            observation_id=self.observation.id,
            type=template.measure_type if template else MeasureType.SITUATIONAL))

    def action_edit(self) -> None:
        table = self._focused_table()
        rows: list[Cause] | list[Measure] = self.causes if table == "causes" else self.measures
        if not rows:
            return
        row = rows[self.query_one(f"#{table}", DataTable).cursor_row]
        if self.earlier_row("cause" if isinstance(row, Cause) else "measure", row):
            return
        if isinstance(row, Cause):
            self._cause(row)
        else:
            self._measure(row)

    def _cause(self, cause: Cause) -> None:
        from meetingtui.ui.dialogs.cause import CauseDialog

        push_form(self.forms_owner, CauseDialog, lambda: CauseDialog(
            cause, lambda c, base: lagesbild.save_cause(self.session.ws, c, base=base)),
            lambda dialog: dialog.show(cause), lambda _: self._after("#causes"))

    def _measure(self, measure: Measure) -> None:
        from meetingtui.ui.dialogs.measure import MeasureDialog

        people, today = self.session.people(), self.session.today()
        push_form(self.forms_owner, MeasureDialog, lambda: MeasureDialog(
            measure, people, today,
            lambda m, base: lagesbild.save_measure(self.session.ws, m, by=self.session.user(),
                                                  base=base)),
            lambda dialog: dialog.show(measure, people, today), lambda _: self._after("#measures"))

    def _after(self, table: str) -> None:
        self.reload()
        self.query_one(table).focus()

    def action_remove(self) -> None:
        from meetingtui.ui.removal import remove_after_asking

        table = self._focused_table()
        rows: list[Cause] | list[Measure] = self.causes if table == "causes" else self.measures
        if not rows:
            return
        row = rows[self.query_one(f"#{table}", DataTable).cursor_row]
        if self.earlier_row("cause" if isinstance(row, Cause) else "measure", row):
            return
        ws = self.session.ws
        if isinstance(row, Cause):
            cause = row
            remove_after_asking(self.app, t("remove.cause_title"),
                                t("remove.cause_question", text=fit(cause.text, 60)),
                                lambda: lagesbild.remove_cause(ws, cause), self.reload)
        else:
            measure = row
            remove_after_asking(self.app, t("remove.measure_title"), t(
                "remove.measure_question", text=fit(measure.text, 60), owner=measure.owner),
                lambda: lagesbild.remove_measure(ws, measure), self.reload)

    def action_close(self) -> None:
        self.dismiss(None)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly:
            self.action_edit()
