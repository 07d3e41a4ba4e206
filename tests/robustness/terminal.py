"""The real app in a real terminal: `python -m meetingtui.ui` in a detached tmux session, driven
by keys and read back from the screen, for the tests that kill or race a separate process."""

from __future__ import annotations

import os
import shlex
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# .ci/run installs tmux when it is missing: without it these tests fail, they are never skipped.
assert shutil.which("tmux"), "these tests drive the real app in tmux: apt-get install tmux"

CONFIG = Path(__file__).with_name("tmux.conf")  # the pane outlives the app: its last words show


def tmux(socket: str, *args: str) -> str:
    return subprocess.run(["tmux", "-L", socket, *args], check=True, capture_output=True,
                          text=True).stdout


def wait_until(condition: Callable[[], bool], what: str, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.01)


@dataclass
class Terminal:
    """One tmux server of its own running the app; `pid` is the app's own process."""

    socket: str
    pid: int

    def screen(self) -> str:
        return tmux(self.socket, "capture-pane", "-p")

    def wait_for(self, text: str, timeout: float = 20.0) -> str:
        """Poll the screen until `text` shows; fail with the screens seen otherwise."""
        return self.wait_until(lambda screen: text in screen, f"{text!r} to show", timeout)

    def wait_until(self, condition: Callable[[str], bool], what: str,
                   timeout: float = 20.0) -> str:
        """Poll the screen until `condition` holds for it; fail with the screens seen otherwise.

        The screens that came before the last are kept: a message the app showed for a few
        seconds (why a meeting did not open, say) is gone by the time the wait ends.
        """
        deadline = time.monotonic() + timeout
        seen: list[str] = []
        while time.monotonic() < deadline:
            screen = self.screen()
            if condition(screen):
                return screen
            if not seen or screen != seen[-1]:
                seen = [*seen[-3:], screen]
            time.sleep(0.02)
        shown = "\n--- then ---\n".join(seen)
        raise AssertionError(f"timed out waiting for {what}; the screens were:\n{shown}")

    def wait_settled(self, text: str, quiet: float = 0.5, timeout: float = 20.0) -> str:
        """`text` shows and the screen has not changed for `quiet` seconds.

        For the first key after start: once the footer paints, the app may still be reading
        the terminal's answers to its start-up queries, and a loaded CI machine once lost a key
        sent in that moment.
        """
        screen = self.wait_for(text, timeout)
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            time.sleep(quiet)
            again = self.screen()
            if again == screen:
                return screen
            screen = again
        return screen

    def keys(self, *keys: str) -> None:
        """Named keys (Tab, Enter, Escape …), one at a time as a person presses them."""
        for key in keys:
            tmux(self.socket, "send-keys", key)
            time.sleep(0.15)

    def type(self, text: str) -> None:
        tmux(self.socket, "send-keys", "-l", text)

    def kill(self) -> None:
        os.kill(self.pid, signal.SIGKILL)


@contextmanager
def app_in_tmux(db: Path, agendas: Path, meeting: int | None = None, *,
                name: str = "app") -> Iterator[Terminal]:
    """The Swedish app on `db` (opened on `meeting` if given) in a 100×30 terminal.

    A server of its own (`-L`): a session added to a tmux server that is already running gets
    that server's environment, not ours, and the app would open the default database.
    """
    socket = f"mtui-{name}-{os.getpid()}-{time.monotonic_ns()}"
    settings = {"MEETINGTUI_DB": str(db), "MEETINGTUI_AGENDAS": str(agendas),
                "MEETINGTUI_LANG": "sv", "TERM": "xterm-256color"}
    command = ["env", *(f"{k}={v}" for k, v in settings.items()),
               sys.executable, "-m", "meetingtui.ui", "--lang", "sv"]
    if meeting is not None:
        command += ["--meeting", str(meeting)]
    subprocess.run(["tmux", "-L", socket, "-f", str(CONFIG), "new-session", "-d", "-x", "100",
                    "-y", "30", shlex.join(command)], check=True, env={**os.environ, **settings})
    try:
        pid = int(tmux(socket, "display-message", "-p", "#{pane_pid}").strip())
        yield Terminal(socket, pid)
    finally:
        subprocess.run(["tmux", "-L", socket, "kill-server"], capture_output=True)
