"""The municipality's own Word template (issue 14 §4): minutes and action lists start from its
document — styles, page, a header with the logo, a footer with the address — and the built-in
styles fill in what it lacks; without one the built-in look is unchanged; a template that cannot
be used is one line naming the file, in Swedish or English, and nothing is written.

Every template here is made in the test with python-docx (a logo drawn as a PNG in the test);
"sparse" is one as Word saves it: only the styles it uses, Swedish style ids, no numbering.
"""

from __future__ import annotations

import hashlib
import io
import shutil
import struct
import subprocess
import zipfile
import zlib
from collections.abc import Iterator
from datetime import date, datetime, time
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner, Result
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.export.word.layout import TABLE_TEXT, USED_STYLES
from meetingtui.export.word.template import TEMPLATE_MAIN, WordTemplateError
from meetingtui.i18n import catalogue
from meetingtui.model import Measure, Observation
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.settings import set_municipality, set_word_template, word_template
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.conftest import Clock

FONT = "Garamond"
LETTERHEAD = "Exempelkommun – Kommunledningsförvaltningen"
ADDRESS = "Storgatan 1, 123 45 Exempelstad · 0123-45 67 00"
TEMPLATE_BODY = "Mallens exempeltext, som inte hör till protokollet"
NOTES = "Ordföranden hälsade **alla** välkomna.\n\n- Valborg närmar sig\n- Skolavslutning\n\n" \
        "1. Boka lokal\n2. Skicka inbjudan"
PROBLEMS = ("missing", "unreadable", "doc", "macros", "invalid")


def png(width: int = 40, height: int = 20, rgb: tuple[int, int, int] = (0x1F, 0x4E, 0x79)) -> bytes:
    """A one-colour PNG: the municipality's logo."""
    raw = b"".join(b"\x00" + bytes(rgb) * width for _ in range(height))

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data) & 0xFFFFFFFF
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw))
            + chunk(b"IEND", b""))


LOGO = png()


def make_template(path: Path, *, page_field: bool = False, first_page: bool = False,
                  comment: bool = False, letterhead_text: str = LETTERHEAD) -> Path:
    """A letterhead: the logo and the office in the header, the address in the footer, Garamond
    12 pt, a "Protokoll" heading style, A4 with 2 cm side margins, and body text (and a picture)
    that the minutes must not carry."""
    doc = docx.Document()
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(12)
    protokoll = doc.styles.add_style("Protokoll", WD_STYLE_TYPE.PARAGRAPH)
    protokoll.base_style = normal
    protokoll.font.size = Pt(20)
    protokoll.font.bold = True
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21), Cm(29.7)
    section.left_margin = section.right_margin = Cm(2)
    letterhead = section.header.paragraphs[0]
    letterhead.add_run().add_picture(io.BytesIO(LOGO), width=Cm(3))
    letterhead.add_run(f"  {letterhead_text}")
    footer = section.footer.paragraphs[0]
    footer.text = ADDRESS
    if page_field:  # "Sida {PAGE}" in the template's own header
        field = docx.oxml.parse_xml(
            f'<w:fldSimple {docx.oxml.ns.nsdecls("w")} w:instr=" PAGE "><w:r><w:t>1</w:t></w:r>'
            "</w:fldSimple>")
        page = section.header.add_paragraph("Sida ")
        page._p.append(field)
    if first_page:
        section.different_first_page_header_footer = True
        section.first_page_header.paragraphs[0].text = "Första sidans brevhuvud"
    doc.add_paragraph("PROTOKOLL", style="Protokoll")
    body = doc.add_paragraph(TEMPLATE_BODY)
    if comment:
        doc.add_comment(body.runs, text="Skriv här", author="Mallansvarig")
    doc.add_picture(io.BytesIO(png(10, 10, (255, 0, 0))))
    doc.save(str(path))
    return path


SPARSE_DROPPED = {"heading 2", "heading 3", "Title", "Subtitle", "Quote", "Table Grid",
                  "header", "footer", TABLE_TEXT} | {
    f"{kind}{level}" for kind in ("List Bullet", "List Number", "List Continue")
    for level in ("", " 2", " 3")}


def make_sparse(path: Path) -> Path:
    """As Word saves a template: only the styles it uses (no Heading 2, lists, table grid …),
    Heading 1 under Swedish Word's id "Rubrik1" and its name spelt "Heading 1", no numbering."""
    make_template(path)
    doc = docx.Document(str(path))
    styles = doc.styles.element
    for style in styles.findall(qn("w:style")):
        name = style.find(qn("w:name"))
        if name.get(qn("w:val")) in SPARSE_DROPPED:
            styles.remove(style)
        elif name.get(qn("w:val")) == "heading 1":
            style.set(qn("w:styleId"), "Rubrik1")
            name.set(qn("w:val"), "Heading 1")
    for r_id, rel in list(doc.part.rels.items()):
        if rel.reltype == RT.NUMBERING:
            del doc.part.rels[r_id]
    doc.save(str(path))
    return path


