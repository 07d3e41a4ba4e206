"""The Statistik screen: the figures of `meetingtui stats` for one group or all, per month,
quarter or year, with a sparkline per area, category and type over the periods, and the
measures' fate period by period. `g` changes the group, `p` the period; the arrows scroll."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header, Label, Static

from meetingtui.export.stats import days, name_label
from meetingtui.i18n import t
from meetingtui.services import groups
from meetingtui.services.periods import PERIODS
from meetingtui.services.stats import (
    MeasureLine,
    ProblemLine,
    Stats,
    StatsQuery,
    figures,
)
from meetingtui.services.workspace import Workspace
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.screens.common import COMMON_BINDINGS, Command, common_commands
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.figures import FigureLine, trend_marks
from meetingtui.ui.widgets.footer import Footer

#: Owners shown (most measures first); `meetingtui stats` lists them all.
OWNERS = 10


class StatsScreen(Screen[None]):
    DEFAULT_CSS = """
    StatsScreen #stats-filters { height: 1; padding: 0 1; }
    StatsScreen #stats-filters .filter-label { width: auto; padding: 0 1; }
    StatsScreen #stats-filters Choice { width: 1fr; }
    StatsScreen #stats-heading { padding: 0 1; height: auto; text-style: bold; }
    StatsScreen #stats-body { height: 1fr; padding: 0 1; }
    StatsScreen .stats-title { text-style: bold; margin-top: 1; }
    StatsScreen .stats-table { height: auto; }
    StatsScreen .stats-legend { color: $text-muted; height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", t("stats_screen.back"), id="stats.back"),
        Binding("g", "step('group')", t("stats_screen.group_key"), id="stats.group"),
        Binding("p", "step('period')", t("stats_screen.period_key"), id="stats.period"),
        *COMMON_BINDINGS,
    ]

    def __init__(self, ws: Workspace, group_id: int | None = None) -> None:
        super().__init__(id="stats")
        self.ws = ws
        self.group = None if group_id is None else str(group_id)
        self.shown: Stats | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="stats-filters"):
            yield Label(t("stats_screen.group"), classes="filter-label")
            options: list[tuple[str, str | None]] = [(t("stats.all_groups"), None)]
            # By id: two groups may share a short name; `figures` takes an id as well.
            options += [(view.group.short, str(view.group.id))
                        for view in groups.overviews(self.ws)]
            yield Choice(options, self.group, id="stats-group")
            yield Label(t("stats_screen.period"), classes="filter-label")
            yield Choice([(t(f"stats.by_{by}"), by) for by in PERIODS], "quarter",
                         id="stats-period")
        yield Static("", id="stats-heading")
        yield VerticalScroll(id="stats-body")
        yield Footer()

    def on_mount(self) -> None:
        self.title = t("stats.title")
        self.sub_title = groups.municipality(self.ws)
        self.reload()
        self.query_one("#stats-body").focus()

    def query_asked(self) -> StatsQuery:
        group = self.query_one("#stats-group", Choice).value
        by = self.query_one("#stats-period", Choice).value
        return StatsQuery(by=str(by), group=group if isinstance(group, str) else None)

    def reload(self) -> None:
        try:
            found = attempt(self.app, figures, self.ws, self.query_asked())
        except Failed:
            return
        self.shown = found
        parts = [found.group or t("stats.all_groups"), t(f"stats.by_{found.query.by}"),
                 f"{found.first.isoformat()} – {found.last.isoformat()}"]
        self.query_one("#stats-heading", Static).update(" · ".join(parts))
        body = self.query_one("#stats-body", VerticalScroll)
        with self.app.batch_update():
            body.remove_children()
            body.mount_all(list(_sections(found)))
        body.scroll_home(animate=False)

    @on(Choice.Changed)
    def _filter_changed(self) -> None:
        if self.is_mounted:
            self.reload()

    def action_step(self, which: str) -> None:
        self.query_one(f"#stats-{which}", Choice).action_step(1)

    def action_back(self) -> None:
        self.app.pop_screen()

    def palette_commands(self) -> list[Command]:
        return [
            (t("stats_screen.group_key"), lambda: self.action_step("group"), ""),
            (t("stats_screen.period_key"), lambda: self.action_step("period"), ""),
            (t("stats_screen.back"), self.action_back, ""),
            *common_commands(self),
        ]


