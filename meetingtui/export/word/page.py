"""The page around the text: the header line and "Sida X av Y" in the footer, with Word fields.

In the built-in look each goes in the empty header or footer. With the municipality's Word
template (`word.template`) what a municipality expects: its letterhead stays as it is (the logo,
the office, the address), the minutes' line goes under the template's header content in every
header the document shows (the default one, the first page's, the even pages'), since a draft
or a public version must say so on every page; "Sida X av Y" goes under the footer's content,
unless the template numbers its pages itself (a PAGE field in any header or footer of its own),
in which case its numbering is the only one.

Imports python-docx: import this module only where a document is built.
"""

from __future__ import annotations

from collections.abc import Sequence

from docx.document import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.section import _Footer, _Header
from docx.shared import Cm, Length, Pt, Twips
from docx.text.paragraph import Paragraph

from meetingtui.export.clean import one_line, word_text
from meetingtui.export.word.layout import text_width_cm


def _field(paragraph: Paragraph, instruction: str, placeholder: str) -> None:
    """A Word field (PAGE, NUMPAGES …) with a placeholder result until the viewer updates it."""
    def fld_char(kind: str) -> BaseOxmlElement:
        el = OxmlElement("w:fldChar")
        el.set(qn("w:fldCharType"), kind)
        return el

    run = paragraph.add_run()
    run._r.append(fld_char("begin"))
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run = paragraph.add_run()
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(fld_char("separate"))
    paragraph.add_run(placeholder)
    run = paragraph.add_run()
    run._r.append(fld_char("end"))


def page_footer(doc: Document, prefix: str, of: str) -> None:
    """"Sida X av Y", centred, with PAGE and NUMPAGES fields, in every footer the document
    shows, under what a template's footer holds; none where a template numbers its pages
    itself (a PAGE field in a header or footer of its own)."""
    if _numbers_pages(doc):
        return
    for _, footer in _in_use(doc):
        paragraph = _free_line(footer, "Footer")
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        paragraph.add_run(word_text(prefix))
        _field(paragraph, "PAGE", "1")
        paragraph.add_run(word_text(of))
        _field(paragraph, "NUMPAGES", "1")
        for run in paragraph.runs:
            run.font.size = Pt(9)


def page_header(doc: Document, left: str, right: Sequence[str]) -> None:
    """The municipality on the left; document type, date (and "Offentlig version") on the right,
    in every header the document shows. A template's header (its logo, its address) stays, and
    this line goes under it: a draft or a public version says so on every page."""
    right_text = " · ".join(one_line(part) for part in right if one_line(part))
    for header, _ in _in_use(doc):
        under_letterhead = _has_content(header._element)
        paragraph = _free_line(header, "Header")
        if under_letterhead:  # a little air between the letterhead's header and the text
            paragraph.paragraph_format.space_after = Pt(6)
        tabs = paragraph.paragraph_format.tab_stops
        for inherited in _style_tabs(paragraph):  # the Header style's centre and right
            tabs.add_tab_stop(inherited, WD_TAB_ALIGNMENT.CLEAR)
        tabs.add_tab_stop(Cm(text_width_cm(doc)), WD_TAB_ALIGNMENT.RIGHT)
        run = paragraph.add_run(one_line(left))
        run.bold = True
        run.font.size = Pt(9)
        run = paragraph.add_run("\t" + right_text)
        run.font.size = Pt(9)


def _in_use(doc: Document) -> list[tuple[_Header, _Footer]]:
    """The headers and footers the (first) section shows: the default ones, and the first
    page's and the even pages' where a template asks for them."""
    section = doc.sections[0]
    pairs = [(section.header, section.footer)]
    if section.different_first_page_header_footer:
        pairs.append((section.first_page_header, section.first_page_footer))
    if doc.settings.odd_and_even_pages_header_footer:
        pairs.append((section.even_page_header, section.even_page_footer))
    return pairs


_CONTENT = tuple(qn(tag) for tag in ("w:drawing", "w:pict", "w:object", "w:fldSimple",
                                      "w:instrText", "w:tbl", "w:sdt"))


def _has_content(element: BaseOxmlElement) -> bool:
    """Text, a picture, a field or a table in ``element``."""
    return any(el.tag in _CONTENT or (el.tag == qn("w:t") and (el.text or "").strip())
               for el in element.iter())


def _free_line(story: _Header | _Footer, style: str) -> Paragraph:
    """The paragraph to write a header's or footer's line in: its only paragraph while it is
    empty (the built-in look); else a new one in ``style`` under the template's content (or
    the empty paragraph that ends it)."""
    element = story._element
    if not _has_content(element):
        paragraphs = story.paragraphs
        return paragraphs[0] if paragraphs else story.add_paragraph()
    last = element[-1] if len(element) else None
    if last is not None and last.tag == qn("w:p") and not _has_content(last):
        return Paragraph(last, story)
    return story.add_paragraph(style=style)  # python-docx: a header's part has no `styles`


def _numbers_pages(doc: Document) -> bool:
    """Whether a header or footer the document shows has a PAGE field of its own."""
    for pair in _in_use(doc):
        for story in pair:
            if story.is_linked_to_previous:  # none defined: nothing shown
                continue
            element = story._element
            codes = [el.get(qn("w:instr")) or "" for el in element.iter(qn("w:fldSimple"))]
            codes += [el.text or "" for el in element.iter(qn("w:instrText"))]
            if any(code.split()[:1] == ["PAGE"] for code in map(str.upper, codes)):
                return True
    return False


def _style_tabs(paragraph: Paragraph) -> list[Length]:
    """The tab stops ``paragraph`` has from its style and the styles that style is based on
    (read in lxml: python-docx's `tab_stops` would add an empty <w:pPr/> to each style)."""
    found: list[Length] = []
    style = paragraph.style
    tab = f"{qn('w:pPr')}/{qn('w:tabs')}/{qn('w:tab')}"
    while style is not None:
        found += [Twips(int(el.get(qn("w:pos")))) for el in style.element.iterfind(tab)
                  if el.get(qn("w:val")) != "clear"]
        style = style.base_style
    return found
