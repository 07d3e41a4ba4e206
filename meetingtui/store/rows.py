"""Turning models into rows and rows into models: the one place that knows the column types."""

from __future__ import annotations

import json
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlite_utils import Database
from sqlite_utils.db import NotFoundError

from meetingtui.model import Record

M = TypeVar("M", bound=BaseModel)

# Columns holding JSON lists, and flags stored as 0/1.
_JSON_COLUMNS = {"points"}


def to_row(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    """A model as column values: enums as their value, dates as ISO text, lists as JSON."""
    row = model.model_dump(mode="json", exclude={"id", *(exclude or set())})
    for key in _JSON_COLUMNS & row.keys():
        row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def from_row(cls: type[M], row: dict[str, Any]) -> M:
    data = dict(row)
    for key in _JSON_COLUMNS & data.keys():
        if isinstance(data[key], str):
            data[key] = json.loads(data[key])
    data.pop("deleted_at", None)
    fields = cls.model_fields
    return cls.model_validate({k: v for k, v in data.items() if k in fields})


def from_rows(cls: type[M], rows: Any) -> list[M]:
    return [from_row(cls, row) for row in rows]


def update_row(db: Database, table: str, model: Record, *, exclude: set[str] | None = None) -> None:
    """Write a stored record's fields back; a record without id is a programming error."""
    if model.id is None:
        raise ValueError(f"{type(model).__name__} has no id: it was never stored")
    # A plain UPDATE: sqlite-utils' `Table.update` reads the row and the table's columns first,
    # which made each update cost about 1 ms.
    row = to_row(model, exclude=exclude)
    sets = ", ".join(f'"{column}" = ?' for column in row)
    cursor = db.execute(f'UPDATE "{table}" SET {sets} WHERE id = ?', [*row.values(), model.id])
    if cursor.rowcount != 1:
        raise NotFoundError(f"No row {model.id} in {table}")


R = TypeVar("R", bound=Record)


def insert_records(db: Database, table: str, records: list[R]) -> list[R]:
    """Insert each record (inside the caller's transaction); the copies carry their new ids."""
    return [record.model_copy(update={"id": db.table(table).insert(to_row(record)).last_pk})
            for record in records]
