"""Every item's notes and decision under its own § (issue 12 §11): for each kind of item the notes
come first, then what it shows from the record, then the decision, in Word and Markdown; the
public version leaves out a confidential item's notes and decision and says at each gap what it
leaves out; a followed-up measure still late after the meeting says so.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

from datetime import date, datetime, time

import pytest
from docx.table import Table

from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.model import (
    AgendaItem,
    Agreement,
    AgreementDetail,
    AgreementKind,
    DocumentType,
    FollowUp,
    ItemKind,
    Language,
    Measure,
    MeasureStatus,
    MeasureUpdate,
    MeetingRecord,
    Presence,
    TemplateItem,
)
from tests.export.minutes.minutes_helpers import describe, export, md, section, texts
from tests.export_fixtures import est_record

KINDS = list(ItemKind)


def every_kind(document: DocumentType = DocumentType.NOTES,
               confidential: ItemKind | None = None) -> MeetingRecord:
    """The fixture's data with one item of each kind, each with notes and a decision."""
    record = est_record(document)
    record.items = [
        AgendaItem(id=200 + n, meeting_id=12, position=n, title=f"Punkt {kind.value}",
                   kind=kind, notes=f"Anteckning om {kind.value}.",
                   decision=f"Beslutet om {kind.value}.", confidential=kind is confidential)
        for n, kind in enumerate(KINDS, start=1)
    ]
    record.agreements = [AgreementDetail(agreement=Agreement(
        id=1, kind=AgreementKind.MEDBORGARLOFTE, title="Tryggare Centrum",
        period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
        created_at=datetime(2026, 1, 1, 9, 0)))]
    return record


#: What each kind shows from the record, as `describe` names it (its first block).
DATA = {
    ItemKind.TEXT: None, ItemKind.ATTENDANCE: None,
    ItemKind.OPENING: "Ordföranden Karin Ek förklarade mötet öppnat kl. 13.00.",
    ItemKind.CLOSING: "Ordföranden Karin Ek förklarade mötet avslutat kl. 15.00.",
    ItemKind.OFFICERS: "Till sekreterare valdes Omar Haddad och till justerare Lena Strand.",
    ItemKind.FOLLOWUP: "table",
    ItemKind.SITUATION: "table", ItemKind.ACTIONS: "table",
    ItemKind.PRIORITIES: "Prioriterade områden 2026-Q2",
    ItemKind.NEXT: "Nästa möte: 2026-05-12 kl. 13.00–15.00, Kommunhuset",
    ItemKind.ROLLUP: "Inga åtgärder i de operativa grupperna.",
    ItemKind.PROPOSALS: "Inga förslag.",

    ItemKind.AGREEMENTS: "Medborgarlöfte: Tryggare Centrum (2026-01-01 – 2026-12-31)",
}


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("document", list(DocumentType))
def test_word_notes_then_data_then_decision(kind: ItemKind, document: DocumentType) -> None:
    doc = export(every_kind(document))
    number = KINDS.index(kind) + 1
    shown = [describe(b) for b in section(doc, f"§ {number} Punkt {kind.value}")]
    label = "Beslut" if document is DocumentType.PROTOCOL else "Överenskommet"
    assert shown[0] == f"Anteckning om {kind.value}."
    assert shown[-1] == f"{label}: Beslutet om {kind.value}."
    if DATA[kind] is None:
        assert len(shown) == 2
    else:
        assert shown[1] == DATA[kind]


@pytest.mark.parametrize("kind", KINDS)
def test_markdown_notes_then_data_then_decision(kind: ItemKind) -> None:
    text = md(every_kind())
    number = KINDS.index(kind) + 1
    body = text.split(f"## § {number} Punkt {kind.value}\n\n")[1].split("\n## ")[0]
    notes = body.index(f"Anteckning om {kind.value}.")
    decision = body.index(f"**Överenskommet:** Beslutet om {kind.value}.")
    assert notes == 0 and decision > notes
    data = {ItemKind.FOLLOWUP: "| Åtgärd | Ansvarig |", ItemKind.SITUATION: "| Område/plats |",
            ItemKind.ACTIONS: "| Nr | Åtgärd |", ItemKind.PRIORITIES: "**Prioriterade områden",
            ItemKind.NEXT: "**Nästa möte:**",
            ItemKind.AGREEMENTS: "**Medborgarlöfte: Tryggare Centrum"}.get(kind)
    if data is not None:
        assert notes < body.index(data) < decision


