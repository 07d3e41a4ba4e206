"""`/`: search every meeting as you type; Enter opens the meeting at the hit.

The results follow the typing after a short pause (`PAUSE`), so a word typed quickly is
searched once; a search on ten years of meetings takes a few to some tens of milliseconds
(`make bench`). The keys stay in the field: ↑/↓ move through the hits, Enter opens one, Esc
goes back. A hit opens its meeting on the item that shows it, with its row (an observation, a
measure) selected there.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import DataTable, Header, Input, OptionList, Static
from textual.widgets.data_table import RowDoesNotExist
from textual.widgets.option_list import Option

from meetingtui.i18n import t
from meetingtui.model import MeetingStatus
from meetingtui.services import meetings
from meetingtui.services.search import Hit, SearchFilters, SearchResult, excerpt, search, where
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.screens.meeting import MeetingScreen
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.footer import Footer

PAUSE = 0.12  # seconds of no typing before the hits follow
LIMIT = 100
MATCH = "bold reverse"
#: How long a row to select is waited for while its meeting opens (tries of `TRY_EVERY` s).
TRIES, TRY_EVERY = 100, 0.02


class SearchScreen(Screen[None]):
    DEFAULT_CSS = """
    #search-hits { height: 1fr; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", t("search.back"), id="search.back"),
        Binding("enter", "open", t("search.open"), id="search.open"),
        Binding("down", "move(1)", "↓", id="search.down", show=False),
        Binding("up", "move(-1)", "↑", id="search.up", show=False),
        Binding("pagedown", "move(10)", "PgDn", id="search.page_down", show=False),
        Binding("pageup", "move(-10)", "PgUp", id="search.page_up", show=False),
    ]

    def __init__(self, ws: Workspace) -> None:
        super().__init__(id="search")
        self.ws = ws
        self.result: SearchResult | None = None
        self.pending: Timer | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        yield Input(id="search-query", placeholder=t("search.placeholder"))
        yield Static(t("search.type_more"), id="search-count", classes="hint")
        yield OptionList(id="search-hits")
        yield Static(t("search.hint"), classes="hint")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("search.title")
        self.query_one(OptionList).can_focus = False  # the keys stay in the field
        self.query_one(Input).focus()

    @on(Input.Changed)
    def typed(self) -> None:
        if self.pending is not None:
            self.pending.stop()
        self.pending = self.set_timer(PAUSE, self.show_hits)

    @on(Input.Submitted)
    def submitted(self) -> None:
        self.action_open()

    def show_hits(self) -> None:
        self.pending = None
        query = self.query_one(Input).value
        count = self.query_one("#search-count", Static)
        hits = self.query_one(OptionList)
        try:
            result = attempt(self.app, search, self.ws, query, SearchFilters(limit=LIMIT))
        except Failed:
            return
        self.result = result
        hits.clear_options()
        if not result.words:
            count.update(t("search.type_more"))
            return
        if not result.hits:
            count.update(t("search.none", query=query.strip()))
            return
        count.update(t("search.count", count=result.total, shown=len(result.hits),
                       query=query.strip()) if result.total > len(result.hits)
                     else t("search.all", count=result.total, query=query.strip()))
        width = max(20, hits.scrollable_content_region.width - 2)
        hits.add_options(Option(self.line(hit, result.words, width)) for hit in result.hits)
        hits.highlighted = 0

    @staticmethod
    def line(hit: Hit, words: list[str], width: int) -> Text:
        """Where the hit stands, its text and what it is about (dimmed), each on one line,
        the matching words marked."""
        mark = " · " + t("search.confidential") if hit.confidential else ""
        label = fit(" · ".join([where(hit), t(f"search.kind_{hit.kind}")]), width - len(mark))
        text = Text(end="")
        text.append(label, style="bold")
        text.append(mark, style="bold red")
        for part, style in ((hit.text, ""), (hit.context, "dim")):
            if part:
                shown, found = excerpt(part, words, width)
                start = len(text) + 1
                text.append("\n" + shown, style=style)
                for first, end in found:
                    text.stylize(MATCH, start + first, start + end)
        return text

    def action_move(self, step: int) -> None:
        hits = self.query_one(OptionList)
        if hits.option_count:
            now = hits.highlighted if hits.highlighted is not None else 0
            hits.highlighted = max(0, min(hits.option_count - 1, now + step))

    def action_back(self) -> None:
        self.dismiss()

    def action_open(self) -> None:
        """Open the highlighted hit's meeting on its item: the one below, if it is that
        meeting; a meeting planned for a later day is started only when the chair says so."""
        if self.pending is not None:  # Enter typed right after the words: search them first
            self.pending.stop()
            self.show_hits()
        hit = self.chosen()
        if hit is None:
            return
        below = self.app.screen_stack[-2]
        if isinstance(below, MeetingScreen) and below.session.meeting_id == hit.meeting_id:
            self.dismiss()
            show(below, hit)
            return
        try:
            meeting = attempt(self.app, meetings.get_meeting, self.ws, hit.meeting_id)
        except Failed:
            return
        if meeting.status is not MeetingStatus.PLANNED or meeting.date <= self.ws.today():
            self.enter(hit)
            return
        from meetingtui.ui.dialogs.confirm import ConfirmDialog

        day = meeting.date.isoformat()
        self.app.push_screen(ConfirmDialog(t("home.start_early_title"), t(
            "home.start_early", date=day)), lambda yes: self.enter(hit) if yes else None)

    def chosen(self) -> Hit | None:
        hits = self.query_one(OptionList)
        if self.result is None or hits.highlighted is None:
            return None
        return self.result.hits[hits.highlighted]

    def enter(self, hit: Hit) -> None:
        """The meeting screen at the hit, in place of the meeting left (its text saved first;
        if that fails, its message shows and the search stays)."""
        below = self.app.screen_stack[-2]
        if isinstance(below, MeetingScreen) and below.pane is not None and not below.pane.flush():
            return
        try:
            screen = attempt(self.app, MeetingScreen.for_meeting, self.ws, hit.meeting_id)
        except Failed:
            return
        screen.start_item = hit.item_id
        self.app.call_later(self._replace, below, screen, hit)

    async def _replace(self, below: Screen[Any], screen: MeetingScreen, hit: Hit) -> None:
        """Out of the search and the meeting left, into the one found: one after the other,
        as a screen's id is unique only once the one before it is gone."""
        app = self.app
        await self.dismiss()
        if isinstance(below, MeetingScreen):
            await app.pop_screen()
        await app.push_screen(screen)
        if hit.item_id is None:
            app.notify(t("search.not_shown"))
        elif hit.row is not None:
            select_row(screen, str(hit.row), TRIES)


def show(screen: MeetingScreen, hit: Hit) -> None:
    """In the meeting shown, go to the hit's item and select its row."""
    index = next((i for i, item in enumerate(screen.items) if item.id == hit.item_id), None)
    if index is None:
        screen.app.notify(t("search.not_shown"))
        return
    screen.go(index)
    if hit.row is not None:
        select_row(screen, str(hit.row), TRIES)


def select_row(screen: MeetingScreen, key: str, tries: int) -> None:
    """The cursor on row `key` of the shown item's table, once the item has laid it out (a
    pane fills its table when it learns its width, a frame or two after it is shown)."""
    pane = screen.pane
    if pane is not None and pane.is_mounted:
        for table in pane.query(DataTable):
            try:
                index = table.get_row_index(key)
            except RowDoesNotExist:
                continue
            table.move_cursor(row=index)
            return
    if tries > 0 and screen.app.is_running:
        screen.app.set_timer(TRY_EVERY, lambda: select_row(screen, key, tries - 1))