def _sections(found: Stats) -> list[Widget]:
    widgets: list[Widget] = [_title("stats.areas_title"), _legend()]
    widgets += _problem_lines(found.areas, "area") or [_none()]
    widgets += [_title("stats.categories_title"), _legend()]
    widgets += _problem_lines(found.categories, "category") or [_none()]
    widgets += [_title("stats.measures_title"), _measure_table(found)]
    widgets += _measure_lines(found.measures)
    widgets += [_title("stats.types_title"), _total_table("type", found.types),
                _title("stats.owners_title"), _total_table("owner", found.owners)]
    return widgets


def _legend() -> Static:
    return Static(t("stats_screen.problem_legend"), classes="stats-legend")


def _title(key: str) -> Static:
    return Static(t(key), classes="stats-title")


def _none() -> Static:
    return Static(t("stats.none"))


def _problem_lines(lines: list[ProblemLine], kind: str) -> list[Widget]:
    """Each area or category: its problems per period, how many in all, and the trends last
    given (in the latest period that had any)."""
    shown: list[Widget] = []
    for line in lines:
        numbers = f"{line.total.problems:>3}  {trend_marks(line.latest)}"
        shown.append(FigureLine(name_label(line.name, kind=kind),
                                [p.problems for p in line.periods], numbers))
    return shown


def _measure_lines(line: MeasureLine) -> list[Widget]:
    """Decided, done and overdue over the periods, each with its total (overdue: now)."""
    return [FigureLine(t(f"stats.{name}"), [getattr(p, name) for p in line.periods],
                       f"{getattr(line.total, name):>3}")
            for name in ("decided", "done", "overdue")]


def _measure_table(found: Stats) -> Static:
    """The measures period by period: decided, done, overdue, cancelled, median days."""
    heads = [t("stats.period"), *(t(f"stats.{h}") for h in
                                  ("decided", "done", "overdue", "cancelled", "median_days"))]
    widths = [9, *(max(5, len(h)) for h in heads[1:])]
    rows = [_cells(heads, widths)]
    for period, counted in [*zip([p.key for p in found.periods], found.measures.periods,
                                 strict=True), (t("stats.total"), found.measures.total)]:
        rows.append(_cells([period, str(counted.decided), str(counted.done),
                            str(counted.overdue), str(counted.cancelled),
                            days(counted.median_days)], widths))
    return Static("\n".join(rows), classes="stats-table", markup=False)


def _total_table(kind: str, lines: list[MeasureLine]) -> Static:
    """Each type or owner over the whole range (the owners with most measures first)."""
    if not lines:
        return _none()
    heads = [t(f"stats.name_{kind}"), *(t(f"stats.{h}") for h in
                                        ("decided", "done", "overdue", "cancelled"))]
    widths = [24, *(max(5, len(h)) for h in heads[1:])]
    rows = [_cells(heads, widths)]
    for line in lines[:OWNERS]:
        rows.append(_cells([name_label(line.name, kind=kind), str(line.total.decided),
                            str(line.total.done), str(line.total.overdue),
                            str(line.total.cancelled)], widths))
    if len(lines) > OWNERS:
        rows.append(t("stats_screen.more_owners", count=len(lines) - OWNERS))
    return Static("\n".join(rows), classes="stats-table", markup=False)


def _cells(cells: list[str], widths: list[int]) -> str:
    first, *rest = cells
    return (f"{fit(first, widths[0]):<{widths[0]}}" + "".join(
        f" {cell:>{width}}" for cell, width in zip(rest, widths[1:], strict=True)))
