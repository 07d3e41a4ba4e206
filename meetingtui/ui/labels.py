"""Enum values as the UI names them, from the catalogue."""

from __future__ import annotations

from enum import StrEnum
from typing import TypeVar

from meetingtui.i18n import t

E = TypeVar("E", bound=StrEnum)


def label(value: StrEnum) -> str:
    return t(f"enum.{type(value).__name__}.{value.value}")


def options(enum: type[E]) -> list[tuple[str, E]]:
    return [(label(value), value) for value in enum]
