"""Personal identity numbers in free text, and what the public version of the minutes may show.

A Swedish personnummer is ``YYMMDD-NNNC`` or ``YYYYMMDDNNNC``; the separator is ``-`` (or ``+``
from the year the person turns 100) and may be left out. A samordningsnummer adds 60 to the
day. ``C`` is a Luhn check digit over ``YYMMDDNNN`` (weights 2, 1, 2, …; the digits of each
product are added). Only numbers with a real month, a possible day and a valid check digit are
reported, and never digits that are part of a longer run, so dates, phone numbers and case
numbers do not raise false alarms.

What is deliberately left as it is:

- Organisation numbers (``556036-0793``) are never reported: their third digit is 2 or more,
  which is never a month. A sole trader's organisation number *is* their personnummer and is
  reported, rightly.
- Ten digits written without any separator cannot be told from a personnummer. A mobile number
  typed as ``0701234569`` reads as 7 January 2007, serial 456, and happens to pass the check
  digit, so it is reported (about one such number in ten does). A rule that skipped ``070…``
  would skip exactly the people born January–September 2007 (or 1907), who are 19 in 2026 and
  among the young people these meetings most often discuss; a false alarm costs a look and
  ``--allow-personal-data``, a missed number leaks it. The other mobile prefixes (072, 073,
  076, 079) never form a month and are never reported; written with a space or a dash, no
  phone number is.

Pure: imports only the model.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from meetingtui.model import AgendaItem, ItemKind, Measure, MeetingRecord, Record

Kind = Literal["personnummer", "samordningsnummer"]

# Either 12 digits (century 18/19/20) or 10, each with an optional separator before the last four;
# never glued to other digits (nor to a digit across a separator, as in a longer dashed number).
_NUMBER = re.compile(
    r"(?<![\d])(?<!\d[-+])"
    r"(?:(?P<century>18|19|20)(?P<long>\d{6})[-+]?(?P<long_tail>\d{4})"
    r"|(?P<short>\d{6})(?P<sep>[-+]?)(?P<short_tail>\d{4}))"
    r"(?![\d])(?![-+]\d)"
)
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Finding:
    """One personal identity number found in a text."""

    text: str  # as written
    start: int  # offset in the scanned text
    kind: Kind

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def masked(self) -> str:
        """The number with its last four digits hidden, for messages and logs."""
        digits = 0
        out: list[str] = []
        for char in reversed(self.text):
            if char.isdigit() and digits < 4:
                out.append("*")
                digits += 1
            else:
                out.append(char)
        return "".join(reversed(out))


@dataclass(frozen=True)
class Where:
    """A finding and the place in the minutes where it stands."""

    place: str  # e.g. "§ 4 Lägesbild, observation 2 (Centrum), description"
    finding: Finding

    def __str__(self) -> str:
        return f"{self.place}: {self.finding.masked} ({self.finding.kind})"


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the Luhn check digit of the ones before it (weights 2, 1 …)."""
    total = 0
    for index, char in enumerate(digits[:-1]):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10 == int(digits[-1])


def _kind(yymmdd: str, century: str | None) -> Kind | None:
    month, day = int(yymmdd[2:4]), int(yymmdd[4:6])
    if not 1 <= month <= 12:
        return None
    kind: Kind = "personnummer"
    if day > 60:
        day -= 60
        kind = "samordningsnummer"
    longest = _DAYS_IN_MONTH[month - 1]
    if century is not None and month == 2:
        year = int(century + yymmdd[:2])
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        longest = 29 if leap else 28
    return kind if 1 <= day <= longest else None


def find_personal_numbers(text: str) -> list[Finding]:
    """Every personnummer and samordningsnummer in ``text`` with a valid date and check digit."""
    found: list[Finding] = []
    for match in _NUMBER.finditer(text):
        century = match.group("century")
        if century is not None:
            body = match.group("long") + match.group("long_tail")
        else:
            body = match.group("short") + match.group("short_tail")
        kind = _kind(body[:6], century)
        if kind is not None and luhn_ok(body):
            found.append(Finding(match.group(0), match.start(), kind))
    return found


# --- the public version ------------------------------------------------------------------------

