"""`meetingtui report GROUP --area … --description …` (issue 16 §1): an observation reported to
a group's next meeting from the command line; `report` stays open for sub-commands."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from meetingtui.services import groups, reports
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.paths import ROOT
from tests.report_helpers import Run, command


@pytest.fixture
def cli(ws: Workspace, test_agendas: Path, tmp_path: Path) -> Run:
    return command(ws, test_agendas, tmp_path, "report")


def est(ws: Workspace) -> int:
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    return group.id


def test_a_report_waits_for_the_groups_next_meeting(cli: Run, ws: Workspace) -> None:
    result = cli("EST", "--area", "Centrum", "--category", "Skadegörelse", "--place", "Torget",
                 "--description", "Krossade rutor vid busstorget", "--source", "Polisen",
                 "--by", "Anna Berg", "--at", "2026-10-20 14:30")
    assert result.exit_code == 0, result.output
    assert "väntar på nästa möte i EST" in result.stdout
    [made] = reports.waiting(ws, est(ws))
    assert (made.area, made.category, made.place_detail, made.description, made.source,
            made.reported_by, made.reported_at, made.confidential) == (
        "Centrum", "Skadegörelse", "Torget", "Krossade rutor vid busstorget", "Polisen",
        "Anna Berg", datetime(2026, 10, 20, 14, 30), False)


def test_when_defaults_to_now_and_a_day_may_be_written_as_in_the_app(cli: Run,
                                                                      ws: Workspace) -> None:
    assert cli("est", "--area", "A", "--description", "x", "--confidential").exit_code == 0
    assert cli("est", "--area", "A", "--description", "y", "--at", "20 okt").exit_code == 0
    # Oldest first: the one seen on 20 October waits before the one reported now.
    earlier, now = reports.waiting(ws, est(ws))
    assert (earlier.description, earlier.reported_at.month, earlier.reported_at.day) == (
        "y", 10, 20)
    assert now.confidential and not earlier.confidential
    assert abs((datetime.now() - now.reported_at).total_seconds()) < 60


def test_a_long_description_is_kept_and_control_characters_cleaned(cli: Run,
                                                                   ws: Workspace) -> None:
    text = "å" * 10_000
    assert cli("EST", "--area", "Centrum", "--description", text + "\x1b[31m").exit_code == 0
    [made] = reports.waiting(ws, est(ws))
    assert made.description == text + "[31m"


@pytest.mark.parametrize(("args", "said"), [
    (("--area", "Centrum", "--description", "  "), "--description: Fältet får inte vara tomt"),
    (("--area", "", "--description", "x"), "--area: Fältet får inte vara tomt"),
    (("--area", "A", "--description", "x", "--by", "b" * 201), "--by: Högst 200 tecken"),
    (("--area", "A", "--description", "x" * 20_001), "--description: Högst 20\u00a0000 tecken"),
    (("--area", "A", "--description", "x", "--at", "tisdagsmorgon"), "--at:"),
    (("--area", "A", "--description", "x", "--bogus", "y"), "Det finns inget alternativ '--bogus'"),
    (("--area", "A"), "Saknar alternativet '--description'"),
])
def test_bad_input_is_one_line_and_stores_nothing(cli: Run, ws: Workspace,
                                                  args: tuple[str, ...], said: str) -> None:
    usage = said.startswith(("Det finns inget", "Saknar"))  # click's words, exit 2 as elsewhere
    assert said in one_line_error(cli("EST", *args), code=2 if usage else 1)
    assert reports.waiting(ws, est(ws)) == []


def test_an_unknown_group_is_named_with_the_known_ones(cli: Run, ws: Workspace) -> None:
    line = one_line_error(cli("NOPE", "--area", "A", "--description", "x", lang="en"))
    assert "no group called NOPE" in line and "EST" in line


def test_a_locked_database_is_said_plainly_and_nothing_is_stored(
        cli: Run, ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("meetingtui.store.db.BUSY_TIMEOUT_MS", 50)
    other = sqlite3.connect(tmp_path / "test.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        line = one_line_error(cli("EST", "--area", "A", "--description", "x", lang="en"))
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert "busy in another program" in line
    assert reports.waiting(ws, est(ws)) == []


def test_a_sub_command_is_found_by_name_and_anything_else_is_a_group(cli: Run,
                                                                     ws: Workspace) -> None:
    yearly = cli("yearly", "--help")  # the real sub-command, not a group named "yearly"
    assert yearly.exit_code == 0 and "--year" in yearly.stdout
    assert cli("observation", "EST", "--area", "A", "--description", "x").exit_code == 0
    assert cli("EST", "--area", "B", "--description", "y").exit_code == 0
    assert cli("--area", "C", "EST", "--description", "z").exit_code == 0  # options first
    assert [r.area for r in reports.waiting(ws, est(ws))] == ["A", "B", "C"]


def test_report_alone_shows_its_help(cli: Run) -> None:
    result = cli(lang="en")
    assert "GROUP --area" in result.output and "Report an observation" in result.output
    result = cli(lang="sv")
    assert "GRUPP --area" in result.output and "Rapportera en iakttagelse" in result.output


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "varning: --by innehåller ett personnummer"),
    ("en", "warning: --by holds a personnummer")])
def test_a_personnummer_is_stored_with_a_warning(cli: Run, ws: Workspace, lang: str,
                                                 said: str) -> None:
    result = cli("EST", "--area", "A", "--description", "x", "--by", "Bo 121212-1212",
                 lang=lang)
    assert result.exit_code == 0
    assert result.stderr.startswith(f"meetingtui: {said}")
    assert [r.reported_by for r in reports.waiting(ws, est(ws))] == ["Bo 121212-1212"]


@pytest.mark.parametrize("command", ["report", "import"])
def test_help_imports_nothing_heavy(command: str) -> None:
    """Start-up is measured: the models, openpyxl and the store load when a command runs."""
    code = ("import sys; from meetingtui.cli import main\n"
            f"main([{command!r}, '--help'], standalone_mode=False)\n"
            "heavy = [m for m in ('textual', 'docx', 'sqlite_utils', 'pydantic', 'openpyxl')"
            " if m in sys.modules]\nprint('heavy:', ','.join(heavy))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[-1] == "heavy: "


def test_report_waiting_lists_what_the_next_meetings_will_take_up(cli: Run, ws: Workspace) -> None:
    """The chair preparing the lägesbild: every group's waiting reports, oldest first, a
    confidential one marked S (left out with --public), an answered one gone."""
    for area, when, secret in (("Norr", "2026-10-22", False), ("Centrum", "2026-10-20", False),
                               ("Hagen", "2026-10-21", True)):
        made = cli("EST", "--area", area, "--description", f"Sett i {area}",
                   "--by", "Anna Berg", "--at", when, *(["--confidential"] if secret else []))
        assert made.exit_code == 0, made.output
    listed = cli("waiting")
    assert listed.exit_code == 0, listed.output
    assert listed.stdout.splitlines() == [
        "2026-10-20  EST  Centrum: Sett i Centrum · Anna Berg",
        "2026-10-21  EST  S Hagen: Sett i Hagen · Anna Berg",
        "2026-10-22  EST  Norr: Sett i Norr · Anna Berg"]
    public = cli("waiting", "EST", "--public", "--format", "json")
    assert [(r["area"], r["confidential"]) for r in json.loads(public.stdout)] == [
        ("Centrum", False), ("Norr", False)]
    assert "Ingen rapport väntar." in cli("waiting", "SSPF").stdout
    unknown = cli("waiting", "Nope")
    assert unknown.exit_code == 1 and "Nope" in unknown.output
