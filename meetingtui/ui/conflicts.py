"""Saving when another program may have saved first: a clash on a field the user changed is
shown (`ui.dialogs.conflict`) and resolved on purpose, never overwritten either way silently.

`save_resolving(app, save, edited, base, labels, done)` calls `save(edited, base)`; when that
raises `Conflict` it asks the user, and saves the choice on top of what the other program
stored (the choice is then the user's edit of that). `done` gets what was stored, or None when
nothing was (a failure already told, or the user went back to editing).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, time
from enum import StrEnum
from typing import Any, TypeVar

from textual.app import App

from meetingtui.i18n import t
from meetingtui.services.errors import Conflict
from meetingtui.ui.dialogs.conflict import Choice, Clash, ConflictDialog
from meetingtui.ui.errors import Failed, attempt_showing_conflicts
from meetingtui.ui.labels import label

R = TypeVar("R")


def shown(value: object) -> str:
    """A field's value as the user reads it."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return t("common.yes") if value else t("common.no")
    if isinstance(value, StrEnum):
        return label(value)
    if isinstance(value, time):
        return value.strftime("%H:%M")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)


def clashes_of(conflict: Conflict, labels: Mapping[str, str]) -> list[Clash]:
    return [Clash(field, labels.get(field, field), shown(getattr(conflict.mine, field, "")),
                  shown(getattr(conflict.theirs, field, ""))) for field in conflict.fields]


def resolved(conflict: Conflict, choice: Choice, values: Mapping[str, str]) -> Any:
    """The user's record with each clashing field as chosen: theirs, mine, or the merged text
    (a field that is not text keeps the user's value when merged)."""
    changes: dict[str, Any] = {}
    for field in conflict.fields:
        mine, theirs = getattr(conflict.mine, field), getattr(conflict.theirs, field)
        if choice == "theirs":
            changes[field] = theirs
        elif choice == "merged" and isinstance(mine, str):
            changes[field] = values.get(field, mine)
        else:
            changes[field] = mine
    return conflict.mine.model_validate({**conflict.mine.model_dump(), **changes})


def save_resolving(app: App[Any], save: Callable[[R, R | None], R], edited: R, base: R | None,
                   labels: Mapping[str, str], done: Callable[[R | None], None]) -> None:
    try:
        stored = attempt_showing_conflicts(app, save, edited, base)
    except Failed:
        done(None)
        return
    except Conflict as conflict:
        theirs = conflict.theirs  # the name `conflict` is gone after this block
        ask(app, conflict, labels, lambda model: save_resolving(
            app, save, model, theirs, labels, done), lambda: done(None))
        return
    done(stored)


def ask(app: App[Any], conflict: Conflict, labels: Mapping[str, str],
        chosen: Callable[[Any], None], back: Callable[[], None]) -> None:
    """Show the clash; `chosen` gets the record to save (on top of theirs), `back` is called
    when the user returns to editing."""

    def answered(answer: tuple[Choice, dict[str, str]] | None) -> None:
        if answer is None:
            back()
        else:
            chosen(resolved(conflict, *answer))

    app.push_screen(ConflictDialog(clashes_of(conflict, labels)), answered)
