"""A year of demo meetings in a file, for the tests of how a site is made (workers open the file
themselves; reuse reads the pages a publish left)."""

from __future__ import annotations

import shutil
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


@pytest.fixture(scope="session")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A demo year to copy for a test that changes it (filling one takes 2 s)."""
    ws = demo_workspace(tmp_path_factory.mktemp("demo-file") / "demo.db")
    copy = ws.store.path.with_name("copy.db") if ws.store.path else None
    assert copy is not None
    ws.store.backup(copy)  # one file, whole, whatever the WAL still holds
    ws.close()
    return copy


def copy_of_demo(demo_file: Path, folder: Path) -> Workspace:
    """The demo year in ``folder``, to change (today 2026-11-23)."""
    db = folder / "demo.db"
    shutil.copyfile(demo_file, db)
    return open_workspace(resolve(db=db, exports=folder / "exports"),
                          clock=Clock(datetime(2026, 11, 23, 9, 0)))
