"""An agenda item's content pane: one subclass per item kind."""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import DataTable

from meetingtui.i18n import t
from meetingtui.model import AgendaItem
from meetingtui.ui.session import Session


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
    ]
    EDIT_ACTIONS: frozenset[str] = frozenset()

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

    def on_unmount(self) -> None:
        from meetingtui.ui.widgets.kept_form import forget_forms

        forget_forms(self)

    def main_widget(self) -> Widget | None:
        """What gets focus when the item opens."""
        return self

    def flush(self) -> bool:
        """Save pending edits; False if that failed (the chair stays on the item)."""
        return True

    def action_leave(self) -> None:
        """Escape from a field saves it and hands the keys back to the agenda (n/p, digits);
        escape from a table or from nothing goes back to the groups."""
        focused = self.screen.focused
        if focused is not None and focused is not self and not isinstance(focused, DataTable):
            self.flush()
            self.focus()
        else:
            self.call_later(self.screen.run_action, "home")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return not (self.session.readonly and action in self.EDIT_ACTIONS)