@pytest.mark.parametrize("kind", KINDS)
def test_public_version_leaves_out_a_confidential_items_notes_and_decision(
        kind: ItemKind) -> None:
    record = every_kind(DocumentType.PROTOCOL, confidential=kind)
    number = KINDS.index(kind) + 1
    heading = f"§ {number} Punkt {kind.value}"
    doc = export(record, public=True)
    assert [describe(b) for b in section(doc, heading)] == [
        "Innehållet omfattas av sekretess och redovisas inte i den offentliga versionen."]
    everything = "\n".join(texts(doc))
    assert f"Anteckning om {kind.value}." not in everything
    assert f"Beslutet om {kind.value}." not in everything
    others = [k for k in KINDS if k is not kind]
    for other in others:  # the other items keep theirs
        assert f"Beslut: Beslutet om {other.value}." in everything
    text = md(record, public=True)
    assert f"## {heading}\n\n*Innehållet omfattas av sekretess" in text
    assert f"Anteckning om {kind.value}." not in text and f"Beslutet om {kind.value}." not in text
    # The internal version shows it, marked.
    internal = export(record)
    assert any(p.text == f"{heading} SEKRETESS" for p in internal.paragraphs)
    assert f"Beslut: Beslutet om {kind.value}." in texts(internal)


def test_the_attendance_item_without_notes_points_to_the_list() -> None:
    record = every_kind()
    number = KINDS.index(ItemKind.ATTENDANCE) + 1
    record.items[number - 1].notes = ""
    shown = [describe(b) for b in section(export(record), f"§ {number} Punkt attendance")]
    assert shown == ["Närvaron framgår av förteckningen ovan.",
                     "Överenskommet: Beslutet om attendance."]
    assert all(p.presence in Presence for p in record.attendance)


@pytest.mark.parametrize(("secretary", "adjuster", "line"), [
    ("Omar Haddad", "Lena Strand",
     "Till sekreterare valdes Omar Haddad och till justerare Lena Strand."),
    ("Omar Haddad", "", "Till sekreterare valdes Omar Haddad."),
    ("", "Lena Strand", "Till justerare valdes Lena Strand."),
    ("", "", None),
])
def test_the_officers_item_without_notes_says_who_was_chosen(
        secretary: str, adjuster: str, line: str | None) -> None:
    record = every_kind(DocumentType.PROTOCOL)
    record.meeting = record.meeting.model_copy(
        update={"secretary": secretary, "adjuster": adjuster})
    number = KINDS.index(ItemKind.OFFICERS) + 1
    record.items[number - 1].notes = ""
    heading = f"§ {number} Punkt officers"
    decision = "Beslut: Beslutet om officers."
    for public in (False, True):  # the header names them in the public version too
        shown = [describe(b) for b in section(export(record, public=public), heading)]
        assert shown == ([line] if line else []) + [decision]
        body = md(record, public=public).split(f"## {heading}\n\n")[1].split("\n## ")[0]
        assert body.startswith(f"{line}\n\n**Beslut:**" if line else "**Beslut:**")
        html = build_minutes_html(record, public=public, municipality="Exempelkommun")
        page = html.split("Punkt officers</h2>\n")[1]
        assert page.startswith(f"<p>{line}</p>\n<p><strong>Beslut" if line else "<p><strong>")


def test_the_officers_line_follows_the_notes_and_gives_way_to_a_dropped_item() -> None:
    record = every_kind()
    line = "Till sekreterare valdes Omar Haddad och till justerare Lena Strand."
    number = KINDS.index(ItemKind.OFFICERS) + 1
    heading = f"§ {number} Punkt officers"
    shown = [describe(b) for b in section(export(record), heading)]
    assert shown == ["Anteckning om officers.", line, "Överenskommet: Beslutet om officers."]
    assert f"Anteckning om officers.\n\n{line}\n\n**Överenskommet:**" in md(record)
    html = build_minutes_html(record, public=False, municipality="")
    assert f"<p>Anteckning om officers.</p>\n<p>{line}</p>\n" in html
    record.items[number - 1] = record.items[number - 1].model_copy(
        update={"notes": "", "dropped": True})
    shown = [describe(b) for b in section(export(record), heading)]
    assert shown == ["Punkten utgår.", "Överenskommet: Beslutet om officers."]


