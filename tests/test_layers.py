"""The layers in design.md, kept apart: import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_import_contracts_are_kept() -> None:
    lint = Path(sys.executable).parent / "lint-imports"
    result = subprocess.run([str(lint), "--no-cache"], cwd=ROOT, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "4 kept, 0 broken" in result.stdout


def test_start_up_imports_nothing_heavy() -> None:
    """`meetingtui --help` is the floor every command pays: no Textual, docx or pydantic."""
    code = ("import sys; from meetingtui.cli import main\n"
            "heavy = [m for m in ('textual', 'docx', 'sqlite_utils', 'pydantic', 'markdown_it',"
            " 'openpyxl', 'babel')"
            " if m in sys.modules]\nprint(','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""
