"""The public copy of the database: a new SQLite file with only what members may see, for a
read-only web view (Datasette; issue 17 §5), and the SQL of the queries the view offers.

What is copied, flattened for reading:

- `groups`: every group (archived too: its measures are still followed up);
- `meetings`: every meeting, planned, running and closed, with date, times, place and status
  only. Not only closed ones: a measure counts from the moment it is recorded (the action list
  `meetingtui actions --public` lists it then, and the members are asked to act on it), so its
  meeting must be there too; a planned meeting tells members when the group meets next;
- `measures`: the public measures (not confidential, not removed, not a rejected proposal, not
  tied to a confidential observation or to a cause of one), each with its group, meeting,
  observation (area and description, of a public observation only) and the causes it
  addresses, in one row;
- `causes` and `measure_causes`: the causes those measures address (never one of a
  confidential observation);
- `status_history`: those measures' status changes with their comments.

The tables and columns keep the database's English names (stable for scripts, as the keys of
`meetingtui actions --format json`); Datasette shows the Swedish titles and column labels of
the metadata, and the queries head their columns in Swedish. The layout is the copy's own, not
the database's (`status_history` is `measure_updates` with words): a migration of the database
never changes what a published copy looks like.

Nothing else: no attendance, agenda notes, reports, agreements or settings. Statuses are
written as words (`words`, in the interface language); `is_open` and `waiting` keep what the
queries count on. The source is read in one transaction (another program may be writing to it),
attached read-only, so that nothing done here can write to it.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from meetingtui.store.actions import OPEN_STATUSES
from meetingtui.store.guard import SQLITE_HEADER

#: Marks a public copy (PRAGMA application_id): "MTUP", where the real database is "MTUI". Only
#: a file with this mark is ever replaced by a new copy (with force).
APPLICATION_ID = 0x4D545550
#: The copy's own layout (PRAGMA user_version); a change of the tables below is a new number.
LAYOUT = 1

#: Every table of the copy and its columns, in order; `export.datasette` labels each.
TABLES: dict[str, tuple[str, ...]] = {
    "groups": ("id", "short", "name", "municipality", "archived"),
    "meetings": ("id", "group_id", "group", "date", "start", "end", "place", "status"),
    "measures": ("id", "text", "owner", "owner_org", "due", "status", "is_open", "waiting",
                 "proposed_to", "group_id", "group", "group_name", "meeting_id", "meeting_date",
                 "area", "observation", "causes"),
    "causes": ("id", "text"),
    "measure_causes": ("measure_id", "cause_id"),
    "status_history": ("id", "measure_id", "meeting_id", "at", "old_status", "new_status",
                       "comment", "by"),
}

_SCHEMA = """
CREATE TABLE groups (
    id INTEGER PRIMARY KEY,
    short TEXT NOT NULL,
    name TEXT NOT NULL,
    municipality TEXT NOT NULL,
    archived INTEGER NOT NULL
);
CREATE TABLE meetings (
    id INTEGER PRIMARY KEY,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    "group" TEXT NOT NULL,
    date TEXT NOT NULL,
    start TEXT,
    "end" TEXT,
    place TEXT NOT NULL,
    status TEXT NOT NULL
);
CREATE TABLE measures (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL,
    owner TEXT NOT NULL,
    owner_org TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL,
    is_open INTEGER NOT NULL,
    waiting INTEGER NOT NULL,
    proposed_to TEXT NOT NULL,
    group_id INTEGER NOT NULL REFERENCES groups(id),
    "group" TEXT NOT NULL,
    group_name TEXT NOT NULL,
    meeting_id INTEGER NOT NULL REFERENCES meetings(id),
    meeting_date TEXT NOT NULL,
    area TEXT,
    observation TEXT,
    causes TEXT NOT NULL
);
CREATE INDEX measures_owner ON measures (owner);
CREATE INDEX measures_owner_org ON measures (owner_org);
CREATE INDEX measures_group ON measures (group_id);
CREATE INDEX measures_due ON measures (is_open, due);
CREATE TABLE causes (
    id INTEGER PRIMARY KEY,
    text TEXT NOT NULL
);
CREATE TABLE measure_causes (
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    cause_id INTEGER NOT NULL REFERENCES causes(id),
    PRIMARY KEY (measure_id, cause_id)
);
CREATE TABLE status_history (
    id INTEGER PRIMARY KEY,
    measure_id INTEGER NOT NULL REFERENCES measures(id),
    meeting_id INTEGER REFERENCES meetings(id),
    at TEXT NOT NULL,
    old_status TEXT,
    new_status TEXT NOT NULL,
    comment TEXT NOT NULL,
    by TEXT NOT NULL
);
CREATE INDEX status_history_measure ON status_history (measure_id, id);
"""

# Read from the source (attached as `src`). A measure is public when it, its observation and
# every cause it addresses (through `measure_causes` or the older single `cause_id`) are; the
# services keep a confidential observation's measures confidential, this does not rely on it.
_FILL = """
CREATE TEMP TABLE hidden_observations AS
    SELECT id FROM src.observations WHERE confidential = 1;
