"""Minutes a secretary files as they are (issue 12 §11): the justering block in notes with a
justerare, decisions labelled once, the app's word "iakttagelse", attendance that reads as
people, "Utkast" on the minutes of a meeting that is not closed, and every item's notes and
decision under its own §, in Word and Markdown, internal and public.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import date, datetime

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from meetingtui.export.minutes.content import person_line
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.word import build_minutes
from meetingtui.model import (
    AgendaItem,
    Agreement,
    AgreementDetail,
    AgreementKind,
    Attendance,
    DocumentType,
    FollowUp,
    ItemKind,
    Language,
    Measure,
    MeasureStatus,
    MeasureUpdate,
    MeetingRecord,
    MeetingStatus,
    Presence,
)
from tests.export_fixtures import MUNICIPALITY, est_record, protocol_record


def export(record: MeetingRecord, *, public: bool = False) -> Document:
    out = io.BytesIO()
    build_minutes(record, public=public, municipality=MUNICIPALITY,
                  created=datetime(2026, 4, 15, 9, 30)).save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def md(record: MeetingRecord, *, public: bool = False) -> str:
    return build_minutes_md(record, public=public, municipality=MUNICIPALITY)


def blocks(doc: Document) -> Iterator[Paragraph | Table]:
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def cell_texts(table: Table) -> list[str]:
    return [cell.text for row in table.rows for cell in row.cells]


def section(doc: Document, heading: str) -> list[Paragraph | Table]:
    """The blocks under a `Heading 2` up to the next one (or the signature block)."""
    found: list[Paragraph | Table] = []
    inside = False
    for block in blocks(doc):
        if isinstance(block, Paragraph) and block.text.startswith(
                ("Vid protokollet", "Vid anteckningarna")):
            break
        if isinstance(block, Paragraph) and block.style.name == "Heading 2":
            if inside:
                break
            inside = block.text.split(" SEKRETESS")[0] == heading
        elif inside:
            found.append(block)
    assert inside or found, f"no section {heading!r}"
    return found


def describe(block: Paragraph | Table) -> str:
    return "table" if isinstance(block, Table) else block.text


# --- 1. the signature block ---------------------------------------------------------------------

def signatures(doc: Document) -> list[str]:
    """The signature cells (after the last data table): line, name, caption."""
    return [text for table in doc.tables if cell_texts(table)
            and cell_texts(table)[0].startswith("_" * 20) for text in cell_texts(table) if text]


def test_notes_with_a_justerare_end_with_the_justering_block() -> None:
    doc = export(est_record())
    paragraphs = texts(doc)
    assert "Vid anteckningarna" in paragraphs and "Justeras" in paragraphs
    assert paragraphs.index("Vid anteckningarna") < paragraphs.index("Justeras")
    assert "Vid protokollet" not in paragraphs
    assert not any(p.startswith("Vid anteckningarna:") for p in paragraphs)
    lines = signatures(doc)
    assert [line.split("\n")[1:] for line in lines] == [
        ["Omar Haddad", "Sekreterare"], ["Karin Ek", "Ordförande"], ["Lena Strand", "Justerare"]]
    # The block closes the document: nothing after the last signature table.
    last = list(blocks(doc))[-1]
    assert isinstance(last, Table) and "Lena Strand" in cell_texts(last)[1]


def test_notes_without_a_justerare_say_who_took_them_and_have_no_lines() -> None:
    record = est_record()
    record.meeting.adjuster = ""
    doc = export(record)
    paragraphs = texts(doc)
    assert paragraphs[-1] == "Vid anteckningarna: Omar Haddad, sekreterare"
    assert "Justeras" not in paragraphs and signatures(doc) == []
    text = md(record)
    assert text.endswith("*Vid anteckningarna: Omar Haddad, sekreterare*\n")
    assert "Justeras" not in text and "\\_\\_\\_" not in text


def test_protocol_keeps_its_block() -> None:
    doc = export(protocol_record())
    paragraphs = texts(doc)
    assert "Vid protokollet" in paragraphs and "Justeras" in paragraphs
    assert "Vid anteckningarna" not in paragraphs
    record = protocol_record()
    record.meeting.adjuster = ""
    assert "Justeras" in texts(export(record))  # a protokoll is always justerat


def test_markdown_notes_with_a_justerare() -> None:
    text = md(est_record())
    line = "\\_" * 24
    assert text.endswith(
        f"**Vid anteckningarna**\n\n{line}  \nOmar Haddad, sekreterare\n\n**Justeras**\n\n"
        f"{line}  \nKarin Ek, ordförande\n\n{line}  \nLena Strand, justerare\n")


def filed_record() -> MeetingRecord:
    record = protocol_record()
    record.meeting.dnr = "KS 2026/123"
    record.meeting.justering = "Kommunhuset 2026-04-22 kl. 10"
    record.meeting.expedieras = "Kommunstyrelsen\n\nPolisområde Syd\n"
    return record


def info_rows(doc: Document) -> dict[str, str]:
    """The head's label/value table, label → value."""
    return {row.cells[0].text: row.cells[1].text for row in doc.tables[0].rows}


