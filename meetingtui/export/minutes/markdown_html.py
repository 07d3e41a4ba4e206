"""Markdown text laid out as the HTML markdown-it makes of it, without markdown-it where the
text is plain (most of a page of minutes): a line, a paragraph, a tight list, a table, a
heading; markdown-it (`markdown_parser`, CommonMark with tables, HTML off) only where the text
may hold Markdown. Tests hold each piece byte for byte equal to markdown-it's output.

What repeats (a status, an owner, a measure that stands in meeting after meeting) is remembered:
short texts only, so that a long-running app's memory does not fill with notes.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache
from typing import Any

from meetingtui.export.clean import one_line, word_text
from meetingtui.export.minutes.markdown import escape as escape_md
from meetingtui.export.minutes.markdown import markdown

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
MARKDOWN_BLOCK = re.compile(r"\s*(?:[-*+>#]|\d+[.)]|```)")  # as markdown._BLOCK_START
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
            out.append(bullets(items))
            was_list = True
            continue
        if not all(_starts_plain(line) and _self_contained(line.rstrip(" ")) for line in lines):
            return None
        out.append(paragraph(lines))
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


def paragraph(lines: list[str]) -> str:
    """Lines of one paragraph, each ending in two spaces (a line break) or not."""
    if not all(_starts_plain(line) for line in lines):
        return block("\n".join(lines))
    out = []
    for index, line in enumerate(lines):
        out.append(inline(line.rstrip(" ")))
        if index < len(lines) - 1:
            out.append("<br />\n" if line.endswith("  ") else "\n")
    return f"<p>{''.join(out)}</p>\n"


def bullets(items: list[str], sub: list[list[str]] | None = None) -> str:
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
            out.append(f"<li>{inline(item)}\n{bullets(subs)}</li>\n")
        else:
            out.append(f"<li>{inline(item)}</li>\n")
    out.append("</ul>\n")
    return "".join(out)


@lru_cache(maxsize=100_000)  # the same statuses, owners and measures fill table after table
def _cell_html(cell: str) -> str:
    """A table cell's Markdown as markdown-it reads it: every ``\\|`` a pipe (in code too),
    the cell trimmed."""
    return inline(cell.replace("\\|", "|").strip())


def table(headers: list[str], rows: list[list[str]]) -> str:
    return table_of(headers, [table_row(row) for row in rows])


def table_row(cells: list[str]) -> str:
    """One body row of `table`, its cells' Markdown as HTML."""
    return "<tr>\n" + "".join(f"<td>{_cell_html(cell)}</td>\n" for cell in cells) + "</tr>\n"


def table_of(headers: list[str], rows: list[str]) -> str:
    """A table of rows made by `table_row`."""
    out = ["<table>\n<thead>\n<tr>\n"]
    out += [f'<th scope="col">{_cell_html(escape(h))}</th>\n' for h in headers]
    out.append("</tr>\n</thead>\n")
    if rows:
        out.append("<tbody>\n")
        out += rows
        out.append("</tbody>\n")
    out.append("</table>\n")
    return "".join(out)


def heading(level: int, text: str) -> str:
    if _NOT_PLAIN.search(text) or text.rstrip().endswith("#"):
        return block(f"{'#' * level} {text}")
    return f"<h{level}>{inline(text)}</h{level}>\n"


def cell(text: str) -> str:
    return one_line(markdown(text)).replace("|", "\\|")
