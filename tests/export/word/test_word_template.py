"""Minutes from the municipality's own Word template (issue 14 §4): they start from its
document — styles, page, a header with the logo, a footer with the address — the built-in styles
fill in what it lacks (a sparse template as Word saves it, list styles whose numbering points
nowhere), a .dotx is read and left as it was, and without a template the built-in look is
unchanged."""

from __future__ import annotations

import hashlib
import zipfile
from pathlib import Path

import docx
import pytest
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Pt, RGBColor

from meetingtui.export.minutes import export_minutes
from meetingtui.export.word.layout import TABLE_TEXT, USED_STYLES
from meetingtui.export.word.template import TEMPLATE_MAIN
from meetingtui.services.settings import set_word_template, word_template
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.export.word.template_helpers import (
    ADDRESS,
    FONT,
    LETTERHEAD,
    LOGO,
    TEMPLATE_BODY,
    as_dotx,
    body_styles,
    export,
    has_field,
    header_text,
    image_parts,
    make_sparse,
    make_template,
    minutes_meeting,
    referenced_styles,
    styles_that_exist,
)


@pytest.fixture
def meeting(ws: Workspace, clock: Clock) -> int:
    return minutes_meeting(ws, clock)


def test_minutes_carry_the_logo_the_font_and_the_page_of_the_template(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    doc = export(ws, meeting, "mall.docx")

    header = doc.sections[0].header
    assert not header.is_linked_to_previous
    blips = list(header._element.iter("{http://schemas.openxmlformats.org/drawingml/2006/main}blip"))
    assert len(blips) == 1, "the logo stays in the header"
    r_id = blips[0].get(qn("r:embed"))
    assert header.part.related_parts[r_id].blob == LOGO, "with its picture in the package"
    assert image_parts(doc) == [LOGO], "the template body's picture went with its body"
    text = header_text(header)
    assert LETTERHEAD in text
    lines = text.splitlines()
    assert lines[0].strip() == LETTERHEAD.strip(), "the letterhead first, as the template has it"
    assert lines[-1].startswith("Exempelkommun\tMinnesanteckningar"), "then the minutes' line"
    assert "Utkast" in lines[-1], "a draft says so on every page"
    assert header.paragraphs[-1].paragraph_format.space_after == Pt(6)

    footer = doc.sections[0].footer
    assert ADDRESS in header_text(footer)
    assert "Sida 1 av 1" in header_text(footer).replace("\n", "")
    assert has_field(footer, "PAGE") and has_field(footer, "NUMPAGES")

    normal = doc.styles["Normal"]
    assert normal.font.name == FONT and normal.font.size == Pt(12)
    assert "Protokoll" in {s.name for s in doc.styles}
    section = doc.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert round(section.left_margin.cm, 2) == round(section.right_margin.cm, 2) == 2.0

    body = "\n".join(p.text for p in doc.paragraphs)
    assert TEMPLATE_BODY not in body and "PROTOKOLL" not in body
    assert "§ 1 Mötets öppnande" in body and "Valborg närmar sig" in body
    assert {"Title", "Heading 1", "Heading 2", "List Bullet", "List Number"} <= body_styles(doc)
    for name in USED_STYLES:
        doc.styles[name]  # each exists (python-docx raises KeyError otherwise)
    assert doc.tables, "the lägesbild and the action plan are tables"
    grid = [t for t in doc.tables if t.style is not None and t.style.name == "Table Grid"]
    assert len(grid) >= 2
    for table in grid:  # as wide as the template's text (17 cm), not the built-in 16 cm
        widths = [cell.width.cm for cell in table.rows[0].cells]
        assert sum(widths) == pytest.approx(17.0, abs=0.05)
    assert referenced_styles(doc) <= styles_that_exist(doc)


def test_a_sparse_template_gets_the_built_in_styles_in_its_own_font(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    builtin = export(ws, meeting, "inbyggd.docx")
    set_word_template(ws, make_sparse(tmp_path / "word-mall.docx"))
    doc = export(ws, meeting, "mall.docx")
    set_word_template(ws, None)
    again = export(ws, meeting, "inbyggd-igen.docx")

    # The template's own Heading 1 under its Swedish id is the one used …
    assert doc.styles["Heading 1"].style_id == "Rubrik1"
    group_title = next(p for p in doc.paragraphs if p.text.startswith("Effektiv samordning"))
    assert group_title._p.pPr.pStyle.val == "Rubrik1"
    # … and no id of one document leaks into the next (the style-id cache is per document).
    for each in (builtin, doc, again):
        assert referenced_styles(each) <= styles_that_exist(each)
    assert again.styles["Heading 1"].style_id == "Heading1"

    # What it lacked is the built-in style: size, weight, colour, but the template's font.
    for name in ("Heading 2", "Title", "List Bullet", "List Number 2", "Quote", "Table Grid",
                 TABLE_TEXT, "Header", "Footer"):
        style = doc.styles[name]
        assert style.font.name is None, name  # no Arial: it takes Garamond from Normal
    heading2, built_in2 = doc.styles["Heading 2"], builtin.styles["Heading 2"]
    assert heading2.font.size == built_in2.font.size == Pt(13)
    assert heading2.font.color.rgb == built_in2.font.color.rgb == RGBColor(0, 0, 0)
    assert heading2.base_style is not None and heading2.base_style.name == "Normal"
    assert doc.styles[TABLE_TEXT].font.size == Pt(9.5)
    borders = doc.styles["Table Grid"].element.find(f"{qn('w:tblPr')}/{qn('w:tblBorders')}")
    assert borders is not None, "the grid has its lines"

    # Lists stay lists: the bullets and numbers the notes had, in a numbering part made anew.
    numbering = doc.part.numbering_part.element
    for paragraph in doc.paragraphs:
        if paragraph.style is not None and paragraph.style.name.startswith("List "):
            num_id = paragraph._p.pPr.numPr.numId.val if paragraph._p.pPr.numPr is not None \
                else paragraph.style.element.pPr.numPr.numId.val
            numbering.num_having_numId(num_id)  # raises KeyError when it points nowhere
    formats = {lvl.get(qn("w:val")) for lvl in numbering.iter(qn("w:numFmt"))}
    assert {"bullet", "decimal"} <= formats


def test_without_a_template_the_built_in_look_is_unchanged(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    assert word_template(ws) is None
    plain = export(ws, meeting, "inbyggd.docx")
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    templated = export(ws, meeting, "mall.docx")
    set_word_template(ws, None)
    cleared = export(ws, meeting, "inbyggd-igen.docx")

    for doc in (plain, cleared):
        assert doc.styles["Normal"].font.name == "Arial"
        assert doc.styles["Normal"].font.size == Pt(11)
        assert doc.styles["Heading 2"].font.name == "Arial"
        assert doc.styles["Heading 2"].font.size == Pt(13)
        assert doc.styles["Title"].font.size == Pt(24)
        section = doc.sections[0]
        assert round(section.page_width.cm, 1) == 21.0
        assert round(section.left_margin.cm, 2) == 2.5
        assert not image_parts(doc)
        assert header_text(section.header).startswith("Exempelkommun\tMinnesanteckningar")
        assert len(section.header.paragraphs) == 1
        assert header_text(section.footer).startswith("Sida ")
        for table in doc.tables[1:]:
            assert sum(c.width.cm for c in table.rows[0].cells) == pytest.approx(16.0, abs=0.05)
    assert plain.element.xml == cleared.element.xml
    assert plain.styles.element.xml == cleared.styles.element.xml
    assert templated.styles["Normal"].font.name == FONT


def test_a_dotx_is_read_as_the_document_it_makes_and_left_as_it_was(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    dotx = as_dotx(make_template(tmp_path / "mall.docx"), tmp_path / "Kommunmall.dotx")
    before = hashlib.sha256(dotx.read_bytes()).hexdigest()
    with pytest.raises(ValueError, match="not a Word file"):  # what python-docx alone says
        docx.Document(str(dotx))
    set_word_template(ws, dotx)
    path = ws.locations.exports / "fran-dotx.docx"
    export_minutes(ws, meeting, path=path)
    with zipfile.ZipFile(path) as package:
        types = package.read("[Content_Types].xml").decode()
    assert "wordprocessingml.document.main+xml" in types and TEMPLATE_MAIN not in types
    doc = docx.Document(str(path))
    assert image_parts(doc) == [LOGO]
    assert doc.styles["Normal"].font.name == FONT
    assert "§ 1 Mötets öppnande" in "\n".join(p.text for p in doc.paragraphs)
    assert hashlib.sha256(dotx.read_bytes()).hexdigest() == before


def test_a_template_that_numbers_its_pages_keeps_its_numbering(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx", page_field=True))
    doc = export(ws, meeting, "mall.docx")
    section = doc.sections[0]
    assert has_field(section.header, "PAGE")
    assert header_text(section.footer) == ADDRESS, "no second page number under the address"
    assert not has_field(section.footer, "PAGE")
    assert header_text(section.header).splitlines()[-1].startswith("Exempelkommun\t")


def test_a_different_first_page_gets_the_line_and_the_page_number_too(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx", first_page=True))
    doc = export(ws, meeting, "mall.docx")
    section = doc.sections[0]
    assert section.different_first_page_header_footer
    first = header_text(section.first_page_header)
    assert first.startswith("Första sidans brevhuvud") and "Minnesanteckningar" in first
    assert LETTERHEAD in header_text(section.header)
    for footer in (section.footer, section.first_page_footer):
        assert has_field(footer, "PAGE")


def test_what_only_the_template_body_used_goes_with_it(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    template = make_template(tmp_path / "mall.docx", comment=True)
    stripped = docx.Document(str(template))  # and one whose last section is in a paragraph
    set_word_template(ws, template)
    doc = export(ws, meeting, "mall.docx")
    assert not [r for r in doc.part.rels.values() if r.reltype == RT.COMMENTS]
    assert not list(doc.element.iter(qn("w:commentReference")))
    assert doc.core_properties.revision == 1

    body = stripped.element.body
    last = body.find(qn("w:sectPr"))
    body.remove(last)
    body.findall(qn("w:p"))[-1].get_or_add_pPr().append(last)
    stripped.save(str(tmp_path / "inre.docx"))
    set_word_template(ws, tmp_path / "inre.docx")
    doc = export(ws, meeting, "inre.docx")
    assert len(doc.sections) == 1 and image_parts(doc) == [LOGO]
    assert LETTERHEAD in header_text(doc.sections[0].header)


def test_list_styles_whose_numbering_points_nowhere_get_the_built_in_numbering(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    path = make_template(tmp_path / "mall.docx")
    template = docx.Document(str(path))
    styles = template.styles.element
    num_id = f"{qn('w:pPr')}/{qn('w:numPr')}/{qn('w:numId')}"
    styles.get_by_name("List Number").find(num_id).set(qn("w:val"), "999")  # no such list
    styles.get_by_name("List Bullet").find(num_id).set(qn("w:val"), "x")  # not a number
    styles.get_by_name("List Continue").find(qn("w:pPr")).append(  # numbering, no list
        docx.oxml.parse_xml(f'<w:numPr {docx.oxml.ns.nsdecls("w")}/>'))
    nameless = docx.oxml.parse_xml(f'<w:style {docx.oxml.ns.nsdecls("w")} w:type="paragraph" '
                                   'w:styleId="Namnlos"/>')
    styles.append(nameless)
    template.save(str(path))
    set_word_template(ws, path)
    doc = export(ws, meeting, "mall.docx")
    numbering = doc.part.numbering_part.element
    listed = [p for p in doc.paragraphs if p.style is not None
              and p.style.name in ("List Bullet", "List Number")]
    assert [p.text for p in listed][:4] == ["Valborg närmar sig", "Skolavslutning", "Boka lokal",
                                        "Skicka inbjudan"]
    for paragraph in listed:
        own = paragraph._p.pPr.numPr
        number = own.numId.val if own is not None else paragraph.style.element.pPr.numPr.numId.val
        numbering.num_having_numId(number)  # a list that exists
    assert doc.styles["List Bullet"].element.pPr.numPr.numId.val != "x"