def as_dotx(docx_path: Path, dotx_path: Path) -> Path:
    """The same package declared a Word template (.dotx), as Word saves one."""
    with zipfile.ZipFile(docx_path) as source, zipfile.ZipFile(dotx_path, "w") as target:
        for info in source.infolist():
            data = source.read(info)
            if info.filename == "[Content_Types].xml":
                data = data.replace(
                    b"application/vnd.openxmlformats-officedocument.wordprocessingml."
                    b"document.main+xml", TEMPLATE_MAIN.encode())
            target.writestr(info, data)
    return dotx_path


def minutes_meeting(ws: Workspace, clock: Clock) -> int:
    """An EST meeting with notes in Markdown (a list, a numbered list), an observation and a
    measure: headings, lists and tables in the minutes."""
    set_municipality(ws, "Exempelkommun")
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "EST")
    assert est is not None and est.id is not None
    clock.now = datetime.combine(date(2026, 11, 10), time(13, 0))
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10), place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    first = meetings.items(ws, meeting.id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes=NOTES, decision="Mötet öppnas.")
    obs = lagesbild.save_observation(ws, Observation(
        meeting_id=meeting.id, area="Centrum", category="Klotter",
        description="Klotter på busskuren vid torget"))
    assert obs.id is not None
    lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, observation_id=obs.id,
                                       text="Sanera klottret", owner="Anna Berg",
                                       owner_org="Tekniska förvaltningen",
                                       due=date(2026, 11, 30)))
    return meeting.id


@pytest.fixture
def meeting(ws: Workspace, clock: Clock) -> int:
    return minutes_meeting(ws, clock)


def export(ws: Workspace, meeting_id: int, name: str) -> Document:
    path = ws.locations.exports / name
    export_minutes(ws, meeting_id, path=path)
    return docx.Document(str(path))


def header_text(story: object) -> str:
    return "\n".join(p.text for p in story.paragraphs)  # type: ignore[attr-defined]


def image_parts(doc: Document) -> list[bytes]:
    return [part.blob for part in doc.part.package.iter_parts()
            if part.partname.startswith("/word/media/")]


def styles_that_exist(doc: Document) -> set[str]:
    return {str(s.get(qn("w:styleId"))) for s in doc.styles.element.findall(qn("w:style"))}


def referenced_styles(doc: Document) -> set[str]:
    """Every style id the body, headers and footers name."""
    elements = [doc.element, *(rel.target_part.element for rel in doc.part.rels.values()
                               if rel.reltype in (RT.HEADER, RT.FOOTER))]
    return {str(ref.get(qn("w:val"))) for element in elements
            for tag in ("w:pStyle", "w:rStyle", "w:tblStyle") for ref in element.iter(qn(tag))}


def body_styles(doc: Document) -> set[str]:
    return {p.style.name for p in doc.paragraphs if p.style is not None}


def has_field(story: object, code: str) -> bool:
    element = story._element  # type: ignore[attr-defined]
    codes = [el.get(qn("w:instr")) or "" for el in element.iter(qn("w:fldSimple"))]
    codes += [el.text or "" for el in element.iter(qn("w:instrText"))]
    return any(c.split()[:1] == [code] for c in codes)


# --- the minutes from the template ---------------------------------------------------------------

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


# --- the action list -----------------------------------------------------------------------------

def run(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(ws.locations.db), "--exports",
                                     str(ws.locations.exports), *args], catch_exceptions=False)


