"""A person as the minutes name them: "Per Lund, Räddningstjänsten", "Anna Berg, kommunpolis,
Polisen LPO Alingsås", each part once."""

from __future__ import annotations

import re
from functools import lru_cache

from meetingtui.export.clean import one_line
from meetingtui.model import Attendance


def person_line(person: Attendance, substitute: str = "ersättare") -> str:
    """The person as the minutes name them (`_line`)."""
    return _line(person.name, person.role, person.organisation, person.substitute, substitute)


# The same people attend meeting after meeting: a publish names them some 35,000 times.
@lru_cache(maxsize=10_000)
def _line(name: str, role: str, org: str, is_substitute: bool, substitute: str) -> str:
    """"Per Lund, Räddningstjänsten", "Anna Berg, kommunpolis, Polisen LPO Alingsås": the name,
    the role when it adds something, the organisation; "(ersättare)" after a substitute.

    A part that says again what an earlier one says is left out: a member row whose name is
    still its role ("Räddningstjänst") shows it once, and a role that the organisation already
    names ("Räddningstjänst" at "Räddningstjänsten") gives way to the organisation."""
    name, role, org = one_line(name), one_line(role), one_line(org)
    if org and repeats(org, name):
        org = ""
    if role and (repeats(role, name) or (org and repeats(role, org))):
        role = ""
    if len(role) > 1 and role[0].isupper() and role[1].islower():
        role = role[0].lower() + role[1:]  # "säkerhetschef", but "SSPF-samordnare"
    line = ", ".join(part for part in (name, role, org) if part)
    return f"{line} ({substitute})" if is_substitute else line


def repeats(one: str, other: str) -> bool:
    """True when ``one`` and ``other`` name the same thing: equal but for case, or the shorter
    (four letters or more) stands at the start of a word of the longer ("Räddningstjänst" in
    "Räddningstjänsten" and in "Södra Älvsborgs Räddningstjänstförbund")."""
    a, b = sorted((one.casefold(), other.casefold()), key=len)
    if not a:
        return False
    if a == b:
        return True
    return len(a) >= 4 and re.search(rf"(?<!\w){re.escape(a)}", b) is not None
