"""Personnummer and samordningsnummer written with any dash, with spaces around it, as a word
processor writes them (issue 13 §4): found where they stand and masked, and the numbers that only
look alike left alone. The detector's other tests: test_privacy_numbers_found.py,
test_privacy_look_alikes.py, test_privacy_spaced_numbers.py; where they stand in the minutes:
tests/test_privacy_minutes.py."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from meetingtui.personal_numbers import normalised
from meetingtui.privacy import find_personal_numbers, luhn_ok, mask_personal_numbers
from tests.privacy_helpers import (
    _GLUED_AFTER,
    _GLUED_BEFORE,
    _GROUPED_AFTER,
    _GROUPED_BEFORE,
    births,
    check_digit,
    number_for,
    serials,
)

# --- any dash, spaces around it, text as a word processor writes it (issue 13 §4) ----------------

# Every dash and hyphen people (or Word, or a PDF) put between the two halves of a number.
DASHES = ["-", "\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212", "\ufe58",
          "\ufe63", "\uff0d"]
# Every space that can stand around such a dash.
SPACES = [" ", "\u00a0", "\u202f", "\u2009", "\u2007", "\u200a"]
COORDINATION = "811278-9873"  # 18 December 1981 with 60 added to the day, valid check digit


def test_the_coordination_number_used_below_is_valid() -> None:
    assert luhn_ok(COORDINATION.replace("-", ""))
    assert number_for(date(1981, 12, 18), 987, coordination=True) == "8112789873"


@pytest.mark.parametrize(("text", "masked", "kind"), [
    ("811218–9876", "811218–****", "personnummer"),  # en dash
    ("811218\u20119876", "811218\u2011****", "personnummer"),  # Word's non-breaking hyphen
    ("811218 - 9876", "811218 - ****", "personnummer"),
    ("811218\u22129876", "811218\u2212****", "personnummer"),  # minus sign
    ("811218 – 9876", "811218 – ****", "personnummer"),
    ("19811218 – 9876", "19811218 – ****", "personnummer"),
    ("19811218\u20119876", "19811218\u2011****", "personnummer"),
    ("811218\u00a0–\u00a09876", "811218\u00a0–\u00a0****", "personnummer"),
    ("811218\u202f\u2013\u202f9876", "811218\u202f\u2013\u202f****", "personnummer"),
    ("811218\u2009-\u20099876", "811218\u2009-\u2009****", "personnummer"),
    ("811218- 9876", "811218- ****", "personnummer"),
    ("811218 —9876", "811218 —****", "personnummer"),
    ("811218\ufe589876", "811218\ufe58****", "personnummer"),
    ("811218\ufe639876", "811218\ufe63****", "personnummer"),
    ("811218\uff0d9876", "811218\uff0d****", "personnummer"),
    ("８１１２１８－９８７６", "８１１２１８－****", "personnummer"),  # fullwidth, as pasted
    ("811218\u00ad9876", "811218\u00ad****", "personnummer"),  # a soft hyphen reads as nothing
    ("8112\u200b18-9876", "8112\u200b18-****", "personnummer"),  # so does a zero-width space
    ("811278–9873", "811278–****", "samordningsnummer"),
    ("19811278 – 9873", "19811278 – ****", "samordningsnummer"),
    ("811278\u20119873", "811278\u2011****", "samordningsnummer"),
])
@pytest.mark.parametrize("around", [
    "{}", "Anmälan gällde {} i centrum.", "({})", "pnr: {}, bor i Östra",
    # Text before it that NFKC lengthens (ﬁ, …, ½) or drops (zero-width space, soft hyphen):
    # the finding still says where the number stands in the text as written.
    "\ufb01ka … ½ h\u200b, Åsa\u00ad: {} — klart",
])
def test_any_dash_and_spaces_around_it_are_found_where_they_stand(
        text: str, masked: str, kind: str, around: str) -> None:
    written = around.format(text)
    [finding] = find_personal_numbers(written)
    assert (finding.text, finding.kind) == (text, kind)
    assert finding.start == written.index(text)
    assert written[finding.start:finding.end] == text
    assert finding.masked == masked
    assert mask_personal_numbers(written) == around.format(masked)


@pytest.mark.parametrize("text", [
    "811218+9876", "811218 + 9876", "811218\uff0b9876",  # fullwidth plus
    f"{number_for(date(1918, 12, 18), 987)[:6]}+{number_for(date(1918, 12, 18), 987)[6:]}",
    f"19{number_for(date(1918, 12, 18), 987)[:6]}+{number_for(date(1918, 12, 18), 987)[6:]}",
])
def test_the_plus_of_people_over_100_still_works(text: str) -> None:
    [finding] = find_personal_numbers(f"Född för länge sedan: {text}.")
    assert finding.text == text
    assert finding.masked.endswith("****") and "+" in normalised(finding.masked)


@pytest.mark.parametrize("text", [
    # phone numbers, with every kind of dash and with spaces around it
    "08-123 456 78", "08–123 456 78", "08 – 123 456 78", "08\u2011123 456 78", "070–123 45 67",
    "070 - 1234567", "0701\u2212234567", "+46 70 123 45 67", "031 – 12 34 56", "0771–123456",
    # postcodes, amounts and ranges
    "123 45", "123 45 Storstad", "SE–123 45", "1 234 567 kr", "1 234 567 – 2 000 000 kr",
    "100 000 – 150 000 kr", "1300 – 1500", "1300–1500", "1300\u22121500", "kl. 13.00 – 14.30",
    # dates with times, and date ranges
    "2026-12-01 13:00–14:30", "2026–12–01 13:00 – 14:30", "2026\u201112\u201101 kl 13–15",
    "20261201 1300 – 1500", "20261201 1300–1500", "261201 13.00 – 14.30", "1990 – 2026",
    "2026-12-01 – 2026-12-15", "20261201 – 20261215", "261201 – 261215",
    # order, case and organisation numbers
    "ordernr 4711-2026-001", "ordernr 4711–2026–001", "Dnr KS 2026/123–4",
    "556036-0793", "556036–0793", "556036 – 0793", "16556036\u20110793", "802481–1658",
    "4711-811218-9876", "4711 811218–9876–1", "811218–9876–1", "811218–98765", "5811218–9876",
    # digit groups beside a spaced separator make it part of something else
    "811218 – 9876 12", "46 811218 – 9876", "811218 - 9876 – 9877", "811218 – 9876-12",
    # a wrong check digit, whatever the dash
    "811218–9875", "811218 – 9870", "19811218\u20119870", "811278–9874",
])
def test_numbers_that_only_look_alike_are_not_reported_whatever_the_dash(text: str) -> None:
    assert find_personal_numbers(f"Se {text}.") == []
    assert mask_personal_numbers(f"Se {text}.") == f"Se {text}."


@given(born=births, serial=serials, coordination=st.booleans(), dash=st.sampled_from(DASHES),
       left=st.sampled_from(["", *SPACES]), right=st.sampled_from(["", *SPACES]),
       long=st.booleans(), before=st.text(max_size=60), after=st.text(max_size=60))
def test_every_valid_number_with_any_dash_is_found_in_any_surrounding_text(
        born: date, serial: int, coordination: bool, dash: str, left: str, right: str,
        long: bool, before: str, after: str) -> None:
    # Judged as the detector reads the text: any dash is "-", any space " ".
    read_before, read_after = normalised(before), normalised(after)
    assume(not _GLUED_BEFORE.search(read_before) and not _GLUED_AFTER.search(read_after))
    # With a space around the dash, a digit group beside it or a range after it is another number.
    assume(not (left or right) or not (_GROUPED_BEFORE.search(read_before)
                                       or _GROUPED_AFTER.search(read_after)))
    number = number_for(born, serial, coordination=coordination)
    century = f"{born.year // 100}" if long else ""
    written = f"{century}{number[:6]}{left}{dash}{right}{number[6:]}"
    text = before + written + after
    found = {(f.start, f.text, f.kind) for f in find_personal_numbers(text)}
    kind = "samordningsnummer" if coordination else "personnummer"
    assert (len(before), written, kind) in found
    assert written not in mask_personal_numbers(text)


@given(st.lists(st.sampled_from(
    ["0", "1", "2", "8", "9", "811218", "9876", "811278", "9873", "19", "+", *DASHES, *SPACES,
     "\u00ad", "\u200b", "½", "ﬁ", "…", "８", "²", "⑴", "㉑", "a", "\n", "\t"]),
    max_size=20).map("".join))
def test_findings_always_point_at_the_text_as_written(text: str) -> None:
    for finding in find_personal_numbers(text):
        assert text[finding.start:finding.end] == finding.text
        assert finding.masked != finding.text
    assert find_personal_numbers(mask_personal_numbers(text)) == []


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       hour=st.integers(min_value=0, max_value=22), minute=st.integers(min_value=0, max_value=59),
       dash=st.sampled_from(DASHES), space=st.sampled_from(["", *SPACES]))
def test_dates_and_time_ranges_with_any_dash_are_never_found(day: date, hour: int, minute: int,
                                                              dash: str, space: str) -> None:
    iso = day.isoformat().replace("-", dash)
    until = f"{space}{dash}{space}"
    for written in (f"{iso} {hour:02d}:{minute:02d}{until}{hour + 1:02d}:{minute:02d}",
                    f"{iso} {hour:02d}.{minute:02d}{until}{hour + 1:02d}.{minute:02d}",
                    f"{day:%Y%m%d} {hour:02d}{minute:02d}{until}{hour + 1:02d}00",
                    f"{day:%y%m%d} {hour:02d}{minute:02d}{until}{hour + 1:02d}00",
                    f"{iso}{until}{(day + timedelta(days=3)).isoformat().replace('-', dash)}"):
        assert find_personal_numbers(f"Tid: {written}") == [], written


@given(area=st.sampled_from(["08", "031", "040", "0513", "070", "072", "076"]),
       digits=st.text(alphabet="0123456789", min_size=7, max_size=8),
       dash=st.sampled_from(DASHES), space=st.sampled_from(["", *SPACES]))
def test_phone_numbers_with_any_dash_are_never_found(area: str, digits: str, dash: str,
                                                     space: str) -> None:
    grouped = f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    assert find_personal_numbers(f"Tel. {area}{space}{dash}{space}{grouped}") == []
    assert find_personal_numbers(f"Tel. {area}{space}{dash}{space}{digits}") == []


@given(head=st.text(alphabet="0123456789", min_size=2, max_size=2),
       third=st.integers(min_value=2, max_value=9),
       tail=st.text(alphabet="0123456789", min_size=6, max_size=6),
       dash=st.sampled_from(DASHES), space=st.sampled_from(["", *SPACES]))
def test_organisation_numbers_with_any_dash_are_never_reported(head: str, third: int, tail: str,
                                                               dash: str, space: str) -> None:
    nine = f"{head}{third}{tail}"
    number = nine + check_digit(nine)
    assert find_personal_numbers(f"Org.nr {number[:6]}{space}{dash}{space}{number[6:]}") == []


def test_mask_personal_numbers_masks_every_number_and_nothing_else() -> None:
    text = "Centrum (811218–9876), gäst 811278 - 9873; tel 08–123 456 78, 2026-12-01 13:00–14:30"
    assert mask_personal_numbers(text) == ("Centrum (811218–****), gäst 811278 - ****; "
                                           "tel 08–123 456 78, 2026-12-01 13:00–14:30")
    assert mask_personal_numbers("") == ""
    assert mask_personal_numbers("Inga nummer här") == "Inga nummer här"