def test_the_docx_action_list_starts_from_the_template(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    target = tmp_path / "lista.docx"
    result = run(ws, "actions", "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(target))
    header = doc.sections[0].header
    assert image_parts(doc) == [LOGO] and LETTERHEAD in header_text(header)
    assert "Åtgärdslista" in header_text(header).splitlines()[-1]
    assert ADDRESS in header_text(doc.sections[0].footer)
    assert doc.styles["Normal"].font.name == FONT
    assert "Anna Berg" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    table = doc.tables[0]
    assert sum(c.width.cm for c in table.rows[0].cells) == pytest.approx(17.0, abs=0.05)
    assert referenced_styles(doc) <= styles_that_exist(doc)


# --- templates that cannot be used ---------------------------------------------------------------

def broken(tmp_path: Path, problem: str) -> Path:
    """A template that fails in the way ``problem`` names."""
    if problem == "missing":
        return tmp_path / "finns-inte.dotx"
    if problem == "unreadable":
        folder = tmp_path / "en-mapp.docx"
        folder.mkdir()
        return folder
    if problem == "doc":  # a Word 97–2003 file begins with the OLE2 signature
        path = tmp_path / "gammal.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        return path
    if problem == "macros":
        path = tmp_path / "makro.dotm"
        with zipfile.ZipFile(as_dotx(make_template(tmp_path / "m.docx"), tmp_path / "m.dotx")) \
                as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(TEMPLATE_MAIN.encode(), b"application/vnd.ms-word."
                                        b"template.macroEnabledTemplate.main+xml")
                target.writestr(info, data)
        return path
    path = tmp_path / "inte-word.docx"
    path.write_text("Det här är ingen Word-fil.\n", encoding="utf-8")
    return path


INVALID = {
    "text": lambda p: p.write_text("inget Word-dokument", encoding="utf-8"),
    "empty": lambda p: p.write_bytes(b""),
    "zip-without-word": lambda p: zipfile.ZipFile(p, "w").writestr("hej.txt", "hej"),
    "truncated": lambda p: p.write_bytes(make_template(p.with_name("hel.docx")).read_bytes()[:900]),
    "workbook": lambda p: _workbook(p),
    "page-size": lambda p: _unreadable_page(p),
}


def _unreadable_page(path: Path) -> None:
    """A Word document whose page width is no number."""
    doc = docx.Document(str(make_template(path)))
    doc.sections[0]._sectPr.find(qn("w:pgSz")).set(qn("w:w"), "bred")
    doc.save(str(path))


def _workbook(path: Path) -> None:
    """An Office package that is not a Word document (a spreadsheet's content type)."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'))
        package.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        package.writestr("xl/workbook.xml", "<workbook/>")


@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_template_that_cannot_be_used_is_refused_and_nothing_is_written(
        ws: Workspace, meeting: int, tmp_path: Path, problem: str) -> None:
    template = broken(tmp_path, problem)
    set_word_template(ws, template)
    target = ws.locations.exports / "est" / "protokoll.docx"
    with pytest.raises(WordTemplateError) as refused:
        export_minutes(ws, meeting, path=target)
    error = refused.value
    assert (error.reason, error.problem, error.path) == ("word_template", problem, template)
    assert error.key == f"export.word_template_{problem}"
    assert str(template) in str(error) and "\n" not in str(error)
    assert not ws.locations.exports.exists(), "not even the exports folder"

    for lang, words in (("sv", "Word-mallen"), ("en", "Word template")):
        cli = run(ws, "--lang", lang, "export", str(meeting))
        line = one_line_error(cli)
        assert str(template) in line and words in line
        cli = run(ws, "--lang", lang, "actions", "--format", "docx")
        line = one_line_error(cli)
        assert str(template) in line and words in line
    assert not ws.locations.exports.exists()


@pytest.mark.parametrize("make", list(INVALID.values()), ids=list(INVALID))
def test_a_damaged_or_foreign_file_is_not_a_word_document(
        ws: Workspace, meeting: int, tmp_path: Path, make: object) -> None:
    template = tmp_path / "mall.docx"
    make(template)  # type: ignore[operator]
    set_word_template(ws, template)
    with pytest.raises(WordTemplateError) as refused:
        export_minutes(ws, meeting, path=tmp_path / "ut.docx")
    assert refused.value.problem == "invalid"
    assert not (tmp_path / "ut.docx").exists()


def test_the_other_formats_never_read_the_template(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, tmp_path / "finns-inte.docx")
    written = export_minutes(ws, meeting, fmt="md", path=tmp_path / "protokoll.md")
    assert "Mötets öppnande" in written.path.read_text(encoding="utf-8")
    for fmt in ("table", "csv", "md", "json", "ics"):
        result = run(ws, "actions", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
        assert "Sanera klottret" in result.stdout


def test_every_problem_is_worded_in_both_languages() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    for problem in PROBLEMS:
        key = f"export.word_template_{problem}"
        assert key in sv and key in en
        assert "{path}" in sv[key] and "{path}" in en[key]
        assert ("{detail}" in sv[key]) == ("{detail}" in en[key]) == (problem == "unreadable")


# --- as LibreOffice shows it ---------------------------------------------------------------------

@pytest.fixture
def soffice_profile(tmp_path: Path) -> Iterator[str]:
    missing = [t for t in ("soffice", "pdftotext", "pdfimages") if shutil.which(t) is None]
    assert not missing, f"missing {missing}: apt-get install libreoffice-writer-nogui poppler-utils"
    yield (tmp_path / "lo-profile").as_uri()


def test_libreoffice_shows_the_logo_and_the_letterhead_on_every_page(
        ws: Workspace, meeting: int, tmp_path: Path, soffice_profile: str) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    path = ws.locations.exports / "mall.docx"
    export_minutes(ws, meeting, path=path)
    subprocess.run(["soffice", f"-env:UserInstallation={soffice_profile}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=120, check=True)
    pdf = tmp_path / "mall.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert LETTERHEAD in page and "Exempelkommun" in page
        assert f"Sida {number} av {len(pages)}" in page and ADDRESS in page
    assert "§ 1 Mötets öppnande" in pages[0]
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             timeout=60, check=True).stdout.splitlines()[2:]
    assert sorted({int(line.split()[0]) for line in listing}) == list(range(1, len(pages) + 1))
