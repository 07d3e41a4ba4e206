"""Action lists as files, for the command line and the app alike: one list in any file format,
or one file per owner into a folder (an e-mail draft per owner always is), every name checked
before the first file is written."""

from __future__ import annotations

import dataclasses
import io
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from meetingtui.export.files import ExportError, safe_name, write_export
from meetingtui.i18n import t
from meetingtui.services.actions import ActionFilters, ActionList, by_owner

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

#: The formats a file can have (the terminal table is not one).
FILE_FORMATS = ("docx", "csv", "md", "json", "ics", "eml")


def list_bytes(actions: ActionList, fmt: str, *, ics_kind: str = "events",
               page_per_owner: bool = False, owner: str = "", email: str = "") -> bytes:
    """The list as a file of `fmt`; an e-mail draft (eml) is one `owner`'s, to `email`."""
    if fmt == "docx":
        from meetingtui.export.actions.word import build_docx

        stream = io.BytesIO()
        build_docx(actions, page_per_owner=page_per_owner).save(stream)
        return stream.getvalue()
    if fmt == "eml":
        from meetingtui.export.actions.email_drafts import build_eml

        return build_eml(actions, owner, email)
    if fmt == "csv":
        from meetingtui.export.actions.csv_list import build_csv

        return build_csv(actions)
    if fmt == "ics":
        from meetingtui.export.actions.calendar import build_ics

        return build_ics(actions, kind=ics_kind)
    if fmt == "json":
        from meetingtui.export.actions.json_list import build_json

        return build_json(actions).encode("utf-8")
    if fmt == "md":
        from meetingtui.export.actions.markdown import build_md

        return build_md(actions).encode("utf-8")
    raise ValueError(f"not a file format: {fmt!r}")


def per_owner_folder(exports_dir: Path, actions: ActionList) -> Path:
    """``exports/actions/<date>-per-ansvarig[-offentlig]``."""
    suffix = "-offentlig" if actions.filters.public else ""
    return exports_dir / "actions" / f"{actions.today.isoformat()}-per-ansvarig{suffix}"


def per_owner_paths(actions: ActionList, fmt: str, folder: Path) -> dict[str, Path]:
    """Each owner's file: ``<date>-atgardslista-<owner>[-offentlig].<fmt>``, numbered where
    two owners' names make one ("Åsa Öberg" and "ÅSA ÖBERG")."""
    suffix = "-offentlig" if actions.filters.public else ""
    paths: dict[str, Path] = {}
    for owner in by_owner(actions.rows):
        stem = f"{actions.today.isoformat()}-atgardslista-{safe_name(owner, 'ansvarig')}{suffix}"
        path, n = folder / f"{stem}.{fmt}", 2
        while path in paths.values():
            path, n = folder / f"{stem}-{n}.{fmt}", n + 1
        paths[owner] = path
    return paths


def write_per_owner(actions: ActionList, fmt: str, folder: Path, *, force: bool,
                    protected: Path | None, emails: dict[str, str] | None = None,
                    ics_kind: str = "events",
                    progress: Callable[[int, int], None] | None = None) -> list[Path]:
    """Each owner's list into `folder`; `ExportError` (nothing written) when the folder is a
    file or, without `force`, a name is taken. `emails`: addresses by folded name (eml).
    `progress(done, total)` is told after each file (the command line shows a bar)."""
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file; --per-owner writes into a folder.",
                          reason="unwritable", path=folder, key="export.per_owner_file")
    paths = per_owner_paths(actions, fmt, folder)
    taken = [p for p in paths.values() if p.exists()]
    if taken and not force:
        more = t("export.taken_more", count=len(taken) - 1) if len(taken) > 1 else ""
        raise ExportError(f"{taken[0]} already exists; nothing was written. Use --force to "
                          "replace them.", reason="exists", path=taken[0],
                          key="export.per_owner_taken", fields={"more": more})
    written: list[Path] = []
    owners = by_owner(actions.rows)
    for owner, rows in owners.items():
        mine = actions._replace(rows=rows, filters=dataclasses.replace(actions.filters,
                                                                        owner=owner))
        data = list_bytes(mine, fmt, ics_kind=ics_kind, owner=owner,
                          email=(emails or {}).get(owner.casefold(), ""))

        written.append(write_export(paths[owner], _writer(data), force=True,
                                    protected=protected))
        if progress is not None:
            progress(len(written), len(owners))
    return written


class PersonalDataInList(ExportError):
    """A personnummer stands in a list meant for outside the group."""

    def __init__(self, places: list[str], path: Path) -> None:
        super().__init__(f"Personal identity numbers found: {'; '.join(places[:5])}",
                         reason="personal_data", path=path)
        self.places = places


def export_action_list(ws: Workspace, filters: ActionFilters, fmt: str, *, per_owner: bool,
                       force: bool = False, allow_personal_data: bool = False) -> list[Path]:
    """The list the app shows, written into the exports folder: one file, or one per owner
    (an e-mail draft per owner always); a public list with a personnummer in it is
    `PersonalDataInList` unless `allow_personal_data`, as on the command line."""
    from meetingtui.export.actions.common import default_docx_path, personal_data_in
    from meetingtui.services.actions import action_file_list, member_emails

    actions = action_file_list(ws, filters)
    exports = ws.locations.exports
    if filters.public and not allow_personal_data:
        places = personal_data_in(actions)
        if places:
            raise PersonalDataInList(places, exports)
    if per_owner or fmt == "eml":
        return write_per_owner(actions, fmt, per_owner_folder(exports, actions), force=force,
                               protected=ws.store.path,
                               emails=member_emails(ws) if fmt == "eml" else None)
    path = default_docx_path(exports, actions.today, filters.owner, filters.public, fmt)
    return [write_export(path, _writer(list_bytes(actions, fmt)), force=force,
                         protected=ws.store.path)]


def _writer(data: bytes) -> Callable[[BinaryIO], None]:
    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write
