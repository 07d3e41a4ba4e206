"""Ändra stängt möte: who corrects the closed meeting and why, asked before anything changes;
each change afterwards is an amendment with these words (issue 12 §3)."""

from __future__ import annotations

from collections.abc import Iterable

from pydantic import BaseModel

from meetingtui.i18n import t
from meetingtui.model import Line, Name
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class Correction(BaseModel):
    by: Line
    why: Name


class AmendDialog(FormDialog[tuple[str, str]]):
    def __init__(self, by: str) -> None:
        super().__init__(lambda answer, _base: answer)
        self.by = by
        # The title says what happens next, in the words the minutes will use.
        self.title = f"{t('amend.title')}\n\n{t('amend.intro')}"

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("why", t("amend.why"),
                       text_input(id="why", placeholder=t("amend.why_example")))
        yield FieldRow("by", t("amend.by"), text_input(self.by, id="by"))

    def build(self) -> tuple[str, str]:
        answer = Correction.model_validate({"by": self.value("by"), "why": self.value("why")})
        return answer.by, answer.why
