"""Personal identity numbers in free text: personnummer and samordningsnummer.

A Swedish personnummer is ``YYMMDD-NNNC`` or ``YYYYMMDDNNNC``; the separator is ``-`` (or ``+``
from the year the person turns 100) and may be left out, and people also write a space
(``811218 9876``, ``19811218 9876``) or spaces around the sign (``811218 - 9876``). A
samordningsnummer adds 60 to the day. ``C`` is a Luhn check digit over ``YYMMDDNNN`` (weights
2, 1, 2, …; the digits of each product are added). Only numbers with a real month, a possible
day and a valid check digit are reported, and never digits that are part of a longer run, so
dates, phone numbers and case numbers do not raise false alarms.

The text is read as a reader sees it, not as it is encoded: character by character in NFKC
(fullwidth digits are digits), every dash and hyphen is ``-`` (the en dash, the non-breaking hyphen
Word puts in, the minus sign U+2212 …), every space is a space (no-break, narrow, thin …) and
invisible format characters (a soft hyphen, a zero-width space) are not read at all. A finding's
``start`` and ``text`` are still those of the text as given, so callers can mask it where it
stands; `mask_personal_numbers` does that for messages that quote a text.

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
- A dash is a dash whatever it looks like: ``20261201–1215`` is read as ``20261201-1215``, a
  number of someone born that day when the check digit passes, as it always was with ``-``.
  The same digits run on with a dash (``4711-811218-9876``, ``811218–9876–1``) are one longer
  number and are not reported.
- A space is a weaker separator than a dash: people group phone numbers, postcodes and
  amounts with spaces (``08 123 456 78``, ``123 45``, ``1 234 567 kr``). Six digits, one space
  and four digits is only taken for a number when no digit group stands right before or after
  it (``46 811218 9876``, ``811218 9876 12``) and no range follows (``1300–1500``,
  ``1300 – 1500``); none of those ordinary groupings has six digits then four. The same holds
  for spaces around the sign (``811218 - 9876``): six digits, a spaced dash and four digits are
  no phone number, postcode or amount, but a digit group right beside them still makes them part
  of something else. A compact date and time, ``20261201 1300``, still reads as a number of
  someone born that day and is reported when its check digit happens to pass (one in ten): the
  same trade as above, for a form nobody writes a date in by hand.

Standard library only, so that `meetingtui actions --public` can check a list without loading
the model. `privacy` applies it to the minutes.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from typing import Literal

Kind = Literal["personnummer", "samordningsnummer"]

# Read on the text as `normalised` gives it: every dash is "-", every space " ".
# Either 12 digits (century 18/19/20) or 10, each with an optional separator before the last four:
# "-" or "+", with or without spaces around it, or a single space (checked further in `_grouped`);
# never glued to other digits (nor to a digit across a separator, as in a longer dashed number).
_NUMBER = re.compile(
    r"(?<![\d])(?<!\d[-+])"
    r"(?:(?P<century>18|19|20)(?P<long>\d{6})(?P<long_sep> *[-+] *| )?(?P<long_tail>\d{4})"
    r"|(?P<short>\d{6})(?P<sep> *[-+] *| )?(?P<short_tail>\d{4}))"
    r"(?![\d])(?![-+]\d)"
)
# Around a candidate with a space in its separator: a digit group right before it, or another
# digit group or a range right after it.
_GROUP_BEFORE = re.compile(r"\d\s")
_GROUP_AFTER = re.compile(r"\s\d|\s*-\s*\d")
_MINUS = "\u2212"  # a mathematical sign (Sm), not a dash (Pd), but typed for one
_DAYS_IN_MONTH = (31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)


@dataclass(frozen=True)
class Finding:
    """One personal identity number found in a text."""

    text: str  # as written, exactly as it stands in the scanned text
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
            count = _digits_in(char)
            if count and digits < 4:
                out.append("*")
                digits += count
            else:
                out.append(char)
        return "".join(reversed(out))


def _digits_in(char: str) -> int:
    """How many digits the detector reads in ``char`` (a fullwidth "８" is one, "⑴" one)."""
    if char.isascii():
        return 1 if char.isdigit() else 0
    return sum(c.isdecimal() for c in _READING[ord(char)])


def luhn_ok(digits: str) -> bool:
    """True when the last digit is the Luhn check digit of the ones before it (weights 2, 1 …)."""
    total = 0
    for index, char in enumerate(digits[:-1]):
        product = int(char) * (2 if index % 2 == 0 else 1)
        total += product // 10 + product % 10
    return (10 - total % 10) % 10 == int(digits[-1])


# --- reading the text ----------------------------------------------------------------------------

def _read(char: str) -> str:
    """What the detector reads for one character: NFKC, every dash "-", every space " ",
    invisible format characters (soft hyphen, zero-width space) nothing."""
    if unicodedata.category(char) == "Cf":
        return ""
    out = []
    for c in unicodedata.normalize("NFKC", char):
        category = unicodedata.category(c)
        if category == "Pd" or c == _MINUS:
            out.append("-")
        elif category == "Zs" or c == "\t":
            out.append(" ")
        else:
            out.append(c)
    return "".join(out)


class _Reading(dict[int, str]):
    """`_read` for each code point met so far (a `str.translate` table that fills itself)."""

    def __missing__(self, code: int) -> str:
        read = self[code] = _read(chr(code))
        return read


_READING = _Reading()


def normalised(text: str) -> str:
    """``text`` as the detector reads it. Character by character, so that offsets map back."""
    return text.translate(_READING)


def _origins(text: str) -> list[int]:
    """For each offset in ``text`` (and its end), the offset in ``normalised(text)`` it reads at."""
    offsets = [0]
    for char in text:
        offsets.append(offsets[-1] + len(_READING[ord(char)]))
    return offsets


# --- finding ---------------------------------------------------------------------------------

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
    """Every personnummer and samordningsnummer in ``text`` with a valid date and check digit.

    ``start`` and ``text`` of each finding are those of ``text`` as given, whatever the
    normalisation changed.
    """
    reading = normalised(text)
    spans: list[tuple[int, int, Kind]] = []
    for match in _NUMBER.finditer(reading):
        century = match.group("century")
        if century is not None:
            body = match.group("long") + match.group("long_tail")
            separator = match.group("long_sep")
        else:
            body = match.group("short") + match.group("short_tail")
            separator = match.group("sep")
        if separator and " " in separator and _grouped(reading, match.start(), match.end()):
            continue
        kind = _kind(body[:6], century)
        if kind is not None and luhn_ok(body):
            spans.append((match.start(), match.end(), kind))
    if not spans:
        return []
    if reading == text:
        return [Finding(text[start:end], start, kind) for start, end, kind in spans]
    origins = _origins(text)
    found = []
    for start, end, kind in spans:
        # The character the first digit is read from, and the one the last digit is read from.
        first, after = bisect_right(origins, start) - 1, bisect_left(origins, end)
        found.append(Finding(text[first:after], first, kind))
    return found


def _grouped(reading: str, start: int, end: int) -> bool:
    """Whether a candidate with a space in its separator is one group of a longer spaced number
    (a digit group right before or after it) or the start of a range."""
    return bool(_GROUP_BEFORE.fullmatch(reading, max(0, start - 2), start)
                or _GROUP_AFTER.match(reading, end))


def mask_personal_numbers(text: str) -> str:
    """``text`` with the last four digits of every personal identity number in it hidden, for
    messages that name a place by its text (an area, a person's name, an item's title)."""
    out: list[str] = []
    done = 0
    for finding in find_personal_numbers(text):
        if finding.start < done:  # cannot overlap, but never print a digit twice if they did
            continue
        out += [text[done:finding.start], finding.masked]
        done = finding.end
    out.append(text[done:])
    return "".join(out)
