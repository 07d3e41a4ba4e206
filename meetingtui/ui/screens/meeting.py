"""The meeting: the agenda on the left, the current item's content on the right.

Arriving at an item never puts the cursor in a field: every key of the footer, n and p among
them, works on every item until the chair enters a field on purpose (issue 12 §1). A closed
meeting is read-only until "Ändra stängt möte" (r), which asks for a reason and records every
change as an amendment (issue 12 §3). What another program saves shows here within a second.
"""

from __future__ import annotations

import time
from contextlib import suppress
from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import Header, Input, Static, TextArea

from meetingtui.i18n import t
from meetingtui.model import AgendaItem, ItemKind, MeetingStatus
from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.screens.common import COMMON_BINDINGS, Command, common_commands
from meetingtui.ui.screens.meeting_closing import amend, close
from meetingtui.ui.screens.meeting_keys import details, drop_item, guidance
from meetingtui.ui.session import Session
from meetingtui.ui.timing import clock, item_minutes
from meetingtui.ui.widgets.agenda import AgendaList
from meetingtui.ui.widgets.footer import Footer
from meetingtui.ui.widgets.panes.base import ItemPane
from meetingtui.ui.widgets.panes.factory import pane_for

REFRESH_SECONDS = 15
#: How often another program's saves are looked for (`PRAGMA data_version`, a few µs).
WATCH_SECONDS = 1.0


