"""v shows the current item's guidance from the template, whole, on every kind of item: the
text pane shows only its first lines and the other panes none, though EST's Nästa möte says
"vid social oro kan gruppen behöva träffas oftare" (seed 001) only there."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, time
from pathlib import Path

from textual.widgets import Static

from meetingtui.services import meetings
from meetingtui.ui.app import make_app
from meetingtui.ui.dialogs.guidance import GuidanceDialog
from meetingtui.ui.screens.meeting import MeetingScreen
from tests.conftest import Clock
from tests.scenarios.helpers import SIZE, group_id, scenario_workspace


def shown_guidance(tmp_path: Path, numbers: list[int]) -> dict[int, str | None]:
    """§ number → the text the dialog shows after v (None: no dialog), Esc between."""
    clock = Clock(datetime(2026, 11, 12, 9, 0))  # two days after the meeting
    ws = scenario_workspace(tmp_path, clock, "Herrljunga kommun")
    est = group_id(ws, "EST")
    meeting = meetings.plan_meeting(ws, est, date(2026, 11, 10), start=time(13, 0))
    assert meeting.id is not None
    meeting_id = meeting.id
    planned = [(item.notes, item.decision) for item in meetings.items(ws, meeting_id)]
    shown: dict[int, str | None] = {}

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            pilot.app.push_screen(MeetingScreen.for_meeting(ws, meeting_id))
            await pilot.pause()
            for number in numbers:
                screen = pilot.app.screen
                assert isinstance(screen, MeetingScreen)
                screen.go(number - 1)
                await pilot.pause()
                await pilot.press("v")
                await pilot.pause()
                dialog = pilot.app.screen
                if isinstance(dialog, GuidanceDialog):
                    title = str(dialog.query(Static).first().render())
                    body = " ".join(str(s.render()) for s in dialog.query(Static)[1:-1])
                    shown[number] = f"{title}\n{body}"
                    await pilot.press("escape")
                    await pilot.pause()
                    assert isinstance(pilot.app.screen, MeetingScreen)
                else:
                    shown[number] = None

    try:
        asyncio.run(run())
        after = [(item.notes, item.decision) for item in meetings.items(ws, meeting_id)]
        assert after == planned, "v only shows"
    finally:
        ws.close()
    return shown


def test_every_kind_of_item_shows_its_guidance(tmp_path: Path) -> None:
    shown = shown_guidance(tmp_path, [2, 5, 7, 9, 10, 16])
    assert shown[2] is not None and shown[2].startswith("§ 2 Närvaro")  # attendance
    assert shown[5] is not None and "Föregående" in shown[5]  # follow-up
    lagesbild = shown[7]
    assert lagesbild is not None and "• " in lagesbild, "the points of the round as a list"
    assert shown[9] is not None and "beprövade eller utvärderade" in shown[9]  # action plan
    assert shown[10] is not None and "kvartal" in shown[10]  # priorities
    nasta = shown[16]
    assert nasta is not None and nasta.startswith("§ 16 Nästa möte")
    assert "Vid social oro kan gruppen behöva träffas oftare" in " ".join(nasta.split())


def test_a_text_items_long_guidance_is_shown_whole(tmp_path: Path) -> None:
    [statistics] = shown_guidance(tmp_path, [6]).values()
    assert statistics is not None
    # The last point of the template's list, which the pane's five lines do not reach.
    last = [line for line in (Path(__file__).parents[2] / "agendas" / "est.md").read_text(
        encoding="utf-8").split("## Statistik")[1].split("\n## ")[0].splitlines()
        if line.startswith("- ")][-1][2:]
    assert last in " ".join(statistics.split())


def test_an_item_without_guidance_has_none_to_show() -> None:
    from meetingtui.model import AgendaItem, ItemKind
    from meetingtui.ui.dialogs.guidance import guidance_text

    bare = AgendaItem(meeting_id=1, position=3, title="Övrigt", kind=ItemKind.TEXT)
    assert guidance_text(bare) == ""
    assert guidance_text(bare.model_copy(update={"points": ["Polisen"]})) == "• Polisen"
    assert guidance_text(bare.model_copy(update={"guidance": "  Fråga runt.\n"})) == \
        "Fråga runt."
