"""The meeting: the agenda on the left, the current item's content on the right."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Static

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, ItemKind, Meeting, MeetingStatus
from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.screens.common import COMMON_BINDINGS, Command, common_commands
from meetingtui.ui.session import Session
from meetingtui.ui.timing import clock, item_minutes
from meetingtui.ui.widgets.agenda import AgendaList
from meetingtui.ui.widgets.footer import Footer
from meetingtui.ui.widgets.panes.base import ItemPane
from meetingtui.ui.widgets.panes.factory import pane_for

REFRESH_SECONDS = 15


class MeetingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "move(1)", t("meeting.next_key"), id="meeting.next",
                tooltip=t("meeting.next")),
        Binding("p", "move(-1)", t("meeting.previous_key"), id="meeting.previous",
                tooltip=t("meeting.previous")),
        *[Binding(str(d), f"jump({d})", t("meeting.jump"), id=f"meeting.jump_{d}",
                  show=False) for d in range(1, 10)],
        Binding("f5", "presentation", t("meeting.presentation"), id="meeting.presentation"),
        Binding("m", "details", t("meeting.details"), id="meeting.details"),
        Binding("c", "close_meeting", t("meeting.close"), id="meeting.close"),
        Binding("h", "amendments", t("meeting.amendments"), id="meeting.amendments"),
        Binding("escape", "home", t("meeting.home"), id="meeting.home"),
        *COMMON_BINDINGS,
    ]

    def __init__(self, session: Session) -> None:
        super().__init__(id="meeting")
        self.session = session
        self.items: list[AgendaItem] = meetings.items(session.ws, session.meeting_id)
        self.current = 0
        self.pane: ItemPane | None = None
        self.panes: dict[int, ItemPane] = {}  # by item id: built once, then hidden and shown

    @classmethod
    def for_meeting(cls, ws: Workspace, meeting_id: int) -> MeetingScreen:
        """Opening a planned meeting starts it (with carry-over); a closed one is read-only."""
        session = Session.load(ws, meeting_id)
        if session.meeting.status is MeetingStatus.PLANNED:
            session.meeting = meetings.start_meeting(ws, meeting_id)
        return cls(session)

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="meeting-body"):
            with VerticalScroll(id="agenda-box", can_focus=False):
                yield AgendaList(id="agenda")
            with Vertical(id="content"):
                yield Static("", id="item-header")
                yield Vertical(id="pane-holder")
        yield Footer()

    def on_mount(self) -> None:
        m = self.session.meeting
        self.title = f"{self.session.group.short} {m.date.isoformat()}"
        self.sub_title = t("meeting.closed_banner") if self.session.readonly else m.place
        self.set_class(self.session.readonly, "-readonly")
        self.go(self._resume_index(), save=False)
        self.set_interval(REFRESH_SECONDS, self.show_agenda)

    def _resume_index(self) -> int:
        """Where the chair left off: the item still open, else the first one not visited."""
        for index, item in enumerate(self.items):
            if item.visited and item.ended_at is None:
                return index
        for index, item in enumerate(self.items):
            if not item.visited:
                return index
        return 0

    def go(self, index: int, *, save: bool = True) -> None:
        if not self.items:
            return
        index = max(0, min(index, len(self.items) - 1))
        if save and self.pane is not None and not self.pane.flush():
            return  # the message is on screen; the chair stays on the item
        if self.pane is not None:
            self.pane.mark_current()  # shown until now, its own saves included
        item = self.items[index]
        if not self.session.readonly and item.id is not None:
            ws = self.session.ws
            before = ws.revision()
            try:
                attempt(self.app, meetings.visit_item, ws, self.session.meeting_id, item.id)
            except Failed:
                return
            self._visited(before, ws.revision())
            self.items = meetings.items(ws, self.session.meeting_id)
        self.current = index
        self._show_pane(self.items[index])
        self.show_agenda()

    def _visited(self, before: tuple[int, int], after: tuple[int, int]) -> None:
        """A visit writes only the items' start and end times, which no pane shows: the panes
        that were current before it stay current (the agenda beside them shows the times)."""
        for pane in self.panes.values():
            if pane.revision == before:
                pane.revision = after

    def _show_pane(self, item: AgendaItem) -> None:
        """The item's pane, shown again when it was built before, else built and mounted."""
        key = item.id if item.id is not None else -item.position
        pane = self.panes.get(key)
        if pane is not None and pane.is_mounted and not pane.is_current():
            if pane.refresh_data(item):
                pane.mark_current()
            else:
                del self.panes[key]
                pane.remove()
                pane = None
        if self.pane is not None and self.pane is not pane:
            self.pane.display = False
        if pane is None:
            pane = self.panes[key] = pane_for(self.session, item)
            pane.mark_current()
            self.pane = pane
            self.query_one("#pane-holder").mount(pane)
            # Queued on the new pane: it runs once the pane has its widgets.
            pane.call_after_refresh(self._focus_pane, pane)
        else:
            pane.display = True
            self.pane = pane
            self._focus_pane(pane)

    def on_screen_resume(self) -> None:
        """Back from a dialog or another screen: the pane shows what was saved there."""
        pane = self.pane
        if pane is None or not pane.is_mounted or pane.is_current() or not self.items:
            return
        if pane.refresh_data(self.items[self.current]):
            pane.mark_current()
        else:
            self._show_pane(self.items[self.current])

    def _focus_pane(self, pane: ItemPane) -> None:
        """The pane's main widget takes the keys, unless the chair has moved on since."""
        if pane is self.pane and pane.is_mounted:
            self.set_focus(pane.main_widget())

    def show_agenda(self) -> None:
        now = self.session.now()
        if not self.items:
            return
        item = self.items[self.current]
        self.query_one(AgendaList).show(self.items, self.current, self.session.meeting, now)
        box = f" · {clock(item_minutes(item, now))}" + (
            f" / {item.minutes} min" if item.minutes else "")
        self.query_one("#item-header", Static).update(
            f"§ {item.position} {item.title}{box}")

    def action_move(self, step: int) -> None:
        self.go(self.current + step)

    def action_jump(self, number: int) -> None:
        index = next((i for i, item in enumerate(self.items) if item.position == number), None)
        if index is not None:
            self.go(index)

    def action_presentation(self) -> None:
        self.toggle_class("-presentation")

    def action_home(self) -> None:
        if self.pane is not None and not self.pane.flush():
            return
        self.app.pop_screen()

    def action_details(self) -> None:
        from meetingtui.ui.dialogs.meeting_details import MeetingDetailsDialog

        if self.session.readonly or (self.pane is not None and not self.pane.flush()):
            return

        def save(meeting: Meeting) -> Meeting:
            meetings.update_details(self.session.ws, meeting)
            return meetings.get_meeting(self.session.ws, self.session.meeting_id)

        def saved(meeting: Meeting | None) -> None:
            if meeting is not None:
                self.session.meeting = meeting
                self.title = f"{self.session.group.short} {meeting.date.isoformat()}"
                self.sub_title = meeting.place
                self.show_agenda()

        self.app.push_screen(MeetingDetailsDialog(
            self.session.meeting, self.session.today(), save,
            t("meeting.details_title", group=self.session.group.short)), saved)

    def action_amendments(self) -> None:
        from meetingtui.services.record import load_meeting
        from meetingtui.ui.dialogs.amendments import AmendmentsDialog

        record = load_meeting(self.session.ws, self.session.meeting_id)
        self.app.push_screen(AmendmentsDialog(record.amendments))

    def action_close_meeting(self) -> None:
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        if self.pane is not None and not self.pane.flush():
            return
        incomplete = meetings.check_before_close(self.session.ws, self.session.meeting_id)
        lines = [t("close.question")]
        if incomplete.empty:
            lines.append(t("close.complete"))
        if incomplete.measures_without_owner_or_due:
            lines.append(t("close.measures", count=len(incomplete.measures_without_owner_or_due)))
        if incomplete.items_not_visited:
            lines.append(t("close.items"))
            lines += [f"  § {i.position} {i.title}" for i in incomplete.items_not_visited]

        def answer(yes: bool | None) -> None:
            if not yes:
                return
            try:
                attempt(self.app, meetings.close_meeting, self.session.ws,
                        self.session.meeting_id)
            except Failed:
                return
            self.app.notify(t("close.done"))
            self.app.pop_screen()
            self.offer_export()

        self.app.push_screen(ConfirmDialog(t("close.title"), "\n".join(lines)), answer)

    def offer_export(self) -> None:
        """After closing: export now? (the minutes are final, nothing changes them silently)."""
        from meetingtui.ui.app import MeetingApp
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        app = self.app
        meeting_id = self.session.meeting_id

        def answer(yes: bool | None) -> None:
            if yes and isinstance(app, MeetingApp):
                app.export_meeting(meeting_id)

        app.push_screen(ConfirmDialog(t("app.export"), t("close.offer_export")), answer)

    def export_target(self) -> int | None:
        """F6 here: this meeting, after what is being typed has been saved."""
        if self.pane is not None and not self.pane.flush():
            return None
        return self.session.meeting_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("close_meeting", "details"):
            return not self.session.readonly
        if action == "amendments":
            return self.session.readonly
        return True

    def new_observation(self) -> None:
        from meetingtui.ui.widgets.panes.situation import SituationPane

        self._on_kind(ItemKind.SITUATION, SituationPane, "action_new")

    def new_measure(self) -> None:
        from meetingtui.ui.widgets.panes.actions import ActionsPane

        self._on_kind(ItemKind.ACTIONS, ActionsPane, "action_new")

    def _on_kind(self, kind: ItemKind, pane_type: type[ItemPane], action: str) -> None:
        if self.session.readonly:
            return
        if not isinstance(self.pane, pane_type):
            index = next((i for i, item in enumerate(self.items) if item.kind is kind), None)
            if index is None:
                self.app.notify(t("meeting.no_such_item"), severity="warning")
                return
            self.go(index)
        if isinstance(self.pane, pane_type):
            pane = self.pane
            self.call_after_refresh(getattr(pane, action))

    def palette_commands(self) -> list[Command]:
        commands: list[Command] = [
            (t("meeting.jump_to", number=item.position, title=item.title),
             lambda index=index: self.go(index), t("meeting.jump_help"))  # type: ignore[misc]
            for index, item in enumerate(self.items)
        ]
        commands += [
            (t("meeting.next"), lambda: self.action_move(1), ""),
            (t("meeting.previous"), lambda: self.action_move(-1), ""),
            (t("situation.new"), self.new_observation, t("meeting.new_observation_help")),
            (t("measure.new"), self.new_measure, t("meeting.new_measure_help")),
            (t("meeting.presentation"), self.action_presentation, t("meeting.presentation_help")),
            (t("meeting.details"), self.action_details, t("meeting.details_help")),
            (t("meeting.home"), self.action_home, ""),
        ]
        if self.session.readonly:
            commands.append((t("meeting.amendments"), self.action_amendments, ""))
        else:
            commands.append((t("meeting.close"), self.action_close_meeting, t("close.help")))
        return commands + common_commands(self)
