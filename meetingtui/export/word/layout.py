"""Page, fields, tables and properties for Word documents: the python-docx plumbing.

Imports python-docx at module level: import this module only where a document is built (the
CLI and the TUI import the exporters lazily). Every string handed in is cleaned here first.

A document starts in the built-in look (A4, Arial, black headings) or from the municipality's
Word template (`word.template`: its styles, page, headers and footers); widths follow the
document's own text width. The page header and footer are `word.page`'s.
"""

from __future__ import annotations

import copy
import re
import weakref
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from docx import Document as new_document
from docx.document import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.shared import Cm, Length, Pt, RGBColor, Twips
from docx.table import Table, _Cell, _Row
from docx.text.paragraph import Paragraph

from meetingtui.export.clean import one_line, word_text
from meetingtui.export.word import template as docx_template
from meetingtui.export.word.column_widths import column_widths
from meetingtui.export.word.ooxml import add_text, set_style_id, style_id, styled

TABLE_STYLE = "Table Grid"
HEADER_FILL = "D9E2F3"  # a light blue-grey behind table header rows
MARK_COLOUR = RGBColor(0xC0, 0x00, 0x00)  # SEKRETESS marks
TEXT_WIDTH_CM = 16.0  # A4 (21 cm) less 2 × 2.5 cm margins
FONT = "Arial"  # what most Swedish municipal templates use; Liberation Sans/DejaVu elsewhere
TABLE_FONT_SIZE = Pt(9.5)
TABLE_TEXT = "Tabelltext"  # a paragraph style for text in tables (9.5 pt, tight)
_HEADINGS = ("Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3")
#: Every style the exports use (`minutes.notes_word` the lists and Quote): a municipality's template
#: that lacks one gets the built-in one.
USED_STYLES = (
    "Normal", "Header", "Footer", *_HEADINGS, "Quote", TABLE_STYLE, TABLE_TEXT,
    *(f"{kind}{level}" for kind in ("List Bullet", "List Number", "List Continue")
      for level in ("", " 2", " 3")),
)


def a4_document(language: str, template: Path | None = None) -> Document:
    """A new, empty document with proofing language ``language`` (sv-SE …): in the built-in
    look (A4 portrait, 2.5 cm margins, Arial) or, given ``template`` (the municipality's .docx
    or .dotx), in the template's (`word.template`; raises `WordTemplateError` when it cannot be
    used)."""
    doc = _builtin()
    if template is not None:
        doc = docx_template.from_template(template, doc, USED_STYLES)
    _proofing(doc, language)
    return doc


def _builtin() -> Document:
    doc = new_document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Twips(11906), Twips(16838)  # A4 as Word has it
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(2.5))
    section.header_distance = section.footer_distance = Cm(1.25)
    normal = doc.styles["Normal"]
    normal.font.size = Pt(11)
    _sober(doc)
    table_text = doc.styles.add_style(TABLE_TEXT, WD_STYLE_TYPE.PARAGRAPH)
    table_text.base_style = normal
    table_text.font.size = TABLE_FONT_SIZE
    table_text.paragraph_format.space_after = Pt(1)
    table_text.quick_style = True
    return doc


def _proofing(doc: Document, language: str) -> None:
    """Normal's <w:lang w:val=…>: what Word checks the spelling in."""
    r_pr = doc.styles["Normal"].element.get_or_add_rPr()
    lang = r_pr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        r_pr.insert_element_before(lang, "w:eastAsianLayout", "w:specVanish", "w:oMath")
    lang.set(qn("w:val"), language)


def text_width_cm(doc: Document) -> float:
    """The width between the margins of the document's (last) section, in cm."""
    section = doc.sections[-1]
    parts = (section.page_width, section.left_margin, section.right_margin)
    if any(part is None for part in parts):
        return TEXT_WIDTH_CM
    width, left, right = (Length(part or 0) for part in parts)
    return round(float(Length(width - left - right).cm), 2)


def _sober(doc: Document) -> None:
    """One plain font everywhere and black headings, as municipal records look."""
    for name in ("Normal", *_HEADINGS):
        style = doc.styles[name]
        fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
        for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
            fonts.attrib.pop(qn(f"w:{attr}"), None)
        for attr in ("ascii", "hAnsi", "cs", "eastAsia"):
            fonts.set(qn(f"w:{attr}"), FONT)
        if name != "Normal":
            style.font.color.rgb = RGBColor(0, 0, 0)
    doc.styles["Title"].font.size = Pt(24)
    doc.styles["Heading 1"].font.size = Pt(15)
    doc.styles["Heading 2"].font.size = Pt(13)
    doc.styles["Heading 2"].paragraph_format.space_before = Pt(14)
    doc.styles["Heading 3"].font.size = Pt(11)


