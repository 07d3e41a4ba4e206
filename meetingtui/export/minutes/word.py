"""One meeting's minutes as a Word document, laid out the way Swedish municipalities file them.

Order (domain.md §5): header block (municipality, document type, group, date, time, place,
attendance, chair, secretary, adjuster, paragraphs), the items as `§ 1`, `§ 2` … with notes,
tables and decisions, then the signature block (domain.md §9: "Vid protokollet" or "Vid
anteckningarna" and "Justeras"; notes without a justerare end with who took them). Minutes of a
meeting that is not closed say "Utkast" under the title and in the page header. The public
version is built from `privacy.public_view`, so what it leaves out is decided in one place.
With the municipality's Word template the same content starts from that document: its styles,
page, headers (logo) and footers, with the page line and "Sida X av Y" added as
`word.page` says.

Imports python-docx: import this module lazily, where an export is made.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from docx.document import Document
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from meetingtui.export.clean import has_text, one_line
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.labels import format_date, language_of, word
from meetingtui.export.minutes.notes_word import add_markdown
from meetingtui.export.word.layout import (
    TABLE_TEXT,
    a4_document,
    add_row,
    data_table,
    finish_table,
    fitted_widths,
    info_table,
    keep_dates_whole,
    mark,
    set_properties,
    signature_line,
    text_width_cm,
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
        _data(doc, m, kind)
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


def _lead(paragraph: Paragraph, label: str) -> None:
    """Put a bold ``label`` in front of the paragraph's text ("Beslut: …")."""
    run = paragraph.add_run(f"{label} ")
    run.bold = True
    element = run._r
    paragraph._p.remove(element)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, element)


def _item(doc: Document, m: Minutes, number: int, item: AgendaItem) -> None:
    labels = m.labels
    heading = styled(doc, "Heading 2", m.heading(number, item))
    if item.confidential and not m.public:
        heading.add_run(" ")
        mark(heading, labels["confidential_mark"])
    if m.hidden(item):
        doc.add_paragraph().add_run(labels["confidential_left_out"]).italic = True
        return
    written = add_markdown(doc, item.notes)
    if not written and item.kind is ItemKind.ATTENDANCE and m.record.attendance:
        doc.add_paragraph(labels["attendance_above"])
    kind = m.shows_data(item)
    if kind is not None:
        _data(doc, m, kind)
    label, decision = m.decision(item)
    paragraphs = add_markdown(doc, decision) if has_text(decision) else []
    if paragraphs and label is not None:
        if paragraphs[0].style is not None and paragraphs[0].style.name == "Normal":
            _lead(paragraphs[0], f"{label}:")
        else:
            paragraphs[0].insert_paragraph_before().add_run(f"{label}:").bold = True


def _data(doc: Document, m: Minutes, kind: ItemKind) -> None:
    labels = m.labels
    if kind is ItemKind.SITUATION:
        _situation(doc, m)
    elif kind is ItemKind.FOLLOWUP:
        _followups(doc, m)
    elif kind is ItemKind.ACTIONS:
        _actions(doc, m)
    elif kind is ItemKind.PRIORITIES:
        if m.record.priorities:
            doc.add_paragraph().add_run(f"{labels['priorities']} {m.quarter}").bold = True
            for position, title in m.priorities():
                line = doc.add_paragraph(f"{position}. {title}")
                line.paragraph_format.left_indent = Pt(18)
                line.paragraph_format.space_after = Pt(2)
    elif kind is ItemKind.NEXT:
        _lead(doc.add_paragraph(m.next_meeting()), f"{labels['next']}:")
    elif kind is ItemKind.ROLLUP:
        _rollup(doc, m)
    elif kind is ItemKind.PROPOSALS:
        _proposals(doc, m)
    elif kind is ItemKind.AGREEMENTS:
        _agreements(doc, m)


def _proposals(doc: Document, m: Minutes) -> None:
    """What the meeting proposed (worded as proposals), then what it answered as a body."""
    made, received = m.proposals_made(), m.proposals_received()
    for line in made:
        doc.add_paragraph(line, style="List Bullet")
    if received:
        doc.add_paragraph().add_run(m.proposals_heading()).bold = True
        for line in received:
            doc.add_paragraph(line, style="List Bullet")
    if not made and not received:
        doc.add_paragraph(m.labels["no_proposals"])


