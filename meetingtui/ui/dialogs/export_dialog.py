"""Export one meeting's minutes: internal or public, Word or Markdown, asking before it writes
personal identity numbers into the public version or replaces a file.

The export runs on the UI thread, on purpose: `export_minutes` loads the record through the
workspace's SQLite connection, which may only be used from the thread that opened it, and a big
meeting exports in well under a second. A thread worker would have to load the record here and
build the file there, duplicating what `export_minutes` guarantees (the same checks as the CLI).
`meetingtui.export.minutes` is imported inside the call: start-up never loads python-docx.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar, Literal

from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow

if TYPE_CHECKING:
    from meetingtui.export.minutes import Exported
    from meetingtui.export.upward.document import Written
    from meetingtui.model.templates import GroupTemplate

SHOWN_FINDINGS = 8


def writes_notes(template: GroupTemplate | None) -> bool:
    """Whether a group's meetings are written as minnesanteckningar, not a protokoll."""
    from meetingtui.model import DocumentType
    from meetingtui.model.templates import document_of_template

    return document_of_template(template) is DocumentType.NOTES


def documents(meeting_id: int | None, day: date,
              notes: bool = False) -> list[tuple[str, str]]:
    """What the dialog offers: the meeting's minutes (when there is a meeting; ``notes``: its
    group writes minnesanteckningar, not a protokoll), the yearly
    lägesbild and åtgärdsplan of `day`'s year and the one before (filed early the next year),
    and the lägesbild summary of `day`'s quarter and the one before."""
    from meetingtui.services.periods import period_key, period_start

    quarter = period_key("quarter", day)
    before = period_key("quarter", period_start("quarter", day) - timedelta(days=1))
    minutes = t("export.minutes_notes" if notes else "export.minutes")
    found = [(minutes, "minutes")] if meeting_id is not None else []
    found += [(t("export.yearly", year=year), f"yearly:{year}")
              for year in (day.year, day.year - 1)]
    found += [(t("export.quarter", quarter=key), f"quarter:{key}") for key in (quarter, before)]
    return found


