"""Markdown notes become Word runs and list paragraphs; the minutes also export as Markdown."""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.oxml.ns import qn
from docx.text.paragraph import Paragraph

from meetingtui.export.minutes.markdown import build_minutes_md, escape
from meetingtui.export.minutes.notes_word import add_markdown
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


def render(text: str) -> tuple[Document, list[Paragraph]]:
    """Render into a fresh document, save and read back."""
    doc = docx.Document()
    add_markdown(doc, text)
    out = io.BytesIO()
    doc.save(out)
    again = docx.Document(io.BytesIO(out.getvalue()))
    return again, list(again.paragraphs)


def test_bold_and_italic_become_run_formatting() -> None:
    _, [paragraph] = render("Vi **beslutade** att *pröva* ***båda*** ~~inte~~ delarna.")
    runs = {r.text: r for r in paragraph.runs}
    assert paragraph.text == "Vi beslutade att pröva båda inte delarna."
    assert runs["beslutade"].bold and not runs["beslutade"].italic
    assert runs["pröva"].italic and not runs["pröva"].bold
    assert runs["båda"].bold and runs["båda"].italic
    assert runs["inte"].font.strike
    assert not runs["Vi "].bold and not runs["Vi "].italic
    assert "*" not in paragraph.text and "~" not in paragraph.text


def test_bullet_and_numbered_lists_use_list_styles() -> None:
    _, paragraphs = render("Inledning\n\n- ett\n- två\n  - under\n\n1. första\n2. andra\n")
    styles = [(p.text, p.style.name) for p in paragraphs]
    assert styles == [
        ("Inledning", "Normal"), ("ett", "List Bullet"), ("två", "List Bullet"),
        ("under", "List Bullet 2"), ("första", "List Number"), ("andra", "List Number"),
    ]


def numbering(paragraph: Paragraph) -> str | None:
    num_pr = paragraph._p.pPr.numPr if paragraph._p.pPr is not None else None
    return None if num_pr is None else num_pr.numId.get(qn("w:val"))


def test_each_numbered_list_restarts_at_its_own_first_number() -> None:
    doc, paragraphs = render("1. a\n2. b\n\nText emellan.\n\n3. c\n4. d\n\nMer.\n\n1. e\n")
    lists = [numbering(p) for p in paragraphs if p.style.name == "List Number"]
    assert lists[0] == lists[1] and lists[2] == lists[3]
    assert len({lists[0], lists[2], lists[4]}) == 3
    numbering_xml = doc.part.numbering_part.element
    starts = {}
    for num in numbering_xml.num_lst:
        override = num.find(qn("w:lvlOverride"))
        if override is not None:
            starts[str(num.numId)] = override.find(qn("w:startOverride")).get(qn("w:val"))
    assert [starts[n] for n in (lists[0], lists[2], lists[4])] == ["1", "3", "1"]


def test_line_breaks_stay_line_breaks_and_paragraphs_stay_paragraphs() -> None:
    _, paragraphs = render("Rad ett\nRad två  \nRad tre\n\nNytt stycke")
    assert [p.text for p in paragraphs] == ["Rad ett\nRad två\nRad tre", "Nytt stycke"]
    assert len(paragraphs[0]._p.findall(f".//{qn('w:br')}")) == 2


def test_headings_code_links_quotes_and_html() -> None:
    _, paragraphs = render(
        "# Rubrik i anteckning\n\nSe `kod` och [Brå](https://bra.se) eller <https://bra.se>.\n\n"
        "> Citat\n\n<b>inte html</b>\n\n```\nrad 1\nrad 2\n```\n"
    )
    texts = [p.text for p in paragraphs]
    assert texts[0] == "Rubrik i anteckning"
    assert paragraphs[0].style.name == "Normal" and all(r.bold for r in paragraphs[0].runs)
    assert texts[1] == "Se kod och Brå (https://bra.se) eller https://bra.se."
    code = next(r for r in paragraphs[1].runs if r.text == "kod")
    assert code.font.name == "Courier New"
    assert (texts[2], paragraphs[2].style.name) == ("Citat", "Quote")
    assert texts[3] == "<b>inte html</b>"
    assert texts[4] == "rad 1\nrad 2"


@pytest.mark.parametrize("text", ["", "   \n\n  ", "\x00\x01\x1b", "\ufffe"])
def test_nothing_is_added_for_empty_text(text: str) -> None:
    _, paragraphs = render(text)
    assert paragraphs == []


def test_control_characters_inside_markdown_are_dropped() -> None:
    _, [paragraph] = render("Skadeg\x00örelse **vid\x07 skolan**\x1f")
    assert paragraph.text == "Skadegörelse vid skolan"


