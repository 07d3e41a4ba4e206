"""The first screen: the groups, their next and last meetings, open and overdue measures, and
what is overdue per owner in the selected group (what the chair raises at its next meeting)."""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Header, Static

from meetingtui.group_names import short_and_name
from meetingtui.i18n import t
from meetingtui.services import home
from meetingtui.services.actions import ActionRow, overdue_by_owner
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.screens.common import COMMON_BINDINGS, Command, common_commands
from meetingtui.ui.screens.home_groups import add_group, archive_group, edit_group, edit_settings
from meetingtui.ui.timing import fit, flex_width
from meetingtui.ui.widgets.fixed_table import FixedTable
from meetingtui.ui.widgets.footer import Footer

if TYPE_CHECKING:
    from meetingtui.model import Attendance, Meeting


class HomeScreen(Screen[None]):
    """Painted before the models, the templates and the meeting screen are imported (they cost
    more than Textual itself): the lines come from plain SQL, and what a key opens is imported
    when the key is pressed."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("n", "new_meeting", t("home.new_meeting"), id="home.new_meeting"),
        Binding("o", "open_meeting", t("home.open_meeting"), id="home.open_meeting"),
        Binding("delete", "remove_planned", t("remove.key"), id="home.remove_planned",
                tooltip=t("remove.meeting_help")),
        Binding("m", "members", t("member.key"), id="home.members", tooltip=t("member.help")),
        Binding("a", "add_group", t("group.add_key"), id="home.add_group",
                tooltip=t("group.add_help")),
        Binding("e", "edit_group", t("group.edit_key"), id="home.edit_group",
                tooltip=t("group.edit_help")),
        Binding("x", "archive_group", t("group.archive_key"), id="home.archive_group",
                tooltip=t("group.archive_help")),
        Binding("i", "settings", t("settings.key"), id="home.settings",
                tooltip=t("settings.help")),
        Binding("s", "stats", t("stats_screen.key"), id="home.stats",
                tooltip=t("stats_screen.help")),
        Binding("r", "report", t("reports.key"), id="home.report", tooltip=t("reports.help")),
        *COMMON_BINDINGS,
    ]

    def __init__(self, ws: Workspace) -> None:
        super().__init__(id="home")
        self.ws = ws
        self.overviews: list[home.GroupLine] = []
        self.shown_width: int | None = None  # the width the table was laid out for

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(t("home.heading"), id="home-heading", classes="table-title")
        yield FixedTable(cursor_type="row", id="groups", zebra_stripes=True)
        yield Static("", id="overdue-owners")
        yield Static("", id="waiting-reports")
        yield Static("", id="agreements-ending")
        yield Static(t("home.hint"), id="home-hint", classes="hint")
        yield Static(t("home.db", path=str(self.ws.locations.db)), id="db-path", classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("app.title")
        self.sub_title = home.municipality(self.ws)
        if not self.ws.templates_loaded:
            self.call_after_refresh(self._read_templates)
        if home.needs_setup(self.ws):
            self.call_after_refresh(self.action_settings, True)

    def _read_templates(self) -> None:
        """After the first frame, off the UI thread: the templates import pydantic and
        markdown-it. A group whose template is new (every group, on a new database) shows
        when they are in."""

        def read() -> None:
            _ = self.ws.templates
            self.app.call_from_thread(self._templates_read)

        self.run_worker(read, thread=True, name="home-templates", exit_on_error=False)

    def _templates_read(self) -> None:
        try:
            added = attempt(self.app, home.add_missing_groups, self.ws)
        except Failed:
            return
        if added:
            self.reload()

    def on_screen_resume(self) -> None:
        # Also sent when the screen is first shown: the one load before the first frame.
        self.reload()

    def on_resize(self) -> None:
        if self.shown_width is not None and self.size.width != self.shown_width:
            self.reload()

    def reload(self) -> None:
        self.overviews = home.lines(self.ws)
        self.shown_width = self.size.width
        table: DataTable[Text | str] = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        widths = _group_widths(self.size.width, self.overviews)
        table.add_column(t("home.group"), width=widths[0], key="short")
        if len(widths) == 2:
            table.add_column(t("home.name"), width=widths[1], key="name")
        table.add_column(t("home.next"), width=12, key="next")
        table.add_column(t("home.last"), width=12, key="last")
        table.add_column(t("home.open"), width=7, key="open")
        table.add_column(t("home.overdue"), width=9, key="overdue")
        for view in self.overviews:
            upcoming = view.upcoming.date.isoformat() if view.upcoming else "–"
            if view.upcoming and view.upcoming.running:
                upcoming = "▶ " + upcoming
            overdue = Text(str(view.overdue_measures),
                           style="bold red" if view.overdue_measures else "")
            names = ([fit(short_and_name(view.short, view.name), widths[0])] if len(widths) == 1
                     else [fit(view.short, widths[0]), fit(view.name, widths[1])])
            table.add_row(*names, upcoming,
                          view.last.date.isoformat() if view.last else "–",
                          str(view.open_measures), overdue, key=str(view.group_id))
        if self.overviews:
            table.move_cursor(row=min(cursor, len(self.overviews) - 1))
        table.focus()
        self.show_agreements_ending()

    def show_agreements_ending(self) -> None:
        """A line under the groups while a medborgarlöfte or samverkansöverenskommelse ends
        within 60 days: time to renew it or follow it up (hidden otherwise)."""
        ending = home.ending_agreements(self.ws)
        warning = self.query_one("#agreements-ending", Static)
        warning.display = bool(ending)
        names = ", ".join(f"{title} ({end.isoformat()})" for title, end in ending)
        warning.update(t("agreements.ending", count=len(ending), names=names) if ending else "")

    def on_data_table_row_highlighted(self, event: DataTable.RowHighlighted) -> None:
        event.stop()
        self.show_overdue_owners()

    def show_overdue_owners(self) -> None:
        view = self.selected()
        waiting = self.query_one("#waiting-reports", Static)
        waiting.display = view is not None and view.waiting_reports > 0
        waiting.update(t("home.waiting_reports", group=view.short, count=view.waiting_reports)
                       if view is not None and view.waiting_reports else "")
        reminder = self.query_one("#overdue-owners", Static)
        if view is None or not view.overdue_measures:
            reminder.update("")
            return
        try:
            per_owner = attempt(self.app, overdue_by_owner, self.ws, group=view.short)
        except Failed:
            return
        reminder.update(overdue_reminder(view.short, per_owner, self.size.width))

    def selected(self) -> home.GroupLine | None:
        if not self.overviews:
            return None
        return self.overviews[self.query_one(DataTable).cursor_row]

    def action_new_meeting(self) -> None:
        from meetingtui.services import groups, meetings
        from meetingtui.ui.dialogs.plan_meeting import PlanMeetingDialog

        view = self.selected()
        if view is None:
            return
        group_id = view.group_id
        template = self.ws.template_of(groups.get_group(self.ws, group_id))

        def plan(meeting: Meeting, people: list[Attendance]) -> Meeting:
            return meetings.plan_meeting(
                self.ws, group_id, meeting.date, start=meeting.start, end=meeting.end,
                place=meeting.place,
                chair=meeting.chair, secretary=meeting.secretary, adjuster=meeting.adjuster,
                attendance=people)

        def planned(meeting: Meeting | None) -> None:
            if meeting is not None and meeting.id is not None:
                self.open(meeting.id)

        self.app.push_screen(PlanMeetingDialog(
            group_id, view.name, meetings.propose_date(self.ws, group_id), self.ws.today(),
            template.chair if template else "", meetings.default_attendance(self.ws, group_id),
            plan), planned)

    def action_open_meeting(self) -> None:
        from meetingtui.services import meetings
        from meetingtui.ui.dialogs.open_meeting import OpenMeetingDialog

        view = self.selected()
        if view is None:
            return

        def chosen(meeting_id: int | None) -> None:
            if meeting_id is not None:
                self.open(meeting_id)

        self.app.push_screen(OpenMeetingDialog(
            view.name, meetings.list_meetings(self.ws, view.group_id), self.ws.today()), chosen)

    def action_remove_planned(self) -> None:
        """Del: the selected group's planned meeting goes again, if nothing was recorded in it
        (a meeting planned by mistake); the service refuses one that holds anything."""
        from meetingtui.services import meetings
        from meetingtui.ui.removal import remove_after_asking

        view = self.selected()
        planned = view.upcoming if view is not None else None
        if view is None or planned is None or planned.running:
            self.app.notify(t("remove.no_planned"), severity="warning")
            return

        remove_after_asking(
            self.app, t("remove.meeting_title"),
            t("remove.meeting_question", group=view.short, date=planned.date.isoformat()),
            lambda: meetings.remove_planned_meeting(self.ws, planned.id), self.reload)

    def action_settings(self, first: bool = False) -> None:
        edit_settings(self, first=first)

    def action_members(self) -> None:
        from meetingtui.services import groups
        from meetingtui.ui.screens.members import MembersScreen

        view = self.selected()
        if view is not None:
            self.app.push_screen(MembersScreen(self.ws, groups.get_group(self.ws, view.group_id)))

    def action_add_group(self) -> None:
        add_group(self)

    def action_edit_group(self) -> None:
        edit_group(self)

    def action_archive_group(self) -> None:
        archive_group(self)

    def action_report(self) -> None:
        """r: report an observation to the selected group's next meeting, starting none."""
        from meetingtui.model import Report
        from meetingtui.services import groups, reports
        from meetingtui.ui.dialogs.report import ReportDialog

        view = self.selected()
        if view is None:
            return
        group_id = view.group_id
        template = self.ws.template_of(groups.get_group(self.ws, group_id))
        now = self.ws.now()
        draft = Report.model_construct(group_id=group_id, area="", description="",
                                       place_detail="", category="", source="",
                                       confidential=False, reported_by="", reported_at=now)

        def save(made: Report, _base: Report | None) -> Report:
            return reports.report(
                self.ws, group_id, area=made.area, description=made.description,
                category=made.category, place_detail=made.place_detail, source=made.source,
                reported_by=made.reported_by, reported_at=made.reported_at,
                confidential=made.confidential)

        def done(made: Report | None) -> None:
            if made is not None:
                self.app.notify(t("reports.waits", group=view.short), timeout=4)

        self.app.push_screen(ReportDialog(draft, view.name,
                                          list(template.categories) if template else [],
                                          now, save), done)

    def action_stats(self) -> None:
        """The figures over time, for the selected group (all groups one step away)."""
        from meetingtui.ui.screens.stats import StatsScreen

        view = self.selected()
        self.app.push_screen(StatsScreen(self.ws, view.group_id if view is not None else None))

    def on_data_table_row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_meeting()

    def open(self, meeting_id: int) -> None:
        """Open a meeting. Opening a planned one starts it (carry-over, the clock), so a meeting
        planned for a later day asks first: planning ahead must not start it by accident."""
        from meetingtui.model import MeetingStatus
        from meetingtui.services import meetings
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        try:
            meeting = attempt(self.app, meetings.get_meeting, self.ws, meeting_id)
        except Failed:
            return
        if meeting.status is not MeetingStatus.PLANNED or meeting.date <= self.ws.today():
            self._enter(meeting_id)
            return
        day = meeting.date.isoformat()

        def answer(yes: bool | None) -> None:
            if yes:
                self._enter(meeting_id)
            else:
                self.app.notify(t("home.kept_planned", date=day))
                self.reload()

        self.app.push_screen(ConfirmDialog(t("home.start_early_title"),
                                           t("home.start_early", date=day)), answer)

    def _enter(self, meeting_id: int) -> None:
        from meetingtui.ui.screens.meeting import MeetingScreen

        try:
            screen = attempt(self.app, MeetingScreen.for_meeting, self.ws, meeting_id)
        except Failed:
            return
        self.app.push_screen(screen)

    def export_target(self) -> int | None:
        """F6 on the home screen: the selected group's last meeting."""
        view = self.selected()
        return view.last.id if view is not None and view.last is not None else None

    def palette_commands(self) -> list[Command]:
        return [
            (t("home.new_meeting"), self.action_new_meeting, t("home.new_meeting_help")),
            (t("home.open_meeting"), self.action_open_meeting, t("home.open_meeting_help")),
            (t("remove.meeting_title"), self.action_remove_planned, t("remove.meeting_help")),
            (t("member.key"), self.action_members, t("member.help")),
            (t("group.add_key"), self.action_add_group, t("group.add_help")),
            (t("group.edit_key"), self.action_edit_group, t("group.edit_help")),
            (t("group.archive_key"), self.action_archive_group, t("group.archive_help")),
            (t("settings.key"), self.action_settings, t("settings.help")),
            (t("stats_screen.key"), self.action_stats, t("stats_screen.help")),
            *common_commands(self),
        ]


