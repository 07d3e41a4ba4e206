"""How a group is named on the command line, in one place for every reader: by its id, its short
name or its name in any case, else by its template id (every group of that type). Plain tuples,
no models: `actions` and `meetings` answer before pydantic is imported."""

from __future__ import annotations

from collections.abc import Iterable

#: (id, template id, short name, name) of a stored group.
GroupRow = tuple[int, str, str, str]


class UnknownGroup(LookupError):
    """`name` means no group (`known`: the short names there are) or a type's several groups
    (`several`); the command line says which in the user's language."""

    def __init__(self, name: str, known: list[str], several: list[str]) -> None:
        shown = ", ".join(several) if several else ", ".join(known)
        super().__init__(f"{name!r} is the type of several groups; name one: {shown}" if several
                         else f"no group called {name!r}; known groups: {shown}")
        self.name, self.known, self.several = name, known, several


def matching(rows: Iterable[GroupRow], name: str) -> list[int]:
    """The ids of the groups `name` may mean; more than one only for a type's several groups."""
    wanted = " ".join(name.split()).casefold()
    stored = list(rows)
    exact = [row[0] for row in stored
             if wanted in (str(row[0]), row[2].casefold(), row[3].casefold())]
    return exact or [row[0] for row in stored if row[1].casefold() == wanted]