def set_properties(doc: Document, *, title: str, author: str, subject: str,
                   language: str, created: datetime) -> None:
    props = doc.core_properties
    props.title = one_line(title)
    props.author = one_line(author)
    props.last_modified_by = one_line(author)
    props.subject = one_line(subject)
    props.language = language
    props.created = props.modified = created
    props.comments = ""
    props.keywords = ""
    package = doc.part.package
    for r_id, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:  # python-docx's template ships a preview of itself
            del package.rels[r_id]


def heading(doc: Document, text: str, level: int) -> Paragraph:
    """``doc.add_heading(text, level)`` without python-docx's search of every style by name
    (a few milliseconds a heading: one per owner in an action list)."""
    return styled(doc, "Title" if level == 0 else f"Heading {level}", text)


def mark(paragraph: Paragraph, text: str) -> None:
    """A visible red, bold mark (SEKRETESS) in ``paragraph``.

    The run's <w:rPr><w:b/><w:color/></w:rPr> is made in lxml: python-docx's `bold` and
    `font.color` took a millisecond a mark, a third of a 2,000-row action list's time."""
    run = add_text(paragraph, one_line(text))
    r_pr = OxmlElement("w:rPr")
    r_pr.append(OxmlElement("w:b"))
    color = OxmlElement("w:color")
    color.set(qn("w:val"), str(MARK_COLOUR))
    r_pr.append(color)
    run._r.insert(0, r_pr)


def _repeat_header(table: Table) -> None:
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr_pr.append(header)


def _shade(cell: _Cell, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _no_split(row_tr: CT_Row) -> None:
    tr_pr = row_tr.get_or_add_trPr()
    tr_pr.append(OxmlElement("w:cantSplit"))


def fitted_widths(preferred: Sequence[float], headers: Sequence[str],
                  rows: Sequence[Sequence[str]], marks: Sequence[str] = (),
                  total: float = TEXT_WIDTH_CM) -> list[float]:
    """Column widths (cm) for a data table that fill the text width ``total`` (`text_width_cm`),
    each column at least as wide as the longest word in it at the table's font size
    (`column_widths.fit`): ``rows`` are the texts of its cells, ``marks`` bold texts that may
    stand in a column ("" for none)."""
    columns = [[row[i] for row in rows if i < len(row)] for i in range(len(headers))]
    return column_widths(preferred, columns, [one_line(h) for h in headers],
                         [[mark] if mark else [] for mark in marks],
                         size_pt=TABLE_FONT_SIZE.pt, total=total)


def data_table(doc: Document, headers: Sequence[str], widths_cm: Sequence[float]) -> Table:
    """A table in the grid style with a bold, shaded header row repeated on every page, its
    columns ``widths_cm`` wide, in proportion where they do not add up to the text width (a
    template's margins)."""
    width = text_width_cm(doc)
    if abs(sum(widths_cm) - width) > 0.05:
        widths_cm = [w * width / sum(widths_cm) for w in widths_cm]
    table: Table = doc.add_table(rows=1, cols=len(headers))
    table._tbl.tblPr.style = style_id(table, TABLE_STYLE)  # `table.style =` searches all styles
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths_cm, strict=True):
        column.width = Cm(width)
    for cell, text, width in zip(table.rows[0].cells, headers, widths_cm, strict=True):
        cell.width = Cm(width)
        run = cell.paragraphs[0].add_run(one_line(text))
        run.bold = True
        _shade(cell, HEADER_FILL)
    _repeat_header(table)
    _no_split(table.rows[0]._tr)
    return table


_EMPTY_ROWS: weakref.WeakKeyDictionary[Table, CT_Row] = weakref.WeakKeyDictionary()


def add_row(table: Table, values: Sequence[str]) -> list[_Cell]:
    """Append a row and fill it (never ``table.cell(r, c)``: that is quadratic).

    The first row is made by python-docx (cell widths, no page break inside the row, table
    text style); later rows are copies of it while still empty, which is many times faster.
    """
    empty = _EMPTY_ROWS.get(table)
    if empty is None:
        row = table.add_row()  # type: ignore[no-untyped-call]
        _no_split(row._tr)
        for p in row._tr.iter(qn("w:p")):
            set_style_id(p, style_id(row.cells[0].paragraphs[0], TABLE_TEXT))
        _EMPTY_ROWS[table] = copy.deepcopy(row._tr)
    else:
        tr = copy.deepcopy(empty)
        table._tbl.append(tr)
        row = _Row(tr, table)
    # Straight from the row's <w:tc> elements: `row.cells` works out merged cells with XPath
    # on every call (these rows have none), which cost more than filling them.
    cells = [_Cell(tc, table) for tc in row._tr.iterchildren(qn("w:tc"))]
    for cell, value in zip(cells, values, strict=False):
        text = word_text(value).strip()
        if text:
            add_text(Paragraph(cell._tc.find(qn("w:p")), cell), text)
    return cells


