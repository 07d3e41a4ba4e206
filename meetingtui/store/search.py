"""Full-text search over everything a meeting recorded: the query behind `services.search`.

One FTS5 index (`search_fts`, schema 7) holds every item's notes and decision, every
observation, cause, measure and follow-up comment; its rowid is the source row's id times 8
plus the kind's code (`KINDS`). Removed rows are not in it. bm25 ranks what matches; the
newest meeting comes first among equals.

Swedish: the index folds case and diacritics, so "cafe" finds "café" and "muller" "Müller",
but å, ä and ö are letters of their own and are never folded: "har" does not find "här", nor
"for" "för". They are written as private-use characters in the index and in the query alike
(`KEPT`), which the tokenizer leaves as they are. Nothing is folded into them either, so no
exact spelling needs ranking above a folded one.

Only the standard library's sqlite3 is used here, on any connection, so that `meetingtui
search` starts without sqlite-utils or pydantic.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date
from typing import Any, NamedTuple

#: The kinds of text in the index, by code (1 …): the rowid's low three bits.
KINDS = ("notes", "decision", "observation", "cause", "measure", "comment")
MAX_WORDS = 12

#: å, ä and ö (either case) as the index holds them: m007's `_M007_KEPT`, which a test holds
#: this to. The query is NFC-normalised first, so their decomposed forms need no entry here.
KEPT = str.maketrans({"å": "\ue000", "Å": "\ue000", "ä": "\ue001", "Ä": "\ue001",
                      "ö": "\ue002", "Ö": "\ue002"})

# A word as the tokenizer (unicode61) sees one: letters, digits and private-use characters;
# everything else, "_" too, separates words.
_WORD = re.compile(r"(?:[^\W_]|[\ue000-\uf8ff])+")


def tokens(text: str) -> list[str]:
    """The words of `text` as the index reads them, å, ä and ö kept apart."""
    return _WORD.findall(unicodedata.normalize("NFC", text).translate(KEPT))


def match_expression(query: str) -> str | None:
    """What the user typed as an FTS5 query in which every word must occur, each as the
    beginning of a word ("klott" finds "klotter"); None when it holds no word.

    User input is never FTS syntax: every word is quoted, so quotes, `*`, `-`, `NEAR`, `OR`
    and parentheses are text. A word the tokenizer splits ("e-post") is one phrase. The first
    `MAX_WORDS` different words count: a text pasted whole would take minutes to search.
    """
    phrases: dict[str, None] = {}
    for word in query.split():
        parts = tokens(word)
        if parts:
            phrases['"' + " ".join(parts).lower() + '"*'] = None
            if len(phrases) == MAX_WORDS:
                break
    return " AND ".join(phrases) if phrases else None


class Found(NamedTuple):
    """One hit, before its texts are read: what the ranking and the filters needed."""

    kind: str
    row_id: int
    meeting_id: int
    meeting_date: str
    group_id: int
    confidential: bool


# Each kind's rows that match, with their meeting and whether they are confidential. A carried
# observation is one problem that several meetings show in the same words: only its newest
# appearance within the filters is a hit.
_HITS = """
SELECT 1 AS code, a.id AS row_id, a.meeting_id, a.confidential AS secret, f.rank
  FROM found f JOIN agenda_items a ON a.id = f.key >> 3 WHERE f.key & 7 = 1
UNION ALL
SELECT 2, a.id, a.meeting_id, a.confidential, f.rank
  FROM found f JOIN agenda_items a ON a.id = f.key >> 3 WHERE f.key & 7 = 2
UNION ALL
SELECT 3, o.id, o.meeting_id, o.confidential, f.rank
  FROM found f JOIN observations o ON o.id = f.key >> 3
 WHERE f.key & 7 = 3 AND o.deleted_at IS NULL AND NOT EXISTS (
       SELECT 1 FROM observations n CROSS JOIN meetings nt ON nt.id = n.meeting_id
        WHERE n.problem_id = o.problem_id AND n.id != o.id AND n.deleted_at IS NULL
          AND (nt.date, n.id) > ((SELECT date FROM meetings WHERE id = o.meeting_id), o.id)
          AND {later} AND {same})
UNION ALL
SELECT 4, c.id, o.meeting_id, o.confidential, f.rank
  FROM found f JOIN causes c ON c.id = f.key >> 3 JOIN observations o ON o.id = c.observation_id
 WHERE f.key & 7 = 4 AND c.deleted_at IS NULL AND o.deleted_at IS NULL
UNION ALL
SELECT 5, m.id, m.meeting_id, {measure_secret}, f.rank
  FROM found f JOIN measures m ON m.id = f.key >> 3
 WHERE f.key & 7 = 5 AND m.deleted_at IS NULL
UNION ALL
SELECT 6, u.id, coalesce(u.meeting_id, m.meeting_id), {measure_secret}, f.rank
  FROM found f JOIN measure_updates u ON u.id = f.key >> 3 JOIN measures m ON m.id = u.measure_id
 WHERE f.key & 7 = 6 AND m.deleted_at IS NULL
"""
#: An observation `n` that shows `o` in the same words.
SAME_WORDS = " AND ".join(f"n.{column} = o.{column}" for column in (
    "description", "area", "place_detail", "category", "source"))
# A measure is confidential as the action list judges it (`actions --public`): its own flag,
# which the services keep in step with its problem's; and, should a file written otherwise
# say less, when the observation it was decided on is.
_MEASURE_SECRET = ("(m.confidential OR coalesce("
                   "(SELECT so.confidential FROM observations so WHERE so.id = m.observation_id),"
                   " 0))")

# `found` is read by every kind: SQLite (3.35 on) keeps it as a table, not matched six times.
_SEARCH = """
WITH found(key, rank) AS (
    SELECT rowid, bm25(search_fts) FROM search_fts WHERE search_fts MATCH :match
)
SELECT h.code, h.row_id, h.meeting_id, mt.date, mt.group_id, h.secret, count(*) OVER ()
  FROM ({hits}) h JOIN meetings mt ON mt.id = h.meeting_id
 WHERE {where}
 ORDER BY h.rank, mt.date DESC, h.code, h.row_id DESC
 LIMIT :limit
