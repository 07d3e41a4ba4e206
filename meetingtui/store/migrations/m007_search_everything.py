"""One search index over everything, Swedish letters kept apart (issue 15 §3)."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import migrations

# --- m007: one search index over everything, Swedish letters kept apart -------------------------

#: What the index holds, one kind of text each: (code, table, text, indexed while). The code
#: is the low three bits of the index's rowid (`id * 8 + code`); `store.search.KINDS` names
#: them. Frozen with the migration: a change is a new one.
_M007_SOURCES = (
    (1, "agenda_items", "{row}.notes", "{row}.notes != ''"),
    (2, "agenda_items", "{row}.decision", "{row}.decision != ''"),
    (3, "observations", "{row}.area || ' ' || {row}.place_detail || ' ' || {row}.category"
                        " || ' ' || {row}.description || ' ' || {row}.source",
     "{row}.deleted_at IS NULL"),
    (4, "causes", "{row}.text", "{row}.deleted_at IS NULL"),
    (5, "measures", "{row}.text || ' ' || {row}.owner || ' ' || {row}.owner_org",
     "{row}.deleted_at IS NULL"),
    (6, "measure_updates", "{row}.comment", "{row}.comment != ''"),
)
#: The columns whose change re-indexes a row (a visit to an item writes its times: no re-index).
_M007_WATCHED = {
    "agenda_items": "notes, decision",
    "observations": "area, place_detail, category, description, source, deleted_at",
    "causes": "text, deleted_at",
    "measures": "text, owner, owner_org, deleted_at",
    "measure_updates": "comment",
}
#: å, ä and ö are letters of their own in Swedish ("har" is not "här"), while the tokenizer
#: folds every diacritic away ("café" is "cafe", "Müller" "Muller"). So they are indexed as
#: private-use characters, which it leaves alone, in either case and either Unicode form
#: (composed, or a letter and a combining mark as some keyboards type them); the query is
#: written the same way (`store.search.KEPT`, which a test holds to this).
_M007_KEPT = (("a\u030a", 0xE000), ("A\u030a", 0xE000), ("a\u0308", 0xE001),
              ("A\u0308", 0xE001), ("o\u0308", 0xE002), ("O\u0308", 0xE002),
              ("å", 0xE000), ("Å", 0xE000), ("ä", 0xE001), ("Ä", 0xE001), ("ö", 0xE002),
              ("Ö", 0xE002))


def _m007_folded(text: str) -> str:
    for letters, code in _M007_KEPT:
        text = f"replace({text}, '{letters}', char({code}))"
    return text


def _m007_statements() -> list[str]:
    """The view the index is built from (and checked against), and the triggers that keep it:
    every insert, update and delete of a source row writes exactly what the view says."""
    sources = [(code, table, _m007_folded(text), when)
               for code, table, text, when in _M007_SOURCES]
    view = "\nUNION ALL ".join(
        f"SELECT id * 8 + {code} AS key, {text.format(row=table)} AS body FROM {table} "
        f"WHERE {when.format(row=table)}" for code, table, text, when in sources)
    script = [
        f"CREATE VIEW search_source AS {view}",
        "CREATE VIRTUAL TABLE search_fts USING fts5(body, content='search_source', "
        "content_rowid='key', tokenize='unicode61 remove_diacritics 2')",
    ]

    def writes(table: str, row: str, command: str) -> str:
        target = "search_fts(search_fts, rowid, body)" if command else "search_fts(rowid, body)"
        verb = f"'{command}', " if command else ""
        return "".join(
            f"INSERT INTO {target} SELECT {verb}{row}.id * 8 + {code}, {text.format(row=row)} "
            f"WHERE {when.format(row=row)};\n"
            for code, source, text, when in sources if source == table)

    for table, columns in _M007_WATCHED.items():
        script += [
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN\n"
            f"{writes(table, 'new', '')}END",
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN\n"
            f"{writes(table, 'old', 'delete')}END",
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {columns} ON {table} BEGIN\n"
            f"{writes(table, 'old', 'delete')}{writes(table, 'new', '')}END",
        ]
    script.append("INSERT INTO search_fts(search_fts) VALUES ('rebuild')")
    return script


@migrations()
def m007_search_everything(db: Database) -> None:
    """Search over everything a meeting recorded (issue 15 §3): one full-text index instead of
    the four that only the tests read.

    - It holds every item's notes and decision, every observation (area, place, category,
      description, source), cause, measure (text, owner, organisation) and follow-up comment,
      each as one row whose rowid is the source row's id times 8 plus its kind; removed rows
      (`deleted_at`) and empty texts are not in it.
    - Swedish: the tokenizer folds case and diacritics ("cafe" finds "café"), but å, ä and ö
      stay letters of their own ("har" does not find "här"; see `_M007_KEPT`).
    - Triggers keep it on every write; an item's visit (its times) no longer re-indexes it.
    """
    for table in ("agenda_items", "observations", "causes", "measures"):
        for suffix in ("ai", "ad", "au"):
            db.execute(f"DROP TRIGGER IF EXISTS {table}_{suffix}")
        db.execute(f"DROP TABLE IF EXISTS {table}_fts")
    # One statement at a time: executescript would commit the migration's transaction.
    for statement in _m007_statements():
        db.execute(statement)


