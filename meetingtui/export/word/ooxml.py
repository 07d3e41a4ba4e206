"""Fast paths around python-docx for the calls an export makes thousands of times.

python-docx resolves a style name with an XPath search over every style on each
``paragraph.style = name`` and builds each run through several generic layers; in a large
meeting's minutes those two were most of the time. These helpers produce the same XML.
"""

from __future__ import annotations

import weakref
from typing import cast

from docx.document import Document
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.parts.document import DocumentPart
from docx.shared import StoryChild
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from meetingtui.export.clean import word_text

#: Style name → id, per document: a municipality's Word template has ids of its own (Swedish
#: Word calls Heading 2 "Rubrik2"), so no id is taken from another document.
_STYLE_IDS: weakref.WeakKeyDictionary[DocumentPart, dict[str, str]] = (
    weakref.WeakKeyDictionary())


def style_id(child: StoryChild, name: str) -> str:
    """The id of the style called ``name`` in ``child``'s document (looked up once per document:
    python-docx searches all styles with XPath on every ``paragraph.style = name``, most of an
    export's time); ``child`` is any paragraph or table of the document."""
    part = cast(DocumentPart, child.part)
    ids = _STYLE_IDS.get(part)
    if ids is None:
        ids = _STYLE_IDS[part] = {}
    found = ids.get(name)
    if found is None:
        found = ids[name] = str(part.styles[name].style_id)
    return found


def set_style_id(p: BaseOxmlElement, value: str) -> None:
    """<w:pPr><w:pStyle w:val=…/> straight in lxml: both are first children by the schema."""
    p_pr = p.find(qn("w:pPr"))
    if p_pr is None:
        p_pr = OxmlElement("w:pPr")
        p.insert(0, p_pr)
    p_style = p_pr.find(qn("w:pStyle"))
    if p_style is None:
        p_style = OxmlElement("w:pStyle")
        p_pr.insert(0, p_style)
    p_style.set(qn("w:val"), value)


def set_style(paragraph: Paragraph, name: str) -> None:
    """Give ``paragraph`` the style called ``name``, cheaply."""
    set_style_id(paragraph._p, style_id(paragraph, name))


def add_text(paragraph: Paragraph, text: str) -> Run:
    """``paragraph.add_run(text)`` built straight in lxml (python-docx's costs ~0.3 ms a run).

    ``text`` must be clean already; newlines become <w:br/> and tabs <w:tab/>, as in
    python-docx.
    """
    r = OxmlElement("w:r")
    for index, line in enumerate(text.split("\n")):
        if index:
            r.append(OxmlElement("w:br"))
        for part_index, part in enumerate(line.split("\t")):
            if part_index:
                r.append(OxmlElement("w:tab"))
            if part:
                t = OxmlElement("w:t")
                t.text = part
                if part != part.strip():
                    t.set(qn("xml:space"), "preserve")
                r.append(t)
    paragraph._p.append(r)
    return Run(r, paragraph)


def styled(parent: Document | _Cell, style: str | None = None, text: str = "") -> Paragraph:
    """A new paragraph at the end of ``parent`` with ``style`` and cleaned ``text``."""
    paragraph: Paragraph = parent.add_paragraph()
    if style is not None:
        set_style(paragraph, style)
    if text:
        add_text(paragraph, word_text(text))
    return paragraph