class ExportDialog(ModalScreen[Path | None]):
    """Dismissed with the written file's path, or None when nothing was written. Offers the
    meeting's minutes (when there is one) and the documents upward (`documents`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", t("common.cancel"), id="export.cancel"),
        Binding("enter,ctrl+s", "submit", t("app.export"), id="export.run"),
    ]

    def __init__(self, ws: Workspace, meeting_id: int | None, heading: str = "",
                 day: date | None = None, notes: bool = False) -> None:
        super().__init__(classes="form-dialog")
        self.notes = notes
        self.ws = ws
        self.meeting_id = meeting_id
        self.heading = heading
        self.day = day or ws.today()

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            title = (t("export.title") if self.meeting_id is not None
                     else t("export.title_report"))
            yield Static(f"{title}: {self.heading}" if self.heading else title,
                         classes="form-title")
            yield FieldRow("public", t("export.version"), Choice(
                [(t("export.internal"), False), (t("export.public"), True)], False,
                id="public"))
            yield FieldRow("fmt", t("export.format"), Choice(
                [(t("export.docx"), "docx"), (t("export.md"), "md")], "docx", id="fmt"))
            # Last, so that the minutes' keys stay as they were (Version, Format, Enter).
            yield FieldRow("document", t("export.document"), Choice(
                documents(self.meeting_id, self.day, self.notes), id="document"))
            yield Static(t("export.hint"), classes="form-hint")

    def on_mount(self) -> None:
        self.query_one("#public", Choice).focus()

    @property
    def public(self) -> bool:
        return bool(self.query_one("#public", Choice).value)

    @property
    def fmt(self) -> str:
        return str(self.query_one("#fmt", Choice).value)

    @property
    def document(self) -> str:
        return str(self.query_one("#document", Choice).value)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_submit(self) -> None:
        self.export(force=False, allow_personal_data=False)

    def _write(self, fmt: Literal["docx", "md"], force: bool,
               allow_personal_data: bool) -> Exported | Written:
        """The document chosen, written as the CLI writes it (the same checks)."""
        kind, _, period = self.document.partition(":")
        if kind == "yearly":
            from meetingtui.export.upward.yearly import export_yearly

            return export_yearly(self.ws, int(period), public=self.public, fmt=fmt, force=force,
                                 allow_personal_data=allow_personal_data)
        if kind == "quarter":
            from meetingtui.export.upward.quarterly import export_quarterly

            return export_quarterly(self.ws, period, public=self.public, fmt=fmt, force=force,
                                    allow_personal_data=allow_personal_data)
        from meetingtui.export.minutes import export_minutes

        assert self.meeting_id is not None  # "minutes" is offered only with a meeting
        return export_minutes(self.ws, self.meeting_id, public=self.public, fmt=fmt,
                              force=force, allow_personal_data=allow_personal_data)

    def export(self, *, force: bool, allow_personal_data: bool) -> None:
        from meetingtui.export.files import ExportError
        from meetingtui.export.minutes import PersonalDataFound
        from meetingtui.export.upward.document import PersonalDataFound as PersonalDataInReport
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        fmt: Literal["docx", "md"] = "md" if self.fmt == "md" else "docx"
        try:
            result = attempt(self.app, self._write, fmt, force, allow_personal_data)
        except Failed:
            return
        except (PersonalDataFound, PersonalDataInReport) as found:
            lines = [t("export.personal_question")]
            lines += [f"  • {where}" for where in found.findings[:SHOWN_FINDINGS]]
            if len(found.findings) > SHOWN_FINDINGS:
                lines.append(t("export.personal_more",
                               count=len(found.findings) - SHOWN_FINDINGS))
            lines += ["", t("export.anyway")]

            def anyway(yes: bool | None) -> None:
                if yes:
                    self.export(force=force, allow_personal_data=True)
                else:
                    self.app.notify(t("export.not_written"), severity="warning")

            # Enter must not publish a personnummer by reflex: the safe answer is the default.
            self.app.push_screen(ConfirmDialog(t("export.personal_title"), "\n".join(lines),
                                               default=False), anyway)
            return
        except ExportError as error:
            if error.reason != "exists":
                self.app.notify(export_problem(error.reason, error.path, str(error)),
                                title=t("export.failed"), severity="error", timeout=10)
                return

            def replace(yes: bool | None) -> None:
                if yes:
                    self.export(force=True, allow_personal_data=allow_personal_data)
                else:
                    self.app.notify(t("export.not_written"), severity="warning")

            self.app.push_screen(ConfirmDialog(
                t("export.exists_title"), t("export.exists_question", path=str(error.path)),
                default=False), replace)
            return
        if result.findings and not self.public:
            self.app.notify(t("export.findings", count=len(result.findings)),
                            severity="warning", timeout=10)
        self.dismiss(result.path)


def export_problem(reason: str, path: Path, message: str) -> str:
    """An export that failed, in the UI's language when its reason has words there."""
    if reason == "unwritable":
        return t("export.unwritable", folder=str(path.parent))
    if reason == "disk_full":
        return t("export.disk_full", path=str(path))
    if reason == "database":
        return t("export.database", path=str(path))
    return message


def open_folder(app: App[Any], path: Path) -> None:
    """Show the file in its folder with the system's opener (`show_in_folder`); a missing or
    failing one only notifies."""
    from meetingtui.ui import show_in_folder

    def could_not() -> None:
        app.notify(t("export.open_failed", folder=str(path.parent)), severity="warning",
                   timeout=10)

    process = show_in_folder.start(path)
    if process is None:
        could_not()
        return

    def look() -> None:
        if show_in_folder.failed(process):
            could_not()

    app.set_timer(show_in_folder.LOOK_AFTER_SECONDS, look)


def offer_open(app: App[Any], path: Path | None) -> None:
    """After a successful export: say where the file is and offer to open its folder."""
    from meetingtui.ui.dialogs.confirm import ConfirmDialog

    if path is None:
        return
    app.notify(t("export.done", path=str(path)), timeout=10)

    def answer(yes: bool | None) -> None:
        if yes:
            open_folder(app, path)

    app.push_screen(ConfirmDialog(t("export.open_title"),
                                  t("export.open_question", path=str(path))), answer)
