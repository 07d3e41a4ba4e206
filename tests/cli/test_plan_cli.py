"""`meetingtui plan GROUP --year 2027` (issue 14 §5): a group's whole year from its rhythm and
skipped months, never on a holiday or holiday eve; proposed, planned, or as a calendar."""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from datetime import date, datetime, time
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from meetingtui.cli import main
from meetingtui.cli import plan as cli_plan
from meetingtui.dates import holiday_name
from meetingtui.model import MeetingStatus
from meetingtui.services import attendance, groups, meetings
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error

TODAY = date(2026, 12, 2)
Run = Callable[..., Result]


@pytest.fixture
def est(ws: Workspace) -> int:
    groups.ensure_groups(ws)
    group = groups.find_group(ws, "est")
    assert group is not None and group.id is not None
    return group.id


@pytest.fixture
def cli(ws: Workspace, test_agendas: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setattr(cli_plan, "today", lambda: TODAY)

    def run(*args: str, lang: str = "sv") -> Result:
        return CliRunner().invoke(main, [
            "--db", str(tmp_path / "test.db"), "--agendas", str(test_agendas),
            "--exports", str(tmp_path / "exports"), "--lang", lang, "plan", *args,
        ], catch_exceptions=False)
    return run


def _json(result: Result) -> Any:
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def _fourth_fridays(ws: Workspace, group_id: int) -> None:
    """EST's habit in the autumn of 2026: the fourth Friday at 9–11, in the town hall. 2027's
    fourth Fridays include Långfredagen (26 March) and Midsommarafton (25 June)."""
    for day in (date(2026, 9, 25), date(2026, 10, 23), date(2026, 11, 27)):
        meetings.plan_meeting(ws, group_id, day, start=time(9), end=time(11),
                              place="Stadshuset, sal 3")


# --- proposing ---------------------------------------------------------------------------------

def test_est_2027_is_ten_monthly_meetings_none_in_july_or_december(
        cli: Run, ws: Workspace, est: int) -> None:
    shown = _json(cli("EST", "--year", "2027", "--dry-run", "--format", "json"))
    days = [date.fromisoformat(m["date"]) for m in shown["meetings"]]
    assert len(days) == 10
    assert [d.month for d in days] == [1, 2, 3, 4, 5, 6, 8, 9, 10, 11]
    assert all(d.year == 2027 and holiday_name(d) is None and d.weekday() < 5 for d in days)
    assert (shown["group"], shown["year"], shown["frequency"], shown["skip_months"],
            shown["dry_run"]) == ("EST", 2027, "monthly", [7, 12], True)
    assert shown["already_planned"] == [] and all(m["id"] is None for m in shown["meetings"])
    assert meetings.list_meetings(ws, est) == []  # a dry run plans nothing


def test_a_new_group_starts_on_the_first_working_day_of_the_year(
        cli: Run, est: int) -> None:
    """1 January is a holiday: Monday 4 January 2027, and then the first Monday of the month."""
    shown = _json(cli("est", "--year", "2027", "--dry-run", "--format", "json"))
    days = [date.fromisoformat(m["date"]) for m in shown["meetings"]]
    assert days[0] == date(2027, 1, 4)
    assert all(d.weekday() == 0 and d.day <= 7 for d in days)


def test_the_groups_habit_is_kept_and_holidays_are_moved_off(
        cli: Run, ws: Workspace, est: int) -> None:
    _fourth_fridays(ws, est)
    shown = _json(cli("EST", "--year", "2027", "--dry-run", "--format", "json"))
    days = {m["rhythm_date"]: (m["date"], m["holiday"]) for m in shown["meetings"]}
    assert len(days) == 10
    assert days["2027-03-26"] == ("2027-03-30", "Långfredagen")  # past Annandag påsk too
    assert days["2027-06-25"] == ("2027-06-28", "Midsommarafton")
    assert days["2027-04-23"] == ("2027-04-23", None)  # April is the fourth Friday again
    assert all(m["start"] == "09:00" and m["end"] == "11:00" and m["place"] == "Stadshuset, sal 3"
               for m in shown["meetings"])
    for day, _ in days.values():
        assert holiday_name(date.fromisoformat(day)) is None


def test_the_table_says_the_days_in_swedish_and_why_one_moved(
        cli: Run, ws: Workspace, est: int) -> None:
    _fourth_fridays(ws, est)
    result = cli("EST", "--year", "2027", "--dry-run")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "EST 2027: varje månad, uppehåll juli, dec"
    assert lines[1] == "10 möten föreslås:"
    assert lines[2].split() == ["fre", "22", "jan", "2027", "09.00–11.00"]
    assert "tis 30 mars 2027  09.00–11.00  (i stället för fre 26 mars 2027: Långfredagen)" \
        in result.stdout
    assert "mån 28 juni 2027  09.00–11.00  (i stället för fre 25 juni 2027: Midsommarafton)" \
        in result.stdout
    assert lines[-1] == "Ingenting planerades (--dry-run)."
    english = cli("EST", "--year", "2027", "--dry-run", lang="en").stdout
    assert "Tue 30 Mar 2027   09:00–11:00  (instead of Fri 26 Mar 2027: Good Friday)" in english
    assert "Mon 28 Jun 2027   09:00–11:00  (instead of Fri 25 Jun 2027: Midsummer Eve)" in english


# --- planning ----------------------------------------------------------------------------------

def test_planning_creates_the_meetings_and_again_creates_nothing(
        cli: Run, ws: Workspace, est: int) -> None:
    _fourth_fridays(ws, est)
    proposed = _json(cli("EST", "--year", "2027", "--dry-run", "--format", "json"))
    result = cli("EST", "--year", "2027")
    assert result.exit_code == 0, result.output
    assert "10 möten planerade:" in result.stdout
    planned = [m for m in meetings.list_meetings(ws, est) if m.date.year == 2027]
    assert [m.date.isoformat() for m in planned] == [m["date"] for m in proposed["meetings"]]
    for meeting in planned:
        assert meeting.id is not None and f"#{meeting.id}" in result.stdout
        assert meeting.status is MeetingStatus.PLANNED
        assert (meeting.start, meeting.end, meeting.place) == (time(9), time(11),
                                                              "Stadshuset, sal 3")
        assert meeting.chair == "Säkerhetschef"  # the template's
        people = attendance.of_meeting(ws, meeting.id)
        assert [a.name for a in people] == [p.name for p in groups.members(ws, est)]
        assert meetings.items(ws, meeting.id)  # the agenda from the template

    again = cli("EST", "--year", "2027")
    assert again.exit_code == 0, again.output
    assert "Inga nya möten att planera." in again.stdout
    assert "Redan planerade eller hållna: fre 22 jan 2027, fre 26 feb 2027, tis 30 mars 2027" \
        in again.stdout
    assert len(meetings.list_meetings(ws, est)) == 3 + 10
    shown = _json(cli("EST", "--year", "2027", "--format", "json"))
    assert shown["meetings"] == []
    assert [m["date"] for m in shown["already_planned"]] == [m.date.isoformat() for m in planned]


def test_a_month_that_has_a_meeting_gets_no_second_one(
        cli: Run, ws: Workspace, est: int) -> None:
    """A meeting the chair put on another day of March (or that § Nästa möte decided) is
    March's: it is reported, not doubled."""
    _fourth_fridays(ws, est)
    meetings.plan_meeting(ws, est, date(2027, 3, 17))
    shown = _json(cli("EST", "--year", "2027", "--format", "json"))
    assert len(shown["meetings"]) == 9
    assert not any(m["date"].startswith("2027-03") for m in shown["meetings"])
    assert [m["date"] for m in shown["already_planned"]] == ["2027-03-17"]
    march = [m for m in meetings.list_meetings(ws, est) if (m.date.year, m.date.month) == (2027, 3)]
    assert len(march) == 1


def test_no_meeting_is_planned_in_the_past(cli: Run, ws: Workspace, est: int,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli_plan, "today", lambda: date(2027, 5, 20))
    shown = _json(cli("EST", "--year", "2027", "--dry-run", "--format", "json"))
    assert [m["date"] for m in shown["meetings"]] == [
        "2027-06-07", "2027-08-02", "2027-09-06", "2027-10-04", "2027-11-01"]


# --- the calendar ------------------------------------------------------------------------------

def _events(path: Path) -> list[Any]:
    calendar = Calendar.from_ical(path.read_bytes())
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    events = list(calendar.walk("VEVENT"))
    for event in events:  # what RFC 5545 requires of every VEVENT
        assert event["UID"] and event["DTSTAMP"] and event["DTSTART"]
    return events


def test_ics_one_event_per_meeting_with_stable_uids(
        cli: Run, ws: Workspace, est: int, tmp_path: Path) -> None:
    _fourth_fridays(ws, est)
    proposed = tmp_path / "förslag.ics"
    result = cli("EST", "--year", "2027", "--dry-run", "--format", "ics", "-o", str(proposed))
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == str(proposed)
    events = _events(proposed)
    assert len(events) == 10
    assert {str(e["SUMMARY"]) for e in events} == {"EST – möte"}
    assert {str(e["STATUS"]) for e in events} == {"TENTATIVE"}
    assert {str(e["LOCATION"]) for e in events} == {"Stadshuset, sal 3"}
    starts = [e.decoded("DTSTART") for e in events]
    assert starts[0] == datetime(2027, 1, 22, 9, 0)
    assert datetime(2027, 3, 30, 9, 0) in starts and datetime(2027, 3, 26, 9, 0) not in starts
    assert events[0].decoded("DTEND") == datetime(2027, 1, 22, 11, 0)
    moved = next(e for e in events if e.decoded("DTSTART").date() == date(2027, 3, 30))
    assert "Långfredagen" in str(moved["DESCRIPTION"])
    uids = [str(e["UID"]) for e in events]
    # From the database's own id: renaming the municipality changes no UID.
    assert len(set(uids)) == 10
    assert re.fullmatch(rf"meeting-{est}-20270122@[0-9a-f]{{32}}\.meetingtui", uids[0])

    created = tmp_path / "est-2027.ics"
    result = cli("EST", "--year", "2027", "--format", "ics", "-o", str(created))
    assert result.exit_code == 0, result.output
    assert result.stderr.strip() == "meetingtui: 10 möten planerade för EST 2027."
    again = _events(created)
    assert [str(e["UID"]) for e in again] == uids  # imported again: updated, not doubled
    assert {str(e["STATUS"]) for e in again} == {"CONFIRMED"}


def test_ics_without_a_time_is_all_day_on_stdout(cli: Run, est: int) -> None:
    result = cli("EST", "--year", "2027", "--dry-run", "--format", "ics")
    assert result.exit_code == 0, result.output
    events = list(Calendar.from_ical(result.stdout_bytes).walk("VEVENT"))
    assert len(events) == 10
    assert events[0].decoded("DTSTART") == date(2027, 1, 4)
    assert events[0].decoded("DTEND") == date(2027, 1, 5)


# --- errors: one line in the interface language, exit 1, nothing planned -------------------

@pytest.mark.parametrize(("args", "sv", "en"), [
    ((), "Ange året som ska planeras med --year", "Give the year to plan with --year"),
    (("--year", "27"), "--year 27 är inget år att planera", "--year 27 is not a year to plan"),
    (("--year", "tjugo"), "--year tjugo är inget år", "--year tjugo is not a year"),
    (("--year", "2027", "-o", "x.txt"), "--format table skrivs i terminalen",
     "--format table prints to the terminal"),
])
def test_bad_arguments(cli: Run, ws: Workspace, est: int, args: tuple[str, ...], sv: str,
                       en: str) -> None:
    assert sv in one_line_error(cli("EST", *args))
    assert en in one_line_error(cli("EST", *args, lang="en"))
    assert meetings.list_meetings(ws, est) == []


def test_an_unknown_group(cli: Run, est: int) -> None:
    said = one_line_error(cli("Nattvandrarna", "--year", "2027"))
    assert said.startswith("meetingtui: Ingen grupp heter Nattvandrarna; grupperna är ")
    assert "EST" in said
    assert "No group is called Nattvandrarna" in one_line_error(
        cli("Nattvandrarna", "--year", "2027", lang="en"))


def test_a_group_that_meets_when_needed_cannot_be_planned(cli: Run, ws: Workspace) -> None:
    groups.ensure_groups(ws)
    kffv = groups.find_group(ws, "kffv")  # the built-in template: frequency = "ad-hoc"
    assert kffv is not None and kffv.id is not None
    said = one_line_error(cli("KFFV", "--year", "2027", "--dry-run"))
    assert said == ("meetingtui: KFFV träffas vid behov (ad hoc) och har ingen rytm att planera "
                    "ett år efter; planera mötena ett i taget i appen.")
    assert "KFFV meets when needed (ad hoc)" in one_line_error(
        cli("KFFV", "--year", "2027", lang="en"))
    assert meetings.list_meetings(ws, kffv.id) == []


def test_a_file_that_exists_is_kept_and_nothing_is_planned(
        cli: Run, ws: Workspace, est: int, tmp_path: Path) -> None:
    there = tmp_path / "est.ics"
    there.write_text("mine", encoding="utf-8")
    said = one_line_error(cli("EST", "--year", "2027", "--format", "ics", "-o", str(there)))
    assert said == (f"meetingtui: {there} finns redan och ersattes inte; ingenting planerades. "
                    "Välj ett annat namn, eller ersätt filen med avsikt (--force).")
    assert "already exists" in one_line_error(
        cli("EST", "--year", "2027", "--format", "ics", "-o", str(there), lang="en"))
    assert there.read_text(encoding="utf-8") == "mine"
    assert meetings.list_meetings(ws, est) == []
    result = cli("EST", "--year", "2027", "--format", "ics", "-o", str(there), "--force")
    assert result.exit_code == 0, result.output
    assert len(_events(there)) == 10


def test_never_onto_the_database(cli: Run, ws: Workspace, est: int, tmp_path: Path) -> None:
    database = tmp_path / "test.db"
    for target in (database, tmp_path / "test.db-wal"):
        said = one_line_error(cli("EST", "--year", "2027", "--format", "json", "-o",
                                  str(target), "--force"))
        assert "databasen som används" in said
    assert "the database in use" in one_line_error(
        cli("EST", "--year", "2027", "--format", "json", "-o", str(database), "--force",
            lang="en"))
    assert meetings.list_meetings(ws, est) == []


def test_a_calendar_that_cannot_be_written_plans_nothing(
        cli: Run, ws: Workspace, est: int, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    said = one_line_error(cli("EST", "--year", "2027", "--format", "ics", "-o",
                              str(blocker / "est.ics")))
    assert said.endswith("ingenting planerades. Välj en annan fil med -o.")
    assert meetings.list_meetings(ws, est) == []


def test_a_missing_database_is_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "stavfel.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "--lang", "sv", "plan", "EST",
                                       "--year", "2027"], catch_exceptions=False)
    assert "Ingen databas" in one_line_error(result)
    assert not missing.exists()


def test_plan_is_listed_in_help() -> None:
    result = CliRunner().invoke(main, ["--help"])
    assert result.exit_code == 0 and "plan " in result.output
    result = CliRunner().invoke(main, ["plan", "--help"])
    assert result.exit_code == 0 and "--dry-run" in result.output


def test_dash_as_output_is_standard_output(cli: Run, ws: Workspace, est: int,
                                           tmp_path: Path) -> None:
    shown = _json(cli("EST", "--year", "2027", "--dry-run", "--format", "json", "-o", "-"))
    assert len(shown["meetings"]) == 10
    calendar = cli("EST", "--year", "2027", "--dry-run", "--format", "ics", "-o", "-")
    assert calendar.exit_code == 0 and calendar.stdout.startswith("BEGIN:VCALENDAR")
    assert not (Path.cwd() / "-").exists() and not (tmp_path / "-").exists()