def test_a_fresh_table_cell_reuses_its_own_empty_paragraph() -> None:
    doc = docx.Document()
    cell = doc.add_table(rows=1, cols=1).rows[0].cells[0]
    add_markdown(cell, "Första **stycket**\n\n- punkt")
    assert [p.text for p in cell.paragraphs] == ["Första stycket", "punkt"]
    assert cell.paragraphs[1].style.name == "List Bullet"


# --- the minutes as Markdown ------------------------------------------------------------------

def test_markdown_minutes_have_the_same_sections_and_tables() -> None:
    text = build_minutes_md(est_record(), public=False, municipality=MUNICIPALITY)
    lines = text.splitlines()
    assert lines[0] == f"**{MUNICIPALITY}**"
    assert "# Minnesanteckningar: Effektiv samordning för trygghet (EST)" in lines
    sections = [line for line in lines if line.startswith("## ")]
    assert sections[0] == "## § 1 Mötets öppnande"
    assert sections[5] == "## § 6 Information från polisen – **SEKRETESS**"
    assert len(sections) == 10
    assert "| Område/plats | Kategori | Beskrivning | Trend | Källa |" in lines
    assert ("| Nr | Åtgärd | Orsaker | Typ | Nivå | Beprövad/utvärderad metod | Ansvarig | "
            "Klart senast | Status |") in lines
    assert ("| 1 | Sanera klotter inom 24 timmar | Dålig insyn efter kl. 20 | situationell | "
            "universell | ja | Per Holm, Teknisk förvaltning | 2026-04-30 | ej påbörjad |") in lines
    assert ("| 3 | Byta armaturer i gångtunneln |  | situationell |  | vet ej | Ali Yilmaz, "
            "Bostadsbolaget | 2026-06-01 | pågående |") in lines
    assert "- Plats/situation: Dålig insyn efter kl. 20 (stöds av data)" in lines
    at = lines.index("- Åtgärd 1: Sanera klotter inom 24 timmar (Ansvarig: Per Holm, Teknisk "
                     "förvaltning, klart senast 2026-04-30)")
    assert lines[at + 1:at + 3] == [
        "  - Riktas mot orsaken: Dålig insyn efter kl. 20",
        "  - Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja"]
    assert "| Trygghetsvandring i Östra (EST, beslutad 2026-03-10) | Karin Ek | pågående → " \
           "genomförd | Genomförd 28 mars med *12* deltagare. |" in lines
    assert "- Karin Ek, säkerhetschef, Herrljunga kommun" in lines
    assert "- Per Lund, Räddningstjänsten (ersättare)" in lines
    assert "**Överenskommet:** Gruppen fastställer lägesbilden." in lines
    assert "Ordföranden öppnade mötet och hälsade **alla** välkomna." in lines
    assert "**Nästa möte:** 2026-05-12 kl. 13.00–15.00, Kommunhuset" in lines
    assert text.endswith("Lena Strand, justerare\n")


def test_public_markdown_holds_no_confidential_text() -> None:
    text = build_minutes_md(protocol_record(), public=True, municipality=MUNICIPALITY)
    for secret in (SECRET_OBS, SECRET_CAUSE, SECRET_MEASURE, SECRET_ITEM_NOTES, SECRET_FOLLOWUP,
                   "SEKRETESS", "Tornet"):
        assert secret not in text
    assert "*Offentlig version. Uppgifter som omfattas av sekretess är utelämnade.*" in text
    assert "**Beslut:** Gruppen fastställer lägesbilden." in text
    assert "**Justeras**" in text


def test_plain_fields_are_escaped_and_cleaned() -> None:
    record = est_record()
    record.attendance[0].name = "Karin *Ek* | Säkerhet"
    record.observations[0].observation.source = "Polis|Räddning"
    text = build_minutes_md(record, public=False, municipality="Kommun_med # tecken\x07")
    assert "- Karin \\*Ek\\* \\| Säkerhet, säkerhetschef, Herrljunga kommun" in text
    assert "Polis\\|Räddning" in text
    assert "**Kommun\\_med \\# tecken**" in text
    assert "\x07" not in text
    assert escape("a\x00b\nc") == "ab c"


def test_a_decision_that_starts_with_a_list_gets_its_label_on_a_line_of_its_own() -> None:
    record = protocol_record()
    record.items[0].decision = "- att godkänna dagordningen\n- att välja justerare"
    text = build_minutes_md(record, public=False, municipality=MUNICIPALITY)
    assert "**Beslut:**\n\n- att godkänna dagordningen\n- att välja justerare" in text