CREATE TEMP TABLE public_measures AS
    SELECT m.id FROM src.measures m
    JOIN src.meetings mt ON mt.id = m.meeting_id
    JOIN src.groups g ON g.id = mt.group_id
    WHERE m.deleted_at IS NULL AND m.confidential = 0 AND m.proposal != 'rejected'
      AND (m.observation_id IS NULL
           OR m.observation_id NOT IN (SELECT id FROM temp.hidden_observations))
      AND NOT EXISTS (
          SELECT 1 FROM src.causes c
          WHERE c.observation_id IN (SELECT id FROM temp.hidden_observations)
            AND (c.id = m.cause_id OR c.id IN (SELECT t.cause_id FROM src.measure_causes t
                                               WHERE t.measure_id = m.id)));
CREATE TEMP TABLE shown_causes AS
    SELECT t.measure_id, c.id, c.text FROM src.measure_causes t
    JOIN src.causes c ON c.id = t.cause_id
    WHERE t.measure_id IN (SELECT id FROM temp.public_measures) AND c.deleted_at IS NULL;

INSERT INTO main.groups (id, short, name, municipality, archived)
    SELECT id, short, name, municipality, archived FROM src.groups;
INSERT INTO main.meetings (id, group_id, "group", date, start, "end", place, status)
    SELECT mt.id, mt.group_id, g.short, mt.date, mt.start, mt."end", mt.place,
           coalesce((SELECT w.word FROM temp.words w
                     WHERE w.kind = 'meeting' AND w.code = mt.status), mt.status)
    FROM src.meetings mt JOIN src.groups g ON g.id = mt.group_id;
INSERT INTO main.causes (id, text)
    SELECT DISTINCT id, text FROM temp.shown_causes;
INSERT INTO main.measure_causes (measure_id, cause_id)
    SELECT measure_id, id FROM temp.shown_causes;
INSERT INTO main.measures (id, text, owner, owner_org, due, status, is_open, waiting,
                           proposed_to, group_id, "group", group_name, meeting_id, meeting_date,
                           area, observation, causes)
    SELECT m.id, m.text, m.owner, m.owner_org, m.due,
           coalesce((SELECT w.word FROM temp.words w
                     WHERE w.kind = 'measure' AND w.code = m.status), ''),
           coalesce(m.status IN (:open1, :open2), 0), m.proposal = 'proposed', m.proposed_to,
           g.id, g.short, g.name, mt.id, mt.date,
           o.area, o.description,
           coalesce((SELECT group_concat(s.text, '; ') FROM (
               SELECT c.text FROM temp.shown_causes c WHERE c.measure_id = m.id
               ORDER BY c.id) s), '')
    FROM src.measures m
    JOIN src.meetings mt ON mt.id = m.meeting_id
    JOIN src.groups g ON g.id = mt.group_id
    LEFT JOIN src.observations o ON o.id = m.observation_id AND o.deleted_at IS NULL
    WHERE m.id IN (SELECT id FROM temp.public_measures);
