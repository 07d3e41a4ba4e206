"""A `text` item: the chair's guidance, then notes (Markdown) and the decision."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from meetingtui.i18n import t
from meetingtui.model import AgendaItem
from meetingtui.services import meetings
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.session import Session
from meetingtui.ui.widgets.panes.base import ItemPane
from meetingtui.ui.widgets.personal_data import PersonalDataWarning

AUTOSAVE_SECONDS = 2.0


class TextPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit('notes')", t("text.edit_notes"), id="text.notes"),
        Binding("b", "edit('decision')", t("text.edit_decision"), id="text.decision"),
        Binding("ctrl+s", "save", t("common.save"), id="text.save"),
    ]
    EDIT_ACTIONS = frozenset({"edit", "save"})

    def __init__(self, session: Session, item: AgendaItem) -> None:
        super().__init__(session, item)
        self.autosave: Timer | None = None

    def compose(self) -> ComposeResult:
        guidance = "\n".join([self.item.guidance, *(f"• {p}" for p in self.item.points)])
        if guidance.strip():
            yield Static(guidance.strip(), classes="guidance")
        yield Label(t("text.notes"), classes="area-label")
        yield TextArea(self.item.notes, id="notes", read_only=self.session.readonly,
                       soft_wrap=True, show_line_numbers=False)
        yield PersonalDataWarning(id="personal-notes", classes="in-pane")
        yield Label(t("text.decision"), classes="area-label")
        yield TextArea(self.item.decision, id="decision", read_only=self.session.readonly,
                       soft_wrap=True, show_line_numbers=False, classes="decision")
        yield PersonalDataWarning(id="personal-decision", classes="in-pane")
        yield Static("", id="save-state", classes="save-state")

    def refresh_data(self, item: AgendaItem) -> bool:
        # Rebuilt only when the stored text is not what this pane saved or was built with
        # (another program changed it); what is typed here was saved when the chair left.
        return (item.notes, item.decision) == (self.item.notes, self.item.decision)

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            self.query_one(f"#personal-{area.id}", PersonalDataWarning).check(area.text)

    def action_edit(self, which: str) -> None:
        self.query_one(f"#{which}", TextArea).focus()

    def action_save(self) -> None:
        self.flush()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("edit",) and isinstance(self.screen.focused, TextArea):
            return False  # typing "e" in the notes is typing
        return super().check_action(action, parameters)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        self.query_one(f"#personal-{area.id}", PersonalDataWarning).check(area.text)
        if self.session.readonly:
            return
        self.query_one("#save-state", Static).update(t("text.unsaved"))
        if self.autosave is not None:
            self.autosave.stop()
        self.autosave = self.set_timer(AUTOSAVE_SECONDS, self.flush)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush()

    def flush(self) -> bool:
        if self.session.readonly or not self.is_mounted:
            return True
        notes = self.query_one("#notes", TextArea).text
        decision = self.query_one("#decision", TextArea).text
        if notes == self.item.notes and decision == self.item.decision:
            return True
        assert self.item.id is not None
        try:
            edited = attempt(self.app, meetings.edit_item, self.session.ws, self.item.id,
                             notes=notes, decision=decision)
        except Failed:
            self.query_one("#save-state", Static).update(t("text.not_saved"))
            return False
        # Stored text is cleaned (no control characters); compare with what was typed next time.
        self.item = edited.model_copy(update={"notes": notes, "decision": decision})
        self.query_one("#save-state", Static).update(
            t("text.saved_at", time=self.session.now().strftime("%H:%M")))
        return True
