"""Textual's footer, rebuilt once per burst of binding changes instead of once per change.

Moving to the next agenda item changes the focus several times (the old pane goes, the new one
mounts, its table takes the focus), and Textual's footer recomposes all its keys for each: four
times per `n`, most of the key's cost after the pane itself (issue 7). This one schedules one
recompose and lets the changes that come before it runs share it.
"""

from __future__ import annotations

from textual.screen import Screen
from textual.widgets import Footer as TextualFooter


class Footer(TextualFooter):
    _recompose_pending = False

    def bindings_changed(self, screen: Screen[object]) -> None:
        # As Textual's (footer.py, 8.x), but coalesced: `_bindings_ready` lets it compose keys.
        self._bindings_ready = True
        if not screen.app.app_focus:
            return
        if self.is_attached and screen is self.screen and not self._recompose_pending:
            self._recompose_pending = True
            self.call_after_refresh(self._recompose_once)

    async def _recompose_once(self) -> None:
        self._recompose_pending = False
        await self.recompose()
