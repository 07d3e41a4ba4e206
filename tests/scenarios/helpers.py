"""What the scenarios share: a workspace with the shipped templates, typing as a chair types, the
screen a chair looks at, and the minutes read back as a secretary reads them.

Typing: `type_text` sends each character as a key event, the way a terminal delivers a typist's
keys (one after another, without waiting for the screen to catch up), then waits until the app
is idle. Keys that move, save or choose (Tab, Enter, Esc, arrows, Ctrl+S, the item keys) go
through `press`, which waits after each key as `Pilot.press` does.
"""

from __future__ import annotations

import asyncio
import re
from collections.abc import Iterator
from datetime import date, datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from textual import events
from textual._wait import wait_for_idle
from textual.keys import _character_to_key
from textual.pilot import Pilot
from textual.widgets import DataTable, Static

from meetingtui.export.minutes import export_minutes
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings
from meetingtui.services.settings import set_municipality
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import Clock

SIZE = (80, 24)  # the projector


def scenario_workspace(tmp_path: Path, clock: Clock, municipality: str) -> Workspace:
    """A new database with the built-in templates (agendas/*.md as shipped) and the groups, the
    municipality named as `meetingtui config set municipality` names it (the app asks for it
    on a new database: tests/scenarios/test_a_new_municipality.py types it)."""
    ws = open_workspace(resolve(db=tmp_path / "meetingtui.db", exports=tmp_path / "exports"),
                        clock=clock)
    set_municipality(ws, municipality)
    groups.ensure_groups(ws)
    return ws


def group_id(ws: Workspace, short: str) -> int:
    found = next(g for g in groups.ensure_groups(ws) if g.short == short)
    assert found.id is not None
    return found.id


