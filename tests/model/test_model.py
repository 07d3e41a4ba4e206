"""Validation in the models: what a form, the CLI and the store all refuse, and in what words."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from meetingtui.model import (
    LONG_MAX,
    AgendaItem,
    Agreement,
    AgreementKind,
    Measure,
    MeasureStatus,
    Observation,
    clean_text,
)


def _types(error: ValidationError) -> dict[str, str]:
    return {str(e["loc"][0]): e["type"] for e in error.errors()}


def test_a_measure_needs_an_owner() -> None:
    with pytest.raises(ValidationError) as caught:
        Measure(meeting_id=1, text="Byt belysning", owner="   ")
    assert _types(caught.value) == {"owner": "owner_missing"}
    assert "ansvarig" in str(caught.value)


def test_empty_description_and_too_long_text() -> None:
    with pytest.raises(ValidationError) as caught:
        Observation(meeting_id=1, area="x" * 201, description="\x07 ")
    assert _types(caught.value) == {"area": "text_too_long", "description": "text_empty"}


def test_the_limits_are_inclusive_for_lines_names_and_notes() -> None:
    """200 characters is a line's most and 20,000 a note's: both kept whole, one more refused
    (counted after cleaning: the blanks around a text are not counted)."""
    obs = Observation(meeting_id=1, area="x" * 200, description="d" * 20_000,
                      place_detail=" " + "p" * 200 + " ")
    assert (len(obs.area), len(obs.description), len(obs.place_detail)) == (200, 20_000, 200)
    with pytest.raises(ValidationError) as caught:
        Observation(meeting_id=1, area="x" * 201, description="d" * 20_001,
                    place_detail="p" * 201)
    assert _types(caught.value) == {"area": "text_too_long", "description": "text_too_long",
                                    "place_detail": "text_too_long"}


def test_a_line_is_kept_to_one_line() -> None:
    """A place, an organisation or a source pasted over two lines stands on one (a table cell,
    a calendar's summary, a CSV field); a description keeps its lines."""
    obs = Observation(meeting_id=1, area="Centrum", place_detail="Stortorget\nnorra  delen",
                      source="Polisen\r\nLPO Alingsås", description="rad 1\nrad 2")
    assert (obs.place_detail, obs.source) == ("Stortorget norra delen", "Polisen LPO Alingsås")
    assert obs.description == "rad 1\nrad 2"


def test_a_ten_thousand_character_note_is_fine() -> None:
    note = "Lång anteckning. " * 600
    item = AgendaItem(meeting_id=1, position=1, title="Övriga frågor", notes=note)
    assert len(item.notes) == len(note.strip()) > 10_000


def test_control_characters_are_removed_and_lines_kept() -> None:
    obs = Observation(meeting_id=1, area="Hamn\x00en", description="rad 1\r\nrad\x0b 2\x1b")
    assert (obs.area, obs.description) == ("Hamnen", "rad 1\nrad 2")


def test_text_another_program_stored_as_bytes_is_cleaned_and_checked() -> None:
    # sqlite3 hands a blob over as bytes: the same rules as for text, not the type's decoding.
    obs = Observation.model_validate({"meeting_id": 1, "area": "Hamn\x00en i Åby".encode(),
                                      "description": "rad\x1b 1\r\nrad ä".encode()})
    assert (obs.area, obs.description) == ("Hamnen i Åby", "rad 1\nrad ä")
    with pytest.raises(ValidationError) as caught:
        Measure.model_validate({"meeting_id": 1, "text": b"x", "owner": b" \x07 "})
    assert _types(caught.value) == {"owner": "owner_missing"}
    with pytest.raises(ValidationError) as caught:
        Observation.model_validate({"meeting_id": 1, "area": b"\xff", "description": "x"})
    assert _types(caught.value) == {"area": "string_unicode"}


def test_status_and_overdue() -> None:
    measure = Measure(meeting_id=1, text="x", owner="Polisen", due=date(2026, 11, 1))
    assert measure.overdue(date(2026, 11, 23))
    done = measure.model_copy(update={"status": MeasureStatus.DONE})
    assert not done.overdue(date(2026, 11, 23))


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_any_text_is_cleaned_or_refused_in_plain_words(text: str) -> None:
    assert clean_text(clean_text(text)) == clean_text(text)
    try:
        obs = Observation(meeting_id=1, area=text or "x", description=text)
    except ValidationError as error:
        assert set(_types(error).values()) <= {"text_empty", "text_too_long"}
    else:
        assert obs.description == clean_text(text)
        assert all(ch in "\n\t" or ord(ch) >= 32 for ch in obs.description)
        assert len(obs.description) <= LONG_MAX


@pytest.mark.parametrize(("title", "heading"), [
    ("Tryggare Centrum", "Medborgarlöfte: Tryggare Centrum"),
    ("Medborgarlöfte 2026 för Centrum", "Medborgarlöfte 2026 för Centrum"),
    ("medborgarlöfte: kvällar", "medborgarlöfte: kvällar"),
    ("Löfte om medborgarlöfte", "Medborgarlöfte: Löfte om medborgarlöfte"),
])
def test_an_agreement_says_its_kind_once(title: str, heading: str) -> None:
    agreement = Agreement(kind=AgreementKind.MEDBORGARLOFTE, title=title,
                          period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                          created_at=datetime(2026, 1, 1))
    assert agreement.heading("Medborgarlöfte") == heading