def test_an_item_not_taken_up_shows_no_decision_its_template_proposed() -> None:
    record = every_kind(DocumentType.PROTOCOL)
    assert record.template is not None
    proposal = TemplateItem(title="Punkt text", decision="Beslutet om text.")
    record.template = record.template.model_copy(
        update={"items": [*record.template.items, proposal]})
    record.items[0] = record.items[0].model_copy(update={"dropped": True})
    heading = "§ 1 Punkt text"
    shown = [describe(b) for b in section(export(record), heading)]
    assert shown == ["Punkten utgår.", "Anteckning om text."]
    assert "Beslutet om text." not in md(record)
    html = build_minutes_html(record, public=False, municipality="")
    assert "Beslutet om text." not in html and "Punkten utgår." in html
    # Changed by someone, or taken up again: the decision stands.
    record.items[0] = record.items[0].model_copy(update={"decision": "Tas upp i mars."})
    assert [describe(b) for b in section(export(record), heading)] == [
        "Punkten utgår.", "Anteckning om text.", "Beslut: Tas upp i mars."]
    record.items[0] = record.items[0].model_copy(
        update={"decision": "Beslutet om text.", "dropped": False})
    assert [describe(b) for b in section(export(record), heading)] == [
        "Anteckning om text.", "Beslut: Beslutet om text."]


def test_the_officers_line_holds_names_as_data_in_every_language() -> None:
    record = est_record(language=Language.EN)
    record.items = [AgendaItem(id=300, meeting_id=12, position=1, title="Officers",
                               kind=ItemKind.OFFICERS)]
    record.meeting = record.meeting.model_copy(
        update={"secretary": "Anna *Stjärna* <b>", "adjuster": "[Per](http://x.se)"})
    line = "Anna *Stjärna* <b> was chosen as secretary and [Per](http://x.se) as adjuster."
    assert line in texts(export(record))
    text = md(record)
    assert ("Anna \\*Stjärna\\* \\<b\\> was chosen as secretary and "
            "\\[Per\\](http://x.se) as adjuster.") in text
    html = build_minutes_html(record, public=False, municipality="")
    assert "<p>Anna *Stjärna* &lt;b&gt; was chosen as secretary and [Per](http://x.se) as " \
           "adjuster.</p>" in html


@pytest.mark.parametrize(("chair", "start", "end", "opened", "closed"), [
    ("Karin Ek", time(13, 0), time(15, 30),
     "Ordföranden Karin Ek förklarade mötet öppnat kl. 13.00.",
     "Ordföranden Karin Ek förklarade mötet avslutat kl. 15.30."),
    ("", time(9, 5), None, "Ordföranden förklarade mötet öppnat kl. 9.05.",
     "Ordföranden förklarade mötet avslutat."),
    (" Karin  Ek ", None, None, "Ordföranden Karin Ek förklarade mötet öppnat.",
     "Ordföranden Karin Ek förklarade mötet avslutat."),
    # The template's chair role stands until a member holding it is named: not a name.
    ("Säkerhetschef", time(13, 0), None, "Ordföranden förklarade mötet öppnat kl. 13.00.",
     "Ordföranden förklarade mötet avslutat."),
    (" säkerhetschef", None, None, "Ordföranden förklarade mötet öppnat.",
     "Ordföranden förklarade mötet avslutat."),
])
def test_the_opening_and_the_closing_say_who_opened_and_closed_the_meeting_and_when(
        chair: str, start: time | None, end: time | None, opened: str, closed: str) -> None:
    record = every_kind(DocumentType.PROTOCOL)
    record.meeting = record.meeting.model_copy(update={"chair": chair, "start": start,
                                                       "end": end})
    for kind, line in ((ItemKind.OPENING, opened), (ItemKind.CLOSING, closed)):
        number = KINDS.index(kind) + 1
        record.items[number - 1].notes = ""
        heading = f"§ {number} Punkt {kind.value}"
        decision = f"Beslut: Beslutet om {kind.value}."
        for public in (False, True):
            assert [describe(b) for b in section(export(record, public=public), heading)] == [
                line, decision]
            body = md(record, public=public).split(f"## {heading}\n\n")[1]
            assert body.startswith(f"{line}\n\n**Beslut:**")
            html = build_minutes_html(record, public=public, municipality="")
            assert html.split(f"Punkt {kind.value}</h2>\n")[1].startswith(f"<p>{line}</p>")
        # Not taken up: nothing said of it.
        record.items[number - 1].dropped = True
        assert [describe(b) for b in section(export(record), heading)] == [
            "Punkten utgår.", decision]
        assert line not in md(record)


