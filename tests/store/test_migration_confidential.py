"""Migration 2 repairs files of schema 1: measures (and carried copies) of an observation marked
confidential after they were recorded were left public, so the next meeting's public minutes
and `actions --public` showed them. Checked on the released schema-1 fixture."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from meetingtui.store.db import Store
from tests.paths import FIXTURES

FIXTURE = FIXTURES / "schema-v1.db"


def _flags(db: Path, table: str) -> dict[int, int]:
    conn = sqlite3.connect(db)
    try:
        return dict(conn.execute(f"SELECT id, confidential FROM {table}"))
    finally:
        conn.close()


@pytest.fixture
def old_file(tmp_path: Path) -> Path:
    """The schema-1 fixture plus a measure tied only to the confidential observation's cause,
    left public as schema 1 allowed."""
    db = tmp_path / "meetingtui.db"
    shutil.copy(FIXTURE, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("INSERT INTO measures (id, meeting_id, observation_id, cause_id, text, "
                     "owner, owner_org, due, type, confidential) VALUES (3, 2, NULL, 2, "
                     "'Kameraövervakning utreds', 'Åsa Öberg', 'Kommunen', '2027-01-15', "
                     "'situational', 0)")
    conn.close()
    return db


def test_measures_follow_their_confidential_observation(old_file: Path) -> None:
    conn = sqlite3.connect(old_file)
    with conn:  # observation 1 made confidential after measure 1 and its copy 2 existed
        conn.execute("UPDATE observations SET confidential = 1 WHERE id = 1")
    conn.close()
    assert _flags(old_file, "measures") == {1: 0, 2: 1, 3: 0}
    assert _flags(old_file, "observations") == {1: 1, 2: 0, 3: 1, 4: 0}

    Store.open(old_file).close()

    assert _flags(old_file, "measures") == {1: 1, 2: 1, 3: 1}  # 3 through its cause
    assert _flags(old_file, "observations") == {1: 1, 2: 1, 3: 1, 4: 0}  # the copy follows


def test_a_confidential_copy_takes_the_measures_of_what_it_was_carried_from(
        old_file: Path) -> None:
    conn = sqlite3.connect(old_file)
    with conn:  # only the November copy is confidential: October's measure is followed up
        conn.execute("UPDATE observations SET confidential = 1 WHERE id = 2")  # beside it
    conn.close()

    Store.open(old_file).close()

    assert _flags(old_file, "measures") == {1: 1, 2: 1, 3: 1}
    # Since schema 4 a problem is confidential as a whole: October's original follows its
    # copy, and October's minutes (a closed meeting) say so in an amendment.
    assert _flags(old_file, "observations") == {1: 1, 2: 1, 3: 1, 4: 0}
    conn = sqlite3.connect(old_file)
    try:
        amendments = conn.execute(
            "SELECT a.meeting_id, a.new, a.why FROM amendments a JOIN observations o "
            "ON o.meeting_id = a.meeting_id WHERE o.id = 1 AND a.new = 'Sekretess'").fetchall()
    finally:
        conn.close()
    assert len(amendments) == 1 and "hela problemet" in amendments[0][2]


def test_only_what_a_confidential_observation_ties_changes(old_file: Path) -> None:
    Store.open(old_file).close()
    assert _flags(old_file, "measures") == {1: 0, 2: 1, 3: 1}
    assert _flags(old_file, "observations") == {1: 0, 2: 0, 3: 1, 4: 0}
