"""The command line in Swedish (issue 18 §2): every command's `--help` and click's own errors
say no English word with `--lang sv`, and say what the docstrings say with `--lang en`.

The terminal walk of the app is tests/ui/test_i18n_english.py; both use `tests.english_words`.
"""

from __future__ import annotations

import ast
import inspect
import os
import re
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.cli.click_words import SaidContext, every_command
from meetingtui.i18n import entries, set_language
from tests.english_words import english_words
from tests.paths import ROOT

COMMANDS = [path for path, _command in every_command(main)]


@pytest.fixture(autouse=True)
def _interface_language_back() -> object:
    yield
    set_language("sv")


def run(tmp_path: Path, *args: str) -> Result:
    env = {"MEETINGTUI_DB": str(tmp_path / "none.db"), "MEETINGTUI_EXPORTS": str(tmp_path)}
    return CliRunner().invoke(main, list(args), env=env, catch_exceptions=False,
                              prog_name="meetingtui")


#: Words a user types as they are: command names (`member-add`, `show`).
TYPED = {name for path in COMMANDS for name in path}


def said(result: Result) -> str:
    return said_text(result.output)


def said_text(output: str) -> str:
    """The words of what the command printed, without what is typed as it stands: examples,
    options (`--owner`), command names, choices (`[table|csv]`) and defaults, quoted values
    (`open`, 'bogus', also across a line's end) and paths."""
    text = re.sub(r"\[standard: [^\]]*\]|`[^`\n]*`|'[^']*'|\[[^\]]*\|[^\]]*\]", " ",
                  output)
    words = []
    for line in text.splitlines():
        if line.strip().startswith("meetingtui "):
            continue  # an example to type
        words += [word for word in line.split()
                  if "/" not in word and not word.startswith(("-", "`")) and "`" not in word[-2:]
                  and word.strip(".,:;()…") not in TYPED]
    return " ".join(words)


def test_there_are_commands_to_check() -> None:
    assert len(COMMANDS) > 30


def test_every_command_says_its_own_help_in_the_interface_language() -> None:
    """`meetingtui publish --help` in a fresh process was English: the command was added after
    the contexts that translate help were set, and only a `meetingtui --help` earlier in the same
    process (as in this suite) had put it in Swedish."""
    plain = [" ".join(path) for path, command in every_command(main)
             if command.context_class is not SaidContext]
    assert plain == []


def test_a_commands_help_is_swedish_in_a_fresh_process(tmp_path: Path) -> None:
    env = {**os.environ, "MEETINGTUI_LANG": "sv", "MEETINGTUI_DB": str(tmp_path / "none.db")}
    result = subprocess.run([sys.executable, "-m", "meetingtui", "publish", "--help"], env=env,
                            capture_output=True, text=True, timeout=60, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("Användning: meetingtui publish [ALTERNATIV] MAPP")
    assert english_words(said_text(result.stdout)) == [], result.stdout
    assert ("groups", "member-add") in COMMANDS


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "meetingtui")
def test_every_help_is_swedish(tmp_path: Path, path: tuple[str, ...]) -> None:
    result = run(tmp_path, "--lang", "sv", *path, "--help")
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Användning: meetingtui")
    assert "Visa den här hjälpen och avsluta." in result.output
    assert english_words(said(result)) == [], result.output


@pytest.mark.parametrize("path", COMMANDS, ids=lambda p: " ".join(p) or "meetingtui")
def test_english_help_is_the_docstrings(tmp_path: Path, path: tuple[str, ...]) -> None:
    """The English catalogue holds what the code says (so neither drifts from the other)."""
    command = main
    for name in path:
        assert isinstance(command, click.Group)
        command = command.commands[name]
    result = run(tmp_path, "--lang", "en", *path, "--help")
    assert result.output.startswith("Usage: meetingtui")
    prefix = ".".join(("cli_help", *path))
    en = entries("en")
    if command.help:
        assert en[f"{prefix}.help"] == inspect.cleandoc(command.help)
    for param in command.params:
        if isinstance(param, click.Option) and param.help:
            assert en[f"{prefix}.{param.name}"] == param.help
    # …and every text the Swedish catalogue has for a command, the English has too.
    sv_keys = {key for key in entries("sv") if key.startswith(prefix + ".")}
    assert sv_keys <= set(en)


