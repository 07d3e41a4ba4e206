"""The public (or internal) minutes as the HTML of a site page, made straight from the record.

It used to be `markdown.build_minutes_md` rendered by markdown-it: 15–40 ms a page, most of a
ten-year publish. Here each block `markdown` writes (heading, paragraph, list, table) is laid out
as the HTML markdown-it makes of it, and only what may hold Markdown goes through markdown-it:
a note, a decision, a text a member typed into a cell, or any line that is not plain text (a
`*`, `_`, `&`, `<` …). Plain text, most of a page, is escaped as markdown-it escapes it. The
pages are the same, byte for byte: tests compare this with markdown-it over `build_minutes_md`
for every minutes of the demo, public and internal, and for texts full of Markdown.

Each block is rendered on its own; in one document, an unclosed fence or a link definition in a
note would reach into the blocks after it, here it stays in its note.
"""

from __future__ import annotations

from meetingtui.export.clean import has_text, one_line
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.labels import format_date, language_of, word
from meetingtui.export.minutes.markdown import markdown
from meetingtui.export.minutes.markdown_html import (
    MARKDOWN_BLOCK,
    block,
    bullets,
    cell,
    escape,
    heading,
    paragraph,
    table,
    table_of,
    table_row,
)
from meetingtui.model import (
    AgendaItem,
    CauseBasis,
    FollowUp,
    ItemKind,
    MeetingRecord,
    Presence,
    PreventionLevel,
)


def build_minutes_html(record: MeetingRecord, *, public: bool, municipality: str,
                       view: MeetingRecord | None = None) -> str:
    """The minutes of ``record`` as HTML: what markdown-it makes of `build_minutes_md`;
    ``view``: `privacy.public_view(record)` when the caller has made it already."""
    m = Minutes(record, public, municipality, view)
    out: list[str] = []
    _front(out, m)
    for number, item in m.items():
        _item(out, m, number, item)
    for kind in m.leftovers():
        out.append(heading(2, escape(m.section_title(kind))))
        _data(out, m, kind)
    if m.record.amendments:
        out.append(heading(2, escape(m.labels["amendments"])))
        out.append(bullets([escape(m.amendment_line(a)) for a in m.record.amendments]))
    if m.recipients():
        out.append(paragraph([f"**{escape(m.labels['sent_to'])}:** "
                               + ", ".join(escape(r) for r in m.recipients())]))
    _signatures(out, m)
    return "".join(out)


