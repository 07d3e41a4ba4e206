"""The long commands' progress bar and summary (issue 18 §4): a bar on stderr only when stderr
is a terminal (a pseudo-terminal here), nothing at all when piped (even with FORCE_COLOR set,
which Rich alone would take for a terminal), and a one-line summary in words at the end: on
stdout for `demo`, on stderr where stdout carries the paths a script reads."""

from __future__ import annotations

import io
import os
import re
import sqlite3
import subprocess
import sys
import threading
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from rich.console import Console

from meetingtui.cli.progress import Number, progress_bar, say_number, say_seconds, summary
from meetingtui.i18n import set_language, t

MEETINGTUI = [sys.executable, "-m", "meetingtui"]
ESCAPE = "\x1b"
CSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]")


def plain(drawn: str) -> str:
    """What a terminal's escape sequences leave to read."""
    return CSI.sub("", drawn)


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str  # what the terminal (or the pipe) on stderr received


def _env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if k not in ("FORCE_COLOR", "TTY_COMPATIBLE", "NO_COLOR", "MEETINGTUI_LANG")}
    return {**env, "TERM": "xterm-256color", "COLUMNS": "100", **extra}


def start(args: list[str], *, stderr_on_a_terminal: bool, **env: str) -> tuple[
        subprocess.Popen[bytes], Run, threading.Thread | None, int | None]:
    if not stderr_on_a_terminal:
        process = subprocess.Popen([*MEETINGTUI, *args], stdin=subprocess.DEVNULL,
                                   stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                   env=_env(**env))
        return process, Run(0, "", ""), None, None
    main, other = os.openpty()
    process = subprocess.Popen([*MEETINGTUI, *args], stdin=subprocess.DEVNULL,
                               stdout=subprocess.PIPE, stderr=other, env=_env(**env))
    os.close(other)
    run = Run(0, "", "")
    received = bytearray()

    def read() -> None:  # all along: a full terminal buffer would stop the command
        while True:
            try:
                chunk = os.read(main, 4096)
            except OSError:  # the command ended and closed the terminal
                break
            if not chunk:
                break
            received.extend(chunk)
        run.stderr = received.decode("utf-8", "replace")

    reader = threading.Thread(target=read)
    reader.start()
    return process, run, reader, main


def finish(started: tuple[subprocess.Popen[bytes], Run, threading.Thread | None,
                          int | None]) -> Run:
    process, run, reader, main = started
    out, err = process.communicate(timeout=120)
    run.code = process.returncode
    run.stdout = out.decode("utf-8")
    if reader is None:
        run.stderr = err.decode("utf-8")
    else:
        reader.join(timeout=30)
        assert main is not None
        os.close(main)
    return run


def run(args: list[str], *, stderr_on_a_terminal: bool, **env: str) -> Run:
    return finish(start(args, stderr_on_a_terminal=stderr_on_a_terminal, **env))


@dataclass
class Demos:
    on_a_terminal: Run
    piped: Run
    db: Path  # the one filled on a terminal
    piped_db: Path


@pytest.fixture(scope="module")
def demos(tmp_path_factory: pytest.TempPathFactory) -> Demos:
    """`demo --years 1` twice at once (two cores): stderr on a pseudo-terminal (Swedish), and
    piped with FORCE_COLOR set (English)."""
    folder = tmp_path_factory.mktemp("progress")
    db, piped_db = folder / "terminal.db", folder / "piped.db"
    shown = start(["--db", str(db), "--lang", "sv", "demo", "--years", "1"],
                  stderr_on_a_terminal=True)
    piped = start(["--db", str(piped_db), "--lang", "en", "demo", "--years", "1"],
                  stderr_on_a_terminal=False, FORCE_COLOR="1")
    return Demos(finish(shown), finish(piped), db, piped_db)


def _counts(db: Path) -> dict[str, int]:
    with sqlite3.connect(db) as conn:
        return {"groups": conn.execute("SELECT count(*) FROM groups").fetchone()[0],
                "meetings": conn.execute("SELECT count(*) FROM meetings").fetchone()[0],
                "observations": conn.execute(
                    "SELECT count(*) FROM observations WHERE deleted_at IS NULL").fetchone()[0],
                "measures": conn.execute(
                    "SELECT count(*) FROM measures WHERE deleted_at IS NULL").fetchone()[0]}