def test_a_filed_protocol_carries_its_dnr_justering_and_recipients_in_word() -> None:
    doc = export(filed_record())
    rows = info_rows(doc)
    assert rows["Diarienummer"] == "KS 2026/123"
    assert rows["Justeringens plats och tid"] == "Kommunhuset 2026-04-22 kl. 10"
    paragraphs = texts(doc)
    sent = [p for p in paragraphs if p.startswith("Expedieras till")]
    assert sent == ["Expedieras till: Kommunstyrelsen, Polisområde Syd"]
    assert paragraphs.index(sent[0]) < paragraphs.index("Vid protokollet"), "before the signatures"


def test_a_filed_protocol_carries_its_dnr_justering_and_recipients_in_markdown() -> None:
    text = md(filed_record())
    assert "Diarienummer" in text and "KS 2026/123" in text
    assert "Justeringens plats och tid" in text and "Kommunhuset 2026-04-22 kl. 10" in text
    assert "**Expedieras till:** Kommunstyrelsen, Polisområde Syd" in text
    assert text.index("Expedieras till") < text.index("Vid protokollet")


def test_minutes_without_dnr_justering_or_recipients_have_no_empty_rows() -> None:
    doc = export(protocol_record())
    assert not {"Diarienummer", "Justeringens plats och tid"} & set(info_rows(doc))
    assert not any(p.startswith("Expedieras") for p in texts(doc))
    assert "Diarienummer" not in md(protocol_record())


def test_english_notes_with_an_adjuster() -> None:
    doc = export(est_record(language=Language.EN))
    paragraphs = texts(doc)
    assert "Notes taken by" in paragraphs and "Approved" in paragraphs


# --- 2. a decision is labelled once -------------------------------------------------------------

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


# --- 4. the app's word: iakttagelse ------------------------------------------------------------

def test_swedish_minutes_say_iakttagelse_and_english_observation() -> None:
    doc = export(est_record())
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert headings[1] == "Iakttagelse 2: Fritidsgården Tornet – Narkotika SEKRETESS"
    assert "### Iakttagelse 1: Centrum – Stortorget – Klotter" in md(est_record()).splitlines()
    empty = est_record()
    empty.observations = []
    assert "Inga iakttagelser registrerade." in texts(export(empty))
    assert "Inga iakttagelser registrerade." in md(empty)
    english = [p.text for p in export(est_record(language=Language.EN)).paragraphs
               if p.style.name == "Heading 3"]
    assert english[0] == "Observation 1: Centrum – Stortorget – Klotter"
    assert "observation" not in "\n".join(texts(doc)).casefold().replace("observationer", "")


# --- 6. attendance reads as people -------------------------------------------------------------

def person(name: str, role: str = "", org: str = "", substitute: bool = False) -> Attendance:
    return Attendance(meeting_id=1, name=name, role=role, organisation=org,
                      substitute=substitute)


@pytest.mark.parametrize(("row", "line"), [
    (person("Per Lund", "Räddningstjänst", "Räddningstjänsten"), "Per Lund, Räddningstjänsten"),
    (person("Räddningstjänst", "Räddningstjänst"), "Räddningstjänst"),
    (person("Räddningstjänst", "Räddningstjänst", "Räddningstjänsten"), "Räddningstjänst"),
    (person("Anna Berg", "Kommunpolis", "Polisen"), "Anna Berg, kommunpolis, Polisen"),
    (person("Anna Berg", "Polis", "Polisen LPO Alingsås"), "Anna Berg, Polisen LPO Alingsås"),
    (person("Eva Ek", "SSPF-samordnare", "Socialtjänsten"),
     "Eva Ek, SSPF-samordnare, Socialtjänsten"),
    (person("Eva Ek", "", "Socialtjänsten"), "Eva Ek, Socialtjänsten"),
    (person("Eva Ek", "Rektor"), "Eva Ek, rektor"),
    (person("Eva Ek"), "Eva Ek"),
    (person("Per Lund", "Räddningstjänst", "Räddningstjänsten", True),
     "Per Lund, Räddningstjänsten (ersättare)"),
    (person("  Per   Lund ", " Brandman ", "Räddningstjänsten\x07"),
     "Per Lund, brandman, Räddningstjänsten"),
])
def test_person_line(row: Attendance, line: str) -> None:
    assert person_line(row) == line


