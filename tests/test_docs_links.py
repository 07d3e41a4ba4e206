"""The documents a reader follows (issue 18 §6): every relative link in README.md and docs/*.md
leads to a file of the repository, and every `#anchor` to a heading of the file it names (slugs
as GitHub makes them, å/ä/ö kept); no link leaves the repository (`../shared/…` is not in a
clone) or names an absolute path. The README's quick start is the two commands, and every guide
in docs/ is reachable from the index."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import unquote

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"

FENCE = re.compile(r"^(```|~~~)")
INLINE_CODE = re.compile(r"`[^`\n]*`")
# [text](target) and ![alt](target), the target up to the first space or ")" (a title may follow).
INLINE_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
REFERENCE_LINK = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s.*)?$")
HTML_LINK = re.compile(r"""<(?:a|img)\s[^>]*?(?:href|src)=["']([^"']+)["']""", re.IGNORECASE)
HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.*?)\s*#*\s*$")
EXTERNAL = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)  # http:, https:, mailto: …


def documents() -> list[Path]:
    return [ROOT / "README.md", *sorted(DOCS.glob("*.md"))]


def prose_lines(text: str) -> Iterator[tuple[int, str]]:
    """The lines outside fenced code blocks, with inline code blanked: a link shown as an
    example is not a link."""
    fenced = False
    for number, line in enumerate(text.splitlines(), start=1):
        if FENCE.match(line.lstrip()):
            fenced = not fenced
            continue
        if not fenced:
            yield number, INLINE_CODE.sub("", line)


def links(text: str) -> Iterator[tuple[int, str]]:
    for number, line in prose_lines(text):
        for pattern in (INLINE_LINK, REFERENCE_LINK, HTML_LINK):
            for match in pattern.finditer(line):
                yield number, match.group(1)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text without markup, lower case, every character
    that is not a letter, digit, space, hyphen or underscore dropped (å, ä, ö, é are letters),
    spaces made hyphens."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # a link's text
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML
    text = text.replace("`", "").lower()
    text = "".join(ch for ch in text if ch.isalnum() or ch in " -_")
    return text.replace(" ", "-")


def anchors(path: Path) -> set[str]:
    """Every anchor a heading of `path` gives, a repeated one with -1, -2 … as GitHub does."""
    seen: dict[str, int] = {}
    found: set[str] = set()
    for _number, line in prose_lines(path.read_text(encoding="utf-8")):
        heading = HEADING.match(line)
        if heading is None:
            continue
        base = slug(heading.group(2))
        count = seen.get(base, 0)
        seen[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found


def broken_links(path: Path, root: Path) -> list[str]:
    """What is wrong with each relative link of `path`, as `FILE:LINE: target: why`."""
    problems: list[str] = []
    text = path.read_text(encoding="utf-8")
    for number, target in links(text):
        where = f"{path.relative_to(root)}:{number}: {target}"
        if not target or EXTERNAL.match(target):
            continue
        if target.startswith(("/", "\\", "~")) or re.match(r"^[A-Za-z]:[\\/]", target):
            problems.append(f"{where}: an absolute path, which no clone has")
            continue
        file_part, _, anchor = target.partition("#")
        destination = (path.parent / unquote(file_part)).resolve() if file_part else path
        if not destination.is_relative_to(root.resolve()):
            problems.append(f"{where}: leaves the repository")
        elif not destination.exists():
            problems.append(f"{where}: no such file")
        elif anchor:
            if destination.is_dir() or destination.suffix != ".md":
                problems.append(f"{where}: an anchor into a file that has no headings")
            elif unquote(anchor) not in anchors(destination):
                problems.append(f"{where}: no heading gives #{anchor}")
    return problems


@pytest.mark.parametrize("document", documents(), ids=lambda p: str(p.relative_to(ROOT)))
def test_every_relative_link_resolves(document: Path) -> None:
    assert broken_links(document, ROOT) == []


def test_the_checker_finds_every_kind_of_broken_link(tmp_path: Path) -> None:
    """The check above would pass on a checker that finds nothing: here it must find each."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "ordförande.md").write_text(
        "# Köra ett möte\n\n## Lägesbild och åtgärder\n\n## Lägesbild och åtgärder\n",
        encoding="utf-8")
    (tmp_path / "bild.png").write_bytes(b"")
    readme = tmp_path / "README.md"
    readme.write_text(
        "[bra](docs/ordförande.md#lägesbild-och-åtgärder) "
        "[andra](docs/ordförande.md#lägesbild-och-åtgärder-1) "
        "[kodad](docs/ordf%C3%B6rande.md) ![bild](bild.png) [webb](https://example.org/x) "
        "[här](#titel)\n"
        "# Titel\n"
        "`[i kod](saknas.md)`\n```\n[i block](saknas.md)\n```\n"
        "[saknas](docs/saknas.md) [fel ankare](docs/ordförande.md#lagesbild-och-atgarder)\n"
        "[utanför](../shared/design.md) ![absolut](/work/shared/x.png)\n"
        "[ref]: docs/inte-heller.md\n"
        '<img src="docs/ingen-bild.png">\n',
        encoding="utf-8")
    problems = broken_links(readme, tmp_path)
    assert [p.split(": ", 1)[0] for p in problems] == [
        "README.md:7", "README.md:7", "README.md:8", "README.md:8", "README.md:9",
        "README.md:10"]
    assert [p.rsplit(": ", 1)[1] for p in problems] == [
        "no such file", "no heading gives #lagesbild-och-atgarder", "leaves the repository",
        "an absolute path, which no clone has", "no such file", "no such file"]


