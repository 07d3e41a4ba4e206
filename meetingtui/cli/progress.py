"""A progress bar for the long commands (`demo`, yearly reports, batch exports) and the one-line
summary they end with.

The bar is Rich's, on stderr, and only when stderr is a terminal: piped, redirected or under a
test's capture there is nothing at all (not even the final frame Rich would print), so a log or a
script's output never holds escape codes. Whether stderr is a terminal is asked of the stream
itself: Rich alone would call any stream a terminal when FORCE_COLOR is set, as some CI does.

The summary is printed always. It goes to stdout unless stdout carries the command's data (a
document with `-o -`, or the paths of the files written, one per line, that a script reads):
then to stderr, the Unix place for what is said about the work rather than the work itself.

Callers hand the bar down as a plain `progress(done, total)` callback: services and exporters
never see Rich. Rich and click are imported here only, inside a command's body (`--help` stays
light)."""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, TextIO

if TYPE_CHECKING:
    from rich.console import Console

#: What services and exporters are handed: told (done, total) as the work goes.
ProgressCallback = Callable[[int, int], None]


class Bar:
    """What a command hands down as `progress(done, total)`; it also times the work."""

    def __init__(self, update: ProgressCallback) -> None:
        self.update = update
        self.started = time.monotonic()

    def __call__(self, done: int, total: int) -> None:
        self.update(done, total)

    @property
    def seconds(self) -> float:
        return time.monotonic() - self.started


def is_terminal(stream: TextIO) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # a replaced or closed stream
        return False


@contextmanager
def progress_bar(what: str, *, console: Console | None = None) -> Iterator[Bar]:
    """A bar labelled `what` on `console` (default: stderr) while the block runs, if that is a
    terminal; it is gone when the block ends, leaving the line for the summary."""
    if console is None:
        if not is_terminal(sys.stderr):
            yield Bar(_nothing)
            return
        from rich.console import Console

        console = Console(stderr=True, force_terminal=True)
    if not console.is_terminal or console.is_dumb_terminal:
        yield Bar(_nothing)
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    with Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                  TimeElapsedColumn(), console=console, transient=True) as bar:
        task = bar.add_task(what, total=None)

        def update(done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        yield Bar(update)


def _nothing(done: int, total: int) -> None:
    """No terminal to show a bar on."""


def summary(text: str, *, data_on_stdout: bool) -> None:
    """The command's last line: on stdout, or on stderr when stdout carries its data."""
    import click

    click.echo(text, err=data_on_stdout)


def say_seconds(seconds: float, lang: str) -> str:
    """"28 s", "2,4 s" ("2.4 s" in English) under ten seconds, "3 min 5 s" from a minute."""
    if seconds < 10:
        text = f"{seconds:.1f} s"
        return text.replace(".", ",") if lang == "sv" else text
    whole = round(seconds)
    if whole < 60:
        return f"{whole} s"
    return f"{whole // 60} min {whole % 60} s"


class Number(int):
    """A count that a text shows as `say_number` does ("1 596 möten"), while `t()` still picks
    its plural form by its value."""

    lang: str

    def __new__(cls, value: int, lang: str) -> Number:
        number = super().__new__(cls, value)
        number.lang = lang
        return number

    def __format__(self, spec: str) -> str:
        return say_number(int(self), self.lang) if not spec else super().__format__(spec)


def say_number(number: int, lang: str) -> str:
    """1 596 in Swedish (a no-break space between thousands), 1,596 in English."""
    return f"{number:,}".replace(",", "\u00a0" if lang == "sv" else ",")
