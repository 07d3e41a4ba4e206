"""What the tests of filed minutes share: export a record to Word (read back with python-docx)
or Markdown, and read the Word document back as paragraphs, tables and § sections.

Imported explicitly by the tests in tests/export/minutes (not a conftest).
"""

from __future__ import annotations

import io
from collections.abc import Iterator
from datetime import datetime

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph

from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.word import build_minutes
from meetingtui.model import MeetingRecord
from tests.export_fixtures import MUNICIPALITY


def export(record: MeetingRecord, *, public: bool = False) -> Document:
    out = io.BytesIO()
    build_minutes(record, public=public, municipality=MUNICIPALITY,
                  created=datetime(2026, 4, 15, 9, 30)).save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def md(record: MeetingRecord, *, public: bool = False) -> str:
    return build_minutes_md(record, public=public, municipality=MUNICIPALITY)


def blocks(doc: Document) -> Iterator[Paragraph | Table]:
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def texts(doc: Document) -> list[str]:
    return [p.text for p in doc.paragraphs]


def cell_texts(table: Table) -> list[str]:
    return [cell.text for row in table.rows for cell in row.cells]


def section(doc: Document, heading: str) -> list[Paragraph | Table]:
    """The blocks under a `Heading 2` up to the next one (or the signature block)."""
    found: list[Paragraph | Table] = []
    inside = False
    for block in blocks(doc):
        if isinstance(block, Paragraph) and block.text.startswith(
                ("Vid protokollet", "Vid anteckningarna")):
            break
        if isinstance(block, Paragraph) and block.style.name == "Heading 2":
            if inside:
                break
            inside = block.text.split(" SEKRETESS")[0] == heading
        elif inside:
            found.append(block)
    assert inside or found, f"no section {heading!r}"
    return found


def describe(block: Paragraph | Table) -> str:
    return "table" if isinstance(block, Table) else block.text
