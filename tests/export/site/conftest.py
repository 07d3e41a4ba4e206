"""A year of demo meetings in a file, for the tests of how a site is made (workers open the file
themselves; reuse reads the pages a publish left)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from meetingtui.demo.fill import fill_demo
from meetingtui.paths import resolve
from meetingtui.services.workspace import Workspace, open_workspace
from tests.conftest import Clock


def demo_workspace(db: Path) -> Workspace:
    """A year of demo meetings in ``db``, some closed, some still to come (today 2026-11-23)."""
    ws = open_workspace(resolve(db=db, exports=db.parent / "exports"),
                        clock=Clock(datetime(2026, 11, 23, 9, 0)))
    fill_demo(ws, 1, seed=7)
    return ws


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    """The demo year shared by a module's tests (which do not change it)."""
    ws = demo_workspace(tmp_path_factory.mktemp("demo") / "demo.db")
    yield ws
    ws.close()
