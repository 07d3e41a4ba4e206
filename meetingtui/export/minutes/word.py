"""One meeting's minutes as a Word document, laid out the way Swedish municipalities file them.

Order (domain.md §5): header block (municipality, document type, group, date, time, place,
attendance, chair, secretary, adjuster, paragraphs), the items as `§ 1`, `§ 2` … with notes,
tables and decisions, then the signature block (domain.md §9: "Vid protokollet" or "Vid
anteckningarna" and "Justeras"; notes without a justerare end with who took them). Minutes of a
meeting that is not closed say "Utkast" under the title and in the page header. The public
version is built from `privacy.public_view`, so what it leaves out is decided in one place.
With the municipality's Word template the same content starts from that document: its styles,
page, headers (logo) and footers, with the page line and "Sida X av Y" added as
`word.page` says. The parts drawn from the meeting's register (situation picture, measures,
follow-ups, agreements …) are written by `data_word`.

Imports python-docx: import this module lazily, where an export is made.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document
from docx.shared import Pt

from meetingtui.export.clean import has_text, one_line
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.data_word import add_data, lead
from meetingtui.export.minutes.labels import language_of
from meetingtui.export.minutes.notes_word import add_markdown
from meetingtui.export.word.layout import (
    a4_document,
    info_table,
    keep_dates_whole,
    mark,
    set_properties,
    signature_line,
    space_after_tables,
)
from meetingtui.export.word.ooxml import styled
from meetingtui.export.word.page import page_footer, page_header
from meetingtui.model import AgendaItem, ItemKind, Language, MeetingRecord, Presence

_LOCALE = {Language.SV: "sv-SE", Language.EN: "en-GB"}


def build_minutes(record: MeetingRecord, *, public: bool, municipality: str,
                  created: datetime | None = None, template: Path | None = None) -> Document:
    """The minutes of ``record`` as a python-docx Document (save it with `files.write_export`),
    in the built-in look or from the Word ``template`` (raises `WordTemplateError` when it
    cannot be used)."""
    m = Minutes(record, public, municipality)
    labels = m.labels
    doc = a4_document(_LOCALE[language_of(record)], template)
    set_properties(
        doc, title=m.title, author=municipality, subject=m.group_title,
        language=_LOCALE[language_of(record)],
        created=created or datetime.now(UTC).replace(tzinfo=None, microsecond=0),
    )
    page_header(doc, municipality, m.header_parts)
    page_footer(doc, labels["page_prefix"], labels["page_of"])
    _front(doc, m)
    for number, item in m.items():
        _item(doc, m, number, item)
    for kind in m.leftovers():
        styled(doc, "Heading 2", m.section_title(kind))
        add_data(doc, m, kind)
    if m.record.amendments:
        styled(doc, "Heading 2", labels["amendments"])
        for amendment in m.record.amendments:
            styled(doc, "List Bullet", m.amendment_line(amendment))
    if m.recipients():
        sent = doc.add_paragraph()
        sent.paragraph_format.space_before = Pt(12)
        sent.add_run(f"{labels['sent_to']}: ").bold = True
        sent.add_run(", ".join(m.recipients()))
    _signatures(doc, m)
    keep_dates_whole(doc)
    space_after_tables(doc)
    return doc


def _front(doc: Document, m: Minutes) -> None:
    labels = m.labels
    if one_line(m.municipality):
        town = doc.add_paragraph().add_run(one_line(m.municipality))
        town.bold = True
        town.font.size = Pt(13)
    styled(doc, "Title", m.kind_heading)
    if m.draft:
        note = styled(doc, "Subtitle", "")
        mark(note, f"{labels['draft']}.")
        note.add_run(f" {labels['draft_note']}")
    if m.public:
        styled(doc, "Subtitle", f"{labels['public']}. {labels['public_note']}")
    styled(doc, "Heading 1", m.group_title)
    meeting = m.record.meeting
    rows: list[tuple[str, list[str]]] = [
        (labels["date"], [m.date]),
        (labels["time"], [m.time]),
        (labels["place"], [meeting.place]),
        (labels["present"], m.people(Presence.PRESENT)),
        (labels["guests"], m.people(Presence.GUEST)),
        (labels["absent"], m.people(Presence.ABSENT)),
        *((label, [name]) for label, name in m.role_holders()),
        (labels["paragraphs"], [m.paragraph_span]),
        *((label, [text]) for label, text in m.record_lines()),
    ]
    info_table(doc, rows)


def _item(doc: Document, m: Minutes, number: int, item: AgendaItem) -> None:
    labels = m.labels
    heading = styled(doc, "Heading 2", m.heading(number, item))
    if item.confidential and not m.public:
        heading.add_run(" ")
        mark(heading, labels["confidential_mark"])
    if m.hidden(item):
        doc.add_paragraph().add_run(labels["confidential_left_out"]).italic = True
        return
    if item.dropped:
        doc.add_paragraph(labels["dropped"])
    written = add_markdown(doc, item.notes)
    if not written and item.kind is ItemKind.ATTENDANCE and m.record.attendance:
        doc.add_paragraph(labels["attendance_above"])
    line = m.recorded_line(item)
    if line:  # after any notes: the item's own record
        doc.add_paragraph(line)
    kind = m.shows_data(item)
    if kind is not None:
        add_data(doc, m, kind)
    label, decision = m.decision(item)
    paragraphs = add_markdown(doc, decision) if has_text(decision) else []
    if paragraphs and label is not None:
        if paragraphs[0].style is not None and paragraphs[0].style.name == "Normal":
            lead(paragraphs[0], f"{label}:")
        else:
            paragraphs[0].insert_paragraph_before().add_run(f"{label}:").bold = True


def _signatures(doc: Document, m: Minutes) -> None:
    labels = m.labels
    meeting = m.record.meeting
    if not m.protocol and not one_line(meeting.adjuster):
        # Notes that no one adjusts: who took them, and no lines to sign.
        if one_line(meeting.secretary):
            closing = doc.add_paragraph()
            closing.paragraph_format.space_before = Pt(18)
            closing.add_run(f"{labels['noted_by']}: ").bold = True
            closing.add_run(f"{one_line(meeting.secretary)}, {labels['secretary'].lower()}")
        return
    intro = doc.add_paragraph()
    intro.paragraph_format.space_before = Pt(24)
    intro.paragraph_format.keep_with_next = True
    intro.add_run(labels["signed_by_secretary" if m.protocol else "noted_by"]).bold = True
    table = doc.add_table(rows=1, cols=2)
    signature_line(table.rows[0].cells[0], labels["secretary"], meeting.secretary)
    adjusted = doc.add_paragraph()
    adjusted.paragraph_format.space_before = Pt(18)
    adjusted.paragraph_format.keep_with_next = True
    adjusted.add_run(labels["adjusted"]).bold = True
    table = doc.add_table(rows=1, cols=2)
    chair_cell, adjuster_cell = table.rows[0].cells
    signature_line(chair_cell, labels["chair"], meeting.chair)
    signature_line(adjuster_cell, labels["adjuster"], meeting.adjuster)
