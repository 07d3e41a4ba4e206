"""Export files: default paths, no silent overwrite, all-or-nothing writes, owner-only mode."""

from __future__ import annotations

import errno
import io
import os
import stat
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

import docx
import pytest

from meetingtui.export.files import ExportError, default_export_path, safe_name, write_export
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.word import build_minutes
from meetingtui.model import MeetingStatus
from tests.export_fixtures import MUNICIPALITY, est_record, protocol_record


def writer(data: bytes) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(data)
    return write


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir())


def test_default_paths(tmp_path: Path) -> None:
    record = est_record()
    assert default_export_path(tmp_path, record, False, "docx") == (
        tmp_path / "est" / "2026-04-14-est-minnesanteckningar.docx")
    assert default_export_path(tmp_path, protocol_record(), True, "md") == (
        tmp_path / "est" / "2026-04-14-est-protokoll-offentlig.md")
    record.group.short = "Lokalt BRÅ / Öst"
    assert default_export_path(tmp_path, record, False, "docx").parent.name == "lokalt-bra-ost"
    # A meeting not yet closed exports a draft, under a name of its own.
    record.meeting.status = MeetingStatus.RUNNING
    assert default_export_path(tmp_path, record, True, "docx").name == (
        "2026-04-14-lokalt-bra-ost-minnesanteckningar-utkast-offentlig.docx")


@pytest.mark.parametrize(("text", "expected"), [
    ("EST", "est"), ("SSPF Väst", "sspf-vast"), ("../../etc", "etc"), ("  ", "grupp"),
    ("Rättighets:nätverket?*", "rattighets-natverket"), ("🚓", "grupp"),
])
def test_safe_names(text: str, expected: str) -> None:
    assert safe_name(text) == expected


def test_writes_a_docx_that_opens_with_owner_only_mode(tmp_path: Path) -> None:
    record = est_record()
    path = default_export_path(tmp_path / "exports", record, False, "docx")
    doc = build_minutes(record, public=False, municipality=MUNICIPALITY)
    assert write_export(path, doc.save, force=False, protected=None) == path
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert docx.Document(str(path)).core_properties.author == MUNICIPALITY
    assert leftovers(path.parent) == [path.name]


def test_writes_markdown(tmp_path: Path) -> None:
    text = build_minutes_md(est_record(), public=True, municipality=MUNICIPALITY)
    path = tmp_path / "m.md"
    write_export(path, writer(text.encode()), force=False, protected=None)
    assert path.read_text(encoding="utf-8") == text


def test_never_overwrites_without_force(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"the filed version")
    with pytest.raises(ExportError) as caught:
        write_export(path, writer(b"new"), force=False, protected=None)
    assert caught.value.reason == "exists"
    assert "already exists" in str(caught.value) and str(path) in str(caught.value)
    assert path.read_bytes() == b"the filed version"
    assert leftovers(tmp_path) == ["minutes.docx"]


def test_force_replaces_and_the_new_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"old")
    path.chmod(0o644)
    write_export(path, writer(b"new"), force=True, protected=None)
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert leftovers(tmp_path) == ["minutes.docx"]


def test_a_file_that_appears_while_writing_is_not_overwritten(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"

    def racing(stream: BinaryIO) -> None:
        stream.write(b"ours")
        path.write_bytes(b"someone else's")

    with pytest.raises(ExportError) as caught:
        write_export(path, racing, force=False, protected=None)
    assert caught.value.reason == "exists"
    assert path.read_bytes() == b"someone else's"
    assert leftovers(tmp_path) == ["minutes.docx"]


def test_a_failing_writer_leaves_no_partial_file(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"

    def half(stream: BinaryIO) -> None:
        stream.write(b"PK\x03\x04 half a zip")
        raise ValueError("boom")

    with pytest.raises(ValueError, match="boom"):
        write_export(path, half, force=False, protected=None)
    assert leftovers(tmp_path) == []


def test_a_failing_writer_keeps_the_old_file_when_forced(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"
    path.write_bytes(b"old")

    def half(stream: BinaryIO) -> None:
        stream.write(b"half")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        write_export(path, half, force=True, protected=None)
    assert path.read_bytes() == b"old"
    assert leftovers(tmp_path) == ["minutes.docx"]


def test_full_disk_is_a_plain_message_and_no_file(tmp_path: Path) -> None:
    path = tmp_path / "minutes.docx"

    def full(stream: BinaryIO) -> None:
        stream.write(b"some")
        raise OSError(errno.ENOSPC, "No space left on device")

    with pytest.raises(ExportError) as caught:
        write_export(path, full, force=False, protected=None)
    assert caught.value.reason == "disk_full"
    assert str(caught.value) == f"The disk is full: {path} was not written."
    assert leftovers(tmp_path) == []


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "exports"
    blocker.write_text("a file where the folder should be")
    path = blocker / "est" / "minutes.docx"
    with pytest.raises(ExportError) as caught:
        write_export(path, writer(b"x"), force=False, protected=None)
    assert caught.value.reason == "unwritable"
    assert str(caught.value).startswith(f"Cannot write to the folder {path.parent}")
    assert "Traceback" not in str(caught.value)


def test_an_unwritable_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o500)
    if os.geteuid() == 0:  # root writes anywhere: make the folder refuse as it would a user
        def refuse(*args: object, **kwargs: object) -> tuple[int, str]:
            raise PermissionError(errno.EACCES, "Permission denied")
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        with pytest.raises(ExportError) as caught:
            write_export(folder / "minutes.docx", writer(b"x"), force=False, protected=None)
    finally:
        folder.chmod(0o700)
    assert caught.value.reason == "unwritable"
    assert str(caught.value) == (f"Cannot write to the folder {folder}: Permission denied. "
                                 "Choose another folder.")
    assert leftovers(folder) == []


def test_a_folder_as_the_target_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ExportError, match="is a folder"):
        write_export(tmp_path, writer(b"x"), force=True, protected=None)


def test_created_folders_are_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "exports" / "est" / "m.md"
    old = os.umask(0o022)
    try:
        write_export(path, writer(b"x"), force=False, protected=None)
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700


def test_write_export_accepts_a_docx_save_method(tmp_path: Path) -> None:
    doc = build_minutes(est_record(), public=True, municipality=MUNICIPALITY)
    path = write_export(tmp_path / "p.docx", doc.save, force=False, protected=None)
    assert docx.Document(io.BytesIO(path.read_bytes())).paragraphs