def _front(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if one_line(m.municipality):
        out.append(paragraph([f"**{escape(m.municipality)}**"]))
    out.append(heading(1, f"{escape(m.kind_heading)}: {escape(m.group_title)}"))
    if m.draft:
        out.append(paragraph([f"**{escape(labels['draft'])}.** {escape(labels['draft_note'])}"]))
    if m.public:
        out.append(paragraph([f"*{escape(labels['public'])}. {escape(labels['public_note'])}*"]))
    meeting = m.record.meeting
    when = [f"**{labels[key]}:** {escape(value)}  "
            for key, value in (("date", m.date), ("time", m.time), ("place", meeting.place))
            if one_line(value)]
    if when:
        out.append(paragraph(when))
    for key, presence in (("present", Presence.PRESENT), ("guests", Presence.GUEST),
                          ("absent", Presence.ABSENT)):
        people = m.people(presence)
        if people:
            out.append(paragraph([f"**{labels[key]}:**"]))
            out.append(bullets([escape(p) for p in people]))
    roles = [f"**{label}:** {escape(name)}  "
             for label, name in [*m.role_holders(), *m.record_lines()]]
    if m.paragraph_span:
        roles.append(f"**{labels['paragraphs']}:** {m.paragraph_span}  ")
    if roles:
        out.append(paragraph(roles))


def _item(out: list[str], m: Minutes, number: int, item: AgendaItem) -> None:
    labels = m.labels
    title = f"§ {number} {escape(item.title)}"
    if item.confidential and not m.public:
        title += f" – **{labels['confidential_mark']}**"
    out.append(heading(2, title))
    if m.hidden(item):
        out.append(paragraph([f"*{escape(labels['confidential_left_out'])}*"]))
        return
    if item.dropped:
        out.append(paragraph([escape(labels["dropped"])]))
    if has_text(item.notes):
        out.append(block(markdown(item.notes).strip()))
    elif item.kind is ItemKind.ATTENDANCE and m.record.attendance:
        out.append(paragraph([escape(labels["attendance_above"])]))
    line = m.recorded_line(item)
    if line:  # after any notes: the item's own record
        out.append(paragraph([escape(line)]))
    kind = m.shows_data(item)
    if kind is not None:
        _data(out, m, kind)
    label, text = m.decision(item)
    if has_text(text):
        decision = markdown(text).strip()
        if label is None:
            out.append(block(decision))
            return
        lead = f"**{escape(label)}:**"
        joined = (f"{lead}\n\n{decision}" if MARKDOWN_BLOCK.match(decision)
                  else f"{lead} {decision}")
        out.append(block(joined))


def _mark(m: Minutes, confidential: bool) -> str:
    return f" **{m.labels['confidential_mark']}**" if confidential and not m.public else ""


#: Follow-up rows without an update, by everything they show: one measure stands unchanged
#: in the follow-up of meeting after meeting, and a publish made its row again each time.
_UNCHANGED_ROWS: dict[tuple[object, ...], str] = {}
_ROWS_KEPT = 50_000


def _followup_row(m: Minutes, f: FollowUp) -> str:
    measure = f.measure
    key = None
    if f.update is None:  # the row shows these and the labels' language, nothing else
        key = (language_of(m.record), m.public, measure.text, f.group_short, f.decided_on,
               measure.proposal, measure.proposed_to, measure.proposal_decided_on,
               measure.confidential, measure.owner, measure.owner_org, measure.status,
               measure.overdue(m.record.meeting.date))
        row = _UNCHANGED_ROWS.get(key)
        if row is not None:
            return row
    row = table_row([escape(m.followup_measure(f)) + _mark(m, measure.confidential),
                     escape(m.owner(measure)), escape(m.status_change(f)),
                     cell(f.update.comment) if f.update is not None else ""])
    if key is not None:
        if len(_UNCHANGED_ROWS) >= _ROWS_KEPT:
            _UNCHANGED_ROWS.clear()
        _UNCHANGED_ROWS[key] = row
    return row


def _left_out(out: list[str], text: str) -> bool:
    if text:
        out.append(paragraph([f"*{escape(text)}*"]))
    return bool(text)


def _data(out: list[str], m: Minutes, kind: ItemKind) -> None:
    labels = m.labels
    record = m.record
    left_out = m.left_out(kind)
    if kind is ItemKind.SITUATION:
        _situation(out, m)
    elif kind is ItemKind.FOLLOWUP:
        if not record.followups:
            if not _left_out(out, left_out):
                out.append(paragraph([escape(labels["no_followups"])]))
            return
        out.append(table_of([labels[k] for k in ("measure", "owner", "status_change",
                                                 "comment")],
                            [_followup_row(m, f) for f in record.followups]))
        _left_out(out, left_out)
    elif kind is ItemKind.ACTIONS:
        if not record.measures:
            if not _left_out(out, left_out):
                out.append(paragraph([escape(labels["no_measures"])]))
            return
        rows = [[str(m.measure_number(ms) or n), cell(ms.text) + _mark(m, ms.confidential),
                 escape("; ".join(m.record.addressed[c].text for c in ms.cause_ids
                                  if c in m.record.addressed)),
                 escape(word(labels, ms.type)),
                 escape(word(labels, ms.level)) if ms.level is not PreventionLevel.UNSAID else "",
                 escape(word(labels, ms.method)),
                 escape(m.owner(ms)), format_date(ms.due), escape(m.status(ms))]
                for n, ms in enumerate(record.measures, start=1)]
        out.append(table([labels[k] for k in ("number", "measure", "causes", "type", "level",
                                               "method", "owner", "due", "status")], rows))
        _left_out(out, left_out)
    elif kind is ItemKind.PRIORITIES:
        if record.priorities:
            out.append(paragraph([f"**{labels['priorities']} {m.quarter}**"]))
            out.append(block("\n".join(f"{position}. {escape(title)}"
                                       for position, title in m.priorities())))
    elif kind is ItemKind.NEXT:
        out.append(paragraph([f"**{labels['next']}:** {escape(m.next_meeting())}"]))
    elif kind is ItemKind.ROLLUP:
        _rollup(out, m)
    elif kind is ItemKind.PROPOSALS:
        _proposals(out, m)
    elif kind is ItemKind.AGREEMENTS:
        _agreements(out, m)


def _proposals(out: list[str], m: Minutes) -> None:
    made, received = m.proposals_made(), m.proposals_received()
    if made:
        out.append(bullets([escape(line) for line in made]))
    if received:
        out.append(paragraph([f"**{escape(m.proposals_heading())}**"]))
        out.append(bullets([escape(line) for line in received]))
    if not made and not received:
        out.append(paragraph([escape(m.labels["no_proposals"])]))


def _rollup(out: list[str], m: Minutes) -> None:
    rows = m.rollup_rows()
    if not rows:
        out.append(paragraph([escape(m.labels["no_rollup"])]))
        return
    out.append(table(m.rollup_headers(), [[escape(text) for text in row] for row in rows]))
    out.append(paragraph([f"*{escape(m.rollup_note())}*"]))
    late = m.rollup_late()
    if late:
        out.append(paragraph([f"**{escape(m.labels['rollup_late'])}**"]))
        out.append(bullets([escape(line) for line in late]))


def _agreements(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if not m.record.agreements:
        if not any(has_text(i.notes) for i in m.record.items if i.kind is ItemKind.AGREEMENTS):
            out.append(paragraph([escape(labels["no_agreements"])]))
        return
    for detail in m.record.agreements:
        out.append(paragraph([f"**{escape(m.agreement_head(detail))}**"]))
        if m.parties(detail):
            out.append(paragraph([escape(m.parties(detail))]))
        if detail.commitments:
            out.append(table([labels[k] for k in ("party", "commitment", "owner", "due",
                                                   "status")],
                              [[escape(c.party), cell(c.text), escape(m.commitment_owner(c)),
                                format_date(c.due), escape(m.commitment_status(c))]
                               for c in detail.commitments]))
        else:
            out.append(paragraph([escape(labels["no_commitments"])]))
        if detail.measures:
            out.append(paragraph([f"*{escape(labels['agreement_measures'])}:*"]))
            out.append(table([labels[k] for k in ("measure", "owner", "due", "status")],
                              [[cell(ms.text) + _mark(m, ms.confidential), escape(m.owner(ms)),
                                format_date(ms.due), escape(m.status(ms))]
                               for ms in detail.measures]))
    if not m.draft:
        out.append(paragraph([f"*{escape(labels['agreements_as_of'])}*"]))


def _situation(out: list[str], m: Minutes) -> None:
    labels = m.labels
    observations = m.record.observations
    left_out = m.left_out(ItemKind.SITUATION)
    if not observations:
        if not _left_out(out, left_out):
            out.append(paragraph([escape(labels["no_observations"])]))
        return
    rows = []
    for index, detail in enumerate(observations, start=1):
        obs = detail.observation
        area = f"{m.observation_number(obs) or index}. {escape(m.area(obs))}"
        if obs.carried_over_from is not None:
            area += f" *({escape(labels['carried_over'])})*"
        rows.append([area + _mark(m, obs.confidential), escape(obs.category),
                     cell(obs.description), escape(word(labels, obs.trend)), escape(obs.source)])
    out.append(table([labels[k] for k in ("area", "category", "description", "trend", "source")],
                      rows))
    _left_out(out, left_out)
    for index, detail in enumerate(observations, start=1):
        if not detail.causes and not detail.measures and not detail.earlier_measures:
            continue
        obs = detail.observation
        title = f"{labels['observation']} {m.observation_number(obs) or index}: {m.area(obs)}"
        if one_line(obs.category):
            title += f" – {one_line(obs.category)}"
        out.append(heading(3, f"{escape(title)}{_mark(m, obs.confidential)}"))
        if detail.causes:
            out.append(paragraph([f"**{labels['causes']}**"]))
            out.append(bullets([
                f"{escape(word(labels, c.dimension).capitalize())}: {cell(c.text)}"
                + (f" ({escape(word(labels, c.basis))})" if c.basis is not CauseBasis.UNSAID
                   else "")
                for c in detail.causes]))
        if detail.measures:
            out.append(paragraph([f"**{labels['measures']}**"]))
            items, subs = [], []
            for measure in detail.measures:
                planned = m.measure_number(measure)
                prefix = f"{labels['measure']} {planned}: " if planned is not None else ""
                items.append(f"{escape(prefix + m.measure_line(measure))}"
                             f"{_mark(m, measure.confidential)}")
                subs.append([escape(text) for text in (m.addresses(measure),
                                                       m.knowledge(measure)) if text])
            out.append(bullets(items, subs))
        if detail.earlier_measures:
            out.append(paragraph([f"**{labels['earlier_measures']}:** "
                                   f"{escape(m.earlier_line(detail.earlier_measures))}"]))


def _signatures(out: list[str], m: Minutes) -> None:
    labels = m.labels
    meeting = m.record.meeting
    if not m.protocol and not one_line(meeting.adjuster):
        if one_line(meeting.secretary):
            out.append(paragraph([f"*{labels['noted_by']}: {escape(meeting.secretary)}, "
                                   f"{labels['secretary'].lower()}*"]))
        return
    line = "\\_" * 24
    by = labels["signed_by_secretary" if m.protocol else "noted_by"]
    out.append(paragraph([f"**{by}**"]))
    out.append(paragraph([f"{line}  ", f"{escape(meeting.secretary)}, "
                                         f"{labels['secretary'].lower()}"]))
    out.append(paragraph([f"**{labels['adjusted']}**"]))
    for key, name in (("chair", meeting.chair), ("adjuster", meeting.adjuster)):
        out.append(paragraph([f"{line}  ", f"{escape(name)}, {labels[key].lower()}"]))
