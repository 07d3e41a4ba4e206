"""Groups and their members."""

from __future__ import annotations

from meetingtui.model import Group, Person
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, insert_record, update_record


def insert_group(store: Store, group: Group) -> Group:
    with store.transaction() as db:
        return insert_record(db, "groups", group)


def update_group(store: Store, group: Group, base: Group | None = None) -> Group:
    with store.transaction() as db:
        return update_record(db, "groups", group, base)


def list_groups(store: Store) -> list[Group]:
    return from_rows(Group, store.db.query("SELECT * FROM groups ORDER BY id"))


def get_group(store: Store, group_id: int) -> Group | None:
    rows = list(store.db.query("SELECT * FROM groups WHERE id = ?", [group_id]))
    return from_row(Group, rows[0]) if rows else None


def add_member(store: Store, group_id: int, person: Person) -> Person:
    with store.transaction() as db:
        person_id = insert_record(db, "people", person).id
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM group_members WHERE group_id = ?",
            [group_id],
        ).fetchone()[0]
        db.table("group_members").insert(
            {"group_id": group_id, "person_id": person_id, "position": position}
        )
    return person.model_copy(update={"id": person_id, "version": 1})


def update_person(store: Store, person: Person, base: Person | None = None) -> Person:
    with store.transaction() as db:
        return update_record(db, "people", person, base)


def get_person(store: Store, person_id: int) -> Person | None:
    rows = list(store.db.query("SELECT * FROM people WHERE id = ?", [person_id]))
    return from_row(Person, rows[0]) if rows else None


def members(store: Store, group_id: int) -> list[Person]:
    return from_rows(Person, store.db.query(
        "SELECT p.* FROM people p JOIN group_members gm ON gm.person_id = p.id "
        "WHERE gm.group_id = ? ORDER BY gm.position", [group_id],
    ))
