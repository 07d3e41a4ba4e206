"""A decision in the minutes is labelled once (issue 12 §11): a decision that starts with its own
label ("Beslut:", "Överenskommet:", in any emphasis or case) gets no second one, in Word and
Markdown, and one that does not gets the document's label.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

import pytest

from meetingtui.model import MeetingRecord
from tests.export.minutes.minutes_helpers import describe, export, md, section, texts
from tests.export_fixtures import est_record, protocol_record


@pytest.mark.parametrize(("decision", "label", "rest"), [
    ("**Beslut:** Dagordningen godkänns.", "Beslut", "Dagordningen godkänns."),
    ("Beslut: Dagordningen godkänns.", "Beslut", "Dagordningen godkänns."),
    ("beslut:Dagordningen godkänns.", "Beslut", "Dagordningen godkänns."),
    ("**Beslut**: Dagordningen godkänns.", "Beslut", "Dagordningen godkänns."),
    ("  __Överenskommet:__ Dagordningen godkänns.", "Överenskommet", "Dagordningen godkänns."),
    ("ÖVERENSKOMMET : Dagordningen godkänns.", "Överenskommet", "Dagordningen godkänns."),
    ("*Decision:* Dagordningen godkänns.", "Decision", "Dagordningen godkänns."),
    ("***Agreed:*** Dagordningen godkänns.", "Agreed", "Dagordningen godkänns."),
    ("Dagordningen godkänns.", "Överenskommet", "Dagordningen godkänns."),
    ("Beslutades att godkänna dagordningen.", "Överenskommet",
     "Beslutades att godkänna dagordningen."),
])
def test_a_decision_that_starts_with_its_label_gets_no_second_one(
        decision: str, label: str, rest: str) -> None:
    record = est_record()
    record.items[0].decision = decision
    paragraphs = texts(export(record))
    written = [p for p in section_texts(record) if rest in p]
    assert written == [f"{label}: {rest}"], paragraphs
    lead = next(p for p in export(record).paragraphs if p.text == f"{label}: {rest}")
    assert lead.runs[0].bold and lead.runs[0].text == f"{label}: "
    assert f"**{label}:** {rest}" in md(record).splitlines()


def section_texts(record: MeetingRecord) -> list[str]:
    return [describe(b) for b in section(export(record), "§ 1 Mötets öppnande")]


def test_a_label_inside_emphasis_that_goes_on_is_left_as_written() -> None:
    record = est_record()
    record.items[0].decision = "**Beslut: dagordningen godkänns**"
    assert section_texts(record)[-1] == "Beslut: dagordningen godkänns"
    lines = md(record).splitlines()
    assert "**Beslut: dagordningen godkänns**" in lines
    assert not any("Överenskommet" in line for line in lines[:lines.index(
        "**Beslut: dagordningen godkänns**") + 1] if "§ 1" not in line)


def test_a_labelled_decision_that_is_a_list_keeps_its_label_on_its_own_line() -> None:
    record = protocol_record()
    record.items[0].decision = "**Beslut:**\n\n- att godkänna dagordningen\n- att välja justerare"
    assert section_texts(record)[-3:] == [
        "Beslut:", "att godkänna dagordningen", "att välja justerare"]
    assert "**Beslut:**\n\n- att godkänna dagordningen\n- att välja justerare" in md(record)


def test_nothing_after_the_label_is_no_decision() -> None:
    record = est_record()
    record.items[0].decision = "**Beslut:**"
    assert not any("Beslut" in t or "Överenskommet" in t for t in section_texts(record))
    assert "Beslut" not in md(record).split("## § 2")[0]


def test_no_label_is_doubled_in_the_whole_document() -> None:
    record = protocol_record()
    for item, word in zip(record.items, ["Beslut", "beslut", "Överenskommet", "Decision"] * 3,
                          strict=False):
        item.decision = f"**{word}:** Punkten behandlas."
    text = "\n".join(texts(export(record)))
    for first in ("Beslut", "Överenskommet"):
        for second in ("Beslut", "beslut", "Överenskommet", "Decision"):
            assert f"{first}: {second}:" not in text
            assert f"**{first}:** **{second}" not in md(record)
