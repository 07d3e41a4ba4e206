"""The public copy of the database and its Datasette metadata, for a read-only web view
(`meetingtui publish --datasette DIR`; issue 17 §5).

Writes ``meetingtui-offentlig.db`` (`store.public_copy`: only what members may see) and
``metadata.json`` (`datasette_metadata`) into a folder. The copy is refused, and nothing is
written, while a personnummer or samordningsnummer stands in any text it would hold, as the
public minutes are; there is no way around it, for a copy on a web server is read by anyone
who reaches it. Neither file is ever written over an existing one without ``force``; the copy
never over the database in use or any SQLite file that is not an earlier public copy, not even
with ``force``. Each file appears whole or not at all (a temporary file, then a rename).
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from pathlib import Path
from typing import BinaryIO

from meetingtui.export.datasette_metadata import (
    COPY_NAME,
    METADATA_NAME,
    column_label,
    metadata_json,
    table_title,
)
from meetingtui.export.files import (
    FILE_MODE,
    ExportError,
    make_folder,
    refuse_database,
    write_export,
)
from meetingtui.i18n import t
from meetingtui.personal_numbers import find_personal_numbers
from meetingtui.services.settings import municipality
from meetingtui.services.workspace import Workspace
from meetingtui.store import public_copy
from meetingtui.store.durable import sync_folder
from meetingtui.store.guard import database_part

#: How many places a refusal names; the rest are counted.
SHOWN_PLACES = 5
#: The stored statuses the copy writes as words (`model.MeasureStatus`, `model.MeetingStatus`).
MEASURE_STATUSES = ("not_started", "in_progress", "done", "cancelled")
MEETING_STATUSES = ("planned", "running", "closed")


class PersonalDataInCopy(ExportError):
    """A personnummer stands in what the public copy would hold: it is not written."""

    def __init__(self, places: list[str], path: Path) -> None:
        extra = len(places) - SHOWN_PLACES
        fields = {"places": "; ".join(places[:SHOWN_PLACES]),
                  "more": t("datasette.personal_more", count=extra) if extra > 0 else ""}
        super().__init__(t("datasette.personal_data", **fields), reason="personal_data",
                         path=path, key="datasette.personal_data", fields=fields)
        self.places = places


def write_datasette(ws: Workspace, folder: Path, *, force: bool) -> list[Path]:
    """Write the public copy and its metadata into ``folder``; return their paths.

    Raises `ExportError`: ``exists`` (a file is there and not ``force``), ``database`` (the
    copy would replace the database in use, or an SQLite file that is no public copy),
    ``personal_data`` (`PersonalDataInCopy`), ``unwritable``, ``disk_full`` or ``failed``.
    Both targets are checked before either is written.
    """
    folder = Path(folder)
    protected = ws.store.path
    copy_path, metadata_path = folder / COPY_NAME, folder / METADATA_NAME
    _check_copy_target(copy_path, protected, force)
    refuse_database(metadata_path, protected)
    if metadata_path.exists() and not force:
        raise _exists(metadata_path)
    metadata = metadata_json(municipality(ws), ws.today())
    if protected is None:  # a database in memory (tests only): nothing to attach
        raise ExportError(t("datasette.failed", error=":memory:"), reason="failed",
                          path=copy_path)
    _write_copy(protected, copy_path, force)

    def write(stream: BinaryIO) -> None:
        stream.write(metadata)

    write_export(metadata_path, write, force=force, protected=protected)
    return [copy_path, metadata_path]


def status_words() -> dict[tuple[str, str], str]:
    """The words the copy writes for the stored statuses, in the interface language."""
    words = {("measure", code): t(f"enum.MeasureStatus.{code}") for code in MEASURE_STATUSES}
    words.update({("meeting", code): t(f"enum.MeetingStatus.{code}")
                  for code in MEETING_STATUSES})
    return words


def personal_data_in(copy: Path) -> list[str]:
    """Where a personal identity number stands in the copy at ``copy``, masked: "Åtgärder nr
    12, Åtgärd: 811218-**** (personnummer)"."""
    return [
        t("datasette.place", table=table_title(cell.table), id=cell.row,
          column=column_label(cell.table, cell.column), number=finding.masked,
          kind=finding.kind)
        for cell in public_copy.text_cells(copy)
        for finding in find_personal_numbers(cell.text)
    ]


def _check_copy_target(path: Path, protected: Path | None, force: bool) -> None:
    """Only a missing file, or with ``force`` an earlier public copy, may become the copy."""
    if database_part(path, protected) is None and public_copy.is_public_copy(path):
        if not force:
            raise _exists(path)
        return
    refuse_database(path, protected)  # the database in use, or any other SQLite file
    if path.is_dir():
        raise ExportError(f"{path} is a folder.", reason="unwritable", path=path,
                          key="export.folder_in_the_way")
    if (path.exists() or path.is_symlink()) and not force:
        raise _exists(path)


def _write_copy(source: Path, path: Path, force: bool) -> None:
    """Build the copy of ``source`` in a temporary file beside ``path``, check it, then rename
    it there."""
    try:
        make_folder(path.parent)
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
        os.close(fd)
    except OSError as error:
        raise _failed(path, error) from error
    tmp = Path(name)
    try:
        try:
            public_copy.build(tmp, source, status_words())
        except sqlite3.Error as error:
            raise _failed(path, error) from error
        places = personal_data_in(tmp)
        if places:
            raise PersonalDataInCopy(places, path)
        with tmp.open("rb+") as file:
            os.fsync(file.fileno())
        os.chmod(tmp, FILE_MODE)
        _check_copy_target(path, source, force)  # something may have appeared meanwhile
        _install(tmp, path, force)
    except BaseException as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, OSError):
            raise _failed(path, error) from error
        raise
    sync_folder(path.parent)


def _install(tmp: Path, path: Path, force: bool) -> None:
    """Rename; without ``force`` never over a file that appeared since it was checked."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic, and fails if the name is taken
    except FileExistsError:
        raise _exists(path) from None
    except OSError:  # a file system without hard links (FAT, some shares)
        if path.exists():
            raise _exists(path) from None
        os.replace(tmp, path)
        return
    tmp.unlink()


def _exists(path: Path) -> ExportError:
    return ExportError(t("datasette.exists", path=path), reason="exists", path=path,
                       key="datasette.exists")


def _failed(path: Path, error: Exception) -> ExportError:
    reason = "disk_full" if "full" in str(error).lower() else "failed"
    return ExportError(t("datasette.failed", error=error), reason=reason, path=path,
                       key="datasette.failed", fields={"error": str(error)})
