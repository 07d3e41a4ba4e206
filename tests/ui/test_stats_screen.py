"""The Statistik screen (issue 15 §4), keys only at 80×24: `s` on the home screen and the
palette open it for the selected group; `g` and `p` change the group and the period; every area
and category has its sparkline over the periods; Esc goes back."""

from __future__ import annotations

import asyncio
from datetime import datetime

from textual.widgets import Sparkline, Static

from meetingtui.services.stats import StatsQuery, figures
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.screens.home import HomeScreen
from meetingtui.ui.screens.stats import StatsScreen
from meetingtui.ui.widgets.figures import FigureLine
from tests.conftest import Clock
from tests.ui.figures_data import est_year


def _screen_text(screen: StatsScreen) -> str:
    return "\n".join(str(widget.render()) for widget in screen.query(Static))


def test_s_shows_the_groups_figures_and_g_p_change_them(ws: Workspace, clock: Clock) -> None:
    group_id = est_year(ws, clock)
    clock.now = datetime(2026, 3, 10, 9, 30)
    expected = figures(ws, StatsQuery(group=str(group_id)))
    by_month = figures(ws, StatsQuery(by="month", group=str(group_id)))
    every = figures(ws, StatsQuery(by="month"))

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            await pilot.press("s")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, StatsScreen)
            text = _screen_text(screen)
            assert "EST · per kvartal · 2025-04-01 – 2026-03-10" in text
            lines = {line.label: line for line in screen.query(FigureLine)}
            # Every area and category, its series over the quarters and its numbers.
            for line in [*expected.areas, *expected.categories]:
                name = "Sekretess" if line.name == "\x00secret" else line.name
                shown = lines[name]
                assert shown.query_one(Sparkline).data == [p.problems for p in line.periods]
                assert shown.numbers.split()[0] == str(line.total.problems)
            assert lines["Centrum"].series == [1, 1, 1, 2]
            assert lines["Centrum"].numbers == "  2  +1 ↓1"  # the last quarter's trends
            assert len(screen.query(Sparkline)) == (len(expected.areas)
                                                    + len(expected.categories) + 3)
            # p: per year, then per month; g: all groups (after EST, the choice comes round).
            await pilot.press("p")
            await pilot.pause()
            assert "per år · 2022-01-01 – 2026-03-10" in _screen_text(screen)
            await pilot.press("p")
            await pilot.pause()
            assert "per månad · 2025-04-01 – 2026-03-10" in _screen_text(screen)
            months = {line.label: line for line in screen.query(FigureLine)}
            centrum = next(x for x in by_month.areas if x.name == "Centrum")
            assert months["Centrum"].query_one(Sparkline).data == [
                p.problems for p in centrum.periods]
            await pilot.press("g")
            await pilot.pause()
            assert "alla grupper · per månad" in _screen_text(screen)
            assert len(screen.query(FigureLine)) == (len(every.areas) + len(every.categories)
                                                     + 3)
            await pilot.press("escape")
            await pilot.pause()
            assert isinstance(app.screen, HomeScreen)
            # The palette opens it too.
            await pilot.press("ctrl+p")
            await pilot.pause()
            for key in "Statistik":
                await pilot.press(key)
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, StatsScreen)

    asyncio.run(run())


def test_the_measures_period_by_period(ws: Workspace, clock: Clock) -> None:
    group_id = est_year(ws, clock)
    clock.now = datetime(2026, 3, 10, 9, 30)
    expected = figures(ws, StatsQuery(group=str(group_id)))

    async def run() -> None:
        app = make_app(ws, lang="en")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            text = _screen_text(app.screen)
            assert "EST · per quarter" in text and "Problems per area" in text
            rows = [line.split() for line in text.splitlines()
                    if line.startswith(("2025-Q", "2026-Q"))]
            assert rows == [[p.key, str(m.decided), str(m.done), str(m.overdue),
                             str(m.cancelled), "–" if m.median_days is None
                             else f"{m.median_days:g}"]
                            for p, m in zip(expected.periods, expected.measures.periods,
                                            strict=True)]
            assert expected.measures.total.done == 1
            assert expected.measures.total.cancelled == 1
            assert "Teknisk förvaltning" in text and "Socialtjänsten" in text

    asyncio.run(run())


def test_an_empty_database_has_nothing_to_count(ws: Workspace) -> None:
    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("s")
            await pilot.pause()
            text = _screen_text(app.screen)
            assert text.count("Inget att räkna.") == 3  # areas, categories, owners
            await pilot.press("p", "g")  # nothing breaks on an empty year either
            await pilot.pause()
            assert "per år" in _screen_text(app.screen)

    asyncio.run(run())


def test_a_steady_series_is_not_drawn_as_none() -> None:
    """Textual scales a sparkline from the series' own smallest value: 1, 1, 1, 1 problems
    looked like none. The lowest bar is none here."""
    from textual.app import App, ComposeResult

    from meetingtui.ui.widgets.figures import FromZero

    class Bars(App[None]):
        def compose(self) -> ComposeResult:
            for series in ([1, 1, 1, 1], [0, 0, 0, 0], [0, 2, 4, 2], [3, 3, 6, 6]):
                spark = FromZero(series)
                spark.styles.width = 8
                yield spark

    async def run() -> list[str]:
        app = Bars()
        async with app.run_test(size=(20, 6)) as pilot:
            await pilot.pause()
            return ["".join(segment.text for segment in spark.render_line(0))
                    for spark in app.query(FromZero)]

    assert asyncio.run(run()) == ["████████", "▁▁▁▁▁▁▁▁", "▁▁▄▄██▄▄", "▄▄▄▄████"]
