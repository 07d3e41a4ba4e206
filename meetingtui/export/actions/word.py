"""The action list as a Word document, ready to e-mail: a heading per owner, the owners one
after another (65 measures of 18 owners were 18 mostly empty pages when each had a page), or
one section (page) per owner when asked, to hand each their page.

Each owner's part has the owner as Heading 1, their organisation and a count, then a table
Nr · Åtgärd · Grupp · Möte · Klart senast · Status in which an overdue measure says "Försenad"
and each measure has, under its words, its kind of prevention and the causes it addresses.
It starts from the municipality's Word template when one is set (`ActionList.word_template`;
`word.template` and `word.page` say what is kept and what is added), else in the built-in look.
Imports python-docx (through `word.layout`): import this module only when a docx is made.
"""

from __future__ import annotations

from datetime import datetime
from typing import BinaryIO

from docx.document import Document
from docx.enum.section import WD_SECTION

from meetingtui.export.actions.common import (
    CONFIDENTIAL,
    HEAD,
    NONE_FOUND,
    TITLE,
    below,
    count_text,
    due_text,
    filter_summary,
    kind_text,
    owner_orgs,
    sections,
    status_word,
    subtitle,
)
from meetingtui.export.clean import one_line
from meetingtui.export.word import layout, page
from meetingtui.services.actions import ActionList, ActionRow

COLUMNS = ("id", "text", "group", "meeting", "due", "status")
#: As wide as the writer would like them (the 16 cm between the margins): `fitted_widths` gives
#: each at least its longest word ("Styrgruppen", "Klart senast") so that none is broken.
WIDTHS_CM = (1.1, 6.4, 1.6, 2.2, 2.2, 2.5)


def build_docx(actions: ActionList, now: datetime | None = None, *,
               page_per_owner: bool = False) -> Document:
    """The list as a python-docx Document; raises `WordTemplateError` when the Word template
    cannot be used."""
    doc = layout.a4_document("sv-SE", actions.word_template)
    layout.set_properties(doc, title=TITLE, author=actions.municipality,
                          subject=filter_summary(actions.filters), language="sv-SE",
                          created=(now or datetime.now()).replace(microsecond=0))
    page.page_header(doc, actions.municipality, [TITLE, actions.today.isoformat()])
    page.page_footer(doc, "Sida ", " av ")
    doc.add_heading(TITLE, level=0)
    doc.add_paragraph(one_line(subtitle(actions)))
    doc.add_paragraph(one_line(filter_summary(actions.filters)))
    if not actions.rows:
        doc.add_paragraph(NONE_FOUND)
    for index, (owner, rows) in enumerate(sections(actions.rows).items()):
        if index and page_per_owner:
            doc.add_section(WD_SECTION.NEW_PAGE)
        # An owner's heading stays with their table: never alone at the foot of a page.
        layout.heading(doc, one_line(owner), 1).paragraph_format.keep_with_next = True
        orgs = owner_orgs(rows)
        doc.add_paragraph(one_line(f"{orgs} · {count_text(rows)}" if orgs else count_text(rows)))
        _table(doc, rows)
    return doc


def _table(doc: Document, rows: list[ActionRow]) -> None:
    """One owner's measures, each with its kind of prevention, the causes it addresses and who
    decided a proposal under its words, in columns no word is broken in."""
    headers = [HEAD[c] for c in COLUMNS]
    under = [[kind_text(row), *below(row)] for row in rows]
    values = [[str(row.id), row.text, row.group_short, row.meeting_date.isoformat(),
               due_text(row), status_word(row)] for row in rows]
    # Bold in the status column: "Sekretess", and an overdue measure's whole status.
    bold = " ".join([CONFIDENTIAL, *(status_word(row) for row in rows if row.overdue)])
    widths = layout.fitted_widths(
        WIDTHS_CM, headers,
        [[*cells[:1], " ".join([cells[1], *lines]), *cells[2:]]
         for cells, lines in zip(values, under, strict=True)],
        marks=["", "", "", "", "", bold], total=layout.text_width_cm(doc))
    table = layout.data_table(doc, headers, widths)
    for row, value, lines in zip(rows, values, under, strict=True):
        cells = layout.add_row(table, [*value[:-1], "" if row.overdue else value[-1]])
        for line in lines:
            cells[1].add_paragraph().add_run(one_line(line)).italic = True
        if row.overdue:
            layout.mark(cells[-1].paragraphs[0], status_word(row))
        if row.confidential:  # only an internal list has them; a public one leaves them out
            layout.mark(cells[-1].add_paragraph(), CONFIDENTIAL)
    layout.finish_table(table)


def write_docx(actions: ActionList, stream: BinaryIO, now: datetime | None = None, *,
               page_per_owner: bool = False) -> None:
    build_docx(actions, now, page_per_owner=page_per_owner).save(stream)

