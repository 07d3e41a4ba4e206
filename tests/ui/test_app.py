"""Theme remembered, palette commands, closed meetings read-only."""

from __future__ import annotations

import asyncio

from meetingtui.services import lagesbild, settings
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.themes import HIGH_CONTRAST


def test_the_high_contrast_theme_is_remembered(seeded: tuple[Workspace, int, list[int]]) -> None:
    ws = seeded[0]

    async def toggle() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test() as pilot:
            await pilot.press("t")
            assert app.theme == HIGH_CONTRAST

    async def reopen() -> str:
        app = make_app(ws, lang="sv")
        async with app.run_test():
            return app.theme

    asyncio.run(toggle())
    assert settings.get_theme(ws, "") == HIGH_CONTRAST
    assert asyncio.run(reopen()) == HIGH_CONTRAST


def test_palette_jumps_to_an_item_and_lists_the_placeholders(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test() as pilot:
            names = [name for name, _call, _help in app.screen.palette_commands()]  # type: ignore[attr-defined]
            for wanted in ("Gå till § 6 Prioriterade områden", "Ny iakttagelse", "Ny åtgärd",
                           "Presentationsläge", "Exportera protokoll", "Åtgärdslista",
                           "Tema: växla hög kontrast", "Avsluta mötet"):
                assert wanted in names
            await pilot.press("ctrl+p", *"Gå till § 6")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen.current == 5  # type: ignore[attr-defined]

    asyncio.run(run())


def test_a_closed_meeting_opens_read_only(seeded: tuple[Workspace, int, list[int]]) -> None:
    ws, feb_id, _ = seeded
    before = len(lagesbild.observations(ws, feb_id))

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test() as pilot:
            await pilot.press("o", "enter")  # the group's only meeting: February, closed
            assert type(app.screen).__name__ == "MeetingScreen"
            assert app.screen.session.readonly  # type: ignore[attr-defined]
            await pilot.press("4", "o")  # no new observation in closed minutes
            assert type(app.screen).__name__ == "MeetingScreen"
            await pilot.press("h")
            assert type(app.screen).__name__ == "AmendmentsDialog"

    asyncio.run(run())
    assert len(lagesbild.observations(ws, feb_id)) == before
