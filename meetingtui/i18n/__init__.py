"""What the UI says, in Swedish and English: one TOML catalogue per language.

Keys are dotted (`section.name`); values are `str.format` templates. `t(key, **kw)` looks a key
up in the current language, falling back to Swedish and then to the key itself, so a missing
text shows up as its key rather than as a crash in front of the group.

A text that holds a number of something has a form per plural category. Its value is a table
instead of a string:

    count = { one = "{count} åtgärd", other = "{count} åtgärder" }

and `t("actions.count", count=n)` picks the form of n's CLDR plural category in the language, as
Babel's rules say (`one` for 1 in Swedish and English, `other` else; a table may hold any CLDR
category: zero, one, two, few, many, other). Babel is imported only when a plural is formatted:
the first costs about 30 ms (its rules and locale data), which `--help` and `stats` never pay.

A text with two or more numbers gives each its own forms, under the name of its placeholder,
beside the text:

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
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("sv", "en")
#: CLDR's plural categories; a plural table holds `other` and any of the rest.
FORMS = ("zero", "one", "two", "few", "many", "other")
_HERE = Path(__file__).resolve().parent
_current: str | None = None  # resolved from the environment on first use


#: The whole numbers whose CLDR category is not "other", in each shipped language; every other
#: whole number is "other" there. Babel's rules say so, and a test recomputes them for every
#: language in `LANGUAGES` (it fails for a language missing here): counting measures then costs
#: neither Babel's import nor its locale data (50 ms, against a command's 90 ms start-up).
WHOLE_NUMBERS = {"sv": {1: "one"}, "en": {1: "one"}}


@cache
def _plural_rule(lang: str) -> Callable[[float | int], str]:
    from babel.core import Locale  # here: only a fraction or another language needs CLDR's rules

    return Locale.parse(lang).plural_form


def plural_category(lang: str, count: object) -> str:
    """CLDR's plural category of ``count`` in ``lang`` ("one", "other" …); "other" for what is
    not a number (a missing or misspelt placeholder)."""
    if isinstance(count, bool) or not isinstance(count, int | float):
        return "other"
    if isinstance(count, int) and lang in WHOLE_NUMBERS:
        return WHOLE_NUMBERS[lang].get(abs(count), "other")
    return _plural_rule(lang)(abs(count))


@dataclass(frozen=True)
class Plural:
    """The forms of a text that holds a number, by CLDR plural category; `other` always."""

    other: str
    one: str | None = None
    more: Mapping[str, str] = field(default_factory=dict)  # zero, two, few, many

    def pick(self, count: object, lang: str = "sv") -> str:
        if self.one is None and not self.more:
            return self.other  # one form for every number: no rule to look up
        category = plural_category(lang, count)
        if category == "one":
            return self.one if self.one is not None else self.other
        return self.more.get(category, self.other)


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
    more = {name: text for name, text in value.items()
            if name not in ("one", "other") and isinstance(text, str)}
    return Plural(other=value["other"], one=one if isinstance(one, str) else None, more=more)


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


_QUOTED = r'"(?:[^"\\]|\\.)*"'
_PLAIN = re.compile(rf'^([A-Za-z0-9_-]+) = ({_QUOTED})$', re.MULTILINE)
_FORMS = re.compile(rf'^([A-Za-z0-9_-]+) = \{{ ((?:[a-z]+ = {_QUOTED}(?:, )?)+) \}}$', re.MULTILINE)
_FORM = re.compile(rf'([a-z]+) = ({_QUOTED})')


@cache
def _source(lang: str) -> str:
    return (_HERE / f"{lang}.toml").read_text(encoding="utf-8")


def _section_text(lang: str, name: str) -> str:
    text = _source(lang)
    start = text.index(f"\n[{name}]\n")
    end = text.find("\n[", start + 1)
    return text[start:] if end == -1 else text[start:end]


@cache
def section(lang: str, name: str) -> dict[str, str]:
    """The plain texts (`key = "text"` lines) of one `[name]` section of a catalogue, read
    without the rest and without a TOML parser: for a command whose start-up is measured
    (`meetingtui stats`, `actions`), which the whole catalogue (20 ms to import tomllib and as
    much to parse) would slow more than its own work. A test checks that this reads what
    `catalogue` reads."""
    return {key: _unquoted(value) for key, value in _PLAIN.findall(_section_text(lang, name))}


@cache
def section_plurals(lang: str, name: str) -> dict[str, Plural]:
    """The texts with forms of one `[name]` section, each written on one line
    (`count = { one = "…", other = "…" }`), read as `section` reads; a test checks that these
    are the catalogue's."""
    found = {}
    for key, forms in _FORMS.findall(_section_text(lang, name)):
        plural = _plural({form: _unquoted(text) for form, text in _FORM.findall(forms)})
        if plural is not None:
            found[key] = plural
    return found


