"""Writing a whole site at once: every file into a fresh folder beside the site's, one sync, then
moved into place.

`files.write_export` syncs each file and its folder: right for one export, but 3.5 ms a file
and 1,800 files a ten-year publish. Here the files are written unsynced into a temporary folder
in the same parent (the same file system, so a rename moves them), the disk is synced once,
and then a new site folder is renamed into place whole, or each file of an existing one
(`force`) replaced by a rename: each is the old file or the new one, never half of either.
Before anything is moved, every file it would replace is checked as `refuse_database` does;
nothing ever replaces a database. The temporary folder never outlives the call.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import tempfile
from collections.abc import Callable, Iterable
from pathlib import Path

from meetingtui.export.files import (
    FILE_MODE,
    ExportError,
    _error,
    _exists,
    _move,
    make_folder,
    refuse_database,
)
from meetingtui.store.durable import sync_folder
from meetingtui.store.guard import database_files

Made = tuple[str, Callable[[], bytes]]  # a file's path in the site, and what makes its bytes


def write_file(staging: Path, name: str, data: bytes) -> None:
    """One file into the staging folder, unsynced (`Staging.finish` syncs them all); OSError
    as the system says it. Worker processes making minutes pages write with this too."""
    path = staging / name
    make_folder(path.parent)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, FILE_MODE)
    with os.fdopen(descriptor, "wb") as stream:
        stream.write(data)


class Staging:
    """The temporary folder a site is written into before it is moved into ``folder``; it
    never outlives the ``with`` block."""

    def __init__(self, folder: Path) -> None:
        self.folder = Path(folder)
        self.names: list[str] = []
        self.kept: list[str] = []  # files of the folder that stay as they are
        try:
            make_folder(self.folder.parent)
            self.path = Path(tempfile.mkdtemp(prefix=f".{self.folder.name}.",
                                              suffix=".publishing", dir=self.folder.parent))
        except OSError as error:
            raise _error(error, self.folder) from error

    def __enter__(self) -> Staging:
        return self

    def __exit__(self, *_: object) -> None:
        shutil.rmtree(self.path, ignore_errors=True)

    def write(self, name: str, data: bytes) -> None:
        try:
            write_file(self.path, name, data)
        except OSError as error:
            raise self.failed(name, error) from error
        self.names.append(name)

    def written(self, name: str) -> None:
        """A file someone else (a worker) wrote into `path`."""
        self.names.append(name)

    def unchanged(self, name: str) -> None:
        """A file already in the folder that is what this publish would write."""
        self.kept.append(name)

    def failed(self, name: str, error: OSError) -> ExportError:
        return _error(error, self.folder / name)

    def finish(self, *, force: bool, protected: Path | None) -> list[Path]:
        """Every file on the disk, then moved into place (see the module); the files written
        and those kept. A kept file that went meanwhile fails it: nothing is moved."""
        kept = [self.folder / name for name in self.kept]
        gone = next((path for path in kept if not path.is_file()), None)
        if gone is not None:
            raise _error(FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT)), gone)
        _sync(self.path, self.names)
        moved = _move_into(self.folder, self.path, self.names, force=force, protected=protected)
        return [*moved, *kept]


def write_site(folder: Path, files: Iterable[Made], *, force: bool, protected: Path | None,
               written: Callable[[], None] = lambda: None) -> list[Path]:
    """Write ``files`` into ``folder`` (their names relative to it); ``written()`` after each.
    `ExportError` for anything the file system refuses, and before anything is replaced for a
    file that is a database."""
    with Staging(folder) as staging:
        for name, make in files:
            try:
                data = make()
            except OSError as error:
                raise staging.failed(name, error) from error
            staging.write(name, data)
            written()
        return staging.finish(force=force, protected=protected)


def _sync(staging: Path, names: list[str]) -> None:
    """Every file on the disk before any is moved: one sync where the system has it."""
    if hasattr(os, "sync"):
        os.sync()
        return
    for name in names:  # Windows: each file, once
        with open(staging / name, "rb+") as stream:
            os.fsync(stream.fileno())


def _move_into(folder: Path, staging: Path, names: list[str], *, force: bool,
               protected: Path | None) -> list[Path]:
    targets = [folder / name for name in names]
    if not folder.exists():
        with contextlib.suppress(OSError):  # someone made it meanwhile: file by file below
            os.rename(staging, folder)
            sync_folder(folder.parent)
            return targets
    guard = _Guard(protected)
    for target in targets:  # all checked before the first is replaced
        guard.check(target)
    folders = set()
    for name, target in zip(names, targets, strict=True):
        try:
            make_folder(target.parent)
            refuse_database(target, None)  # a database may have been put there meanwhile
            _move(staging / name, target, force=force)
        except FileExistsError as error:  # without force, a file that appeared meanwhile
            raise _exists(target) from error
        except OSError as error:
            raise _error(error, target) from error
        folders.add(target.parent)
    for each in folders:
        sync_folder(each)
    return targets


class _Guard:
    """`refuse_database` for many files, the database's own files looked up once: a file that
    may be one of them, or any SQLite file, is asked about in full (and refused)."""

    def __init__(self, protected: Path | None) -> None:
        self.protected = protected
        parts = database_files(protected) if protected is not None else []
        self.reals = {os.path.normcase(os.path.realpath(part)) for part in parts}
        self.inodes = set()
        for part in parts:
            with contextlib.suppress(OSError, ValueError):
                status = os.stat(part)
                self.inodes.add((status.st_dev, status.st_ino))

    def check(self, target: Path) -> None:
        suspect = os.path.normcase(os.path.realpath(target)) in self.reals
        with contextlib.suppress(OSError, ValueError):
            status = os.stat(target)
            suspect = suspect or (status.st_dev, status.st_ino) in self.inodes
        if suspect:
            refuse_database(target, self.protected)
        refuse_database(target, None)  # any other SQLite file, or one's journal
