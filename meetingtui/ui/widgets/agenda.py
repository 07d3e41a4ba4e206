"""The agenda beside the item: current item marked, visited ones done, time against timebox."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Meeting
from meetingtui.ui.timing import clock, fit, item_minutes, meeting_minutes, planned_total


class AgendaList(Static):
    """Rendered text, not focusable: the chair moves with n/p and digits."""

    shown: tuple[list[AgendaItem], int, Meeting, datetime] | None = None

    def on_resize(self) -> None:
        if self.shown is not None:
            self.show(*self.shown)

    def show(self, items: list[AgendaItem], current: int, meeting: Meeting,
             now: datetime) -> None:
        self.shown = (items, current, meeting, now)
        width = max(12, self.size.width or 24)
        text = Text()
        for index, item in enumerate(items):
            is_current = index == current
            if is_current:
                mark, style = "▶", "bold reverse"
            elif item.dropped:  # "Punkten utgår": not taken up at this meeting
                mark, style = "–", "dim"
            elif item.ended_at is not None or (item.visited and index < current):
                mark, style = "✓", "dim"
            else:
                mark, style = "·", ""  # not a space: a leading space would be trimmed
            box = f"{item_minutes(item, now)}/{item.minutes}" if item.minutes else (
                str(item_minutes(item, now)) if item.visited else "")
            over = bool(item.minutes) and item_minutes(item, now) > (item.minutes or 0)
            head = f"{mark}{item.position:>2} "
            title = fit(item.title, width - len(head) - len(box) - 1)
            line = Text(head + title.ljust(width - len(head) - len(box)), style=style)
            line.append(box, style=(style + " bold red").strip() if over else style)
            text.append_text(line)
            text.append("\n")
        total = meeting_minutes(items, now)
        text.append(fit(t("agenda.total", used=clock(total),
                          planned=clock(planned_total(items))), width), style="bold")
        self.update(text)
