"""What the sub-commands share: the locations, the language, an opened workspace, and errors
said in the interface language."""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from meetingtui.paths import Locations

if TYPE_CHECKING:
    from meetingtui.model import Group
    from meetingtui.services.workspace import Workspace


_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
#: The largest meeting number SQLite can hold (a signed 64-bit integer).
MAX_ID = 2**63 - 1


class UserError(Exception):
    """Bad arguments or input: said in one line, exit 1. With ``key``, the i18n key (formatted
    with ``fields``) says it in the interface language; the message is the English words."""

    def __init__(self, message: str, *, key: str | None = None, **fields: str) -> None:
        super().__init__(message)
        self.key = key
        self.fields = fields


@dataclass
class Context:
    locations: Locations
    lang: str | None

    @property
    def language(self) -> str:
        """`--lang`, else as the app would choose (`MEETINGTUI_LANG`, then the locale)."""
        from meetingtui.i18n import default_language

        return self.lang or default_language()

    @property
    def database(self) -> Path:
        return self.locations.db.expanduser()

    def require_database(self) -> None:
        """For the commands that only read (or export): refuse, creating and changing nothing,
        when there is no database (a mistyped --db) or one meetingtui may not open. Only the
        app, `open`, `demo` and a restore (`backup`) may create one."""
        from meetingtui.store.db import inspect_database

        inspect_database(self.database, create=False)

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
        click.echo(warning(error.located(lang)), err=True)


def group_named(ws: Workspace, name: str, *, archived: bool = False) -> Group:
    """A group by id, short name or name, or by template id where only one group has it, in
    any case; a clear error otherwise (several groups of one type are named each by its own
    short name). `archived`: an archived group may be named too."""
    from meetingtui.services.groups import ensure_groups, find_group, find_groups

    ensure_groups(ws)
    group = find_group(ws, name)
    if group is None or (group.archived and not archived):
        found = find_groups(ws, name)
        if len(found) > 1:
            shorts = ", ".join(g.short for g in found)
            raise UserError(f"{name!r} is the type of several groups; name one: {shorts}",
                            key="cli_groups.ambiguous", name=name, shorts=shorts)
        known = ", ".join(g.short for g in ensure_groups(ws))
        raise UserError(f"no group called {name!r}; known groups: {known}",
                        key="cli_groups.unknown", name=name, known=known)
    return group


def day_option(option: str, text: str | None, today: date) -> date | None:
    """A date option's day: ISO at once, else as the app reads dates ("1 dec", "1/12")."""
    if text is None:
        return None
    if _ISO_DATE.match(text.strip()):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            pass  # 2026-02-30: let parse_date say what works
    from meetingtui.dates import DateError, parse_date  # loads the model: only for "1 dec" …

    try:
        return parse_date(text, today)
    except DateError as error:
        from meetingtui.dates import EXAMPLE, say_month
        from meetingtui.i18n import language

        if error.missing is not None:
            year, month, day = error.missing
            raise UserError(f"{option}: {error}", key="cli_errors.no_such_day", option=option,
                            text=error.text, day=str(day), year=str(year),
                            days=str(error.days_in_month),
                            month=say_month(month, language())) from None
        raise UserError(f"{option}: {error}", key="cli_errors.not_a_date", option=option,
                        text=error.text, example=EXAMPLE) from None


def meeting_id(text: str) -> int:
    try:
        number = int(text)
    except ValueError:
        raise UserError(f"{text!r} is not a meeting number (see `meetingtui meetings`)",
                        key="cli_errors.not_a_meeting_number", text=text) from None
    if not -MAX_ID <= number <= MAX_ID:  # no meeting has it: SQLite could not even store it
        raise no_meeting(number)
    return number


def warning(text: str) -> str:
    """"meetingtui: varning: …": the work was done, but the user should know this."""
    from meetingtui.i18n import language, section

    return section(language(), "cli_errors")["warning"].format(text=text)


def personal_number_in(where: object) -> str:
    from meetingtui.i18n import language, section

    return section(language(), "cli_errors")["personal_number_in"].format(where=where)


def unknown_group(error: Any) -> UserError:
    """A `group_names.UnknownGroup`, said as every command says it, in the user's language."""
    if error.several:
        shorts = ", ".join(error.several)
        return UserError(str(error), key="cli_groups.ambiguous", name=error.name, shorts=shorts)
    return UserError(str(error), key="cli_groups.unknown", name=error.name,
                     known=", ".join(error.known))


def no_meeting(number: int) -> UserError:
    return UserError(f"No meeting with id {number} (see `meetingtui meetings`)",
                     key="cli.no_meeting", id=str(number))


def words(lang: str, key: str, **fields: Any) -> str | None:
    """The catalogue's text for `key` in `lang` (Swedish where `lang` lacks it), formatted; None
    when neither catalogue has it or a field is missing."""
    from meetingtui.i18n import catalogue, format_text

    text = catalogue(lang).get(key) or catalogue("sv").get(key)
    if text is None:
        return None
    try:
        return format_text(text, fields, lang)
    except (KeyError, IndexError, ValueError):
        return None
