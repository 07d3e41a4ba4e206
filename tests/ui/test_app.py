"""Theme remembered, palette commands, closed meetings read-only."""

from __future__ import annotations

import asyncio

from textual.widgets import Static

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


def test_the_palette_finds_the_close_by_the_word_a_chair_types(
    in_meeting: tuple[Workspace, int],
) -> None:
    """"stäng" is in no command's name: the close is found by its help ("Stänger mötet: …"),
    and nonsense still finds nothing."""
    ws, meeting_id = in_meeting
    shown: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("ctrl+p", *"stäng")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            shown.append(type(app.screen).__name__)
            shown.append(" ".join(str(w.render()) for w in app.screen.query(Static)))
            await pilot.press("escape")
            await pilot.pause()
            await pilot.press("ctrl+p", *"qqxz")
            await pilot.pause(0.3)
            await pilot.press("enter")
            await pilot.pause()
            shown.append(type(app.screen).__name__)

    asyncio.run(run())
    assert shown[0] == "ConfirmDialog"
    assert "Vill du avsluta mötet?" in shown[1]
    assert shown[2] == "Palette"  # still open: Enter chose nothing


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
