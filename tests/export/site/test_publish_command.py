"""The command `meetingtui publish DIR` (issue 17 §1, §5): the progress it counts, what it
says, its options (--force, --internal, --page-per-owner) and the Datasette copy it writes
beside the site with --datasette."""

from __future__ import annotations

import re
from pathlib import Path

from meetingtui.export.site import publish_site
from meetingtui.services.workspace import Workspace
from tests.export.site.publish_helpers import _cli, sample
from tests.site_sample import SiteSample, swedish

__all__ = ["sample", "swedish"]  # fixtures, imported to apply here


def test_progress_counts_every_file(ws: Workspace, sample: SiteSample, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    done = publish_site(ws, tmp_path / "w", progress=lambda n, total: seen.append((n, total)))
    total = len(done.files) + 2  # and the minutes' index (reuse), the manifest
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_the_command(sample: SiteSample, tmp_path: Path) -> None:
    folder = tmp_path / "webbplats"
    result = _cli(sample, folder)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"24 filer publicerade i {re.escape(str(folder))} på \d+,\d s",
                        result.stdout.strip()), result.stdout
    assert (folder / "index.html").is_file() and (folder / "style.css").is_file()
    again = _cli(sample, folder, "--force", "--internal", "--page-per-owner")
    assert again.exit_code == 0, again.output
    assert 'class="page-per-owner"' in (folder / "alla-ansvariga.html").read_text("utf-8")
    assert 'class="page-per-owner"' not in (folder / "index.html").read_text("utf-8")


def test_the_command_writes_the_datasette_copy_beside_the_site(
    sample: SiteSample, tmp_path: Path,
) -> None:
    """`publish --datasette`: the site and the public copy with its metadata in one folder;
    published again with --force, both are replaced and nothing else is touched."""
    folder = tmp_path / "webbplats"
    result = _cli(sample, folder, "--datasette")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "Kopian för Datasette: meetingtui-offentlig.db, metadata.json")
    copy = folder / "meetingtui-offentlig.db"
    assert (folder / "index.html").is_file() and copy.is_file()
    assert "Mina åtgärder" in (folder / "metadata.json").read_text("utf-8")
    assert _cli(sample, folder, "--datasette").exit_code == 1  # not over it without --force
    (folder / "egen.txt").write_text("kvar")
    again = _cli(sample, folder, "--datasette", "--force")
    assert again.exit_code == 0, again.output
    assert (folder / "egen.txt").read_text() == "kvar" and copy.is_file()
