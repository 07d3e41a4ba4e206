"""The command line as scripts and people use it: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.paths import resolve
from meetingtui.services import groups, meetings
from meetingtui.services.workspace import open_workspace
from tests.cli_helpers import one_line_error
from tests.conftest import TEST_TEMPLATE


def run(*args: str) -> Result:
    return CliRunner().invoke(main, list(args), catch_exceptions=False)



def test_help_names_the_database_in_use(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MEETINGTUI_DB", str(tmp_path / "x.db"))
    result = run("--lang", "en", "--help")
    assert result.exit_code == 0
    assert f"Database in use: {tmp_path / 'x.db'}" in result.output
    assert f"Databas som används: {tmp_path / 'x.db'}" in run("--lang", "sv", "--help").output
    for command in ("templates", "demo", "meetings", "open"):
        assert command in result.output


def test_templates_lists_every_group_type(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "x.db"), "--lang", "en", "templates")
    assert result.exit_code == 0
    assert result.output.splitlines()[0].split() == ["Short", "Name", "Frequency", "Chair",
                                                     "Items", "Id"]
    swedish = run("--db", str(tmp_path / "x.db"), "--lang", "sv", "templates")
    assert swedish.output.splitlines()[0].split() == ["Kortnamn", "Namn", "Rytm", "Ordförande",
                                                      "Punkter", "Id"]
    est = next(line for line in result.output.splitlines() if line.startswith("EST "))
    assert "monthly" in est and "Säkerhetschef" in est


def test_templates_marks_a_broken_file(tmp_path: Path) -> None:
    own = tmp_path / "agendas"
    own.mkdir()
    (own / "trasig.md").write_text("+++\nid = \"x\"\nfrekvens = 3\n+++\n", encoding="utf-8")
    result = run("--db", str(tmp_path / "x.db"), "--agendas", str(own), "--lang", "en",
                 "templates")
    assert result.exit_code == 0
    assert "EST" in result.output
    assert "BROKEN  trasig.md:3:" in result.stderr


def test_templates_check(tmp_path: Path) -> None:
    good = tmp_path / "est.md"
    good.write_text(TEST_TEMPLATE, encoding="utf-8")
    bad = tmp_path / "bad.md"
    bad.write_text(TEST_TEMPLATE.replace("{.situation", "{.lagesbild"), encoding="utf-8")
    assert run("templates", "check", str(good)).exit_code == 0
    result = run("templates", "check", str(good), str(bad))
    assert result.exit_code == 1
    assert result.stderr.startswith("bad.md:21:")
    assert "lagesbild" in result.stderr


def test_meetings_as_json_oldest_first(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    ws = open_workspace(resolve(db=db))
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "est")
    assert est is not None and est.id is not None
    later = meetings.plan_meeting(ws, est.id, date(2026, 12, 8), place="Kommunhuset")
    earlier = meetings.plan_meeting(ws, est.id, date(2026, 11, 10))
    assert earlier.id is not None
    meetings.start_meeting(ws, earlier.id)
    ws.close()

    rows = json.loads(run("--db", str(db), "meetings", "--group", "Est", "--format", "json")
                      .output)
    assert [(r["id"], r["date"], r["status"], r["group"]) for r in rows] == [
        (earlier.id, "2026-11-10", "running", "EST"), (later.id, "2026-12-08", "planned", "EST")]
    assert rows[1]["place"] == "Kommunhuset"
    table = run("--db", str(db), "--lang", "sv", "meetings").output
    assert table.splitlines()[0].split() == ["Nr", "Datum", "Tid", "Grupp", "Status", "Plats"]
    assert [line.split()[1:] for line in table.splitlines()[1:]] == [
        ["2026-11-10", "EST", "Pågår"], ["2026-12-08", "EST", "Planerat", "Kommunhuset"]]
    assert "running" not in table  # the stored value, not a word of the interface
    english = run("--db", str(db), "--lang", "en", "meetings").output
    assert english.splitlines()[2].split()[-2:] == ["Planned", "Kommunhuset"]


def test_the_meetings_table_keeps_its_columns_with_long_group_names(tmp_path: Path) -> None:
    """Status and place start in the same column whether the group is "EST" or
    "Rättighetsnätverket"."""
    db = tmp_path / "m.db"
    ws = open_workspace(resolve(db=db))
    for name in ("EST", "Rättighetsnätverket"):
        group = next(g for g in groups.ensure_groups(ws) if g.short == name)
        assert group.id is not None
        meetings.plan_meeting(ws, group.id, date(2026, 12, 8), place="Rådhuset")
    ws.close()
    lines = run("--db", str(db), "--lang", "sv", "meetings").output.splitlines()
    assert len(lines) == 3
    assert len({line.index("Status") if i == 0 else line.index("Planerat")
                for i, line in enumerate(lines)}) == 1
    assert len({line.index("Plats") if i == 0 else line.index("Rådhuset")
                for i, line in enumerate(lines)}) == 1
    assert json.loads(run("--db", str(db), "meetings", "--group", "SSPF", "--format", "json")
                      .output) == []


def test_unknown_group_is_one_line(tmp_path: Path) -> None:
    open_workspace(resolve(db=tmp_path / "m.db")).close()
    line = one_line_error(run("--db", str(tmp_path / "m.db"), "meetings", "--group", "nope"))
    assert "ingen grupp heter nope" in line and "EST" in line


def test_a_foreign_file_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("inte en databas\n" * 100, encoding="utf-8")
    line = one_line_error(run("--db", str(path), "--lang", "en", "meetings"))
    assert "not a meetingtui database" in line
    assert path.read_text(encoding="utf-8") == "inte en databas\n" * 100


def test_open_an_unknown_meeting(tmp_path: Path) -> None:
    line = one_line_error(run("--db", str(tmp_path / "m.db"), "--lang", "en", "open", "999"))
    assert "No meeting with id 999" in line
    line = one_line_error(run("--db", str(tmp_path / "m.db"), "open", "tisdag"))
    assert "är inget mötesnummer" in line


@pytest.mark.parametrize(("lang", "words"), [
    ("sv", "Inget möte med id {id} (se `meetingtui meetings`)"),
    ("en", "No meeting with id {id} (see `meetingtui meetings`)"),
])
def test_an_id_too_large_for_sqlite_is_no_meeting(tmp_path: Path, lang: str, words: str) -> None:
    """Not "unexpected error (OverflowError …)": one line, exit 1, nothing created."""
    db = tmp_path / "m.db"
    open_workspace(resolve(db=db)).close()
    for number in ("99999999999999999999999", str(2**63)):
        for command in (["export", number], ["export", number, "--format", "md"],
                        ["actions", "--meeting", number], ["open", number]):
            line = one_line_error(run("--db", str(db), "--lang", lang, *command))
            assert line == "meetingtui: " + words.format(id=number), command
    line = one_line_error(run("--db", str(tmp_path / "ny.db"), "--lang", lang, "open",
                              str(2**64)))
    assert line == "meetingtui: " + words.format(id=2**64)
    assert not (tmp_path / "ny.db").exists()  # refused before anything was opened
    line = one_line_error(run("--db", str(db), "--lang", lang, "export", str(2**63 - 1)))
    assert line == "meetingtui: " + words.format(id=2**63 - 1)  # the largest id SQLite holds


def test_bad_option_is_a_usage_error(tmp_path: Path) -> None:
    result = run("--db", str(tmp_path / "m.db"), "meetings", "--format", "xml")
    assert result.exit_code == 2
    assert "Traceback" not in result.output


def test_meetings_only_reads_even_a_group_that_only_a_template_has(tmp_path: Path) -> None:
    db = tmp_path / "m.db"
    ws = open_workspace(resolve(db=db))
    groups.ensure_groups(ws)
    ws.close()
    own = tmp_path / "mallar"
    own.mkdir()
    (own / "ny.md").write_text(TEST_TEMPLATE.replace('id = "est"', 'id = "ny"')
                               .replace('short = "EST"', 'short = "NY"'), encoding="utf-8")
    before = db.read_bytes()
    result = run("--db", str(db), "--agendas", str(own), "meetings", "--group", "ny",
                 "--format", "json")
    assert (result.exit_code, json.loads(result.stdout)) == (0, [])
    assert db.read_bytes() == before  # no group row written for it
    line = one_line_error(run("--db", str(db), "--agendas", str(own), "meetings", "--group", "x"))
    assert "grupperna är:" in line and line.endswith(", NY")
