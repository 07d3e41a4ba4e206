"""Yes or no, with a message: closing the meeting, removing a row, publishing.

Enter gives the safe answer where a reflex could do harm (`default=False`: removing, publishing
with a personnummer in it); j/y always mean yes, n/Esc no. The mouse has a Ja and a Nej button,
on the hint's line so the dialog is no taller; the safe answer's button has the focus, so Enter
presses it as before (and Tab, then Enter, the other)."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Static

from meetingtui.i18n import t


class ConfirmDialog(ModalScreen[bool]):
    DEFAULT_CSS = """
    ConfirmDialog .confirm-answers { height: 1; }
    ConfirmDialog .confirm-answers Button { min-width: 7; margin-right: 1; }
    ConfirmDialog .confirm-answers .form-hint { width: 1fr; margin-left: 1; }
    """
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
            with Horizontal(classes="confirm-answers"):
                for answer, label in ((True, "common.yes"), (False, "common.no")):
                    yield Button(t(label), id="yes" if answer else "no", compact=True,
                                 variant="primary" if answer == self.default else "default")
                yield Static(t("confirm.hint" if self.default else "confirm.hint_no"),
                             classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#yes" if self.default else "#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss(event.button.id == "yes")

    def action_default(self) -> None:
        self.dismiss(self.default)

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)
