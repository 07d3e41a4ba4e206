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
    """A word with no part to break before, in 12 cells: from its start on a line of its own,
    not "Kom" at the end of the line before."""
    assert wrap("Ett Kommundirektörskap", 12) == ["Ett", "Kommundirekt", "örskap"]
    assert wrap("a Brandförsvarsmästarna b", 12) == ["a", "Brandförsvar", "smästarna b"]


def test_a_long_compound_breaks_before_its_last_part_with_a_hyphen() -> None:
    """The attendance table's 19 cells at 80 columns (found in tmux): "Kommunlednings-"
    "förvaltningen", not "Kommunledningsförva" "ltningen"."""
    assert wrap("Kommundirektör, Kommunledningsförvaltningen", 19) == [
        "Kommundirektör,", "Kommunlednings-", "förvaltningen"]
    assert wrap("Säkerhetschef, Kommunledningsförvaltningen", 19) == [
        "Säkerhetschef,", "Kommunlednings-", "förvaltningen"]
    assert wrap("a Samhällsbyggnadsförvaltningen b", 19) == [
        "a Samhällsbyggnads-", "förvaltningen b"]
    assert wrap("Räddningstjänsten", 12) == ["Räddnings-", "tjänsten"]
    assert wrap("Kommunledningsförvaltningen", 40) == ["Kommunledningsförvaltningen"]
    # Cut short on its last line, it reads as written: "Kommunledningsfö…".
    assert wrap("berörd verksamhet, Kommunledningsförvaltningen", 19, max_lines=2) == [
        "berörd verksamhet,", "Kommunledningsförv…"]
