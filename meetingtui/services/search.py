"""Search everything the meetings recorded: notes, decisions, observations, causes, measures and
follow-up comments, across all meetings and groups, best match first.

`search(ws, query, filters)` serves the app; `read_search(db_path, query, filters)` serves
`meetingtui search`, reading the file directly when it can (as `actions` does), so that the
command starts without sqlite-utils, pydantic or the templates. Both return the same `Hit`s.

Matching (`store.search`): every word must occur, each as the beginning of a word ("klott"
finds "klotter"), in any case; other accents are folded ("cafe" finds "café"), but å, ä and ö
are letters of their own ("har" never finds "här"). `marks` finds the matching words in a
text the same way, for the highlighting. What the user types is text, never FTS syntax.

Confidentiality: a hit in a confidential item, problem or measure is `confidential` (shown as
SEKRETESS); with `public` such hits are left out altogether, and every personnummer in what is
shown is masked, as in the public minutes.
"""

from __future__ import annotations

import re
import sqlite3
import unicodedata
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from meetingtui.services.group_names import UnknownGroup
from meetingtui.store import actions as action_rows
from meetingtui.store import search as search_rows
from meetingtui.store.reading import reading

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

LIMIT = 50

# A word in a text as it is shown: letters and digits, with any combining accent typed apart.
_WORD = re.compile(r"(?:[^\W_]|[\u0300-\u036f])+")


class SearchFilters(NamedTuple):
    group: str | None = None  # a group's id, short name or name, or its type's id
    since: date | None = None  # meetings on or after this day
    until: date | None = None  # meetings on or before this day
    public: bool = False  # leave confidential hits out; mask personnummer
    limit: int = LIMIT


class Hit(NamedTuple):
    """One text that matched, and where it stands: the meeting, the item (its § and title;
    None when the meeting has no item that shows it) and the row to select there."""

    kind: str  # notes | decision | observation | cause | measure | comment
    id: int  # the row's own id in its table
    meeting_id: int
    meeting_date: date
    group_short: str
    item_id: int | None
    item_position: int | None
    item_title: str
    text: str
    context: str  # what the text is about: a cause's observation, a comment's measure …
    confidential: bool
    row: int | None  # the id of the row to select in the item's table


class SearchResult(NamedTuple):
    query: str
    words: list[str]  # the query's words as `marks` compares them
    hits: list[Hit]
    total: int  # every hit that passed the filters, of which `hits` are the best


EVERYTHING = SearchFilters()


def search(ws: Workspace, query: str, filters: SearchFilters = EVERYTHING) -> SearchResult:
    return _search(ws.store.conn, query, filters)


def read_search(db_path: Path, query: str,
                filters: SearchFilters = EVERYTHING) -> SearchResult:
    """The search from a database file, read-only when it is of the current schema; otherwise
    through `Store.open` (which migrates an older file, or refuses it, in plain words)."""
    with reading(db_path) as conn:
        return _search(conn, query, filters)


def _search(conn: sqlite3.Connection, query: str, filters: SearchFilters) -> SearchResult:
    try:
        group_id = None if filters.group is None else _group_id(conn, filters.group)
        stored = search_rows.Filters(group_id, filters.since, filters.until, filters.public,
                                     filters.limit)
        found, total = search_rows.find(conn, query, stored)
        shorts = search_rows.groups(conn)
        hits = [_hit(found_hit, search_rows.texts(conn, found_hit), shorts, filters.public)
                for found_hit in found]
    except sqlite3.Error as error:
        from meetingtui.store.db import explain

        raise explain(error, None) from error
    return SearchResult(_masked(query) if filters.public else query, words(query), hits, total)


def _group_id(conn: sqlite3.Connection, name: str) -> int:
    """A group as every command names one (`group_names.matching`), archived ones too: their
    meetings are searched as well."""
    from meetingtui.services.group_names import matching

    known = action_rows.groups(conn)
    found = matching(known, name)
    if len(found) == 1:
        return found[0]
    shorts = {group_id: short for group_id, _, short, _ in known}
    raise UnknownGroup(name, list(shorts.values()), [shorts[group_id] for group_id in found])


def _hit(found: search_rows.Found, texts: search_rows.Texts, shorts: dict[int, str],
         public: bool) -> Hit:
    shown = _masked if public else str
    return Hit(found.kind, found.row_id, found.meeting_id, date.fromisoformat(found.meeting_date),
               shown(shorts.get(found.group_id, "")), texts.item_id, texts.item_position,
               shown(texts.item_title), shown(texts.text), shown(texts.context),
               found.confidential, texts.row)


def _masked(text: str) -> str:
    from meetingtui.personal_numbers import mask_personal_numbers

    return mask_personal_numbers(text)


def where(hit: Hit) -> str:
    """The meeting and item a hit stands in: "2026-11-10 EST § 9 Beslut om åtgärder"."""
    item = f" § {hit.item_position} {hit.item_title}" if hit.item_position is not None else ""
    return f"{hit.meeting_date.isoformat()} {hit.group_short}{item}"


# --- the matching words, for the highlighting --------------------------------------------------

def _folded(word: str) -> str:
    """A word as the index compares it: in lower case, accents off, but å, ä and ö kept."""
    if word.isascii():  # most words: nothing to fold but the case
        return word.lower()
    kept = unicodedata.normalize("NFC", word).translate(search_rows.KEPT)
    bare = "".join(char for char in unicodedata.normalize("NFD", kept)
                   if not unicodedata.combining(char))
    return bare.lower()


def words(query: str) -> list[str]:
    """The words of a query, folded as `marks` compares them, each once."""
    return list(dict.fromkeys(_folded(word) for word in search_rows.tokens(query)))


def marks(text: str, query_words: list[str]) -> list[tuple[int, int]]:
    """Where the words of `text` that a query's word begins stand: (start, end) offsets in
    `text`, in order, each a whole word ("klott" marks "klotterpolicy")."""
    if not query_words:
        return []
    return [(found.start(), found.end()) for found in _WORD.finditer(text)
            if _folded(found.group()).startswith(tuple(query_words))]


def excerpt(text: str, query_words: list[str], width: int) -> tuple[str, list[tuple[int, int]]]:
    """`text` on one line of at most `width` characters, from a little before its first match
    when that stands further on (… where it is cut), and the marks in it."""
    line = " ".join(text.split())
    width = max(width, 10)
    if len(line) <= width:
        return line, marks(line, query_words)
    found = marks(line, query_words)
    start = 0
    if found and found[0][1] > width - 1:  # a little before the match, the line kept full
        start = max(0, min(found[0][0] - width // 4, len(line) - width + 1))
    head = "…" if start else ""
    body = line[start:start + width - len(head)]
    if start + len(body) < len(line):
        body = body[:-1] + "…"
    cut = head + body
    return cut, marks(cut, query_words)
