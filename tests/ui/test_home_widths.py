"""The home screen's group table at the projector's 120 columns shows every group's short name
whole ("Rättighetsnätverket", not "Rätti…"): the name takes what it needs first, the short name
what is left; at 80 columns, where a short name would be cut, one column holds each group's
short name whole and as much of its name as fits ("BRÅ – Lokalt brottsförebygg…")."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from textual.widgets import DataTable

from meetingtui.group_names import short_and_name
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
    shown: list[list[str]] = []

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=size) as pilot:
            await pilot.pause()
            table = pilot.app.screen.query_one("#groups", DataTable)
            shown.extend([str(cell) for cell in table.get_row_at(row)]
                         for row in range(table.row_count))

    asyncio.run(run())
    assert len(shown) == len(shorts)
    if whole:
        assert {row[0] for row in shown} == shorts
        assert not [row[1] for row in shown if row[1].endswith("…")]
    else:  # one column for both, each group told apart by its short name, whole
        assert all(row[1][:4].isdigit() or row[1] == "–" for row in shown)  # the next date
        assert len({row[0] for row in shown}) == len(shown)
        for short in shorts:
            assert sum(row[0].casefold().startswith(short.casefold()) for row in shown) >= 1
        assert any(row[0].endswith("…") for row in shown)


@pytest.mark.parametrize(("short", "name", "shown"), [
    ("EST", "Effektiv samordning för trygghet", "EST – Effektiv samordning för trygghet"),
    ("Rättighetsnätverket", "Rättighetsnätverket", "Rättighetsnätverket"),
    ("Styrgrupp", "Styrgrupp (Strategiskt råd)", "Styrgrupp (Strategiskt råd)"),
    ("BRÅ", "Lokalt brottsförebyggande råd", "BRÅ – Lokalt brottsförebyggande råd"),
    ("lokalt brå", "Lokalt  BRÅ i Norr", "Lokalt BRÅ i Norr"),
    ("Norr", "Trygghetsgrupp Norr", "Norr – Trygghetsgrupp Norr"),
])
def test_a_group_is_named_once_when_its_name_begins_with_its_short_name(
        short: str, name: str, shown: str) -> None:
    assert short_and_name(short, name) == shown
