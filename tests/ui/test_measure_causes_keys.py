"""Tying a measure to causes with keys at 80×24 (issue 15 §2): space chooses, "[x]" says what is
chosen, Enter saves from the list; the same kept form offers each observation its own causes
and says why a measure has none to offer; removing a cause a measure addresses asks first,
naming the measure; F7 shows the highlighted measure whole, with its kind and causes."""

from __future__ import annotations

import asyncio
from datetime import date
from typing import Any

from textual.widgets import DataTable, Static

from meetingtui.model import Measure, PreventionLevel, ProvenMethod
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.widgets.checklist import Checklist
from tests.conftest import Clock
from tests.services.test_measure_causes import _cause, _measure, _meeting, _observation


def _screen(app: Any) -> str:
    return type(app.screen).__name__


def _offered(app: Any) -> list[str]:
    picker = app.screen.query_one("#cause_ids", Checklist)
    return [str(option.prompt) for option in picker.options] if picker.display else []


def _note(app: Any) -> str:
    note = app.screen.query_one("#causes-none", Static)
    return str(note.render()) if note.display else ""


def _skolan(ws: Workspace, meeting_id: int) -> tuple[int, Measure]:
    skolan = next(o for o in lagesbild.observations(ws, meeting_id) if o.area == "Skolan")
    [cause] = [c for c in lagesbild.causes(ws, meeting_id) if c.observation_id == skolan.id]
    [measure] = [m for m in lagesbild.measures(ws, meeting_id) if m.observation_id == skolan.id]
    assert cause.id is not None
    return cause.id, measure


