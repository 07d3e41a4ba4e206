"""The Textual app and its factory, shared by the command line and the tests.

Keep start-up light: screens are imported when they are first shown, after the language is set
(binding labels are read when a screen class is defined).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextlib import suppress
from dataclasses import replace
from typing import TYPE_CHECKING, Any, ClassVar

from textual import events
from textual.app import App, SystemCommand
from textual.binding import Binding, BindingType
from textual.screen import Screen

from meetingtui.i18n import set_language, t
from meetingtui.services import settings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.commands import ScreenCommands
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.signals import quit_on_signals
from meetingtui.ui.textual_words import Palette, keycap, quit_hint, system_commands
from meetingtui.ui.themes import DEFAULT_THEME, HIGH_CONTRAST, high_contrast
from meetingtui.ui.type_ahead import TypeAhead

if TYPE_CHECKING:
    from textual.widgets import Input, TextArea


class MeetingApp(App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {ScreenCommands}
    # Tab moves the focus as the app reads the key, before it hands the keys after it to a
    # field: a burst of keys (a fast typist, a remote desktop, an SSH link) otherwise puts what
    # was typed after Tab in the field before it, where that field's keys were already queued.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("tab", "next_field", show=False, priority=True),
        Binding("shift+tab", "previous_field", show=False, priority=True),
        # F1 works in a text field too, and on every dialog; `?` (a question mark in a text
        # field) is each screen's, in COMMON_BINDINGS, where the footer shows it.
        Binding("f1", "help", "F1", show=False, priority=True),
        # Ctrl+A marks the whole text, as in Word and Outlook; Textual's fields took it for
        # Home, and a date typed over a proposed one was joined to it.
        Binding("ctrl+a", "select_all", show=False, priority=True),
    ]

    def __init__(self, ws: Workspace, meeting_id: int | None = None) -> None:
        super().__init__()
        self.ws = ws
        self.ready = False  # the theme is saved only once the user can have changed it
        self.meeting_id = meeting_id
        self.register_theme(high_contrast)
        self.theme = settings.get_theme(ws, DEFAULT_THEME)
        if self.theme not in self.available_themes:
            self.theme = DEFAULT_THEME
        self.title = t("app.title")
        self._say_palette_key()
        self.type_ahead = TypeAhead(self, self._hand_on)
        self._give_signals_back: Callable[[], None] = lambda: None

    async def on_event(self, event: events.Event) -> None:
        """A key or a paste read while the key before it is still being handled waits its turn
        (`type_ahead`): it goes where that key has moved the focus."""
        if not isinstance(event, (events.Key, events.Paste)) or event.is_forwarded:
            await super().on_event(event)
        elif not self.type_ahead.hold(event):
            try:
                await super().on_event(event)
            finally:
                self.type_ahead.handed_on()

    async def _hand_on(self, typed: events.Key | events.Paste) -> None:
        await super().on_event(typed)

    def on_unmount(self) -> None:
        self.type_ahead.stop()
        self._give_signals_back()

    def get_key_display(self, binding: Binding) -> str:
        return keycap(super().get_key_display(binding))

    def _say_palette_key(self) -> None:
        """Textual adds its palette key with the English description "palette" (shown at the
        footer's right) when the class is built; say it in the interface language, which is
        known only now (`make_app` sets it after importing this module)."""
        key = self.COMMAND_PALETTE_BINDING
        self._bindings.key_to_bindings[key] = [
            replace(binding, description=t("palette.key"), tooltip=t("palette.tooltip"))
            if binding.action == "command_palette" else binding
            for binding in self._bindings.key_to_bindings.get(key, [])]

    def on_mount(self) -> None:
        self.ready = True
        if not self.is_headless:  # a test's app leaves the test runner's signals alone
            self._give_signals_back = quit_on_signals(self.exit)
        from meetingtui.ui.screens.home import HomeScreen

        self.push_screen(HomeScreen(self.ws))
        from meetingtui.ui.template_warnings import warn_about_templates

        # After the first frame: the thread that reads the templates imports pydantic and
        # markdown-it, and holding the interpreter lock it delayed that frame (issue 7).
        self.call_after_refresh(warn_about_templates, self, self.ws)
        if self.meeting_id is not None:
            from meetingtui.ui.screens.meeting import MeetingScreen

            try:
                screen = attempt(self, MeetingScreen.for_meeting, self.ws, self.meeting_id)
            except Failed:
                return
            self.push_screen(screen)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(self):  # type: ignore[arg-type]
            self.push_screen(Palette(id="--command-palette"))

    def get_system_commands(self, screen: Screen[Any]) -> Iterable[SystemCommand]:
        return system_commands(self, screen)

    def action_help_quit(self) -> None:
        quit_hint(self)

    def action_next_field(self) -> None:
        from meetingtui.ui.widgets.form_input import FormInput

        if isinstance(self.focused, FormInput):
            self.focused.post_message(FormInput.TakeSuggestion())
        self.screen.focus_next()

    def action_help(self) -> None:
        from meetingtui.ui.screens.help import HelpScreen

        if isinstance(self.screen, HelpScreen):
            self.screen.dismiss(None)
        else:
            self.push_screen(HelpScreen(self.screen))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "select_all":  # elsewhere Ctrl+A is the focused widget's, if anyone's
            return _text_field(self.focused) is not None
        return super().check_action(action, parameters)

    def action_select_all(self) -> None:
        field = _text_field(self.focused)
        if field is not None:
            field.action_select_all()

    def action_previous_field(self) -> None:
        self.screen.focus_previous()

    def watch_theme(self, theme: str) -> None:
        if not self.ready:
            return
        with suppress(Failed):  # the user has been told; the theme still changes
            attempt(self, settings.set_theme, self.ws, theme)

    def action_toggle_theme(self) -> None:
        self.theme = DEFAULT_THEME if self.theme == HIGH_CONTRAST else HIGH_CONTRAST

    def action_export(self) -> None:
        """Export the meeting the screen in front names (`export_target()`), if any."""
        target: Callable[[], int | None] | None = getattr(self.screen, "export_target", None)
        meeting_id = target() if target is not None else None
        if meeting_id is None:  # no meeting: the documents upward only
            from meetingtui.ui.dialogs.export_dialog import ExportDialog, offer_open

            self.push_screen(ExportDialog(self.ws, None), lambda path: offer_open(self, path))
            return
        self.export_meeting(meeting_id)

    def export_meeting(self, meeting_id: int) -> None:
        from meetingtui.services.groups import get_group
        from meetingtui.services.meetings import get_meeting
        from meetingtui.ui.dialogs.export_dialog import ExportDialog, offer_open, writes_notes

        try:
            meeting = attempt(self, get_meeting, self.ws, meeting_id)
            group = attempt(self, get_group, self.ws, meeting.group_id)
        except Failed:
            return
        # "EST 2026-12-02": which group's minutes, as filed when it closed.
        heading = f"{meeting.filed_short or group.short} {meeting.date.isoformat()}"
        self.push_screen(ExportDialog(self.ws, meeting_id, heading, meeting.date,
                                      writes_notes(self.ws.template_of(group))),
                         lambda path: offer_open(self, path))

    def action_search(self) -> None:
        from meetingtui.ui.screens.search import SearchScreen

        if not isinstance(self.screen, SearchScreen):
            self.push_screen(SearchScreen(self.ws))

    def action_action_list(self) -> None:
        from meetingtui.ui.screens.actions import ActionListScreen

        if isinstance(self.screen, ActionListScreen):
            return
        self.push_screen(ActionListScreen(self.ws))


def make_app(ws: Workspace, *, lang: str, meeting_id: int | None = None) -> MeetingApp:
    """The app for this workspace, speaking `lang`, opening `meeting_id` if given."""
    set_language(lang)
    return MeetingApp(ws, meeting_id)


def _text_field(widget: object) -> Input | TextArea | None:
    from textual.widgets import Input, TextArea  # not at start: the home screen has neither

    return widget if isinstance(widget, (Input, TextArea)) else None
