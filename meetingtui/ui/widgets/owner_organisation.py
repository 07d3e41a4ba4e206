"""In a form with an owner (ansvarig) and an organisation: the organisation of someone the
meeting knows follows their name as it is typed or taken from the suggestions, so that a
measure given to "Maria Öberg" stands on her organisation's list too (the action lists and the
published site group measures by organisation). An organisation typed by hand is never
replaced; one filled in this way goes again when the name changes to someone unknown."""

from __future__ import annotations

from collections.abc import Mapping

from textual.widgets import Input


def _key(name: str) -> str:
    return " ".join(name.split()).casefold()


class OwnerOrganisation:
    def __init__(self, known: Mapping[str, str], owner: str = "") -> None:
        """``known``: a name or role, and the organisation known for it (`known_people`);
        ``owner``: the name the form opened with (its organisation is as it was stored)."""
        self.known = {_key(name): organisation for name, organisation in known.items()
                      if organisation}
        self.owner = owner
        self.filled = ""  # what this filled in, and the field still holds

    def follow(self, owner: str, organisation: Input) -> None:
        """``organisation`` as known for ``owner``, unless it holds what the user typed. The
        name as the form opened changes nothing (an Input says its first value too)."""
        if owner == self.owner:
            return
        self.owner = owner
        if organisation.value not in ("", self.filled):
            return
        self.filled = self.known.get(_key(owner), "")
        if organisation.value != self.filled:
            organisation.value = self.filled
