"""One measure outside a meeting: its history, then a new status with a comment."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime

from textual.widget import Widget
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.model import MeasureStatus, MeasureUpdate
from meetingtui.services.actions import ActionRow
from meetingtui.ui.labels import label, options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.form import FieldRow, FormDialog, text_input


def history_text(updates: list[MeasureUpdate]) -> str:
    if not updates:
        return t("action_list.no_history")
    lines = []
    for update in updates:
        old = label(update.old_status) if update.old_status is not None else "–"
        line = f"{update.at:%Y-%m-%d %H:%M}  {old} → {label(update.new_status)}"
        if update.comment:
            line += f": {update.comment}"
        lines.append(line)
    return "\n".join(lines)


class MeasureHistoryDialog(FormDialog[MeasureUpdate]):
    def __init__(self, row: ActionRow, updates: list[MeasureUpdate], now: datetime,
                 save: Callable[[MeasureUpdate], MeasureUpdate]) -> None:
        super().__init__(save)
        self.row = row
        self.updates = updates
        self.now = now
        owner = row.owner or row.owner_org
        self.title = t("followup.title", text=row.text[:60], owner=owner)

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("history", t("action_list.history"),
                       Static(history_text(self.updates), id="history"))
        yield FieldRow("new_status", t("followup.status"),
                       Choice(options(MeasureStatus), MeasureStatus(self.row.status),
                              id="new_status"))
        yield FieldRow("comment", t("followup.comment"), text_input(id="comment"))

    def first_field(self) -> Widget | None:
        return self.query_one("#new_status")

    def build(self) -> MeasureUpdate:
        return MeasureUpdate(measure_id=self.row.id, at=self.now,
                             old_status=MeasureStatus(self.row.status),
                             new_status=self.value("new_status"), comment=self.value("comment"))
