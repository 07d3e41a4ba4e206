"""The Markdown body: `# title`, one `##` heading per item, its guidance, points and `{…}`.

Parsed with markdown-it-py; only the `{…}` after a heading is read with regular expressions.
"""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.token import Token

from meetingtui.agenda.errors import TemplateError, words
from meetingtui.agenda.settings import MINUTES_MAX, show
from meetingtui.model import ItemKind

_ATTRS = re.compile(r"(?<!\\)\{([^{}]*)\}\s*$")
_ATTRS_OPEN = re.compile(r"(?<!\\)\{[^{}]*$")
_ATTR = re.compile(
    r"""\.(?P<cls>\S+)|(?P<key>[^\s=."'#]\S*?)=(?P<val>"[^"]*"|'[^']*'|\S+)|(?P<bad>\S+)"""
)
_KINDS = ", ".join(kind.value for kind in ItemKind)
_KIND_VALUES = frozenset(kind.value for kind in ItemKind)


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _blocks(tokens: list[Token]) -> list[list[Token]]:
    """The top-level blocks: each open token with everything up to its close."""
    blocks: list[list[Token]] = []
    start, depth = 0, 0
    for i, token in enumerate(tokens):
        depth += token.nesting
        if depth == 0:
            blocks.append(tokens[start: i + 1])
            start = i + 1
    return blocks


def _plain(markdown: str) -> str:
    """A heading's text without its Markdown marks."""
    parts: list[str] = []
    for inline in _markdown().parseInline(markdown):
        for child in inline.children or []:
            if child.type in ("text", "code_inline", "image"):
                parts.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                parts.append(" ")
    return "".join(parts)


def read_body(
    lines: list[str], offset: int, path: Path
) -> tuple[str, int, list[dict[str, Any]]]:
    """The `# title`, its line and the items; `offset` is the file line of the body's first line."""
    title, title_line = "", 0
    items: list[dict[str, Any]] = []
    for block in _blocks(_markdown().parse("\n".join(lines))):
        first = block[0]
        span = first.map or [0, 0]
        line = span[0] + offset
        if first.type == "heading_open" and first.tag in ("h1", "h2"):
            content = block[1].content if len(block) > 1 else ""
            if first.tag == "h2":
                items.append(_item(content, line, path))
            elif items:
                raise TemplateError(path, line, words("title_after_items"))
            elif title_line:
                raise TemplateError(path, line, words("second_title", line=title_line))
            else:
                title, title_line = _plain(content).strip(), line
        elif not items or first.type == "html_block":
            continue
        elif first.type in ("bullet_list_open", "ordered_list_open"):
            inlines = [t.content for t in block if t.type == "inline" and t.content.strip()]
            items[-1]["points"] += [" ".join(text.split()) for text in inlines]
        elif first.type == "paragraph_open":
            items[-1]["guidance"].append(" ".join(block[1].content.split()))  # unwrapped
        else:
            items[-1]["guidance"].append("\n".join(lines[span[0]: span[1]]).strip())
    for item in items:
        item["guidance"] = "\n\n".join(part for part in item["guidance"] if part)
    return title, title_line, items


def _item(content: str, line: int, path: Path) -> dict[str, Any]:
    """One `##` heading: its title and its `{.kind minutes=N decision="…"}`."""
    item: dict[str, Any] = {"line": line, "guidance": [], "points": []}
    attrs = _ATTRS.search(content)
    if attrs is None and _ATTRS_OPEN.search(content):
        raise TemplateError(path, line, words("heading_brace"))
    item["title"] = _plain(content[: attrs.start()] if attrs else content).strip()
    for match in _ATTR.finditer(attrs.group(1) if attrs else ""):
        cls, key, value, bad = match.group("cls", "key", "val", "bad")
        if cls is not None:
            if cls not in _KIND_VALUES:
                raise TemplateError(path, line, words(
                    "unknown_kind", kind=show("." + cls), kinds=_KINDS))
            if "kind" in item:
                raise TemplateError(path, line, words(
                    "two_kinds", first=item["kind"], second=cls))
            item["kind"] = cls
        elif key == "minutes":
            if "minutes" in item:
                raise TemplateError(path, line, words("minutes_twice"))
            item["minutes"] = _minutes(value.strip("\"'"), line, path)
        elif key in ("groups", "body", "decision"):
            if key in item:
                raise TemplateError(path, line, words("rollup16.setting_twice", key=key))
            text = value.strip("\"'")
            item[key] = ([part.strip() for part in text.split(",") if part.strip()]
                         if key == "groups" else text.strip())
        elif key is not None:
            raise TemplateError(path, line, words("unknown_item_setting", key=show(key)))
        else:
            raise TemplateError(path, line, words("unreadable_attribute", text=show(bad)))
    _kind_settings(item, line, path)
    return item


def _kind_settings(item: dict[str, Any], line: int, path: Path) -> None:
    """`groups=` belongs to a `.rollup` item, `body=` to a `.proposals` item (one without it
    only receives: it lists what others propose to the meeting's group)."""
    kind = item.get("kind", ItemKind.TEXT.value)
    if "groups" in item and kind != ItemKind.ROLLUP.value:
        raise TemplateError(path, line, words("rollup16.groups_not_rollup"))
    if "body" in item and kind != ItemKind.PROPOSALS.value:
        raise TemplateError(path, line, words("rollup16.body_not_proposals"))


def _minutes(value: str, line: int, path: Path) -> int:
    digits = value.lstrip("0")
    if not (value.isascii() and value.isdigit() and len(digits) <= 3
            and 1 <= int(digits or "0") <= MINUTES_MAX):
        raise TemplateError(path, line, words("minutes_range", max=MINUTES_MAX,
                                              value=show(value)))
    return int(digits)
