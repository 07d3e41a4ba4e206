"""An exports folder that cannot be written, from the command line: a folder below a file or a
folder that refuses writes is named in one clear line on stderr with a non-zero exit, never a
traceback, and nothing is left behind, not even a temporary file.

Root (as in some CI containers) writes through any file mode, so there the folder refuses the
temporary file as it would refuse a user. F6 into an unwritable folder is in
tests/ui/test_faults.py.
"""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

import pytest

from tests.cli.faults_helpers import cli, db, modes_bind
from tests.cli_helpers import one_line_error

__all__ = ["db"]  # the fixture, imported to apply here


def test_export_into_a_folder_below_a_file(db: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "delad"
    blocker.write_text("en fil där mappen borde vara", encoding="utf-8")
    exports = blocker / "exports"
    line = one_line_error(cli("--db", str(db), "--exports", str(exports), "export", "1"))
    assert line.startswith(f"meetingtui: Kan inte skriva i mappen {exports / 'est'}: "
                           f"{blocker} är en fil, inte en mapp.")
    assert blocker.read_text(encoding="utf-8") == "en fil där mappen borde vara"


def test_export_into_a_folder_that_refuses(db: Path, tmp_path: Path,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    exports = tmp_path / "exports"
    (exports / "est").mkdir(parents=True)
    if modes_bind(tmp_path):
        (exports / "est").chmod(0o555)
    else:  # root: the folder refuses the temporary file as it would refuse a user
        import meetingtui.export.files as files

        def refuse(*_args: Any, **_kwargs: Any) -> Any:
            raise PermissionError(errno.EACCES, "Permission denied")

        monkeypatch.setattr(files.tempfile, "mkstemp", refuse)
    try:
        for fmt in ("docx", "md"):
            line = one_line_error(cli("--db", str(db), "--exports", str(exports), "export", "1",
                                      "--format", fmt))
            assert line == (f"meetingtui: Kan inte skriva i mappen {exports / 'est'}: "
                            "åtkomst nekad. Välj en annan mapp.")
    finally:
        (exports / "est").chmod(0o755)
    assert list(exports.rglob("*")) == [exports / "est"]  # no file, not even a temporary one
