"""Textual's own words the app shows, in the interface language: the command palette (its
placeholder and "No matches found"), the system commands beside the app's, the Ctrl+C toast, and
what the keys of Textual's own widgets do (for the help screen).

Textual writes these in English inside its classes; each hook below is the narrowest public (or
stable, pinned by `textual<9`) place to say them otherwise. A test walks the app in Swedish and
fails on any English word it sees (tests/i18n/test_i18n_english.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from rich.align import Align
from rich.text import Text
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.command import CommandList, CommandPalette
from textual.screen import Screen
from textual.widgets.option_list import Option

from meetingtui.i18n import has, t


class Palette(CommandPalette):
    """Textual's palette with the placeholder and its "no matches" line in our words."""

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(placeholder=t("palette.placeholder"), **kwargs)

    def _start_no_matches_countdown(self, search_value: str) -> None:
        # Textual's own method (command.py) with the line in our words; it writes the words
        # inside a closure, so no smaller override reaches them.
        self._stop_no_matches_countdown()

        def _show_no_matches() -> None:
            if search_value:
                self.query_one(CommandList).add_option(Option(
                    Align.center(Text(t("palette.no_matches"), style="not bold")),
                    disabled=True, id=self._NO_MATCHES))
                self._list_visible = True
            else:
                self._list_visible = False

        self._no_matches_timer = self.set_timer(self._NO_MATCHES_COUNTDOWN, _show_no_matches)


def system_commands(app: App[Any], screen: Screen[Any]) -> Iterable[SystemCommand]:
    """Textual's system commands the app keeps, in our words. Its "Theme" and "Quit" are left
    out (every screen has the app's own: `t` toggles the projector theme, Ctrl+Q quits) and so is
    "Keys" (Textual's keys panel, in English: `?`/F1 open the app's help, listed instead) and
    "Screenshot" (an SVG in the working folder is no tool for a meeting)."""
    yield SystemCommand(t("palette.help"), t("palette.help_help"),
                        lambda: app.run_action("help"))
    if screen.maximized is not None:
        yield SystemCommand(t("palette.minimize"), t("palette.minimize_help"),
                            screen.action_minimize)
    elif screen.focused is not None and screen.focused.allow_maximize:
        yield SystemCommand(t("palette.maximize"), t("palette.maximize_help"),
                            screen.action_maximize)


def quit_hint(app: App[Any]) -> None:
    """Ctrl+C no longer quits (it copies in a field): say which key does, as Textual does."""
    for active in app.active_bindings.values():
        if active.binding.action in ("quit", "app.quit"):
            app.notify(t("palette.quit_hint", quit_key=app.get_key_display(active.binding)),
                       title=t("palette.quit_title"))
            return


def binding_words(node: object, binding: Binding) -> str | None:
    """What a key of one of Textual's own widgets does (an Input's ←, a DataTable's Enter …), in
    the interface language; None for the app's own keys, which say it themselves."""
    # Textual splits "ctrl+c,super+c" into one binding per key: compare what it does, not keys.
    textual = {(b.action, b.description) for cls in type(node).__mro__
               if cls.__module__.startswith("textual.")
               for b in getattr(cls, "BINDINGS", ()) if isinstance(b, Binding)}
    if (binding.action, binding.description) not in textual:
        return None
    key = f"textual.{binding.action}"
    return t(key) if has(key) else None


_KEYCAPS = {"del": "Del", "esc": "Esc", "tab": "Tab", "home": "Home", "end": "End",
            "pgup": "PgUp", "pgdn": "PgDn", "ins": "Ins", "space": "Space"}


def keycap(shown: str) -> str:
    """A key as it is printed on the keyboard and in the guides ("F5", "Del", "^P"), where
    Textual writes "f5", "del", "^p"; as wide as Textual's, so the footer fits the same."""
    if shown in _KEYCAPS:
        return _KEYCAPS[shown]
    if len(shown) in (2, 3) and shown[0] == "f" and shown[1:].isdigit():
        return shown.upper()
    if len(shown) == 2 and shown[0] == "^":
        return shown.upper()
    if shown[:1] == "^" and shown[1:] in _KEYCAPS:  # "^PgUp", "^Home" in the help
        return "^" + _KEYCAPS[shown[1:]]
    return shown
