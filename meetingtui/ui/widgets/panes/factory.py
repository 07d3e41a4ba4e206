"""Which pane shows which kind of agenda item."""

from __future__ import annotations

from meetingtui.model import AgendaItem, ItemKind
from meetingtui.ui.session import Session
from meetingtui.ui.widgets.panes.base import ItemPane


def pane_for(session: Session, item: AgendaItem) -> ItemPane:
    from meetingtui.ui.widgets.panes.actions import ActionsPane
    from meetingtui.ui.widgets.panes.attendance import AttendancePane
    from meetingtui.ui.widgets.panes.followup import FollowupPane
    from meetingtui.ui.widgets.panes.next_meeting import NextMeetingPane
    from meetingtui.ui.widgets.panes.priorities import PrioritiesPane
    from meetingtui.ui.widgets.panes.situation import SituationPane
    from meetingtui.ui.widgets.panes.text import TextPane

    panes: dict[ItemKind, type[ItemPane]] = {
        ItemKind.TEXT: TextPane, ItemKind.ATTENDANCE: AttendancePane,
        ItemKind.FOLLOWUP: FollowupPane, ItemKind.SITUATION: SituationPane,
        ItemKind.ACTIONS: ActionsPane, ItemKind.PRIORITIES: PrioritiesPane,
        ItemKind.NEXT: NextMeetingPane,
    }
    return panes[item.kind](session, item)
