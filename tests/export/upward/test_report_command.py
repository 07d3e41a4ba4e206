"""`meetingtui report yearly|quarter` (issue 16 §5) on two years of demo data: they write Word
and Markdown, replace a file only with `--force`, and say each error in one line, in Swedish or
English, a public report with a personnummer in it included."""

# The demo and its copy are fixtures imported below; pytest passes them by name, which ruff
# reads as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from tests.cli_helpers import one_line_error
from tests.export.upward.upward_data import (  # noqa: F401 - demo is a fixture
    PERSONNUMMER,
    SECRET_TEXT,
    demo,
    text_of,
)

# --- the command -------------------------------------------------------------------------------

def _run(demo: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", "sv", "report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_report_yearly_and_quarter_write_word_and_markdown(demo: Path, tmp_path: Path) -> None:
    code, out, _ = _run(demo, "yearly", "--year", "2025", "-o", str(tmp_path / "y.docx"))
    assert code == 0 and out.strip() == str(tmp_path / "y.docx")
    assert "Lägesbild och åtgärdsplan 2025" in text_of(tmp_path / "y.docx")
    code, out, _ = _run(demo, "quarter", "--quarter", "2025-Q4", "--group", "EST", "--public",
                        "-o", str(tmp_path / "q.md"))
    assert code == 0
    written = (tmp_path / "q.md").read_text("utf-8")
    assert written.startswith("**Exempelkommun**")
    assert "# Lägesbild 2025-Q4 · EST" in written and SECRET_TEXT not in written


@pytest.mark.parametrize(("args", "said"), [
    (["yearly", "--year", "20x6"], "--year 20x6 är inget år"),
    (["yearly", "--year", "99999"], "--year 99999 är inget år"),
    (["quarter", "--quarter", "2026-Q5"], "--quarter 2026-Q5 är inget kvartal"),
    (["quarter", "--quarter", "2026-Q4", "--group", "ingen"], "ingen grupp heter ingen"),
    (["yearly", "--year", "2025", "-o", "rapport.pdf"], "ska sluta på .docx eller .md"),
])
def test_report_errors_are_one_line(demo: Path, tmp_path: Path, args: list[str],
                                    said: str) -> None:
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "r.docx")]
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", "sv", "report", *args])
    assert said in one_line_error(result)
    assert not (tmp_path / "r.docx").exists()


def test_an_existing_file_is_replaced_only_with_force(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "y.md"
    target.write_text("mitt eget", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(demo), "report", "yearly", "--year", "2025",
                                       "-o", str(target)])
    assert "finns redan" in one_line_error(result)
    assert target.read_text("utf-8") == "mitt eget"
    code, _, _ = _run(demo, "yearly", "--year", "2025", "-o", str(target), "--force")
    assert code == 0 and "Lägesbild och åtgärdsplan 2025" in target.read_text("utf-8")


def test_public_report_with_a_personnummer_is_refused_in_one_line(demo: Path,
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "pn.db"
    shutil.copy(demo, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE measures SET owner_org = ? WHERE text = 'Förslag om "
                     "fältassistenter'", [f"Org {PERSONNUMMER}"])
    conn.close()
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(main, ["--db", str(db), "report", "yearly", "--year", "2025",
                                       "--public", "-o", str(target)])
    line = one_line_error(result)
    assert "811218-****" in line and PERSONNUMMER not in line and not target.exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "--quarter 2026-Q5 är inget kvartal: skriv till exempel 2026-Q4 (Q1–Q4)."),
    ("en", "--quarter 2026-Q5 is not a quarter: write it as 2026-Q4 (Q1–Q4)."),
])
def test_a_bad_quarter_is_said_in_both_languages(demo: Path, lang: str, said: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", lang, "report", "quarter",
                                       "--quarter", "2026-Q5"])
    assert one_line_error(result) == f"meetingtui: {said}"
