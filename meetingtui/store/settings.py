"""Small settings kept in the database (municipality name, theme), so one file is the state."""

from __future__ import annotations

from meetingtui.store.db import Store


def get_setting(store: Store, key: str, default: str = "") -> str:
    row = store.conn.execute("SELECT value FROM settings WHERE key = ?", [key]).fetchone()
    return str(row[0]) if row else default


def set_setting(store: Store, key: str, value: str) -> None:
    with store.transaction() as db:
        db.execute(
            "INSERT INTO settings (key, value) VALUES (?, ?) "
            "ON CONFLICT (key) DO UPDATE SET value = excluded.value", [key, value],
        )
