"""An `agreements` item: the medborgarlöften and samverkansöverenskommelser in force on the
meeting's date, each with its commitments and linked measures; d/i/x/u set the status of the
commitment under the cursor, a adds one. Under the table, the item's notes and decision as a
text item has them (`e`, `b`): what the group says about the agreements is written there."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import date
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import (
    AgendaItem,
    Agreement,
    AgreementDetail,
    Commitment,
    Measure,
    MeasureStatus,
)
from meetingtui.services import agreements
from meetingtui.ui.labels import label
from meetingtui.ui.timing import cells, fit, wrap
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.panes.columns import (
    DUE_WIDTH,
    STATUS_WIDTH,
    measure_columns,
    owner_of,
)
from meetingtui.ui.widgets.panes.text import TextPane

#: Saves what the commitment form holds (and the commitment as it read it, when correcting).
SaveCommitment = Callable[[Commitment, Commitment | None], Commitment]


@dataclass(frozen=True)
class Row:
    """One line of the table: an agreement's head, one of its commitments or measures."""

    detail: AgreementDetail
    commitment: Commitment | None = None
    measure: Measure | None = None


class AgreementsPane(TextPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("d", "status('done')", t("followup.done"), id="agreements.done"),
        Binding("i", "status('in_progress')", t("followup.in_progress"),
                id="agreements.in_progress"),
        Binding("x", "status('cancelled')", t("followup.cancelled"), id="agreements.cancelled"),
        Binding("u", "status('not_started')", t("agreements.not_started_key"),
                id="agreements.not_started"),
        Binding("a", "new", t("agreements.new_key"), id="agreements.new"),
        Binding("delete", "remove", t("common.remove"), id="agreements.remove"),
    ]
    EDIT_ACTIONS = frozenset({"status", "new", "edit", "remove", "save", "decision"})

    rows: list[Row]
    shown: list[AgreementDetail]
    shown_width: int | None = None

    def compose(self) -> ComposeResult:
        yield FixedTable(cursor_type="row", id="agreements")
        yield Static("", id="agreements-hint", classes="hint")
        yield from super().compose()

    def on_mount(self) -> None:
        """The guidance is one key away (v); the fields' labels stand in their borders."""
        super().on_mount()
        from textual.widgets import TextArea

        for area in self.query(TextArea):
            area.border_title = t(f"text.{area.id}")
        self.rows, self.shown = [], []
        self.reload()

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.reload()
        return super().refresh_data(item)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        from textual.widgets import TextArea

        if action in ("status", "new", "remove") and isinstance(self.app.focused, TextArea):
            return False  # "d" typed in the notes is typing
        return super().check_action(action, parameters)

    def action_leave(self) -> None:
        """Esc from the notes or the decision saves and goes back to the table."""
        focused = self.screen.focused
        if focused is not None and focused is not self and not isinstance(focused, DataTable):
            self.flush()
            self.focus_main()
        else:
            super().action_leave()

    def reload(self) -> None:
        meeting = self.session.meeting
        shown = agreements.for_meeting(self.session.ws, meeting)
        unchanged = shown == self.shown and self.shown_width is not None
        self.shown = shown
        self.rows = [row for detail in shown for row in (
            Row(detail), *(Row(detail, commitment=c) for c in detail.commitments),
            *(Row(detail, measure=m) for m in detail.measures))]
        self.mark_current()
        if unchanged:
            return
        if not self.size.width:
            self.shown_width = None
        else:
            self.fill()

    def fill(self) -> None:
        """At 80 columns the owner stands under the commitment, beside it when there is room."""
        table: DataTable[Text] = self.query_one(DataTable)
        cursor = table.cursor_row
        self.shown_width = self.size.width
        text_width, owner_width = measure_columns(table, self.size.width,
                                                  t("agreements.commitment"))
        day = self.session.meeting.date
        for number, row in enumerate(self.rows):
            row_cells, height = row_cells_for(row, day, text_width, owner_width)
            table.add_row(*row_cells, height=height, key=str(number))
        if self.rows:
            table.move_cursor(row=min(cursor, len(self.rows) - 1))
        hint = self.query_one("#agreements-hint", Static)
        hint.update(t("agreements.none", day=day.isoformat()) if not self.rows
                    else t("agreements.hint"))

    def main_widget(self) -> Widget | None:
        return self.query_one(DataTable)

    def current(self) -> Row | None:
        if not self.rows:
            return None
        return self.rows[min(self.query_one(DataTable).cursor_row, len(self.rows) - 1)]

    def action_status(self, status: str) -> None:
        from meetingtui.ui.errors import Failed, attempt

        row = self.current()
        if row is None or row.commitment is None or row.commitment.id is None:
            self.app.notify(t("agreements.choose_commitment"), severity="warning", timeout=5)
            return
        with suppress(Failed):  # told; what the other program saved is shown below
            attempt(self.app, agreements.set_status, self.session.ws, row.commitment.id,
                    MeasureStatus(status), base=row.commitment,
                    meeting_id=self.session.meeting_id, by=self.session.user())
        self.reload()

    def action_new(self) -> None:
        row = self.current()
        if row is None or row.detail.agreement.id is None:
            self.app.notify(t("agreements.none", day=self.session.meeting.date.isoformat()),
                            severity="warning", timeout=5)
            return
        agreement = row.detail.agreement
        ws = self.session.ws

        def save(made: Commitment, _base: Commitment | None) -> Commitment:
            return agreements.add_commitment(
                ws, made.agreement_id, made.text, made.owner, party=made.party,
                organisation=made.organisation, due=made.due, meeting_id=self.session.meeting_id)

        self._commitment_form(agreement, save)

    def _commitment_form(self, agreement: Agreement, save: SaveCommitment,
                         commitment: Commitment | None = None) -> None:
        """The commitment form, empty for a new one or filled in to correct ``commitment``."""
        from meetingtui.ui.dialogs.commitment import CommitmentDialog

        def done(made: Commitment | None) -> None:
            if made is not None:
                self.reload()
            self.focus_main()

        self.app.push_screen(CommitmentDialog(
            agreement.id or 0, agreement.title, agreements.parties_of(agreement),
            self.session.people(), self.session.today(), save, commitment), done)

    def action_remove(self) -> None:
        """Delete on a commitment typed by mistake: asked first (Enter keeps it); a closed
        meeting's minutes keep what they showed."""
        from meetingtui.ui.removal import remove_after_asking

        row = self.current()
        if row is None or row.commitment is None or row.commitment.id is None:
            self.app.notify(t("agreements.choose_commitment_to_remove"), severity="warning",
                            timeout=5)
            return
        commitment, ws = row.commitment, self.session.ws
        remove_after_asking(
            self.app, t("remove.commitment_title"),
            t("remove.commitment_question", text=fit(commitment.text, 60),
              owner=commitment.owner),
            lambda: agreements.remove_commitment(ws, commitment.id or 0), self.reload)

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        """Enter on a commitment corrects it (a typo in what, who or by when)."""
        event.stop()
        row = self.current()
        if row is None or row.commitment is None or not self.check_action("edit", ()):
            return
        agreement, ws = row.detail.agreement, self.session.ws

        def save(edited: Commitment, base: Commitment | None) -> Commitment:
            return agreements.save_commitment(ws, edited, base=base)

        self._commitment_form(agreement, save, row.commitment)


