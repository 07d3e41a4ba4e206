"""How the command line ends (issue 18 §5): 0 done or a reader that stopped reading, 1 the
user's error, 2 a usage error, 3 something unexpected, with its traceback in a crash log."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from meetingtui.cli import main
from tests.paths import DOCS

#: A command that fails as asked, added to the real group in a child Python.
_CHILD = """
import sys, click
from meetingtui.cli import main

@main.command()
@click.argument("how")
def boom(how):
    if how == "pipe":
        raise BrokenPipeError(32, "Broken pipe")
    if how == "user":
        raise FileNotFoundError(2, "No such file or directory", "/nowhere/x.csv")
    raise RuntimeError("a bug")

main(sys.argv[1:])
"""


def _run(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data"), "HOME": str(tmp_path)}
    env.pop("MEETINGTUI_DEBUG", None)
    return subprocess.run([sys.executable, "-c", _CHILD, "--db", str(tmp_path / "m.db"), *args],
                          capture_output=True, text=True, env=env, timeout=60)


def test_a_closed_pipe_ends_quietly_with_0(tmp_path: Path) -> None:
    done = _run(tmp_path, "boom", "pipe")
    assert (done.returncode, done.stderr) == (0, "")


def test_the_users_error_is_1_and_one_line(tmp_path: Path) -> None:
    done = _run(tmp_path, "boom", "user")
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and "/nowhere/x.csv" in done.stderr


def test_a_usage_error_is_2(tmp_path: Path) -> None:
    done = _run(tmp_path, "--lang", "en", "boom")
    assert done.returncode == 2 and "Missing argument" in done.stderr
    done = _run(tmp_path, "--lang", "sv", "boom")
    assert done.returncode == 2 and "Saknar argumentet" in done.stderr


def test_something_unexpected_is_3_with_its_traceback_in_a_crash_log(tmp_path: Path) -> None:
    done = _run(tmp_path, "--lang", "en", "boom", "bug")
    assert done.returncode == 3
    assert done.stderr.count("\n") == 1 and "Traceback" not in done.stderr
    assert "RuntimeError: a bug" in done.stderr
    logged = done.stderr.split("the details are in ")[1].strip()
    log = Path(logged)
    assert log.parent == tmp_path / "data" / "meetingtui" / "crash"
    text = log.read_text("utf-8")
    assert text.startswith("Traceback") and "RuntimeError: a bug" in text


def test_success_is_0(tmp_path: Path) -> None:
    assert CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "templates"]).exit_code == 0


def test_the_app_will_not_start_without_a_terminal(tmp_path: Path) -> None:
    """Its output going to a file would fill the file with escape codes and wait for keys that
    never come: one line instead, exit 1, and no database made."""
    for lang, said in (("sv", "meetingtui är ett program för terminalen"),
                       ("en", "meetingtui is a terminal program")):
        result = CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "--lang", lang])
        assert result.exit_code == 1
        assert result.output.startswith(f"meetingtui: {said}")
        assert result.output.count("\n") == 1
    assert not (tmp_path / "m.db").exists()


def test_shell_completion_as_the_docs_say(tmp_path: Path) -> None:
    """`_MEETINGTUI_COMPLETE=bash_source meetingtui` gives the script docs/it.md tells bash,
    zsh and fish users to load; completing `act` gives `actions`."""
    env = {**os.environ, "XDG_DATA_HOME": str(tmp_path / "data")}
    command = [sys.executable, "-m", "meetingtui"]
    for shell in ("bash", "zsh", "fish"):
        script = subprocess.run(command, env={**env, "_MEETINGTUI_COMPLETE": f"{shell}_source"},
                                capture_output=True, text=True, timeout=60)
        assert script.returncode == 0 and "_meetingtui_completion" in script.stdout, shell
    completed = subprocess.run(command, env={
        **env, "_MEETINGTUI_COMPLETE": "bash_complete", "COMP_WORDS": "meetingtui act",
        "COMP_CWORD": "1"}, capture_output=True, text=True, timeout=60)
    assert completed.stdout.split() == ["plain,actions"]
    readme = (DOCS / "it.md").read_text("utf-8")
    for line in ('eval "$(_MEETINGTUI_COMPLETE=bash_source meetingtui)"',
                 'eval "$(_MEETINGTUI_COMPLETE=zsh_source meetingtui)"',
                 "_MEETINGTUI_COMPLETE=fish_source meetingtui > "
                 "~/.config/fish/completions/meetingtui.fish"):
        assert line in readme


def test_a_template_error_that_reaches_the_top_is_said_in_the_users_language(
        tmp_path: Path) -> None:
    """A TemplateError's `str` is English (for logs); the one line a user reads is its
    `located(lang)`, as `meetingtui templates` says it."""
    from meetingtui.agenda.errors import TemplateError, words
    from meetingtui.cli import _message
    from meetingtui.cli.context import Context
    from meetingtui.paths import resolve

    error = TemplateError(tmp_path / "est.md", 0, words("folder_missing"))
    assert "this agenda folder does not exist" in str(error)
    for lang, said in (("sv", "mallmappen finns inte"),
                       ("en", "this agenda folder does not exist")):
        context = Context(resolve(tmp_path / "m.db", None, None), lang)
        assert _message(error, context) == error.located(lang)
        assert said in _message(error, context)
