"""Form dialogs built once for the pane that shows them again and again.

A pane of the meeting lives as long as the meeting screen, and the chair opens its form for one
row after another: building the form's widgets was most of what opening it cost (issue 7). The
dialog is installed under a name of the pane's own and refilled for each row (see
`FormDialog.refill`); `forget_forms` uninstalls them when the pane goes.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar
from weakref import WeakKeyDictionary

from textual.widget import Widget

from meetingtui.ui.widgets.form import FormDialog

D = TypeVar("D", bound=FormDialog[Any])

_kept: WeakKeyDictionary[Widget, set[str]] = WeakKeyDictionary()


def push_form(owner: Widget, kind: type[D], build: Callable[[], D], show: Callable[[D], None],
              done: Callable[[Any], None]) -> None:
    """Push `owner`'s form of this kind: built by `build` the first time, refilled by `show`
    after that; `done` gets its result as with `push_screen`."""
    app = owner.app
    name = f"{kind.__name__}-{id(owner)}"
    if app.is_screen_installed(name):
        dialog = app.get_screen(name)
        assert isinstance(dialog, kind)
        show(dialog)
    else:
        app.install_screen(build(), name)
        _kept.setdefault(owner, set()).add(name)
    app.push_screen(name, done)


def forget_forms(owner: Widget) -> None:
    """Uninstall the forms kept for `owner` (one still open stays until it closes)."""
    app = owner.app
    for name in _kept.pop(owner, set()):
        if app.is_screen_installed(name) and app.get_screen(name) not in app.screen_stack:
            app.uninstall_screen(name)
