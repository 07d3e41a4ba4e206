"""What a save can meet when another program wrote first: the row is gone, or a field it changes
was changed there too. Free of the models and of sqlite-utils, so that the UI can catch these
before either is imported."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meetingtui.model import Record


class Gone(LookupError):
    """The row was removed (by this program or another) before this save reached it."""

    def __init__(self, table: str, record_id: int) -> None:
        super().__init__(f"No row {record_id} in {table}: it was removed")
        self.table = table
        self.record_id = record_id


class Conflict(Exception):
    """Another program saved, since this one read the row, a different value in a field this
    save changes. Nothing was written; `theirs` is the row as it is stored now, `mine` what this
    save wanted, `fields` the fields where both changed."""

    def __init__(self, table: str, mine: Record, theirs: Record, fields: list[str]) -> None:
        super().__init__(f"{table} {mine.id} was changed meanwhile: {', '.join(fields)}")
        self.table = table
        self.mine = mine
        self.theirs = theirs
        self.fields = fields
