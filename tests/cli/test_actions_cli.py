"""`meetingtui actions` as scripts and people use it (issue 5): formats, files, errors in one
line, and start-up that imports only what the chosen format needs."""

from __future__ import annotations

import json
import stat
import subprocess
import sys
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import actions as cli_actions
from meetingtui.cli import main
from meetingtui.model import Measure
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from tests.actions_reference import TODAY, expected, reference
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.services.test_actions import Sample, build_sample

Run = Callable[..., Result]
POLICE = "Polisen, lokalpolisområde Exempelkommun"
LONG_TEXT = ("Byt ut den trasiga belysningen i gångtunneln under järnvägen vid Östra "
             "stationsgatan, så att skolbarnen vågar gå där även när det är mörkt på "
             "eftermiddagen – åäö ÅÄÖ")


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> Sample:
    built = build_sample(ws, clock, test_agendas)
    clock.now = datetime.combine(TODAY, time(9, 0))
    return built


# --- the command line ------------------------------------------------------------------------

@pytest.fixture
def cli(sample: Sample, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Run:
    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)

    def run(*args: str) -> Result:
        return CliRunner().invoke(main, ["--db", str(sample.db), "--agendas", str(sample.agendas),
                                         "--exports", str(tmp_path / "exports"), "actions",
                                         *args], catch_exceptions=False)
    return run



def test_json_on_the_command_line_matches_the_reference(cli: Run, sample: Sample) -> None:
    refs = reference(sample.db)
    result = cli("--format", "json", "--owner", "åsa öberg", "--status", "all")
    assert result.exit_code == 0, result.output
    got = [row["id"] for row in json.loads(result.stdout)]
    assert got == expected(refs, owner="åsa öberg", status="all")
    assert len(got) == 3  # "Åsa Öberg" and "ÅSA ÖBERG" alike
    result = cli("--format", "json", "--group", "sspf", "--due-before", "1 dec")
    assert [r["id"] for r in json.loads(result.stdout)] == expected(
        refs, group="sspf", due_before=date(2026, 12, 1))
    result = cli("--format", "json", "--meeting", str(sample.meetings["est2"]), "--status",
                 "all")
    assert [r["id"] for r in json.loads(result.stdout)] == expected(
        refs, meeting_id=sample.meetings["est2"], status="all")


def test_the_table_marks_overdue_first(cli: Run, sample: Sample) -> None:
    result = cli()
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Åtgärdslista – Status: öppna")
    assert "Klart" in out and "senast" in out and "Grupp/möte" in out
    late = out.index("Försenad")
    assert out.index("2026-10-01") < out.index("2026-12-15")  # the late light before the walk
    assert late < out.index("2026-12-15")
    assert "2026-09-08" in out  # the meeting it came from
    assert "10 åtgärder, varav 4 försenade" in out


def test_overdue_per_owner_on_the_command_line(cli: Run, sample: Sample) -> None:
    out = cli("--status", "overdue").stdout
    positions = [out.index(name) for name in ("Anna Berg", "Karl Lind", "Mats Holm",
                                              "Åsa Öberg")]
    assert positions == sorted(positions)
    assert "Sanera klotter" not in out  # done, though past due
    assert "Informera skolorna" not in out  # due today


def test_public_on_the_command_line(cli: Run, sample: Sample) -> None:
    internal = json.loads(cli("--format", "json", "--status", "all").stdout)
    public = json.loads(cli("--format", "json", "--status", "all", "--public").stdout)
    assert sample.measures["support"] in [row["id"] for row in internal]
    assert [row for row in internal if not row["confidential"]] == public
    table = cli("--status", "all", "--public")
    assert "Utan sekretessmarkerade åtgärder" in table.stdout


def test_a_public_list_is_refused_while_a_personnummer_stands_in_it(
        cli: Run, sample: Sample, ws: Workspace) -> None:
    lagesbild.save_measure(ws, Measure(
        meeting_id=sample.meetings["est2"], text="Stödsamtal, vårdnadshavare till 19121212-1212",
        owner="Anna Berg", due=date(2026, 12, 15)))
    refused = cli("--public", "--status", "all", "--format", "json")
    message = one_line_error(refused)
    assert "19121212-****" in message and "1212-1212" not in message
    assert "(EST, möte" in message and "--allow-personal-data" in message
    assert refused.stdout == ""
    allowed = cli("--public", "--status", "all", "--format", "json", "--allow-personal-data")
    assert allowed.exit_code == 0 and "19121212-1212" in allowed.stdout
    internal = cli("--status", "all", "--format", "json")  # the group's own list: as it is
    assert internal.exit_code == 0 and "19121212-1212" in internal.stdout


