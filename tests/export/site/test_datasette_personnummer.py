"""No personnummer in the public copy for Datasette (issue 17 §5): none in the demo's copy, one
planted in anything that is copied refuses the copy and writes nothing, and one in a
confidential measure is neither copied nor refused.

Datasette is not needed here: the copy is read with sqlite3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from meetingtui.export.datasette import PersonalDataInCopy
from meetingtui.personal_numbers import find_personal_numbers
from tests.export.site.datasette_helpers import (
    _cells,
    _copy_of,
    _publish,
    demo,
    published,
    swedish,
)

__all__ = ["demo", "published", "swedish"]  # fixtures, imported to apply here
PERSONNUMMER = "811218-9876"


def test_no_personnummer_stands_in_the_copy(published: tuple[Path, Path]) -> None:
    assert [cell for cell in _cells(published[0]) if find_personal_numbers(cell[2])] == []


#: Where a number is planted: (SQL on the source, the place the refusal names).
PLANTED = {
    "measure text": ("UPDATE measures SET text = text || ' (' || ? || ')' WHERE id = {m}",
                     "Åtgärder nr {m}, Åtgärd"),
    "owner": ("UPDATE measures SET owner = owner || ' ' || ? WHERE id = {m}",
              "Åtgärder nr {m}, Ansvarig"),
    "cause": ("UPDATE causes SET text = text || ' ' || ? WHERE id = {c}", "Orsaker nr {c}, Orsak"),
    "status comment": ("UPDATE measure_updates SET comment = ? WHERE id = {u}",
                       "Statushistorik nr {u}, Kommentar"),
    "group name": ("UPDATE groups SET name = name || ' ' || ? WHERE id = {g}",
                   "Grupper nr {g}, Namn"),
    "meeting place": ("UPDATE meetings SET place = ? WHERE id = {mt}", "Möten nr {mt}, Plats"),
}


@pytest.mark.parametrize("where", PLANTED)
def test_a_personnummer_in_what_is_copied_is_refused_and_nothing_written(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path], tmp_path: Path,
        where: str) -> None:
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(published[0]) as copy:  # rows that the public copy holds
        m, g, mt = copy.execute("SELECT id, group_id, meeting_id FROM measures "
                                "ORDER BY id LIMIT 1").fetchone()
        (c,) = copy.execute("SELECT min(cause_id) FROM measure_causes").fetchone()
        (u,) = copy.execute("SELECT min(id) FROM status_history").fetchone()
    copy.close()
    ids = {"m": m, "c": c, "u": u, "g": g, "mt": mt}
    sql, place = PLANTED[where]
    with sqlite3.connect(db) as conn:
        assert conn.execute(sql.format(**ids), [PERSONNUMMER]).rowcount == 1
    conn.close()
    folder = tmp_path / "site"
    with pytest.raises(PersonalDataInCopy) as refused:
        _publish(db, folder, force=True)
    message = str(refused.value)
    assert f"{place.format(**ids)}: 811218-**** (personnummer)" in message
    assert PERSONNUMMER not in message and "Inget skrevs" in message
    assert refused.value.reason == "personal_data"
    assert not folder.exists() or list(folder.iterdir()) == []


def test_a_personnummer_in_a_confidential_measure_is_not_copied_and_not_refused(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(db) as conn:
        (secret,) = conn.execute("SELECT min(id) FROM measures WHERE confidential = 1").fetchone()
        conn.execute("UPDATE measures SET text = ? WHERE id = ?", [PERSONNUMMER, secret])
    conn.close()
    copy = _publish(db, tmp_path / "site")
    assert not any(PERSONNUMMER in text for _, _, text in _cells(copy))