def test_the_opening_and_the_closing_hold_the_chairs_name_as_data_in_english() -> None:
    record = est_record(language=Language.EN)
    record.items = [AgendaItem(id=300 + n, meeting_id=12, position=n, title=kind.value,
                               kind=kind)
                    for n, kind in enumerate((ItemKind.OPENING, ItemKind.CLOSING), start=1)]
    record.meeting = record.meeting.model_copy(
        update={"chair": "Anna *Stjärna* <b>", "start": time(9, 5), "end": None})
    opened = "The chair, Anna *Stjärna* <b>, declared the meeting open at 09:05."
    closed = "The chair, Anna *Stjärna* <b>, declared the meeting closed."
    assert [opened, closed] == [line for line in texts(export(record))
                                if line.startswith("The chair")]
    assert "The chair, Anna \\*Stjärna\\* \\<b\\>, declared the meeting open at 09:05." in md(
        record)
    html = build_minutes_html(record, public=False, municipality="")
    assert "<p>The chair, Anna *Stjärna* &lt;b&gt;, declared the meeting closed.</p>" in html


def test_a_followed_up_measure_still_late_after_the_meeting_says_so() -> None:
    """A measure past its due date whose status changed but stays open is late after the meeting
    too: "ej påbörjad → pågående (försenad)", as an unchanged one says "(försenad, ingen
    ändring)"; one done is not late (found by tests/scenarios/test_est_oktober.py)."""
    record = est_record()
    late = Measure(id=7, meeting_id=9, text="Sanera klotter i gångtunneln", owner="Mats Ek",
                   due=date(2026, 3, 31), status=MeasureStatus.IN_PROGRESS)
    done = late.model_copy(update={"id": 8, "text": "Trygghetsvandring", "status":
                                   MeasureStatus.DONE})
    record.followups = [
        FollowUp(measure=measure, group_short="EST", decided_on=date(2026, 3, 10),
                 update=MeasureUpdate(measure_id=measure.id or 0, meeting_id=12,
                                      at=datetime(2026, 4, 15, 9, 0),
                                      old_status=MeasureStatus.NOT_STARTED,
                                      new_status=measure.status, comment="Pågår"))
        for measure in (late, done)]
    doc = export(record)
    table = next(b for b in section(doc, "§ 3 Uppföljning av åtgärdsplan") if isinstance(b, Table))
    assert [row.cells[2].text for row in table.rows][1:] == [
        "ej påbörjad → pågående (försenad)", "ej påbörjad → genomförd"]
    text = md(record)
    assert "| ej påbörjad → pågående (försenad) | Pågår |" in text
    assert "| ej påbörjad → genomförd | Pågår |" in text


def test_the_public_version_says_where_it_leaves_something_out() -> None:
    """The public version keeps the internal numbers and says at each gap what is left out
    (domain.md §9), and a table whose every row is confidential never reads "Inga …
    registrerade" (found by tests/scenarios/test_est_oktober.py: its public lägesbild went
    1, 2 and its action plan 1, 3 without a word)."""
    record = est_record()  # observation 2, measure 2 and one followed-up measure are secret
    doc = export(record, public=True)
    said = "Iakttagelse 2 omfattas av sekretess och redovisas inte."
    assert [describe(b) for b in section(doc, "§ 4 Lägesbild")][:2] == ["table", said]
    assert [describe(b) for b in section(doc, "§ 5 Åtgärdsplan")] == [
        "table", "Åtgärd 2 omfattas av sekretess och redovisas inte."]
    assert [describe(b) for b in section(doc, "§ 3 Uppföljning av åtgärdsplan")] == [
        "table", "En åtgärd som följs upp omfattas av sekretess och redovisas inte."]
    text = md(record, public=True)
    assert f"*{said}*" in text
    assert "*Åtgärd 2 omfattas av sekretess och redovisas inte.*" in text
    assert "omfattas av sekretess och redovisas inte." not in "\n".join(texts(export(record)))
    assert "omfattas av sekretess och redovisas inte." not in md(record)
    english = texts(export(est_record(language=Language.EN), public=True))
    assert "Observation 2 is confidential and is not shown." in english

    # Every observation and measure confidential: said as such, never "none recorded".
    for detail in record.observations:
        detail.observation.confidential = True
    for measure in record.measures:
        measure.confidential = True
    public = texts(export(record, public=True))
    assert "Iakttagelserna 1, 2 och 3 omfattas av sekretess och redovisas inte." in public
    assert "Åtgärderna 1, 2 och 3 omfattas av sekretess och redovisas inte." in public
    assert "Inga iakttagelser registrerade." not in public
    assert "Inga nya åtgärder beslutade." not in public
    assert "*Åtgärderna 1, 2 och 3 omfattas av sekretess och redovisas inte.*" in md(
        record, public=True)
