"""The current item's guidance from its template, whole: the text pane shows only its first
lines, and the other kinds of item (attendance, lägesbild, action plan, next meeting …) none
of it, though the seeds put what a chair must remember there ("vid social oro kan gruppen
behöva träffas oftare")."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem


def guidance_text(item: AgendaItem) -> str:
    """The guidance, then its points as a list; "" when the template gives none."""
    lines = [item.guidance.strip(), *(f"• {point}" for point in item.points)]
    return "\n".join(line for line in lines if line).strip()


class GuidanceDialog(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", t("common.close"), id="guidance.close"),
        Binding("v", "close", t("common.close"), id="guidance.close_v", show=False),
    ]

    def __init__(self, heading: str, text: str) -> None:
        super().__init__(classes="form-dialog")
        self.heading = heading
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(self.heading, classes="form-title")
            with VerticalScroll(id="guidance-text"):
                # Template text is shown as written: never read as Rich markup.
                yield Static(self.text, markup=False)
            yield Static(t("guidance.hint"), classes="form-hint")

    def action_close(self) -> None:
        self.dismiss(None)
