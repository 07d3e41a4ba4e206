"""Bindings and palette commands every screen has: search, theme, export, action list, quit."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.binding import Binding
from textual.screen import Screen

from meetingtui.i18n import t

Command = tuple[str, Callable[[], object], str]

COMMON_BINDINGS = [
    Binding("question_mark", "app.help", t("help.key"), id="app.help"),
    Binding("slash", "app.search", t("search.key"), id="app.search", tooltip=t("search.help")),
    Binding("t", "app.toggle_theme", t("app.theme"), id="app.theme"),
    Binding("f6", "app.export", t("app.export"), id="app.export"),
    Binding("f7", "app.action_list", t("app.action_list"), id="app.action_list"),
    Binding("ctrl+q", "app.quit", t("app.quit"), id="app.quit", show=False, priority=True),
]


def common_commands(screen: Screen[Any]) -> list[Command]:
    app = screen.app
    return [
        (t("search.title"), lambda: app.run_action("search"), t("search.help")),
        (t("app.theme_high_contrast"), lambda: app.run_action("toggle_theme"),
         t("app.theme_help")),
        (t("app.export"), lambda: app.run_action("export"), t("app.export_help")),
        (t("app.action_list"), lambda: app.run_action("action_list"),
         t("app.action_list_help")),
        (t("app.quit"), lambda: app.run_action("quit"), ""),
    ]
