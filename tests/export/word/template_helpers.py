"""The municipality's Word templates the tests of `export.word.template` start from, made with
python-docx (a logo drawn as a PNG here): a letterhead, a "sparse" one as Word saves it (only the
styles it uses, Swedish style ids, no numbering) and the same as a .dotx; the meeting whose
minutes they shape, and ways to read what an export shows.
"""

from __future__ import annotations

import io
import struct
import zipfile
import zlib
from datetime import date, datetime, time
from pathlib import Path

import docx
from click.testing import CliRunner, Result
from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.export.word.layout import TABLE_TEXT
from meetingtui.export.word.template import TEMPLATE_MAIN
from meetingtui.model import Measure, Observation
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.settings import set_municipality
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock

FONT = "Garamond"
LETTERHEAD = "Exempelkommun – Kommunledningsförvaltningen"
ADDRESS = "Storgatan 1, 123 45 Exempelstad · 0123-45 67 00"
TEMPLATE_BODY = "Mallens exempeltext, som inte hör till protokollet"
NOTES = "Ordföranden hälsade **alla** välkomna.\n\n- Valborg närmar sig\n- Skolavslutning\n\n" \
        "1. Boka lokal\n2. Skicka inbjudan"


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


def run(ws: Workspace, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(ws.locations.db), "--exports",
                                     str(ws.locations.exports), *args], catch_exceptions=False)

