"""E-mail drafts per owner (issue 17 §3): `meetingtui actions --format eml -o DIR` writes one
.eml per owner for the secretary to open and send; meetingtui sends nothing."""

from __future__ import annotations

import email
from datetime import datetime, time
from email import policy
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from meetingtui.cli import actions as cli_actions
from meetingtui.cli import main
from meetingtui.model import Person
from meetingtui.services import groups
from meetingtui.services.workspace import Workspace
from tests.actions_reference import TODAY
from tests.conftest import Clock
from tests.services.test_actions import Sample, build_sample


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> Sample:
    built = build_sample(ws, clock, test_agendas)
    clock.now = datetime.combine(TODAY, time(9, 0))
    return built


def _run(sample: Sample, tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(sample.db), "--agendas", str(sample.agendas),
                                     "--exports", str(tmp_path / "exports"), "actions", *args],
                              catch_exceptions=False)


def _read(path: Path) -> EmailMessage:
    message = email.message_from_bytes(path.read_bytes(), policy=policy.default)
    assert isinstance(message, EmailMessage)
    return message


@pytest.fixture
def drafts(sample: Sample, ws: Workspace, tmp_path: Path,
           monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Result]:
    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)
    group = groups.find_group(ws, "EST")
    assert group is not None and group.id is not None
    groups.add_member(ws, group.id, Person(name="Karl Lind", email="karl.lind@polisen.se"))
    folder = tmp_path / "utkast"
    return folder, _run(sample, tmp_path, "--format", "eml", "--status", "all", "-o",
                        str(folder))


def test_one_draft_per_owner_to_the_members_address(drafts: tuple[Path, Result],
                                                     sample: Sample) -> None:
    folder, result = drafts
    assert result.exit_code == 0, result.output
    files = sorted(folder.glob("*.eml"))
    assert sorted(Path(line).name for line in result.stdout.split()) == [p.name for p in files]
    assert len(files) == 6  # Anna Berg, Karl Lind, Lena Ek, Mats Holm, ÅSA ÖBERG, Åsa Öberg
    assert {p.name for p in files} >= {"2026-11-23-atgardslista-karl-lind.eml",
                                       "2026-11-23-atgardslista-asa-oberg.eml",
                                       "2026-11-23-atgardslista-asa-oberg-2.eml"}
    karl = _read(folder / "2026-11-23-atgardslista-karl-lind.eml")
    assert karl["X-Unsent"] == "1"  # Outlook opens it as a message to send
    assert karl["To"] == "Karl Lind <karl.lind@polisen.se>"
    assert karl["Subject"].startswith("Dina åtgärder 2026-11-23")
    anna = _read(folder / "2026-11-23-atgardslista-anna-berg.eml")
    assert anna["To"] is None  # no address known: the secretary fills it in


def test_a_draft_has_text_html_and_the_owners_calendar(drafts: tuple[Path, Result]) -> None:
    folder, _ = drafts
    karl = _read(folder / "2026-11-23-atgardslista-karl-lind.eml")
    plain = karl.get_body(("plain",))
    html = karl.get_body(("html",))
    assert plain is not None and html is not None
    text = plain.get_content()
    assert text.startswith("Hej Karl Lind!")
    [attachment] = list(karl.iter_attachments())
    assert attachment.get_filename() == "atgarder.ics"
    assert attachment.get_content_type() == "text/calendar"
    calendar = Calendar.from_ical(attachment.get_content())
    events = calendar.walk("VEVENT")
    assert events and all("Karl Lind" in str(e["description"]) for e in events)
    # Every measure of his is in the text and the HTML, and only his.
    numbers = [line.split(":")[0].removeprefix("Nr ") for line in text.splitlines()
               if line.startswith("Nr ")]
    assert numbers and all(f"<td>{n}</td>" in html.get_content() for n in numbers)
    # Each measure by its number, which the Word and CSV lists show under "Nr" too: never a
    # list that seems to lack its first items ("2." as the only one).
    assert not [line for line in text.splitlines() if line[:1].isdigit()]


def test_what_users_typed_is_escaped_in_the_html(sample: Sample, ws: Workspace,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from meetingtui.model import Measure
    from meetingtui.services import lagesbild

    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)
    lagesbild.save_measure(ws, Measure(meeting_id=sample.meetings["est2"],
                                       text="<script>alert(1)</script> & \"citat\"",
                                       owner="Zorro <z@x>"))
    folder = tmp_path / "ut"
    result = _run(sample, tmp_path, "--format", "eml", "--owner", "Zorro <z@x>", "-o",
                  str(folder))
    assert result.exit_code == 0, result.output
    [path] = folder.glob("*.eml")
    message = _read(path)
    html = message.get_body(("html",))
    assert html is not None
    body = html.get_content()
    assert "<script>" not in body and "&lt;script&gt;alert(1)&lt;/script&gt; &amp;" in body
    assert "Hej Zorro &lt;z@x&gt;!" in body
    assert message["To"] is None


def test_drafts_are_all_or_nothing_and_never_over_a_file(drafts: tuple[Path, Result],
                                                         sample: Sample,
                                                         tmp_path: Path) -> None:
    folder, _ = drafts
    again = _run(sample, tmp_path, "--format", "eml", "--status", "all", "-o", str(folder))
    assert again.exit_code == 1 and "finns redan" in again.output
    assert "inget skrevs" in again.output
    forced = _run(sample, tmp_path, "--format", "eml", "--status", "all", "-o", str(folder),
                  "--force")
    assert forced.exit_code == 0, forced.output
    a_file = tmp_path / "fil.txt"
    a_file.write_text("x")
    refused = _run(sample, tmp_path, "--format", "eml", "-o", str(a_file))
    assert refused.exit_code == 1 and "skriver i en mapp" in refused.output
    table = _run(sample, tmp_path, "--per-owner")
    assert table.exit_code == 2 and "--per-owner skriver filer" in table.output


def test_per_owner_writes_any_format_one_file_each(sample: Sample, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)
    result = _run(sample, tmp_path, "--format", "csv", "--per-owner", "--status", "all")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "exports" / "actions" / "2026-11-23-per-ansvarig"
    files = sorted(folder.glob("*.csv"))
    assert len(files) == 6
    karl = (folder / "2026-11-23-atgardslista-karl-lind.csv").read_text("utf-8-sig")
    rows = karl.splitlines()[1:]
    assert rows and all("Karl Lind" in row for row in rows)


@pytest.mark.parametrize(("municipality", "said"), [
    ("Herrljunga kommun", "från Herrljunga kommuns trygghetsarbete"),
    ("", "från kommunens trygghetsarbete")])
def test_the_letter_says_whose_work_in_swedish(sample: Sample, ws: Workspace, tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch,
                                               municipality: str, said: str) -> None:
    """It read "åtgärder från Herrljunga kommun trygghetsarbete" (the genitive was missing)."""
    from meetingtui.services.settings import set_municipality

    monkeypatch.setattr(cli_actions, "today", lambda: TODAY)
    if municipality:
        set_municipality(ws, municipality)
    _run(sample, tmp_path, "--format", "eml", "--status", "all", "-o", str(tmp_path / "u"))
    letter = _read(next((tmp_path / "u").glob("*.eml")))
    plain = letter.get_body(("plain",))
    assert plain is not None
    assert f"Här är dina åtgärder {said}, 2026-11-23" in plain.get_content()
