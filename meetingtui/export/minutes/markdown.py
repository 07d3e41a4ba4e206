"""The same minutes as Markdown text (for an intranet page): headings, GFM tables, lists.

Fields that are plain text (names, places, titles) are escaped so that a `*` or `|` in them stays
a character; notes, decisions and descriptions are Markdown already and are kept as written,
except HTML, which shows as typed (as in the Word minutes) and is never run by the page.
No python-docx here.
"""

from __future__ import annotations

import re

from meetingtui.export.clean import has_text, one_line, word_text
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.labels import format_date, word
from meetingtui.model import (
    AgendaItem,
    CauseBasis,
    ItemKind,
    MeetingRecord,
    Presence,
    PreventionLevel,
)

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_HTML_START = re.compile(r"<(?=[A-Za-z/!?])")  # a tag, comment, declaration or autolink
_BLOCK_START = re.compile(r"\s*(?:[-*+>#]|\d+[.)]|```)")  # a list, quote, heading or code


def escape(text: str) -> str:
    """Plain text as Markdown that shows the same characters, on one line."""
    return _SPECIAL.sub(r"\\\1", one_line(text))


def markdown(text: str) -> str:
    """Markdown as typed, but HTML in it shown as typed, as the Word minutes show it: an
    intranet page that renders these minutes must never run a tag pasted into a note."""
    return _HTML_START.sub("&lt;", word_text(text))


def _cell(text: str) -> str:
    """Markdown for a table cell: one line, pipes escaped."""
    return one_line(markdown(text)).replace("|", "\\|")


