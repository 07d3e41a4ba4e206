"""A detector for English in the Swedish interface: common English UI words, as whole words.

Only words that are not also Swedish (no "status", "plan", "filter", "export", "argument") and not
key names the Swedish interface shows too (Enter, Esc, Tab, Ctrl, Home, End). Proper nouns and
product names that stand in Swedish text as they are go in `ALLOWED`.
"""

from __future__ import annotations

import re

_ENGLISH = """
search save saved cancel quit keys key screenshot maximize minimize found matches match commands
command theme open close delete error warning yes usage options option show message exit help
the and for with press back edit remove add new settings members member meeting meetings measure
measures owner due cause causes observation observations minutes action actions group groups
date time place name report reports select choose loading unknown none invalid missing required
overdue done no not of to is are this that you your palette focused widget toggle change copy
paste scroll focus next previous submit clear arguments such file directory does exist
try instead got expected value values command's commands' database folder language
print write read list lists when where which without only each every from into
"""
ENGLISH = frozenset(_ENGLISH.split())

#: Names that stand as they are in Swedish text.
_ALLOWED = """
EST SSPF BRÅ KLG Word Excel CSV JSON Markdown HTML SQLite SVG ICS iCalendar TOML pipx meetingtui
bash zsh fish PowerShell
"""
ALLOWED = frozenset(_ALLOWED.split())

_WORD = re.compile(r"[A-Za-zÅÄÖåäöÉé]+(?:'[a-z]+)?")


def english_words(text: str) -> list[str]:
    """The English words in ``text``, in order (empty when it reads as Swedish)."""
    return [word for word in _WORD.findall(text)
            if word not in ALLOWED and word.lower() in ENGLISH]