def _rollup(doc: Document, m: Minutes) -> None:
    """The counts in one table, what they mean, and the overdue measures listed."""
    rows = m.rollup_rows()
    if not rows:
        doc.add_paragraph(m.labels["no_rollup"])
        return
    headers = m.rollup_headers()
    table = data_table(doc, headers, fitted_widths((2.6, 5.6, 1.8, 1.8, 1.8, 2.4), headers, rows,
                                                   total=text_width_cm(doc)))
    for row in rows:
        add_row(table, row)
    finish_table(table)
    doc.add_paragraph().add_run(m.rollup_note()).italic = True
    late = m.rollup_late()
    if late:
        doc.add_paragraph().add_run(m.labels["rollup_late"]).bold = True
        for line in late:
            doc.add_paragraph(line, style="List Bullet")


def _agreements(doc: Document, m: Minutes) -> None:
    """Each agreement in force: its head and parties, a table of its commitments (status as of
    the meeting) and one of the measures that carry it out."""
    labels = m.labels
    if not m.record.agreements:
        # Said only when the item's notes do not already say what the group said about it.
        if not any(has_text(i.notes) for i in m.record.items if i.kind is ItemKind.AGREEMENTS):
            doc.add_paragraph(labels["no_agreements"])
        return
    for detail in m.record.agreements:
        doc.add_paragraph().add_run(m.agreement_head(detail)).bold = True
        if m.parties(detail):
            doc.add_paragraph(m.parties(detail))
        if detail.commitments:
            headers = [labels[k] for k in ("party", "commitment", "owner", "due", "status")]
            rows = [[one_line(c.party), c.text, m.commitment_owner(c), format_date(c.due),
                     m.commitment_status(c)] for c in detail.commitments]
            table = data_table(doc, headers, fitted_widths((2.8, 6.2, 3.4, 2.4, 2.8), headers,
                                                           rows, total=text_width_cm(doc)))
            for row in rows:
                add_row(table, row)
            finish_table(table)
        else:
            doc.add_paragraph(labels["no_commitments"])
        if detail.measures:
            doc.add_paragraph().add_run(f"{labels['agreement_measures']}:").italic = True
            headers = [labels[k] for k in ("measure", "owner", "due", "status")]
            rows = [[ms.text, m.owner(ms), format_date(ms.due), m.status(ms)]
                    for ms in detail.measures]
            table = data_table(doc, headers, fitted_widths(
                (8.2, 3.6, 2.4, 3.4), headers, rows, marks=[labels["confidential_mark"]],
                total=text_width_cm(doc)))
            for measure, row in zip(detail.measures, rows, strict=True):
                cells = add_row(table, row)
                _confidential(cells[0], m, measure.confidential)
            finish_table(table)
    if not m.draft:
        doc.add_paragraph().add_run(labels["agreements_as_of"]).italic = True


def _left_out(doc: Document, text: str) -> None:
    """What the public version leaves out of a table, said under it (a little apart)."""
    if text:
        paragraph = doc.add_paragraph()
        paragraph.paragraph_format.space_before = Pt(4)
        paragraph.add_run(text).italic = True


def _confidential(cell: _Cell, m: Minutes, confidential: bool) -> None:
    if confidential and not m.public:
        mark(cell.add_paragraph(), m.labels["confidential_mark"])


