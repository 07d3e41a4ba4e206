"""What the tests of `meetingtui publish DIR` share: the sample meetings, the public and the
internal site published from them, ways to read their pages, and the command run on them."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.export.site import publish_site
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.site_sample import SiteSample, build_site_sample, parse, text_of


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> SiteSample:
    return build_site_sample(ws, clock, test_agendas)


@pytest.fixture
def public(ws: Workspace, sample: SiteSample, tmp_path: Path) -> Path:
    folder = tmp_path / "webbplats"
    publish_site(ws, folder)
    return folder


@pytest.fixture
def internal(ws: Workspace, sample: SiteSample, tmp_path: Path) -> Path:
    folder = tmp_path / "intern"
    publish_site(ws, folder, internal=True)
    return folder


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def _text(page: Path) -> str:
    return text_of(parse(page))


def _row(page: Path, heading: str) -> list[str]:
    """The cells of the table row whose row header reads `heading`."""
    tree = parse(page)
    for row in tree.iter("tr"):  # type: ignore[attr-defined]
        cells = [text_of(cell) for cell in row if cell.tag in ("th", "td")]
        if cells and cells[0] == heading:
            return cells
    raise AssertionError(f"no row {heading!r} in {page}")


def _cli(sample: SiteSample, folder: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(sample.base.db), "--agendas",
                                     str(sample.base.agendas), "--lang", "sv", "publish",
                                     str(folder), *args])
