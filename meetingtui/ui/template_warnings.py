"""Template folders and files that could not be read, told once when the app starts.

The templates are read in a thread after the first frame (reading them imports pydantic and
markdown-it); the warning follows when they are in. The app goes on with what did load: the
built-in templates at least, so a missing or broken folder of the municipality's own never
stops a meeting.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from textual.app import App

from meetingtui.i18n import has, language, t
from meetingtui.services.workspace import Workspace

if TYPE_CHECKING:  # importing the loader would import pydantic before the first frame
    from meetingtui.agenda import TemplateError

SHOWN = 5


def template_problem(error: TemplateError) -> str:
    """A folder problem as a sentence of its own; a file's `FILE:LINE: message` as the command
    line says it. Both in the UI's language."""
    reason = getattr(error, "reason", None)
    key = f"templates.folder_{reason}"
    if reason is not None and has(key):
        return t(key, folder=str(error.path))
    return error.located(language())


def template_warning(errors: list[TemplateError]) -> str:
    lines = [f"• {template_problem(error)}" for error in errors[:SHOWN]]
    if len(errors) > SHOWN:
        lines.append(t("templates.more", count=len(errors) - SHOWN))
    lines.append(t("templates.others_used"))
    return "\n".join(lines)


def warn_about_templates(app: App[Any], ws: Workspace) -> None:
    """Read the templates off the UI thread and notify about any that could not be read."""

    def notify(errors: list[TemplateError]) -> None:
        app.notify(template_warning(errors), title=t("templates.title"), severity="warning",
                   timeout=20)

    def load() -> None:
        errors = list(ws.templates.errors)
        if errors:
            app.call_from_thread(notify, errors)

    app.run_worker(load, thread=True, name="templates", exit_on_error=False)
