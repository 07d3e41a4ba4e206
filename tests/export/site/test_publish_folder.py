"""The folder `meetingtui publish DIR` writes into (issue 17 §1): one that is not empty is left
alone unless asked; with --force only what publish wrote is replaced, and the database is never
replaced nor removed."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.export.files import ExportError
from meetingtui.export.site import MANIFEST, publish_site
from meetingtui.services.workspace import Workspace
from tests.export.site.publish_helpers import _cli, sample
from tests.site_sample import INTERNAL, SiteSample, swedish

__all__ = ["sample", "swedish"]  # fixtures, imported to apply here


def test_a_folder_that_is_not_empty_is_refused_without_force(ws: Workspace, sample: SiteSample,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "egen.txt").write_text("min egen fil", encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        publish_site(ws, folder)
    assert raised.value.reason == "exists"
    assert sorted(p.name for p in folder.iterdir()) == ["egen.txt"]
    result = _cli(sample, folder)
    assert result.exit_code == 1 and "är inte tom; inget skrevs" in result.stderr
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError):
        publish_site(ws, tmp_path / "fil")


def test_force_replaces_only_what_publish_wrote(ws: Workspace, sample: SiteSample,
                                                tmp_path: Path) -> None:
    folder = tmp_path / "w"
    publish_site(ws, folder, internal=True)
    assert (folder / "ansvariga" / "lena-ek.html").is_file()  # her confidential measure
    (folder / "egen.txt").write_text("min egen fil", encoding="utf-8")
    (folder / "ansvariga" / "anteckning.html").write_text("egen", encoding="utf-8")
    done = publish_site(ws, folder, force=True)
    # Lena Ek has nothing public left: the internal page of hers is gone, not left behind.
    assert not (folder / "ansvariga" / "lena-ek.html").exists()
    assert folder / "ansvariga" / "lena-ek.html" in done.removed
    assert (folder / "egen.txt").read_text(encoding="utf-8") == "min egen fil"
    assert (folder / "ansvariga" / "anteckning.html").read_text(encoding="utf-8") == "egen"
    for path in folder.rglob("*"):
        if path.is_file() and path.name not in ("egen.txt", "anteckning.html"):
            assert INTERNAL not in path.read_text(encoding="utf-8"), path


def test_the_database_is_never_replaced_nor_removed(ws: Workspace, sample: SiteSample,
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "w"
    publish_site(ws, folder)
    listed = (folder / MANIFEST).read_text(encoding="utf-8")
    # A manifest that names a database (edited by hand, or a database put where a page was):
    # removed from the listing's files it never is.
    ws.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database_copy = folder / "grupper" / "est.html"
    database_copy.write_bytes(sample.base.db.read_bytes())
    (folder / MANIFEST).write_text(listed + "../test.db\n", encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        publish_site(ws, folder, force=True)
    assert raised.value.reason == "database"
    assert sample.base.db.is_file()
    result = _cli(sample, sample.base.db, "--force")
    assert result.exit_code == 1 and sample.base.db.is_file()
