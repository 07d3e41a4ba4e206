"""The municipality's own settings: its name (printed on every set of minutes, action list and
calendar) and its Word template. Asked once on a new database; `i` on the home screen later."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from pydantic import BaseModel

from meetingtui.i18n import t
from meetingtui.model import Line, Name
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


class Settings(BaseModel):
    municipality: Name
    word_template: Line = ""


def readable(value: str) -> str:
    """A Word document's path that can be read, or "" (the built-in look)."""
    path = Path(value.strip()).expanduser()
    if value.strip() and (path.suffix.lower() not in (".docx", ".dotx") or not path.is_file()):
        raise FieldProblem("word_template", t("settings.word_template_bad"))
    return value.strip()


class SettingsDialog(FormDialog[Settings]):
    def __init__(self, current: Settings, save: Callable[[Settings, Settings | None], Settings],
                 *, first: bool = False) -> None:
        super().__init__(save, current)
        self.current = current
        self.title = t("settings.first_title" if first else "settings.title")

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("municipality", t("settings.municipality"),
                       text_input(self.current.municipality, id="municipality",
                                  placeholder=t("settings.municipality_example")))
        yield FieldRow("word_template", t("settings.word_template"),
                       text_input(self.current.word_template, id="word_template",
                                  placeholder=t("settings.word_template_example")))

    def build(self) -> Settings:
        typed = self.value("word_template")
        template = self.parsed(lambda: readable(typed))
        return Settings.model_validate({"municipality": self.value("municipality"),
                                        "word_template": template or ""})
