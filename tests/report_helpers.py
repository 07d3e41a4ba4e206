"""The `report` and `import` commands as the tests run them: on the `ws` fixture's database
(its groups made), in Swedish unless told."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.services import groups
from meetingtui.services.workspace import Workspace

Run = Callable[..., Result]


def command(ws: Workspace, test_agendas: Path, tmp_path: Path, name: str) -> Run:
    groups.ensure_groups(ws)

    def run(*args: str, lang: str = "sv") -> Result:
        return CliRunner().invoke(main, [
            "--db", str(tmp_path / "test.db"), "--agendas", str(test_agendas),
            "--exports", str(tmp_path / "exports"), "--lang", lang, name, *args],
            catch_exceptions=False)
    return run
