"""Numbers in the catalogues' texts as each language writes them: "20 000 tecken" in Swedish
(a space that does not break, from five digits on), "20,000 characters" in English."""

from __future__ import annotations

import pytest

from meetingtui.i18n import format_text, say_number, t_in

NBSP = "\u00a0"


@pytest.mark.parametrize(("value", "swedish", "english"), [
    (0, "0", "0"),
    (200, "200", "200"),
    (9_999, "9999", "9,999"),  # four digits stay whole in Swedish
    (10_000, f"10{NBSP}000", "10,000"),
    (20_001, f"20{NBSP}001", "20,001"),
    (1_234_567, f"1{NBSP}234{NBSP}567", "1,234,567"),
    (-12_345, f"-12{NBSP}345", "-12,345"),
])
def test_a_number_is_grouped_as_the_language_writes_it(value: int, swedish: str,
                                                        english: str) -> None:
    assert say_number(value, "sv") == swedish
    assert say_number(value, "en") == english


def test_the_catalogue_says_a_too_long_text_with_its_numbers_grouped() -> None:
    assert t_in("sv", "error.text_too_long", max=20_000, length=23_999) == (
        f"Högst 20{NBSP}000 tecken (nu 23{NBSP}999)")
    assert t_in("en", "error.text_too_long", max=20_000, length=20_001) == (
        "At most 20,000 characters (now 20,001)")
    # As the command line passes them on: digits as text.
    assert format_text("{max:n} ({length:n})", {"max": "20000", "length": "200"}, "sv") == (
        f"20{NBSP}000 (200)")


def test_only_whole_numbers_are_grouped_anything_else_is_said_as_it_is() -> None:
    assert format_text("{a:n}", {"a": "20000 km"}, "sv") == "20000 km"
    assert format_text("{a:n}", {"a": "٢٠٠٠٠"}, "sv") == "٢٠٠٠٠"  # not ASCII digits
    assert format_text("{a:n} {b:n}", {"a": True, "b": 12.5}, "sv") == "True 12.5"
    assert format_text("{a} {b:gen}", {"a": 20_000, "b": "EST"}, "sv") == "20000 EST:s"
    assert format_text("{a:>6n}|{a:05d}", {"a": 42}, "en") == "    42|00042"
