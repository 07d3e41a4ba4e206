"""The layers in design.md, kept apart: import-linter's contracts in pyproject.toml."""

from __future__ import annotations

import os
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


def test_an_action_list_reads_neither_the_whole_catalogue_nor_babel(tmp_path: Path) -> None:
    """`meetingtui actions` is measured against `--help` (≤ 1.2×): its words and its counts
    ("12 åtgärder, varav 3 försenade") come from `[action_words]` alone, without tomllib, and
    its plural forms without Babel (`i18n.WHOLE_NUMBERS`)."""
    code = ("import sys\nfrom meetingtui.cli import main\n"
            "for fmt in ('table', 'json', 'csv', 'md'):\n"
            "    out = [] if fmt == 'table' else ['-o', '-']\n"
            "    try:\n"
            f"        main(['--db', {str(tmp_path / 'm.db')!r}, 'actions', '--format', fmt,"
            " *out], standalone_mode=False)\n"
            "    except SystemExit:\n"
            "        pass\n"
            "heavy = [m for m in ('babel', 'tomllib', 'docx', 'pydantic', 'textual')"
            " if m in sys.modules]\nprint(','.join(heavy), file=sys.stderr)")
    seed = subprocess.run([sys.executable, "-m", "meetingtui", "--db", str(tmp_path / "m.db"),
                           "demo", "--years", "1"], cwd=ROOT, capture_output=True, text=True,
                          timeout=300)
    assert seed.returncode == 0, seed.stderr
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                            text=True, timeout=60, env={**os.environ, "MEETINGTUI_LANG": "sv"})
    assert result.returncode == 0, result.stderr
    assert "åtgärder, varav" in result.stdout  # the count was said, with its forms
    assert result.stderr.strip() == ""
