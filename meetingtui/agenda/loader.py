"""Loading templates from files and folders: decoding, the +++ fences, overrides by id."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from meetingtui.agenda.body import read_body
from meetingtui.agenda.errors import TemplateError, words
from meetingtui.agenda.settings import explain, key_line, read_settings
from meetingtui.i18n import os_error
from meetingtui.model import GroupTemplate

FENCE = "+++"


class FolderProblem(TemplateError):
    """A template folder that gives no templates at all; `reason` (missing, not_folder,
    unreadable, empty) lets a caller word it in its own language."""

    def __init__(self, folder: Path, reason: str, detail: str = "") -> None:
        super().__init__(folder, 0, words(f"folder_{reason}", reason=detail))
        self.args = (folder, reason, detail)  # what pickle passes back to __init__
        self.reason = reason


@dataclass
class TemplateSet:
    """The templates that loaded, by id, and what went wrong with the others."""

    templates: dict[str, GroupTemplate] = field(default_factory=dict)
    errors: list[TemplateError] = field(default_factory=list)

    def get(self, id_or_short: str) -> GroupTemplate | None:
        """The template whose id or short name is `id_or_short`, ignoring case."""
        wanted = id_or_short.strip().casefold()
        found = [t for t in self.templates.values() if t.id.casefold() == wanted]
        # A municipality's own templates come last: their short names win.
        found += [t for t in reversed(self.templates.values()) if t.short.casefold() == wanted]
        return found[0] if wanted and found else None


def load_templates(dirs: list[Path]) -> TemplateSet:
    """Every `*.md` in `dirs`; a later folder's template replaces an earlier one of the same id."""
    result = TemplateSet()
    for folder in dirs:
        if not folder.is_dir():
            if folder.exists():
                result.errors.append(FolderProblem(folder, "not_folder"))
            else:
                result.errors.append(FolderProblem(folder, "missing"))
            continue
        try:
            files = sorted((p for p in folder.glob("*.md") if p.is_file()), key=lambda p: p.name)
        except OSError as exc:
            result.errors.append(FolderProblem(folder, "unreadable", _os_reason(exc)))
            continue
        if not files:
            # Most likely the wrong folder was named: say so instead of quietly using none.
            result.errors.append(FolderProblem(folder, "empty"))
            continue
        here: dict[str, Path] = {}
        for file in files:
            try:
                template, id_line = _load(file)
            except TemplateError as err:
                result.errors.append(err)
                continue
            if template.id in here:
                result.errors.append(TemplateError(file, id_line, words(
                    "duplicate_id", id=template.id, other=here[template.id].name)))
                continue
            here[template.id] = file
            result.templates[template.id] = template
    return result


def load_template(path: Path) -> GroupTemplate:
    """Read one template file (UTF-8, with or without BOM, LF or CRLF)."""
    return _load(path)[0]


def parse_template(text: str, path: Path) -> GroupTemplate:
    """A template from its text; `path` is where it came from, for `source` and messages."""
    return _parse(text, path)[0]


# --- reading -------------------------------------------------------------------------------

def _os_reason(exc: OSError) -> str:
    return os_error(exc)  # shown in the user's language as the template error's reason


def _load(path: Path) -> tuple[GroupTemplate, int]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise TemplateError(path, 0, words("file_unreadable", reason=_os_reason(exc))) from None
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise TemplateError(path, 1, words("utf16"))
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = len(re.split(rb"\r\n|\r|\n", raw[: exc.start]))
        raise TemplateError(path, line, words("not_utf8")) from None
    return _parse(text, path)


def _parse(text: str, path: Path) -> tuple[GroupTemplate, int]:
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    lines = text.split("\n")
    if not text.strip():
        raise TemplateError(path, 1, words("empty_file"))
    if lines[0].strip() != FENCE:
        raise TemplateError(path, 1, words("no_fence"))
    end = next((i for i in range(1, len(lines)) if lines[i].strip() == FENCE), 0)
    if not end:
        raise TemplateError(path, 1, words("fence_not_closed"))
    front = lines[1:end]
    settings = read_settings(front, path)
    title, title_line, items = read_body(lines[end + 1:], end + 2, path)
    if not items:
        raise TemplateError(path, end + 1, words("no_items"))
    data = {**settings, "title": title, "items": items, "source": path}
    try:
        template = GroupTemplate.model_validate(data)
    except ValidationError as exc:
        problems = [explain(err, front, title_line, items) for err in exc.errors()]
        line, why = min(problems, key=lambda p: p[0])
        raise TemplateError(path, line, why) from None
    return template, key_line(front, "id")
