"""A `proposals` item (issue 16 §3). Above: the proposals this meeting makes to the body its
template names (`a` adds one, Enter edits, Del removes). Below, when the meeting's group is
itself a body others propose to: the proposals waiting for it, `d` decides the one under the
cursor (the meeting's date), `x` rejects it with a reason. Tab moves between the two lists."""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Measure, MeasureType, ProposalState
from meetingtui.services import lagesbild, proposals
from meetingtui.ui.session import Session
from meetingtui.ui.timing import cells, fit, flex_width, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.kept_form import push_form
from meetingtui.ui.widgets.panes.base import DataPane, DecisionLine
from meetingtui.ui.widgets.panes.columns import DUE_WIDTH, owner_of

STATE_WIDTH = 12


def say_answered(app: App[Any], conflict: Exception) -> None:
    """A proposal someone else answered since it was shown: what they did, nothing changed."""
    theirs = getattr(conflict, "theirs", None)
    state = getattr(theirs, "proposal", "")
    day = getattr(theirs, "proposal_decided_on", None)
    app.notify(t("proposals.answered_meanwhile", state=t(f"proposals.state_{state or 'none'}"),
                 day=day.isoformat() if day else "–"),
               title=t("error.not_saved"), severity="error", timeout=10)


class ProposalsPane(DataPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "new", t("proposals.new"), id="proposals.new"),
        Binding("enter", "edit", t("common.edit"), id="proposals.edit", show=False),
        Binding("delete", "remove", t("common.remove"), id="proposals.remove", show=False),
        Binding("d", "answer(True)", t("proposals.decide"), id="proposals.decide"),
        Binding("x", "answer(False)", t("proposals.reject"), id="proposals.reject"),
    ]
    EDIT_ACTIONS = frozenset({"new", "edit", "remove", "answer", "decision"})
    DEFAULT_CSS = """
    ProposalsPane #proposals-made { height: auto; max-height: 45%; }
    ProposalsPane #proposals-received { height: 1fr; }
    """

    def compose(self) -> ComposeResult:
        yield Static("", id="proposals-made-title", classes="area-label")
        yield FixedTable(cursor_type="row", id="proposals-made")
        yield Static("", id="proposals-received-title", classes="area-label")
        yield FixedTable(cursor_type="row", id="proposals-received")
        yield DecisionLine()

    def __init__(self, session: Session, item: AgendaItem) -> None:
        super().__init__(session, item)
        self.made: list[Measure] = []  # proposals this meeting made to `body`
        self.received: list[Measure] = []  # proposals made to this meeting's group
        self.origins: dict[int, str] = {}  # measure id → the proposing group's short name
        self.body = ""  # the body this item proposes to (the template's `body=`)

    def reload(self) -> None:
        session = self.session
        self.body = proposals.body_of(session.ws, session.group, self.item)
        self.made = proposals.made_in(session.ws, session.meeting_id)
        self.received = proposals.for_body(session.ws, session.meeting, session.group)
        self.origins = proposals.origins(session.ws, self.received)
        self.mark_current()
        self.fill_when_shown()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("new", "edit", "remove") and not self.body:
            return False
        if action == "answer" and not self.received:
            return False
        return super().check_action(action, parameters)

    def fill(self) -> None:
        self.shown_width = self.size.width
        width = max(44, self.size.width)
        text_width = flex_width(width, [DUE_WIDTH, STATE_WIDTH])
        made_title = self.query_one("#proposals-made-title", Static)
        made: DataTable[Text] = self.query_one("#proposals-made", DataTable)
        made_title.update(t("proposals.made", body=self.body) if self.body else "")
        made.display = made_title.display = bool(self.body)
        self._fill(made, self.made, text_width, lambda m: "")
        received_title = self.query_one("#proposals-received-title", Static)
        received: DataTable[Text] = self.query_one("#proposals-received", DataTable)
        received_title.update(t("proposals.received", body=self.session.group.short,
                                count=len(self.received)))
        received.display = bool(self.received)
        received_title.display = bool(self.received) or not self.body
        self._fill(received, self.received, text_width,
                   lambda m: t("proposals.from", group=self.origins.get(m.id or 0, "")))
        if not self.body and not self.received:
            received_title.update(t("proposals.none_received", body=self.session.group.short))

    def _fill(self, table: DataTable[Text], rows: list[Measure], text_width: int,
              origin: Any) -> None:
        cursor = table.cursor_row
        table.clear(columns=True)
        table.add_column(t("measure.text"), width=text_width)
        table.add_column(t("measure.due_short"), width=DUE_WIDTH)
        table.add_column(t("proposals.state"), width=STATE_WIDTH)
        for m in rows:
            text = wrap(("S " if m.confidential else "") + m.text, text_width, max_lines=3)
            who = " · ".join(p for p in (origin(m), owner_of(m)) if p)
            text += wrap(who, text_width, max_lines=1)
            if m.proposal is ProposalState.REJECTED and m.proposal_reason:
                text += wrap("↳ " + m.proposal_reason, text_width, max_lines=2)
            line, height = cells((text, text_width),
                                 (m.due.isoformat() if m.due else "–", DUE_WIDTH),
                                 (t(f"proposals.state_{m.proposal.value or 'none'}"),
                                  STATE_WIDTH))
            table.add_row(*line, height=height, key=str(m.id))
        if rows:
            table.move_cursor(row=min(max(cursor, 0), len(rows) - 1))

    def main_widget(self) -> Widget | None:
        """The table of proposals, or the pane itself while the table is hidden for having
        none: focus on a hidden table is lost, and the footer with it."""
        if self.body:
            return self.query_one("#proposals-made", DataTable) if self.made else self
        return self.query_one("#proposals-received", DataTable) if self.received else self

    # --- made here -----------------------------------------------------------------------------

    def action_new(self) -> None:
        template = self.session.template
        self._form(Measure.model_construct(
            meeting_id=self.session.meeting_id, text="", owner="",
            type=template.measure_type if template else MeasureType.SITUATIONAL,
            proposed_to=self.body, proposal=ProposalState.PROPOSED))

    def action_edit(self) -> None:
        table = self.query_one("#proposals-made", DataTable)
        if self.made and table.has_focus:
            self._form(self.made[table.cursor_row])

    def _form(self, measure: Measure) -> None:
        from meetingtui.ui.dialogs.measure import MeasureDialog

        def done(result: Measure | None) -> None:
            self.reload()
            self.query_one("#proposals-made", DataTable).focus()

        def save(m: Measure, base: Measure | None) -> Measure:
            # What the form built, kept a proposal to this item's body.
            m = m.model_copy(update={"proposed_to": measure.proposed_to or self.body,
                                     "proposal": measure.proposal or ProposalState.PROPOSED})
            return lagesbild.save_measure(self.session.ws, m, by=self.session.user(), base=base)

        people, today = self.session.people(), self.session.today()
        causes, places = proposals.causes_to_offer(self.session.ws, measure)
        push_form(self, MeasureDialog,
                  lambda: MeasureDialog(measure, people, today, save, causes, places),
                  lambda dialog: dialog.show(measure, people, today, causes, places), done)

    def action_remove(self) -> None:
        from meetingtui.ui.removal import remove_after_asking

        table = self.query_one("#proposals-made", DataTable)
        if not self.made or not table.has_focus:
            return
        measure = self.made[table.cursor_row]
        remove_after_asking(
            self.app, t("remove.measure_title"),
            t("remove.measure_question", text=fit(measure.text, 60), owner=measure.owner),
            lambda: lagesbild.remove_measure(self.session.ws, measure), self.reload)

    # --- made to this group --------------------------------------------------------------------

    def action_answer(self, decided: bool) -> None:
        from meetingtui.services.errors import Conflict
        from meetingtui.ui.errors import Failed, attempt_showing_conflicts, saved

        if not self.received:
            return
        table = self.query_one("#proposals-received", DataTable)
        measure = self.received[table.cursor_row]
        if measure.proposal is not ProposalState.PROPOSED:
            self.app.notify(t("proposals.already", state=t(
                f"proposals.state_{measure.proposal.value}")), severity="warning", timeout=6)
            return
        session = self.session

        def answer(reason: str = "") -> Measure:
            return proposals.answer(session.ws, measure, decided=decided,
                                    day=session.meeting.date, meeting_id=session.meeting_id,
                                    reason=reason)

        if decided:
            try:
                attempt_showing_conflicts(self.app, answer)
            except Failed:
                return
            except Conflict as conflict:
                say_answered(self.app, conflict)
                self.reload()
                return
            saved(self.app)
            self.reload()
            return
        from meetingtui.ui.dialogs.reject import RejectDialog

        def done(result: str | None) -> None:
            self.reload()
            table.focus()

        self.app.push_screen(RejectDialog(measure, lambda reason, _base: (
            answer(reason), reason)[1]), done)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        if not self.session.readonly and event.data_table.id == "proposals-made":
            self.action_edit()
