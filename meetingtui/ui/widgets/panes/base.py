"""An agenda item's content pane: one subclass per item kind.

What every kind shares: the keys reach the item, never a field, until the chair enters one on
purpose (Enter or the item's edit key) and Esc leaves it (issue 12 §1); and every item has its
notes and decision (`b`), shown under its own § in the minutes (issue 12 §6).
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem
from meetingtui.ui.session import Session


class DecisionLine(Static):
    """The item's decision under its table, so the room sees what was decided; hidden empty."""

    DEFAULT_CSS = """
    DecisionLine { height: auto; max-height: 4; padding: 0 1; text-style: bold; display: none; }
    """

    def show(self, decision: str) -> None:
        text = " ".join(decision.split())
        self.update(t("item.decision_line", text=text) if text else "")
        self.display = bool(text)


class ItemPane(Vertical, can_focus=True):
    """Built for one item; `flush()` saves anything typed before the chair moves on.

    The pane itself takes focus when it has nothing better, so that its keys are active. The
    meeting screen keeps a pane once built and hides it while another item is shown: building
    one again (its widgets, their styles, a 200-row table) was most of what `n`/`p` cost.
    `revision` is the database's revision (`Workspace.revision`) at which what the pane shows
    was last known true; when the pane is shown again at a later one, `refresh_data` reads it.
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", t("text.leave"), id="pane.leave", show=False),
        Binding("b", "decision", t("item.decision"), id="pane.decision",
                tooltip=t("item.decision_help")),
    ]
    EDIT_ACTIONS: frozenset[str] = frozenset({"decision"})

    def __init__(self, session: Session, item: AgendaItem) -> None:
        super().__init__(classes="item-pane")
        self.session = session
        self.item = item
        self.revision: tuple[int, int] | None = None

    def mark_current(self) -> None:
        """What the pane shows is what is stored now."""
        self.revision = self.session.ws.revision()

    def is_current(self) -> bool:
        return self.revision == self.session.ws.revision()

    def refresh_data(self, item: AgendaItem) -> bool:
        """Show what is stored now, in place; False when the pane must be built anew instead
        (the default: a pane that composes from its data)."""
        return False

    def show_item(self, item: AgendaItem) -> None:
        """The item as stored now (its decision), for a pane that shows its data in place."""
        self.item = item
        for line in self.query(DecisionLine):
            line.show(item.decision)

    def on_unmount(self) -> None:
        from meetingtui.ui.widgets.kept_form import forget_forms

        forget_forms(self)

    def main_widget(self) -> Widget | None:
        """What gets focus when the item opens: never a field (a key would type into it)."""
        return self

    def editing(self) -> bool:
        """Whether the chair is typing in one of the pane's fields."""
        focused = self.screen.focused
        return (focused is not None and focused is not self
                and not isinstance(focused, DataTable) and self in focused.ancestors)

    def flush(self) -> bool:
        """Save pending edits; False if that failed (the chair stays on the item)."""
        return True

    def action_leave(self) -> None:
        """Escape from a field saves it and hands the keys back to the item (n/p, digits);
        escape from a table or from nothing goes back to the groups."""
        focused = self.screen.focused
        if focused is not None and focused is not self and not isinstance(focused, DataTable):
            self.flush()  # a failure says so and keeps the text; the keys are the item's again
            self.focus()
        else:
            self.call_later(self.screen.run_action, "home")

    def action_decision(self) -> None:
        """The item's notes and decision in a form (Ctrl+S saves; Esc cancels)."""
        from meetingtui.services import meetings
        from meetingtui.ui.dialogs.item_text import ItemTextDialog
        from meetingtui.ui.errors import Failed, attempt

        assert self.item.id is not None
        try:
            item = attempt(self.app, meetings.get_item, self.session.ws, self.item.id)
        except Failed:
            return

        def done(saved: AgendaItem | None) -> None:
            if saved is not None:
                self.show_item(saved)
                self.mark_current()
            self.focus_main()

        def save(edited: AgendaItem, base: AgendaItem | None) -> AgendaItem:
            return meetings.edit_item(self.session.ws, item.id or 0, notes=edited.notes,
                                      decision=edited.decision, base=base)

        self.app.push_screen(ItemTextDialog(item, save), done)

    def focus_main(self) -> None:
        widget = self.main_widget()
        if widget is not None and self.is_mounted:
            widget.focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.session.readonly and action in self.EDIT_ACTIONS)


class DataPane(ItemPane):
    """A pane that shows what the store holds, laid out for its width: `reload()` reads it and
    fills the widgets when the pane has a size; `fill()` lays them out again for a new width."""

    shown_width: int | None = None  # the width the widgets were laid out for

    def on_mount(self) -> None:
        self.reload()
        self.show_item(self.item)

    def on_resize(self) -> None:
        if self.size.width != self.shown_width:
            self.fill()

    def refresh_data(self, item: AgendaItem) -> bool:
        self.item = item
        self.reload()
        self.show_item(item)
        return True

    def reload(self) -> None:
        raise NotImplementedError

    def fill(self) -> None:
        raise NotImplementedError

    def fill_when_shown(self) -> None:
        """Lay out what `reload` read: now, or, while the pane is hidden (no size; another item
        is shown), by the resize that shows it again. Filled at the old width instead, a pane
        shown again kept what another program had changed meanwhile."""
        if self.size.width:
            self.fill()
        else:
            self.shown_width = None
