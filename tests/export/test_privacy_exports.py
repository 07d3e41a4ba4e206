"""The public minutes and the public action list are refused for a personnummer however its dash
is written, and the refusal never repeats the number, not even in the place it names (issue 13
§4). The detector itself: tests/test_privacy.py; where in the minutes: test_privacy_minutes.py."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.model import Measure, Observation
from meetingtui.paths import resolve
from meetingtui.services import groups, lagesbild, meetings
from meetingtui.services.workspace import Workspace, open_workspace
from tests.cli_helpers import one_line_error

# The spellings that went into public minutes and lists with exit 0, and the masked form a
# message may show. 811278-9873 is a samordningsnummer (18 December 1981, day + 60).
SPELLINGS = [
    pytest.param("811218–9876", "811218–****", id="en-dash"),
    pytest.param("811218\u20119876", "811218\u2011****", id="non-breaking-hyphen"),
    pytest.param("811218 - 9876", "811218 - ****", id="spaced-hyphen"),
    pytest.param("811218\u22129876", "811218\u2212****", id="minus-sign"),
    pytest.param("19811218 – 9876", "19811218 – ****", id="long-spaced-en-dash"),
    pytest.param("811278–9873", "811278–****", id="samordningsnummer-en-dash"),
]
TAILS = ("9876", "9873")  # the hidden digits: never in a message


def _meeting(tmp_path: Path) -> tuple[Workspace, int]:
    ws = open_workspace(resolve(db=tmp_path / "m.db"))
    groups.ensure_groups(ws)
    est = groups.find_group(ws, "EST")
    assert est is not None and est.id is not None
    meeting = meetings.plan_meeting(ws, est.id, date(2026, 11, 10), place="Kommunhuset")
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return ws, meeting.id


def _run(tmp_path: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(tmp_path / "m.db"), "--exports",
                                     str(tmp_path / "exports"), *args], catch_exceptions=False)


def _unmasked(message: str) -> list[str]:
    return [tail for tail in TAILS if tail in message]


@pytest.mark.parametrize(("number", "masked"), SPELLINGS)
def test_public_minutes_are_refused_for_every_spelling(tmp_path: Path, number: str,
                                                       masked: str) -> None:
    ws, meeting_id = _meeting(tmp_path)
    first = meetings.items(ws, meeting_id)[0]
    assert first.id is not None
    meetings.edit_item(ws, first.id, notes=f"Anmälan gällde {number}.")
    target = tmp_path / "public.docx"
    with pytest.raises(PersonalDataFound) as refused:
        export_minutes(ws, meeting_id, public=True, path=target)
    assert masked in str(refused.value) and not _unmasked(str(refused.value))
    assert not target.exists()
    ws.close()

    cli = _run(tmp_path, "export", str(meeting_id), "--public", "--format", "md")
    assert cli.exit_code == 1
    assert "Personnummer hittades: § 1" in cli.stderr and masked in cli.stderr
    assert not _unmasked(cli.stderr)
    assert not (tmp_path / "exports").exists() or not any((tmp_path / "exports").rglob("*.md"))


@pytest.mark.parametrize(("number", "masked"), SPELLINGS)
def test_a_public_action_list_is_refused_for_every_spelling(tmp_path: Path, number: str,
                                                            masked: str) -> None:
    ws, meeting_id = _meeting(tmp_path)
    lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=f"Stödsamtal med {number}",
                                       owner="Anna Berg", due=date(2026, 12, 15)))
    ws.close()
    refused = _run(tmp_path, "actions", "--public", "--status", "all", "--format", "json")
    message = one_line_error(refused)
    assert f"text: {masked} (" in message and not _unmasked(message)
    assert refused.stdout == ""
    allowed = _run(tmp_path, "actions", "--public", "--status", "all", "--format", "json",
                   "--allow-personal-data")
    assert allowed.exit_code == 0 and number in allowed.stdout  # on purpose: as written


def _numbers_in_places(tmp_path: Path) -> int:
    """A meeting whose numbers stand where the messages name the place: an observation's area
    and source, a measure's owner and owner organisation."""
    ws, meeting_id = _meeting(tmp_path)
    lagesbild.save_observation(ws, Observation(
        meeting_id=meeting_id, area="Area 811218–9876", description="Klotter vid torget",
        source="Tips från 811278\u20119873"))
    lagesbild.save_measure(ws, Measure(
        meeting_id=meeting_id, text="Sanera klottret", owner="Gäst 811218 - 9876",
        owner_org="Enskild firma 19811218\u22129876", due=date(2026, 12, 15)))
    ws.close()
    return meeting_id


def test_the_minutes_refusal_never_shows_the_number_it_found(tmp_path: Path) -> None:
    meeting_id = _numbers_in_places(tmp_path)
    ws = open_workspace(resolve(db=tmp_path / "m.db"))
    with pytest.raises(PersonalDataFound) as refused:
        export_minutes(ws, meeting_id, public=True, fmt="md", path=tmp_path / "public.md")
    ws.close()
    message = str(refused.value)
    # Each place in the interface language (Swedish here: tests/conftest.py).
    assert "iakttagelse 1 (Area 811218–****), område: 811218–**** (personnummer)" in message
    assert "iakttagelse 1 (Area 811218–****), källa: 811278\u2011**** (samordningsnummer)" in (
        message)
    assert "ansvarig: 811218 - **** (personnummer)" in message
    assert "ansvarigs organisation: 19811218\u2212**** (personnummer)" in message
    assert not _unmasked(message), message
    for where in refused.value.findings:  # the TUI's dialog shows each of them
        assert not _unmasked(str(where)) and not _unmasked(where.place)

    cli = _run(tmp_path, "export", str(meeting_id), "--public", "--format", "md")
    assert cli.exit_code == 1 and "Area 811218–****" in cli.stderr
    assert not _unmasked(cli.stderr), cli.stderr
    warned = _run(tmp_path, "export", str(meeting_id), "--public", "--format", "md",
                  "--allow-personal-data")
    assert warned.exit_code == 0
    assert warned.stderr.count("varning: personnummer i") == 4
    assert not _unmasked(warned.stderr), warned.stderr  # the warnings are masked too


def test_the_action_list_refusal_never_shows_the_number_it_found(tmp_path: Path) -> None:
    _numbers_in_places(tmp_path)
    refused = _run(tmp_path, "actions", "--public", "--status", "all")
    message = one_line_error(refused)
    assert "owner: 811218 - **** (personnummer)" in message
    assert "organisation: 19811218\u2212**** (personnummer)" in message
    assert not _unmasked(message), message


def test_the_action_list_names_its_group_masked_too() -> None:
    """A group's short name comes from an agenda file anyone can write: masked as well."""
    from meetingtui.export.actions.common import personal_data_in
    from meetingtui.services.actions import ActionList, ActionRow

    row = ActionRow(id=7, text="Ring 811218–9876", owner="Anna Berg", owner_org="", due=None,
                    status="not_started", overdue=False, group_id=1,
                    group_short="Grupp 811278 – 9873", group_name="Grupp", meeting_id=1,
                    meeting_date=date(2026, 11, 10))
    places = personal_data_in(ActionList([row], date(2026, 11, 10), "Exempelkommun"))
    assert places == [
        "åtgärd 7 (Grupp 811278 – ****, möte 2026-11-10), text: 811218–**** (personnummer)",
        # the group's name is shown in the list too: its number is one more place
        "åtgärd 7 (Grupp 811278 – ****, möte 2026-11-10), group: 811278 – **** "
        "(samordningsnummer)"]
