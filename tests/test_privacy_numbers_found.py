"""Personnummer and samordningsnummer in free text: the documented forms found, a wrong check
digit and the usual look-alikes not, by examples and by properties over every valid number."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from meetingtui.privacy import find_personal_numbers, luhn_ok
from tests.privacy_helpers import births, number_for, serials

# --- examples -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "811218-9876", "8112189876", "19811218-9876", "198112189876", "19811218+9876",
    "811218 9876", "19811218 9876", "811218\u00a09876",
])
def test_the_documented_test_value_is_found_in_every_form(text: str) -> None:
    [finding] = find_personal_numbers(f"Anmälan gällde {text} i centrum.")
    assert finding.text == text
    assert finding.start == len("Anmälan gällde ")
    assert finding.kind == "personnummer"
    assert finding.end == finding.start + len(text)


def test_plus_separator_for_people_over_100() -> None:
    number = number_for(date(1918, 12, 18), 987)
    written = f"{number[:6]}+{number[6:]}"
    [finding] = find_personal_numbers(f"född 1918: {written}")
    assert finding.text == written


def test_invalid_check_digit_is_not_reported() -> None:
    assert find_personal_numbers("811218-9875") == []
    assert find_personal_numbers("19811218-9870") == []


def test_samordningsnummer_adds_60_to_the_day() -> None:
    number = number_for(date(1990, 5, 17), 123, coordination=True)
    assert number[4:6] == "77"
    [finding] = find_personal_numbers(f"{number[:6]}-{number[6:]}")
    assert finding.kind == "samordningsnummer"
    [long_form] = find_personal_numbers(f"19{number}")
    assert long_form.kind == "samordningsnummer"


@pytest.mark.parametrize("text", [
    "Mötet hålls 2026-12-01 kl. 13.00",
    "Ring 070-123 45 67 eller 08-123 456 78",
    "Ring 0701-23 45 67",
    "Diarienummer KS 2026/123-4",
    "Ordernummer 12811218-98765",  # a valid number inside a longer run of digits
    "Konto 5811218-9876",
    "Ref 811218-98761",
    "811318-9876",  # month 13
    "811200-9876",  # day 0
    "811232-9876",  # day 32
    "811292-9876",  # day 92 (samordningsnummer stops at 91)
    "19810230-1234",  # 30 February
    "1234567890",
    "Summa 100 000 kr, 2 345 besökare",
])
def test_no_false_alarms(text: str) -> None:
    assert find_personal_numbers(text) == []


def test_several_numbers_in_one_text_are_all_found_in_order() -> None:
    other = number_for(date(2001, 2, 3), 456)
    text = f"811218-9876 och {other[:6]}-{other[6:]} samt 2026-04-14"
    assert [f.text for f in find_personal_numbers(text)] == ["811218-9876",
                                                            f"{other[:6]}-{other[6:]}"]


def test_findings_are_masked_for_messages() -> None:
    [finding] = find_personal_numbers("811218-9876")
    assert finding.masked == "811218-****"


def test_luhn() -> None:
    assert luhn_ok("8112189876")
    assert not luhn_ok("8112189875")


# --- properties ---------------------------------------------------------------------------------

@given(born=births, serial=serials, coordination=st.booleans(),
       separator=st.sampled_from(["-", "+", "", " "]), long=st.booleans())
def test_every_valid_number_is_found(born: date, serial: int, coordination: bool,
                                     separator: str, long: bool) -> None:
    number = number_for(born, serial, coordination=coordination)
    century = f"{born.year // 100}" if long else ""
    written = f"{century}{number[:6]}{separator}{number[6:]}"
    found = find_personal_numbers(f"Text före {written}, text efter.")
    assert [f.text for f in found] == [written]
    assert found[0].kind == ("samordningsnummer" if coordination else "personnummer")


@given(born=births, serial=serials, wrong=st.integers(min_value=1, max_value=9))
def test_a_wrong_check_digit_is_never_found(born: date, serial: int, wrong: int) -> None:
    number = number_for(born, serial)
    bad = number[:9] + str((int(number[9]) + wrong) % 10)
    assert find_personal_numbers(f"{bad[:6]}-{bad[6:]}") == []


@given(day=st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31)),
       length=st.integers(min_value=0, max_value=400))
def test_dates_and_date_ranges_are_never_found(day: date, length: int) -> None:
    later = day + timedelta(days=length)
    text = f"{day.isoformat()}, {day:%Y%m%d}, {day.isoformat()}–{later.isoformat()}"
    assert find_personal_numbers(text) == []


@given(area=st.sampled_from(["08", "031", "040", "0513", "070", "072", "076"]),
       digits=st.text(alphabet="0123456789", min_size=7, max_size=8))
def test_phone_numbers_written_the_swedish_way_are_never_found(area: str, digits: str) -> None:
    grouped = f"{digits[:3]} {digits[3:5]} {digits[5:]}"
    assert find_personal_numbers(f"Tel. {area}-{grouped}") == []
    assert find_personal_numbers(f"Tel. +46 {area[1:]} {grouped}") == []


@given(born=births, serial=serials, before=st.integers(min_value=1, max_value=9),
       after=st.integers(min_value=0, max_value=9))
def test_digits_inside_longer_runs_are_never_found(born: date, serial: int, before: int,
                                                   after: int) -> None:
    number = number_for(born, serial)
    assert find_personal_numbers(f"{before}{number}{after}") == []
    assert find_personal_numbers(f"{number}{after}") == []


@given(st.text())
def test_any_text_is_scanned_without_error(text: str) -> None:
    for finding in find_personal_numbers(text):
        assert text[finding.start:finding.end] == finding.text
