"""Text as the models take it: control characters out, lengths bounded, a line kept to one line."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from typing import Annotated, Any

from pydantic import BeforeValidator
from pydantic_core import PydanticCustomError

# --- text ------------------------------------------------------------------------------------

# Word (lxml) and most terminals cannot hold these; a note pasted from another program may.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\ud800-\udfff]")

SHORT_MAX = 200
LONG_MAX = 20_000


def clean_text(value: str) -> str:
    """Text as it is stored: LF line ends, no control characters, no surrounding blanks.
    A short text remembered: every row read is validated, and a publish reads the same names
    and measures half a million times (notes, seldom the same, are not kept)."""
    return _clean_text(value) if len(value) <= _REMEMBERED else _clean_text.__wrapped__(value)


_REMEMBERED = 500


@lru_cache(maxsize=50_000)
def _clean_text(value: str) -> str:
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return _CONTROL.sub("", value).strip()


def _single_line(value: str) -> str:
    return " ".join(value.split())


def _required(value: str) -> str:
    if not value:
        raise PydanticCustomError("text_empty", "This field cannot be empty")
    return value


def _short(value: str) -> str:
    if len(value) > SHORT_MAX:
        raise PydanticCustomError(
            "text_too_long", "At most {max} characters (now {length})",
            {"max": SHORT_MAX, "length": len(value)},
        )
    return value


def _long(value: str) -> str:
    if len(value) > LONG_MAX:
        raise PydanticCustomError(
            "text_too_long", "At most {max} characters (now {length})",
            {"max": LONG_MAX, "length": len(value)},
        )
    return value


def _name(value: str) -> str:
    return _short(_required(_single_line(value)))


def _line(value: str) -> str:
    return _short(_single_line(value))


def _description(value: str) -> str:
    return _long(_required(value))


def _owner(value: str) -> str:
    value = _single_line(value)
    if not value:
        raise PydanticCustomError("owner_missing", "Every measure needs an owner (ansvarig)")
    return _short(value)


def _cleaned(check: Callable[[str], str]) -> BeforeValidator:
    """A text cleaned (`clean_text`) and then held to one kind's rules, in one call before the
    type's own check (a lone surrogate pasted in is removed, not refused): every row read is
    validated again, a publish reads half a million texts, and each call costs. A short text's
    outcome is remembered (names and lines repeat row after row; an error is not kept).
    Anything else goes on as it is to the type's check, which refuses it; bytes (a text column
    another program filled with a blob) are read as UTF-8 first, so they are cleaned too."""

    @lru_cache(maxsize=50_000)
    def remembered(value: str) -> str:  # remembered here: not in `clean_text`'s cache as well
        return check(_clean_text.__wrapped__(value))

    def validate(value: Any) -> Any:
        if isinstance(value, bytes):
            try:
                value = value.decode("utf-8")
            except UnicodeDecodeError:
                return value
        if not isinstance(value, str):
            return value
        if len(value) <= _REMEMBERED:
            return remembered(value)
        return check(_clean_text.__wrapped__(value))

    return BeforeValidator(validate)


def _as_it_is(value: str) -> str:
    return value


#: A name, title or place: one line, required.
Name = Annotated[str, _cleaned(_name)]
#: One line that may be left empty.
Line = Annotated[str, _cleaned(_line)]
#: Notes, descriptions, decisions: Markdown, many lines, may be empty.
Notes = Annotated[str, _cleaned(_long)]
#: A description that must say something.
Description = Annotated[str, _cleaned(_description)]
#: Who answers for a measure or a commitment: one line, required, said so when missing.
Owner = Annotated[str, _cleaned(_owner)]
#: What one or more fields held, quoted in an amendment: bounded by those fields, not by one.
Quoted = Annotated[str, _cleaned(_as_it_is)]


