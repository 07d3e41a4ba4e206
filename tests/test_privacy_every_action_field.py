"""Every text an action list shows is scanned for personnummer: a number in any text of a measure's
row (what, owner, organisation, group, the causes, where a proposal went …) that reaches a file
of the list, in any format, is one that `personal_data_in` names, so `--public` refuses it and
`publish` too. The texts are found from the row's own fields, not listed here."""

from __future__ import annotations

import json
import typing
from datetime import date
from email import message_from_bytes, policy
from email.message import EmailMessage

import pytest
from icalendar import Calendar

from meetingtui.export.actions.common import personal_data_in
from meetingtui.export.actions.files import FILE_FORMATS, list_bytes
from meetingtui.services.actions import ActionFilters, ActionList, ActionRow
from tests.privacy_helpers import number_for, word_text

# Stored codes, not what anyone types: the lists say them in words.
CODED = {"status", "type", "level", "method", "proposal"}
NUMBER = number_for(date(1981, 12, 18), 987)
WRITTEN = f"{NUMBER[:6]}-{NUMBER[6:]}"

MEASURE = ActionRow(
    id=21, text="Sanera klotter", owner="Per Holm", owner_org="Teknisk förvaltning",
    due=date(2026, 4, 30), status="not_started", overdue=True, group_id=1, group_short="EST",
    group_name="Effektiv samordning för trygghet", meeting_id=12,
    meeting_date=date(2026, 4, 14), causes=("Dålig insyn", "Ingen belysning"))
PROPOSAL = MEASURE._replace(id=22, text="Kameror vid stationen", proposal="proposed",
                            proposed_to="Kommunstyrelsen")


def text_fields() -> list[str]:
    hints = typing.get_type_hints(ActionRow)
    return [name for name, hint in hints.items()
            if hint in (str, tuple[str, ...]) and name not in CODED]


def with_number(field: str) -> ActionList:
    rows = []
    for row in (MEASURE, PROPOSAL):
        value = getattr(row, field)
        numbered = ((f"Uppgift {WRITTEN}", *value[1:]) if isinstance(value, tuple)
                    else f"Uppgift {WRITTEN}")
        rows.append(row._replace(**{field: numbered}))
    return ActionList(rows, date(2026, 5, 4), "Herrljunga kommun",
                      ActionFilters(status="all", public=True))


def file_text(actions: ActionList, fmt: str) -> str:
    """What a reader of the file sees: decoded, unescaped, unfolded."""
    owner = actions.rows[0].owner
    data = list_bytes(actions, fmt, owner=owner)
    if fmt == "docx":
        return word_text(data)
    if fmt == "eml":
        message = message_from_bytes(data, policy=policy.default)
        assert isinstance(message, EmailMessage)
        parts = [str(message["Subject"])]
        parts += [part.get_content() for part in message.walk()
                  if part.get_content_maintype() == "text"]
        return "\n".join(parts)
    if fmt == "ics":
        calendar = Calendar.from_ical(data)
        return "\n".join(str(value) for component in calendar.walk()
                         for value in component.values())
    if fmt == "json":
        return json.dumps(json.loads(data), ensure_ascii=False)
    return data.decode("utf-8")


def test_the_fields_are_the_texts_a_member_typed() -> None:
    assert set(text_fields()) >= {"text", "owner", "owner_org", "group_short", "group_name",
                                  "causes", "proposed_to"}
    assert personal_data_in(ActionList([MEASURE, PROPOSAL], date(2026, 5, 4), "")) == []


@pytest.mark.parametrize("field", text_fields())
def test_a_number_any_file_shows_is_one_the_scan_names(field: str) -> None:
    actions = with_number(field)
    showing = [fmt for fmt in FILE_FORMATS if WRITTEN in file_text(actions, fmt)]
    assert showing, f"{field} is shown in no file of the list"
    assert personal_data_in(actions), f"{field} is shown in {showing} but not scanned"


def test_every_format_shows_the_measure_and_its_owner() -> None:
    """The test above can fail: each file does show what a member typed."""
    for fmt in FILE_FORMATS:
        text = file_text(with_number("owner"), fmt)
        assert WRITTEN in text and "Sanera klotter" in text, fmt