@pytest.mark.parametrize(("args", "swedish"), [
    (["actions", "--nosuch"], "Fel: Det finns inget alternativ '--nosuch'."),
    (["export"], "Fel: Saknar argumentet 'MÖTE'."),
    (["meetings", "extra"], "Fel: Oväntat extra argument (extra)"),
    (["meetings", "one", "two"], "Fel: Oväntade extra argument (one two)"),
    (["actions", "--status", "bogus"], "Fel: Ogiltigt värde för '--status': 'bogus' är inte "
                                       "något av"),
    (["nosuch"], "Fel: Det finns inget kommando 'nosuch'."),
    (["search", "--limit", "x", "a"], "är inget giltigt tal"),
    (["--db", "/", "meetings"], "Fel: Ogiltigt värde för '--db': Filen '/' är en mapp."),
])
def test_usage_errors_are_swedish(tmp_path: Path, args: list[str], swedish: str) -> None:
    result = run(tmp_path, "--lang", "sv", *args)
    assert result.exit_code == 2
    assert swedish in result.output
    assert "Skriv 'meetingtui" in result.output or "Användning:" in result.output
    assert english_words(said(result)) == [], result.output


def test_the_same_errors_in_english(tmp_path: Path) -> None:
    result = run(tmp_path, "--lang", "en", "actions", "--nosuch")
    assert "Error: No such option '--nosuch'." in result.output
    assert "Usage: meetingtui actions [OPTIONS]" in result.output
    result = run(tmp_path, "--lang", "en", "meetings", "one", "two")
    assert "Got unexpected extra arguments (one two)" in result.output
    result = run(tmp_path, "--lang", "en", "--db", "/", "meetings")
    assert "Error: Invalid value for '--db': File '/' is a directory." in result.output


def test_a_user_error_is_swedish(tmp_path: Path) -> None:
    result = run(tmp_path, "--lang", "sv", "meetings")
    assert result.exit_code == 1
    assert english_words(said(result)) == [], result.output


def test_the_last_lang_wins_as_click_reads_it(tmp_path: Path) -> None:
    assert run(tmp_path, "--lang", "en", "--lang", "sv", "--help").output.startswith(
        "Användning:")
    assert run(tmp_path, "--lang=en", "--help").output.startswith("Usage:")


def test_the_environment_chooses_without_lang(tmp_path: Path,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETINGTUI_LANG", "en")
    assert run(tmp_path, "--help").output.startswith("Usage:")
    monkeypatch.setenv("MEETINGTUI_LANG", "sv")
    assert run(tmp_path, "stats", "--help").output.startswith("Användning:")


def test_the_action_list_follows_lang(tmp_path: Path) -> None:
    """`actions` in English says English words and Swedish in Swedish (issue 18: it was Swedish
    with --lang en). A process of its own for each: the list's words are read once, in the
    language the process speaks."""
    import subprocess
    import sys

    db = tmp_path / "m.db"
    made = subprocess.run([sys.executable, "-m", "meetingtui", "--db", str(db), "demo",
                           "--years", "1"], capture_output=True, text=True, timeout=300)
    assert made.returncode == 0, made.stderr

    def actions(lang: str, *args: str) -> str:
        done = subprocess.run([sys.executable, "-m", "meetingtui", "--db", str(db), "--lang",
                               lang, "actions", "--status", "all", *args],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr
        return done.stdout

    english, swedish = actions("en"), actions("sv")
    assert english.startswith("Action list – Status: all")
    assert swedish.startswith("Åtgärdslista – Status: alla")
    assert "Owner" in english and "Ansvarig" in swedish
    # The summary at the foot: "Exempelkommun · 2026-… · 232 measures, of which 38 overdue".
    assert re.search(r" · \d+ measures, of which \d+ overdue$", english.rstrip())
    assert re.search(r" · \d+ åtgärder, varav \d+ försenade$", swedish.rstrip())
    csv_en = actions("en", "--format", "csv").splitlines()[0]
    assert csv_en.startswith("\ufeffNo.;Measure;Owner;Organisation;Due;Status;Overdue;Group")


#: The errors the command line prints as one line: each says its words through a key.
_SAID_ERRORS = {"UserError", "UsageError", "ExportError", "BadParameter", "ClickException"}


def _raised_errors() -> Iterator[tuple[str, ast.Call]]:
    for path in sorted((ROOT / "meetingtui").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "attr", None) or getattr(node.func, "id", None)
            if name in _SAID_ERRORS:
                yield f"{path.relative_to(ROOT)}:{node.lineno}", node


def test_every_error_the_command_line_prints_has_its_words_in_the_catalogues() -> None:
    """An error written as an English literal (`UserError("no measure 3")`) is what `--lang sv`
    showed until this test: each must carry the key that says it in the interface language
    (or be made of catalogue words already), and the key must be in both catalogues."""
    unkeyed, unknown = [], []
    sv, en = entries("sv"), entries("en")
    for where, call in _raised_errors():
        key = next((k.value for k in call.keywords if k.arg == "key"), None)
        message = call.args[0] if call.args else None
        if key is None:
            if isinstance(message, ast.Constant | ast.JoinedStr):
                unkeyed.append(where)
            continue
        if isinstance(key, ast.Constant) and not (key.value in sv and key.value in en):
            unknown.append(f"{where}: {key.value}")
    assert unkeyed == []
    assert unknown == []
