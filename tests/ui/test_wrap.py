"""How a table cell's text breaks into lines at 80 columns (`ui.timing.wrap`)."""

from __future__ import annotations

from meetingtui.ui.timing import wrap


def test_between_words_and_the_last_line_marked_when_text_is_left_over() -> None:
    assert wrap("Sanera klottret vid busskuren", 16) == ["Sanera klottret", "vid busskuren"]
    assert wrap("ett två tre fyra fem", 7, max_lines=2) == ["ett två", "tre fy…"]
    assert wrap("", 10) == [""]


def test_a_side_of_the_triangle_breaks_after_its_slash_not_inside_a_word() -> None:
    """"Brottsutsatt/objekt" in the 16 cells of its column: "Brottsutsatt/" and "objekt", not
    "Brottsutsatt/obj" and "ekt"."""
    assert wrap("Brottsutsatt/objekt", 16) == ["Brottsutsatt/", "objekt"]
    assert wrap("Plats/situation", 16) == ["Plats/situation"]  # fits: left whole
    assert wrap("x Brottsutsatt/objekt y", 16) == ["x Brottsutsatt/", "objekt y"]


def test_a_part_too_long_for_a_line_is_cut_as_any_long_word() -> None:
    assert wrap("Ordningsstörning/störande", 16) == ["Ordningsstörning", "/störande"]


def test_a_word_longer_than_its_line_starts_a_line_of_its_own() -> None:
    """An organisation in the attendance table's 19 cells: "Kommundirektör," then the long
    word from its start, not "Kom" at the end of the line before."""
    assert wrap("Kommundirektör, Kommunledningsförvaltningen", 19) == [
        "Kommundirektör,", "Kommunledningsförva", "ltningen"]
    assert wrap("a Kommunledningsförvaltningen b", 19) == [
        "a", "Kommunledningsförva", "ltningen b"]
