"""Show an exported file in its folder with the system's opener, without a word on the app's
screen.

`click.launch(locate=True)` started the opener on the app's own terminal: where xdg-open found
no file manager it tried browser after browser and wrote "www-browser: not found" over the
meeting. Here the opener gets no terminal at all (no input, its output thrown away, a session
of its own) and is not waited for; whether it failed is looked at a moment later.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

#: How long after starting it the opener is asked whether it failed (it returns at once when it
#: finds nothing to open with; a file manager it started keeps running on its own).
LOOK_AFTER_SECONDS = 1.5


def opener_for(path: Path, platform: str = sys.platform) -> list[str] | None:
    """The command that shows ``path`` in its folder here, or None when there is none."""
    if platform == "darwin":
        return ["open", "-R", str(path)]
    if platform == "win32":
        return ["explorer", f"/select,{path}"]
    found = shutil.which("xdg-open")
    return [found, str(path.parent)] if found else None


def start(path: Path) -> subprocess.Popen[bytes] | None:
    """The opener started for ``path``, or None when there is none or it cannot start."""
    command = opener_for(path)
    if command is None:
        return None
    try:
        return subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL, start_new_session=True)
    except OSError:
        return None


def failed(process: subprocess.Popen[bytes]) -> bool:
    """Whether the opener has ended saying it could not open (still running: it did open).
    Explorer answers 1 even when it showed the folder: only its start counts."""
    code = process.poll()
    return code not in (None, 0) and sys.platform != "win32"