def test_no_line_says_the_same_thing_twice() -> None:
    record = est_record()
    for row in record.attendance:
        line = person_line(row)
        parts = [p.strip(" ()") for p in line.split(",")]
        assert len({p.casefold() for p in parts}) == len(parts), line


def test_attendance_in_both_formats_members_then_substitutes_then_guests_then_absent() -> None:
    record = est_record(language=Language.EN)
    text = md(record)
    present = text.index("**Present:**")
    assert present < text.index("**Co-opted:**") < text.index("**Absent:**")
    assert "- Per Lund, Räddningstjänsten (substitute)" in text.splitlines()
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert lines.index("- Lena Strand, Södra Älvsborgs Räddningstjänstförbund") < lines.index(
        "- Per Lund, Räddningstjänsten (substitute)")
    assert "- Räddningstjänst" in lines and "- Räddningstjänst, Räddningstjänst" not in lines


def test_public_version_lists_the_same_people() -> None:
    info = dict(
        (row.cells[0].text, row.cells[1].text) for row in export(est_record(), public=True)
        .tables[0].rows)
    assert "Per Lund, Räddningstjänsten (ersättare)" in info["Närvarande"]


# --- 7. "Utkast" until the meeting is closed -----------------------------------------------------

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


# --- 8. every kind of item shows its notes and its decision under its own § ---------------------

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
    ItemKind.TEXT: None, ItemKind.ATTENDANCE: None, ItemKind.FOLLOWUP: "table",
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
    record.items[1].notes = ""
    shown = [describe(b) for b in section(export(record), "§ 2 Punkt attendance")]
    assert shown == ["Närvaron framgår av förteckningen ovan.",
                     "Överenskommet: Beslutet om attendance."]
    assert all(p.presence in Presence for p in record.attendance)


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


@pytest.mark.parametrize(("name", "short", "title"), [
    ("Styrgrupp (Strategiskt råd)", "Styrgrupp", "Styrgrupp (Strategiskt råd)"),
    ("Trygghetsgruppen", "Trygghetsgrupp", "Trygghetsgruppen"),
    ("Effektiv samordning för trygghet", "EST", "Effektiv samordning för trygghet (EST)"),
    ("Lokalt brottsförebyggande råd", "BRÅ", "Lokalt brottsförebyggande råd (BRÅ)"),
])
def test_the_group_is_named_once(name: str, short: str, title: str) -> None:
    """A group whose name already says its short name is not named twice ("Styrgrupp
    (Strategiskt råd) (Styrgrupp)", found by tests/scenarios/test_styrgrupp_november.py)."""
    record = protocol_record()
    record.group = record.group.model_copy(update={"name": name, "short": short})
    doc = export(record)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [title]
    assert doc.core_properties.subject == title
    assert f"# Protokoll: {title}\n" in md(record)


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


def test_a_signature_line_and_the_name_under_it_stay_on_one_page() -> None:
    """Every signature row is kept whole by a page break, and the words above it ("Vid
    protokollet", "Justeras") go with it: rendered, the styrgrupp scenario's protokoll had its
    two lines at the foot of page 2 and "Eva Lind, Ordförande", "Johan Alm, Justerare" alone
    on page 3."""
    doc = export(protocol_record())
    signing = [table for table in doc.tables
               if cell_texts(table) and cell_texts(table)[0].startswith("_" * 20)]
    assert len(signing) == 2
    for table in signing:
        for row in table.rows:
            assert row._tr.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is not None
            assert len(row._tr.findall(f"{qn('w:trPr')}/{qn('w:cantSplit')}")) == 1
    above = [p for p in doc.paragraphs if p.text in ("Vid protokollet", "Justeras")]
    assert [p.paragraph_format.keep_with_next for p in above] == [True, True]
