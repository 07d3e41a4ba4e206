"""Nothing is ever sent over a network.

Statically, an import-linter contract in pyproject.toml (checked by test_layers.py) forbids the
package every networking module. At run time, this test runs what a municipality does with the
app (demo data, the TUI, minutes, every action-list format, a backup) in a fresh interpreter
whose audit hook ends the process on any attempt to open an internet socket, resolve a name or
open a URL; Textual's event loop may still make its local (AF_UNIX) socket pair.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

SCRIPT = r'''
import asyncio, os, socket, sys

NETWORK = {"socket.connect", "socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyaddr",
           "socket.gethostbyname_ex", "socket.sendto", "socket.bind", "urllib.Request",
           "http.client.connect", "smtplib.connect", "ftplib.connect", "webbrowser.open"}
attempts = []

def hook(event, args):
    internet = event == "socket.__new__" and args[1] in (socket.AF_INET, socket.AF_INET6)
    local = event in ("socket.connect", "socket.bind", "socket.sendto") and isinstance(
        args[1], (str, bytes))  # an AF_UNIX path, never a host
    if internet or (event in NETWORK and not local):
        sys.stderr.write(f"NETWORK {event} {args[1:]!r}\n")
        sys.stderr.flush()
        os._exit(3)
    if event.startswith(("socket.", "urllib.", "http.")):
        attempts.append(event)

sys.addaudithook(hook)

from meetingtui.cli import main

root = sys.argv[1]
base = ["--db", f"{root}/m.db", "--exports", f"{root}/exports"]

def run(*args):
    try:
        main([*base, *args])
    except SystemExit as done:
        assert done.code in (0, None), (args, done.code)

run("demo", "--years", "1", "--seed", "3")
for fmt in ("docx", "md"):
    run("export", "1", "--format", fmt, "--force", "--allow-personal-data")
    run("export", "1", "--public", "--format", fmt, "--force", "--allow-personal-data")
for fmt in ("csv", "json", "md", "ics", "docx"):
    run("actions", "--status", "all", "--format", fmt, "-o", f"{root}/a.{fmt}", "--force")
run("actions", "--status", "all")
run("backup", f"{root}/copy.db")

from pathlib import Path
from meetingtui.paths import resolve
from meetingtui.services.workspace import open_workspace
from meetingtui.ui.app import make_app

async def drive():
    ws = open_workspace(resolve(db=Path(root, "m.db"), exports=Path(root, "exports")))
    try:
        app = make_app(ws, lang="sv", meeting_id=1)
        async with app.run_test() as pilot:
            await pilot.press("n", "n", "n", "p")
            await pilot.pause()
    finally:
        ws.close()

asyncio.run(drive())
print("OFFLINE", len(attempts))
'''


def test_a_whole_working_session_opens_no_network_connection(tmp_path: Path) -> None:
    result = subprocess.run([sys.executable, "-c", SCRIPT, str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=180,
                            env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path),
                                 "MEETINGTUI_LANG": "sv", "PYTHONPATH": str(ROOT)})
    assert "NETWORK" not in result.stderr, result.stderr
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().splitlines()[-1].startswith("OFFLINE")
    assert (tmp_path / "a.ics").exists() and (tmp_path / "copy.db").exists()


def test_the_audit_hook_would_notice_a_connection(tmp_path: Path) -> None:
    """The check above can fail: the same hook stops a script that does reach out."""
    probe = SCRIPT.split("sys.addaudithook(hook)")[0] + (
        "sys.addaudithook(hook)\n"
        "import socket\n"
        "try:\n"
        "    socket.create_connection(('192.0.2.1', 9), timeout=0.01)\n"
        "except OSError:\n"
        "    pass\n"
        "print('no hook')\n"
    )
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                            timeout=60)
    assert result.returncode == 3 and "NETWORK" in result.stderr, result.stdout + result.stderr
