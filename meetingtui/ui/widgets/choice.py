"""A one-line choice among a few values, changed with ←/→ or space: compact and keyboard-first."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Generic, TypeVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.reactive import reactive
from textual.widget import Widget

V = TypeVar("V")


class Choice(Widget, Generic[V], can_focus=True):
    """Shows `‹ label ›`; left/right (or space) pick the previous/next value."""

    DEFAULT_CSS = """
    Choice { height: 1; width: 1fr; padding: 0 1; background: $boost; }
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