# --- demo ----------------------------------------------------------------------------------


def test_demo_shows_a_bar_on_a_terminal(demos: Demos) -> None:
    shown = demos.on_a_terminal
    assert shown.code == 0, shown.stdout + shown.stderr
    assert "Fyller demodatabasen" in shown.stderr
    assert ESCAPE in shown.stderr  # drawn and redrawn in place
    meetings = _counts(demos.db)["meetings"]
    # It counted the meetings up to all of them.
    assert re.search(rf"\b{meetings}/{meetings}\b", plain(shown.stderr))
    assert "Demodatabasen" not in shown.stderr  # the summary is not the bar's


def test_demo_ends_with_a_sentence_not_a_repr(demos: Demos) -> None:
    shown = demos.on_a_terminal
    counts = _counts(demos.db)
    [line] = shown.stdout.splitlines()
    assert "DemoSummary" not in line and "=" not in line
    expected = (f"Demodatabasen {demos.db} är klar: {counts['groups']} grupper, "
                f"{counts['meetings']} möten, {counts['observations']} iakttagelser och "
                f"{counts['measures']} åtgärder (")
    assert line.startswith(expected), line
    assert re.fullmatch(r"\d+ försenade?\) på \d+(,\d)? s\.", line[len(expected):]), line


def test_demo_piped_shows_no_bar_and_says_its_summary_in_english(demos: Demos) -> None:
    piped = demos.piped
    assert piped.code == 0, piped.stdout + piped.stderr
    assert piped.stderr == ""  # no bar, not even its last frame
    assert ESCAPE not in piped.stdout and "Filling" not in piped.stdout
    counts = _counts(demos.piped_db)
    [line] = piped.stdout.splitlines()
    assert line.startswith(f"The demo database {demos.piped_db} is ready: {counts['groups']} "
                           f"groups, {counts['meetings']} meetings, "
                           f"{counts['observations']} observations and "
                           f"{counts['measures']} measures (")
    assert re.search(r"\(\d+ overdue\) in \d+(\.\d)? s\.$", line), line


# --- the yearly report and a file per owner --------------------------------------------------


def test_yearly_report_piped_prints_its_path_and_the_summary_beside_it(
        demos: Demos, tmp_path: Path) -> None:
    year = str(date.today().year)
    target = tmp_path / "lagesbild.md"
    piped = run(["--db", str(demos.db), "--lang", "sv", "report", "yearly", "--year", year,
                 "-o", str(target)], stderr_on_a_terminal=False, FORCE_COLOR="1")
    assert piped.code == 0, piped.stderr
    assert piped.stdout == f"{target}\n"  # what a script reads, alone
    assert ESCAPE not in piped.stderr and "Skriver" not in piped.stderr
    assert re.fullmatch(rf"Lägesbild och åtgärdsplan {year} skriven på \d+(,\d)? s\.\n",
                        piped.stderr), piped.stderr
    assert target.read_text("utf-8").count(f"Lägesbild och åtgärdsplan {year}") >= 1


def test_yearly_report_on_a_terminal_shows_its_bar(demos: Demos, tmp_path: Path) -> None:
    target = tmp_path / "lagesbild.docx"
    shown = run(["--db", str(demos.db), "--lang", "sv", "report", "yearly", "--year",
                 str(date.today().year), "-o", str(target)], stderr_on_a_terminal=True)
    assert shown.code == 0, shown.stderr
    assert "Skriver årsrapporten" in shown.stderr and ESCAPE in shown.stderr
    assert " 3/3 " in plain(shown.stderr)
    assert shown.stdout == f"{target}\n" and target.stat().st_size > 0


def test_a_file_per_owner_piped_lists_the_files_and_counts_them_on_stderr(
        demos: Demos, tmp_path: Path) -> None:
    folder = tmp_path / "per-owner"
    piped = run(["--db", str(demos.db), "--lang", "en", "actions", "--status", "all",
                 "--format", "csv", "--per-owner", "-o", str(folder)],
                stderr_on_a_terminal=False, FORCE_COLOR="1")
    assert piped.code == 0, piped.stderr
    files = sorted(folder.glob("*.csv"))
    assert len(files) > 1
    assert sorted(piped.stdout.splitlines()) == [str(f) for f in files]
    assert ESCAPE not in piped.stderr + piped.stdout and "Writing" not in piped.stderr
    assert re.fullmatch(rf"{len(files)} files written in {re.escape(str(folder))} in "
                        r"\d+(\.\d)? s\.\n", piped.stderr), piped.stderr


