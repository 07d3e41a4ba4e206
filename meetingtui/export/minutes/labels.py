"""The words the minutes are written in: Swedish or English, chosen by the template's language
(not the interface's). They stand in the catalogues with every other text (`[minutes_words]` in
meetingtui/i18n/sv.toml and en.toml): one translation mechanism.

Stored enum values are stable English (``in_progress``); the minutes show the words the
municipality uses (``pågående``). Dates are ISO in both languages, as Swedish records are.
"""

from __future__ import annotations

from datetime import date, time
from enum import StrEnum
from typing import Final

from meetingtui.i18n import catalogue
from meetingtui.model import DocumentType, GroupTemplate, Language, MeetingRecord
from meetingtui.model.templates import document_of_template

#: label key → text; enum values are keyed "<Enum>.<value>" (see `word`).
Labels = dict[str, str]

def words_in(lang: str) -> Labels:
    """The minutes' words in one language: the catalogue's `[minutes_words]` section."""
    prefix = "minutes_words."
    return {key[len(prefix):]: text for key, text in catalogue(lang).items()
            if key.startswith(prefix)}


SV: Final[Labels] = words_in("sv")
EN: Final[Labels] = words_in("en")


def language_of(record: MeetingRecord) -> Language:
    return record.template.language if record.template is not None else Language.SV


def document_of(record: MeetingRecord) -> DocumentType:
    return document_of_template(record.template)


def labels_for(record: MeetingRecord) -> Labels:
    """The labels in the language of the record's template (Swedish without one)."""
    return labels_of_template(record.template)


def labels_of_template(template: GroupTemplate | None) -> Labels:
    """The labels in the template's language (Swedish without one)."""
    return EN if template is not None and template.language is Language.EN else SV


def word(labels: Labels, value: StrEnum) -> str:
    """An enum value (trend, status, dimension, document type) in the minutes' language."""
    # A StrEnum formats as its value; `.value` is a slow descriptor, asked 300,000 times a publish.
    return labels.get(f"{type(value).__name__}.{value}", str(value))


def format_date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def format_time(labels: Labels, value: time) -> str:
    return labels["time_fmt"].format(h=value.hour, m=value.minute)


def format_span(labels: Labels, start: time | None, end: time | None) -> str:
    """"kl. 13.00–15.00" (sv) or "13:00–15:00" (en); empty when no start is known."""
    if start is None:
        return ""
    first = format_time(labels, start)
    if end is None:
        return labels["time_from"].format(start=first)
    return labels["time_range"].format(start=first, end=format_time(labels, end))
