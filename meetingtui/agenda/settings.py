"""The front matter: TOML settings between the +++ lines, and pydantic errors in plain words."""

from __future__ import annotations

import json
import re
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from meetingtui.agenda.errors import TemplateError
from meetingtui.model import DocumentType, Frequency, GroupTemplate, Language

#: The settings a template's front matter may hold, in the order they are listed to the user.
SETTINGS: tuple[str, ...] = tuple(
    name for name in GroupTemplate.model_fields if name not in ("title", "items", "source")
)
_REQUIRED = tuple(name for name in SETTINGS if GroupTemplate.model_fields[name].is_required())
MINUTES_MAX = 480
_ENUMS: dict[str, type[StrEnum]] = {
    "language": Language, "document": DocumentType, "frequency": Frequency,
}
_TEXT = "must be text in double quotes, e.g. "
_LIST = "must be a list of texts in double quotes, e.g. "
_HELP = {
    "id": 'must be a short code of lowercase letters a–z, digits, "-" or "_", e.g. id = "est"',
    "name": _TEXT + 'name = "Effektiv samordning för trygghet"',
    "short": _TEXT + 'short = "EST"',
    "chair": _TEXT + 'chair = "Säkerhetschef"',
    "skip_months": "must be a list of month numbers from 1 to 12, e.g. skip_months = [7, 12]",
    "members": _LIST + 'members = ["Säkerhetschef", "Kommunpolis"]',
    "categories": _LIST + 'categories = ["Klotter", "Inbrott"]',
} | {key: "must be one of: " + ", ".join(member.value for member in enum)
     for key, enum in _ENUMS.items()}
_TOML_WORDS = {
    "Invalid value": 'the value after "=" cannot be read; text goes in double quotes '
    '(chair = "Säkerhetschef"), lists in square brackets (skip_months = [7, 12])',
    "Expected '=' after a key in a key/value pair":
        'each setting must be written as name = value, e.g. chair = "Säkerhetschef"',
    "Unterminated string": 'a text is missing its closing double quote (")',
    "Unclosed array": "a list is missing its closing ] or a comma between two values",
    "Cannot overwrite a value": "this setting is given twice; keep only one",
    "Invalid statement": "this line is not a setting; write name = value",
    "Invalid initial character for a key part": "a setting's name is missing before the =",
    "Unclosed inline table": "a { … } is missing its closing }",
    "Invalid date or datetime": "this date cannot be read; write it as 2025-03-14",
    "Unescaped '\\' in a string": 'a \\ in a text must be written twice (\\\\)',
}
_TOML_AT = re.compile(r"\s*\(at (?:line (\d+), column \d+|end of document)\)\s*$")


def read_settings(front: list[str], path: Path) -> dict[str, Any]:
    """The settings from the front matter's lines (file line 2 onwards), known and complete."""
    try:
        data = tomllib.loads("\n".join(front))
    except ValueError as exc:  # tomllib.TOMLDecodeError, with "(at line N, column M)" at its end
        message = str(exc)
        at = _TOML_AT.search(message)
        line = int(at.group(1)) if at and at.group(1) else len(front)
        reason = message[: at.start()] if at else message
        words = _TOML_WORDS.get(reason, (
            f"the settings between the +++ lines cannot be read ({reason[:1].lower()}{reason[1:]})"
        ))
        if reason == r"Illegal character '\n'":
            words = _TOML_WORDS["Unterminated string"]
        elif reason.startswith(("Illegal character", "Found invalid character")):
            words = f"this line has a character that cannot be used here ({reason.split()[-1]})"
        raise TemplateError(path, max(line, 1) + 1, words) from None
    except RecursionError:
        raise TemplateError(path, 2, "the settings are nested too deeply to be read") from None
    unknown = sorted((key_line(front, key), key) for key in data if key not in SETTINGS)
    if unknown:
        line, key = unknown[0]
        raise TemplateError(path, line, (
            f'{show(key)} is not a known setting; known settings are: {", ".join(SETTINGS)}'
        ))
    tables = sorted((key_line(front, k), k) for k, value in data.items() if isinstance(value, dict))
    if tables:  # `[members]` or `members.x = …`: whatever follows lands inside it
        line, key = tables[0]
        raise TemplateError(path, line, f'"{key}" {_HELP[key]}')
    missing = [f'"{key}"' for key in _REQUIRED if key not in data]
    if len(missing) == 1:
        raise TemplateError(path, 1, (
            f"the required setting {missing[0]} is missing; add it between the +++ lines"
        ))
    if missing:
        names = f"{', '.join(missing[:-1])} and {missing[-1]}"
        raise TemplateError(path, 1, (
            f"the required settings {names} are missing; add them between the +++ lines"
        ))
    return data


def key_line(front: list[str], key: str) -> int:
    """The file line where `key =` (or `[key]`) stands in the front matter, else line 1."""
    name = re.escape(key)
    pattern = re.compile(rf"""\s*\[*\s*(?:{name}|"{name}"|'{name}')\s*[=.\]]""")
    return next((i + 2 for i, text in enumerate(front) if pattern.match(text)), 1)


def show(value: Any) -> str:
    """A value as the user wrote it, shortened."""
    shown = json.dumps(value, ensure_ascii=False, default=str)
    return shown if len(shown) <= 60 else shown[:57] + "…"


def explain(
    err: ErrorDetails, front: list[str], title_line: int, items: list[dict[str, Any]]
) -> tuple[int, str]:
    """A pydantic error as (line, plain words)."""
    loc, kind = err["loc"], err["type"]
    detail = err["msg"][:1].lower() + err["msg"][1:]
    if loc[0] == "items" and len(loc) > 2 and isinstance(loc[1], int):
        line, what = items[loc[1]]["line"], loc[2]
        if what == "title":
            words = "this item has no title; write it after ##" if kind == "text_empty" else (
                f"the item title is too long: {detail}")
        elif what == "minutes":
            words = f"minutes must be a whole number from 1 to {MINUTES_MAX}"
        elif what == "guidance":
            words = f"the text under this heading is too long: {detail}"
        elif what == "points":
            words = f"a point in the list under this heading is too long: {detail}"
        else:
            words = detail
        return line, words
    key = str(loc[0])
    if key == "title":
        return title_line, f"the # title is too long: {detail}"
    line = key_line(front, key)
    if kind == "missing":
        return 1, f'the required setting "{key}" is missing; add it between the +++ lines'
    if key in _ENUMS:
        allowed = ", ".join(member.value for member in _ENUMS[key])
        value = show(err["input"])
        return line, f'{value} is not an allowed value for "{key}"; use one of: {allowed}'
    if kind == "text_empty" and len(loc) > 1:
        return line, f'"{key}" has an empty entry; remove it or fill it in'
    if kind == "text_empty":
        return line, f'"{key}" cannot be empty'
    if kind == "text_too_long":
        return line, f'"{key}" is too long: {detail}'
    return line, f'"{key}" {_HELP.get(key, detail)}'
