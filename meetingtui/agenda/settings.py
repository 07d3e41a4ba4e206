"""The front matter: TOML settings between the +++ lines, and pydantic errors in plain words."""

from __future__ import annotations

import json
import re
import tomllib
from enum import StrEnum
from pathlib import Path
from typing import Any

from pydantic_core import ErrorDetails

from meetingtui.agenda.errors import TemplateError, Words, words
from meetingtui.model import DocumentType, Frequency, GroupTemplate, Language, MeasureType

#: The settings a template's front matter may hold, in the order they are listed to the user.
SETTINGS: tuple[str, ...] = tuple(
    name for name in GroupTemplate.model_fields if name not in ("title", "items", "source")
)
_REQUIRED = tuple(name for name in SETTINGS if GroupTemplate.model_fields[name].is_required())
MINUTES_MAX = 480
_ENUMS: dict[str, type[StrEnum]] = {
    "language": Language, "document": DocumentType, "frequency": Frequency,
    "measure_type": MeasureType,
}
_HELP = {
    "id": words("help_id"),
    "name": words("help_text", example='name = "Effektiv samordning för trygghet"'),
    "short": words("help_text", example='short = "EST"'),
    "chair": words("help_text", example='chair = "Säkerhetschef"'),
    "skip_months": words("help_skip_months"),
    "members": words("help_list", example='members = ["Säkerhetschef", "Kommunpolis"]'),
    "categories": words("help_list", example='categories = ["Klotter", "Inbrott"]'),
} | {key: words("help_enum", allowed=", ".join(member.value for member in enum))
     for key, enum in _ENUMS.items()}
# tomllib's messages (stable across Python versions so far) → our keys.
_TOML_WORDS = {
    "Invalid value": "toml_invalid_value",
    "Expected '=' after a key in a key/value pair": "toml_expected_equals",
    "Unterminated string": "toml_unterminated_string",
    "Unclosed array": "toml_unclosed_array",
    "Cannot overwrite a value": "toml_given_twice",
    "Invalid statement": "toml_invalid_statement",
    "Invalid initial character for a key part": "toml_missing_key",
    "Unclosed inline table": "toml_unclosed_table",
    "Invalid date or datetime": "toml_invalid_date",
    "Unescaped '\\' in a string": "toml_unescaped_backslash",
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
        why = words(_TOML_WORDS[reason]) if reason in _TOML_WORDS else words(
            "toml_other", reason=f"{reason[:1].lower()}{reason[1:]}")
        if reason == r"Illegal character '\n'":
            why = words("toml_unterminated_string")
        elif reason.startswith(("Illegal character", "Found invalid character")):
            why = words("toml_bad_character", character=reason.split()[-1])
        raise TemplateError(path, max(line, 1) + 1, why) from None
    except RecursionError:
        raise TemplateError(path, 2, words("too_deep")) from None
    unknown = sorted((key_line(front, key), key) for key in data if key not in SETTINGS)
    if unknown:
        line, key = unknown[0]
        raise TemplateError(path, line, words(
            "unknown_setting", key=show(key), known=", ".join(SETTINGS)))
    tables = sorted((key_line(front, k), k) for k, value in data.items() if isinstance(value, dict))
    if tables:  # `[members]` or `members.x = …`: whatever follows lands inside it
        line, key = tables[0]
        raise TemplateError(path, line, words("setting_help", key=key, help=_HELP[key]))
    missing = [f'"{key}"' for key in _REQUIRED if key not in data]
    if len(missing) == 1:
        raise TemplateError(path, 1, words("missing_setting", key=missing[0]))
    if missing:
        raise TemplateError(path, 1, words(
            "missing_settings", first=", ".join(missing[:-1]), last=missing[-1]))
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
) -> tuple[int, Words]:
    """A pydantic error as (line, plain words)."""
    loc, kind = err["loc"], err["type"]
    # pydantic's own text for what we do not word ourselves, lowercased to follow a colon.
    detail = words(f"detail_{kind}", err["msg"][:1].lower() + err["msg"][1:],
                   **err.get("ctx", {}))
    if loc[0] == "items" and len(loc) > 2 and isinstance(loc[1], int):
        line, what = items[loc[1]]["line"], loc[2]
        if what == "title":
            why = words("item_no_title") if kind == "text_empty" else words(
                "item_title_too_long", detail=detail)
        elif what == "minutes":
            why = words("item_minutes", max=MINUTES_MAX)
        elif what == "guidance":
            why = words("guidance_too_long", detail=detail)
        elif what == "points":
            why = words("point_too_long", detail=detail)
        elif what == "decision":
            why = words("decision_too_long", detail=detail)
        else:
            why = detail
        return line, why
    key = str(loc[0])
    if key == "title":
        return title_line, words("title_too_long", detail=detail)
    line = key_line(front, key)
    if kind == "missing":
        return 1, words("missing_setting", key=f'"{key}"')
    if key in _ENUMS:
        allowed = ", ".join(member.value for member in _ENUMS[key])
        return line, words("not_allowed", value=show(err["input"]), key=key, allowed=allowed)
    if kind == "text_empty" and len(loc) > 1:
        return line, words("empty_entry", key=key)
    if kind == "text_empty":
        return line, words("setting_empty", key=key)
    if kind == "text_too_long":
        return line, words("setting_too_long", key=key, detail=detail)
    return line, words("setting_help", key=key, help=_HELP.get(key, detail))
