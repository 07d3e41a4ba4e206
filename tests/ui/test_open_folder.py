"""After an export, "Öppna mappen?" → Ja: the opener runs without the app's terminal. It ran on
it, and on a machine where xdg-open found no file manager it tried browser after browser and
wrote "www-browser: not found" over the meeting (found at 80×24 in tmux). The fake opener here
writes where its input and output go; one that fails is said in words, one that works is not."""

from __future__ import annotations

import asyncio
import os
from pathlib import Path

import pytest

from meetingtui.services.workspace import Workspace
from meetingtui.ui import show_in_folder
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name

FAILED = "Kunde inte öppna mappen"


def _fake_opener(folder: Path, code: int) -> Path:
    """An xdg-open that notes its three standard streams and the folder, says something on
    stderr as the real one does when it finds nothing, and exits with ``code``."""
    folder.mkdir()
    noted = folder / "noted.txt"
    script = folder / "xdg-open"
    script.write_text("#!/bin/sh\n"
                      'i=$(readlink /proc/$$/fd/0); o=$(readlink /proc/$$/fd/1); '
                      'e=$(readlink /proc/$$/fd/2)\n'
                      f'printf "%s\\n" "$i" "$o" "$e" "$1" >> "{noted}"\n'
                      'echo "xdg-open: www-browser: not found" >&2\n'
                      f"exit {code}\n", encoding="utf-8")
    script.chmod(0o755)
    return noted


@pytest.mark.parametrize("code", [3, 0])
def test_the_opener_never_writes_on_the_apps_screen(
        in_meeting: tuple[Workspace, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        code: int) -> None:
    ws, meeting_id = in_meeting
    noted = _fake_opener(tmp_path / "bin", code)
    monkeypatch.setenv("PATH", f"{tmp_path / 'bin'}{os.pathsep}{os.environ['PATH']}")
    said: list[str] = []

    async def run() -> None:
        async with make_app(ws, lang="sv", meeting_id=meeting_id).run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "f6", "enter")  # the internal Word minutes
            assert screen_name(pilot) == "ConfirmDialog"  # "Öppna mappen?"
            await press(pilot, "j")
            await pilot.pause(show_in_folder.LOOK_AFTER_SECONDS + 0.5)
            said.extend(str(n.message) for n in pilot.app._notifications)

    asyncio.run(run())
    lines = noted.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["/dev/null"] * 3  # no input, its output thrown away
    assert lines[3] == str(ws.locations.exports / "est")  # the minutes' folder
    assert any(FAILED in message for message in said) == (code != 0)


def test_no_opener_at_all_is_said(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("PATH", str(tmp_path))
    assert show_in_folder.opener_for(tmp_path / "a.docx", "linux") is None
    assert show_in_folder.start(tmp_path / "a.docx") is None
    assert show_in_folder.opener_for(tmp_path / "a.docx", "darwin") == [
        "open", "-R", str(tmp_path / "a.docx")]
