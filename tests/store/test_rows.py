"""Rows into models: `models` (straight from the cursor) makes what `from_row` makes of the same
row, whatever columns a query adds, leaves out or names twice."""

from __future__ import annotations

from datetime import date

import pytest
from pydantic import BaseModel

from meetingtui.model import AgendaItem, Group, ItemKind, Meeting
from meetingtui.store.agenda_items import insert_items
from meetingtui.store.db import Store
from meetingtui.store.groups import insert_group
from meetingtui.store.meetings import insert_meeting
from meetingtui.store.rows import first, from_row, models


@pytest.fixture
def store() -> Store:
    store = Store.memory()
    group = insert_group(store, Group(short="EST", name="Effektiv samordning för trygghet",
                                      template_id="est"))
    assert group.id is not None
    meeting = insert_meeting(store, Meeting(group_id=group.id, date=date(2027, 1, 12)))
    assert meeting.id is not None
    insert_items(store, [AgendaItem(meeting_id=meeting.id, position=1, title="Lägesbild",
                                    kind=ItemKind.SITUATION, points=["Område", "Åtgärd"],
                                    notes="Anteckning\n\n- punkt")])
    return store


@pytest.mark.parametrize("sql", [
    "SELECT * FROM agenda_items",  # every field, and columns that are not (none here)
    "SELECT *, 'extra' AS something_else FROM agenda_items",  # a column that is no field
    "SELECT id, meeting_id, position, title, kind, points FROM agenda_items",  # some fields
    "SELECT 'Fel titel' AS title, * FROM agenda_items",  # a name twice: the last one counts
])
def test_models_are_what_from_row_makes(store: Store, sql: str) -> None:
    cursor = store.db.execute(sql)
    names = [column[0] for column in cursor.description]
    rows = [dict(zip(names, values, strict=True)) for values in cursor.fetchall()]
    made = models(AgendaItem, store.db, sql)
    assert made == [from_row(AgendaItem, row) for row in rows]
    assert made[0].title == "Lägesbild"
    if "points" in names:
        assert made[0].points == ["Område", "Åtgärd"]  # JSON read back as a list


class Title(BaseModel):
    title: str


def test_one_field_alone_among_other_columns(store: Store) -> None:
    made = models(Title, store.db, "SELECT 7 AS nix, title, 'x' AS other FROM agenda_items")
    assert made == [Title(title="Lägesbild")]


def test_first_is_none_for_no_row(store: Store) -> None:
    assert first(AgendaItem, store.db, "SELECT * FROM agenda_items WHERE id = ?", [999]) is None
    found = first(AgendaItem, store.db, "SELECT * FROM agenda_items")
    assert found is not None and found.notes == "Anteckning\n\n- punkt"
