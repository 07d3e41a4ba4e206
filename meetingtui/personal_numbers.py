"""Personal identity numbers in free text: personnummer and samordningsnummer.

A Swedish personnummer is ``YYMMDD-NNNC`` or ``YYYYMMDDNNNC``; the separator is ``-`` (or ``+``
from the year the person turns 100) and may be left out, and people also write a space
(``811218 9876``, ``19811218 9876``). A samordningsnummer adds 60 to the
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
- A space is a weaker separator than a dash: people group phone numbers, postcodes and
  amounts with spaces (``08 123 456 78``, ``123 45``, ``1 234 567 kr``). Six digits, one space
  and four digits is only taken for a number when no digit group stands right before or after
  it (``46 811218 9876``, ``811218 9876 12``) and no range follows (``1300–1500``); none of those
  ordinary groupings has six digits then four. A compact date and time, ``20261201 1300``, still
  reads as a number of someone born that day and is reported when its check digit happens to
  pass (one in ten): the same trade as above, for a form nobody writes a date in by hand.

Standard library only, so that `meetingtui actions --public` can check a list without loading
the model. `privacy` applies it to the minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Kind = Literal["personnummer", "samordningsnummer"]

# Either 12 digits (century 18/19/20) or 10, each with an optional separator before the last four;
# never glued to other digits (nor to a digit across a separator, as in a longer dashed number).
# A space (also a non-breaking one, as word processors put in) is checked further in `_grouped`.
_SPACES = " \u00a0\u202f"
_NUMBER = re.compile(
    r"(?<![\d])(?<!\d[-+])"
    rf"(?:(?P<century>18|19|20)(?P<long>\d{{6}})(?P<long_sep>[-+{_SPACES}]?)(?P<long_tail>\d{{4}})"
    rf"|(?P<short>\d{{6}})(?P<sep>[-+{_SPACES}]?)(?P<short_tail>\d{{4}}))"
    r"(?![\d])(?![-+]\d)"
)
# Digits grouped by spaces, or a range, around a space-separated candidate: part of something else.
_GROUP_BEFORE = re.compile(r"\d\s$")
_GROUP_AFTER = re.compile(r"\s\d|[-–—]\d")
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
            separator = match.group("long_sep")
        else:
            body = match.group("short") + match.group("short_tail")
            separator = match.group("sep")
        if separator and separator in _SPACES and _grouped(text, match.start(), match.end()):
            continue
        kind = _kind(body[:6], century)
        if kind is not None and luhn_ok(body):
            found.append(Finding(match.group(0), match.start(), kind))
    return found


def _grouped(text: str, start: int, end: int) -> bool:
    """Whether a space-separated candidate is one group of a longer spaced number or a range."""
    return bool(_GROUP_BEFORE.search(text, max(0, start - 2), start)
                or _GROUP_AFTER.match(text, end))
