"""Where export files go and how they are written: never over an existing file unless asked,
never over a database at all, never half-written (a temporary file in the same folder, then an
atomic rename), owner-only.

No python-docx here: the CLI imports this at start-up cost close to nothing.
"""

from __future__ import annotations

import contextlib
import errno
import glob
import os
import tempfile
import time
import unicodedata
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from meetingtui.i18n import os_error
from meetingtui.store.durable import sync_folder
from meetingtui.store.guard import database_part, sqlite_file_at

if TYPE_CHECKING:  # the model imports pydantic: not needed to write a file
    from meetingtui.model import MeetingRecord

Format = Literal["docx", "md"]
FILE_MODE = 0o600
DIR_MODE = 0o700
#: A temporary file this old was left by an export that was killed: no export takes minutes.
ABANDONED_AFTER_S = 5 * 60


class ExportError(Exception):
    """An export that could not be written, with a message for the person who asked for it.

    ``reason`` is stable for callers that word it themselves: ``exists``, ``unwritable``,
    ``disk_full``, ``database`` (the path is a database or one of its journal files) or
    ``failed``. Where ``key`` is set, the i18n key (formatted with ``path`` and ``fields``)
    says the message in the interface language.
    """

    def __init__(self, message: str, *, reason: str, path: Path, key: str | None = None,
                 fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.reason = reason
        self.path = path
        self.key = key
        self.fields = dict(fields or {})


def safe_name(text: str, fallback: str = "grupp") -> str:
    """Lowercase ASCII letters, digits and dashes: "Lokalt BRÅ" → "lokalt-bra"."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    words = "".join(c if c.isalnum() else " " for c in ascii_text.lower()).split()
    return "-".join(words)[:40].strip("-") or fallback


def default_export_path(exports_dir: Path, record: MeetingRecord, public: bool,
                        fmt: Format) -> Path:
    """``exports/<group>/<YYYY-MM-DD>-<group>-<minnesanteckningar|protokoll>[-utkast]
    [-offentlig].<fmt>``: a meeting not yet closed gives a draft (utkast), so that the file
    filed at closing never has the name of one written before."""
    from meetingtui.model import MeetingStatus
    from meetingtui.model.templates import document_of_template

    group = safe_name(record.group.short or record.group.name)
    document = document_of_template(record.template)
    draft = "-utkast" if record.meeting.status is not MeetingStatus.CLOSED else ""
    suffix = "-offentlig" if public else ""
    name = f"{record.meeting.date.isoformat()}-{group}-{document.value}{draft}{suffix}.{fmt}"
    return exports_dir / group / name


def _error(error: OSError, path: Path) -> ExportError:
    folder = path.parent
    reason = {"reason": os_error(error)}
    if error.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", errno.ENOSPC)):
        return ExportError(f"The disk is full: {path} was not written.", reason="disk_full",
                           path=path, key="export.disk_full")
    if error.errno in (errno.EACCES, errno.EPERM, errno.EROFS, errno.ENOTDIR, errno.EISDIR):
        return ExportError(f"Cannot write to the folder {folder}: {error.strerror}. "
                           "Choose another folder.", reason="unwritable", path=path,
                           key="export.cannot_write_folder", fields=reason)
    return ExportError(f"Could not write {path}: {error.strerror or error}.", reason="failed",
                       path=path, key="export.could_not_write", fields=reason)


def _exists(path: Path) -> ExportError:
    return ExportError(f"{path} already exists and was not replaced. Choose another name, "
                       "or replace it on purpose (--force).", reason="exists", path=path,
                       key="export.not_replaced")


def refuse_database(path: Path, protected: Path | None) -> None:
    """Raise `ExportError` (reason ``database``) when writing ``path`` would replace the database
    ``protected`` (the one in use) or its -wal, -shm or -journal file, or any other SQLite
    database or one of its journal files, however ``path`` is spelt. Nothing ever may: not even
    with ``force``."""
    if protected is not None and database_part(path, protected) is not None:
        raise ExportError(
            f"Not written: {path} is the database in use, {protected}, or a file SQLite keeps "
            "beside it. An export never replaces them, even with --force; choose another file "
            "name.", reason="database", path=path, key="export.database_in_use",
            fields={"database": str(protected)})
    other = sqlite_file_at(path)
    if other is not None:
        raise ExportError(
            f"Not written: {path} is an SQLite database, {other}, or a file SQLite keeps beside "
            "it. An export never replaces a database, even with --force; choose another file "
            "name.", reason="database", path=path, key="export.sqlite_file",
            fields={"database": str(other)})


def write_export(path: Path, write_fn: Callable[[BinaryIO], None], *, force: bool,
                 protected: Path | None) -> Path:
    """Write a file with ``write_fn(stream)``, all or nothing, readable by the owner only.

    Never replaces ``protected`` (the database in use: pass it, or None where there is none),
    its -wal, -shm or -journal file, or any SQLite file (`refuse_database`), checked before
    writing and again just before the rename. Refuses an existing ``path`` unless ``force``.
    Writes a temporary file in the same folder,
    syncs it and renames it into place, so ``path`` is either the old file, absent, or complete.
    Raises `ExportError` for anything the file system refuses (an OSError, also one raised while
    ``write_fn`` writes); any other exception from ``write_fn`` propagates unchanged. Either way
    no temporary or partial file is left behind.
    """
    path = Path(path)
    refuse_database(path, protected)
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name.", reason="unwritable",
                          path=path, key="export.is_a_folder")
    if path.exists() and not force:
        raise _exists(path)
    blocking = next((p for p in path.parents if p.exists() and not p.is_dir()), None)
    if blocking is not None:
        raise ExportError(f"Cannot write to the folder {path.parent}: {blocking} is a file, not "
                          "a folder. Choose another folder.", reason="unwritable", path=path,
                          key="export.parent_is_a_file", fields={"blocking": str(blocking)})
    try:
        make_folder(path.parent)
        _remove_abandoned(path)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as error:
        raise _error(error, path) from error
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as stream:
            write_fn(stream)
            stream.flush()
            os.fsync(stream.fileno())
        os.chmod(tmp, FILE_MODE)
        refuse_database(path, protected)  # a link or a database may have appeared meanwhile
        _move(tmp, path, force=force)
    except BaseException as error:
        with contextlib.suppress(OSError):
            tmp.unlink()
        if isinstance(error, OSError) and not isinstance(error, FileExistsError):
            raise _error(error, path) from error
        if isinstance(error, FileExistsError):
            raise _exists(path) from error
        raise
    sync_folder(path.parent)
    return path


def make_folder(folder: Path) -> None:
    """Make ``folder`` and each missing folder above it owner-only (``mkdir(parents=True)``
    gives the mode to the last one only; the ones above would follow the umask)."""
    missing: list[Path] = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for each in reversed(missing):
        each.mkdir(mode=DIR_MODE, exist_ok=True)


def _remove_abandoned(path: Path) -> None:
    """Delete temporary files an earlier, killed export of `path` left behind.

    A kill (SIGKILL, a dead battery) skips the cleanup in `write_export`; the next export of the
    same file tidies up, sparing any temporary file young enough to be another export's, at work.
    """
    cutoff = time.time() - ABANDONED_AFTER_S
    for tmp in path.parent.glob(f".{glob.escape(path.name)}.*.tmp"):
        with contextlib.suppress(OSError):
            if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                tmp.unlink()


def _move(tmp: Path, path: Path, *, force: bool) -> None:
    """Rename ``tmp`` to ``path``; without ``force``, never over a file that appeared meanwhile."""
    if force:
        os.replace(tmp, path)
        return
    try:
        os.link(tmp, path)  # atomic and fails if path exists
    except FileExistsError:
        raise
    except OSError:  # a file system without hard links (FAT, some shares)
        if path.exists():
            raise FileExistsError(errno.EEXIST, "exists", str(path)) from None
        os.replace(tmp, path)
        return
    tmp.unlink()
