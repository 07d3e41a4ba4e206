"""Small per-database preferences the UI remembers (the theme)."""

from __future__ import annotations

from meetingtui.services.workspace import Workspace
from meetingtui.store import settings as rows

THEME_KEY = "ui.theme"


def get_theme(ws: Workspace, default: str) -> str:
    return rows.get_setting(ws.store, THEME_KEY, default)


def set_theme(ws: Workspace, theme: str) -> None:
    rows.set_setting(ws.store, THEME_KEY, theme)
