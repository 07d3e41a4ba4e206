"""The changes made to a meeting after it closed: minutes never change silently."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import Amendment


class AmendmentsDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("common.close"), id="amendments.close"),
    ]

    def __init__(self, amendments: list[Amendment]) -> None:
        super().__init__(classes="form-dialog")
        self.amendments = amendments

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("amendments.title"), classes="form-title")
            if not self.amendments:
                yield Static(t("amendments.none"))
            table: DataTable[str] = DataTable(cursor_type="row", id="amendments")
            table.add_columns(t("amendments.at"), t("amend.by_column"), t("amendments.what"),
                              t("amend.why_column"))
            for a in self.amendments:  # what was said before and after is in the minutes
                table.add_row(a.at.strftime("%Y-%m-%d %H:%M"), a.by, a.what, a.why)
            yield table
            yield Static(t("amendments.hint"), classes="form-hint")

    def action_close(self) -> None:
        self.dismiss(None)
