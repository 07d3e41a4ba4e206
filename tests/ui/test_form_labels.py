"""Every label of a form stands whole beside its field at 80 columns: a label may wrap between
words, never inside one ("Problemtriange" / "ln" was the cause form's at 15 columns)."""

from __future__ import annotations

import asyncio

import pytest
from textual.widgets import Label

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.field_row import FieldRow
from tests.scenarios.helpers import SIZE, press, screen_name

FORMS = {  # keys from the meeting as it opens (on the lägesbild), and the form they open
    "ObservationDialog": ("4", "o"),
    "CauseDialog": ("4", "enter", "c"),
    "MeasureDialog": ("5", "a"),
    "MeetingDetailsDialog": ("m",),
}


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("form", list(FORMS))
def test_no_label_is_broken_inside_a_word(in_meeting: tuple[Workspace, int], form: str,
                                          lang: str) -> None:
    ws, meeting_id = in_meeting
    broken: list[str] = []
    labels: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang=lang, meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, *FORMS[form])
            assert screen_name(pilot) == form
            for row in pilot.app.screen.query(FieldRow):
                label = row.query_one(".field-label", Label)
                labels.append(row.label)
                if max(len(word) for word in row.label.split()) > label.content_size.width:
                    broken.append(row.label)

    asyncio.run(run())
    assert len(labels) >= 3
    assert broken == []
