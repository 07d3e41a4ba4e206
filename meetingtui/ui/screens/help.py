"""`?` or F1: the keys of the screen underneath, all of them (the footer leaves out what does
not fit 80 columns), this screen's first and then those every screen has, each with what it
does, in the interface language; and a line on the command palette. Esc, ? or F1 closes it."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen, Screen
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.ui.textual_words import binding_words
from meetingtui.ui.widgets.footer import Footer

KEY_WIDTH = 12


def help_text(screen: Screen[object]) -> Text:
    """What the help screen shows for `screen`: what the tests read too."""
    app = screen.app
    own: list[tuple[str, str]] = []
    everywhere: list[tuple[str, str]] = []
    seen: set[str] = set()
    for node, binding, enabled, tooltip in screen.active_bindings.values():
        if binding.action in seen or not (binding.description or tooltip):
            continue
        if binding.action in ("app.help", "help") or not enabled:
            continue
        seen.add(binding.action)
        keys = ", ".join(app.get_key_display(Binding(key.strip(), "")) for key in
                         _keys_of(screen, binding.action))
        textual_words = binding_words(node, binding)  # Textual's own widgets speak English
        words = textual_words or binding.description
        if tooltip and tooltip != words and textual_words is None:
            words = f"{words}: {tooltip}" if words else tooltip
        (everywhere if node is app or binding.action.startswith("app.") else own).append(
            (keys, words))
    out = Text()
    for heading, rows in ((t("help.this_screen"), own), (t("help.everywhere"), everywhere)):
        if not rows:
            continue
        out.append(heading + "\n", style="bold underline")
        for keys, words in rows:
            out.append(f"{keys:<{KEY_WIDTH}} ", style="bold")
            out.append(words + "\n")
        out.append("\n")
    out.append(t("help.palette"), style="italic")
    return out


def _keys_of(screen: Screen[object], action: str) -> list[str]:
    """Every key bound to `action` on the screen ("x", "f6"), in the order they are bound."""
    return [key for key, (_node, binding, _enabled, _tip) in screen.active_bindings.items()
            if binding.action == action]


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,question_mark,f1", "close", t("common.back"), id="help.close"),
    ]

    def __init__(self, under: Screen[object]) -> None:
        super().__init__(classes="observation-screen")
        self.under = under

    def compose(self) -> ComposeResult:
        with Vertical(classes="form observation-box"):
            yield Static(t("help.title"), classes="form-title")
            with VerticalScroll(id="help-keys"):
                yield Static(help_text(self.under), id="help-text")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#help-keys").focus()

    def action_close(self) -> None:
        self.dismiss(None)
