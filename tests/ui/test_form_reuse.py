"""The lägesbild keeps its observation form and shows it again for the next observation: each
time it must look like a form just opened — that observation's values (or empty for a new one),
its title, no error or warning left from last time, the cursor in the first field."""

from __future__ import annotations

import asyncio

from textual.widgets import Input

from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.dialogs.observation import ObservationDialog
from meetingtui.ui.widgets.choice import Choice


def form_state(app: object) -> dict[str, object]:
    screen = app.screen  # type: ignore[attr-defined]
    assert isinstance(screen, ObservationDialog)
    return {
        "title": str(screen.query_one(".form-title").render()),
        "area": screen.query_one("#area", Input).value,
        "description": screen.query_one("#description", Input).value,
        "trend": screen.query_one("#trend", Choice).value,
        "messages": [str(m.render()) for m in screen.query(".field-message") if m.display],
        "focused": screen.focused.id if screen.focused else None,
    }


def test_the_kept_form_shows_each_observation_as_if_just_opened(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    observations = lagesbild.observations(ws, meeting_id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("e")  # the first observation
            await pilot.pause()
            first_form = app.screen
            state = form_state(app)
            assert (state["area"], state["trend"]) == (observations[0].area,
                                                        observations[0].trend)
            assert state["title"] == "Ändra iakttagelse (Lägesbild)"
            # Leave it in a mess: the area emptied (an error), a personnummer typed.
            await pilot.press("ctrl+u", "tab", "tab", "tab", "end", *" 811218-9876", "tab", "tab",
                              "right")
            await pilot.pause()
            messy = form_state(app)
            assert len(messy["messages"]) == 2  # type: ignore[arg-type]
            assert messy["trend"] != observations[0].trend
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("down", "e")  # the second one, in the same form
            await pilot.pause()
            assert app.screen is first_form
            state = form_state(app)
            assert state == {
                "title": "Ändra iakttagelse (Lägesbild)",
                "area": observations[1].area, "description": observations[1].description,
                "trend": observations[1].trend, "messages": [], "focused": "area"}
            await pilot.press("escape")
            await pilot.pause()

            await pilot.press("o")  # a new one
            await pilot.pause()
            assert app.screen is first_form
            state = form_state(app)
            assert (state["title"], state["area"], state["description"], state["messages"],
                    state["focused"]) == ("Ny iakttagelse (Lägesbild)", "", "", [], "area")
            await pilot.press(*"Hamnen", "tab", "tab", "tab", *"Bränder i containrar", "enter")
            await pilot.pause()
            assert not isinstance(app.screen, ObservationDialog)

    asyncio.run(run())
    saved = lagesbild.observations(ws, meeting_id)
    assert len(saved) == len(observations) + 1
    assert (saved[-1].area, saved[-1].description) == ("Hamnen", "Bränder i containrar")
    assert [o.area for o in saved[:2]] == [o.area for o in observations[:2]]  # nothing saved


def test_the_action_plan_and_the_follow_up_keep_their_forms_too(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    decided = lagesbild.measures(ws, meeting_id)[0]

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("n", "a")  # the action plan: a new measure, left half done
            await pilot.pause()
            form = app.screen
            assert str(form.query_one(".form-title").render()) == "Ny åtgärd"
            await pilot.press(*"Halvfärdig", "tab", "tab", "tab", *"32 dec")
            await pilot.press("ctrl+s")  # refused: no owner, a bad date
            await pilot.pause()
            assert app.screen is form
            assert len([m for m in form.query(".field-message") if m.display]) == 2
            await pilot.press("escape", "enter")  # the measure decided here, in the same form
            await pilot.pause()
            assert app.screen is form
            assert str(form.query_one(".form-title").render()) == "Ändra åtgärd"
            assert [form.query_one(f"#{name}", Input).value for name in ("text", "owner", "due")
                    ] == [decided.text, decided.owner, str(decided.due)]
            assert not [m for m in form.query(".field-message") if m.display]
            assert form.focused is form.query_one("#text")
            await pilot.press("escape", "p", "p")  # back to the follow-up
            await pilot.pause()
            assert type(app.screen.pane).__name__ == "FollowupPane"  # type: ignore[attr-defined]
            await pilot.press("d")
            await pilot.pause()
            followup_form = app.screen
            assert followup_form.query_one("#new_status", Choice).value.value == "done"
            await pilot.press(*"Klart", "escape", "down", "i")
            await pilot.pause()
            assert app.screen is followup_form
            assert followup_form.query_one("#new_status", Choice).value.value == "in_progress"
            assert followup_form.query_one("#comment", Input).value == ""
            assert followup_form.focused is followup_form.query_one("#comment")
            await pilot.press("escape")

    asyncio.run(run())
    assert lagesbild.measures(ws, meeting_id) == [decided]  # nothing was saved


def test_the_observation_screen_forms_are_kept_across_observations(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    observations = lagesbild.observations(ws, meeting_id)
    cause = next(c for c in lagesbild.causes(ws, meeting_id)
                 if c.observation_id == observations[1].id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause()
            await pilot.press("enter", "c")  # the first observation: a new cause, abandoned
            await pilot.pause()
            form = app.screen
            await pilot.press(*"Halvfärdig orsak", "tab", "right", "escape", "escape")
            await pilot.pause()
            await pilot.press("down", "enter", "enter")  # the second: edit its cause
            await pilot.pause()
            assert app.screen is form
            assert str(form.query_one(".form-title").render()) == "Ändra orsak"
            assert form.query_one("#text", Input).value == cause.text
            assert form.query_one("#dimension", Choice).value == cause.dimension
            await pilot.press("escape", "escape")

    asyncio.run(run())
    assert lagesbild.causes(ws, meeting_id) == [cause]  # nothing was saved


def test_a_refilled_form_says_nothing_about_the_last_date_typed(
    in_meeting: tuple[Workspace, int],
) -> None:
    """The line under a date field says which day it understood (issue 12 §6); shown again for
    another measure, the kept form has no such line until a date is typed there."""
    ws, meeting_id = in_meeting
    decided = lagesbild.measures(ws, meeting_id)[0]

    def shown(form: object) -> list[str]:
        return [str(m.render()) for m in form.query(".field-message")  # type: ignore[attr-defined]
                if m.display]

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("n", "a", *"Städa", "tab", *"Eva", "tab", "tab", *"1 dec")
            form = app.screen
            assert shown(form) == ["→ tis 1 dec 2026"]
            await pilot.press("escape", "a")  # a new one, in the same form
            assert app.screen is form
            assert shown(form) == []
            await pilot.press("escape", "enter")  # the decided one: its date, nothing said
            assert app.screen is form
            assert form.query_one("#due", Input).value == str(decided.due)
            assert shown(form) == []
            await pilot.press("tab", "tab", "tab", *"idag")  # typed: said at once
            assert shown(form) == ["→ tis 10 mars 2026"]
            await pilot.press("enter")
            assert not isinstance(app.screen, type(form))

    asyncio.run(run())
    [saved] = lagesbild.measures(ws, meeting_id)
    assert (saved.id, saved.text, saved.due) == (decided.id, decided.text, ws.today())
