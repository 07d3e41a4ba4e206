"""Helpers for the tests of the personnummer detector: valid numbers made from a birth date
and a serial, the strategies that draw them, what glues digits to a number, and the text of a
Word file."""

from __future__ import annotations

import io
import re
import zipfile
from datetime import date

from hypothesis import strategies as st


def check_digit(nine: str) -> str:
    total = 0
    for index, char in enumerate(nine):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return str((10 - total % 10) % 10)


def number_for(born: date, serial: int, *, coordination: bool = False) -> str:
    day = born.day + (60 if coordination else 0)
    nine = f"{born:%y%m}{day:02d}{serial:03d}"
    return nine + check_digit(nine)


births = st.dates(min_value=date(1900, 1, 1), max_value=date(2025, 12, 31))
serials = st.integers(min_value=0, max_value=999)


_GLUED_BEFORE = re.compile(r"(?:\d|\d[-+])$")
_GLUED_AFTER = re.compile(r"^(?:\d|[-+]\d)")
# With a space inside, a digit group beside it or a range after it makes it part of another number.
_GROUPED_BEFORE = re.compile(r"\d\s$")
_GROUPED_AFTER = re.compile(r"^(?:\s\d|\s*-\s*\d)")


def word_text(docx: bytes) -> str:
    """Every paragraph's text in a Word file, a line each: the body, headers, footers and
    notes alike (a date's hyphens are Word's non-breaking ones: read as "-")."""
    paragraphs: list[str] = []
    with zipfile.ZipFile(io.BytesIO(docx)) as package:
        for name in package.namelist():
            if name.startswith("word/") and name.endswith(".xml"):
                xml = package.read(name).decode("utf-8").replace("<w:noBreakHyphen/>",
                                                                 "<w:t>-</w:t>")
                for paragraph in re.findall(r"<w:p[ >].*?</w:p>", xml, flags=re.S):
                    paragraphs.append("".join(re.findall(r"<w:t[^>]*>([^<]*)</w:t>",
                                                         paragraph)))
    return "\n".join(paragraphs)
