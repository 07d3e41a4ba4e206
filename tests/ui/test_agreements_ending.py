"""The home screen warns while a medborgarlöfte or samverkansöverenskommelse ends within 60 days
of today (issue 16 §4): on the 60th day before its end, not on the 61st; not once it has ended."""

from __future__ import annotations

import asyncio
from datetime import date, datetime, timedelta

import pytest
from textual.widgets import Static

from meetingtui.model import AgreementKind
from meetingtui.services import agreements
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.conftest import Clock

END = date(2027, 1, 31)


def _warning(ws: Workspace, lang: str = "sv") -> str:
    """What the home screen says under the groups as it opens ("" when the line is hidden)."""
    async def run() -> str:
        app = make_app(ws, lang=lang)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            line = app.screen.query_one("#agreements-ending", Static)
            return str(line.render()) if line.display else ""
    return asyncio.run(run())


@pytest.mark.parametrize(("days_before", "warned"), [
    (61, False), (60, True), (1, True), (0, True), (-1, False)])
def test_warned_from_the_sixtieth_day(ws: Workspace, clock: Clock, days_before: int,
                                      warned: bool) -> None:
    agreements.add_agreement(ws, AgreementKind.MEDBORGARLOFTE, "Tryggare Centrum",
                             date(2026, 1, 1), END, ["Kommunen", "LPO Alingsås"])
    clock.now = datetime.combine(END - timedelta(days=days_before), datetime.min.time())
    said = _warning(ws)
    if warned:
        assert said == ("Upphör inom 60 dagar: Tryggare Centrum (2027-01-31). Dags att förnya "
                        "eller följa upp.")
    else:
        assert said == ""


def test_several_in_english(ws: Workspace, clock: Clock) -> None:
    for title, end in (("Samverkan med polisen", END), ("Tryggare Centrum", END - timedelta(1))):
        agreements.add_agreement(ws, AgreementKind.SAMVERKAN, title, date(2026, 1, 1), end,
                                 ["Kommunen"])
    clock.now = datetime(2027, 1, 1, 9, 0)
    assert _warning(ws, "en") == (
        "2 agreements end within 60 days: Tryggare Centrum (2027-01-30), Samverkan med polisen "
        "(2027-01-31). Time to renew or follow them up.")
