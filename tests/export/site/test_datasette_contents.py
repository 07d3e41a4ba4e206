"""The public copy for Datasette (issue 17 §5) holds every public measure and nothing
confidential: no confidential text of the demo, no confidential measure, and no measure tied to
a confidential observation even when the file marks it public.

Datasette is not needed here: the copy is read with sqlite3.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from tests.export.site.datasette_helpers import (
    STATUS_SV,
    _cells,
    _cli_json,
    _copy_of,
    _publish,
    demo,
    published,
    swedish,
)

__all__ = ["demo", "published", "swedish"]  # fixtures, imported to apply here


def _secrets(db: Path) -> set[str]:
    """Every confidential text of the source: confidential observations (description, place;
    not area, category or source, words any row may hold), their causes and measures,
    confidential measures and their status comments, the notes and decisions of confidential
    agenda items; less those that also stand in a public row (the demo gives a confidential
    measure a public one's words, and a confidential observation a place a public measure
    names)."""
    kinds = {
        "observation": (
            "SELECT description, place_detail, confidential FROM observations", 2),
        "cause": ("SELECT c.text, o.confidential FROM causes c "
                  "JOIN observations o ON o.id = c.observation_id", 1),
        "measure": ("SELECT m.text, m.confidential OR coalesce(o.confidential, 0) FROM measures m "
                    "LEFT JOIN observations o ON o.id = m.observation_id", 1),
        "comment": ("SELECT u.comment, m.confidential FROM measure_updates u "
                    "JOIN measures m ON m.id = u.measure_id", 1),
        "item": ("SELECT notes, decision, confidential FROM agenda_items", 2),
    }
    hidden: set[str] = set()
    shown: set[str] = set()
    with sqlite3.connect(db) as conn:
        for sql, width in kinds.values():
            for row in conn.execute(sql):
                texts = {text for text in row[:width] if text and len(text) > 3}
                (hidden if row[width] else shown).update(texts)
    conn.close()
    public = "\n".join(shown)
    return {text for text in hidden if text not in public}


def test_the_copy_holds_none_of_the_demos_confidential_texts(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path]) -> None:
    secrets = _secrets(demo[0])
    assert len(secrets) >= 5  # the demo has confidential problems, measures and comments
    cells = list(_cells(published[0]))
    assert len(cells) > 1000
    for table, column, text in cells:
        leaked = [secret for secret in secrets if secret in text]
        assert not leaked, f"{table}.{column}: {leaked}"


def test_the_copy_holds_every_public_measure_and_no_other(
        demo: tuple[Path, str, int, int], published: tuple[Path, Path]) -> None:
    listed = _cli_json(demo[0], "--status", "all")
    with sqlite3.connect(published[0]) as conn:
        copied = {row[0]: row[1:] for row in conn.execute(
            "SELECT id, text, owner, owner_org, due, status FROM measures")}
        history = conn.execute("SELECT count(*) FROM status_history").fetchone()[0]
        tables = {row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table'")}
    conn.close()
    assert copied == {row["id"]: (row["text"], row["owner"], row["owner_org"], row["due"],
                                  STATUS_SV[row["status"]]) for row in listed}
    assert len(copied) > 100 and history >= len(copied)
    assert tables == {"groups", "meetings", "measures", "causes", "measure_causes",
                      "status_history"}
    with sqlite3.connect(demo[0]) as source:
        hidden = {row[0] for row in source.execute(
            "SELECT id FROM measures WHERE confidential = 1")}
    source.close()
    assert hidden and not hidden & copied.keys()


def test_a_measure_tied_to_a_confidential_observation_is_left_out_even_if_marked_public(
        demo: tuple[Path, str, int, int], tmp_path: Path) -> None:
    """The services keep such measures confidential; a file changed by hand or by an older
    program may not have them so, and the copy does not rely on it."""
    db = _copy_of(demo[0], tmp_path / "db.sqlite")
    with sqlite3.connect(db) as conn:
        (by_observation,) = conn.execute(
            "SELECT min(m.id) FROM measures m JOIN observations o ON o.id = m.observation_id "
            "WHERE o.confidential = 1").fetchone()
        by_cause, secret_cause = conn.execute(
            "SELECT min(m.id), (SELECT min(c.id) FROM causes c JOIN observations o "
            "ON o.id = c.observation_id WHERE o.confidential = 1) "
            "FROM measures m WHERE m.confidential = 0 AND m.observation_id IS NOT NULL"
        ).fetchone()
        # Public, and addressing none of the observation's causes: only the observation is left.
        conn.execute("UPDATE measures SET confidential = 0, cause_id = NULL, deleted_at = NULL, "
                     "proposal = '' WHERE id = ?", [by_observation])
        conn.execute("DELETE FROM measure_causes WHERE measure_id = ?", [by_observation])
        conn.execute("INSERT INTO measure_causes (measure_id, cause_id) VALUES (?, ?)",
                     [by_cause, secret_cause])
    conn.close()
    copy = _publish(db, tmp_path / "site")
    with sqlite3.connect(copy) as conn:
        copied = {row[0] for row in conn.execute("SELECT id FROM measures")}
        causes = {row[0] for row in conn.execute("SELECT id FROM causes")}
    conn.close()
    assert by_observation not in copied and by_cause not in copied
    assert secret_cause not in causes and len(copied) > 100
