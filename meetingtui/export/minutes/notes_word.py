"""Markdown notes as Word paragraphs and runs, through markdown-it-py tokens.

Bold, italic and struck-through text become run formatting; bullet and numbered lists use the
built-in list styles (each numbered list restarts at its own first number); a line break typed in
a note stays a line break; headings inside a note become bold paragraphs (the § headings own the
outline); code keeps a monospace font; HTML is shown as typed, never interpreted. No asterisks or
other Markdown marks reach the document.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from typing import cast

from docx.document import Document
from docx.parts.document import DocumentPart
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from markdown_it import MarkdownIt
from markdown_it.token import Token

from meetingtui.export.clean import word_text
from meetingtui.export.word.ooxml import add_text, set_style, styled

Parent = Document | _Cell
MONOSPACE = "Courier New"
_MAX_LEVEL = 3  # the built-in list styles go to "List Bullet 3" / "List Number 3"


@cache
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark", {"breaks": True, "html": False}).enable("strikethrough")


@dataclass
class _List:
    ordered: bool
    start: int
    num_id: int | None = None  # the numbering instance that restarts this list


@dataclass
class _Writer:
    parent: Parent
    base_style: str | None = None  # for plain paragraphs (e.g. table text in a cell)
    paragraphs: list[Paragraph] = field(default_factory=list)
    lists: list[_List] = field(default_factory=list)
    item_first: bool = False  # the next paragraph opens a list item
    quote: int = 0
    heading: bool = False

    def new_paragraph(self) -> Paragraph:
        style = self._style()
        if (not self.paragraphs and isinstance(self.parent, _Cell)
                and len(self.parent.paragraphs) == 1 and not self.parent.paragraphs[0].runs):
            paragraph: Paragraph = self.parent.paragraphs[0]  # a fresh cell's own empty paragraph
            if style is not None:
                set_style(paragraph, style)
        else:
            paragraph = styled(self.parent, style)
        if self.lists and self.item_first and self.lists[-1].ordered:
            _number(paragraph, self.lists[-1], self._style() or "List Number")
        self.item_first = False
        self.paragraphs.append(paragraph)
        return paragraph

    def _style(self) -> str | None:
        if self.lists:
            level = min(len(self.lists), _MAX_LEVEL)
            suffix = "" if level == 1 else f" {level}"
            if not self.item_first:
                return f"List Continue{suffix}"
            return ("List Number" if self.lists[-1].ordered else "List Bullet") + suffix
        return "Quote" if self.quote else self.base_style


def _number(paragraph: Paragraph, current: _List, style_name: str) -> None:
    """Point ``paragraph`` at this list's own numbering, so each list starts at its first number."""
    if current.num_id is None:
        part = cast(DocumentPart, paragraph.part)
        numbering = part.numbering_part.element
        style_num = part.styles[style_name].element.pPr.numPr.numId.val
        abstract_id = numbering.num_having_numId(style_num).abstractNumId.val
        num = numbering.add_num(abstract_id)
        num.add_lvlOverride(ilvl=0).add_startOverride(current.start)
        current.num_id = int(num.numId)
    num_pr = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    num_pr.get_or_add_ilvl().val = 0
    num_pr.get_or_add_numId().val = current.num_id


def _inline(paragraph: Paragraph, children: list[Token], *, bold: bool = False) -> None:
    strong = em = strike = 0
    href: str | None = None
    link_text = ""

    def put(text: str, *, code: bool = False) -> None:
        if not text:
            return
        run = add_text(paragraph, word_text(text))
        if strong or bold:
            run.bold = True
        if em:
            run.italic = True
        if strike:
            run.font.strike = True
        if code:
            run.font.name = MONOSPACE

    for child in children:
        kind = child.type
        if kind in ("text", "text_special", "html_inline"):
            put(child.content)
            if href is not None:
                link_text += child.content
        elif kind in ("softbreak", "hardbreak"):
            paragraph.add_run().add_break()
        elif kind == "code_inline":
            put(child.content, code=True)
        elif kind in ("strong_open", "strong_close"):
            strong += 1 if kind.endswith("open") else -1
        elif kind in ("em_open", "em_close"):
            em += 1 if kind.endswith("open") else -1
        elif kind in ("s_open", "s_close"):
            strike += 1 if kind.endswith("open") else -1
        elif kind == "link_open":
            href, link_text = str(child.attrGet("href") or ""), ""
        elif kind == "link_close":
            if href and href not in (link_text, f"mailto:{link_text}"):
                put(f" ({href})")
            href = None
        elif kind == "image":
            put(child.content or str(child.attrGet("alt") or ""))


def add_markdown(parent: Parent, text: str, *, style: str | None = None) -> list[Paragraph]:
    """Render Markdown ``text`` into ``parent`` (the document or a table cell); the new paragraphs.

    Plain paragraphs get ``style`` (Normal when None); lists, quotes keep their own styles.
    Nothing is added for text that is empty once cleaned.
    """
    cleaned = word_text(text)
    if not cleaned.strip():
        return []
    writer = _Writer(parent, style)
    for token in _parser().parse(cleaned):
        kind = token.type
        if kind in ("bullet_list_open", "ordered_list_open"):
            start = int(token.attrGet("start") or 1) if kind.startswith("ordered") else 1
            writer.lists.append(_List(ordered=kind.startswith("ordered"), start=start))
        elif kind in ("bullet_list_close", "ordered_list_close"):
            writer.lists.pop()
        elif kind == "list_item_open":
            writer.item_first = True
        elif kind == "blockquote_open":
            writer.quote += 1
        elif kind == "blockquote_close":
            writer.quote -= 1
        elif kind == "heading_open":
            writer.heading = True
        elif kind == "inline":
            if any(c.content.strip() or c.type == "image" for c in token.children or []):
                _inline(writer.new_paragraph(), token.children or [], bold=writer.heading)
            writer.heading = False
        elif kind in ("fence", "code_block"):
            code = token.content.rstrip("\n")
            if code.strip():
                run = writer.new_paragraph().add_run(code)
                run.font.name = MONOSPACE
    if not writer.paragraphs:
        # Markup with nothing inside ("7)" is an empty numbered item, "#" an empty heading):
        # what was typed is still what the minutes say, so it is shown as typed.
        add_text(writer.new_paragraph(), cleaned.strip())
    return writer.paragraphs
