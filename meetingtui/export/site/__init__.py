"""`meetingtui publish DIR`: a folder of plain HTML pages for members (an index, a page per
owner, organisation and group, the minutes of each closed meeting, a calendar per owner), to put
on an intranet or send as a zip.

Public by default: nothing confidential, and refused while a personnummer stands anywhere in
it, before anything is written. Internal (`internal=True`): confidential included, every page
marked. The files are written all at once (`staging.Staging`: each all or nothing, never
over a database, one sync for them all); a folder that holds anything is refused unless
`force`, and then only what publish writes is replaced: the files an earlier publish wrote
and this one does not (an owner with nothing open any more) are removed, listed in the
folder's `MANIFEST`, nothing else.

A later `--datasette` (issue 17 §5) adds its files beside these: `publish_site` is one step of
the command, the database copy would be another.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from meetingtui.export.files import ExportError, write_export
from meetingtui.i18n import t
from meetingtui.store.guard import sqlite_file_at

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

#: The files the last publish wrote, one relative path a line: what `force` may remove.
MANIFEST = ".meetingtui-publish"
Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class Published:
    folder: Path
    files: list[Path]
    removed: list[Path]  # an earlier publish's files this one no longer has
    personal_data: list[str]  # internal: where a personnummer stands (public: refused)


class PersonalDataInSite(ExportError):
    """A personnummer stands in what a public site would show."""

    def __init__(self, places: list[str], folder: Path) -> None:
        shown = "; ".join(places[:5]) + (t("cli_actions.personal_more", count=len(places) - 5)
                                         if len(places) > 5 else "")
        super().__init__(f"Personal identity numbers found: {shown}. Remove them, or publish "
                         "an internal copy (--internal); nothing was written.",
                         reason="personal_data", path=folder, key="site.personal_data",
                         fields={"places": shown})
        self.places = places


def _check_folder(folder: Path, force: bool) -> None:
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; publish writes into a folder.",
                          reason="unwritable", path=folder, key="site.not_a_folder")
    if folder.is_dir() and any(folder.iterdir()) and not force:
        raise ExportError(f"{folder} is not empty; nothing was written. Choose an empty or new "
                          "folder, or replace what publish wrote there on purpose (--force).",
                          reason="exists", path=folder, key="site.not_empty")


def _earlier(folder: Path) -> list[Path]:
    """The files an earlier publish listed, those still inside the folder only."""
    try:
        lines = (folder / MANIFEST).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return []
    inside = folder.resolve()
    found = []
    for line in lines:
        path = folder / line.strip()
        if not line.strip() or path.is_symlink() or not path.is_file():
            continue
        with contextlib.suppress(ValueError):
            path.resolve().relative_to(inside)
            found.append(path)
    return found


def publish_site(ws: Workspace, folder: Path, *, internal: bool = False, force: bool = False,
                 page_per_owner: bool = False, progress: Progress | None = None,
                 workers: int | None = None) -> Published:
    """Write the site into ``folder``; `ExportError` (nothing written) for a folder that is a
    file or, without ``force``, holds anything, and `PersonalDataInSite` for a public site with
    a personnummer in it. ``progress(done, total)`` after each file; ``workers``: processes
    making the minutes pages (`minutes.write_minutes`)."""
    from meetingtui.export.site.content import gather
    from meetingtui.export.site.minutes import write_minutes
    from meetingtui.export.site.render import calendars, pages
    from meetingtui.export.site.reuse import INDEX
    from meetingtui.export.site.staging import Staging

    folder = Path(folder)
    _check_folder(folder, force)
    site = gather(ws, internal=internal)
    if site.personal_data and not internal:  # before a single minutes page is made
        raise PersonalDataInSite(site.personal_data, folder)
    files = [*pages(site, page_per_owner=page_per_owner), *calendars(site)]
    total = len(site.minutes) + 1 + len(files) + 1  # and the minutes' index, the manifest
    done = 0

    def written() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, total)

    with Staging(folder) as staging:

        def the_rest() -> None:  # while the minutes are made: nothing in it was refused
            for name, make in files:
                staging.write(name, make())
                written()

        places = write_minutes(ws, site, staging, workers=workers, written=written,
                               meanwhile=the_rest)
        personal_data = [*site.personal_data, *places]
        if personal_data and not internal:
            raise PersonalDataInSite(personal_data, folder)
        _check_folder(folder, force)  # someone may have written there while it was made
        earlier = _earlier(folder) if force else []
        written_files = staging.finish(force=force, protected=ws.store.path)
    listing = "".join(f"{name}\n" for name in [*staging.names, *staging.kept]).encode("utf-8")
    write_export(folder / MANIFEST, _writer(listing), force=True, protected=ws.store.path)
    if progress is not None:
        progress(total, total)
    removed = _remove(earlier, set(written_files))
    listed = [path for path in written_files if path != folder / INDEX]  # as the manifest: ours
    return Published(folder, listed, removed, personal_data)


def _remove(earlier: list[Path], kept: set[Path]) -> list[Path]:
    """Delete an earlier publish's files that this one did not write (never a database)."""
    removed = []
    for path in earlier:
        if path in kept or sqlite_file_at(path) is not None:
            continue
        with contextlib.suppress(OSError):
            path.unlink()
            removed.append(path)
    return removed


def _writer(data: bytes) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write