def started_meeting(ws: Workspace, short: str, day: date) -> int:
    """A meeting of the group ``short`` on ``day``, planned and started: its id."""
    meeting = meetings.plan_meeting(ws, group_id(ws, short), day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def at(clock: Clock, when: datetime) -> None:
    clock.now = when


# --- keys --------------------------------------------------------------------------------------

async def type_text(pilot: Pilot[None], text: str) -> None:
    """Type `text` into the focused field, key by key, as fast as a typist."""
    app = pilot.app
    assert app._driver is not None
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await all_keys_handed_on(pilot)


async def all_keys_handed_on(pilot: Pilot[None]) -> None:
    """Until the app has handed on every key typed ahead (`ui.type_ahead`: each waits until the
    one before has had its effect, longer than Pilot's idea of idle), and is idle."""
    app = pilot.app
    await wait_for_idle(0)
    for _ in range(400):  # 4 s: a key waits 2 s at most
        type_ahead = getattr(app, "type_ahead", None)
        if type_ahead is None or not type_ahead.waiting:
            break
        await asyncio.sleep(0.01)
    await wait_for_idle(0)
    await pilot.pause()


async def press(pilot: Pilot[None], *keys: str) -> None:
    await pilot.press(*keys)
    await pilot.pause()


async def fill(pilot: Pilot[None], *texts: str) -> None:
    """Type each text into a form's fields in turn, Tab between them (a field's text "" is
    passed over, a completion shown in grey is taken by the Tab after it)."""
    for index, text in enumerate(texts):
        if index:
            await press(pilot, "tab")
        if text:
            await type_text(pilot, text)


async def text_item(pilot: Pilot[None], key: str, text: str) -> None:
    """On a text item: `e` (notes) or `b` (decision), the text, Esc to leave the field."""
    await press(pilot, key)
    await type_text(pilot, text)
    await press(pilot, "escape")


def screen_name(pilot: Pilot[None]) -> str:
    return type(pilot.app.screen).__name__


async def close_question(pilot: Pilot[None]) -> str:
    """`c` on the meeting screen, the question before closing read (its words on one line),
    then `n`: the meeting stays open."""
    await press(pilot, "c")
    assert screen_name(pilot) == "ConfirmDialog"
    said = " ".join(str(pilot.app.screen.query_one(".confirm-message", Static).render()).split())
    await press(pilot, "n")
    assert screen_name(pilot) == "MeetingScreen"
    return said


async def choose_group(pilot: Pilot[None], short: str) -> None:
    """On the home screen, ↓ (or ↑) until the group's row is selected, as the chair does it:
    by the short name the first column begins with ("BRÅ – Lokalt brottsföre…" at 80 columns,
    "Styrgrupp (Strategiskt råd)" for a name that begins with it)."""
    table = pilot.app.screen.query_one("#groups", DataTable)
    shown = [str(table.get_row_at(row)[0]).strip() for row in range(table.row_count)]
    [target] = [row for row, text in enumerate(shown)
                if text == short or text.startswith(f"{short} – ")
                or (" – " not in text and text.casefold().startswith(short.casefold()))]
    step = "down" if target > table.cursor_row else "up"
    await press(pilot, *[step] * abs(target - table.cursor_row))
    assert table.cursor_row == target


async def plan_by_keys(pilot: Pilot[None], short: str, day: str, time: str, place: str) -> None:
    """From the home screen: the group's row, `n`, then the new-meeting form's date, time and
    place typed over what it proposes; the form stays open for the rest (Ctrl+S saves it)."""
    await choose_group(pilot, short)
    await press(pilot, "n")
    assert screen_name(pilot) == "PlanMeetingDialog"
    await press(pilot, "ctrl+a")
    await fill(pilot, day, time, place)


# --- the minutes, read back --------------------------------------------------------------------

def _blocks(doc: Document) -> Iterator[Paragraph | Table]:
    for child in doc.element.body.iterchildren():
        if child.tag == qn("w:p"):
            yield Paragraph(child, doc)
        elif child.tag == qn("w:tbl"):
            yield Table(child, doc)


def row_texts(table: Table) -> list[list[str]]:
    """Each row's cells (merged cells once), each cell's paragraphs joined by " / "."""
    rows = []
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:
            if id(cell._tc) in seen:
                continue
            seen.add(id(cell._tc))
            cells.append(" / ".join(p.text for p in cell.paragraphs if p.text))
        rows.append(cells)
    return rows


class Filed:
    """Word minutes as a secretary reads them: the page header, then every paragraph and table
    row in order (a row's cells joined by " | ")."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.doc = docx.Document(str(path))
        self.header = " ".join(p.text for p in self.doc.sections[0].header.paragraphs)
        self.lines: list[str] = []
        self.tables: list[list[list[str]]] = []
        self.headings: list[str] = []
        for block in _blocks(self.doc):
            if isinstance(block, Paragraph):
                self.lines.append(block.text)
                if block.style is not None and block.style.name == "Heading 2":
                    self.headings.append(block.text)
            else:
                rows = row_texts(block)
                self.tables.append(rows)
                self.lines += [" | ".join(cells) for cells in rows]
        self.text = "\n".join([self.header, *self.lines])

    def section(self, heading: str) -> list[str]:
        """The lines under the § heading that starts with `heading`, up to the next §."""
        found: list[str] = []
        inside = False
        for line in self.lines:
            if line in self.headings:
                if inside:
                    break
                inside = line.startswith(heading)
                continue
            if inside:
                if line.startswith(("Vid protokollet", "Vid anteckningarna")):
                    break
                found.append(line)
        assert inside or found, f"no section {heading!r} in {self.headings}"
        return found

    def info(self) -> dict[str, str]:
        """The header block's table: label → the text beside it (lines joined by " / ")."""
        first = self.tables[0]
        return {cells[0]: cells[1] for cells in first if len(cells) > 1}

    def table_under(self, heading: str) -> list[list[str]]:
        """The first table after the § heading that starts with `heading`."""
        inside = False
        for block in _blocks(self.doc):
            if isinstance(block, Paragraph) and block.text in self.headings:
                if inside:
                    break
                inside = block.text.startswith(heading)
            elif inside and isinstance(block, Table):
                return row_texts(block)
        raise AssertionError(f"no table under {heading!r}")


def export_all(ws: Workspace, meeting_id: int, folder: Path) -> dict[str, Path]:
    """The internal and public minutes in Word and Markdown, as a secretary exports them."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = {}
    for public in (False, True):
        for fmt in ("docx", "md"):
            name = f"{'offentlig' if public else 'intern'}.{fmt}"
            paths[name] = export_minutes(ws, meeting_id, public=public, fmt=fmt,
                                         path=folder / name).path
    return paths


#: What no filed minutes say: a number with the wrong form, a label twice.
AWKWARD = [
    r"(?<![\d.,])1 (orsaker|åtgärder|nya åtgärder|iakttagelser|punkter|deltagare)\b",
    r"\b([02-9]|\d{2,}) (orsak|åtgärd|ny åtgärd|iakttagelse)\b(?!s)",
    r"Beslut:\s*Beslut", r"Överenskommet:\s*Överenskommet", r"Beslut:\s*Överenskommet",
    r"Överenskommet:\s*Beslut", r"Beslutat:\s*Beslut",
    r"\bNone\b", r"\bnull\b", r"\{[a-z_]+\}", r"\bTODO\b",
]


def awkward(text: str) -> list[str]:
    """Every phrase in `text` that a secretary would have to correct before filing."""
    return [match.group(0) for pattern in AWKWARD for match in re.finditer(pattern, text)]
