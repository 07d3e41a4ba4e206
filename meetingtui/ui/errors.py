"""The one place the UI meets store errors: a service call that fails tells the user why.

Every service call commits before it returns, so "saved" is shown only after `attempt` returned a
value; on a failure the message is shown and the caller keeps the user's input where it was.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, ParamSpec, TypeVar

from textual.app import App

from meetingtui.i18n import has, t, validation_message
from meetingtui.services.errors import (
    Conflict,
    Gone,
    GroupError,
    MeetingClosed,
    NotRemovable,
    StoreError,
)

P = ParamSpec("P")
R = TypeVar("R")


class Failed(Exception):
    """A service call did not happen; the user has been told."""


def attempt(app: App[Any], call: Callable[P, R], *args: P.args, **kwargs: P.kwargs) -> R:
    """Run a service call; on a store, lookup or validation error notify and raise `Failed`."""
    return _attempt(app, False, lambda: call(*args, **kwargs))


def attempt_showing_conflicts(app: App[Any], call: Callable[P, R], *args: P.args,
                              **kwargs: P.kwargs) -> R:
    """As `attempt`, but a `Conflict` is raised for the caller to show (`ui.conflicts`)."""
    return _attempt(app, True, lambda: call(*args, **kwargs))


def _attempt(app: App[Any], conflicts: bool, run: Callable[[], R]) -> R:
    try:
        return run()
    except Conflict:
        if conflicts:
            raise
        # Forms offer the choice themselves (see `ui.dialogs.conflict`); anywhere else the
        # other program's save stands and the user is told.
        app.notify(t("conflict.elsewhere"), title=t("error.not_saved"), severity="error",
                   timeout=10)
    except Gone:
        app.notify(t("conflict.gone"), title=t("error.not_saved"), severity="error", timeout=10)
    except MeetingClosed:
        app.notify(t("amend.closed"), title=t("error.not_saved"), severity="error", timeout=10)
    except GroupError as error:
        app.notify(t(f"cli_groups.{error.reason}", **error.words), title=t("error.not_saved"),
                   severity="error", timeout=10)
    except NotRemovable:
        app.notify(t("remove.not_removable"), severity="warning", timeout=8)
    except StoreError as error:
        app.notify(store_message(error), title=t("error.not_saved"), severity="error",
                   timeout=10)
    except (LookupError, ValueError) as error:
        app.notify(_message(error), title=t("error.not_saved"), severity="error", timeout=10)
    raise Failed


def store_message(error: StoreError) -> str:
    """The store's message in the UI's language when its reason has words there (the file
    named, as the CLI names it); the store's own English words otherwise."""
    path = error.path
    key = f"store.{error.reason}"
    if path is None or not has(key):
        return str(error)
    return t(key, path=str(path), folder=str(path.parent), name=path.name)


def _message(error: Exception) -> str:
    # pydantic's ValidationError is a ValueError, told apart without importing pydantic: the
    # home screen's first frame must not wait for it, and while it is not loaded no model can
    # have raised one.
    core = sys.modules.get("pydantic_core")
    if core is not None and isinstance(error, core.ValidationError):
        first = error.errors()[0]
        return validation_message(first["type"], first["msg"], first.get("ctx"))
    return str(error)


def saved(app: App[Any]) -> None:
    app.notify(t("common.saved"), timeout=2)
