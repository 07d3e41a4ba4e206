"""A `situation` item (lägesbild): the observations; add, edit, remove, open for causes."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.coordinate import Coordinate
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Observation, Trend
from meetingtui.services import lagesbild, problems, reports
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.labels import label
from meetingtui.ui.session import Session
from meetingtui.ui.timing import fit, flex_width, plain, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.kept_form import push_form
from meetingtui.ui.widgets.panes.base import DecisionLine
from meetingtui.ui.widgets.panes.situation_reports import ReportsApart

TREND_MARK = {Trend.NEW: "ny", Trend.RISING: "↑", Trend.UNCHANGED: "→", Trend.FALLING: "↓"}
#: The description's lines under the table (app.tcss gives the box four in all).
DESCRIPTION_LINES = 2


class ObservationTable(FixedTable[Text | str]):
    """Shows the highlighted observation's detail in the frame that moves the highlight: through
    the RowHighlighted message it came one frame later, a third of a cursor key's cost."""

    def watch_cursor_coordinate(self, old_coordinate: Coordinate,
                                new_coordinate: Coordinate) -> None:
        super().watch_cursor_coordinate(old_coordinate, new_coordinate)
        if old_coordinate != new_coordinate and isinstance(self.parent, SituationPane):
            self.parent.show_detail()