class MeetingScreen(Screen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "move(1)", t("meeting.next_key"), id="meeting.next",
                tooltip=t("meeting.next")),
        Binding("p", "move(-1)", t("meeting.previous_key"), id="meeting.previous",
                tooltip=t("meeting.previous")),
        *[Binding(str(d), f"jump({d})", t("meeting.jump"), id=f"meeting.jump_{d}",
                  show=False) for d in range(10)],
        Binding("f5", "presentation", t("meeting.presentation"), id="meeting.presentation"),
        Binding("m", "details", t("meeting.details"), id="meeting.details"),
        Binding("c", "close_meeting", t("meeting.close"), id="meeting.close"),
        Binding("r", "amend", t("amend.footer"), id="meeting.amend", tooltip=t("amend.help")),
        Binding("h", "amendments", t("meeting.amendments"), id="meeting.amendments"),
        Binding("v", "guidance", t("guidance.key"), id="meeting.guidance",
                tooltip=t("guidance.help")),
        Binding("U", "drop_item", t("item_dropped.key"), id="meeting.drop_item", show=False,
                tooltip=t("item_dropped.help")),
        Binding("escape", "home", t("meeting.home"), id="meeting.home"),
        *COMMON_BINDINGS,
    ]
    # n and p are on every item's footer, whatever else the item offers (issue 12 §1).
    FOOTER_FIRST = ("meeting.next", "meeting.previous")

    def __init__(self, session: Session) -> None:
        super().__init__(id="meeting")
        self.session = session
        self.items: list[AgendaItem] = meetings.items(session.ws, session.meeting_id)
        self.current = 0
        self.pane: ItemPane | None = None
        self.panes: dict[int, ItemPane] = {}  # by item id: built once, then hidden and shown
        self.others_seen = session.ws.revision()[1]
        self.start_item: int | None = None  # an item to open on (a search hit) instead

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
        self.show_title()
        self.go(self._resume_index(), save=False)
        self.set_interval(REFRESH_SECONDS, self.show_agenda)
        self.set_interval(WATCH_SECONDS, self.watch_others)

    def show_title(self) -> None:
        m = self.session.meeting
        self.title = f"{self.session.group.short} {m.date.isoformat()}"
        amending = self.session.ws.amending
        if m.closed and amending is not None:
            self.sub_title = t("amend.banner", why=amending.why)
        else:
            self.sub_title = t("meeting.closed_banner") if m.closed else m.place
        self.set_class(self.session.readonly, "-readonly")

    def _resume_index(self) -> int:
        """Where the chair left off: the item shown, else the one left last, else the first one
        not visited."""
        for index, item in enumerate(self.items):
            if item.id is not None and item.id == self.start_item:
                return index
        for index, item in enumerate(self.items):
            if item.shown_since is not None:
                return index
        left = [(item.ended_at, index) for index, item in enumerate(self.items) if item.ended_at]
        if left:
            return max(left)[1]
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
        ws = self.session.ws
        if not self.session.meeting.closed and item.id is not None:
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
        """A visit writes only the items' times, which no pane shows: the panes that were
        current before it stay current (the agenda beside them shows the times)."""
        for pane in self.panes.values():
            if pane.revision == before:
                pane.revision = after
        self.others_seen = after[1]

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

    def rebuild_panes(self) -> None:
        """Every pane built anew (the meeting became editable, or read-only again)."""
        self.set_focus(None)  # not on a widget that is going
        for pane in self.panes.values():
            pane.remove()
        self.panes.clear()
        self.pane = None
        self.go(self.current, save=False)

    def on_screen_resume(self) -> None:
        """Back from a dialog or another screen: the pane shows what was saved there."""
        pane = self.pane
        if pane is None or not pane.is_mounted or pane.is_current() or not self.items:
            return
        self.items = meetings.items(self.session.ws, self.session.meeting_id)
        if pane.refresh_data(self.items[self.current]):
            pane.mark_current()
        else:
            self._show_pane(self.items[self.current])

    def watch_others(self) -> None:
        """Another program committed: the item shown reads what it saved (a pane keeps text
        being typed and compares it when it is saved)."""
        if self.app.screen is not self or self.pane is None or not self.pane.is_mounted:
            return
        try:
            seen = self.session.ws.revision()[1]
        except Exception:  # the store's own message comes with the next save
            return
        if seen == self.others_seen:
            return
        self.others_seen = seen
        ws = self.session.ws
        self.session.meeting = meetings.get_meeting(ws, self.session.meeting_id)
        self.items = meetings.items(ws, self.session.meeting_id)
        if self.pane.refresh_data(self.items[self.current]):
            self.pane.mark_current()
        self.show_agenda()

    def _focus_pane(self, pane: ItemPane) -> None:
        """The item takes the keys (never one of its fields), unless the chair has moved on."""
        if pane is self.pane and pane.is_mounted:
            # A table hidden while it is empty ("Inga förslag väntar") cannot take focus, and
            # the item's own keys (b Beslut, e Anteckningar) would be gone from the footer.
            main = pane.main_widget()
            self.set_focus(main if main is not None and main.focusable else pane)

    def show_agenda(self) -> None:
        now = self.session.now()
        if not self.items:
            return
        item = self.items[self.current]
        self.query_one(AgendaList).show(self.items, self.current, self.session.meeting, now)
        box = f" · {clock(item_minutes(item, now))}" + (
            f" / {item.minutes} min" if item.minutes else "")
        # Before the title: a long one is cut at 80 columns, and this must not be.
        dropped = f"({t('item_dropped.mark')}) " if item.dropped else ""
        self.query_one("#item-header", Static).update(
            f"§ {item.position} {dropped}{item.title}{box}")

    def action_move(self, step: int) -> None:
        self.go(self.current + step)

    #: How soon a second digit must follow the first to make one number ("1", "2": § 12).
    TWO_DIGITS = 1.0
    _first_digit: tuple[int, float] | None = None

    def action_jump(self, digit: int) -> None:
        """The item of that number: at once for one digit, and a second digit pressed soon
        after makes two (a styrgrupp's agenda runs to § 17), as on a remote control."""
        now = time.monotonic()
        first, self._first_digit = self._first_digit, (digit, now)
        if first is not None and now - first[1] <= self.TWO_DIGITS:
            self._first_digit = None
            if self._go_to_position(first[0] * 10 + digit):
                return
        self._go_to_position(digit)

    def _go_to_position(self, number: int) -> bool:
        index = next((i for i, item in enumerate(self.items) if item.position == number), None)
        if index is not None:
            self.go(index)
        return index is not None

    def action_presentation(self) -> None:
        self.toggle_class("-presentation")

    def action_home(self) -> None:
        if self.pane is not None and not self.pane.flush():
            return
        self.app.pop_screen()

    def on_unmount(self) -> None:
        """Leaving the meeting (Esc, closing it, quitting): its clock stops, and a correction of
        a closed meeting ends."""
        from meetingtui.services.amend import end_amending

        ws = self.session.ws
        end_amending(ws)
        # A stopped clock is not worth a message on the way out (a save error shows on the next).
        with suppress(Exception):
            meetings.leave_meeting(ws, self.session.meeting_id)

    def action_details(self) -> None:
        details(self)

    def action_guidance(self) -> None:
        """v: the item's guidance from the template, whole, over the item."""
        guidance(self)

    def action_drop_item(self) -> None:
        drop_item(self)

    def action_amendments(self) -> None:
        from meetingtui.services.record import load_meeting
        from meetingtui.ui.dialogs.amendments import AmendmentsDialog

        record = load_meeting(self.session.ws, self.session.meeting_id)
        self.app.push_screen(AmendmentsDialog(record.amendments))

    def action_amend(self) -> None:
        """Ändra stängt möte (`meeting_closing.amend`)."""
        amend(self)

    def action_close_meeting(self) -> None:
        close(self)

    def export_target(self) -> int | None:
        """F6 here: this meeting, after what is being typed has been saved."""
        if self.pane is not None and not self.pane.flush():
            return None
        return self.session.meeting_id

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("move", "jump") and isinstance(self.focused, (Input, TextArea)):
            return False  # in a field, n and p are letters (Esc leaves the field)
        closed = self.session.meeting.closed
        if action in ("details", "drop_item"):
            return not self.session.readonly
        if action == "close_meeting":
            return not closed
        if action == "amend":
            return closed and self.session.ws.amending is None
        if action == "amendments":
            return closed
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
            (t("meeting.presentation"), self.action_presentation, t("meeting.presentation_help")),
            (t("meeting.home"), self.action_home, ""),
        ]
        if not self.session.readonly:
            commands += [
                (t("situation.new"), self.new_observation, t("meeting.new_observation_help")),
                (t("measure.new"), self.new_measure, t("meeting.new_measure_help")),
                (t("item.decision"), self._decision, t("item.decision_help")),
                (t("item_dropped.key"), self.action_drop_item, t("item_dropped.help")),
            ]
        if not self.session.meeting.closed:
            commands += [
                (t("meeting.details"), self.action_details, t("meeting.details_help")),
                (t("meeting.close"), self.action_close_meeting, t("close.help")),
            ]
        else:
            commands.append((t("meeting.amendments"), self.action_amendments, ""))
            if self.session.ws.amending is None:
                commands.append((t("amend.key"), self.action_amend, t("amend.help")))
        return commands + common_commands(self)

    def _decision(self) -> None:
        if self.pane is not None:
            self.pane.action_decision()
