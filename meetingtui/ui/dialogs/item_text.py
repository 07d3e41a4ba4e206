"""The notes and decision of any agenda item: the lägesbild, the action plan and the others have
them too, written under their own § in the minutes (issue 12 §6)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from textual.widget import Widget

from meetingtui.i18n import t
from meetingtui.model import AgendaItem
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog
from meetingtui.ui.widgets.text_area import NoteArea


class ItemTextDialog(FormDialog[AgendaItem]):
    """Decision first (what the chair writes with the room watching), then notes; Enter makes
    a new line, Ctrl+S saves, and so does Esc: on a text item Esc leaves the field with its
    text saved, and a chair who did the same here lost the decision just typed."""

    hint_key = "form.hint_item_text"

    def __init__(self, item: AgendaItem,
                 save: Callable[[AgendaItem, AgendaItem | None], AgendaItem]) -> None:
        super().__init__(save, item)
        self.item = item
        self.refused: tuple[str, str] | None = None  # what Esc could not save
        self.title = t("item.title", number=item.position, title=item.title)

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("decision", t("item.decision"),
                       NoteArea(self.item.decision, id="decision", soft_wrap=True,
                                show_line_numbers=False, classes="form-text"))
        yield FieldRow("notes", t("item.notes"),
                       NoteArea(self.item.notes, id="notes", soft_wrap=True,
                                show_line_numbers=False, classes="form-text"))

    def first_field(self) -> Widget | None:
        return self.query_one("#decision")

    def build(self) -> AgendaItem:
        return self.item.model_validate({**self.item.model_dump(),
                                         "decision": self.value("decision"),
                                         "notes": self.value("notes")})

    def action_cancel(self) -> None:
        typed = (self.value("decision"), self.value("notes"))
        if typed in ((self.item.decision, self.item.notes), self.refused):
            # Nothing changed, or Esc again on what could not be saved: closed unsaved (a text
            # too long held the chair in the form, with no way out but deleting it).
            self.dismiss(None)
            return
        if self.check() is None:
            self.refused = typed
            self.app.notify(t("form.esc_again_discards"), severity="warning", timeout=8)
        self.action_submit()  # saved and closed, or the form stays with its message
