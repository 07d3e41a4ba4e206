"""Minutes of a meeting that is not closed say "Utkast" (issue 12 §11): in the title, under it,
in the header and the document's properties, internal and public, Swedish and English, in Word
and Markdown; closed minutes never do.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

import pytest

from meetingtui.model import DocumentType, Language, MeetingRecord, MeetingStatus
from tests.export.minutes.minutes_helpers import export, md
from tests.export_fixtures import est_record


def draft(status: MeetingStatus = MeetingStatus.RUNNING,
          document: DocumentType = DocumentType.NOTES,
          language: Language = Language.SV) -> MeetingRecord:
    record = est_record(document, language)
    record.meeting.status = status
    return record


@pytest.mark.parametrize("status", [MeetingStatus.PLANNED, MeetingStatus.RUNNING])
@pytest.mark.parametrize("public", [False, True])
def test_minutes_of_a_meeting_not_closed_say_utkast(status: MeetingStatus, public: bool) -> None:
    doc = export(draft(status), public=public)
    titles = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert titles == ["Minnesanteckningar (utkast)"]
    subtitles = [p for p in doc.paragraphs if p.style.name == "Subtitle"]
    assert subtitles[0].text == "Utkast. Mötet är inte avslutat; innehållet kan ändras."
    assert subtitles[0].runs[0].bold  # the mark, as visible as SEKRETESS
    header = doc.sections[0].header.paragraphs[0].text
    assert header.split("\t")[1].split(" · ")[:3] == ["Minnesanteckningar", "Utkast", "2026-04-14"]
    assert ("Offentlig version" in header) is public
    assert doc.core_properties.title == "Minnesanteckningar (utkast) EST 2026-04-14"
    lines = md(draft(status), public=public).splitlines()
    assert "# Minnesanteckningar (utkast): Effektiv samordning för trygghet (EST)" in lines
    assert "**Utkast.** Mötet är inte avslutat; innehållet kan ändras." in lines


def test_english_draft_and_protocol_draft() -> None:
    doc = export(draft(language=Language.EN, document=DocumentType.PROTOCOL))
    assert [p.text for p in doc.paragraphs if p.style.name == "Title"] == ["Minutes (draft)"]
    assert "Draft" in doc.sections[0].header.paragraphs[0].text.split(" · ")
    assert "**Draft.** The meeting has not been closed; the content may change." in md(
        draft(language=Language.EN))


def test_closed_minutes_do_not_say_utkast() -> None:
    doc = export(est_record())
    assert "Utkast" not in doc.sections[0].header.paragraphs[0].text
    assert not any("tkast" in p.text for p in doc.paragraphs)
    assert "tkast" not in md(est_record())