def finish_table(table: Table) -> None:
    """Table text (small, tight) in every cell's paragraphs that have no style of their own;
    list paragraphs keep their style and get the small size on their runs. Call once filled."""
    plain = style_id(table.rows[0].cells[0].paragraphs[0], TABLE_TEXT)
    for p in table._tbl.iter(qn("w:p")):
        p_style = p.find(f"{qn('w:pPr')}/{qn('w:pStyle')}")
        if p_style is None:
            set_style_id(p, plain)
        elif p_style.get(qn("w:val")) != plain:
            for run in Paragraph(p, table).runs:
                run.font.size = TABLE_FONT_SIZE


_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def keep_dates_whole(doc: Document) -> None:
    """An ISO date never breaks at its hyphens ("beslutad 2026-10-" / "13"): in the body's text,
    each hyphen of a date becomes Word's non-breaking hyphen (python-docx reads it back as "-")."""
    for t in list(doc.element.body.iter(qn("w:t"))):
        text = t.text or ""
        if _DATE.search(text) is None:
            continue
        pieces: list[str | None] = []  # None: a non-breaking hyphen
        last = 0
        for date in _DATE.finditer(text):
            year, month, day = date.groups()
            pieces += [text[last:date.start()] + year, None, month, None, day]
            last = date.end()
        pieces[-1] = f"{pieces[-1]}{text[last:]}"
        for piece in pieces:
            if piece is None:
                t.addprevious(OxmlElement("w:noBreakHyphen"))
            elif piece:
                part = OxmlElement("w:t")
                part.set(qn("xml:space"), "preserve")
                part.text = piece
                t.addprevious(part)
        t.getparent().remove(t)


def space_after_tables(doc: Document) -> None:
    """A paragraph straight after a table gets a little room above it: Word gives it none, and
    a line such as "Status när mötet avslutades." read as the table's last row."""
    from docx.text.paragraph import Paragraph

    for table in doc.element.body.iterchildren(qn("w:tbl")):
        following = table.getnext()
        if following is None or following.tag != qn("w:p"):
            continue
        paragraph = Paragraph(following, doc._body)
        if paragraph.style is not None and paragraph.style.name.startswith("Heading"):
            continue  # its style gives it room
        if paragraph.paragraph_format.space_before is None:
            paragraph.paragraph_format.space_before = Pt(8)


def info_table(doc: Document, rows: Sequence[tuple[str, Sequence[str]]]) -> Table:
    """The header block: bold labels on the left, one line per value on the right, no borders."""
    table: Table = doc.add_table(rows=0, cols=2)
    table.autofit = False
    widths = (Cm(3.5), Cm(text_width_cm(doc) - 3.5))
    for column, width in zip(table.columns, widths, strict=True):
        column.width = width
    for label, values in rows:
        lines = [one_line(value) for value in values if one_line(value)]
        if not lines:
            continue
        row = table.add_row()  # type: ignore[no-untyped-call]
        label_cell, value_cell = row.cells
        label_cell.width, value_cell.width = widths
        label_cell.paragraphs[0].add_run(one_line(label)).bold = True
        value_cell.paragraphs[0].add_run("\n".join(lines))
        for cell in (label_cell, value_cell):
            cell.paragraphs[0].paragraph_format.space_after = Pt(4)
    return table


def signature_line(cell: _Cell, caption: str, name: str) -> None:
    """A line to sign on, with the name and role under it, never split by a page break (a line
    at the foot of one page and the name it is for at the top of the next)."""
    row = cell._tc.getparent()  # both cells of a row sign: the row is marked once
    if row is not None and row.find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None:
        _no_split(row)
    paragraph = cell.paragraphs[0]
    paragraph.paragraph_format.space_before = Pt(30)
    paragraph.paragraph_format.keep_with_next = True
    paragraph.add_run("_" * 32)
    below = cell.add_paragraph()
    below.paragraph_format.keep_with_next = True
    below.add_run(one_line(name) or " ")
    caption_par = cell.add_paragraph()
    caption_run = caption_par.add_run(one_line(caption))
    caption_run.italic = True
    caption_run.font.size = Pt(9)
