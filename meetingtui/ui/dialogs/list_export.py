"""Export the action list as the screen shows it (its owner, group and status filters): any
file format, one file or one per owner, internal or public, into the exports folder; asking
before it writes a personnummer into a public list or replaces a file, as the minutes do."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.services.actions import ActionFilters
from meetingtui.services.workspace import Workspace
from meetingtui.ui.dialogs.export_dialog import SHOWN_FINDINGS, export_problem
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow

FORMATS = ("docx", "csv", "md", "ics", "eml", "json")


class ListExportDialog(ModalScreen[list[Path] | None]):
    """Dismissed with the files written, or None when nothing was."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("common.cancel"), id="list_export.cancel"),
        Binding("enter,ctrl+s", "submit", t("app.export"), id="list_export.run"),
    ]

    def __init__(self, ws: Workspace, filters: ActionFilters) -> None:
        super().__init__(classes="form-dialog")
        self.ws = ws
        self.filters = filters

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(t("list_export.title"), classes="form-title")
            yield FieldRow("fmt", t("list_export.format"), Choice(
                [(t(f"list_export.{fmt}"), fmt) for fmt in FORMATS], "docx", id="fmt"))
            yield FieldRow("per_owner", t("list_export.per_owner"), Choice(
                [(t("list_export.one_file"), False), (t("list_export.each_owner"), True)],
                False, id="per_owner"))
            yield FieldRow("public", t("export.version"), Choice(
                [(t("export.internal"), False), (t("export.public"), True)], False,
                id="public"))
            yield Static(t("list_export.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#fmt", Choice).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        self.export(force=False, allow_personal_data=False)

    def export(self, *, force: bool, allow_personal_data: bool) -> None:
        from meetingtui.export.actions.files import PersonalDataInList, export_action_list
        from meetingtui.export.files import ExportError
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        fmt = str(self.query_one("#fmt", Choice).value)
        public = bool(self.query_one("#public", Choice).value)
        filters = dataclasses.replace(self.filters, public=public)
        try:
            written = attempt(self.app, export_action_list, self.ws, filters, fmt,
                              per_owner=bool(self.query_one("#per_owner", Choice).value),
                              force=force, allow_personal_data=allow_personal_data)
        except Failed:
            return
        except PersonalDataInList as found:
            lines = [t("export.personal_question")]
            lines += [f"  • {where}" for where in found.places[:SHOWN_FINDINGS]]
            if len(found.places) > SHOWN_FINDINGS:
                lines.append(t("export.personal_more", count=len(found.places) - SHOWN_FINDINGS))
            lines += ["", t("export.anyway")]
            self.app.push_screen(ConfirmDialog(t("export.personal_title"), "\n".join(lines),
                                               default=False),
                                 lambda yes: self._again(yes, force, True))
            return
        except ExportError as error:
            if error.reason != "exists":
                self.app.notify(export_problem(error.reason, error.path, str(error)),
                                title=t("export.failed"), severity="error", timeout=10)
                return
            self.app.push_screen(ConfirmDialog(
                t("export.exists_title"), t("list_export.exists_question", path=str(error.path)),
                default=False), lambda yes: self._again(yes, True, allow_personal_data))
            return
        if not written:
            self.app.notify(t("list_export.none"), severity="warning")
        else:
            self.app.notify(t("list_export.done", count=len(written), path=str(written[0]),
                              folder=str(written[0].parent)), timeout=10)
        self.dismiss(written or None)

    def _again(self, yes: bool | None, force: bool, allow_personal_data: bool) -> None:
        if yes:
            self.export(force=force, allow_personal_data=allow_personal_data)
        else:
            self.app.notify(t("export.not_written"), severity="warning")
