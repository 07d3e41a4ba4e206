"""Why a body rejects a proposal: one line, required; saved through the caller's service."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pydantic import BaseModel

from meetingtui.i18n import t
from meetingtui.model import Measure, Name
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class Rejection(BaseModel):
    reason: Name


class RejectDialog(FormDialog[str]):
    def __init__(self, measure: Measure, save: Callable[[str, str | None], str]) -> None:
        super().__init__(save)
        self.title = t("proposals.reject_title", text=measure.text[:80])

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("reason", t("proposals.reason"),
                       text_input(id="reason", placeholder=t("proposals.reason_example")))

    def build(self) -> str:
        return Rejection.model_validate({"reason": self.value("reason")}).reason

    def clash(self, conflict: Exception) -> None:
        """Someone answered the proposal meanwhile: said plainly, nothing overwritten."""
        from meetingtui.ui.widgets.panes.proposals import say_answered

        say_answered(self.app, conflict)
        self.dismiss(None)