def _group_widths(total: int, overviews: list[home.GroupLine]) -> list[int]:
    """The short name's column and the name's: the name takes what it needs first, the short
    name what is left (whole at 120 columns on a projector). One column where a short name
    would be cut (80 columns), the short name and the name in it (`short_and_name`): two
    "Lokal…" beside two names cut alike tell the groups apart no better."""
    one = flex_width(total, [12, 12, 7, 9], minimum=8)
    both = one - 2  # two columns: one cell's padding more
    longest_name = max((len(view.name) for view in overviews), default=0)
    longest_short = max((len(view.short) for view in overviews), default=6)
    short = max(6, min(longest_short, both - longest_name))
    return [one] if short < longest_short else [short, max(8, both - short)]


def overdue_reminder(group: str, per_owner: dict[str, list[ActionRow]], width: int) -> Text:
    """"Försenat i EST: Polisen 3 · Erik Björk 1 · …", most overdue first, in two lines at most."""
    ranked = sorted(per_owner.items(), key=lambda item: -len(item[1]))
    text = Text()
    text.append(t("home.overdue_owners", group=group), style="bold red")
    room = 2 * max(width - 2, 20) - len(text.plain) - 12
    for shown, (owner, rows) in enumerate(ranked):
        part = f"{' · ' if shown else ' '}{owner or rows[0].owner_org} {len(rows)}"
        if len(part) > room:
            text.append(" " + t("home.overdue_more", count=len(ranked) - shown))
            break
        text.append(part)
        room -= len(part)
    return text