def test_a_file_per_owner_on_a_terminal_counts_the_owners(demos: Demos, tmp_path: Path) -> None:
    folder = tmp_path / "per-owner"
    shown = run(["--db", str(demos.db), "--lang", "sv", "actions", "--status", "all",
                 "--format", "md", "--per-owner", "-o", str(folder)], stderr_on_a_terminal=True)
    assert shown.code == 0, shown.stderr
    files = len(list(folder.glob("*.md")))
    assert "Skriver en fil per ansvarig" in shown.stderr
    assert f" {files}/{files} " in plain(shown.stderr)
    assert re.search(rf"{files} filer skrivna i {re.escape(str(folder))} på", shown.stderr)


# --- the helper ------------------------------------------------------------------------------


def test_the_bar_draws_on_a_terminal_console_and_counts() -> None:
    screen = io.StringIO()
    console = Console(file=screen, force_terminal=True, width=80)
    with progress_bar("Skriver åtgärdslistor", console=console) as bar:
        for done in range(1, 8):
            bar(done, 7)
    drawn = screen.getvalue()
    assert "Skriver åtgärdslistor" in drawn and " 7/7 " in plain(drawn) and ESCAPE in drawn


def test_no_bar_on_a_console_that_is_not_a_terminal_nor_on_a_dumb_one() -> None:
    for console in (Console(file=io.StringIO(), force_terminal=False),
                    Console(file=io.StringIO(), force_terminal=True, _environ={"TERM": "dumb"})):
        with progress_bar("Skriver", console=console) as bar:
            bar(1, 2)
            bar(2, 2)
        assert console.file.getvalue() == ""  # type: ignore[attr-defined]


def test_no_bar_under_a_captured_stderr_even_with_force_color(
        capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("FORCE_COLOR", "1")
    with progress_bar("Skriver") as bar:
        bar(1, 1)
    assert bar.seconds >= 0
    assert capsys.readouterr() == ("", "")


def test_the_summary_goes_to_stderr_only_when_stdout_carries_data(
        capsys: pytest.CaptureFixture[str]) -> None:
    summary("Klart på 2 s.", data_on_stdout=False)
    assert capsys.readouterr() == ("Klart på 2 s.\n", "")
    summary("3 filer skrivna.", data_on_stdout=True)
    assert capsys.readouterr() == ("", "3 filer skrivna.\n")


def test_times_and_numbers_in_each_language() -> None:
    assert [say_seconds(s, "sv") for s in (0.04, 2.45, 9.94, 10, 28.4, 59.5, 60, 125)] == [
        "0,0 s", "2,5 s", "9,9 s", "10 s", "28 s", "1 min 0 s", "1 min 0 s", "2 min 5 s"]
    assert say_seconds(2.45, "en") == "2.5 s"
    assert [say_number(n, "sv") for n in (0, 999, 1596, 1234567)] == [
        "0", "999", "1\u00a0596", "1\u00a0234\u00a0567"]
    assert say_number(1596, "en") == "1,596"


@pytest.mark.parametrize(("lang", "expected"), [
    ("sv", "Demodatabasen d.db är klar: 1 grupp, 1\u00a0596 möten, 1 iakttagelse och "
           "12\u00a0000 åtgärder (1 försenad) på 28 s."),
    ("en", "The demo database d.db is ready: 1 group, 1,596 meetings, 1 observation and "
           "12,000 measures (1 overdue) in 28 s."),
])
def test_the_demo_summary_says_large_numbers_and_one_of_each(lang: str, expected: str) -> None:
    set_language(lang)
    try:
        said = t("progress.demo_done", path="d.db", groups=Number(1, lang),
                 meetings=Number(1596, lang), observations=Number(1, lang),
                 measures=Number(12000, lang), overdue=Number(1, lang), time="28 s")
    finally:
        set_language("sv")
    assert said == expected
