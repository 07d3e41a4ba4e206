"""The footer: one line with the keys of the pane in front, cut whole at 80 columns, clickable."""

from __future__ import annotations

import asyncio
from typing import ClassVar

import pytest
from rich.cells import cell_len
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.pilot import Pilot
from textual.screen import Screen

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from meetingtui.ui.textual_words import keycap
from meetingtui.ui.widgets.footer import Footer

PALETTE = "▏^P palett "  # Swedish: the palette is "kommandopaletten"


def footer_of(pilot: Pilot[None]) -> Footer:
    return pilot.app.screen.query_one(Footer)


def labels(screen: Screen[object]) -> list[str]:
    """Every key the footer should offer, as it draws them, in order (one per action): help,
    then the screen's pinned keys (`FOOTER_FIRST`), first."""
    out: dict[str, str] = {}
    pinned: dict[str, str] = {}
    first: tuple[str, ...] = ("app.help", *getattr(screen, "FOOTER_FIRST", ()))
    for binding in (b.binding for b in screen.active_bindings.values()):
        if binding.show and binding.action not in out:
            label = f" {screen.app.get_key_display(binding)} {binding.description} "
            out[binding.action] = label
            if binding.id in first:
                pinned[binding.id] = label
    ordered = [pinned[pin] for pin in first if pin in pinned]
    return ordered + [label for label in out.values() if label not in ordered]


async def click_label(pilot: Pilot[None], label: str) -> None:
    footer = footer_of(pilot)
    await pilot.click(Footer, offset=(footer.text.index(label) + 1, 0))
    await pilot.pause()


def test_the_footer_shows_the_panes_keys_and_follows_the_item(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            footer = footer_of(pilot)
            assert " o Ny iakttagelse " in footer.text
            assert " n Nästa " in footer.text
            await pilot.press("n")  # the action plan: its own keys, no observation
            await pilot.pause()
            assert "Ny iakttagelse" not in footer.text
            assert " n Nästa " in footer.text
            assert footer.text.startswith(labels(app.screen)[0])

    asyncio.run(run())


def test_80_columns_cut_whole_keys_and_keep_the_palette(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting
    shown: dict[int, int] = {}

    async def run(width: int, height: int) -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(width, height)) as pilot:
            await pilot.pause()
            text = footer_of(pilot).text
            assert cell_len(text) == width
            assert text.endswith(PALETTE)
            keys = labels(app.screen)
            left = text.removesuffix(PALETTE).rstrip(" ")
            count = next(n for n in range(len(keys), -1, -1) if "".join(keys[:n]) == left + " ")
            assert count < len(keys)  # something was left out …
            assert cell_len("".join(keys[:count + 1])) > width - len(PALETTE)  # … as it had to
            shown[width] = count

    asyncio.run(run(80, 24))
    asyncio.run(run(120, 40))
    assert 0 < shown[80] < shown[120]


def test_n_and_p_lead_the_footer_on_every_item_at_80_columns(
    in_meeting: tuple[Workspace, int],
) -> None:
    """Whatever keys an item adds, the two that move through the agenda are never cut; only
    help comes before them."""
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.press("1")
            for _ in range(len(app.screen.items)):  # type: ignore[attr-defined]
                await pilot.pause()
                assert footer_of(pilot).text.startswith(" ? Hjälp  n Nästa  p Föregående "), (
                    app.screen.current)  # type: ignore[attr-defined]
                await pilot.press("n")

    asyncio.run(run())


def test_clicking_a_key_runs_it(in_meeting: tuple[Workspace, int]) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            before = app.screen.current  # type: ignore[attr-defined]
            await click_label(pilot, " n Nästa ")
            assert app.screen.current == before + 1  # type: ignore[attr-defined]
            await click_label(pilot, " p Föregående ")
            assert app.screen.current == before  # type: ignore[attr-defined]
            await click_label(pilot, PALETTE)
            from textual.command import CommandPalette

            assert isinstance(app.screen, CommandPalette)  # the app's, in its own words

    asyncio.run(run())


def test_a_closed_meeting_offers_no_editing_keys(
    seeded: tuple[Workspace, int, list[int]],
) -> None:
    ws, feb_id, _ = seeded

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=feb_id)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.press("4")  # the lägesbild, read-only
            await pilot.pause()
            text = footer_of(pilot).text
            assert "Ny iakttagelse" not in text
            assert "Avsluta mötet" not in text
            assert " h Ändringar " in text
            assert "new" not in {b.binding.action for b in app.screen.active_bindings.values()}

    asyncio.run(run())


class Dimmed(App[None]):
    """A key whose action is shown but not allowed now (check_action gives None), and a second
    key for an action that has one already (Textual's footer shows the first only)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "count", "Räkna"), Binding("b", "blocked", "Spärrad"),
        Binding("c", "count", "Räkna igen"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.counted = 0
        self.blocked = 0
        self.bells = 0

    def bell(self) -> None:
        self.bells += 1

    def compose(self) -> ComposeResult:
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return None if action == "blocked" else True

    def action_count(self) -> None:
        self.counted += 1

    def action_blocked(self) -> None:
        self.blocked += 1


def test_a_disabled_key_is_dimmed_and_clicking_it_does_nothing() -> None:
    async def run() -> None:
        app = Dimmed()
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            footer = app.query_one(Footer)
            assert footer.text.startswith(" a Räkna  b Spärrad ")
            assert "Räkna igen" not in footer.text
            styles = {seg.text: seg.style for seg in footer.render_line(0) if seg.style}
            assert styles[" b "].dim and not styles[" a "].dim
            await pilot.hover(Footer, offset=(1, 0))
            await pilot.pause()
            hovered = {seg.text: seg.style for seg in footer.render_line(0) if seg.style}
            assert hovered[" a "].bgcolor != styles[" a "].bgcolor
            assert hovered[" b "].bgcolor == styles[" b "].bgcolor
            await click_label(pilot, " b Spärrad ")
            await click_label(pilot, " a Räkna ")
            assert (app.counted, app.blocked, app.bells) == (1, 0, 1)

    asyncio.run(run())


def test_at_80_columns_the_lagesbild_offers_next_and_previous(
    in_meeting: tuple[Workspace, int],
) -> None:
    ws, meeting_id = in_meeting

    async def run() -> None:
        app = make_app(ws, lang="sv", meeting_id=meeting_id)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            text = footer_of(pilot).text
            assert " o Ny iakttagelse " in text
            assert " n Nästa " in text and " p Föregående " in text

    asyncio.run(run())


@pytest.mark.parametrize(("textual", "shown"), [
    ("f5", "F5"), ("f10", "F10"), ("del", "Del"), ("esc", "Esc"), ("^p", "^P"), ("^s", "^S"),
    ("^pgup", "^PgUp"), ("^home", "^Home"), ("^end", "^End"),
    ("n", "n"), ("?", "?"), ("⏎", "⏎"), ("fo", "fo")])
def test_keys_are_shown_as_on_the_keyboard_and_as_wide(textual: str, shown: str) -> None:
    assert keycap(textual) == shown and len(shown) == len(textual)
