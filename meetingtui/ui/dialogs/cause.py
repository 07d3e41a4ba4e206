"""Add or edit a cause of an observation, placed on the problem triangle: an assumption or
supported by data (or not said)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from meetingtui.i18n import t
from meetingtui.model import Cause, CauseBasis, Controller, Dimension
from meetingtui.ui.labels import label, options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class CauseDialog(FormDialog[Cause]):
    def __init__(self, cause: Cause, save: Callable[[Cause, Cause | None], Cause]) -> None:
        super().__init__(save, cause if cause.id is not None else None)
        self.cause = cause
        self.title = t("cause.title_new" if cause.id is None else "cause.title_edit")

    def show(self, cause: Cause) -> None:
        """The same form for another cause (or a new one): see FormDialog.refill."""
        self.cause = cause
        self.base = cause if cause.id is not None else None
        self.refill(t("cause.title_new" if cause.id is None else "cause.title_edit"),
                    {"text": cause.text, "dimension": cause.dimension,
                     "controller": cause.controller, "basis": cause.basis})

    def rows(self) -> Iterable[FieldRow]:
        c = self.cause
        controllers: list[tuple[str, Controller | None]] = [(t("common.none"), None)]
        controllers += [(label(value), value) for value in Controller]
        yield FieldRow("text", t("cause.text"), text_input(c.text, id="text"))
        yield FieldRow("dimension", t("cause.dimension"),
                       Choice(options(Dimension), c.dimension, id="dimension"))
        yield FieldRow("controller", t("cause.controller"),
                       Choice(controllers, c.controller, id="controller"))
        yield FieldRow("basis", t("measure_knowledge.basis"),
                       Choice(options(CauseBasis), c.basis, id="basis"))

    def build(self) -> Cause:
        values = self.cause.model_dump()
        for name in ("text", "dimension", "controller", "basis"):
            values[name] = self.value(name)
        return Cause.model_validate(values)