def test_nothing_found(cli: Run) -> None:
    result = cli("--owner", "Ingen Alls")
    assert result.exit_code == 0
    assert "Inga åtgärder." in result.stdout
    assert "ingen åtgärd har Ingen Alls som ansvarig eller organisation" in result.stderr
    assert json.loads(cli("--owner", "Ingen Alls", "--format", "json").stdout) == []


def test_bad_date_says_what_works(cli: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    line = one_line_error(cli("--due-before", "nästa fredag"))
    assert line.startswith("meetingtui: --due-before: ”nästa fredag” är inget datum. Skriv till "
                           "exempel 2026-12-01")
    assert one_line_error(cli("--due-before", "2026-02-30")) == (
        "meetingtui: --due-before: det finns ingen 30 feb 2026 (”2026-02-30”): månaden har 28 "
        "dagar")
    assert "”31/13” är inget datum" in one_line_error(cli("--due-before", "31/13"))
    monkeypatch.setenv("MEETINGTUI_LANG", "en")
    assert one_line_error(cli("--due-before", "nästa fredag")).startswith(
        "meetingtui: --due-before: 'nästa fredag' is not a date. Write for example 2026-12-01")


def test_unknown_group_and_meeting_are_one_line(cli: Run,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    line = one_line_error(cli("--group", "nope"))
    assert "ingen grupp heter nope" in line and "EST" in line
    assert "är inget mötesnummer" in one_line_error(cli("--meeting", "tisdag"))
    # An id too large for SQLite is no meeting either, said the same way, in either language.
    for number in ("9999", "99999999999999999999999", "-99999999999999999999999"):
        assert one_line_error(cli("--meeting", number)) == (
            f"meetingtui: Inget möte med id {number} (se `meetingtui meetings`)")
    monkeypatch.setenv("MEETINGTUI_LANG", "en")
    for number in ("9999", "99999999999999999999999"):
        assert one_line_error(cli("--meeting", number)) == (
            f"meetingtui: No meeting with id {number} (see `meetingtui meetings`)")


def test_bad_choices_are_usage_errors(cli: Run) -> None:
    assert cli("--status", "late").exit_code == 2
    assert cli("--format", "xml").exit_code == 2
    result = cli("--format", "table", "-o", "x.txt")
    assert result.exit_code == 2 and "med -o, välj csv" in result.stderr


def test_output_file_never_overwritten_without_force(cli: Run, tmp_path: Path) -> None:
    target = tmp_path / "lista.csv"
    target.write_text("mitt eget\n", encoding="utf-8")
    line = one_line_error(cli("--format", "csv", "-o", str(target)))
    assert "finns redan" in line and "--force" in line
    assert target.read_text(encoding="utf-8") == "mitt eget\n"
    result = cli("--format", "csv", "-o", str(target), "--force")
    assert result.exit_code == 0 and result.stdout.strip() == str(target)
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".lista")] == []


def test_text_formats_go_to_stdout_unless_o(cli: Run, tmp_path: Path) -> None:
    for fmt in ("csv", "md", "json", "ics"):
        result = cli("--format", fmt, "--status", "all")
        assert result.exit_code == 0, result.output
        target = tmp_path / f"lista.{fmt}"
        written = cli("--format", fmt, "--status", "all", "-o", str(target))
        assert written.exit_code == 0 and written.stdout.strip() == str(target)
        if fmt != "ics":  # the calendar's DTSTAMP is the time of writing
            assert target.read_bytes() == result.stdout_bytes
    assert "1 åtgärd utan slutdatum står inte i kalendern" in cli("--format", "ics").stderr


def test_docx_goes_to_the_exports_folder_by_default(cli: Run, tmp_path: Path) -> None:
    result = cli("--format", "docx", "--owner", "Karl Lind")
    assert result.exit_code == 0, result.output
    path = tmp_path / "exports" / "actions" / "2026-11-23-atgardslista-karl-lind.docx"
    assert result.stdout.strip() == str(path)
    assert path.read_bytes()[:2] == b"PK" and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert "finns redan" in one_line_error(cli("--format", "docx", "--owner", "Karl Lind"))
    assert cli("--format", "docx", "--owner", "Karl Lind", "--force").exit_code == 0
    everyone = cli("--format", "docx")
    assert everyone.stdout.strip().endswith("2026-11-23-atgardslista.docx")
    own = tmp_path / "mine.docx"
    assert cli("--format", "docx", "-o", str(own)).stdout.strip() == str(own)


def test_dash_as_output_is_standard_output(cli: Run, tmp_path: Path) -> None:
    """`-o -` is the terminal or the pipe, as in every Unix tool, never a file named "-"."""
    as_is = cli("--format", "csv", "--status", "all")
    dashed = cli("--format", "csv", "--status", "all", "-o", "-")
    assert dashed.exit_code == 0, dashed.output
    assert dashed.stdout_bytes == as_is.stdout_bytes and b";" in dashed.stdout_bytes
    word = cli("--format", "docx", "-o", "-")
    assert word.exit_code == 0 and word.stdout_bytes[:2] == b"PK"
    assert not (Path.cwd() / "-").exists() and not (tmp_path / "-").exists()
    refused = cli("--format", "eml", "-o", "-")
    assert refused.exit_code == 2 and "inte till -" in refused.output


