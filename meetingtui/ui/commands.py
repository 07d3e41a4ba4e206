"""The command palette (ctrl+p): every action of the screen in front, by its name."""

from __future__ import annotations

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
        matcher = self.matcher(query)
        for name, callback, help_text in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text or None)
