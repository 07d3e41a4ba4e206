"""Text as the models take it: control characters out, lengths bounded, a line kept to one line."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Annotated, Any

from pydantic import (
    AfterValidator,
    BeforeValidator,
)
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


def _clean(value: Any) -> Any:
    """`clean_text` of a text, anything else as it is (the type's own check refuses it); the
    same steps inline, as this runs for every text of every row read."""
    if not isinstance(value, str):
        return value
    return _clean_text(value) if len(value) <= _REMEMBERED else _clean_text.__wrapped__(value)


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


# Cleaning comes before the type's own check (a lone surrogate pasted in is removed, not
# refused), then each kind's rules in one function, not a validator per rule: every row read is
# validated again, a publish reads half a million texts, and each call costs.
@lru_cache(maxsize=50_000)  # names and lines repeat row after row; an error is not kept
def _name(value: str) -> str:
    return _short(_required(_single_line(value)))


@lru_cache(maxsize=50_000)
def _line(value: str) -> str:
    return _short(_single_line(value))


def _description(value: str) -> str:
    return _long(_required(value))


@lru_cache(maxsize=50_000)
def _owner(value: str) -> str:
    value = _single_line(value)
    if not value:
        raise PydanticCustomError("owner_missing", "Every measure needs an owner (ansvarig)")
    return _short(value)


#: A name, title or place: one line, required.
Name = Annotated[str, BeforeValidator(_clean), AfterValidator(_name)]
#: One line that may be left empty.
Line = Annotated[str, BeforeValidator(_clean), AfterValidator(_line)]
#: Notes, descriptions, decisions: Markdown, many lines, may be empty.
Notes = Annotated[str, BeforeValidator(_clean), AfterValidator(_long)]
#: A description that must say something.
Description = Annotated[str, BeforeValidator(_clean), AfterValidator(_description)]
#: Who answers for a measure or a commitment: one line, required, said so when missing.
Owner = Annotated[str, BeforeValidator(_clean), AfterValidator(_owner)]
#: What one or more fields held, quoted in an amendment: bounded by those fields, not by one.
Quoted = Annotated[str, BeforeValidator(_clean)]