def test_ics_gives_events_unless_to_dos_are_asked_for(cli: Run) -> None:
    events = cli("--format", "ics", "--status", "all")
    assert events.exit_code == 0, events.output
    assert b"BEGIN:VEVENT" in events.stdout_bytes and b"BEGIN:VTODO" not in events.stdout_bytes
    assert b"TRIGGER:-P7D" in events.stdout_bytes
    todos = cli("--format", "ics", "--status", "all", "--ics", "todos").stdout_bytes
    assert b"BEGIN:VTODO" in todos and b"BEGIN:VEVENT" not in todos
    both = cli("--format", "ics", "--status", "all", "--ics", "both").stdout_bytes
    assert both.count(b"BEGIN:VEVENT") == both.count(b"BEGIN:VTODO") > 0
    wrong = cli("--format", "ics", "--ics", "journal")
    assert wrong.exit_code == 2 and "'journal' är inte något av" in wrong.output


def test_page_per_owner_is_asked_for_on_a_word_list(cli: Run, tmp_path: Path) -> None:
    import docx

    together, apart = tmp_path / "together.docx", tmp_path / "apart.docx"
    assert cli("--format", "docx", "--status", "all", "-o", str(together)).exit_code == 0
    result = cli("--format", "docx", "--status", "all", "--page-per-owner", "-o", str(apart))
    assert result.exit_code == 0, result.output
    owners = [p.text for p in docx.Document(str(apart)).paragraphs
              if p.style is not None and p.style.name == "Heading 1"]
    assert len(owners) > 1
    assert len(docx.Document(str(together)).sections) == 1
    assert len(docx.Document(str(apart)).sections) == len(owners)
    refused = cli("--format", "csv", "--page-per-owner")
    assert refused.exit_code == 2 and "--page-per-owner gäller --format docx" in refused.output


def test_public_and_internal_lists_have_their_own_default_names(cli: Run,
                                                                 tmp_path: Path) -> None:
    """The public list carries -offentlig, as the public minutes do: --force on one never
    replaces the other."""
    folder = tmp_path / "exports" / "actions"
    internal = cli("--format", "docx", "--owner", "Karl Lind")
    assert internal.stdout.strip() == str(folder / "2026-11-23-atgardslista-karl-lind.docx")
    before = Path(internal.stdout.strip()).read_bytes()
    public = cli("--format", "docx", "--owner", "Karl Lind", "--public", "--force")
    assert public.exit_code == 0, public.output
    assert public.stdout.strip() == str(
        folder / "2026-11-23-atgardslista-karl-lind-offentlig.docx")
    assert cli("--format", "docx", "--public").stdout.strip() == str(
        folder / "2026-11-23-atgardslista-offentlig.docx")
    assert Path(internal.stdout.strip()).read_bytes() == before
    assert sorted(p.name for p in folder.iterdir()) == [
        "2026-11-23-atgardslista-karl-lind-offentlig.docx",
        "2026-11-23-atgardslista-karl-lind.docx", "2026-11-23-atgardslista-offentlig.docx"]


def test_actions_is_listed_in_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert "actions" in result.output


@pytest.mark.parametrize(("fmt", "allowed"), [
    ("json", set()), ("csv", set()), ("md", set()), ("table", set()), ("ics", {"icalendar"}),
])
def test_start_up_imports_only_what_the_format_needs(sample: Sample, fmt: str,
                                                     allowed: set[str]) -> None:
    """perf.md: `meetingtui actions` starts within 1.2 × `meetingtui --help`."""
    heavy = {"textual", "docx", "sqlite_utils", "pydantic", "markdown_it", "rich", "icalendar",
             "meetingtui.personal_numbers"}  # the last only for --public
    code = (
        "import sys\nfrom meetingtui.cli import main\n"
        "try:\n"
        f"    main(['--db', {str(sample.db)!r}, 'actions', '--status', 'all', '--owner',"
        f" 'Karl Lind', '--group', 'est', '--due-before', '2027-01-01', '--format', {fmt!r}])\n"
        "except SystemExit:\n    pass\n"
        f"print('LOADED', ','.join(sorted(m for m in {sorted(heavy)!r} if m in sys.modules)),"
        " file=sys.stderr)"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=60)
    loaded_line = result.stderr.strip().splitlines()[-1]
    assert loaded_line.startswith("LOADED"), result.stderr
    loaded = set(filter(None, loaded_line.removeprefix("LOADED").strip().split(",")))
    assert loaded == allowed, result.stderr
    assert "Informera skolorna" in result.stdout or fmt == "ics"
