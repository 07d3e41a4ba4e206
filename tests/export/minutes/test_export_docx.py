"""Word minutes read back with python-docx: content, order, styles, tables, footer, properties,
the public version and text Word cannot hold."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from datetime import UTC, datetime

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from meetingtui.export.minutes.word import build_minutes
from meetingtui.model import (
    AgendaItem,
    DocumentType,
    Group,
    ItemKind,
    Language,
    MeetingRecord,
)
from tests.export_fixtures import (
    MUNICIPALITY,
    SECRET_CAUSE,
    SECRET_FOLLOWUP,
    SECRET_ITEM_NOTES,
    SECRET_MEASURE,
    SECRET_OBS,
    est_record,
    protocol_record,
)

SECTIONS = [
    "§ 1 Mötets öppnande", "§ 2 Närvaro", "§ 3 Uppföljning av åtgärdsplan", "§ 4 Lägesbild",
    "§ 5 Åtgärdsplan", "§ 6 Information från polisen", "§ 7 Prioriterade områden",
    "§ 8 Övriga frågor", "§ 9 Nästa möte", "§ 10 Mötets avslutande",
]
SECRETS = [SECRET_OBS, SECRET_CAUSE, SECRET_MEASURE, SECRET_ITEM_NOTES, SECRET_FOLLOWUP,
           "Fritidsgården Tornet", "Informationen noteras"]


def export(record: MeetingRecord, *, public: bool = False) -> tuple[Document, bytes]:
    """Build, save and read back: every assertion is on the file, as Word would open it."""
    out = io.BytesIO()
    build_minutes(record, public=public, municipality=MUNICIPALITY,
                  created=datetime(2026, 4, 15, 9, 30)).save(out)
    data = out.getvalue()
    return docx.Document(io.BytesIO(data)), data


def all_xml(data: bytes) -> str:
    """Every XML part of the package (body, headers, footers, properties, numbering …)."""
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        return "".join(package.read(name).decode("utf-8") for name in package.namelist()
                       if name.endswith((".xml", ".rels")))


def blocks(doc: Document) -> Iterator[Paragraph | Table]:
    """Body paragraphs and tables in document order."""
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def table_after(doc: Document, heading: str) -> Table:
    seen = False
    for block in blocks(doc):
        if isinstance(block, Paragraph) and block.text == heading:
            seen = True
        elif seen and isinstance(block, Table):
            return block
        elif seen and isinstance(block, Paragraph) and block.style.name == "Heading 2":
            break
    raise AssertionError(f"no table under {heading!r}")


def rows(table: Table) -> list[list[str]]:
    return [[cell.text for cell in row.cells] for row in table.rows]


def headings(doc: Document, style: str = "Heading 2") -> list[str]:
    return [p.text for p in doc.paragraphs if p.style.name == style]


def full_text(doc: Document) -> str:
    parts = [p.text for p in doc.paragraphs]
    for table in doc.tables:
        parts += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(parts)


@pytest.fixture(scope="module")
def internal() -> tuple[Document, bytes]:
    return export(est_record())


@pytest.fixture(scope="module")
def public() -> tuple[Document, bytes]:
    return export(protocol_record(), public=True)


# --- structure ------------------------------------------------------------------------------------

def test_items_are_numbered_paragraphs_in_agenda_order(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    assert [h.split(" SEKRETESS")[0] for h in headings(doc)] == SECTIONS


def test_title_group_and_header_block(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    assert headings(doc, "Title") == ["Minnesanteckningar"]
    assert headings(doc, "Heading 1") == ["Effektiv samordning för trygghet (EST)"]
    assert doc.paragraphs[0].text == MUNICIPALITY
    info = dict((label, value) for label, value in rows(doc.tables[0]))
    assert info["Datum"] == "2026-04-14"
    assert info["Tid"] == "kl. 13.00–15.00"
    assert info["Plats"] == "Kommunhuset, sammanträdesrum Ljungen"
    assert info["Närvarande"].splitlines() == [
        "Karin Ek, säkerhetschef, Herrljunga kommun",
        "Omar Haddad, folkhälsostrateg, Herrljunga kommun",
        "Jonas Berg, kommunpolis, Polisen LPO Alingsås",
        "Lena Strand, Södra Älvsborgs Räddningstjänstförbund",
        "Per Lund, Räddningstjänsten (ersättare)",
    ]
    assert info["Frånvarande"].splitlines() == ["Ali Yilmaz, förvaltare, Bostadsbolaget",
                                                "Räddningstjänst"]
    assert info["Adjungerade"] == "Per Holm, gatuchef, Teknisk förvaltning"
    labels = [label for label, _ in rows(doc.tables[0])]
    assert labels.index("Närvarande") < labels.index("Adjungerade") < labels.index("Frånvarande")
    assert (info["Ordförande"], info["Sekreterare"], info["Justerare"]) == (
        "Karin Ek", "Omar Haddad", "Lena Strand")
    assert info["Paragrafer"] == "§ 1–10"


def test_situation_table_with_causes_and_measures(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    table = table_after(doc, "§ 4 Lägesbild")
    # The source stands under the description: five columns do not hold Swedish words whole.
    assert rows(table) == [
        ["Område/plats", "Kategori", "Beskrivning", "Trend"],
        ["1. Centrum – Stortorget", "Klotter",
         "Nytt klotter på busskuren och bänkarna vid torget.\nKälla: Teknisk förvaltning",
         "ökande"],
        ["2. Fritidsgården Tornet\nSEKRETESS", "Narkotika", f"{SECRET_OBS}\nKälla: Polis", "ny"],
        ["3. Stationsområdet\n(från tidigare möte)", "Otrygghet",
         "Dålig belysning i gångtunneln; flera upplever otrygghet.\n"
         "Källa: Medborgare/trygghetsvandring", "oförändrad"],
    ]
    description = table.rows[1].cells[2].paragraphs[0]
    assert [r.text for r in description.runs if r.bold] == ["busskuren"]
    assert all(r.italic for r in table.rows[1].cells[2].paragraphs[1].runs)
    assert headings(doc, "Heading 3") == [
        "Iakttagelse 1: Centrum – Stortorget – Klotter",
        "Iakttagelse 2: Fritidsgården Tornet – Narkotika SEKRETESS",
        "Iakttagelse 3: Stationsområdet – Otrygghet",
    ]
    bullets = [p.text for p in doc.paragraphs if p.style.name == "List Bullet"]
    assert "Plats/situation: Dålig insyn efter kl. 20 (stöds av data)" in bullets
    assert f"Gärningsperson: {SECRET_CAUSE}" in bullets  # what it rests on was not said
    assert ("Åtgärd 1: Sanera klotter inom 24 timmar (Ansvarig: Per Holm, Teknisk förvaltning, "
            "klart senast 2026-04-30)") in bullets
    # Under the measure, set in as its text is: what it addresses and what kind it is.
    texts = [p.text for p in doc.paragraphs]
    at = texts.index("Åtgärd 1: Sanera klotter inom 24 timmar (Ansvarig: Per Holm, Teknisk "
                     "förvaltning, klart senast 2026-04-30)")
    assert texts[at + 1:at + 3] == [
        "Riktas mot orsaken: Dålig insyn efter kl. 20",
        "Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja"]
    assert doc.paragraphs[at + 1].paragraph_format.left_indent is not None


def test_followup_table(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    assert rows(table_after(doc, "§ 3 Uppföljning av åtgärdsplan")) == [
        ["Åtgärd", "Ansvarig", "Status före → efter", "Kommentar"],
        ["Trygghetsvandring i Östra (EST, beslutad 2026-03-10)", "Karin Ek",
         "pågående → genomförd", "Genomförd 28 mars med 12 deltagare."],
        [f"{SECRET_FOLLOWUP} (EST, beslutad 2026-02-10)\nSEKRETESS", "Jonas Berg, Polisen",
         "pågående (försenad, ingen ändring)", ""],
    ]


def test_action_plan_table(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    assert rows(table_after(doc, "§ 5 Åtgärdsplan")) == [
        ["Nr", "Åtgärd", "Ansvarig", "Klart senast", "Status"],
        ["1", "Sanera klotter inom 24 timmar\nRiktas mot orsaken: Dålig insyn efter kl. 20\n"
              "Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja",
         "Per Holm, Teknisk förvaltning", "2026-04-30", "ej påbörjad"],
        ["2", f"{SECRET_MEASURE}\nRiktas mot orsaken: {SECRET_CAUSE}\nTyp: social · Nivå: "
              "indikerad · Beprövad/utvärderad metod: vet ej",
         "Sara Lind, Socialtjänsten", "2026-05-10", "ej påbörjad"],
        ["3", "Byta armaturer i gångtunneln\nTyp: situationell · Beprövad/utvärderad metod: "
              "vet ej", "Ali Yilmaz, Bostadsbolaget", "2026-06-01", "pågående"],
    ]


def test_priorities_next_meeting_and_decisions(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    texts = [p.text for p in doc.paragraphs]
    assert "Prioriterade områden 2026-Q2" in texts
    numbered = [t for t in texts if t[:2] in ("1.", "2.", "3.")]
    assert numbered == ["1. Centrum kvällstid", "2. Stationsområdet", "3. Skolornas närområden"]
    assert "Nästa möte: 2026-05-12 kl. 13.00–15.00, Kommunhuset" in texts
    agreed = next(p for p in doc.paragraphs if p.text.startswith("Överenskommet:"))
    assert agreed.runs[0].bold and agreed.text == "Överenskommet: Gruppen fastställer lägesbilden."
    assert "Närvaron framgår av förteckningen ovan." in texts
    assert "Vid anteckningarna" in texts and "Justeras" in texts  # the meeting has a justerare


def test_tables_use_a_built_in_style_with_a_repeated_header_row(
        internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    data_tables = doc.tables[1:-2]  # the header block before, the signature lines after
    assert len(data_tables) == 3
    for table in data_tables:
        assert table.style.name == "Table Grid"
        header = table.rows[0]._tr.trPr.find(qn("w:tblHeader"))
        assert header is not None and header.get(qn("w:val")) == "true"
        assert all(r.bold for c in table.rows[0].cells for p in c.paragraphs for r in p.runs)
        for row in table.rows[1:]:
            assert row._tr.trPr is None or row._tr.trPr.find(qn("w:tblHeader")) is None


def test_footer_has_page_x_of_y_fields(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    footer = doc.sections[0].footer.paragraphs[0]
    instructions = [el.text.strip() for el in footer._p.iter(qn("w:instrText"))]
    assert instructions == ["PAGE", "NUMPAGES"]
    assert [el.get(qn("w:fldCharType")) for el in footer._p.iter(qn("w:fldChar"))] == [
        "begin", "separate", "end"] * 2
    assert footer.text == "Sida 1 av 1"  # placeholders until Word or LibreOffice updates them


def test_page_header_properties_and_page_setup(internal: tuple[Document, bytes]) -> None:
    doc, _ = internal
    header = doc.sections[0].header.paragraphs[0].text
    assert header == f"{MUNICIPALITY}\tMinnesanteckningar · 2026-04-14"
    props = doc.core_properties
    assert props.title == "Minnesanteckningar EST 2026-04-14"
    assert props.author == MUNICIPALITY
    assert props.created == datetime(2026, 4, 15, 9, 30, tzinfo=UTC)
    assert props.language == "sv-SE"
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    for margin in (section.left_margin, section.right_margin, section.top_margin,
                   section.bottom_margin):
        assert round(margin.cm, 2) == 2.5


def test_internal_version_marks_confidential_items_visibly(
        internal: tuple[Document, bytes]) -> None:
    doc, data = internal
    assert "§ 6 Information från polisen SEKRETESS" in headings(doc)
    marks = [r for p in doc.paragraphs for r in p.runs if r.text == "SEKRETESS"]
    assert marks and all(r.bold and r.font.color.rgb is not None for r in marks)
    xml = all_xml(data)
    for secret in SECRETS:
        assert secret in xml
    assert "Offentlig version" not in xml


# --- the public version ---------------------------------------------------------------------------

def test_public_version_holds_no_confidential_text_anywhere(public: tuple[Document, bytes]) -> None:
    _, data = public
    xml = all_xml(data)
    for secret in [*SECRETS, "SEKRETESS"]:
        assert secret not in xml, secret
    assert not any(name.startswith("docProps/thumbnail") for name in
                   zipfile.ZipFile(io.BytesIO(data)).namelist())  # no stale preview picture


def test_public_version_says_so_and_keeps_numbering(public: tuple[Document, bytes]) -> None:
    doc, _ = public
    assert headings(doc, "Title") == ["Protokoll"]
    assert headings(doc, "Subtitle")[0].startswith("Offentlig version.")
    assert "Offentlig version" in doc.sections[0].header.paragraphs[0].text
    assert headings(doc) == SECTIONS
    texts = [p.text for p in doc.paragraphs]
    index = texts.index("§ 6 Information från polisen")
    assert texts[index + 1] == ("Innehållet omfattas av sekretess och redovisas inte i den "
                                "offentliga versionen.")
    assert [r[0] for r in rows(table_after(doc, "§ 4 Lägesbild"))][1:] == [
        "1. Centrum – Stortorget", "3. Stationsområdet\n(från tidigare möte)"]
    assert [r[0] for r in rows(table_after(doc, "§ 5 Åtgärdsplan"))] == ["Nr", "1", "3"]
    assert len(rows(table_after(doc, "§ 3 Uppföljning av åtgärdsplan"))) == 2


def test_protocol_has_decisions_and_a_signature_block(public: tuple[Document, bytes]) -> None:
    doc, _ = public
    decision = next(p for p in doc.paragraphs if p.text.startswith("Beslut:"))
    assert decision.runs[0].text == "Beslut: " and decision.runs[0].bold
    texts = [p.text for p in doc.paragraphs]
    assert "Vid protokollet" in texts and "Justeras" in texts
    signatures = [cell.text for table in doc.tables[-2:] for cell in table.rows[0].cells]
    assert "Omar Haddad\nSekreterare" in signatures[0]
    assert any("Karin Ek\nOrdförande" in s for s in signatures)
    assert any("Lena Strand\nJusterare" in s for s in signatures)
    assert all(s.startswith("_" * 20) for s in signatures if s)


# --- text Word cannot hold, and any Unicode -------------------------------------------------------

def unchecked(item: AgendaItem, **changes: str) -> AgendaItem:
    """An item with raw text, as if pasted past validation (the exporter must still cope)."""
    return AgendaItem.model_construct(**{**dict(item), **changes})


def test_control_characters_are_removed_and_leave_no_empty_paragraphs() -> None:
    record = est_record()
    record.items[0] = unchecked(record.items[0], notes="Hej\x00 och\x07 **väl\x1bkomna**\ufffe",
                                title="Mötets\x0b öppnande")
    record.items[7] = unchecked(record.items[7], notes="\x01\x02\x03", decision="\x1f")
    record.group = Group.model_construct(**{**dict(record.group), "name": "EST\x0c grupp"})
    doc, data = export(record)
    texts = [p.text for p in doc.paragraphs]
    assert "Hej och välkomna" in texts
    assert "§ 1 Mötets öppnande" in texts
    assert "EST grupp (EST)" in headings(doc, "Heading 1")
    position = texts.index("§ 8 Övriga frågor")
    assert texts[position + 1] == "§ 9 Nästa möte"  # nothing, not an empty paragraph, between
    assert all(p.text.strip() for p in doc.paragraphs)  # no empty paragraph anywhere
    for char in "\x00\x07\x1b\x0b\x0c\ufffe":
        assert char not in all_xml(data)


def test_any_unicode_exports() -> None:
    record = est_record()
    long_note = ("Lång anteckning om läget i centrum. " * 300)[:10_000]
    rtl = "مرحبا بالجميع — שלום לכולם"
    emoji = "Trygghetsvandring 🚶‍♀️🌃 med 👮 och 🚒"
    record.items[0] = unchecked(record.items[0], notes=long_note)
    record.items[7] = unchecked(record.items[7], notes=f"{rtl}\n\n{emoji}")
    record.observations[0].observation.description = f"{emoji} {rtl}"
    doc, _ = export(record)
    text = full_text(doc)
    assert long_note.strip() in text
    assert rtl in text and emoji in text


def test_english_template_uses_english_labels() -> None:
    doc, _ = export(est_record(DocumentType.PROTOCOL, Language.EN))
    assert headings(doc, "Title") == ["Minutes"]
    info = dict((label, value) for label, value in rows(doc.tables[0]))
    assert info["Time"] == "13:00–15:00" and "Present" in info
    assert rows(table_after(doc, "§ 4 Lägesbild"))[0][0] == "Area/place"
    assert doc.sections[0].footer.paragraphs[0].text == "Page 1 of 1"
    assert doc.core_properties.language == "en-GB"


def test_data_without_an_agenda_item_of_its_kind_is_still_shown() -> None:
    record = est_record()
    record.items = [AgendaItem(meeting_id=12, position=1, title="Mötets öppnande")]
    doc, _ = export(record)
    assert headings(doc) == ["§ 1 Mötets öppnande", "Uppföljning av tidigare åtgärder",
                             "Lägesbild", "Åtgärdsplan", "Prioriterade områden", "Nästa möte"]
    assert len(doc.tables) == 1 + 3 + 2  # header block, data, signature lines


def test_a_bare_meeting_exports() -> None:
    record = est_record()
    bare = MeetingRecord(group=record.group, meeting=record.meeting,
                         items=[AgendaItem(meeting_id=12, position=1, title="Lägesbild",
                                           kind=ItemKind.SITUATION)])
    doc, _ = export(bare)
    assert headings(doc, "Title") == ["Minnesanteckningar"]  # no template: Swedish notes
    assert "Inga iakttagelser registrerade." in [p.text for p in doc.paragraphs]
