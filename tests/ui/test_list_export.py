"""F7's list exported from the app by keys (issue 17 §4): x (or F6) on the action list, a
format, one file or one per owner, into the exports folder; a name taken is asked about."""

from __future__ import annotations

import asyncio
import email
from email import policy
from pathlib import Path

import docx

from meetingtui.services.workspace import Workspace
from meetingtui.ui.app import make_app
from tests.scenarios.helpers import SIZE, press, screen_name


def _files(folder: Path, pattern: str) -> list[Path]:
    return sorted(folder.rglob(pattern))


def test_the_list_as_word_then_as_e_mail_drafts_per_owner(
    seeded: tuple[Workspace, int, list[int]],
) -> None:
    ws = seeded[0]
    exports = ws.locations.exports

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "f7")
            assert screen_name(pilot) == "ActionListScreen"
            await press(pilot, "x")
            assert screen_name(pilot) == "ListExportDialog"
            await press(pilot, "enter")  # Word, one file, internal
            assert screen_name(pilot) == "ActionListScreen"
            await press(pilot, "f6", "enter")  # the same again: the name is taken
            assert screen_name(pilot) == "ConfirmDialog"
            await press(pilot, "escape")  # no: nothing written
            await press(pilot, "escape")  # and out of the dialog
            assert screen_name(pilot) == "ActionListScreen"
            # E-mail drafts: → four times from Word.
            await press(pilot, "x", "right", "right", "right", "right", "enter")
            assert screen_name(pilot) == "ActionListScreen"

    asyncio.run(run())
    [word] = _files(exports, "*.docx")
    assert word.parent == exports / "actions"
    owners = [p.text for p in docx.Document(str(word)).paragraphs
              if p.style is not None and p.style.name == "Heading 1"]
    assert owners == ["Folkhälsostrateg", "Teknisk förvaltning"]
    drafts = _files(exports, "*.eml")
    assert [p.parent.name.endswith("-per-ansvarig") for p in drafts] == [True, True]
    subjects = []
    for path in drafts:
        message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
        subjects.append(str(message["Subject"]))
        assert message["X-Unsent"] == "1"
    assert all(s.startswith("Dina åtgärder ") for s in subjects)


def test_a_csv_per_owner_by_keys(seeded: tuple[Workspace, int, list[int]]) -> None:
    ws = seeded[0]

    async def run() -> None:
        async with make_app(ws, lang="sv").run_test(size=SIZE) as pilot:
            await pilot.pause()
            await press(pilot, "f7", "x", "right")  # Excel (.csv)
            await press(pilot, "tab", "right")  # per owner: yes
            await press(pilot, "enter")
            assert screen_name(pilot) == "ActionListScreen"

    asyncio.run(run())
    files = _files(ws.locations.exports, "*.csv")
    assert len(files) == 2
    assert {p.name.split("-atgardslista-")[1] for p in files} == {
        "folkhalsostrateg.csv", "teknisk-forvaltning.csv"}
    for path in files:
        lines = path.read_text("utf-8-sig").splitlines()
        assert len(lines) == 2  # the heading and the owner's one measure
