"""What the UI says, in Swedish and English: one TOML catalogue per language.

Keys are dotted (`section.name`); values are `str.format` templates. `t(key, **kw)` looks a key
up in the current language, falling back to Swedish and then to the key itself, so a missing
text shows up as its key rather than as a crash in front of the group.

Textual reads key-binding labels when a class is defined, so the UI sets the language (from
`--lang`) before it imports its screens; one process speaks one language.
"""

from __future__ import annotations

import locale
import os
import tomllib
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("sv", "en")
_HERE = Path(__file__).resolve().parent
_current: str | None = None  # resolved from the environment on first use


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every key of one language's catalogue, flattened."""
    with (_HERE / f"{lang}.toml").open("rb") as file:
        return _flatten(tomllib.load(file))


def default_language() -> str:
    """`MEETINGTUI_LANG` if set, else English when the locale says so, else Swedish."""
    wanted = os.environ.get("MEETINGTUI_LANG", "").strip().lower()[:2]
    if wanted in LANGUAGES:
        return wanted
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(name, "")
        if value:
            return "en" if value.lower().startswith("en") else "sv"
    code = locale.getlocale()[0] or ""
    return "en" if code.lower().startswith("en") else "sv"


def set_language(lang: str) -> None:
    global _current
    if lang not in LANGUAGES:
        raise ValueError(f"Unknown language {lang!r}; choose one of {', '.join(LANGUAGES)}")
    _current = lang


def language() -> str:
    global _current
    if _current is None:
        _current = default_language()
    return _current


def has(key: str) -> bool:
    return key in catalogue(language())


def t(key: str, **kw: Any) -> str:
    text = catalogue(language()).get(key) or catalogue("sv").get(key) or key
    if not kw:
        return text
    try:
        return text.format(**kw)
    except (KeyError, IndexError, ValueError):
        return text


def validation_message(error_type: str, fallback: str, context: Mapping[str, Any] | None) -> str:
    """A pydantic error (by its stable `type`) in the user's language; its own text if unknown."""
    key = f"error.{error_type}"
    return t(key, **dict(context or {})) if has(key) else fallback