def _table(headers: list[str], rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(escape(h) for h in headers) + " |",
             "|" + "|".join("---" for _ in headers) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def build_minutes_md(record: MeetingRecord, *, public: bool, municipality: str) -> str:
    """The minutes of ``record`` as Markdown text."""
    m = Minutes(record, public, municipality)
    out: list[str] = []
    _front(out, m)
    for number, item in m.items():
        _item(out, m, number, item)
    for kind in m.leftovers():
        out += [f"## {escape(m.section_title(kind))}", ""]
        _data(out, m, kind)
    if m.record.amendments:
        out += [f"## {escape(m.labels['amendments'])}", ""]
        out += [f"- {escape(m.amendment_line(a))}" for a in m.record.amendments]
        out.append("")
    if m.recipients():
        out += [f"**{escape(m.labels['sent_to'])}:** "
                + ", ".join(escape(r) for r in m.recipients()), ""]
    _signatures(out, m)
    return "\n".join(out).rstrip("\n") + "\n"


def _front(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if one_line(m.municipality):
        out += [f"**{escape(m.municipality)}**", ""]
    out += [f"# {escape(m.kind_heading)}: {escape(m.group_title)}", ""]
    if m.draft:
        out += [f"**{escape(labels['draft'])}.** {escape(labels['draft_note'])}", ""]
    if m.public:
        out += [f"*{escape(labels['public'])}. {escape(labels['public_note'])}*", ""]
    meeting = m.record.meeting
    for key, value in (("date", m.date), ("time", m.time), ("place", meeting.place)):
        if one_line(value):
            out.append(f"**{labels[key]}:** {escape(value)}  ")
    out.append("")
    for key, presence in (("present", Presence.PRESENT), ("guests", Presence.GUEST),
                          ("absent", Presence.ABSENT)):
        people = m.people(presence)
        if people:
            out += [f"**{labels[key]}:**", "", *(f"- {escape(p)}" for p in people), ""]
    roles = [f"**{label}:** {escape(name)}  "
             for label, name in [*m.role_holders(), *m.record_lines()]]
    if m.paragraph_span:
        roles.append(f"**{labels['paragraphs']}:** {m.paragraph_span}  ")
    out += [*roles, ""]


def _item(out: list[str], m: Minutes, number: int, item: AgendaItem) -> None:
    labels = m.labels
    heading = f"## § {number} {escape(item.title)}"
    if item.confidential and not m.public:
        heading += f" – **{labels['confidential_mark']}**"
    out += [heading, ""]
    if m.hidden(item):
        out += [f"*{escape(labels['confidential_left_out'])}*", ""]
        return
    if item.dropped:
        out += [escape(labels["dropped"]), ""]
    if has_text(item.notes):
        out += [markdown(item.notes).strip(), ""]
    elif item.kind is ItemKind.ATTENDANCE and m.record.attendance:
        out += [escape(labels["attendance_above"]), ""]
    line = m.recorded_line(item)
    if line:  # after any notes: the item's own record
        out += [escape(line), ""]
    kind = m.shows_data(item)
    if kind is not None:
        _data(out, m, kind)
    label, text = m.decision(item)
    if has_text(text):
        decision = markdown(text).strip()
        if label is None:
            out += [decision, ""]
            return
        lead = f"**{escape(label)}:**"
        joined = f"{lead}\n\n{decision}" if _BLOCK_START.match(decision) else f"{lead} {decision}"
        out += [joined, ""]


def _mark(m: Minutes, confidential: bool) -> str:
    return f" **{m.labels['confidential_mark']}**" if confidential and not m.public else ""


def _left_out(text: str) -> list[str]:
    """What the public version leaves out of a table, said where the table stands."""
    return [f"*{escape(text)}*", ""] if text else []


def _data(out: list[str], m: Minutes, kind: ItemKind) -> None:
    labels = m.labels
    record = m.record
    left_out = _left_out(m.left_out(kind))
    if kind is ItemKind.SITUATION:
        _situation(out, m)
    elif kind is ItemKind.FOLLOWUP:
        if not record.followups:
            out += left_out or [escape(labels["no_followups"]), ""]
            return
        rows = [[escape(m.followup_measure(f)) + _mark(m, f.measure.confidential),
                 escape(m.owner(f.measure)), escape(m.status_change(f)),
                 _cell(f.update.comment) if f.update is not None else ""]
                for f in record.followups]
        out += _table([labels[k] for k in ("measure", "owner", "status_change", "comment")], rows)
        out += left_out
    elif kind is ItemKind.ACTIONS:
        if not record.measures:
            out += left_out or [escape(labels["no_measures"]), ""]
            return
        rows = [[str(m.measure_number(ms) or n), _cell(ms.text) + _mark(m, ms.confidential),
                 escape("; ".join(m.record.addressed[c].text for c in ms.cause_ids
                                  if c in m.record.addressed)),
                 escape(word(labels, ms.type)),
                 escape(word(labels, ms.level)) if ms.level is not PreventionLevel.UNSAID else "",
                 escape(word(labels, ms.method)),
                 escape(m.owner(ms)), format_date(ms.due), escape(m.status(ms))]
                for n, ms in enumerate(record.measures, start=1)]
        out += _table([labels[k] for k in ("number", "measure", "causes", "type", "level",
                                           "method", "owner", "due", "status")], rows)
        out += left_out
    elif kind is ItemKind.PRIORITIES:
        if record.priorities:
            out += [f"**{labels['priorities']} {m.quarter}**", ""]
            out += [f"{position}. {escape(title)}" for position, title in m.priorities()]
            out.append("")
    elif kind is ItemKind.NEXT:
        out += [f"**{labels['next']}:** {escape(m.next_meeting())}", ""]
    elif kind is ItemKind.ROLLUP:
        _rollup(out, m)
    elif kind is ItemKind.PROPOSALS:
        _proposals(out, m)
    elif kind is ItemKind.AGREEMENTS:
        _agreements(out, m)


def _proposals(out: list[str], m: Minutes) -> None:
    """What the meeting proposed (worded as proposals), then what it answered as a body."""
    made, received = m.proposals_made(), m.proposals_received()
    out += [f"- {escape(line)}" for line in made]
    if made:
        out.append("")
    if received:
        out += [f"**{escape(m.proposals_heading())}**", ""]
        out += [f"- {escape(line)}" for line in received]
        out.append("")
    if not made and not received:
        out += [escape(m.labels["no_proposals"]), ""]


def _rollup(out: list[str], m: Minutes) -> None:
    """The counts in one table, what they mean, and the overdue measures listed."""
    rows = m.rollup_rows()
    if not rows:
        out += [escape(m.labels["no_rollup"]), ""]
        return
    out += _table(m.rollup_headers(), [[escape(cell) for cell in row] for row in rows])
    out += [f"*{escape(m.rollup_note())}*", ""]
    late = m.rollup_late()
    if late:
        out += [f"**{escape(m.labels['rollup_late'])}**", ""]
        out += [f"- {escape(line)}" for line in late]
        out.append("")


def _agreements(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if not m.record.agreements:
        # Said only when the item's notes do not already say what the group said about it.
        if not any(has_text(i.notes) for i in m.record.items if i.kind is ItemKind.AGREEMENTS):
            out += [escape(labels["no_agreements"]), ""]
        return
    for detail in m.record.agreements:
        out += [f"**{escape(m.agreement_head(detail))}**", ""]
        if m.parties(detail):
            out += [escape(m.parties(detail)), ""]
        if detail.commitments:
            out += _table([labels[k] for k in ("party", "commitment", "owner", "due", "status")],
                          [[escape(c.party), _cell(c.text), escape(m.commitment_owner(c)),
                            format_date(c.due), escape(m.commitment_status(c))]
                           for c in detail.commitments])
        else:
            out += [escape(labels["no_commitments"]), ""]
        if detail.measures:
            out += [f"*{escape(labels['agreement_measures'])}:*", ""]
            out += _table([labels[k] for k in ("measure", "owner", "due", "status")],
                          [[_cell(ms.text) + _mark(m, ms.confidential), escape(m.owner(ms)),
                            format_date(ms.due), escape(m.status(ms))]
                           for ms in detail.measures])
    if not m.draft:
        out += [f"*{escape(labels['agreements_as_of'])}*", ""]


def _situation(out: list[str], m: Minutes) -> None:
    labels = m.labels
    observations = m.record.observations
    left_out = _left_out(m.left_out(ItemKind.SITUATION))
    if not observations:
        out += left_out or [escape(labels["no_observations"]), ""]
        return
    rows = []
    for index, detail in enumerate(observations, start=1):
        obs = detail.observation
        area = f"{m.observation_number(obs) or index}. {escape(m.area(obs))}"
        if obs.carried_over_from is not None:
            area += f" *({escape(labels['carried_over'])})*"
        rows.append([area + _mark(m, obs.confidential), escape(obs.category),
                     _cell(obs.description), escape(word(labels, obs.trend)), escape(obs.source)])
    out += _table([labels[k] for k in ("area", "category", "description", "trend", "source")],
                  rows)
    out += left_out
    for index, detail in enumerate(observations, start=1):
        if not detail.causes and not detail.measures and not detail.earlier_measures:
            continue
        obs = detail.observation
        title = f"{labels['observation']} {m.observation_number(obs) or index}: {m.area(obs)}"
        if one_line(obs.category):
            title += f" – {one_line(obs.category)}"
        out += [f"### {escape(title)}{_mark(m, obs.confidential)}", ""]
        if detail.causes:
            out += [f"**{labels['causes']}**", ""]
            out += [f"- {escape(word(labels, c.dimension).capitalize())}: {_cell(c.text)}"
                    + (f" ({escape(word(labels, c.basis))})"
                       if c.basis is not CauseBasis.UNSAID else "")
                    for c in detail.causes]
            out.append("")
        if detail.measures:
            out += [f"**{labels['measures']}**", ""]
            for measure in detail.measures:
                planned = m.measure_number(measure)
                prefix = f"{labels['measure']} {planned}: " if planned is not None else ""
                out.append(f"- {escape(prefix + m.measure_line(measure))}"
                           f"{_mark(m, measure.confidential)}")
                out += [f"  - {escape(text)}" for text in (m.addresses(measure),
                                                          m.knowledge(measure)) if text]
            out.append("")
        if detail.earlier_measures:
            out += [f"**{labels['earlier_measures']}:** "
                    f"{escape(m.earlier_line(detail.earlier_measures))}", ""]


def _signatures(out: list[str], m: Minutes) -> None:
    labels = m.labels
    meeting = m.record.meeting
    if not m.protocol and not one_line(meeting.adjuster):
        if one_line(meeting.secretary):
            out += [f"*{labels['noted_by']}: {escape(meeting.secretary)}, "
                    f"{labels['secretary'].lower()}*", ""]
        return
    line = "\\_" * 24
    by = labels["signed_by_secretary" if m.protocol else "noted_by"]
    out += [f"**{by}**", "", f"{line}  ",
            f"{escape(meeting.secretary)}, {labels['secretary'].lower()}", ""]
    out += [f"**{labels['adjusted']}**", ""]
    for key, name in (("chair", meeting.chair), ("adjuster", meeting.adjuster)):
        out += [f"{line}  ", f"{escape(name)}, {labels[key].lower()}", ""]
