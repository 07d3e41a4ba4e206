"""The action list: every measure in every group, overdue first, filtered by owner (any part of
a name or organisation), group and status, sorted on `s`; under the list, the measure under the
cursor's kind of prevention and the causes it addresses; Enter shows a measure's history and
records a follow-up outside any meeting."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Header, Input, Label, Static

from meetingtui.i18n import t
from meetingtui.model import MeasureStatus, MeasureUpdate
from meetingtui.services import followup, groups
from meetingtui.services.actions import ActionFilters, ActionRow, action_list, swedish_order
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.knowledge import row_line
from meetingtui.ui.labels import label
from meetingtui.ui.screens.common import COMMON_BINDINGS, Command, common_commands
from meetingtui.ui.timing import fit, flex_width, plain
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.footer import Footer

STATUSES = ("open", "overdue", "done", "cancelled", "all")
#: What `s` cycles through. "due" is the query's own order: overdue first, then by due date.
SORT_KEYS = ("due", "owner", "group", "decided")


def sort_rows(rows: list[ActionRow], key: str) -> list[ActionRow]:
    """The rows in the chosen order; ties keep the query's order (overdue first, by due)."""
    if key == "owner":
        return sorted(rows, key=lambda r: swedish_order(r.owner or r.owner_org))
    if key == "group":
        return sorted(rows, key=lambda r: swedish_order(r.group_short))
    if key == "decided":
        return sorted(rows, key=lambda r: r.meeting_date, reverse=True)
    return list(rows)


