"""A detached tmux session on a private socket: start a command, read the screen, send keys."""

from __future__ import annotations

import itertools
import os
import shlex
import subprocess
import time
from collections.abc import Sequence

_serial = itertools.count()


class Tmux:
    def __init__(self, size: tuple[int, int] = (80, 24)) -> None:
        # One server per terminal: a new one on the socket of one being killed can die with it.
        self.socket = f"meetingtui-bench-{os.getpid()}-{next(_serial)}"
        self.session = "bench"
        self.size = size

    def _tmux(self, *args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["tmux", "-L", self.socket, *args],
                              check=False, capture_output=True, text=True)

    def start(self, command: Sequence[str]) -> None:
        cols, rows = self.size
        self._tmux("new-session", "-d", "-s", self.session, "-x", str(cols), "-y", str(rows),
                   shlex.join(command))

    def screen(self, *, attributes: bool = False) -> str:
        """The text on screen; with `attributes`, colours too (a moved highlight shows)."""
        extra = ("-e",) if attributes else ()
        return self._tmux("capture-pane", "-p", *extra, "-t", self.session).stdout

    def wait_for(self, marker: str, timeout: float = 30.0) -> float:
        """Seconds until `marker` shows; raises TimeoutError."""
        started = time.perf_counter()
        while marker not in self.screen():
            if time.perf_counter() - started > timeout:
                raise TimeoutError(f"{marker!r} did not show within {timeout:.0f} s:\n"
                                   f"{self.screen()}")
            time.sleep(0.01)
        return time.perf_counter() - started

    def send(self, *keys: str) -> None:
        self._tmux("send-keys", "-t", self.session, *keys)

    def alive(self) -> bool:
        return self._tmux("has-session", "-t", self.session).returncode == 0

    def close(self) -> None:
        self._tmux("kill-server")
