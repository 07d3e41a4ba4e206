"""Yes or no, with a message: closing the meeting, removing a row, publishing.

Enter gives the safe answer where a reflex could do harm (`default=False`: removing, publishing
with a personnummer in it); j/y always mean yes, n/Esc no."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from meetingtui.i18n import t


class ConfirmDialog(ModalScreen[bool]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("j,y", "answer(True)", t("common.yes"), id="confirm.yes"),
        Binding("n,escape", "answer(False)", t("common.no"), id="confirm.no"),
        Binding("enter", "default", show=False, id="confirm.default"),
    ]

    def __init__(self, title: str, message: str, *, default: bool = True) -> None:
        super().__init__(classes="form-dialog")
        self.title_text = title
        self.message = message
        self.default = default

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.title_text, classes="form-title")
            with VerticalScroll(classes="form-body", can_focus=False):
                yield Static(self.message, classes="confirm-message")
            yield Static(t("confirm.hint" if self.default else "confirm.hint_no"),
                         classes="form-hint")

    def action_default(self) -> None:
        self.dismiss(self.default)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
