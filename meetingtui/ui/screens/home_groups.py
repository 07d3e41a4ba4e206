"""The groups and the municipality from the home screen: adding a group of a type, correcting
one, archiving one (its meetings stay), and the municipality's settings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from meetingtui.i18n import t
from meetingtui.ui.errors import Failed, attempt

if TYPE_CHECKING:
    from meetingtui.ui.screens.home import HomeScreen


def edit_settings(screen: HomeScreen, *, first: bool = False) -> None:
    """The municipality's name (asked once on a new database) and its Word template."""
    from meetingtui.services import settings
    from meetingtui.ui.dialogs.settings import Settings, SettingsDialog

    template = settings.word_template(screen.ws)
    # Built, not validated: a new database has no name yet, and the form says what is
    # missing when it is saved.
    current = Settings.model_construct(
        municipality="" if first else settings.municipality(screen.ws),
        word_template=str(template) if template else "")

    def save(edited: Settings, _base: Settings | None) -> Settings:
        from pathlib import Path

        settings.set_municipality(screen.ws, edited.municipality)
        settings.set_word_template(
            screen.ws, Path(edited.word_template) if edited.word_template else None)
        return edited

    def saved(result: Settings | None) -> None:
        if result is not None:
            screen.sub_title = result.municipality

    screen.app.push_screen(SettingsDialog(current, save, first=first), saved)


def add_group(screen: HomeScreen) -> None:
    """Another group of a type: "Lokalt BRÅ Västra" beside the central council."""
    from meetingtui.model import Group
    from meetingtui.services import groups
    from meetingtui.ui.dialogs.group import GroupDialog

    templates = list(screen.ws.templates.templates.values())
    view = screen.selected()
    first = (view.template_id if view is not None and view.template_id in
             screen.ws.templates.templates else templates[0].id)
    draft = Group.model_construct(template_id=first, name="", short="", chair="",
                                  frequency=None, skip_months=None, archived=False)

    def save(edited: Group, _base: Group | None) -> Group:
        group = groups.add_group(screen.ws, edited.template_id, edited.name, edited.short)
        return groups.update_group(screen.ws, group.model_copy(update={
            "chair": edited.chair, "frequency": edited.frequency,
            "skip_months": edited.skip_months}), group)

    screen.app.push_screen(GroupDialog(draft, save, templates=templates),
                           lambda _: screen.reload())


def edit_group(screen: HomeScreen) -> None:
    """The selected group's name, chair and rhythm corrected."""
    from meetingtui.services import groups
    from meetingtui.ui.dialogs.group import GroupDialog

    view = screen.selected()
    if view is None:
        return
    group = groups.get_group(screen.ws, view.group_id)
    screen.app.push_screen(GroupDialog(group, lambda edited, base: groups.update_group(
        screen.ws, edited, base or group)), lambda _: screen.reload())


def archive_group(screen: HomeScreen) -> None:
    """The group leaves the home screen and keeps its meetings (`groups archive --undo`
    brings it back)."""
    from meetingtui.services import groups
    from meetingtui.ui.dialogs.confirm import ConfirmDialog

    view = screen.selected()
    if view is None:
        return

    def answer(yes: bool | None) -> None:
        if yes:
            try:
                attempt(screen.app, groups.archive_group, screen.ws, view.group_id)
            except Failed:
                return
            screen.reload()

    screen.app.push_screen(ConfirmDialog(t("group.archive_title"), t(
        "group.archive_question", name=view.name), default=False), answer)
