"""The published site in a real browser (issue 17 §1): headless Chromium (Debian's `chromium`)
opens the pages from file:// URLs, the rendered DOM holds the measures, and screenshots at a
phone's and a desktop's width are pictures of that size. Without chromium this FAILS: CI
installs it (.ci/run)."""

from __future__ import annotations

import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from meetingtui.export.site import publish_site
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.site_sample import INTERNAL, MARKUP, build_site_sample, swedish

PHONE, DESKTOP = (390, 844), (1280, 900)
__all__ = ["swedish"]  # the autouse fixture, imported to apply here
TIMEOUT_S = 120  # a cold Chromium on a busy 2-core machine


def chromium() -> str:
    found = shutil.which("chromium") or (
        "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    assert found, "chromium is not installed (apt-get install chromium; .ci/run does)"
    return found


def run_chromium(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp_path / f"profile-{len(list(tmp_path.glob('profile-*')))}"
    command = [chromium(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
               "--no-first-run", "--disable-background-networking",
               "--disable-component-update", "--disable-sync", f"--user-data-dir={profile}",
               *args]
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT_S,
                          check=False)


def png_size(path: Path) -> tuple[int, int]:
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n", path
    width, height = struct.unpack(">II", data[16:24])
    return width, height


@pytest.fixture
def site(ws: Workspace, clock: Clock, test_agendas: Path, tmp_path: Path) -> Path:
    build_site_sample(ws, clock, test_agendas)
    folder = tmp_path / "webbplats"
    publish_site(ws, folder)
    return folder


def test_an_owners_page_renders_in_chromium(site: Path, tmp_path: Path) -> None:
    page = site / "ansvariga" / "karl-lind.html"
    done = run_chromium(tmp_path, "--dump-dom", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    dom = done.stdout
    assert '<html lang="sv">' in dom
    assert "Informera skolorna om läget" in dom and "Fältgång fredagar kl. 21–24" in dom
    assert "Försenad (pågående)" in dom  # the patrol, due before today
    assert "Kalenderfil med Karl Linds åtgärder (.ics)" in dom
    assert INTERNAL not in dom


def test_user_markup_stays_text_in_the_browser(site: Path, tmp_path: Path) -> None:
    done = run_chromium(tmp_path, "--dump-dom", (site / "ansvariga" / "polis-etc.html").as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    # The browser read it as text: serialised back, the markup is escaped, and no script or
    # bold element was made from it.
    assert "&lt;script&gt;alert('x')&lt;/script&gt; &amp; \"citat\" &lt;b&gt;fet&lt;/b&gt;" \
        in done.stdout
    assert "<script" not in done.stdout and "<b>" not in done.stdout
    assert MARKUP.startswith("<script>")


@pytest.mark.parametrize("size", [PHONE, DESKTOP], ids=["telefon", "dator"])
def test_screenshots_at_phone_and_desktop_width(site: Path, tmp_path: Path,
                                                size: tuple[int, int]) -> None:
    shot = tmp_path / f"index-{size[0]}.png"
    done = run_chromium(tmp_path, f"--screenshot={shot}", f"--window-size={size[0]},{size[1]}",
                        "--hide-scrollbars", (site / "index.html").as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    assert png_size(shot) == size
    assert shot.stat().st_size > 5_000  # a page was drawn, not an empty picture


@pytest.mark.parametrize("page_per_owner", [False, True])
def test_printed_one_owner_per_page_only_when_asked(ws: Workspace, clock: Clock,
                                                    test_agendas: Path, tmp_path: Path,
                                                    page_per_owner: bool) -> None:
    build_site_sample(ws, clock, test_agendas)
    folder = tmp_path / "webbplats"
    publish_site(ws, folder, page_per_owner=page_per_owner)
    pdf = tmp_path / "alla.pdf"
    done = run_chromium(tmp_path, f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                        (folder / "alla-ansvariga.html").as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True,
                          text=True, check=True, timeout=TIMEOUT_S).stdout
    pages = [page for page in text.split("\f") if page.strip()]
    owners = [[line.strip() for line in page.splitlines()
               if line.strip().startswith("Öppna åtgärder: ")] for page in pages]
    assert sum(len(each) for each in owners) == 6  # every owner printed
    assert "Startsida" not in text  # no links bar on paper
    if page_per_owner:
        assert [len(each) for each in owners] == [1] * 6
    else:
        assert len(pages) < 6  # owners follow one another