"""


class Filters(NamedTuple):
    """What a search is limited to, resolved to what is stored."""

    group_id: int | None = None
    since: date | None = None  # meetings on or after this day
    until: date | None = None  # meetings on or before this day
    public: bool = False  # leave confidential hits out
    limit: int = 50


ANY = Filters()


def find(conn: sqlite3.Connection, query: str,
         filters: Filters = ANY) -> tuple[list[Found], int]:
    """The best hits for `query` (at most `filters.limit`), and how many there are in all."""
    match = match_expression(query)
    if match is None or filters.limit <= 0:
        return [], 0
    params: dict[str, Any] = {"match": match, "limit": filters.limit}
    where = _meeting_filters(filters, "mt", params)
    later = _meeting_filters(filters, "nt", params)
    if filters.public:
        where.append("NOT h.secret")
    hits = _HITS.format(measure_secret=_MEASURE_SECRET, same=SAME_WORDS,
                        later=" AND ".join(later or ["1"]))
    sql = _SEARCH.format(hits=hits, where=" AND ".join(where or ["1"]))
    cursor = conn.cursor()
    cursor.row_factory = None
    rows = cursor.execute(sql, params).fetchall()
    found = [Found(KINDS[code - 1], row_id, meeting_id, day, group_id, bool(secret))
             for code, row_id, meeting_id, day, group_id, secret, _ in rows]
    return found, rows[0][-1] if rows else 0


def _meeting_filters(filters: Filters, meeting: str, params: dict[str, Any]) -> list[str]:
    """The conditions on the meeting `meeting` (an alias of `meetings`) that `filters` make."""
    where = []
    if filters.group_id is not None:
        where.append(f"{meeting}.group_id = :group_id")
        params["group_id"] = filters.group_id
    if filters.since is not None:
        where.append(f"{meeting}.date >= :since")
        params["since"] = filters.since.isoformat()
    if filters.until is not None:
        where.append(f"{meeting}.date <= :until")
        params["until"] = filters.until.isoformat()
    return where


class Texts(NamedTuple):
    """What a hit shows: the text that matched, what it is about, and the item it stands under
    with the row to select there (`item_id` None: the meeting has no item that shows it)."""

    text: str
    context: str
    item_id: int | None
    item_position: int | None
    item_title: str
    row: int | None


# The items a hit opens on, in order of preference: its own for notes and decisions, else the
# meeting's first item of a kind that shows the row (a measure's action plan; a comment's
# follow-up).
_ITEM_KINDS = {"observation": ("situation",), "cause": ("situation",),
               "measure": ("actions", "situation"), "comment": ("followup", "actions")}

# Each kind's texts: the text, then what it is about (joined with " · "), then the rows the
# items of `_ITEM_KINDS` list it under (the lägesbild lists observations, the action plan and
# the follow-up measures).
_TEXT = {
    "notes": ("SELECT notes FROM agenda_items WHERE id = ?", 0),
    "decision": ("SELECT decision FROM agenda_items WHERE id = ?", 0),
    "observation": ("SELECT description, area, place_detail, category, source, id "
                    "FROM observations WHERE id = ?", 4),
    "cause": ("SELECT c.text, o.area, o.place_detail, o.description, o.id FROM causes c "
              "JOIN observations o ON o.id = c.observation_id WHERE c.id = ?", 3),
    "measure": ("SELECT m.text, m.owner, m.owner_org, coalesce(o.area, ''), m.id, "
                "m.observation_id FROM measures m "
                "LEFT JOIN observations o ON o.id = m.observation_id WHERE m.id = ?", 3),
    "comment": ("SELECT u.comment, m.text, m.id, m.id FROM measure_updates u "
                "JOIN measures m ON m.id = u.measure_id WHERE u.id = ?", 1),
}


def texts(conn: sqlite3.Connection, hit: Found) -> Texts:
    """The texts of one hit (a few primary-key look-ups: only for the hits shown)."""
    cursor = conn.cursor()
    cursor.row_factory = None
    sql, about = _TEXT[hit.kind]
    row = cursor.execute(sql, [hit.row_id]).fetchone()
    if row is None:  # removed since it was found: another program, between two queries
        return Texts("", "", None, None, "", None)
    text, context = row[0], " · ".join(part for part in row[1:1 + about] if part)
    rows = row[1 + about:]
    if hit.kind in ("notes", "decision"):
        item = cursor.execute("SELECT id, position, title FROM agenda_items WHERE id = ?",
                              [hit.row_id]).fetchone()
        if item is not None:
            return Texts(text, context, item[0], item[1], item[2], None)
    for kind, shown in zip(_ITEM_KINDS.get(hit.kind, ()), rows, strict=True):
        item = cursor.execute(
            "SELECT id, position, title FROM agenda_items WHERE meeting_id = ? AND kind = ? "
            "ORDER BY position LIMIT 1", [hit.meeting_id, kind]).fetchone()
        if item is not None:
            return Texts(text, context, item[0], item[1], item[2], shown)
    return Texts(text, context, None, None, "", None)


def groups(conn: sqlite3.Connection) -> dict[int, str]:
    """Every group's short name by id."""
    return {group_id: short for group_id, short in conn.execute("SELECT id, short FROM groups")}
