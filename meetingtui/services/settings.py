"""The database's own settings: the municipality's name, its Word template, the theme.

One file is the whole state of a municipality's meetingtui, so these live in it (`settings`
table), not in a config file beside it. `meetingtui config` and the app's settings screen read
and write them here.
"""

from __future__ import annotations

from pathlib import Path

from meetingtui.services.workspace import Workspace
from meetingtui.store import settings as rows

THEME_KEY = "ui.theme"
MUNICIPALITY_KEY = "municipality"
WORD_TEMPLATE_KEY = "word_template"
#: The demo's fictional municipality. A real one gives its own name (the app asks on a new
#: database); until it has, minutes and lists name none rather than the demo's town.
DEFAULT_MUNICIPALITY = "Exempelkommun"


def get_theme(ws: Workspace, default: str) -> str:
    return rows.get_setting(ws.store, THEME_KEY, default)


def set_theme(ws: Workspace, theme: str) -> None:
    rows.set_setting(ws.store, THEME_KEY, theme)


def municipality(ws: Workspace) -> str:
    """The municipality's name, "" until it has given one."""
    return rows.get_setting(ws.store, MUNICIPALITY_KEY, "")


def municipality_set(ws: Workspace) -> bool:
    """Whether a municipality has given its name (a new database asks for it once)."""
    return bool(rows.get_setting(ws.store, MUNICIPALITY_KEY, "").strip())


def set_municipality(ws: Workspace, name: str) -> str:
    """The municipality's name as minutes, action lists and calendars print it."""
    from pydantic import TypeAdapter

    from meetingtui.model import Name

    cleaned: str = TypeAdapter(Name).validate_python(name)
    rows.set_setting(ws.store, MUNICIPALITY_KEY, cleaned)
    return cleaned


def database_id(ws: Workspace) -> str:
    """The id made once for this database (schema 5): calendar UIDs derive from it, so that
    renaming the municipality changes none."""
    return rows.get_setting(ws.store, "database_id", "")


def word_template(ws: Workspace) -> Path | None:
    """The municipality's own Word document (.docx or .dotx) minutes and action lists start
    from: its styles, headers and footers (as pandoc's --reference-doc); None: the built-in."""
    value = rows.get_setting(ws.store, WORD_TEMPLATE_KEY, "").strip()
    return Path(value) if value else None


def set_word_template(ws: Workspace, path: Path | None) -> None:
    rows.set_setting(ws.store, WORD_TEMPLATE_KEY, str(path) if path is not None else "")
