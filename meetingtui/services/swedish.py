"""Names in Swedish alphabetical order, for every list that sorts people, groups or areas.

Standard library only: `meetingtui actions` and `meetingtui stats` sort with it before
anything else is imported."""

from __future__ import annotations

_SWEDISH = str.maketrans({"å": "{", "ä": "|", "æ": "|", "ö": "}", "ø": "}", "é": "e", "ü": "y"})


def swedish_order(name: str) -> tuple[str, str]:
    """A sort key that puts names as a Swedish list does: … Z, Å, Ä, Ö; case ignored."""
    return name.casefold().translate(_SWEDISH), name
