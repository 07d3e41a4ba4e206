"""Add or edit a measure (åtgärd): what, who (ansvarig), by when, which kind."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from meetingtui.i18n import t
from meetingtui.model import Measure, MeasureType
from meetingtui.ui.labels import options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.form import (
    FieldRow,
    FormDialog,
    date_echo,
    date_text,
    suggester_for,
    text_input,
)


class MeasureDialog(FormDialog[Measure]):
    def __init__(self, measure: Measure, people: list[str], today: date,
                 save: Callable[[Measure, Measure | None], Measure]) -> None:
        super().__init__(save, measure if measure.id is not None else None)
        self.measure = measure
        self.people = people
        self.today = today
        self.title = t("measure.title_new" if measure.id is None else "measure.title_edit")

    def show(self, measure: Measure, people: list[str], today: date) -> None:
        """The same form for another measure (or a new one): see FormDialog.refill."""
        from textual.widgets import Input

        self.measure, self.people, self.today = measure, people, today
        self.base = measure if measure.id is not None else None
        self.query_one("#owner", Input).suggester = suggester_for(people)
        self.refill(t("measure.title_new" if measure.id is None else "measure.title_edit"),
                    {"text": measure.text, "owner": measure.owner, "owner_org": measure.owner_org,
                     "due": measure.due, "type": measure.type})

    def rows(self) -> Iterable[FieldRow]:
        m = self.measure
        yield FieldRow("text", t("measure.text"), text_input(m.text, id="text"))
        yield FieldRow("owner", t("measure.owner"),
                       text_input(m.owner, id="owner", suggestions=self.people,
                                  placeholder=t("measure.owner_hint")))
        yield FieldRow("owner_org", t("measure.owner_org"),
                       text_input(m.owner_org, id="owner_org"))
        yield FieldRow("due", t("measure.due"),
                       text_input(m.due.isoformat() if m.due else "", id="due",
                                  placeholder=t("form.date_example"),
                                  echo=lambda text: date_echo(text, self.today)))
        yield FieldRow("type", t("measure.type"), Choice(options(MeasureType), m.type, id="type"))

    def build(self) -> Measure:
        values = self.measure.model_dump()
        for name in ("text", "owner", "owner_org", "type"):
            values[name] = self.value(name)
        due_text = self.value("due")
        values["due"] = self.parsed(lambda: date_text(due_text, self.today, "due", required=False))
        return Measure.model_validate(values)
