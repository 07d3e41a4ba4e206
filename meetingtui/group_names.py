"""How a group is named in full beside its short name (a leaf: the calendar export, which must
start without pydantic, names groups too)."""

from __future__ import annotations


def short_and_name(short: str, name: str) -> str:
    """"EST – Effektiv samordning för trygghet"; a group whose name begins with its short name
    named once ("Rättighetsnätverket", "Styrgrupp (Strategiskt råd)")."""
    first, rest = name_parts(short, name)
    return f"{first} – {rest}" if rest else first


def name_parts(short: str, name: str) -> tuple[str, str]:
    """`short_and_name` in its two parts: what names the group at a glance (a link to it) and
    what follows the dash, "" when its name alone names it."""
    plain_short, plain_name = " ".join(short.split()), " ".join(name.split())
    if plain_name.casefold().startswith(plain_short.casefold()):
        return plain_name, ""
    return short, name
