"""The command palette (ctrl+p): every action of the screen in front, by its name."""

from __future__ import annotations

import re
from collections.abc import Callable

from textual.command import DiscoveryHit, Hit, Hits, Provider

Command = tuple[str, Callable[[], object], str]


class ScreenCommands(Provider):
    """Asks the active screen for `palette_commands()`: (name, callback, help) triples."""

    def _commands(self) -> list[Command]:
        getter: Callable[[], list[Command]] | None = getattr(
            self.screen, "palette_commands", None)
        return getter() if getter is not None else []

    async def discover(self) -> Hits:
        for name, callback, help_text in self._commands():
            yield DiscoveryHit(name, callback, help=help_text or None)

    async def search(self, query: str) -> Hits:
        """By the name, letters in order ("avsm": "Avsluta mötet"); then by a word of the help
        that begins as typed, below every name that matched: a chair looking for the close
        types "stäng" ("Stänger mötet: …")."""
        matcher = self.matcher(query)
        typed = query.strip().casefold()
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text or None)
            elif typed and any(word.startswith(typed)
                               for word in _WORD.findall(help_text.casefold())):
                yield Hit(0.01, name, callback, help=help_text)


_WORD = re.compile(r"\w+")
