"""`meetingtui export`: where the minutes go, no silent overwrite, personal numbers stop it."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

from click.testing import CliRunner, Result
from docx import Document

from meetingtui.cli import main
from meetingtui.model import Observation
from meetingtui.paths import resolve
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import open_workspace


def _meeting(tmp_path: Path, note: str) -> tuple[Path, int]:
    db = tmp_path / "m.db"
    ws = open_workspace(resolve(db=db))
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "EST")
    assert est is not None and est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10), place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    first = meetings.items(ws, meeting.id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes=note)
    lagesbild.save_observation(ws, Observation(
        meeting_id=meeting.id, area="Stationsparken", description="Hemlig uppgift från polisen",
        confidential=True))
    ws.close()
    return db, meeting.id


def run(db: Path, tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(db), "--exports", str(tmp_path / "exports"),
                                     *args], catch_exceptions=False)


def test_export_writes_the_default_path_and_never_overwrites(tmp_path: Path) -> None:
    db, meeting_id = _meeting(tmp_path, "Ordföranden **öppnade** mötet.")
    result = run(db, tmp_path, "export", str(meeting_id))
    assert result.exit_code == 0, result.output
    path = Path(result.stdout.strip())
    # The meeting is still running: a draft, named so.
    assert path == tmp_path / "exports/est/2026-11-10-est-minnesanteckningar-utkast.docx"
    text = "\n".join(p.text for p in Document(str(path)).paragraphs)
    assert "§ 1" in text and "Mötets öppnande" in text and "öppnade" in text
    before = path.read_bytes()

    again = run(db, tmp_path, "export", str(meeting_id))
    assert again.exit_code == 1
    assert "finns redan" in again.stderr and len(again.stderr.strip().splitlines()) == 1
    assert path.read_bytes() == before
    assert run(db, tmp_path, "export", str(meeting_id), "--force").exit_code == 0


def test_public_version_leaves_out_confidential_items(tmp_path: Path) -> None:
    db, meeting_id = _meeting(tmp_path, "Inget att notera.")
    internal = Path(run(db, tmp_path, "export", str(meeting_id), "--format", "md").stdout.strip())
    public = Path(run(db, tmp_path, "export", str(meeting_id), "--public", "--format", "md")
                  .stdout.strip())
    assert public.name == "2026-11-10-est-minnesanteckningar-utkast-offentlig.md"
    assert "Hemlig uppgift" in internal.read_text(encoding="utf-8")
    assert "Hemlig uppgift" not in public.read_text(encoding="utf-8")


def test_personal_numbers_stop_the_public_version(tmp_path: Path) -> None:
    db, meeting_id = _meeting(tmp_path, "Anmälan gällde 811218-9876.")
    refused = run(db, tmp_path, "export", str(meeting_id), "--public")
    assert refused.exit_code == 1
    assert "Personnummer hittades: § 1" in refused.stderr
    assert "811218-9876" not in refused.stderr  # the message does not repeat the number
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").rglob("*.docx"))

    allowed = run(db, tmp_path, "export", str(meeting_id), "--public", "--allow-personal-data")
    assert allowed.exit_code == 0
    assert "varning: personnummer i § 1" in allowed.stderr

    internal = run(db, tmp_path, "export", str(meeting_id), "-o", str(tmp_path / "intern.docx"))
    assert internal.exit_code == 0 and (tmp_path / "intern.docx").exists()
    assert "varning" in internal.stderr


def test_unknown_meeting_and_unwritable_folder(tmp_path: Path) -> None:
    db, meeting_id = _meeting(tmp_path, "x")
    missing = run(db, tmp_path, "--lang", "en", "export", "4711")
    assert missing.exit_code == 1 and "No meeting with id 4711" in missing.stderr
    not_a_folder = tmp_path / "fil.txt"  # tests run as root here: permissions would not stop it
    not_a_folder.write_text("x", encoding="utf-8")
    result = run(db, tmp_path, "export", str(meeting_id), "-o", str(not_a_folder / "a.docx"))
    assert result.exit_code == 1
    assert result.stderr.startswith("meetingtui: Kan inte skriva i mappen")
    assert not_a_folder.read_text(encoding="utf-8") == "x"


def test_dash_as_output_is_standard_output(tmp_path: Path) -> None:
    """`-o -` writes the minutes to standard output (a pipe, `> fil.md`), no file named "-",
    nothing in the exports folder, and no path printed among the bytes."""
    db, meeting_id = _meeting(tmp_path, "Ordföranden öppnade mötet.")
    md = run(db, tmp_path, "export", str(meeting_id), "--format", "md", "-o", "-")
    assert md.exit_code == 0, md.output
    assert md.stdout.startswith("# ") and "Ordföranden öppnade mötet." in md.stdout
    word = run(db, tmp_path, "export", str(meeting_id), "-o", "-")
    assert word.exit_code == 0 and word.stdout_bytes[:2] == b"PK"
    text = "\n".join(p.text for p in Document(io.BytesIO(word.stdout_bytes)).paragraphs)
    assert "Mötets öppnande" in text
    assert not (tmp_path / "exports").exists() and not (Path.cwd() / "-").exists()
