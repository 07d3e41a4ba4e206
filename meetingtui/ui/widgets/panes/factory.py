"""Which pane shows which kind of agenda item."""

from __future__ import annotations

from importlib import import_module

from meetingtui.model import AgendaItem, ItemKind
from meetingtui.ui.session import Session
from meetingtui.ui.widgets.panes.base import ItemPane

# Module and class per kind, imported when an item of that kind is first shown: a meeting that
# opens on its lägesbild does not wait for the form widgets the later items use.
PANES: dict[ItemKind, tuple[str, str]] = {
    ItemKind.TEXT: ("text", "TextPane"),
    ItemKind.OPENING: ("details", "OpeningPane"),
    ItemKind.ATTENDANCE: ("attendance", "AttendancePane"),
    ItemKind.OFFICERS: ("details", "OfficersPane"),
    ItemKind.FOLLOWUP: ("followup", "FollowupPane"),
    ItemKind.SITUATION: ("situation", "SituationPane"),
    ItemKind.ACTIONS: ("actions", "ActionsPane"),
    ItemKind.PRIORITIES: ("priorities", "PrioritiesPane"),
    ItemKind.NEXT: ("next_meeting", "NextMeetingPane"),
    ItemKind.ROLLUP: ("rollup", "RollupPane"),
    ItemKind.PROPOSALS: ("proposals", "ProposalsPane"),

    ItemKind.AGREEMENTS: ("agreements", "AgreementsPane"),
    ItemKind.CLOSING: ("details", "ClosingPane"),
}


def pane_for(session: Session, item: AgendaItem) -> ItemPane:
    module, name = PANES[item.kind]
    pane_type: type[ItemPane] = getattr(import_module(f"{__package__}.{module}"), name)
    return pane_type(session, item)
