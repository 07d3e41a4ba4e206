"""A short list of which any number may be chosen: ↑/↓ move, space chooses or leaves the one under
the cursor, and "[x]" before a chosen one says so in words, not in a colour alone (a projector
washes colours out). Enter is the form's: it saves."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList

V = TypeVar("V")

CHOSEN = "[x] "
LEFT = "[ ] "


class Checklist(OptionList, Generic[V]):
    DEFAULT_CSS = """
    Checklist { height: auto; max-height: 6; border: none; padding: 0; background: $boost; }
    Checklist:focus { background: $primary 30%; border: none; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "choose", show=False),
    ]

    class Changed(Message):
        """What is chosen changed."""

        def __init__(self, checklist: Checklist[object]) -> None:
            super().__init__()
            self.checklist = checklist

        @property
        def control(self) -> Checklist[object]:
            return self.checklist

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.texts: list[str] = []
        self.values: list[V] = []
        self.chosen: set[V] = set()

    def offer(self, items: Sequence[tuple[str, V]], chosen: set[V]) -> None:
        """Show `items` (text, value), those in `chosen` chosen, the cursor on the first."""
        self.texts = [text for text, _ in items]
        self.values = [value for _, value in items]
        self.chosen = {value for value in self.values if value in chosen}
        self.set_options([self._prompt(index) for index in range(len(self.values))])
        self.highlighted = 0 if self.values else None

    @property
    def selected(self) -> list[V]:
        """The chosen values, in the list's order."""
        return [value for value in self.values if value in self.chosen]

    def _prompt(self, index: int) -> Text:
        chosen = self.values[index] in self.chosen
        return Text.assemble((CHOSEN if chosen else LEFT, "bold" if chosen else ""),
                             (self.texts[index], "bold" if chosen else ""))

    def action_choose(self) -> None:
        index = self.highlighted
        if index is None:
            return
        value = self.values[index]
        self.chosen ^= {value}
        self.replace_option_prompt_at_index(index, self._prompt(index))
        self.post_message(self.Changed(self))  # type: ignore[arg-type]
