"""The home screen paints before the templates are read (issue 7): on a new database it starts
empty and the groups come in once a thread has read the templates; on one that has its groups
they show at once, and nothing heavy has been imported for that first frame."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from pathlib import Path

from textual.widgets import DataTable

from meetingtui.paths import Locations
from meetingtui.services.workspace import Workspace
from meetingtui.store.db import Store
from meetingtui.ui.app import make_app
from tests.conftest import Clock


def _rows(app: object) -> list[str]:
    """The group rows of the home screen (under the question a new database asks first)."""
    home = next(s for s in app.screen_stack if type(s).__name__ == "HomeScreen")  # type: ignore[attr-defined]
    table = home.query_one(DataTable)
    return [str(table.get_row_at(i)[0]) for i in range(table.row_count)]


def test_a_new_database_gets_its_groups_once_the_templates_are_read(
    tmp_path: Path, agendas: Path, clock: Clock,
) -> None:
    db = tmp_path / "new.db"
    ws = Workspace(Store.open(db), None, Locations(db=db, agendas=agendas, exports=tmp_path),
                   clock)

    async def run() -> list[str]:
        app = make_app(ws, lang="sv")
        async with app.run_test() as pilot:
            for _ in range(100):  # the thread reads them in well under a second
                await pilot.pause(0.05)
                if _rows(app):
                    break
            return _rows(app)

    try:
        shown = asyncio.run(run())
        assert ws.templates_loaded
        assert any(row.startswith("EST – ") for row in shown)  # 80 columns: one for both
        assert len(shown) == len(ws.templates.templates)
    finally:
        ws.close()


def test_the_first_frame_imports_no_models_templates_or_sqlite_utils(
    tmp_path: Path, agendas: Path,
) -> None:
    """What the home screen needs before it paints, checked in a fresh interpreter."""
    db = tmp_path / "m.db"
    ws = Workspace(Store.open(db), None, Locations(db=db, agendas=agendas, exports=tmp_path))
    from meetingtui.services.groups import ensure_groups

    groups = len(ensure_groups(ws))  # a database that has its groups, as after a first start
    ws.close()
    code = (
        "import asyncio, sys\n"
        "from pathlib import Path\n"
        "from meetingtui.paths import Locations\n"
        "from meetingtui.services.workspace import open_workspace\n"
        "from meetingtui.ui.app import make_app\n"
        "from meetingtui.ui.screens.home import HomeScreen\n"
        f"ws = open_workspace(Locations(db=Path({str(db)!r}), agendas=None, exports=Path('.')))\n"
        "seen = []\n"
        "first_load = HomeScreen.reload\n"
        "def reload(self):\n"  # the lines the first frame shows, and what was imported for it
        "    first_load(self)\n"
        "    if not seen:\n"
        "        seen.append(sorted(m for m in ('pydantic', 'markdown_it', 'sqlite_utils',"
        " 'meetingtui.model', 'meetingtui.agenda') if m in sys.modules))\n"
        "        seen.append(len(self.overviews))\n"
        "HomeScreen.reload = reload\n"
        "async def run():\n"
        "    async with make_app(ws, lang='sv').run_test() as pilot:\n"
        "        await pilot.pause()\n"
        "asyncio.run(run())\n"
        "print(seen)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=Path(__file__).resolve().parents[2])
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == f"[[], {groups}]"
