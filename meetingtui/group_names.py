"""How a group is named in full beside its short name (a leaf: the calendar export, which must
start without pydantic, names groups too)."""

from __future__ import annotations


def short_and_name(short: str, name: str) -> str:
    """"EST – Effektiv samordning för trygghet"; a group whose name begins with its short name
    named once ("Rättighetsnätverket", "Styrgrupp (Strategiskt råd)")."""
    plain_short, plain_name = " ".join(short.split()), " ".join(name.split())
    if plain_name.casefold().startswith(plain_short.casefold()):
        return plain_name
    return f"{short} – {name}"
