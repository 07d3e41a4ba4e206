"""Both catalogues say the same things, and the texts the issue names are right in Swedish."""

from __future__ import annotations

import re

import pytest

from meetingtui.i18n import catalogue, default_language
from meetingtui.model import (
    Controller,
    Dimension,
    MeasureStatus,
    MeasureType,
    ObservationStatus,
    Presence,
    Trend,
)


def test_sv_and_en_have_the_same_keys() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    assert set(sv) == set(en)
    assert len(sv) > 150


def test_both_use_the_same_placeholders() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    for key in sv:
        said, english = (set(re.findall(r"{(\w+)(?:[!:][^}]*)?}", text))
                         for text in (sv[key], en[key]))
        if key.startswith("click."):  # click's own fields: Swedish may leave an English one out
            assert said <= english, key
        else:
            assert said == english, key


def test_every_enum_value_has_a_label() -> None:
    sv = catalogue("sv")
    for enum in (Trend, Dimension, Controller, MeasureStatus, MeasureType, Presence,
                 ObservationStatus):
        for value in enum:
            assert f"enum.{enum.__name__}.{value.value}" in sv


def test_swedish_words() -> None:
    sv = catalogue("sv")
    assert sv["measure.owner"] == "Ansvarig"
    assert sv["measure.due"] == "Klart senast"
    assert sv["measure.text"] == "Åtgärd"
    assert sv["cause.text"] == "Orsak"
    assert sv["attendance.presence"] == "Närvaro"
    assert sv["error.owner_missing"] == "Varje åtgärd behöver en ansvarig"
    assert sv["error.date"] == "Ange ett datum, t.ex. 2026-12-01, 1/12, 1 dec eller idag"


@pytest.mark.parametrize(("env", "expected"), [
    ({"MEETINGTUI_LANG": "en"}, "en"), ({"MEETINGTUI_LANG": "sv", "LANG": "en_GB.UTF-8"}, "sv"),
    ({"LANG": "en_US.UTF-8"}, "en"), ({"LANG": "sv_SE.UTF-8"}, "sv"), ({"LANG": "de_DE"}, "sv"),
])
def test_default_language(monkeypatch: pytest.MonkeyPatch, env: dict[str, str],
                          expected: str) -> None:
    for name in ("MEETINGTUI_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    assert default_language() == expected
