"""Text that Word can hold: every string goes through `word_text` before any python-docx call.

lxml refuses characters XML 1.0 does not allow (C0 controls except tab and newline, U+FFFE,
U+FFFF, lone surrogates) with a ValueError, and a failed call leaves an empty paragraph or cell
behind; so text is cleaned first, never caught afterwards. Tabs and newlines are kept (python-docx
turns them into <w:tab/> and <w:br/>); CR and CRLF become LF.
"""

from __future__ import annotations

import re
from functools import lru_cache

_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")


def word_text(value: str) -> str:
    """``value`` without characters Word cannot hold; line ends as LF."""
    if "\r" in value:
        value = value.replace("\r\n", "\n").replace("\r", "\n")
    # Searching first: most text holds nothing to remove, and a publish cleans a million strings.
    return _NOT_XML.sub("", value) if _NOT_XML.search(value) else value


def one_line(value: str) -> str:
    """Cleaned and folded to one line (table cells, headings, file names); a short text
    remembered, as the same names and measures stand on page after page of a publish."""
    return _one_line(value) if len(value) <= REMEMBERED else _one_line.__wrapped__(value)


#: Texts up to this long are remembered (names, statuses, measures); longer ones, notes, are
#: not: they seldom come again, and 50,000 of them would hold the memory.
REMEMBERED = 500


@lru_cache(maxsize=50_000)
def _one_line(value: str) -> str:
    return " ".join(word_text(value).split())


def has_text(value: str) -> bool:
    """True when something visible is left after cleaning."""
    return bool(word_text(value).strip())