def public_view(record: MeetingRecord) -> MeetingRecord:
    """The record as the public minutes show it.

    Leaves out every confidential observation (with its causes and the measures tied to it),
    every confidential measure (in the action plan and in the follow-up) and the notes and
    decision of a confidential agenda item; the item itself keeps its § number and title so that
    both versions number alike. Amendments are internal.
    """
    hidden_obs = {
        d.observation.id for d in record.observations
        if d.observation.confidential and d.observation.id is not None
    }
    hidden_causes = {
        c.id for d in record.observations if d.observation.confidential
        for c in d.causes if c.id is not None
    }

    def shown(measure: Measure) -> bool:
        return not (
            measure.confidential
            or (measure.observation_id is not None and measure.observation_id in hidden_obs)
            or (measure.cause_id is not None and measure.cause_id in hidden_causes)
        )

    return record.model_copy(update={
        "items": [
            item.model_copy(update={"notes": "", "decision": ""}) if item.confidential else item
            for item in record.items
        ],
        "observations": [
            d.model_copy(update={"measures": [m for m in d.measures if shown(m)]})
            for d in record.observations if not d.observation.confidential
        ],
        "measures": [m for m in record.measures if shown(m)],
        "followups": [f for f in record.followups if shown(f.measure)],
        "amendments": [],
    })


# --- where in a meeting's minutes --------------------------------------------------------------

def numbered_items(record: MeetingRecord) -> list[tuple[int, AgendaItem]]:
    """The agenda items in order with their § numbers (1, 2 …), as the minutes number them."""
    ordered = sorted(record.items, key=lambda item: item.position)
    return list(enumerate(ordered, start=1))


def _key(model: Record) -> tuple[str, int]:
    return ("id", model.id) if model.id is not None else ("object", id(model))


class Numbering:
    """Numbers (1, 2 …) of observations or measures in the full record, so that the public
    version keeps the internal version's numbers and leaves gaps where it leaves rows out."""

    def __init__(self, models: Sequence[Record]) -> None:
        self._numbers = {_key(model): n for n, model in enumerate(models, start=1)}

    def __call__(self, model: Record) -> int | None:
        return self._numbers.get(_key(model))


def _section(record: MeetingRecord, kind: ItemKind, fallback: str) -> str:
    for number, item in numbered_items(record):
        if item.kind is kind:
            return f"§ {number} {item.title}"
    return fallback


def _texts(record: MeetingRecord, full: MeetingRecord) -> Iterator[tuple[str, str]]:
    """(place, text) for every text the minutes of ``record`` (a view of ``full``) show."""
    obs_number = Numbering([d.observation for d in full.observations])
    measure_number = Numbering(full.measures)
    meeting = record.meeting
    yield "header, group", record.group.name
    yield "header, place", meeting.place
    for role in ("chair", "secretary", "adjuster"):
        yield f"header, {role}", getattr(meeting, role)
    for person in record.attendance:
        for field in ("name", "role", "organisation"):
            yield f"attendance ({person.name}), {field}", getattr(person, field)
    for number, item in numbered_items(record):
        here = f"§ {number} {item.title}"
        yield f"{here}, title", item.title
        yield f"{here}, notes", item.notes
        yield f"{here}, decision", item.decision
    here = _section(record, ItemKind.SITUATION, "Lägesbild")
    for index, detail in enumerate(record.observations, start=1):
        obs = detail.observation
        at = f"{here}, observation {obs_number(obs) or index} ({obs.area})"
        for field in ("area", "place_detail", "category", "description", "source"):
            yield f"{at}, {field}", getattr(obs, field)
        for c_index, cause in enumerate(detail.causes, start=1):
            yield f"{at}, cause {c_index}", cause.text
        for m_index, measure in enumerate(detail.measures, start=1):
            yield from _measure_texts(f"{at}, measure {m_index}", measure)
    here = _section(record, ItemKind.FOLLOWUP, "Uppföljning")
    for index, followup in enumerate(record.followups, start=1):
        at = f"{here}, measure {index}"
        yield from _measure_texts(at, followup.measure)
        if followup.update is not None:
            yield f"{at}, comment", followup.update.comment
    here = _section(record, ItemKind.ACTIONS, "Åtgärdsplan")
    for index, measure in enumerate(record.measures, start=1):
        yield from _measure_texts(f"{here}, measure {measure_number(measure) or index}", measure)
    here = _section(record, ItemKind.PRIORITIES, "Prioriteringar")
    for priority in record.priorities:
        yield f"{here}, priority {priority.position}", priority.title
    if record.next_meeting is not None:
        yield f"{_section(record, ItemKind.NEXT, 'Nästa möte')}, place", record.next_meeting.place
    for index, amendment in enumerate(record.amendments, start=1):
        for field in ("what", "old", "new"):
            yield f"amendment {index}, {field}", getattr(amendment, field)


def _measure_texts(at: str, measure: Measure) -> Iterator[tuple[str, str]]:
    yield f"{at}, text", measure.text
    yield f"{at}, owner", measure.owner
    yield f"{at}, owner organisation", measure.owner_org


def scan_record(record: MeetingRecord, public: bool) -> list[Where]:
    """Every personal identity number in what the (public or internal) minutes would show."""
    shown = public_view(record) if public else record
    return [
        Where(place, finding)
        for place, text in _texts(shown, record) if text
        for finding in find_personal_numbers(text)
    ]
