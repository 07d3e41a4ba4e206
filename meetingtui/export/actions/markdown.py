"""The action list as Markdown (for an e-mail or an intranet page): one section per owner, each
a table. Every field is plain text, escaped so that a `*` or `|` stays a character."""

from __future__ import annotations

import re

from meetingtui.export.actions.common import (
    CONFIDENTIAL,
    HEAD,
    LEVEL_WORDS,
    METHOD_WORDS,
    NONE_FOUND,
    TITLE,
    TYPE_WORDS,
    decided_text,
    due_text,
    filter_summary,
    owner_orgs,
    sections,
    status_word,
    subtitle,
)
from meetingtui.services.actions import ActionList, ActionRow

_SPECIAL = re.compile(r"([\\`*_\[\]<>|#~])")
_COLUMNS = ("id", "text", "type", "level", "method", "causes", "group", "meeting", "due",
            "status")


def escape(text: str) -> str:
    """Plain text as Markdown that shows the same characters, on one line."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def _line(row: ActionRow) -> str:
    status = escape(status_word(row))
    if row.overdue:
        status = f"**{status}**"
    if row.confidential:  # only an internal list has them; a public one leaves them out
        status += f" · **{CONFIDENTIAL}**"
    decided = decided_text(row)
    cells = [str(row.id), escape(row.text) + (f" ({escape(decided)})" if decided else ""),
             TYPE_WORDS.get(row.type, escape(row.type)),
             LEVEL_WORDS.get(row.level, escape(row.level)),
             METHOD_WORDS.get(row.method, escape(row.method)), escape("; ".join(row.causes)),
             escape(row.group_short), row.meeting_date.isoformat(), due_text(row), status]
    return "| " + " | ".join(cells) + " |"


def build_md(actions: ActionList) -> str:
    out = [f"# {TITLE}", "", escape(subtitle(actions)), "", escape(filter_summary(actions.filters)),
           ""]
    if not actions.rows:
        out += [NONE_FOUND, ""]
    for owner, rows in sections(actions.rows).items():
        out += [f"## {escape(owner)}", ""]
        if orgs := owner_orgs(rows):
            out += [escape(orgs), ""]
        out += ["| " + " | ".join(HEAD[c] for c in _COLUMNS) + " |",
                "|" + "|".join("---" for _ in _COLUMNS) + "|"]
        out += [_line(row) for row in rows]
        out.append("")
    return "\n".join(out).rstrip("\n") + "\n"
