"""Before closing, the chair is told when the next meeting is not decided: the item proposes a
date from the group's rhythm, but only a decided date reaches the minutes (found by reading
minutes exported after a meeting typed in at 80×24: "Nästa möte: Inte bestämt")."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

from meetingtui.services import meetings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name

SAID = "Nästa möte är inte bestämt: bestäm det under § 8 (e)"


def test_closing_says_the_next_meeting_is_not_decided_until_it_is(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    questions: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()

            async def question() -> None:
                await press(pilot, "c")
                assert screen_name(pilot) == "ConfirmDialog"
                questions.append(str(pilot.app.screen.query_one(".confirm-message",
                                                                Static).render()))
                await press(pilot, "n")

            await question()
            await press(pilot, "8", "e", "enter")  # § 8 Nästa möte: the proposed date
            await question()

    asyncio.run(run())
    before, after = questions
    assert SAID in before
    assert SAID not in after
    assert meetings.get_meeting(ws, meeting_id).next_date is not None