INSERT INTO main.status_history (id, measure_id, meeting_id, at, old_status, new_status,
                                 comment, by)
    SELECT u.id, u.measure_id, u.meeting_id, u.at,
           (SELECT w.word FROM temp.words w WHERE w.kind = 'measure' AND w.code = u.old_status),
           coalesce((SELECT w.word FROM temp.words w
                     WHERE w.kind = 'measure' AND w.code = u.new_status), u.new_status),
           u.comment, u.by
    FROM src.measure_updates u
    WHERE u.measure_id IN (SELECT id FROM temp.public_measures);
"""


class Counts(NamedTuple):
    """How many rows the copy holds of each table."""

    groups: int
    meetings: int
    measures: int
    causes: int
    status_history: int


class Cell(NamedTuple):
    """One text in the copy: where it stands and what it says."""

    table: str
    row: int  # the row's id (its rowid)
    column: str
    text: str


def build(target: Path, source: Path, words: Mapping[tuple[str, str], str]) -> Counts:
    """Fill the new, empty file ``target`` with the public part of the database ``source``.

    ``words`` names the stored statuses: ("measure", "in_progress") → "Pågående", ("meeting",
    "closed") → "Stängt". The source is attached read-only and read in one transaction, so the
    copy is the database as it was at one moment, whatever another program writes meanwhile.
    """
    conn = sqlite3.connect(target, uri=True, isolation_level=None)
    try:
        conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
        conn.execute(f"PRAGMA user_version = {LAYOUT}")
        conn.execute("PRAGMA journal_mode = DELETE")  # one file to serve: no -wal beside it
        conn.execute("PRAGMA busy_timeout = 5000")
        conn.execute("ATTACH DATABASE ? AS src", [f"{source.resolve().as_uri()}?mode=ro"])
        conn.execute("BEGIN")
        try:
            for statement in _statements(_SCHEMA):
                conn.execute(statement)
            conn.execute("CREATE TEMP TABLE words (kind TEXT, code TEXT, word TEXT)")
            conn.executemany("INSERT INTO temp.words VALUES (?, ?, ?)",
                             [(kind, code, word) for (kind, code), word in words.items()])
            for statement in _statements(_FILL):
                conn.execute(statement, _params(statement))
            counts = Counts(*(conn.execute(f"SELECT count(*) FROM main.{table}").fetchone()[0]
                              for table in Counts._fields))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        conn.execute("DETACH DATABASE src")
    finally:
        conn.close()
    return counts


def _statements(script: str) -> Iterator[str]:
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            yield statement
            statement = ""


def _params(statement: str) -> dict[str, str]:
    return ({"open1": OPEN_STATUSES[0], "open2": OPEN_STATUSES[1]}
            if ":open1" in statement else {})


def is_public_copy(path: Path) -> bool:
    """Whether ``path`` is a public copy this module wrote: an SQLite file whose header's
    application id (bytes 68–71) is the copy's. Read from the header, so that no database is
    opened (a WAL database would get -wal and -shm files beside it)."""
    try:
        with path.open("rb") as file:
            header = file.read(72)
    except OSError:
        return False
    return (len(header) == 72 and header.startswith(SQLITE_HEADER)
            and int.from_bytes(header[68:72], "big") == APPLICATION_ID)


def text_cells(path: Path) -> Iterator[Cell]:
    """Every non-empty text in every table of the copy at ``path``, table by table."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for table, columns in TABLES.items():
            for column in columns:
                quoted = _identifier(column)
                for row, text in conn.execute(
                        f"SELECT rowid, {quoted} FROM {table} "
                        f"WHERE typeof({quoted}) = 'text' AND {quoted} != '' ORDER BY rowid"):
                    yield Cell(table, row, column, text)
    finally:
        conn.close()