def row_cells_for(row: Row, day: date, text_width: int,
                  owner_width: int) -> tuple[list[Text], int]:
    """An agreement's head (kind, title, period and parties), or one commitment (party: what,
    its owner under it when there is no owner column, the due date with Försenad when it was
    past on the meeting's day, the status), or one linked measure, set in under its agreement."""
    if row.commitment is None and row.measure is None:
        a = row.detail.agreement
        head = wrap(a.heading(label(a.kind)), text_width, max_lines=3)
        head += wrap(" · ".join(agreements.parties_of(a)), text_width, max_lines=2)
        columns: list[tuple[str | list[str], int]] = [(head, text_width)]
        if owner_width:
            columns.append(("", owner_width))
        columns += [([t("agreements.until"), a.period_end.isoformat()], DUE_WIDTH),
                    ("", STATUS_WIDTH)]
        made, height = cells(*columns)
        made[0].stylize("bold")
        return made, height
    item: Commitment | Measure
    if row.commitment is not None:
        item = row.commitment
        said = f"{item.party}: {item.text}" if item.party else item.text
        owner = item.owner + (f", {item.organisation}" if item.organisation else "")
    else:
        assert row.measure is not None
        item = row.measure
        said = ("S " if item.confidential else "") + f"{t('agreements.measure')}: {item.text}"
        owner = owner_of(item)
    text = wrap("  " + said, text_width)
    if not owner_width:
        text += wrap(f"  {t('measure.owner')}: {owner}", text_width, max_lines=2)
    late = item.overdue(day)
    due = [item.due.isoformat() if item.due else "–",
           *([t("action_list.overdue")] if late else [])]
    columns = [(text, text_width)]
    if owner_width:
        columns.append((owner, owner_width))
    columns += [(due, DUE_WIDTH), (label(item.status), STATUS_WIDTH)]
    made, height = cells(*columns)
    if late:
        made[-2].stylize("bold red")
    return made, height
