"""Groups and their members."""

from __future__ import annotations

from meetingtui.model import Group, Person
from meetingtui.store.db import Store
from meetingtui.store.rows import from_row, from_rows, to_row, update_row


def insert_group(store: Store, group: Group) -> Group:
    with store.transaction() as db:
        row_id = db.table("groups").insert(to_row(group)).last_pk
    return group.model_copy(update={"id": row_id})


def update_group(store: Store, group: Group) -> None:
    with store.transaction() as db:
        update_row(db, "groups", group)


def list_groups(store: Store) -> list[Group]:
    return from_rows(Group, store.db.query("SELECT * FROM groups ORDER BY id"))


def get_group(store: Store, group_id: int) -> Group | None:
    rows = list(store.db.query("SELECT * FROM groups WHERE id = ?", [group_id]))
    return from_row(Group, rows[0]) if rows else None


def add_member(store: Store, group_id: int, person: Person) -> Person:
    with store.transaction() as db:
        person_id = db.table("people").insert(to_row(person)).last_pk
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM group_members WHERE group_id = ?",
            [group_id],
        ).fetchone()[0]
        db.table("group_members").insert(
            {"group_id": group_id, "person_id": person_id, "position": position}
        )
    return person.model_copy(update={"id": person_id})


def update_person(store: Store, person: Person) -> None:
    with store.transaction() as db:
        update_row(db, "people", person)


def members(store: Store, group_id: int) -> list[Person]:
    return from_rows(Person, store.db.query(
        "SELECT p.* FROM people p JOIN group_members gm ON gm.person_id = p.id "
        "WHERE gm.group_id = ? ORDER BY gm.position", [group_id],
    ))