class SituationPane(ReportsApart):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "new", t("situation.new"), id="situation.new"),
        Binding("enter", "open", t("situation.open"), id="situation.open"),
        Binding("e", "edit", t("situation.edit"), id="situation.edit"),
        Binding("delete", "remove", t("situation.remove"), id="situation.remove"),
        Binding("s", "confidential", t("secret.key"), id="situation.confidential",
                tooltip=t("secret.help")),
        Binding("f", "history", t("problem.key"), id="situation.history",
                tooltip=t("problem.help")),
        Binding("i", "merge", t("problem.merge_key"), id="situation.merge",
                tooltip=t("problem.merge_help")),
        # Shown only while reports wait for this meeting (see check_action).
        Binding("u", "answer_report('accept')", t("reports.accept_key"),
                id="situation.accept_report", tooltip=t("reports.accept_help")),
        Binding("l", "answer_report('merge')", t("reports.merge_key"),
                id="situation.merge_report", tooltip=t("reports.merge_help")),
        Binding("x", "answer_report('reject')", t("reports.reject_key"),
                id="situation.reject_report", tooltip=t("reports.reject_help")),
    ]
    EDIT_ACTIONS = frozenset({"new", "edit", "remove", "decision", "confidential", "merge",
                              "answer_report"})

    def compose(self) -> ComposeResult:
        yield ObservationTable(cursor_type="row", id="observations", zebra_stripes=True)
        yield Static("", id="observation-detail")
        yield Static("", id="situation-reports")
        yield Static("", id="situation-legend", classes="hint")
        yield DecisionLine()

    shown_width: int | None = None  # the width the table was laid out for
    make_public = False  # the form's save asked to make the problem public: ask after it

    def on_mount(self) -> None:
        self.rows: list[Observation] = []
        self.counts: dict[int | None, tuple[int, int]] = {}
        self.reload()  # read now: a key may come before the pane knows its width
        self.show_item(self.item)

    def on_resize(self) -> None:
        # The columns follow the width, which a new pane learns only here: lay the rows out
        # again, without reading them again (that was half of the time `p` took to come back).
        if self.size.width != self.shown_width:
            self.fill()
            self.show_reports(self.reports)

    def reload(self, select: int | None = None) -> None:
        ws, meeting_id = self.session.ws, self.session.meeting_id
        rows = lagesbild.observations(ws, meeting_id)
        # The problem's causes and measures, from every meeting it was seen in so far: a
        # problem carried over keeps what earlier meetings found and decided.
        problem_counts = problems.counts(ws, meeting_id)
        counts: dict[int | None, tuple[int, int]] = {
            o.id: problem_counts.get(o.id or 0, (0, 0)) for o in rows}
        same_rows = [o.id for o in rows] == [o.id for o in self.rows]
        changed = [index for index, (old, new) in enumerate(zip(self.rows, rows, strict=False))
                   if old != new or self.counts.get(old.id) != counts[new.id]]
        self.rows, self.counts = rows, counts
        self.show_reports(reports.of_meeting(ws, meeting_id))
        self.mark_current()
        if same_rows and self.shown_width is not None:
            # One observation saved, or nothing changed: rewrite those rows, not all 200 (if
            # the width changed while the pane was hidden, the resize lays them out again).
            for index in changed:
                self._update_row(index)
            self._select(select, self.query_one(DataTable).cursor_row)
            self.show_detail()
        elif not self.size.width:  # new, or hidden: the resize that shows it fills the table
            self.shown_width = None
        else:
            self.fill(select)

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        self.show_item(item)
        return True

    def _layout(self) -> tuple[bool, int, int]:
        """Whether all columns fit, the width of the side columns and of the description."""
        width = max(44, self.size.width)
        wide = width >= 88  # at 80×24 the pane is ~53 cells: fewer, merged columns
        side = 14 if wide else 9
        fixed = [2, side, side, 16, 3, 3, 3] if wide else [2, side, side, 5]
        return wide, side, flex_width(width, fixed)

    def _cells(self, index: int) -> list[Text | str]:
        wide, side, text_width = self._layout()
        o = self.rows[index]
        causes, measures = self.counts[o.id]
        marks = ("↻" if o.carried_over_from else " ") + ("S" if o.confidential else " ")
        # Plain text, never markup: "[b]" typed in a description would otherwise vanish.
        cells: list[Text | str] = [str(index + 1), plain(fit(o.area, side)),
                                   plain(fit(o.category, side)),
                                   plain(fit(o.description, text_width))]
        if wide:
            cells += [plain(fit(o.source, 16)), TREND_MARK[o.trend],
                      f"{causes}/{measures}"[:3], Text(marks, style="bold")]
        else:
            cells.append(Text(f"{TREND_MARK[o.trend]:<3}{marks}"[:5], style="bold"))
        return cells

    def _update_row(self, index: int) -> None:
        table: DataTable[Text | str] = self.query_one(DataTable)
        row_key = str(self.rows[index].id)
        for column, value in zip(table.ordered_columns, self._cells(index), strict=True):
            table.update_cell(row_key, column.key, value)

    def _select(self, select: int | None, cursor: int) -> None:
        """The cursor on the observation `select`, else left at row `cursor`."""
        if self.rows:
            index = next((i for i, o in enumerate(self.rows) if o.id == select), cursor)
            self.query_one(DataTable).move_cursor(row=min(index, len(self.rows) - 1))

    def fill(self, select: int | None = None) -> None:
        """The table from the rows read last, in columns that fit the pane's width."""
        table: DataTable[Text | str] = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        self.shown_width = self.size.width
        wide, side, text_width = self._layout()
        table.add_column("#", width=2, key="no")
        table.add_column(t("observation.area"), width=side, key="area")
        table.add_column(t("observation.category"), width=side, key="category")
        table.add_column(t("observation.description"), width=text_width, key="description")
        if wide:
            table.add_column(t("observation.source"), width=16, key="source")
            table.add_column(t("observation.trend_short"), width=3, key="trend")
            table.add_column(t("situation.counts"), width=3, key="counts")
            table.add_column("", width=3, key="marks")
        else:
            table.add_column(t("observation.trend_short"), width=5, key="trend")
        for index, o in enumerate(self.rows):
            table.add_row(*self._cells(index), key=str(o.id))
        self._select(select, cursor)
        self.show_detail()
        self.query_one("#situation-legend", Static).update(
            t("situation.legend") if self.rows else t("situation.empty"))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "answer_report" and not self.waiting_reports():
            return False  # no report waits: the keys leave the footer
        return super().check_action(action, parameters)

    def show_detail(self) -> None:
        """The highlighted observation in full: the table cuts long text at 80 columns."""
        o = self.current()
        detail = self.query_one("#observation-detail", Static)
        # Its height is fixed (app.tcss), so a new row's text needs no new layout: a cursor
        # move repaints two rows and these lines, in one frame fewer.
        if o is None:
            detail.update("", layout=False)
            return
        n_causes, n_measures = self.counts.get(o.id, (0, 0))
        where = " · ".join(part for part in (o.area, o.place_detail, o.category, o.source) if part)
        # Four lines: a long description (a report merged into it) pushed the counts out of
        # the box and was cut mid-word; now it takes two lines, "…" when there is more.
        width = max(detail.content_size.width, 20)
        detail.update(Text.assemble(
            (fit(where, width), "bold"), "\n",
            "\n".join(wrap(" – ".join(o.description.split("\n\n")), width,
                           max_lines=DESCRIPTION_LINES)), "\n",
            (fit(t("situation.detail", causes=n_causes, measures=n_measures,
                   trend=label(o.trend), level=o.level), width), "italic")), layout=False)

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def current(self) -> Observation | None:
        if not self.rows:
            return None
        return self.rows[self.query_one(DataTable).cursor_row]

    def action_new(self) -> None:
        self._form(Observation.model_construct(meeting_id=self.session.meeting_id,
                                               area="", description=""))

    def action_edit(self) -> None:
        if (observation := self.current()) is not None:
            self._form(observation)

    def _form(self, observation: Observation) -> None:
        from meetingtui.ui.dialogs.observation import ObservationDialog

        self.make_public = False

        def done(result: Observation | None) -> None:
            if result is not None:
                self.reload(select=result.id)
                if self.make_public:
                    self.ask_public(result)
            self.query_one(DataTable).focus()

        push_form(self, ObservationDialog, lambda: ObservationDialog(
            observation, self.session.categories(), self.save_observation),
            lambda dialog: dialog.show(observation), done)

    def save_observation(self, edited: Observation, base: Observation | None) -> Observation:
        """The form's fields, saved on top of the row it showed; the confidential flag only by
        itself on purpose: marking now, making public again after a question."""
        ws = self.session.ws
        if base is None:
            return lagesbild.save_observation(ws, edited)
        stored = lagesbild.save_observation(ws, edited, base=base)
        assert stored.id is not None
        if edited.confidential and not base.confidential:
            stored = lagesbild.set_confidential(ws, stored.id, True, by=self.session.user(),
                                                base=base)
        self.make_public = base.confidential and not edited.confidential
        return stored

    def action_confidential(self) -> None:
        """`s`: mark the highlighted problem confidential, or ask to make it public again."""
        observation = self.current()
        if observation is None or observation.id is None:
            return
        if observation.confidential:
            self.ask_public(observation)
            return
        try:
            attempt(self.app, lagesbild.set_confidential, self.session.ws, observation.id, True,
                    by=self.session.user(), base=observation)
        except Failed:
            return
        self.app.notify(t("secret.marked"), timeout=3)
        self.reload(select=observation.id)

    def ask_public(self, observation: Observation) -> None:
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        def answer(yes: bool | None) -> None:
            if not yes or observation.id is None:
                return
            try:
                attempt(self.app, lagesbild.set_confidential, self.session.ws, observation.id,
                        False, by=self.session.user(), reason=t("secret.public_reason"),
                        base=observation)
            except Failed:
                return
            self.app.notify(t("secret.made_public"), timeout=3)
            self.reload(select=observation.id)

        self.app.push_screen(ConfirmDialog(t("secret.public_title"), t(
            "secret.public_question", area=observation.area), default=False), answer)

    def action_open(self) -> None:
        from meetingtui.ui.screens.observation import ObservationScreen

        if (observation := self.current()) is not None:
            self.app.push_screen(ObservationScreen(self.session, observation, self),
                                 lambda _: self.reload(select=observation.id))

    def action_history(self) -> None:
        """f: the highlighted problem's course, every meeting it was seen in."""
        observation = self.current()
        if observation is not None and observation.id is not None:
            show_history(self.app, self.session, observation.id)

    def action_merge(self) -> None:
        """i: the highlighted observation is the same problem as another of this meeting."""
        from meetingtui.ui.dialogs.merge import MergeDialog, MergeRequest

        kept = self.current()
        others = [o for o in self.rows if kept is not None and o.id != kept.id]
        if kept is None:
            return
        if not others:
            self.app.notify(t("problem.merge_none"), severity="warning")
            return

        def save(request: MergeRequest, _base: MergeRequest | None) -> MergeRequest:
            merged = next(o for o in others if o.id == request.merged_id)
            problems.merge(self.session.ws, kept, merged, by=self.session.user(),
                           why=request.why)
            return request

        def done(result: MergeRequest | None) -> None:
            if result is not None:
                self.app.notify(t("problem.merged"), timeout=3)
                self.reload(select=kept.id)
            self.query_one(DataTable).focus()

        self.app.push_screen(MergeDialog(kept, others, save), done)

    def action_remove(self) -> None:
        from meetingtui.ui.removal import remove_after_asking

        observation = self.current()
        if observation is None:
            return
        remove_after_asking(
            self.app, t("situation.remove_title"),
            t("situation.remove_question", area=observation.area,
              description=fit(observation.description, 60)) + "\n" + t("remove.observation_with"),
            lambda: lagesbild.remove_observation(self.session.ws, observation), self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open()


def show_history(app: App[None], session: Session, observation_id: int) -> None:
    """The problem's course over the current screen."""
    from meetingtui.ui.screens.problem_history import ProblemHistoryScreen

    try:
        history = attempt(app, problems.history, session.ws, observation_id)
    except Failed:
        return
    app.push_screen(ProblemHistoryScreen(history, session.today()))