def counted(section_name: str, key: str, count: int, **kw: Any) -> str:
    """`t(f"{section_name}.{key}", count=count, **kw)`, read from that section alone
    (`section_plurals`): for a command whose start-up is measured."""
    lang = language()
    forms = section_plurals(lang, section_name).get(key)
    if forms is None:
        return t(f"{section_name}.{key}", count=count, **kw)
    return _format(forms.pick(count, lang), {**kw, "count": count}, lang)


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


def format_text(text: str, fields: Mapping[str, Any], lang: str = "sv") -> str:
    """A catalogue text filled in as ``text.format(**fields)`` (and failing as it does), with
    the catalogue's own specs: "{group:gen}" a name's genitive, "{max:n}" a whole number as
    the language writes it (`say_number`)."""
    if ":gen}" in text:
        fields = {name: _Named(value, lang) if isinstance(value, str) else value
                  for name, value in fields.items()}
    if ":n}" in text:
        fields = {name: _Number(value, lang) for name, value in fields.items()}
    return text.format(**fields)


def _format(text: str, kw: Mapping[str, Any], lang: str = "sv") -> str:
    try:
        return format_text(text, kw, lang)
    except (KeyError, IndexError, ValueError):
        return text


def genitive(name: str, lang: str = "sv") -> str:
    """"EST:s", "Lokalt BRÅ:s", "Anna Bergs", "Lars" in Swedish (a colon after an
    abbreviation, nothing after s, x or z); "EST's", "Anna Berg's" in English. "ESTs" is not
    Swedish, and a group's short name is mostly an abbreviation."""
    name = name.strip()
    if not name:
        return name
    if lang == "en":
        return f"{name}'s"
    last = name[-1]
    if last.isupper() or last.isdigit():
        return f"{name}:s"
    return name if last.lower() in "sxz" else f"{name}s"


def say_number(value: int, lang: str = "sv") -> str:
    """"20 000" in Swedish (a space, one that does not break, between groups of three from five
    digits on: "4000" stays whole, as Swedish writes it), "20,000" in English."""
    if lang == "en":
        return f"{value:,}"
    return str(value) if abs(value) < 10_000 else f"{value:,}".replace(",", "\u00a0")


def _whole(value: object) -> bool:
    return (isinstance(value, int) and not isinstance(value, bool)) or (
        isinstance(value, str) and value.isascii() and value.isdigit())


class _Number:
    """A value given to a catalogue text: `{max:n}` there says a whole number (or its digits)
    as the language writes numbers (`say_number`), anything else as it is."""

    def __init__(self, value: object, lang: str) -> None:
        self.value = value
        self.lang = lang

    def __format__(self, spec: str) -> str:
        if spec != "n":
            return format(self.value, spec)
        if _whole(self.value):
            return say_number(int(str(self.value)), self.lang)
        return str(self.value)


class _Named(str):
    """A name given to a catalogue text: `{name:gen}` there says its genitive."""

    lang = "sv"

    def __new__(cls, value: str, lang: str) -> _Named:
        named = super().__new__(cls, value)
        named.lang = lang
        return named

    def __format__(self, spec: str) -> str:
        if spec == "gen":
            return genitive(str(self), self.lang)
        return format(str(self), spec)


def t(key: str, **kw: Any) -> str:
    """The text of ``key`` in the interface language, formatted with ``kw``."""
    return t_in(language(), key, **kw)


def t_in(lang: str, key: str, **kw: Any) -> str:
    """The text of ``key`` in ``lang``, whatever the interface speaks: the minutes are written
    in their template's language."""
    entry = entries(lang).get(key) or entries("sv").get(key) or key
    if isinstance(entry, Plural):
        return _format(entry.pick(kw.get("count"), lang), kw, lang)
    if isinstance(entry, Counted):
        worded = {name: _format(forms.pick(kw[name], lang), {**kw, "count": kw[name]}, lang)
                  for name, forms in entry.numbers.items() if name in kw}
        return _format(entry.text, {**kw, **worded}, lang)
    if not kw:
        return entry
    return _format(entry, kw, lang)


def words_of(section_name: str) -> Callable[[str], str]:
    """A function that says one word of `[section_name]` in the interface language (the word
    itself where the catalogue has none): for a leaf module that names places in plain words and
    may not import the catalogue (privacy's "§ 13 Övriga frågor, anteckningar")."""
    def say(word: str) -> str:
        key = f"{section_name}.{word}"
        return t(key) if has(key) else word
    return say


def os_error(error: OSError) -> str:
    """What the operating system answered, in the interface language (`[os_errors]`, by the
    errno's name); its own words (English) for an errno the catalogue does not name."""
    import errno

    name = errno.errorcode.get(error.errno or 0, "")
    said = section(language(), "os_errors").get(name) if name else None
    return said or error.strerror or str(error)


def validation_message(error_type: str, fallback: str, context: Mapping[str, Any] | None) -> str:
    """A pydantic error (by its stable `type`) in the user's language; its own text if unknown."""
    key = f"error.{error_type}"
    return t(key, **dict(context or {})) if has(key) else fallback
