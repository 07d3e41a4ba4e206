"""The home screen's group table at the projector's 120 columns shows every group's short name
whole ("Rättighetsnätverket", not "Rätti…"): the name takes what it needs first, the short name
what is left; at 80 columns the names keep their room and the short names are cut."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.services import groups
from meetingtui.ui.app import make_app
from tests.conftest import Clock
from tests.scenarios.helpers import scenario_workspace


@pytest.mark.parametrize(("size", "whole"), [((120, 40), True), ((80, 24), False)])
def test_short_names_whole_where_there_is_room(tmp_path: Path, clock: Clock,
                                               size: tuple[int, int], whole: bool) -> None:
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")  # the built-in groups
    shorts = {g.short for g in groups.ensure_groups(ws)}
    assert "Rättighetsnätverket" in shorts
    shown: list[tuple[str, str]] = []

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=size) as pilot:
            await pilot.pause()
            table = pilot.app.screen.query_one("#groups", DataTable)
            shown.extend((str(table.get_row_at(row)[0]), str(table.get_row_at(row)[1]))
                         for row in range(table.row_count))

    asyncio.run(run())
    assert shown
    cut_names = [name for _, name in shown if name.endswith("…")]
    if whole:
        assert {short for short, _ in shown} == shorts
        assert cut_names == []
    else:
        assert all(len(short) <= 6 for short, _ in shown)
        assert any(short.endswith("…") for short, _ in shown) == any(len(s) > 6 for s in shorts)
