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
from meetingtui.ui.knowledge import BASIS_WIDTH, KIND_WIDTH, addressed, kind_lines
from meetingtui.ui.labels import label
from meetingtui.ui.session import Session
from meetingtui.ui.timing import cells, fit, flex_width, wrap
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
        ws = self.session.ws
        # The problem's, from every meeting it was seen in: a carried-over observation shows
        # what earlier meetings found and decided (marked with their date, changed there).
        history = problems.history(ws, self.observation.id)
        self.earlier = {("cause", r.row.id): r.meeting_date for r in history.causes
                        if r.row.observation_id != self.observation.id}
        self.earlier |= {("measure", r.row.id): r.meeting_date for r in history.measures
                         if r.row.meeting_id != self.session.meeting_id}
        self.causes = [r.row for r in history.causes]
        self.measures = [r.row for r in history.measures]
        width = max(44, self.size.width - 4)
        causes: DataTable[Text | str] = self.query_one("#causes", DataTable)
        causes.clear(columns=True)
        # The triangle's side and who controls it share a column, one under the other: the
        # cause's own words keep the room.
        cause_width = flex_width(width, [16, BASIS_WIDTH])
        causes.add_column(t("cause.text"), width=cause_width, key="text")
        causes.add_column(t("cause.dimension"), width=16, key="dimension")
        causes.add_column(t("measure_knowledge.basis"), width=BASIS_WIDTH, key="basis")
        for number, c in enumerate(self.causes, start=1):
            side = [label(c.dimension), *([label(c.controller)] if c.controller else [])]
            words = self._dated("cause", c.id, f"{number}. {c.text}")
            row, height = cells((words, cause_width), (side, 16),
                                (label(c.basis) if c.basis else "–", BASIS_WIDTH))
            self._dim_date("cause", c.id, row[0])
            causes.add_row(*row, height=height, key=str(c.id))
        numbers = {c.id: n for n, c in enumerate(self.causes, start=1)}
        others = lagesbild.causes_addressed(
            ws, [m for m in self.measures if not set(m.cause_ids) <= set(numbers)])
        measures: DataTable[Text | str] = self.query_one("#measures", DataTable)
        measures.clear(columns=True)
        owner_width = 16 if width < 96 else 22  # "Räddningstjänsten", "Fältsekreterare" whole
        measure_width = flex_width(width, [owner_width, 10, KIND_WIDTH])
        measures.add_column(t("measure.text"), width=measure_width, key="text")
        measures.add_column(t("measure.owner"), width=owner_width, key="owner")
        measures.add_column(t("measure.due_short"), width=10, key="due")
        measures.add_column(t("measure_knowledge.kind"), width=KIND_WIDTH, key="kind")
        for m in self.measures:
            text = wrap(self._dated("measure", m.id, ("S " if m.confidential else "") + m.text),
                        measure_width)
            said = len("\n".join(text)) + 1
            if against := addressed(m, numbers, others):
                text += wrap(against, measure_width, max_lines=3)
            row, height = cells((text, measure_width), (m.owner, owner_width),
                                (m.due.isoformat() if m.due else t("measure.missing"), 10),
                                (kind_lines(m), KIND_WIDTH))
            row[0].stylize("italic", said)  # what it addresses, set off from its words
            if m.due is None:
                row[2].stylize("bold red")
            if m.confidential:
                start = DATED if ("measure", m.id) in self.earlier else 0
                row[0].stylize("bold", start, start + 1)
            self._dim_date("measure", m.id, row[0])
            measures.add_row(*row, height=height, key=str(m.id))

    def _dated(self, kind: str, row_id: int | None, text: str) -> str:
        """The row's text; one from an earlier meeting starts with that meeting's date."""
        day = self.earlier.get((kind, row_id))
        return f"↻ {day.isoformat()} {text}" if day else text

    def _dim_date(self, kind: str, row_id: int | None, text: Text) -> None:
        if (kind, row_id) in self.earlier:
            text.stylize("dim", 0, DATED)

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
        causes = lagesbild.causes_to_offer(self.session.ws, measure)
        push_form(self.forms_owner, MeasureDialog, lambda: MeasureDialog(
            measure, people, today,
            lambda m, base: lagesbild.save_measure(self.session.ws, m, by=self.session.user(),
                                                  base=base), causes),
            lambda dialog: dialog.show(measure, people, today, causes),
            lambda _: self._after("#measures"))

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
            question = t("remove.cause_question", text=fit(cause.text, 60))
            addressing = lagesbild.measures_addressing(ws, cause)
            if addressing:  # they stay, without it: the chair is told which before saying yes
                question += " " + t("measure_knowledge.addressed_by", count=len(addressing),
                                    texts="; ".join(fit(m.text, 40) for m in addressing[:3])
                                    + ("; …" if len(addressing) > 3 else ""))
            remove_after_asking(self.app, t("remove.cause_title"), question,
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
