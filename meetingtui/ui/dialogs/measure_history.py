"""One measure outside a meeting: its history, then a new status with a comment."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime

from textual.widget import Widget
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.model import MeasureStatus, MeasureUpdate
from meetingtui.services.actions import ActionRow
from meetingtui.ui.labels import label, options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input


def history_text(updates: list[MeasureUpdate], meetings: Mapping[int, date]) -> str:
    """One line per update: when, old → new, in which meeting (or outside one), by whom, why."""
    if not updates:
        return t("action_list.no_history")
    lines = []
    for update in updates:
        old = label(update.old_status) if update.old_status is not None else "–"
        where = (t("action_list.outside_meeting") if update.meeting_id is None
                 else t("action_list.in_meeting", date=meetings[update.meeting_id].isoformat())
                 if update.meeting_id in meetings else t("action_list.in_meeting",
                                                         date=f"nr {update.meeting_id}"))
        who = f" · {update.by}" if update.by else ""
        lines.append(f"{update.at:%Y-%m-%d %H:%M} · {where}{who}\n"
                     f"  {old} → {label(update.new_status)}"
                     + (f": {update.comment}" if update.comment else ""))
    return "\n".join(lines)


class MeasureHistoryDialog(FormDialog[MeasureUpdate]):
    def __init__(self, row: ActionRow, updates: list[MeasureUpdate], meetings: Mapping[int, date],
                 now: datetime,
                 save: Callable[[MeasureUpdate, MeasureUpdate | None], MeasureUpdate]) -> None:
        super().__init__(save)
        self.row = row
        self.updates = updates
        self.meetings = meetings
        self.now = now
        owner = row.owner or row.owner_org
        self.title = t("followup.title", text=row.text[:60], owner=owner)

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("history", t("action_list.history"),
                       Static(history_text(self.updates, self.meetings), id="history"))
        yield FieldRow("new_status", t("followup.status"),
                       Choice(options(MeasureStatus), MeasureStatus(self.row.status),
                              id="new_status"))
        yield FieldRow("comment", t("followup.comment"), text_input(id="comment"))
        # Outside a meeting it is usually the owner who reports; the secretary may change it.
        yield FieldRow("by", t("followup.by"), text_input(self.row.owner, id="by"))

    def first_field(self) -> Widget | None:
        return self.query_one("#new_status")

    def build(self) -> MeasureUpdate:
        return MeasureUpdate(measure_id=self.row.id, at=self.now,
                             old_status=MeasureStatus(self.row.status),
                             new_status=self.value("new_status"), comment=self.value("comment"),
                             by=self.value("by"))
