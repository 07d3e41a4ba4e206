"""`meetingtui agreements` (issue 16 §4): list, add, show, commit, status, link; every refusal
in one line with exit 1, nothing written."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import agreements as cli_agreements
from meetingtui.cli import main
from meetingtui.model import Measure, MeasureStatus
from meetingtui.services import agreements, groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.english_words import english_words

TODAY = date(2026, 11, 23)
Run = Callable[..., Result]
PNR = "19121212-1212"  # Skatteverket's test number: a valid personnummer


@pytest.fixture
def cli(ws: Workspace, test_agendas: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Run:
    return agreements_run(ws, test_agendas, tmp_path, monkeypatch)


def agreements_run(ws: Workspace, test_agendas: Path, tmp_path: Path,
                   monkeypatch: pytest.MonkeyPatch) -> Run:
    """`meetingtui --lang sv agreements …` on the test database, today being TODAY."""
    monkeypatch.setattr(cli_agreements, "today", lambda: TODAY)
    groups.ensure_groups(ws)

    def run(*args: str, lang: str = "sv") -> Result:
        return CliRunner().invoke(main, [
            "--db", str(tmp_path / "test.db"), "--agendas", str(test_agendas),
            "--exports", str(tmp_path / "exports"), "--lang", lang, "agreements", *args,
        ], catch_exceptions=False)
    return run


def _add(cli: Run, *extra: str) -> int:
    result = cli("add", "--kind", "medborgarlofte", "--title", "Medborgarlöfte Centrum",
                 "--from", "2026-01-01", "--to", "2026-12-31", "--party", "Herrljunga kommun",
                 "--party", "LPO Alingsås", *extra)
    assert result.exit_code == 0, result.output
    return int(result.stdout.split()[0])


def _rows(ws: Workspace) -> tuple[int, int]:
    conn = ws.store.conn
    return (conn.execute("SELECT count(*) FROM agreements").fetchone()[0],
            conn.execute("SELECT count(*) FROM commitments").fetchone()[0])


def test_add_commit_status_link_show_list(cli: Run, ws: Workspace) -> None:
    number = _add(cli, "--group", "EST", "--text", "Kommunen och polisen lovar …")
    stored = agreements.get_agreement(ws, number)
    est = groups.find_group(ws, "est")
    assert est is not None
    assert (stored.title, stored.group_id, stored.period_start, stored.period_end) == (
        "Medborgarlöfte Centrum", est.id, date(2026, 1, 1), date(2026, 12, 31))
    assert agreements.parties_of(stored) == ["Herrljunga kommun", "LPO Alingsås"]
    made = cli("commit", str(number), "--party", "Polisen", "--text", "Synlig närvaro",
               "--owner", "Kommunpolis", "--org", "LPO Alingsås", "--due", "2026-11-22")
    assert made.exit_code == 0, made.output
    commitment_id = int(made.stdout.split()[0])
    on_the_day = cli("commit", str(number), "--text", "Trygghetsvandring", "--owner",
                     "Trygghetssamordnare", "--due", "23 nov")
    assert on_the_day.exit_code == 0, on_the_day.output
    commitment = agreements.get_commitment(ws, commitment_id)
    assert (commitment.party, commitment.owner, commitment.organisation, commitment.due,
            commitment.status) == ("Polisen", "Kommunpolis", "LPO Alingsås",
                                   date(2026, 11, 22), MeasureStatus.NOT_STARTED)
    for word, status in (("pågår", MeasureStatus.IN_PROGRESS), ("done", MeasureStatus.DONE),
                         ("Avbruten", MeasureStatus.CANCELLED),
                         ("ongoing", MeasureStatus.IN_PROGRESS)):
        assert cli("status", str(commitment_id), word).exit_code == 0
        assert agreements.get_commitment(ws, commitment_id).status is status
    meeting = meetings.plan_meeting(ws, est.id or 0, date(2026, 10, 1))
    measure = lagesbild.save_measure(ws, Measure(meeting_id=meeting.id or 0, text="Belysning",
                                                 owner="Tekniska"))
    assert cli("link", str(number), str(measure.id)).exit_code == 0
    assert [m.id for m in agreements.detail(ws, number).measures] == [measure.id]
    shown = cli("show", str(number))
    assert shown.exit_code == 0
    assert "part: LPO Alingsås" in shown.stdout
    assert english_words(shown.stdout) == [], shown.stdout
    # Due yesterday and still open: late; due today: not yet.
    assert (f"åtagande {commitment_id}: [pågående (försenad)] Polisen: Synlig närvaro "
            "(Kommunpolis, LPO Alingsås, 2026-11-22)") in shown.stdout
    assert "[ej påbörjad] : Trygghetsvandring (Trygghetssamordnare, 2026-11-23)" in shown.stdout
    assert f"åtgärd {measure.id}: [ej påbörjad] Belysning (Tekniska)" in shown.stdout
    listed = json.loads(cli("list", "--format", "json").stdout)
    assert [(a["id"], a["kind"], a["period_end"]) for a in listed] == [
        (number, "medborgarlofte", "2026-12-31")]
    assert [(c["status"], c["overdue"]) for c in listed[0]["commitments"]] == [
        ("in_progress", True), ("not_started", False)]
    assert listed[0]["measures"][0]["text"] == "Belysning"
    table = cli("list").stdout
    kind = f"{'Medborgarlöfte':<25}"
    assert f"{number:>4}  {kind}  2026-01-01 – 2026-12-31  Medborgarlöfte Centrum" in table
    assert cli("link", str(number), str(measure.id), "--unlink").exit_code == 0
    assert agreements.detail(ws, number).measures == []


@pytest.mark.parametrize(("args", "said"), [
    (("--from", "2026-13-01", "--to", "2026-12-31"), "--from"),
    (("--from", "2026-01-01", "--to", "igår i morgon"), "--to"),
    (("--from", "2026-05-01", "--to", "2026-04-30"), "perioden slutar innan den börjar"),
])
def test_bad_periods_are_refused(cli: Run, ws: Workspace, args: tuple[str, ...],
                                 said: str) -> None:
    result = cli("add", "--kind", "samverkan", "--title", "Överenskommelse", *args)
    assert said in one_line_error(result)
    assert _rows(ws) == (0, 0)


def test_refusals_say_one_line_and_write_nothing(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    before = _rows(ws)
    cases: list[tuple[tuple[str, ...], str]] = [
        (("commit", str(number), "--text", "Något", "--owner", "  "),
         "Varje åtagande behöver en ansvarig"),
        (("commit", str(number), "--text", "\x01\x02", "--owner", "Kommunen"),
         "text: fältet får inte vara tomt"),
        (("commit", str(number), "--text", "Något", "--owner", "Kommunen", "--due", "32 dec"),
         "--due"),
        (("commit", "999", "--text", "Något", "--owner", "Kommunen"),
         "Ingen överenskommelse med id 999"),
        (("commit", "tre", "--text", "Något", "--owner", "Kommunen"), "inget nummer"),
        (("show", "999"), "Ingen överenskommelse med id 999"),
        (("show", "--", "-1"), "Ingen överenskommelse med id -1"),
        (("status", "999", "done"), "Inget åtagande med id 999"),
        (("status", "1", "kanske"), "Okänd status \"kanske\""),
        (("link", "999", "1"), "Ingen överenskommelse med id 999"),
        (("link", str(number), "999"), "Ingen åtgärd med id 999"),
        (("add", "--kind", "samverkan", "--title", "\x1b\x07 ", "--from", "2026-01-01",
          "--to", "2026-02-01"), "title: fältet får inte vara tomt"),
        (("add", "--kind", "samverkan", "--title", "x", "--from", "2026-01-01", "--to",
          "2026-02-01", "--group", "Finns inte"), "Finns inte"),
    ]
    for args, said in cases:
        assert said in one_line_error(cli(*args)), args
    assert _rows(ws) == before
    english = one_line_error(cli("commit", str(number), "--text", "x", "--owner", "",
                                 lang="en"))
    assert english == "meetingtui: Every commitment needs an owner"


def test_long_text_and_control_characters(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    long_text = "å" * 10_000
    result = cli("commit", str(number), "--text", long_text, "--owner", "Kom\x07munen\tpolis")
    assert result.exit_code == 0, result.output
    stored = agreements.detail(ws, number).commitments[0]
    assert stored.text == long_text
    assert stored.owner == "Kommunen polis"  # the bell gone, the tab a space: one line
    too_long = cli("commit", str(number), "--text", "x", "--owner", "o" * 201)
    assert "högst 200 tecken (nu 201)" in one_line_error(too_long)
    shown = json.loads(cli("show", str(number), "--format", "json").stdout)
    assert shown["commitments"][0]["text"] == long_text


def test_public_output_refuses_a_personnummer(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    assert cli("commit", str(number), "--text", "Samtal", "--owner",
               f"Anna {PNR}").exit_code == 0
    internal = cli("show", str(number))
    assert PNR in internal.stdout  # the internal view is the full record
    for args in (("show", str(number), "--public"), ("list", "--public"),
                 ("list", "--format", "json", "--public")):
        line = one_line_error(cli(*args))
        assert "Personnummer hittades" in line and "19121212-****" in line
        assert PNR not in line


def test_public_output_leaves_out_confidential_measures(cli: Run, ws: Workspace) -> None:
    number = _add(cli)
    est = groups.find_group(ws, "est")
    assert est is not None and est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 10, 1))
    assert meeting.id is not None
    shown = lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text="Belysning",
                                               owner="Tekniska"))
    hidden = lagesbild.save_measure(ws, Measure(meeting_id=meeting.id, text="Hemligt",
                                                owner="Polisen", confidential=True))
    for measure in (shown, hidden):
        assert measure.id is not None
        agreements.link_measure(ws, number, measure.id)
    public: Any = json.loads(cli("show", str(number), "--format", "json", "--public").stdout)
    assert [m["text"] for m in public["measures"]] == ["Belysning"]
    internal: Any = json.loads(cli("show", str(number), "--format", "json").stdout)
    assert [m["text"] for m in internal["measures"]] == ["Belysning", "Hemligt"]