# --- the canned queries --------------------------------------------------------------------------

#: The queries the view offers, by their name in the address (/meetingtui-offentlig/<name>).
MY_MEASURES = "mina_atgarder"
OVERDUE_BY_ORGANISATION = "forsenade_per_organisation"
MEASURES_BY_GROUP = "atgarder_per_grupp"
#: Their parameters: who the member is, which group.
OWNER_PARAMETER = "ansvarig"
GROUP_PARAMETER = "grupp"

#: The columns a query shows, in order, each labelled in the caller's language.
QUERY_COLUMNS = ("id", "text", "owner", "owner_org", "due", "status", "overdue", "group",
                 "meeting_date", "area", "observation", "causes", "proposed_to")

# Overdue: open and due before today (a measure due today is not overdue), never a proposal
# waiting for a body's decision; as `store.actions`. Today is the server's, when it is asked.
_OVERDUE = ("(m.is_open = 1 AND m.due IS NOT NULL AND m.due < date('now', 'localtime') "
            "AND m.waiting = 0)")
# As `store.actions._ORDER`: waiting proposals last, overdue first, then by due date (none
# last), then in the order they were decided.
_ORDER = (f"m.waiting, {_OVERDUE} DESC, m.due IS NULL, m.due, m.meeting_date, m.id")
# An organisation also by its part before the first comma ("Polisen" for "Polisen,
# lokalpolisområde Exempelkommun"), as `meetingtui actions --owner`.
_ORG_HEAD = "trim(substr(m.owner_org, 1, instr(m.owner_org || ',', ',') - 1))"


def canned_queries(labels: Mapping[str, str], yes: str) -> dict[str, str]:
    """The SQL of each query by its name; ``labels`` heads the columns (`QUERY_COLUMNS`),
    ``yes`` marks an overdue measure. Names are compared as SQLite's NOCASE does (ASCII
    letters only: "åsa berg" does not find "Åsa Berg")."""
    owner = f"trim(:{OWNER_PARAMETER})"
    group = f"trim(:{GROUP_PARAMETER})"
    by_organisation = ("owner_org", *(c for c in QUERY_COLUMNS if c != "owner_org"))
    return {
        MY_MEASURES: (
            f"{_select(QUERY_COLUMNS, labels, yes)}\n"
            f"WHERE m.is_open = 1 AND (m.owner = {owner} COLLATE NOCASE "
            f"OR m.owner_org = {owner} COLLATE NOCASE OR {_ORG_HEAD} = {owner} COLLATE NOCASE)"
            f"\nORDER BY {_ORDER}"),
        OVERDUE_BY_ORGANISATION: (
            f"{_select(by_organisation, labels, yes)}\nWHERE {_OVERDUE}\n"
            "ORDER BY m.owner_org = '', m.owner_org, m.due, m.meeting_date, m.id"),
        MEASURES_BY_GROUP: (
            f"{_select(QUERY_COLUMNS, labels, yes)}\n"
            f"WHERE m.is_open = 1 AND (m.\"group\" = {group} COLLATE NOCASE "
            f"OR m.group_name = {group} COLLATE NOCASE OR CAST(m.group_id AS TEXT) = {group})"
            f"\nORDER BY {_ORDER}"),
    }


def _select(columns: Iterable[str], labels: Mapping[str, str], yes: str) -> str:
    shown = ",\n       ".join(f"{_expression(column, yes)} AS {_identifier(labels[column])}"
                              for column in columns)
    return f"SELECT {shown}\nFROM measures m"


def _expression(column: str, yes: str) -> str:
    if column == "overdue":
        return f"CASE WHEN {_OVERDUE} THEN {_literal(yes)} ELSE '' END"
    return f"m.{_identifier(column)}"


def _identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"