def _situation(doc: Document, m: Minutes) -> None:
    labels = m.labels
    observations = m.record.observations
    left_out = m.left_out(ItemKind.SITUATION)
    if not observations:
        if left_out:
            _left_out(doc, left_out)
        else:
            doc.add_paragraph(labels["no_observations"])
        return
    # Four columns, the source under the description: five do not hold the longest ordinary
    # words ("Återvinningscentralen", "Ungdomsgrupperingar", "Räddningstjänsten") side by side.
    headers = [labels[k] for k in ("area", "category", "description", "trend")]
    rows = []
    for index, detail in enumerate(observations, start=1):
        obs = detail.observation
        area = f"{m.observation_number(obs) or index}. {m.area(obs)}"
        source = f"{labels['source']}: {one_line(obs.source)}" if one_line(obs.source) else ""
        rows.append((area, obs, source))
    widths = fitted_widths(
        (3.4, 2.8, 7.4, 2.4), headers,
        [[f"{area} ({labels['carried_over']})", obs.category, f"{obs.description} {source}",
          word(labels, obs.trend)] for area, obs, source in rows],
        marks=[labels["confidential_mark"]], total=text_width_cm(doc))
    table = data_table(doc, headers, widths)
    for area, obs, source in rows:
        cells = add_row(table, [area, obs.category, "", word(labels, obs.trend)])
        add_markdown(cells[2], obs.description, style=TABLE_TEXT)
        if source:
            cells[2].add_paragraph().add_run(source).italic = True
        if obs.carried_over_from is not None:
            cells[0].add_paragraph().add_run(f"({labels['carried_over']})").italic = True
        _confidential(cells[0], m, obs.confidential)
    finish_table(table)
    _left_out(doc, left_out)
    for index, detail in enumerate(observations, start=1):
        if not detail.causes and not detail.measures and not detail.earlier_measures:
            continue
        obs = detail.observation
        title = f"{labels['observation']} {m.observation_number(obs) or index}: {m.area(obs)}"
        if one_line(obs.category):
            title += f" – {one_line(obs.category)}"
        heading = styled(doc, "Heading 3", title)
        if obs.confidential and not m.public:
            heading.add_run(" ")
            mark(heading, labels["confidential_mark"])
        if detail.causes:
            doc.add_paragraph().add_run(labels["causes"]).bold = True
            for cause in detail.causes:
                styled(doc, "List Bullet", m.cause_line(cause))
        if detail.measures:
            doc.add_paragraph().add_run(labels["measures"]).bold = True
            for measure in detail.measures:
                planned = m.measure_number(measure)
                prefix = f"{labels['measure']} {planned}: " if planned is not None else ""
                line = styled(doc, "List Bullet", prefix + m.measure_line(measure))
                if measure.confidential and not m.public:
                    line.add_run(" ")
                    mark(line, labels["confidential_mark"])
                line.paragraph_format.space_after = Pt(0)  # the lines under it are its own
                for text in (m.addresses(measure), m.knowledge(measure)):
                    if text:
                        _under_bullet(doc, text)
        if detail.earlier_measures:
            earlier = doc.add_paragraph()
            earlier.add_run(f"{labels['earlier_measures']}: ").bold = True
            earlier.add_run(m.earlier_line(detail.earlier_measures))


def _under_bullet(doc: Document, text: str) -> None:
    """A line that belongs to the bullet above it: set in from the margin as its text is."""
    paragraph = doc.add_paragraph(text)
    paragraph.paragraph_format.left_indent = Pt(18)
    paragraph.paragraph_format.space_before = Pt(0)
    paragraph.paragraph_format.space_after = Pt(2)


def _followups(doc: Document, m: Minutes) -> None:
    labels = m.labels
    left_out = m.left_out(ItemKind.FOLLOWUP)
    if not m.record.followups:
        if left_out:
            _left_out(doc, left_out)
        else:
            doc.add_paragraph(labels["no_followups"])
        return
    headers = [labels[k] for k in ("measure", "owner", "status_change", "comment")]
    rows = [[m.followup_measure(f), m.owner(f.measure), m.status_change(f),
             f.update.comment if f.update is not None else ""] for f in m.record.followups]
    table = data_table(doc, headers, fitted_widths((6.6, 3.0, 3.2, 3.2), headers, rows,
                                                   marks=[labels["confidential_mark"]],
                                                   total=text_width_cm(doc)))
    for followup, row in zip(m.record.followups, rows, strict=True):
        cells = add_row(table, [*row[:3], ""])
        if followup.update is not None:
            add_markdown(cells[3], followup.update.comment, style=TABLE_TEXT)
        _confidential(cells[0], m, followup.measure.confidential)
    finish_table(table)
    _left_out(doc, left_out)


def _actions(doc: Document, m: Minutes) -> None:
    labels = m.labels
    left_out = m.left_out(ItemKind.ACTIONS)
    if not m.record.measures:
        if left_out:
            _left_out(doc, left_out)
        else:
            doc.add_paragraph(labels["no_measures"])
        return
    headers = [labels[k] for k in ("number", "measure", "owner", "due", "status")]
    # Under each measure, the causes it addresses and the kind of prevention it is.
    below = [[text for text in (m.addresses(measure), m.knowledge(measure)) if text]
             for measure in m.record.measures]
    rows = [[str(m.measure_number(measure) or index), " ".join([measure.text, *lines]),
             m.owner(measure), format_date(measure.due), m.status(measure)]
            for index, (measure, lines) in enumerate(zip(m.record.measures, below, strict=True),
                                                     start=1)]
    table = data_table(doc, headers, fitted_widths((0.9, 5.9, 3.6, 2.6, 3.0), headers, rows,
                                                   marks=["", labels["confidential_mark"]],
                                                   total=text_width_cm(doc)))
    for measure, row, lines in zip(m.record.measures, rows, below, strict=True):
        cells = add_row(table, [row[0], "", *row[2:]])
        add_markdown(cells[1], measure.text, style=TABLE_TEXT)
        for line in lines:
            cells[1].add_paragraph().add_run(line).italic = True
        _confidential(cells[1], m, measure.confidential)
    finish_table(table)
    _left_out(doc, left_out)


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