def test_slugs_are_githubs() -> None:
    assert slug("1. Installera och starta") == "1-installera-och-starta"
    assert slug("Lägesbild, orsaker och åtgärder (§ 7)") == "lägesbild-orsaker-och-åtgärder--7"
    assert slug("`meetingtui actions` – din lista") == "meetingtui-actions--din-lista"
    assert slug("Documents upward (for the säkerhetschef)") == \
        "documents-upward-for-the-säkerhetschef"


def test_every_guide_is_in_the_index_and_the_index_in_the_readme() -> None:
    index = DOCS / "README.md"
    linked = {target.partition("#")[0] for _n, target in
              links(index.read_text(encoding="utf-8"))}
    guides = {p.name for p in DOCS.glob("*.md")} - {"README.md"}
    assert guides <= linked, f"not in docs/README.md: {sorted(guides - linked)}"
    readme = {target.partition("#")[0] for _n, target in
              links((ROOT / "README.md").read_text(encoding="utf-8"))}
    assert "docs/README.md" in readme


def test_the_quick_start_is_the_two_commands() -> None:
    """A new reader needs python3, make and git, and types `make run` and `make test`."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Quick start\n", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"^```[a-z]*\n(.*?)^```", section, re.MULTILINE | re.DOTALL)
    assert len(blocks) == 1, "one block of commands"
    commands = [line.split("#", 1)[0].strip() for line in blocks[0].splitlines()]
    assert [c for c in commands if c] == ["make run", "make test"]
    for needed in ("python3", "make", "git"):
        assert f"`{needed}`" in section
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert re.search(r"^run:", makefile, re.MULTILINE)
    assert re.search(r"^test:", makefile, re.MULTILINE)


# --- the chair's keys --------------------------------------------------------------------------

#: How the guides write a key, and the name Textual binds it by.
KEY_NAMES = {"Esc": "escape", "Enter": "enter", "Del": "delete", "Mellanslag": "space",
             "Tab": "tab", "?": "question_mark", "/": "slash", "↑": "up", "↓": "down",
             "←": "left", "→": "right"}
#: Keys Textual itself binds (the palette, focus, a table's cursor), not the app.
TEXTUALS_OWN = {"ctrl+p", "tab", "shift+tab", "up", "down", "left", "right"}


def bound_keys() -> set[str]:
    """Every key a class in meetingtui.ui binds."""
    import importlib
    import pkgutil

    from textual.binding import Binding

    import meetingtui.ui

    keys: set[str] = set()
    for module in pkgutil.walk_packages(meetingtui.ui.__path__, "meetingtui.ui."):
        for value in vars(importlib.import_module(module.name)).values():
            for binding in getattr(value, "BINDINGS", None) or []:
                spec = binding.key if isinstance(binding, Binding) else binding[0]
                keys.update(part.strip() for part in spec.split(","))
    return keys


def documented_keys(path: Path) -> set[str]:
    """The keys in the first column of the tables of `path`, as Textual names them."""
    keys: set[str] = set()
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("|")
        if not line.startswith("|") or len(cells) < 3 or set(cells[1].strip()) <= set("-"):
            continue
        for key in re.findall(r"`([^`]+)`", cells[1]):
            name = KEY_NAMES.get(key, key)
            keys.add(name.lower() if re.fullmatch(r"(Ctrl\+|Shift\+)*\w+", name) else name)
    return keys


def test_every_key_in_the_chairs_guide_is_bound() -> None:
    documented = documented_keys(DOCS / "ordforande.md")
    assert {"n", "p", "b", "escape", "f5", "question_mark", "f1", "ctrl+s"} <= documented
    unbound = documented - bound_keys() - TEXTUALS_OWN
    assert not unbound, f"docs/ordforande.md names keys the app does not bind: {sorted(unbound)}"


# --- the command lines -------------------------------------------------------------------------

COMMAND_LINE = re.compile(r"(?:^|`)(?:\.venv/bin/)?meetingtui((?: [^`#\n]*)?)", re.MULTILINE)


def command_lines(text: str) -> Iterator[str]:
    """Every `meetingtui …` the documents show, in code blocks and inline, without its comment
    (a line ending in a backslash goes on on the next)."""
    joined = re.sub(r"\\\n\s*", " ", text)
    for match in COMMAND_LINE.finditer(joined):
        yield match.group(1).strip()


def unknown_options(words: list[str]) -> list[str]:
    """The options of `meetingtui WORDS…` that its command (or the main group) does not have."""
    import click

    from meetingtui.cli import main

    command: click.Command = main
    known = {"-h", "--help"} | {opt for p in main.params for opt in (*p.opts, *p.secondary_opts)}
    unknown: list[str] = []
    for word in words:
        if isinstance(command, click.Group) and not word.startswith("-"):
            # Resolved as click does: `report EST …` is `report observation EST …`.
            try:
                _name, sub, _rest = command.resolve_command(click.Context(command), [word])
            except click.UsageError:
                sub = None
            if sub is not None:
                command = sub
                known |= {opt for p in command.params for opt in (*p.opts, *p.secondary_opts)}
                continue
        if word.startswith("-") and word != "-" and word.split("=", 1)[0] not in known:
            unknown.append(word)
    return unknown


def test_every_option_the_documents_show_exists() -> None:
    import shlex

    seen = 0
    for document in documents():
        for line in command_lines(document.read_text(encoding="utf-8")):
            try:
                words = shlex.split(line.replace("…", "x"))
            except ValueError:  # an example cut short inside quotes
                words = line.split()
            seen += 1
            assert not unknown_options(words), f"{document.name}: meetingtui {line}"
    assert seen > 50
