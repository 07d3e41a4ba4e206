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

import re
from functools import cache, lru_cache
from typing import Any

from meetingtui.export.clean import has_text, one_line, word_text
from meetingtui.export.minutes.content import Minutes
from meetingtui.export.minutes.labels import format_date, word
from meetingtui.export.minutes.markdown import escape as escape_md
from meetingtui.export.minutes.markdown import markdown
from meetingtui.model import (
    AgendaItem,
    CauseBasis,
    ItemKind,
    MeetingRecord,
    Presence,
    PreventionLevel,
)

#: What markdown-it reads as more than text inside a line (escapes, code, emphasis, links,
#: images, autolinks, entities, strikethrough, a cell's end).
_NOT_PLAIN = re.compile(r"[\\`*_\[\]<>!&~|]")
#: What may start a block other than a paragraph at the start of a line (a list, a quote, a
#: heading, a fence, a rule, a setext underline, a table, HTML, indented code).
_BLOCK_START = re.compile(r"\s|[-+*>#=~`|<_]|\d{1,9}[.)]")
#: Emphasis that opens a line ("**Datum:** …", "*Offentlig version …*"): never a block's start.
_EMPHASIS_START = re.compile(r"\*{1,2}[^\s*]")
#: "**Beslut:** text": a plain label in bold, then text.
_LEAD = re.compile(r"\*\*([^\s\\`*_\[\]<>!&~|](?:[^\\`*_\[\]<>!&~|]*[^\s\\`*_\[\]<>!&~|])?)"
                   r"\*\* (\S.*)", re.DOTALL)
_MARKDOWN_BLOCK = re.compile(r"\s*(?:[-*+>#]|\d+[.)]|```)")  # as markdown._BLOCK_START
#: "**28**" in a line: bold around plain text that starts and ends with a letter or a digit,
#: opened at the line's start or after a space. Such a pair always opens and closes (left- and
#: right-flanking as CommonMark says), whatever stands around it.
_BOLD = re.compile(r"(?<![^ ])\*\*([^\W_](?:[^\\`*_\[\]<>!&~|]*[^\W_])?)\*\*")


#: The same names, statuses and measures stand on page after page: escaped once each.
escape = lru_cache(maxsize=100_000)(escape_md)


