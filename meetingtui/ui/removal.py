"""Removing something asks first, with the safe answer on Enter (issue 12 §9): a measure, a
cause, an observation or a planned meeting added by mistake goes only on `j`."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.app import App

from meetingtui.i18n import t
from meetingtui.ui.errors import Failed, attempt


def remove_after_asking(app: App[Any], title: str, question: str, remove: Callable[[], object],
                        removed: Callable[[], None]) -> None:
    """Ask `question`; on yes run `remove` (a service call; a failure is told) and then
    `removed` (the caller shows what is left)."""
    from meetingtui.ui.dialogs.confirm import ConfirmDialog

    def answer(yes: bool | None) -> None:
        if not yes:
            return
        try:
            attempt(app, remove)
        except Failed:
            return
        app.notify(t("remove.done"), timeout=2)
        removed()

    app.push_screen(ConfirmDialog(title, question, default=False), answer)
