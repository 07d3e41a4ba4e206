"""The parts of the Word minutes that come from the meeting's register rather than its notes: the
situation picture, follow-ups, measures, priorities, next meeting, the groups' roll-up, proposals
and agreements, most of them as tables with what the public version leaves out said under them.
Apart from `word` because this is its own subject and the bulk of the document's code.

Imports python-docx: import this module lazily, as `word` is.
"""

from __future__ import annotations

from docx.document import Document
from docx.shared import Pt
from docx.table import _Cell
from docx.text.paragraph import Paragraph

from meetingtui.export.clean import has_text, one_line
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.labels import format_date, word
from meetingtui.export.minutes.notes_word import add_markdown
from meetingtui.export.word.layout import (
    TABLE_TEXT,
    add_row,
    data_table,
    finish_table,
    fitted_widths,
    mark,
    text_width_cm,
)
from meetingtui.export.word.ooxml import styled
from meetingtui.model import ItemKind


def lead(paragraph: Paragraph, label: str) -> None:
    """Put a bold ``label`` in front of the paragraph's text ("Beslut: …")."""
    run = paragraph.add_run(f"{label} ")
    run.bold = True
    element = run._r
    paragraph._p.remove(element)
    paragraph._p.insert(1 if paragraph._p.pPr is not None else 0, element)


def add_data(doc: Document, m: Minutes, kind: ItemKind) -> None:
    """The register part ``kind`` of the minutes (under its item, or as a section of its own)."""
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
        lead(doc.add_paragraph(m.next_meeting()), f"{labels['next']}:")
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
            # The party under the commitment, as in the yearly report: with a column of its
            # own, "Trygghetsvandringar" and "Kommunledningsförvaltningen" broke mid-word.
            headers = [labels[k] for k in ("commitment_party", "owner", "due", "status")]
            rows = [["\n".join(part for part in (c.text, one_line(c.party)) if part),
                     m.commitment_owner(c), format_date(c.due), m.commitment_status(c)]
                    for c in detail.commitments]
            table = data_table(doc, headers, fitted_widths((7.4, 4.2, 2.4, 2.8), headers,
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
