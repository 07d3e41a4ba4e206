"""Turning models into rows and rows into models: the one place that knows the column types, and
the one way a stored row is changed (a compare-and-swap on its version, only what changed)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable, Iterable
from functools import cache
from operator import itemgetter
from typing import Any, TypeVar

from pydantic import BaseModel
from sqlite_utils import Database

from meetingtui.model import Record
from meetingtui.store.conflicts import Conflict, Gone

M = TypeVar("M", bound=BaseModel)
R = TypeVar("R", bound=Record)

# Columns holding JSON lists, and flags stored as 0/1.
_JSON_COLUMNS = {"points", "skip_months"}

__all__ = ["Conflict", "Gone", "first", "from_row", "from_rows", "insert_record", "insert_records",
           "keyed_models", "models", "read_row", "to_row", "update_record"]


def to_row(model: BaseModel, *, exclude: set[str] | None = None) -> dict[str, Any]:
    """A model as column values: enums as their value, dates as ISO text, lists as JSON."""
    row = model.model_dump(mode="json", exclude={"id", *(exclude or set())})
    for key in _JSON_COLUMNS & row.keys():
        if row[key] is not None:  # NULL stays NULL (a group's rhythm: the template's)
            row[key] = json.dumps(row[key], ensure_ascii=False)
    return row


def from_row(cls: type[M], row: dict[str, Any]) -> M:
    return cls.model_validate(_data(cls, row.items()))


def from_rows(cls: type[M], rows: Any) -> list[M]:
    return [from_row(cls, row) for row in rows]


def models(cls: type[M], db: Database | sqlite3.Connection, sql: str,
           params: Any = None) -> list[M]:
    """What a query returns as models, made straight from the cursor's tuples: a publish reads
    some 130,000 rows, and a dict per row on the way costs a tenth of it."""
    return [model for _, model in keyed_models(cls, db, sql, params)]


def keyed_models(cls: type[M], db: Database | sqlite3.Connection, sql: str, params: Any = None,
                 key: str = "") -> list[tuple[Any, M]]:
    """`models`, each with the value of the query's column ``key``, one that is no field of the
    model (what a row was read for: "for_observation"); None without a key. A column named
    twice gives the model the last one (`SELECT ms.*, … AS status`)."""
    cursor = db.execute(sql, params if params is not None else ())
    columns = tuple(column[0] for column in cursor.description)
    names, pick, json_columns = _plan(cls, columns)
    at = columns.index(key) if key else None
    validate = cls.model_validate
    found = []
    for values in cursor.fetchall():
        data = dict(zip(names, pick(values) if pick is not None else values, strict=True))
        for name in json_columns:
            if isinstance(data[name], str):
                data[name] = json.loads(data[name])
        found.append((values[at] if at is not None else None, validate(data)))
    return found


def first(cls: type[M], db: Database, sql: str, params: Any = None) -> M | None:
    """The first model a query returns, None for none."""
    found = models(cls, db, sql, params)
    return found[0] if found else None


Pick = Callable[[tuple[Any, ...]], tuple[Any, ...]]


@cache
def _plan(cls: type[BaseModel],
          columns: tuple[str, ...]) -> tuple[tuple[str, ...], Pick | None, tuple[str, ...]]:
    """A query's columns that are fields of the model (the last of a name that comes twice, as
    a dict of the row would keep), how to pick their values from a row (None: all of them, in
    order), and those of them holding JSON."""
    fields, json_columns = _columns(cls)
    last = {name: at for at, name in enumerate(columns) if name in fields}
    names = tuple(last)
    if names == columns:
        return names, None, tuple(json_columns & set(names))
    return names, _picker(tuple(last.values())), tuple(json_columns & set(names))


def _picker(at: tuple[int, ...]) -> Pick:
    """The values at ``at`` of a row, as a tuple (itemgetter gives one value bare)."""
    if len(at) > 1:
        return itemgetter(*at)
    return lambda row: tuple(row[i] for i in at)


def _data(cls: type[BaseModel], items: Iterable[tuple[str, Any]]) -> dict[str, Any]:
    """A row's columns that are the model's fields (never `deleted_at`), JSON lists parsed."""
    fields, json_columns = _columns(cls)
    data = {key: value for key, value in items if key in fields}
    for key in json_columns:
        if isinstance(data.get(key), str):
            data[key] = json.loads(data[key])
    return data


@cache
def _columns(cls: type[BaseModel]) -> tuple[frozenset[str], frozenset[str]]:
    fields = frozenset(cls.model_fields) - {"deleted_at"}
    return fields, fields & _JSON_COLUMNS


def read_row(db: Database, table: str, record_id: int) -> dict[str, Any] | None:
    cursor = db.execute(f'SELECT * FROM "{table}" WHERE id = ?', [record_id])
    values = cursor.fetchone()
    if values is None:
        return None
    return dict(zip((column[0] for column in cursor.description), values, strict=True))


def update_record(db: Database, table: str, edited: R, base: R | None = None, *,
                  only: Iterable[str] | None = None, exclude: Iterable[str] = ()) -> R:
    """Write what `edited` changed, inside the caller's transaction; return the stored row.

    With `base` (the row as the user's screen read it), the changes are the fields where
    `edited` differs from `base`, and only a field that another program also changed since,
    to something else, is a conflict: two people editing different fields of one row both keep
    their edit. Without it, the changes are the fields where `edited` differs from what is
    stored, and any of them is a conflict unless the stored version is still `edited.version`.
    `only`/`exclude` limit the fields this save may write at all (a flag that changes only on
    purpose, a status kept by triggers). Raises `Gone` for a removed row and `Conflict`.
    """
    if edited.id is None:
        raise ValueError(f"{type(edited).__name__} has no id: it was never stored")
    row = read_row(db, table, edited.id)
    if row is None or row.get("deleted_at"):
        raise Gone(table, edited.id)
    mine = to_row(edited)
    allowed = set(only) if only is not None else set(mine)
    columns = [c for c in mine if c in allowed and c != "version" and c not in set(exclude)
               and c in row]
    if base is not None:
        was = to_row(base)
        changes = {c: mine[c] for c in columns if mine[c] != was[c]}
        clashes = [c for c in changes if row[c] != was[c] and row[c] != changes[c]]
    else:
        changes = {c: mine[c] for c in columns if mine[c] != row[c]}
        clashes = list(changes) if row["version"] != edited.version else []
    if clashes:
        raise Conflict(table, edited, from_row(type(edited), row), clashes)
    changes = {c: value for c, value in changes.items() if row[c] != value}
    if changes:
        sets = ", ".join(f'"{column}" = ?' for column in changes)
        db.execute(f'UPDATE "{table}" SET {sets}, version = version + 1 WHERE id = ?',
                   [*changes.values(), edited.id])
        row.update(changes)
        row["version"] += 1
    return from_row(type(edited), row)


def insert_record(db: Database, table: str, record: R, *, exclude: set[str] | None = None,
                  versioned: bool = True) -> R:
    """Insert a record as a new row at version 1 (inside the caller's transaction); the copy
    returned carries its id. `versioned` False: a table of facts that are never edited (a
    measure's history)."""
    row = to_row(record, exclude={*(exclude or set()), *(() if versioned else ("version",))})
    if versioned:
        row["version"] = 1
    return record.model_copy(update={"id": db.table(table).insert(row).last_pk, "version": 1})


def insert_records(db: Database, table: str, records: list[R]) -> list[R]:
    return [insert_record(db, table, record) for record in records]
