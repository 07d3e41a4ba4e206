"""Groups and their members. A group is an instance of a template (its type); its members are
people, each a regular member or a substitute."""

from __future__ import annotations

from meetingtui.model import Group, Member, Person
from meetingtui.store.db import Store
from meetingtui.store.rows import Gone, first, insert_record, models, update_record


def insert_group(store: Store, group: Group) -> Group:
    with store.transaction() as db:
        return insert_record(db, "groups", group)


def update_group(store: Store, group: Group, base: Group | None = None) -> Group:
    with store.transaction() as db:
        return update_record(db, "groups", group, base, exclude={"template_id"})


def list_groups(store: Store, *, archived: bool = True) -> list[Group]:
    """In id order; without the archived ones unless asked for."""
    where = "" if archived else " WHERE archived = 0"
    return models(Group, store.db, f"SELECT * FROM groups{where} ORDER BY id")


def get_group(store: Store, group_id: int) -> Group | None:
    return first(Group, store.db, "SELECT * FROM groups WHERE id = ?", [group_id])


def add_member(store: Store, group_id: int, person: Person, *,
               substitute: bool = False) -> Member:
    with store.transaction() as db:
        stored = insert_record(db, "people", Person.model_validate(
            person.model_dump(include=set(Person.model_fields))))
        position = db.execute(
            "SELECT coalesce(max(position), 0) + 1 FROM group_members WHERE group_id = ?",
            [group_id],
        ).fetchone()[0]
        db.table("group_members").insert(
            {"group_id": group_id, "person_id": stored.id, "position": position,
             "substitute": int(substitute)})
    return Member.model_validate({**stored.model_dump(), "substitute": substitute})


def update_member(store: Store, group_id: int, member: Member,
                  base: Member | None = None) -> Member:
    """The person's name, role, organisation and e-mail (a save names what it read), and
    whether they are a substitute in this group."""
    assert member.id is not None
    with store.transaction() as db:
        person = update_record(db, "people", Person.model_validate(
            member.model_dump(include=set(Person.model_fields))),
            Person.model_validate(base.model_dump(include=set(Person.model_fields)))
            if base is not None else None)
        db.execute("UPDATE group_members SET substitute = ? WHERE group_id = ? "
                   "AND person_id = ?", [int(member.substitute), group_id, member.id])
    return Member.model_validate({**person.model_dump(), "substitute": member.substitute})


def remove_member(store: Store, group_id: int, person_id: int) -> None:
    """The person leaves the group (earlier meetings' attendance keeps their name)."""
    with store.transaction() as db:
        cursor = db.execute("DELETE FROM group_members WHERE group_id = ? AND person_id = ?",
                            [group_id, person_id])
        if cursor.rowcount != 1:
            raise Gone("group_members", person_id)


def update_person(store: Store, person: Person, base: Person | None = None) -> Person:
    with store.transaction() as db:
        return update_record(db, "people", person, base)


def get_person(store: Store, person_id: int) -> Person | None:
    return first(Person, store.db, "SELECT * FROM people WHERE id = ?", [person_id])


def members(store: Store, group_id: int) -> list[Member]:
    return models(Member, store.db,
        "SELECT p.*, gm.substitute FROM people p JOIN group_members gm ON gm.person_id = p.id "
        "WHERE gm.group_id = ? ORDER BY gm.position", [group_id],
    )
