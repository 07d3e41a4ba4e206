"""What the sub-commands share: the locations, the language, and an opened workspace."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING

from meetingtui.paths import Locations

if TYPE_CHECKING:
    from meetingtui.model import Group
    from meetingtui.services.workspace import Workspace


class UserError(Exception):
    """Bad arguments or input: said in one line, exit 1."""


@dataclass
class Context:
    locations: Locations
    lang: str | None

    @property
    def language(self) -> str:
        """`--lang`, else as the app would choose (`MEETINGTUI_LANG`, then the locale)."""
        from meetingtui.i18n import default_language

        return self.lang or default_language()

    @contextmanager
    def workspace(self) -> Iterator[Workspace]:
        from meetingtui.services.workspace import open_workspace

        ws = open_workspace(self.locations)
        try:
            yield ws
        finally:
            # Only a command that used the templates reads them (they are read on first use).
            if ws.templates_loaded:
                warn_about_templates(ws, self.language)
            ws.close()


def warn_about_templates(ws: Workspace, lang: str) -> None:
    """A missing, empty or broken template folder or file, one line each on stderr in the
    user's language: the command goes on with the templates that did load (the built-in ones
    at least)."""
    import click

    for error in ws.templates.errors:
        click.echo(f"meetingtui: warning: {error.located(lang)}", err=True)


def group_named(ws: Workspace, name: str) -> Group:
    """A group by template id or short name, in any case; a clear error otherwise."""
    from meetingtui.services.groups import ensure_groups, find_group

    ensure_groups(ws)
    group = find_group(ws, name)
    if group is None:
        known = ", ".join(g.short for g in ensure_groups(ws))
        raise UserError(f"no group called {name!r}; known groups: {known}")
    return group


def meeting_id(text: str) -> int:
    try:
        return int(text)
    except ValueError:
        raise UserError(f"{text!r} is not a meeting number (see `meetingtui meetings`)") from None