def test_a_measure_is_tied_and_untied_with_space(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    cause_id, measure = _skolan(ws, meeting_id)
    assert measure.cause_ids == []
    seen: dict[str, Any] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("down", "enter")  # Skolan (the carried Centrum is first)
            await pilot.pause()
            assert _screen(app) == "ObservationScreen"
            await pilot.press("tab", "enter")  # the measures table, its first measure
            await pilot.pause()
            assert _screen(app) == "MeasureDialog"
            seen["before"] = _offered(app)
            await pilot.press(*["tab"] * 7)  # from the measure's words to the causes
            await pilot.press("space")
            await pilot.pause()
            seen["chosen"] = _offered(app)
            await pilot.press("enter")  # saves, from the list
            await pilot.pause()
            assert _screen(app) == "ObservationScreen"
            table = app.screen.query_one("#measures", DataTable)
            seen["row"] = str(table.get_row_at(0)[0])
            seen["stored"] = lagesbild.measures(ws, meeting_id)
            # Open again: chosen as stored; space leaves it, Enter saves.
            await pilot.press("enter")
            await pilot.pause()
            seen["again"] = _offered(app)
            await pilot.press(*["tab"] * 7, "space", "enter")
            await pilot.pause()
            seen["untied"] = lagesbild.measures(ws, meeting_id)
            # The same form, kept by the lägesbild, for the carried Centrum: no causes yet.
            await pilot.press("escape", "up", "enter")
            await pilot.pause()
            await pilot.press("a")
            await pilot.pause()
            seen["centrum"] = (_offered(app), _note(app))

    asyncio.run(run())
    assert seen["before"] == ["[ ] Dålig belysning"]
    assert seen["chosen"] == ["[x] Dålig belysning"]
    assert seen["row"] == "Sätt upp belysning vid\nidrottshallen\nMot orsak 1"
    [tied] = [m for m in seen["stored"] if m.id == measure.id]
    assert tied.cause_ids == [cause_id] and tied.version == measure.version + 1
    assert seen["again"] == ["[x] Dålig belysning"]
    assert [m.cause_ids for m in seen["untied"] if m.id == measure.id] == [[]]
    assert seen["centrum"] == (
        [], "Iakttagelsen har inga orsaker ännu: c i iakttagelsen lägger till en.")


def test_level_and_method_are_chosen_with_arrows(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    _, measure = _skolan(ws, meeting_id)

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("down", "enter", "tab", "enter")
            await pilot.pause()
            await pilot.press(*["tab"] * 5, "right", "right", "tab", "left", "enter")
            await pilot.pause()
            assert _screen(app) == "ObservationScreen"
            kind = str(app.screen.query_one("#measures", DataTable).get_row_at(0)[3])
            assert kind == "Situationell\nSelektiv\nMetod: nej"

    asyncio.run(run())
    [stored] = [m for m in lagesbild.measures(ws, meeting_id) if m.id == measure.id]
    assert (stored.level, stored.method) == (PreventionLevel.SELECTIVE, ProvenMethod.NO)


def test_removing_a_cause_a_measure_addresses_asks_first(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    cause_id, measure = _skolan(ws, meeting_id)
    tied = lagesbild.save_measure(ws, measure.model_copy(update={"cause_ids": [cause_id]}),
                                  base=measure)
    seen: dict[str, Any] = {}

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("down", "enter", "delete")  # the causes table has the cursor
            await pilot.pause()
            assert _screen(app) == "ConfirmDialog"
            seen["question"] = " ".join(
                str(widget.render()) for widget in app.screen.query(".confirm-message"))
            await pilot.press("enter")  # the safe answer: keep it
            await pilot.pause()
            seen["kept"] = len(lagesbild.causes(ws, meeting_id))
            await pilot.press("delete", "j")
            await pilot.pause()
            seen["row"] = str(app.screen.query_one("#measures", DataTable).get_row_at(0)[0])

    asyncio.run(run())
    assert ("Ta bort orsaken \"Dålig belysning\"? Åtgärden \"Sätt upp belysning vid "
            "idrottshallen\" riktas mot den. Den finns kvar men riktas inte längre mot "
            "orsaken.") in seen["question"]
    assert seen["kept"] == 1
    assert lagesbild.causes(ws, meeting_id) == []
    [kept] = [m for m in lagesbild.measures(ws, meeting_id) if m.id == tied.id]
    assert kept.cause_ids == [] and kept.text == tied.text
    assert seen["row"] == "Sätt upp belysning vid\nidrottshallen"


def test_the_action_plan_says_in_english_why_it_offers_no_causes(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    seen: dict[str, Any] = {}

    async def run() -> None:
        app = make_app(ws, lang="en", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            await pilot.press("5", "a")
            await pilot.pause()
            assert _screen(app) == "MeasureDialog"
            seen["note"] = (_offered(app), _note(app))
            await pilot.press("escape")

    try:
        asyncio.run(run())
    finally:
        from meetingtui.i18n import set_language

        set_language("sv")
    assert seen["note"] == ([], "The measure was decided in the action plan, not on an "
                                "observation: it has no causes to address.")


def test_f7_shows_the_highlighted_measure_s_kind_and_causes(
        in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting
    cause_id, measure = _skolan(ws, meeting_id)
    lagesbild.save_measure(ws, measure.model_copy(update={
        "cause_ids": [cause_id], "level": PreventionLevel.UNIVERSAL,
        "method": ProvenMethod.YES}), base=measure)
    seen: list[tuple[str, str]] = []

    async def run() -> None:
        app = make_app(ws, lang="sv")
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("f7")
            await pilot.pause()
            assert _screen(app) == "ActionListScreen"
            table = app.screen.query_one(DataTable)
            for _ in range(table.row_count):
                seen.append((str(table.get_row_at(table.cursor_row)[1]),
                             str(app.screen.query_one("#action-detail", Static).render())))
                await pilot.press("down")
                await pilot.pause()
            # An owner no one is: no rows, and no line about a row no longer shown.
            await pilot.press("tab", *"Ingen alls")
            await pilot.pause()
            assert table.row_count == 0
            assert not app.screen.query_one("#action-detail", Static).display

    asyncio.run(run())
    # At 80 columns the table cuts the measure's words; the line under it has them whole.
    assert seen == [
        ("Sanera klotter vid t…", "Sanera klotter vid torget\nSituationell · Metod: vet ej"),
        ("Trygghetsvandring i …", "Trygghetsvandring i Centrum\nSituationell · Metod: vet ej"),
        ("Sätt upp belysning v…", "Sätt upp belysning vid idrottshallen\nSituationell · "
                                  "Universell · Metod: ja · Mot Dålig belysning")]


def test_editing_in_an_earlier_meeting_keeps_a_tie_its_form_does_not_offer(
        ws: Workspace, clock: Clock) -> None:
    """October's form offers the causes found up to October; a tie to November's cause (made
    elsewhere) is not lost when October's measure is saved from that form."""
    october = _meeting(ws, clock, date(2026, 10, 14))
    tunnel = _observation(ws, october, "Gångtunneln")
    dark = _cause(ws, tunnel, "Mörk gångtunnel")
    measure = _measure(ws, october, tunnel, [dark], text="Belysning")
    november = _meeting(ws, clock, date(2026, 11, 11))  # October still running
    [again] = lagesbild.observations(ws, november)
    later = _cause(ws, again, "Syns från tåget")
    both = lagesbild.save_measure(ws, measure.model_copy(update={
        "cause_ids": [dark.id, later.id]}), base=measure)
    offered: list[str] = []

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=october)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("4", "enter", "tab", "enter")  # lägesbild, the tunnel, its measure
            await pilot.pause()
            assert type(app.screen).__name__ == "MeasureDialog"
            picker = app.screen.query_one("#cause_ids")
            offered.extend(str(o.prompt) for o in picker.options)  # type: ignore[attr-defined]
            await pilot.press("end", *" i tunneln", "enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "ObservationScreen"

    asyncio.run(run())
    assert offered == ["[x] Mörk gångtunnel"]
    [saved] = lagesbild.measures(ws, october)
    assert saved.text == "Belysning i tunneln"
    assert saved.cause_ids == both.cause_ids == [dark.id, later.id]