def _escape_html(text: str) -> str:
    """As markdown-it escapes text: &, <, > and the double quote."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace('"', "&quot;"))


@cache
def markdown_parser() -> Any:
    """CommonMark with tables, HTML shown as typed, a header cell saying what it heads."""
    from markdown_it import MarkdownIt

    md = MarkdownIt("commonmark", {"html": False}).enable("table")

    def th_open(renderer: Any, tokens: Any, idx: int, options: Any, env: Any) -> str:
        tokens[idx].attrSet("scope", "col")  # a header cell says what it heads
        return str(renderer.renderToken(tokens, idx, options, env))

    md.add_render_rule("th_open", th_open)
    return md


def markdown_html(text: str) -> str:
    """Markdown (the minutes' as `markdown.build_minutes_md` writes them) as HTML through
    markdown-it: raw HTML in it is shown as typed, never run. `build_minutes_html` makes the
    same HTML without markdown-it for most of a page; tests hold the two equal."""
    return str(markdown_parser().render(word_text(text)))


def _markdown_it() -> Any:
    return markdown_parser()


@lru_cache(maxsize=50_000)
def inline(text: str) -> str:
    """One line of Markdown (a cell, a list item, a line of a paragraph) as inline HTML."""
    if not _NOT_PLAIN.search(text):
        return _escape_html(text.strip())
    lead = _LEAD.fullmatch(text)
    if lead is not None and not _NOT_PLAIN.search(lead[2]):
        return f"<strong>{_escape_html(lead[1])}</strong> {_escape_html(lead[2].rstrip())}"
    bolded = _bolded(text)
    if bolded is not None:
        return bolded
    return str(_markdown_it().renderInline(text))


def _bolded(text: str) -> str | None:
    """Plain text with words in bold ("Genomförda: **2**", the demo's statistics in every
    meeting's notes) as inline HTML; None for anything else."""
    if text != text.strip():
        return None
    out: list[str] = []
    done = 0
    for match in _BOLD.finditer(text):
        if _NOT_PLAIN.search(text, done, match.start()):
            return None
        out += [_escape_html(text[done:match.start()]), "<strong>", _escape_html(match[1]),
                "</strong>"]
        done = match.end()
    if not out or _NOT_PLAIN.search(text, done):
        return None
    out.append(_escape_html(text[done:]))
    return "".join(out)


def _self_contained(line: str) -> bool:
    """True when a line's inline HTML is the same read alone or in its paragraph: plain, or
    only a bold label or bold words (no emphasis, code or link can reach into the next line)."""
    if "\t" in line or line != line.strip():
        return False
    if not _NOT_PLAIN.search(line):
        return True
    lead = _LEAD.fullmatch(line)
    return (lead is not None and not _NOT_PLAIN.search(lead[2])) or _bolded(line) is not None


def _simple_blocks(text: str) -> str | None:
    """Paragraphs and tight lists ("- item"), a blank line between each, of self-contained
    lines (most notes: a line, then the statistics as a list), as markdown-it lays them out;
    None for any other Markdown."""
    out = []
    was_list = False
    for part in text.split("\n\n"):
        lines = part.split("\n")
        if all(line.startswith("- ") for line in lines):
            items = [line[2:] for line in lines]
            # Two lists a blank line apart are one loose list.
            if was_list or not all(_starts_plain(i) and _self_contained(i) for i in items):
                return None
            out.append(_bullets(items))
            was_list = True
            continue
        if not all(_starts_plain(line) and _self_contained(line.rstrip(" ")) for line in lines):
            return None
        out.append(_paragraph(lines))
        was_list = False
    return "".join(out)


def _starts_plain(line: str) -> bool:
    """True when a line read alone is a paragraph's text, never the start of another block."""
    return bool(line) and (not _BLOCK_START.match(line) or bool(_EMPHASIS_START.match(line)))


@lru_cache(maxsize=20_000)
def block(text: str) -> str:
    """Markdown of one or more blocks (a note, a decision) as HTML."""
    if "\n" not in text and _starts_plain(text) and (
            not _NOT_PLAIN.search(text) or _LEAD.fullmatch(text)):
        return f"<p>{inline(text)}</p>\n"
    simple = _simple_blocks(text)
    return simple if simple is not None else str(_markdown_it().render(text))


def _paragraph(lines: list[str]) -> str:
    """Lines of one paragraph, each ending in two spaces (a line break) or not."""
    if not all(_starts_plain(line) for line in lines):
        return block("\n".join(lines))
    out = []
    for index, line in enumerate(lines):
        out.append(inline(line.rstrip(" ")))
        if index < len(lines) - 1:
            out.append("<br />\n" if line.endswith("  ") else "\n")
    return f"<p>{''.join(out)}</p>\n"


def _bullets(items: list[str], sub: list[list[str]] | None = None) -> str:
    """A tight list ("- item", and "  - sub" under an item)."""
    if any(not _starts_plain(item) for item in items) or any(
            not _starts_plain(s) for subs in sub or [] for s in subs):
        lines = []
        for index, item in enumerate(items):
            lines.append(f"- {item}")
            lines += [f"  - {s}" for s in (sub[index] if sub else [])]
        return block("\n".join(lines))
    out = ["<ul>\n"]
    for index, item in enumerate(items):
        subs = sub[index] if sub else []
        if subs:
            out.append(f"<li>{inline(item)}\n{_bullets(subs)}</li>\n")
        else:
            out.append(f"<li>{inline(item)}</li>\n")
    out.append("</ul>\n")
    return "".join(out)


@lru_cache(maxsize=100_000)  # the same statuses, owners and measures fill table after table
def _cell_html(cell: str) -> str:
    """A table cell's Markdown as markdown-it reads it: every ``\\|`` a pipe (in code too),
    the cell trimmed."""
    return inline(cell.replace("\\|", "|").strip())


def _table(headers: list[str], rows: list[list[str]]) -> str:
    out = ["<table>\n<thead>\n<tr>\n"]
    out += [f'<th scope="col">{_cell_html(escape(h))}</th>\n' for h in headers]
    out.append("</tr>\n</thead>\n")
    if rows:
        out.append("<tbody>\n")
        for row in rows:
            out.append("<tr>\n")
            out += [f"<td>{_cell_html(cell)}</td>\n" for cell in row]
            out.append("</tr>\n")
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


def _heading(level: int, text: str) -> str:
    if _NOT_PLAIN.search(text) or text.rstrip().endswith("#"):
        return block(f"{'#' * level} {text}")
    return f"<h{level}>{inline(text)}</h{level}>\n"


def _cell(text: str) -> str:
    return one_line(markdown(text)).replace("|", "\\|")


def build_minutes_html(record: MeetingRecord, *, public: bool, municipality: str) -> str:
    """The minutes of ``record`` as HTML: what markdown-it makes of `build_minutes_md`."""
    m = Minutes(record, public, municipality)
    out: list[str] = []
    _front(out, m)
    for number, item in m.items():
        _item(out, m, number, item)
    for kind in m.leftovers():
        out.append(_heading(2, escape(m.section_title(kind))))
        _data(out, m, kind)
    if m.record.amendments:
        out.append(_heading(2, escape(m.labels["amendments"])))
        out.append(_bullets([escape(m.amendment_line(a)) for a in m.record.amendments]))
    if m.recipients():
        out.append(_paragraph([f"**{escape(m.labels['sent_to'])}:** "
                               + ", ".join(escape(r) for r in m.recipients())]))
    _signatures(out, m)
    return "".join(out)


def _front(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if one_line(m.municipality):
        out.append(_paragraph([f"**{escape(m.municipality)}**"]))
    out.append(_heading(1, f"{escape(m.kind_heading)}: {escape(m.group_title)}"))
    if m.draft:
        out.append(_paragraph([f"**{escape(labels['draft'])}.** {escape(labels['draft_note'])}"]))
    if m.public:
        out.append(_paragraph([f"*{escape(labels['public'])}. {escape(labels['public_note'])}*"]))
    meeting = m.record.meeting
    when = [f"**{labels[key]}:** {escape(value)}  "
            for key, value in (("date", m.date), ("time", m.time), ("place", meeting.place))
            if one_line(value)]
    if when:
        out.append(_paragraph(when))
    for key, presence in (("present", Presence.PRESENT), ("guests", Presence.GUEST),
                          ("absent", Presence.ABSENT)):
        people = m.people(presence)
        if people:
            out.append(_paragraph([f"**{labels[key]}:**"]))
            out.append(_bullets([escape(p) for p in people]))
    roles = [f"**{label}:** {escape(name)}  "
             for label, name in [*m.role_holders(), *m.record_lines()]]
    if m.paragraph_span:
        roles.append(f"**{labels['paragraphs']}:** {m.paragraph_span}  ")
    if roles:
        out.append(_paragraph(roles))


def _item(out: list[str], m: Minutes, number: int, item: AgendaItem) -> None:
    labels = m.labels
    heading = f"§ {number} {escape(item.title)}"
    if item.confidential and not m.public:
        heading += f" – **{labels['confidential_mark']}**"
    out.append(_heading(2, heading))
    if m.hidden(item):
        out.append(_paragraph([f"*{escape(labels['confidential_left_out'])}*"]))
        return
    if has_text(item.notes):
        out.append(block(markdown(item.notes).strip()))
    elif item.kind is ItemKind.ATTENDANCE and m.record.attendance:
        out.append(_paragraph([escape(labels["attendance_above"])]))
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
        joined = (f"{lead}\n\n{decision}" if _MARKDOWN_BLOCK.match(decision)
                  else f"{lead} {decision}")
        out.append(block(joined))


def _mark(m: Minutes, confidential: bool) -> str:
    return f" **{m.labels['confidential_mark']}**" if confidential and not m.public else ""


def _left_out(out: list[str], text: str) -> bool:
    if text:
        out.append(_paragraph([f"*{escape(text)}*"]))
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
                out.append(_paragraph([escape(labels["no_followups"])]))
            return
        rows = [[escape(m.followup_measure(f)) + _mark(m, f.measure.confidential),
                 escape(m.owner(f.measure)), escape(m.status_change(f)),
                 _cell(f.update.comment) if f.update is not None else ""]
                for f in record.followups]
        out.append(_table([labels[k] for k in ("measure", "owner", "status_change", "comment")],
                          rows))
        _left_out(out, left_out)
    elif kind is ItemKind.ACTIONS:
        if not record.measures:
            if not _left_out(out, left_out):
                out.append(_paragraph([escape(labels["no_measures"])]))
            return
        rows = [[str(m.measure_number(ms) or n), _cell(ms.text) + _mark(m, ms.confidential),
                 escape("; ".join(m.record.addressed[c].text for c in ms.cause_ids
                                  if c in m.record.addressed)),
                 escape(word(labels, ms.type)),
                 escape(word(labels, ms.level)) if ms.level is not PreventionLevel.UNSAID else "",
                 escape(word(labels, ms.method)),
                 escape(m.owner(ms)), format_date(ms.due), escape(m.status(ms))]
                for n, ms in enumerate(record.measures, start=1)]
        out.append(_table([labels[k] for k in ("number", "measure", "causes", "type", "level",
                                               "method", "owner", "due", "status")], rows))
        _left_out(out, left_out)
    elif kind is ItemKind.PRIORITIES:
        if record.priorities:
            out.append(_paragraph([f"**{labels['priorities']} {m.quarter}**"]))
            out.append(block("\n".join(f"{position}. {escape(title)}"
                                       for position, title in m.priorities())))
    elif kind is ItemKind.NEXT:
        out.append(_paragraph([f"**{labels['next']}:** {escape(m.next_meeting())}"]))
    elif kind is ItemKind.ROLLUP:
        _rollup(out, m)
    elif kind is ItemKind.PROPOSALS:
        _proposals(out, m)
    elif kind is ItemKind.AGREEMENTS:
        _agreements(out, m)


def _proposals(out: list[str], m: Minutes) -> None:
    made, received = m.proposals_made(), m.proposals_received()
    if made:
        out.append(_bullets([escape(line) for line in made]))
    if received:
        out.append(_paragraph([f"**{escape(m.proposals_heading())}**"]))
        out.append(_bullets([escape(line) for line in received]))
    if not made and not received:
        out.append(_paragraph([escape(m.labels["no_proposals"])]))


def _rollup(out: list[str], m: Minutes) -> None:
    rows = m.rollup_rows()
    if not rows:
        out.append(_paragraph([escape(m.labels["no_rollup"])]))
        return
    out.append(_table(m.rollup_headers(), [[escape(cell) for cell in row] for row in rows]))
    out.append(_paragraph([f"*{escape(m.rollup_note())}*"]))
    late = m.rollup_late()
    if late:
        out.append(_paragraph([f"**{escape(m.labels['rollup_late'])}**"]))
        out.append(_bullets([escape(line) for line in late]))


def _agreements(out: list[str], m: Minutes) -> None:
    labels = m.labels
    if not m.record.agreements:
        if not any(has_text(i.notes) for i in m.record.items if i.kind is ItemKind.AGREEMENTS):
            out.append(_paragraph([escape(labels["no_agreements"])]))
        return
    for detail in m.record.agreements:
        out.append(_paragraph([f"**{escape(m.agreement_head(detail))}**"]))
        if m.parties(detail):
            out.append(_paragraph([escape(m.parties(detail))]))
        if detail.commitments:
            out.append(_table([labels[k] for k in ("party", "commitment", "owner", "due",
                                                   "status")],
                              [[escape(c.party), _cell(c.text), escape(m.commitment_owner(c)),
                                format_date(c.due), escape(m.commitment_status(c))]
                               for c in detail.commitments]))
        else:
            out.append(_paragraph([escape(labels["no_commitments"])]))
        if detail.measures:
            out.append(_paragraph([f"*{escape(labels['agreement_measures'])}:*"]))
            out.append(_table([labels[k] for k in ("measure", "owner", "due", "status")],
                              [[_cell(ms.text) + _mark(m, ms.confidential), escape(m.owner(ms)),
                                format_date(ms.due), escape(m.status(ms))]
                               for ms in detail.measures]))
    if not m.draft:
        out.append(_paragraph([f"*{escape(labels['agreements_as_of'])}*"]))


def _situation(out: list[str], m: Minutes) -> None:
    labels = m.labels
    observations = m.record.observations
    left_out = m.left_out(ItemKind.SITUATION)
    if not observations:
        if not _left_out(out, left_out):
            out.append(_paragraph([escape(labels["no_observations"])]))
        return
    rows = []
    for index, detail in enumerate(observations, start=1):
        obs = detail.observation
        area = f"{m.observation_number(obs) or index}. {escape(m.area(obs))}"
        if obs.carried_over_from is not None:
            area += f" *({escape(labels['carried_over'])})*"
        rows.append([area + _mark(m, obs.confidential), escape(obs.category),
                     _cell(obs.description), escape(word(labels, obs.trend)), escape(obs.source)])
    out.append(_table([labels[k] for k in ("area", "category", "description", "trend", "source")],
                      rows))
    _left_out(out, left_out)
    for index, detail in enumerate(observations, start=1):
        if not detail.causes and not detail.measures and not detail.earlier_measures:
            continue
        obs = detail.observation
        title = f"{labels['observation']} {m.observation_number(obs) or index}: {m.area(obs)}"
        if one_line(obs.category):
            title += f" – {one_line(obs.category)}"
        out.append(_heading(3, f"{escape(title)}{_mark(m, obs.confidential)}"))
        if detail.causes:
            out.append(_paragraph([f"**{labels['causes']}**"]))
            out.append(_bullets([
                f"{escape(word(labels, c.dimension).capitalize())}: {_cell(c.text)}"
                + (f" ({escape(word(labels, c.basis))})" if c.basis is not CauseBasis.UNSAID
                   else "")
                for c in detail.causes]))
        if detail.measures:
            out.append(_paragraph([f"**{labels['measures']}**"]))
            items, subs = [], []
            for measure in detail.measures:
                planned = m.measure_number(measure)
                prefix = f"{labels['measure']} {planned}: " if planned is not None else ""
                items.append(f"{escape(prefix + m.measure_line(measure))}"
                             f"{_mark(m, measure.confidential)}")
                subs.append([escape(text) for text in (m.addresses(measure),
                                                       m.knowledge(measure)) if text])
            out.append(_bullets(items, subs))
        if detail.earlier_measures:
            out.append(_paragraph([f"**{labels['earlier_measures']}:** "
                                   f"{escape(m.earlier_line(detail.earlier_measures))}"]))


def _signatures(out: list[str], m: Minutes) -> None:
    labels = m.labels
    meeting = m.record.meeting
    if not m.protocol and not one_line(meeting.adjuster):
        if one_line(meeting.secretary):
            out.append(_paragraph([f"*{labels['noted_by']}: {escape(meeting.secretary)}, "
                                   f"{labels['secretary'].lower()}*"]))
        return
    line = "\\_" * 24
    by = labels["signed_by_secretary" if m.protocol else "noted_by"]
    out.append(_paragraph([f"**{by}**"]))
    out.append(_paragraph([f"{line}  ", f"{escape(meeting.secretary)}, "
                                         f"{labels['secretary'].lower()}"]))
    out.append(_paragraph([f"**{labels['adjusted']}**"]))
    for key, name in (("chair", meeting.chair), ("adjuster", meeting.adjuster)):
        out.append(_paragraph([f"{line}  ", f"{escape(name)}, {labels[key].lower()}"]))
