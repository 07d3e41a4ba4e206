"""How a group is named in full beside its short name (a leaf: the calendar export, which must
start without pydantic, names groups too)."""

from __future__ import annotations


def short_and_name(short: str, name: str) -> str:
    """"EST – Effektiv samordning för trygghet"; a group whose short name is its name
    ("Rättighetsnätverket") named once."""
    return short if " ".join(name.split()) == " ".join(short.split()) else f"{short} – {name}"
