"""The multi-line field of the app's notes, decisions and forms: Textual's TextArea, mended.

Undoing a paste that filled several wrapped lines (a paste ending in a line break: text copied
from a document) crashed the app with "The document line index 1 is out of bounds": the undo
puts the shorter text back before the cursor, and the wrapped view asks where the cursor is in
between (Textualize/textual#6686, fix proposed in #6687, not released in 8.2). Here the cursor's
place on screen is worked out from the nearest place that exists; the cursor itself is put
back by the undo a moment later, as without the bug.
"""

from __future__ import annotations

from textual.widgets import TextArea


class NoteArea(TextArea):
    def _recompute_cursor_offset(self) -> None:
        self._cursor_offset = self.wrapped_document.location_to_offset(
            self.clamp_visitable(self.cursor_location))
