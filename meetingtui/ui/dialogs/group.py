"""A group of the municipality's: a new one of some type (its template), or an existing one
renamed, given its own chair or rhythm."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from meetingtui.group_names import short_and_name
from meetingtui.i18n import t
from meetingtui.model import Frequency, Group, GroupTemplate
from meetingtui.services import groups
from meetingtui.ui.labels import label
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


def months_text(months: list[int] | None) -> str:
    return ", ".join(str(m) for m in months) if months else ""


def parse_months(text: str) -> list[int] | None:
    """"7, 12" → [7, 12]; empty → None (the template's)."""
    try:
        return groups.parse_months(text)
    except ValueError:
        raise FieldProblem("skip_months", t("group.months_bad")) from None


class GroupDialog(FormDialog[Group]):
    """`templates` given: a new group, its type chosen among them; else the group edited."""

    def __init__(self, group: Group, save: Callable[[Group, Group | None], Group], *,
                 templates: list[GroupTemplate] | None = None) -> None:
        super().__init__(save, group if group.id is not None else None)
        self.group = group
        self.templates = templates or []
        self.title = t("group.title_new" if group.id is None else "group.title_edit",
                       name=group.name)

    def rows(self) -> Iterable[FieldRow]:
        g = self.group
        if self.templates:
            yield FieldRow("template_id", t("group.template"), Choice(
                [(short_and_name(tpl.short, tpl.name), tpl.id) for tpl in self.templates],
                g.template_id, id="template_id"))
        yield FieldRow("name", t("group.name"), text_input(
            g.name, id="name", placeholder=t("group.name_example")))
        yield FieldRow("short", t("group.short"), text_input(
            g.short, id="short", placeholder=t("group.short_example")))
        yield FieldRow("chair", t("group.chair"), text_input(
            g.chair, id="chair", placeholder=t("group.chair_example")))
        frequencies: list[tuple[str, Frequency | None]] = [(t("group.template_rhythm"), None)]
        frequencies += [(label(f), f) for f in Frequency]
        yield FieldRow("frequency", t("group.frequency"),
                       Choice(frequencies, g.frequency, id="frequency"))
        yield FieldRow("skip_months", t("group.skip_months"), text_input(
            months_text(g.skip_months), id="skip_months",
            placeholder=t("group.skip_months_example")))

    def build(self) -> Group:
        months_text_ = self.value("skip_months")
        months = self.parsed(lambda: parse_months(months_text_))
        values = {**self.group.model_dump(), "name": self.value("name"),
                  "short": self.value("short"), "chair": self.value("chair"),
                  "frequency": self.value("frequency"), "skip_months": months}
        if self.templates:
            values["template_id"] = self.value("template_id")
        return Group.model_validate(values)
