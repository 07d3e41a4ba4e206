"""Two observations of one meeting found to be one problem (`i` in the lägesbild): which one,
and why. The highlighted observation stays; the chosen one goes into it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from pydantic import BaseModel

from meetingtui.i18n import t
from meetingtui.model import Line, Observation
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class MergeRequest(BaseModel):
    merged_id: int
    why: Line = ""


class MergeDialog(FormDialog[MergeRequest]):
    def __init__(self, kept: Observation, others: list[Observation],
                 save: Callable[[MergeRequest, MergeRequest | None], MergeRequest]) -> None:
        super().__init__(save)
        self.kept = kept
        self.others = others
        self.title = (t("problem.merge_title", area=kept.area,
                        description=fit(kept.description, 40)) + "\n"
                      + t("problem.merge_pick"))

    def rows(self) -> Iterable[FieldRow]:
        choices = [(fit(f"{o.area} · {o.category} · {o.description}", 60), o.id)
                   for o in self.others if o.id is not None]
        yield FieldRow("merged_id", t("situation.merge_with"),
                       Choice(choices, choices[0][1], id="merged_id"))
        yield FieldRow("why", t("problem.merge_why_label"),
                       text_input("", id="why", placeholder=t("problem.merge_why")))

    def build(self) -> MergeRequest:
        return MergeRequest.model_validate({"merged_id": self.value("merged_id"),
                                            "why": self.value("why")})
