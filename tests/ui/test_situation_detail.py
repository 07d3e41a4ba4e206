"""The lines under the lägesbild's table: where, the description, and the causes, measures,
trend and level. A description that a report was merged into ran past the box on the projector
(cut mid-word, "(källa: Teknisk"), and the counts under it were never seen; now the description
takes two lines, "…" when there is more, and the counts stay, at 80×24 and at 120×40."""

from __future__ import annotations

import asyncio
from datetime import datetime

import pytest
from textual.widgets import Static

from meetingtui.model import Cause, Dimension, Observation, Report
from meetingtui.services import lagesbild
from meetingtui.services.reports import merged_paragraph
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import press

SITUATION = 4  # § 4 Lägesbild in the test's EST template
LONG = ("Yngre ungdomar rör sig i centrum efter midnatt under lovet, i grupper om fem till tio, "
        "och flera butiksägare säger att de stänger tidigare")


@pytest.mark.parametrize("size", [(80, 24), (120, 40)])
def test_a_long_description_leaves_the_counts_in_view(in_meeting: tuple[Workspace, int],
                                                      size: tuple[int, int]) -> None:
    ws, meeting_id = in_meeting
    report = Report(group_id=1, area="Centrum", description="Nya taggar på tunneln vid "
                    "stationen, tredje gången i månaden", source="Teknisk förvaltning",
                    reported_by="Emma Nyström, Kommunledningsförvaltningen",
                    reported_at=datetime(2026, 3, 1, 10, 0))
    long = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area="Idrottsplatsen", place_detail="Läktaren",
        category="Ungdomsgrupperingar / samlingsplats", source="Socialtjänsten",
        description=f"{LONG}\n\n{merged_paragraph(report)}"))
    assert long.id is not None
    lagesbild.save_cause(ws, Cause(observation_id=long.id, text="Ingen vuxen ute på kvällen",
                                   dimension=Dimension.OFFENDER))
    shown: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=size) as pilot:
            await pilot.pause()
            await press(pilot, str(SITUATION), "down", "down", "down")  # the long one, last
            detail = pilot.app.screen.query_one("#observation-detail", Static)
            shown.extend(str(detail.render()).splitlines())
            shown.append(str(detail.content_size.width))

    asyncio.run(run())
    *lines, width = shown
    assert len(lines) == 4, lines
    assert lines[0].startswith("Idrottsplatsen · Läktaren")
    assert lines[1].startswith("Yngre ungdomar rör sig i centrum")
    assert lines[2].endswith("…")
    assert lines[3] == "Trend: Ny · nivå 1 · 1 orsak, 0 åtgärder"
    assert all(len(line) <= int(width) for line in lines)
