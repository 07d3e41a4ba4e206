"""Full-text search over notes, observations, causes and measures."""

from __future__ import annotations

from dataclasses import dataclass

from meetingtui.store.db import Store


@dataclass(frozen=True)
class Hit:
    kind: str  # "item", "observation", "cause" or "measure"
    id: int
    meeting_id: int
    text: str


_QUERIES = {
    "item": "SELECT a.id, a.meeting_id, a.title || ': ' || a.notes FROM agenda_items a "
            "JOIN agenda_items_fts f ON f.rowid = a.id WHERE agenda_items_fts MATCH ?",
    "observation": "SELECT o.id, o.meeting_id, o.area || ': ' || o.description "
                   "FROM observations o JOIN observations_fts f ON f.rowid = o.id "
                   "WHERE observations_fts MATCH ? AND o.deleted_at IS NULL",
    "cause": "SELECT c.id, o.meeting_id, c.text FROM causes c "
             "JOIN observations o ON o.id = c.observation_id "
             "JOIN causes_fts f ON f.rowid = c.id WHERE causes_fts MATCH ? "
             "AND c.deleted_at IS NULL",
    "measure": "SELECT m.id, m.meeting_id, m.text FROM measures m "
               "JOIN measures_fts f ON f.rowid = m.id WHERE measures_fts MATCH ? "
               "AND m.deleted_at IS NULL",
}


def search(store: Store, words: str, limit: int = 50) -> list[Hit]:
    """Every word must occur; words are quoted so that user input is never FTS syntax."""
    terms = " ".join('"' + w.replace('"', '""') + '"' for w in words.split())
    if not terms:
        return []
    hits: list[Hit] = []
    for kind, sql in _QUERIES.items():
        for row in store.db.execute(sql + f" LIMIT {int(limit)}", [terms]).fetchall():
            hits.append(Hit(kind, row[0], row[1], row[2]))
    return hits[:limit]
