"""Minutes a secretary files as they are (issue 12 §11), how they close: the justering block in
notes with a justerare (and none without one), a protokoll's own block, the diarienummer,
justering and recipients of a filed protocol, and signature lines that stay on one page with
the name under them, in Word and Markdown.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table

from meetingtui.model import Language, MeetingRecord
from tests.export.minutes.minutes_helpers import blocks, cell_texts, export, md, texts
from tests.export_fixtures import est_record, protocol_record


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
