"""A `text` item: the chair's guidance, then notes (Markdown) and the decision.

`e` and `b` enter the notes and the decision, Esc leaves them; they are saved on leaving, on
Ctrl+S and two seconds after typing stops. A save names the text it started from: what another
program saved meanwhile in the other field is kept, and in the same field is shown side by side
for the chair to choose (issue 13 §2)."""

from __future__ import annotations

from typing import ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Label, Static, TextArea

from meetingtui.i18n import t
from meetingtui.model import LONG_MAX, AgendaItem
from meetingtui.model.text import clean_text
from meetingtui.services import meetings
from meetingtui.services.errors import Conflict
from meetingtui.services.template_items import proposed_decision
from meetingtui.ui.errors import Failed, attempt_showing_conflicts
from meetingtui.ui.session import Session
from meetingtui.ui.widgets.panes.base import ItemPane
from meetingtui.ui.widgets.personal_data import PersonalDataWarning
from meetingtui.ui.widgets.text_area import NoteArea

AUTOSAVE_SECONDS = 2.0


class TextPane(ItemPane):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit('notes')", t("text.edit_notes"), id="text.notes"),
        Binding("b", "edit('decision')", t("text.edit_decision"), id="text.decision"),
        Binding("ctrl+s", "save", t("common.save"), id="text.save"),
    ]
    EDIT_ACTIONS = frozenset({"edit", "save", "decision"})

    def __init__(self, session: Session, item: AgendaItem) -> None:
        super().__init__(session, item)
        self.autosave: Timer | None = None
        self.resolving = False  # a clash with another program's save is on screen
        self.refused: tuple[str, str] | None = None  # notes and decision too long to save
        self.saved_state = ""  # what the state line said after the last save
        self.waiting = False  # the state line says something typed is not saved yet

    def compose(self) -> ComposeResult:
        guidance = "\n".join([self.item.guidance, *(f"• {p}" for p in self.item.points)])
        if guidance.strip():
            yield Static(guidance.strip(), classes="guidance")
        yield Label(t("text.notes"), classes="area-label")
        yield NoteArea(self.item.notes, id="notes", read_only=self.session.readonly,
                       soft_wrap=True, show_line_numbers=False)
        yield PersonalDataWarning(id="personal-notes", classes="in-pane")
        yield Label(t("text.decision"), classes="area-label")
        yield NoteArea(self.item.decision, id="decision", read_only=self.session.readonly,
                       soft_wrap=True, show_line_numbers=False, classes="decision")
        yield PersonalDataWarning(id="personal-decision", classes="in-pane")
        yield Static("", id="save-state", classes="save-state")

    def typed(self) -> tuple[str, str]:
        return (self.query_one("#notes", TextArea).text,
                self.query_one("#decision", TextArea).text)

    def refresh_data(self, item: AgendaItem) -> bool:
        """Another program's save shows in place; text typed here and not yet saved stays, and
        is compared with it when it is saved."""
        stored = (item.notes, item.decision)
        if stored == (self.item.notes, self.item.decision):
            self.item = item
            return True
        if self.typed() != (self.item.notes, self.item.decision):
            self._state(t("conflict.kept_yours"))
            return True
        self._show(item)
        self._state(t("conflict.refreshed"))
        return True

    def _show(self, item: AgendaItem) -> None:
        self.item = item
        with self.prevent(TextArea.Changed):
            for area, text in zip(self.query(TextArea), (item.notes, item.decision),
                                  strict=True):
                if area.text != text:
                    area.text = text
                self.query_one(f"#personal-{area.id}", PersonalDataWarning).check(text)

    def on_mount(self) -> None:
        for area in self.query(TextArea):
            self.query_one(f"#personal-{area.id}", PersonalDataWarning).check(area.text)

    def action_edit(self, which: str) -> None:
        area = self.query_one(f"#{which}", TextArea)
        area.focus()
        if which == "decision" and area.text and area.text == proposed_decision(
                self.session.ws, self.session.group, self.item):
            # Still the template's proposal: what the chair types replaces it (typed after
            # it, "Dagordningen godkändes." ran on from it); End or an arrow keeps it.
            area.select_all()

    def action_save(self) -> None:
        self.flush()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # The app's focus, not `self.screen`'s: a pane being removed has no screen any more.
        if action in ("edit",) and isinstance(self.app.focused, TextArea):
            return False  # typing "e" in the notes is typing
        return super().check_action(action, parameters)

    @on(TextArea.Changed)
    def _changed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        self.query_one(f"#personal-{area.id}", PersonalDataWarning).check(area.text)
        if self.session.readonly:
            return
        self._state(t("text.unsaved"), waiting=True)
        if self.autosave is not None:
            self.autosave.stop()
        self.autosave = self.set_timer(AUTOSAVE_SECONDS, self.flush)

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush()

    def flush(self) -> bool:
        if self.session.readonly or not self.is_mounted:
            return True
        if self.resolving:
            return False
        notes, decision = self.typed()
        if (notes, decision) == (self.item.notes, self.item.decision):
            if self.waiting:  # typed back to what is stored (Ctrl+Z): nothing is to be saved
                self._state(self.saved_state)
            return True
        return self._save(notes, decision, self.item)

    def _save(self, notes: str, decision: str, base: AgendaItem) -> bool:
        assert self.item.id is not None
        if max(len(clean_text(notes)), len(clean_text(decision))) > LONG_MAX:
            # A paste too long holds the chair on the item: said once (every flush tried again
            # and stacked the same message), with the way out (undo).
            said = t("text.not_saved_too_long", max=LONG_MAX)
            if (notes, decision) != self.refused:
                self.refused = (notes, decision)
                self.app.notify(said, severity="error", timeout=10)
            self._state(said, waiting=True)
            return False
        try:
            edited = attempt_showing_conflicts(
                self.app, meetings.edit_item, self.session.ws, self.item.id, notes=notes,
                decision=decision, base=base)
        except Failed:
            self._state(t("text.not_saved"), waiting=True)
            return False
        except Conflict as conflict:
            self._resolve(conflict)
            return False
        # A field the chair did not touch shows what is stored now (another program may have
        # written it); one typed keeps its text as typed (the stored one is cleaned of control
        # characters), to compare with what is typed next.
        typed = {"notes": notes, "decision": decision}
        kept = {name: value for name, value in typed.items() if value != getattr(base, name)}
        self.item = edited.model_copy(update=kept)
        self._show_typed(self.item.notes, self.item.decision)
        self.saved_state = t("text.saved_at", time=self.session.now().strftime("%H:%M"))
        self._state(self.saved_state)
        return True

    def _state(self, text: str, *, waiting: bool = False) -> None:
        self.waiting = waiting
        self.query_one("#save-state", Static).update(text)

    def _resolve(self, conflict: Conflict) -> None:
        from meetingtui.ui.conflicts import ask

        self.resolving = True
        self._state(t("text.not_saved"), waiting=True)
        theirs = conflict.theirs
        assert isinstance(theirs, AgendaItem)

        def chosen(model: AgendaItem) -> None:
            self.resolving = False
            self._show_typed(model.notes, model.decision)
            self._save(model.notes, model.decision, theirs)

        def back() -> None:
            self.resolving = False  # the chair's text stays; the next save asks again

        ask(self.app, conflict, {"notes": t("text.notes"), "decision": t("text.decision")},
            chosen, back)

    def _show_typed(self, notes: str, decision: str) -> None:
        with self.prevent(TextArea.Changed):
            for area, text in zip(self.query(TextArea), (notes, decision), strict=True):
                if area.text != text:
                    area.text = text