class ActionListScreen(Screen[None]):
    DEFAULT_CSS = "#action-detail { height: auto; max-height: 4; padding: 0 1; }"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", t("action_list.back"), id="action_list.back"),
        Binding("s", "sort", t("action_list.sort"), id="action_list.sort"),
        # F6 exports what the screen shows: here the list, not a meeting's minutes.
        Binding("x,f6", "export_list", t("list_export.key"), id="action_list.export",
                tooltip=t("list_export.help")),
        *(binding for binding in COMMON_BINDINGS if binding.key != "f6"),
    ]

    def __init__(self, ws: Workspace) -> None:
        super().__init__(id="action-list")
        self.ws = ws
        self.rows: list[ActionRow] = []
        self.sort_key = SORT_KEYS[0]
        self.shown_width: int | None = None  # the width the table was laid out for

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="action-filters"):
            yield Label(t("action_list.owner"), classes="filter-label")
            yield Input(id="filter-owner", placeholder=t("action_list.owner"))
            yield Label(t("action_list.group"), classes="filter-label")
            group_options: list[tuple[str, str | None]] = [(t("action_list.all_groups"), None)]
            group_options += [(v.group.short, v.group.short) for v in groups.overviews(self.ws)]
            yield Choice(group_options, None, id="filter-group")
            yield Label(t("action_list.status"), classes="filter-label")
            yield Choice([(t(f"action_list.status_{s}"), s) for s in STATUSES], "open",
                         id="filter-status")
        yield FixedTable(cursor_type="row", id="action-table", zebra_stripes=True)
        # The row under the cursor whole: its words (cut in the table at 80 columns), its kind
        # of prevention and the causes it addresses.
        yield Static("", id="action-detail")
        yield Static("", id="action-count", classes="hint")
        yield Static(t("action_list.hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("action_list.title")
        self.sub_title = groups.municipality(self.ws)
        self.query_one(DataTable).focus()

    def on_resize(self) -> None:
        # Showing the screen loads it (on_screen_resume); a resize only when the width, which
        # the columns follow, changed: loading 2,000 rows three times was most of F7's time.
        if self.shown_width is not None and self.size.width != self.shown_width:
            self.reload()

    def _columns(self, table: DataTable[Text | str]) -> tuple[int, int, bool]:
        """Columns that fit the screen without sideways scrolling (a projector is 80 wide):
        the measure's text takes what is left; the meeting date only when there is room."""
        width = self.size.width or 80
        with_decided = width >= 110
        owner_width = 22 if width >= 100 else 16
        fixed = [8, owner_width, 12, 11] + ([10] if with_decided else [])
        text_width = flex_width(width, fixed, minimum=12)
        table.clear(columns=True)
        table.add_column(t("action_list.group"), width=8, key="group")
        table.add_column(t("action_list.measure"), width=text_width, key="text")
        table.add_column(t("action_list.owner"), width=owner_width, key="owner")
        table.add_column(t("action_list.due"), width=12, key="due")
        table.add_column(t("action_list.state"), width=11, key="state")
        if with_decided:
            table.add_column(t("action_list.decided"), width=10, key="decided")
        return text_width, owner_width, with_decided

    def filters(self) -> ActionFilters:
        owner = self.query_one("#filter-owner", Input).value.strip()
        group = self.query_one("#filter-group", Choice).value
        status = self.query_one("#filter-status", Choice).value
        return ActionFilters(owner=owner or None, owner_partial=True,
                             group=group if isinstance(group, str) else None, status=str(status))

    def reload(self) -> None:
        self.shown_width = self.size.width
        try:
            self.rows = sort_rows(attempt(self.app, action_list, self.ws, self.filters()),
                                  self.sort_key)
        except Failed:
            self.rows = []
        table: DataTable[Text | str] = self.query_one(DataTable)
        cursor = table.cursor_row
        text_width, owner_width, with_decided = self._columns(table)
        for row in self.rows:
            state = (Text(t("action_list.overdue"), style="bold red") if row.overdue
                     else Text(label(MeasureStatus(row.status))))
            # S marks a confidential measure, as everywhere one shows; plain text, never markup.
            text = plain(fit(("S " if row.confidential else "") + row.text, text_width))
            if row.confidential:
                text.stylize("bold", 0, 1)
            cells: list[Text | str] = [
                plain(fit(row.group_short, 8)), text,
                plain(fit(row.owner or row.owner_org, owner_width)),
                row.due.isoformat() if row.due else "–", state]
            if with_decided:
                cells.append(row.meeting_date.isoformat())
            table.add_row(*cells, key=str(row.id))
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))
        self._show_detail()
        count = t("action_list.count", count=len(self.rows)) if self.rows else t(
            "action_list.empty")
        order = t("action_list.sorted", order=t(f"action_list.sort_{self.sort_key}"))
        self.query_one("#action-count", Static).update(f"{count} · {order}")

    def action_sort(self) -> None:
        self.sort_key = SORT_KEYS[(SORT_KEYS.index(self.sort_key) + 1) % len(SORT_KEYS)]
        self.reload()

    @on(Input.Changed, "#filter-owner")
    @on(Choice.Changed)
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.reload()

    @on(Input.Submitted, "#filter-owner")
    def _owner_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.query_one(DataTable).focus()

    def on_screen_resume(self) -> None:
        self.reload()

    def selected(self) -> ActionRow | None:
        if not self.rows:
            return None
        return self.rows[self.query_one(DataTable).cursor_row]

    @on(DataTable.RowHighlighted)
    def _show_detail(self) -> None:
        row = self.selected()
        detail = self.query_one("#action-detail", Static)
        detail.update(plain(f"{' '.join(row.text.split())}\n{row_line(row)}")
                      if row is not None else "")
        detail.display = row is not None

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_follow_up()

    def action_follow_up(self) -> None:
        from meetingtui.ui.dialogs.measure_history import MeasureHistoryDialog

        row = self.selected()
        if row is None:
            return
        try:
            updates = attempt(self.app, followup.history, self.ws, row.id)
            meetings = attempt(self.app, followup.meeting_dates, self.ws, updates)
        except Failed:
            return

        def save(update: MeasureUpdate) -> MeasureUpdate:
            return followup.record_update(self.ws, update.measure_id, update.new_status,
                                          update.comment, meeting_id=None, by=update.by)

        def done(_update: MeasureUpdate | None) -> None:
            self.reload()

        self.app.push_screen(
            MeasureHistoryDialog(row, updates, meetings, self.ws.now(),
                                 lambda update, _base: save(update)), done)

    def action_export_list(self) -> None:
        from meetingtui.ui.dialogs.list_export import ListExportDialog

        self.app.push_screen(ListExportDialog(self.ws, self.filters()))

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[Command]:
        return [
            (t("action_list.update"), self.action_follow_up, ""),
            (t("action_list.sort"), self.action_sort, ""),
            (t("list_export.key"), self.action_export_list, t("list_export.help")),
            (t("action_list.back"), self.action_back, ""),
            *common_commands(self),
        ]
