"""The one error an agenda template can raise: where (file, line) and why, in plain words.

The words are a key of the i18n catalogues (`template_error.*`) with their values, worded when
shown: the app and the command line say them in the user's language, while `str(err)` and
`err.message` stay English, for logs and for the tests that read them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from meetingtui.i18n import catalogue, format_text

SECTION = "template_error"


@dataclass(frozen=True)
class Words:
    """A message by its key in `[template_error]`; a value may itself be `Words`."""

    key: str
    values: Mapping[str, object] = field(default_factory=dict)
    fallback: str = ""  # said when no catalogue has the key (a pydantic text we do not word)

    def say(self, lang: str) -> str:
        name = f"{SECTION}.{self.key}"
        text = catalogue(lang).get(name) or catalogue("en").get(name)
        if text is None:
            return self.fallback or name
        values = {k: v.say(lang) if isinstance(v, Words) else v for k, v in self.values.items()}
        # Always formatted, even without values: the catalogue writes a literal brace as {{ }}.
        return format_text(text, values, lang)


def words(key: str, fallback: str = "", /, **values: object) -> Words:
    return Words(key, values, fallback)


class TemplateError(Exception):
    """A template file that cannot be used. `str(err)` is `FILE:LINE: message` in English;
    `err.located(lang)` is the same in the user's language."""

    def __init__(self, path: Path, line: int, why: Words) -> None:
        super().__init__(path, line, why)
        self.path = path
        self.line = line  # 1-based; 0 when the problem is the whole file or folder
        self.why = why

    @property
    def message(self) -> str:
        return self.why.say("en")

    def located(self, lang: str) -> str:
        """`FILE:LINE: message` (the whole path when the line is 0) in ``lang``."""
        if self.line < 1:
            return f"{self.path}: {self.why.say(lang)}"
        return f"{self.path.name}:{self.line}: {self.why.say(lang)}"

    def __str__(self) -> str:
        return self.located("en")
