"""Hypothesis strategies for text a person might paste into a form: any Unicode at all.

Plain ``st.text()`` never yields lone surrogates and rarely the characters that break things
(NUL, vertical tab, U+FFFE, bidi controls, combining marks, emoji sequences, Markdown marks), so
they are mixed in on purpose, together with empty, blank and very long strings.
"""

from __future__ import annotations

from hypothesis import strategies as st

from meetingtui.model import LONG_MAX, clean_text

TRICKY = [
    "\x00", "\x07", "\x0b", "\x0c", "\x1b", "\x7f", "\ufffe", "\uffff", "\ud800", "\udfff",
    "\t", "\n", "\r", "\r\n", " ", "\u00a0", "\u2028", "\u2029", "\u3000", "\u200b", "\ufeff",
    "\u202e", "\u200f", "\u2066", "\u0301", "\u0308", "e\u0301", "👩‍👩‍👧", "🇸🇪", "😀",
    "مرحبا", "שלום", "å", "Ä", "ö", "§", "–", "*", "_", "|", "#", "<", ">", "&", "`",
    "\\", "[", "]", "~", "=", "+", "-", "@", "1.", "- ", "> ", "```", "    ",
    "\U0010ffff", "\U0001d11e",
]

_PIECES = st.sampled_from(TRICKY) | st.text(min_size=1, max_size=8)

#: Any short text: tricky pieces glued to arbitrary characters.
SHORT = st.lists(_PIECES, max_size=12).map("".join)
#: Blank text that cleaning turns into nothing.
BLANK = st.lists(st.sampled_from(["", " ", "\t", "\n", "\r\n", "\x00", "\u3000", "\ufffe",
                                  "\ud800", "\x0b"]), max_size=6).map("".join)
#: A long text: a piece repeated up to ~10,000 characters, now and then past LONG_MAX.
LONG = st.builds(
    lambda piece, length: (piece * (length // len(piece) + 1))[:length],
    SHORT.filter(bool), st.sampled_from([201, 2_000, 10_000, LONG_MAX, LONG_MAX + 1]),
)
ANY_TEXT = st.one_of(SHORT, SHORT, SHORT, BLANK, LONG)

#: The error types the models raise for text (anything else is a bug).
TEXT_ERRORS = {"text_empty", "text_too_long", "owner_missing"}


def visible(text: str) -> bool:
    """True when something is left of ``text`` once it is stored."""
    return bool(clean_text(text))
