"""What the UI says, in Swedish and English: one TOML catalogue per language.

Keys are dotted (`section.name`); values are `str.format` templates. `t(key, **kw)` looks a key
up in the current language, falling back to Swedish and then to the key itself, so a missing
text shows up as its key rather than as a crash in front of the group.

A text that holds a number of something has a form per number (Swedish and English both have
two: one and other). Its value is a table instead of a string:

    count = { one = "{count} åtgärd", other = "{count} åtgärder" }

and `t("actions.count", count=n)` picks `one` when n is 1, else `other`. A text with two or more
numbers gives each its own forms, under the name of its placeholder, beside the text:

    detail = { text = "{causes}, {measures}", causes = { one = "{count} orsak", other = … }, … }

`t("situation.detail", causes=1, measures=3)` says "1 orsak, 3 åtgärder": each number is worded
with its own forms (where `{count}` is that number) before the text is formatted.

Textual reads key-binding labels when a class is defined, so the UI sets the language (from
`--lang`) before it imports its screens; one process speaks one language.
"""

from __future__ import annotations

import locale
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("sv", "en")
#: The plural categories the catalogues use (CLDR's, for Swedish and English: one, other).
FORMS = ("one", "other")
_HERE = Path(__file__).resolve().parent
_current: str | None = None  # resolved from the environment on first use


@dataclass(frozen=True)
class Plural:
    """The forms of a text that holds a number: `one` for 1, `other` for any other number."""

    other: str
    one: str | None = None

    def pick(self, count: object) -> str:
        if self.one is not None and isinstance(count, int | float) and count == 1:
            return self.one
        return self.other


@dataclass(frozen=True)
class Counted:
    """A text with several numbers, each worded with its own forms (keyed by placeholder)."""

    text: str
    numbers: Mapping[str, Plural]


Entry = str | Plural | Counted


def _plural(value: Mapping[str, Any]) -> Plural | None:
    """The forms in ``value`` if it is a table of plural forms (`other` and perhaps `one`)."""
    if not value or not set(value) <= set(FORMS) or not isinstance(value.get("other"), str):
        return None
    one = value.get("one")
    return Plural(other=value["other"], one=one if isinstance(one, str) else None)


def _counted(value: Mapping[str, Any]) -> Counted | None:
    """``value`` as a text with its numbers' forms, if it is one (`text` and plural tables)."""
    if not isinstance(value.get("text"), str) or len(value) < 2:
        return None
    numbers = {}
    for name, forms in value.items():
        if name == "text":
            continue
        plural = _plural(forms) if isinstance(forms, Mapping) else None
        if plural is None:
            return None
        numbers[name] = plural
    return Counted(value["text"], numbers)


def _flatten(table: Mapping[str, Any], prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            flat.update(_flatten(value, f"{name}."))
        else:
            flat[name] = str(value)
    return flat


def _entries(table: Mapping[str, Any], prefix: str = "") -> dict[str, Entry]:
    found: dict[str, Entry] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, Mapping):
            entry = _plural(value) or _counted(value)
            if entry is not None:
                found[name] = entry
            else:
                found.update(_entries(value, f"{name}."))
        else:
            found[name] = str(value)
    return found


@cache
def _load(lang: str) -> dict[str, Any]:
    import tomllib  # here: `section` reads without it

    with (_HERE / f"{lang}.toml").open("rb") as file:
        return tomllib.load(file)


@cache
def catalogue(lang: str) -> dict[str, str]:
    """Every string of one language's catalogue, flattened: a text with forms appears as its
    forms' keys (`actions.count.one`, `actions.count.other`, `situation.detail.text` …)."""
    return _flatten(_load(lang))


@cache
def entries(lang: str) -> dict[str, Entry]:
    """Every text of one language's catalogue by its key, a text with forms as one entry."""
    return _entries(_load(lang))


_PLAIN = re.compile(r'^([A-Za-z0-9_-]+) = ("(?:[^"\\]|\\.)*")$', re.MULTILINE)


@cache
def section(lang: str, name: str) -> dict[str, str]:
    """The plain texts (`key = "text"` lines) of one `[name]` section of a catalogue, read
    without the rest and without a TOML parser: for a command whose start-up is measured
    (`meetingtui stats`), which the whole catalogue (4 ms, and 2 ms to import tomllib) would
    slow more than its own work. A test checks that this reads what `catalogue` reads."""
    text = (_HERE / f"{lang}.toml").read_text(encoding="utf-8")
    start = text.index(f"\n[{name}]\n")
    end = text.find("\n[", start + 1)
    body = text[start:] if end == -1 else text[start:end]
    return {key: _unquoted(value) for key, value in _PLAIN.findall(body)}


def _unquoted(quoted: str) -> str:
    if "\\" not in quoted:
        return quoted[1:-1]
    import json  # a TOML basic string without \e or \U reads as the JSON string it looks like

    return str(json.loads(quoted))


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
    return key in entries(language())


def _format(text: str, kw: Mapping[str, Any]) -> str:
    try:
        return text.format(**kw)
    except (KeyError, IndexError, ValueError):
        return text


def t(key: str, **kw: Any) -> str:
    entry = entries(language()).get(key) or entries("sv").get(key) or key
    if isinstance(entry, Plural):
        return _format(entry.pick(kw.get("count")), kw)
    if isinstance(entry, Counted):
        worded = {name: _format(forms.pick(kw[name]), {**kw, "count": kw[name]})
                  for name, forms in entry.numbers.items() if name in kw}
        return _format(entry.text, {**kw, **worded})
    if not kw:
        return entry
    return _format(entry, kw)


def validation_message(error_type: str, fallback: str, context: Mapping[str, Any] | None) -> str:
    """A pydantic error (by its stable `type`) in the user's language; its own text if unknown."""
    key = f"error.{error_type}"
    return t(key, **dict(context or {})) if has(key) else fallback
