"""A one-line choice among a few values, changed with ←/→ or space: compact and keyboard-first.

The mouse does what Textual's `Select` does, on the same single line: a click on ‹ steps back, on ›
forward, and anywhere else opens the values in a small list under the choice, where a click
picks one (`ChoiceMenu`). The list is a screen of its own, made only when it is opened, so a
form with several choices opens as fast as before."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import OptionList

V = TypeVar("V")


class Choice(Widget, Generic[V], can_focus=True):
    """Shows `‹ label ›`; left/right (or space) pick the previous/next value."""

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1; background: $boost; pointer: pointer; }
    Choice:focus { background: $primary 30%; text-style: bold; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("left", "step(-1)", show=False),
        Binding("right,space", "step(1)", show=False),
    ]

    index: reactive[int] = reactive(0)

    class Changed(Message):
        """The chosen value changed."""

        def __init__(self, choice: Choice[object]) -> None:
            super().__init__()
            self.choice = choice

        @property
        def control(self) -> Choice[object]:
            return self.choice

    def __init__(self, options: Sequence[tuple[str, V]], value: V | None = None,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.options = list(options)
        values = [option[1] for option in self.options]
        self.set_reactive(Choice.index, values.index(value) if value in values else 0)

    @property
    def value(self) -> V:
        return self.options[self.index][1]

    def select(self, value: V) -> None:
        """Show `value` (the first option when it is not one of them)."""
        values = [option[1] for option in self.options]
        self.index = values.index(value) if value in values else 0

    def render(self) -> Text:
        return Text(f"‹ {self.options[self.index][0]} ›")

    def action_step(self, step: int) -> None:
        self.index = (self.index + step) % len(self.options)

    def watch_index(self) -> None:
        self.post_message(self.Changed(self))  # type: ignore[arg-type]

    def on_click(self, event: events.Click) -> None:
        """‹ (or the padding before it) steps back, › (or the cell after it) forward; the
        label or the empty rest of the line opens the list."""
        event.stop()
        x = event.get_content_offset_capture(self).x
        arrow = cell_len(f"‹ {self.options[self.index][0]} ")  # where › is drawn
        if x <= 1:
            self.action_step(-1)
        elif arrow - 1 <= x <= arrow + 1:
            self.action_step(1)
        else:
            self.open_menu()

    def open_menu(self) -> None:
        """The values in a list under the choice; the one clicked (or Enter on) is chosen."""
        def picked(index: int | None) -> None:
            if index is not None:
                self.index = index

        self.app.push_screen(ChoiceMenu([label for label, _ in self.options], self.index,
                                        self.content_region.x, self.region.y, self.region.bottom),
                             picked)


class ChoiceMenu(ModalScreen[int | None]):
    """A choice's values under it (over it when there is no room below): a click or Enter picks
    one, Esc or a click beside the list leaves the choice as it was."""

    DEFAULT_CSS = """
    ChoiceMenu { align: left top; background: transparent; }
    ChoiceMenu > OptionList, ChoiceMenu > OptionList:focus {
        width: auto; max-width: 100%; height: auto; max-height: 12; border: round $primary;
        background: $surface; padding: 0;
    }
    ChoiceMenu > OptionList > .option-list--option { padding: 0 1; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss_menu", show=False)]

    def __init__(self, labels: list[str], current: int, x: int, top: int, bottom: int) -> None:
        super().__init__()
        self.labels = labels
        self.current = current
        self.place = (x, top, bottom)

    def compose(self) -> ComposeResult:
        yield OptionList(*self.labels)

    def on_mount(self) -> None:
        menu = self.query_one(OptionList)
        menu.highlighted = self.current
        x, top, bottom = self.place
        height = min(len(self.labels), 10) + 2  # the list and its border
        width = max(cell_len(label) for label in self.labels) + 4
        room_below = self.size.height - bottom
        y = bottom if room_below >= height else max(0, top - height)
        menu.styles.offset = (max(0, min(x - 1, self.size.width - width)), y)
        menu.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option_index)

    def on_click(self, event: events.Click) -> None:
        if event.widget is self:  # beside the list
            self.dismiss(None)

    def action_dismiss_menu(self) -> None:
        self.dismiss(None)
