"""`{name:gen}` in a catalogue text: the genitive as each language writes it. The question
before removing a planned meeting read "Ta bort ESTs planerade möte" (Swedish puts a colon
after an abbreviation: "EST:s"; found at 80×24 on the home screen)."""

from __future__ import annotations

import re

import pytest

from meetingtui.i18n import catalogue, genitive, t_in

SWEDISH = [("EST", "EST:s"), ("Lokalt BRÅ", "Lokalt BRÅ:s"), ("BRÅ Ö", "BRÅ Ö:s"),
           ("KFFV", "KFFV:s"), ("Grupp 2", "Grupp 2:s"), ("Styrgrupp", "Styrgrupps"),
           ("Trygghetsgruppen", "Trygghetsgruppens"), ("Anna Berg", "Anna Bergs"),
           ("Lars", "Lars"), ("Max", "Max"), ("Ortiz", "Ortiz"), ("Polisen", "Polisens"),
           ("SSPF-gruppen", "SSPF-gruppens"), ("", "")]


@pytest.mark.parametrize(("name", "said"), SWEDISH)
def test_swedish_genitive(name: str, said: str) -> None:
    assert genitive(name, "sv") == said


def test_english_genitive() -> None:
    assert [genitive(n, "en") for n in ("EST", "Anna Berg")] == ["EST's", "Anna Berg's"]


def test_the_texts_say_it() -> None:
    assert t_in("sv", "remove.meeting_question", group="EST", date="2027-01-12").startswith(
        "Ta bort EST:s planerade möte 2027-01-12?")
    assert t_in("en", "remove.meeting_question", group="EST", date="2027-01-12").startswith(
        "Remove EST's planned meeting on 2027-01-12?")
    assert t_in("sv", "site.calendar_link", name="Karl Lind") == (
        "Kalenderfil med Karl Linds åtgärder (.ics)")


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_text_glues_an_s_to_a_name(lang: str) -> None:
    """"{group}s" or "{name}'s" by hand is wrong for some names: the texts say `:gen`."""
    glued = [key for key, text in catalogue(lang).items()
             if re.search(r"\{[a-z_]+\}(s|'s)\b", text)]
    assert glued == []
