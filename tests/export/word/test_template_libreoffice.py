"""Minutes from the municipality's Word template as LibreOffice shows them (issue 14 §4): the logo
and the letterhead on every page, with its page number and the address."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.export.minutes import export_minutes
from meetingtui.services.settings import set_word_template
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.export.word.template_helpers import (
    ADDRESS,
    LETTERHEAD,
    make_template,
    minutes_meeting,
)


@pytest.fixture
def meeting(ws: Workspace, clock: Clock) -> int:
    return minutes_meeting(ws, clock)


@pytest.fixture
def soffice_profile(tmp_path: Path) -> Iterator[str]:
    missing = [t for t in ("soffice", "pdftotext", "pdfimages") if shutil.which(t) is None]
    assert not missing, f"missing {missing}: apt-get install libreoffice-writer-nogui poppler-utils"
    yield (tmp_path / "lo-profile").as_uri()


def test_libreoffice_shows_the_logo_and_the_letterhead_on_every_page(
        ws: Workspace, meeting: int, tmp_path: Path, soffice_profile: str) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    path = ws.locations.exports / "mall.docx"
    export_minutes(ws, meeting, path=path)
    subprocess.run(["soffice", f"-env:UserInstallation={soffice_profile}", "--headless",
                    "--norestore", "--convert-to", "pdf", "--outdir", str(tmp_path), str(path)],
                   capture_output=True, timeout=120, check=True)
    pdf = tmp_path / "mall.pdf"
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, timeout=60, check=True).stdout
    pages = text.split("\f")[:-1]
    assert len(pages) >= 2
    for number, page in enumerate(pages, start=1):
        assert LETTERHEAD in page and "Exempelkommun" in page
        assert f"Sida {number} av {len(pages)}" in page and ADDRESS in page
    assert "§ 1 Mötets öppnande" in pages[0]
    listing = subprocess.run(["pdfimages", "-list", str(pdf)], capture_output=True, text=True,
                             timeout=60, check=True).stdout.splitlines()[2:]
    assert sorted({int(line.split()[0]) for line in listing}) == list(range(1, len(pages) + 1))
