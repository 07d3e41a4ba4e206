"""The schema as forward migrations. Append new ones; never edit a released one.

`PRAGMA user_version` holds the number of migrations applied, so that an older program can tell
a newer file before touching it.
"""

from __future__ import annotations

import sqlite3
import uuid

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from meetingtui.store import version
from meetingtui.store.version import VERSION as VERSION  # the number of migrations below

migrations = Migrations("meetingtui")


def _run(db: Database, script: str) -> None:
    """A migration's statements one at a time, inside its transaction. `executescript` commits
    an open transaction first unless the connection is in autocommit mode (the store's is):
    this keeps a migration one transaction however it is opened, so that a program killed
    midway never leaves a file half-migrated."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


@migrations()
def m001_initial(db: Database) -> None:
    _run(db,
        """
        CREATE TABLE groups (
            id INTEGER PRIMARY KEY,
            template_id TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            short TEXT NOT NULL,
            municipality TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE group_members (
            group_id INTEGER NOT NULL REFERENCES groups(id),
            person_id INTEGER NOT NULL REFERENCES people(id),
            position INTEGER NOT NULL,
            PRIMARY KEY (group_id, person_id)
        );
        CREATE TABLE meetings (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            date TEXT NOT NULL,
            start TEXT,
            "end" TEXT,
            place TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL DEFAULT 'planned',
            chair TEXT NOT NULL DEFAULT '',
            secretary TEXT NOT NULL DEFAULT '',
            adjuster TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX meetings_group_date ON meetings (group_id, date);
        CREATE INDEX meetings_status_date ON meetings (status, date);
        CREATE TABLE attendance (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            name TEXT NOT NULL,
            role TEXT NOT NULL DEFAULT '',
            organisation TEXT NOT NULL DEFAULT '',
            presence TEXT NOT NULL DEFAULT 'present'
        );
        CREATE INDEX attendance_meeting ON attendance (meeting_id);
        CREATE TABLE agenda_items (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            kind TEXT NOT NULL DEFAULT 'text',
            minutes INTEGER,
            guidance TEXT NOT NULL DEFAULT '',
            points TEXT NOT NULL DEFAULT '[]',
            notes TEXT NOT NULL DEFAULT '',
            decision TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL DEFAULT 0,
            started_at TEXT,
            ended_at TEXT
        );
        CREATE INDEX agenda_items_meeting ON agenda_items (meeting_id, position);
        CREATE TABLE observations (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            area TEXT NOT NULL,
            place_detail TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            trend TEXT NOT NULL DEFAULT 'new',
            level INTEGER NOT NULL DEFAULT 1,
            status TEXT NOT NULL DEFAULT 'open',
            confidential INTEGER NOT NULL DEFAULT 0,
            carried_over_from INTEGER REFERENCES observations(id),
            deleted_at TEXT
        );
        CREATE INDEX observations_meeting ON observations (meeting_id);
        CREATE TABLE causes (
            id INTEGER PRIMARY KEY,
            observation_id INTEGER NOT NULL REFERENCES observations(id),
            text TEXT NOT NULL,
            dimension TEXT NOT NULL DEFAULT 'place',
            controller TEXT,
            deleted_at TEXT
        );
        CREATE INDEX causes_observation ON causes (observation_id);
        CREATE TABLE measures (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            observation_id INTEGER REFERENCES observations(id),
            cause_id INTEGER REFERENCES causes(id),
            text TEXT NOT NULL,
            owner TEXT NOT NULL,
            owner_org TEXT NOT NULL DEFAULT '',
            due TEXT,
            type TEXT NOT NULL DEFAULT 'situational',
            confidential INTEGER NOT NULL DEFAULT 0,
            deleted_at TEXT
        );
        CREATE INDEX measures_meeting ON measures (meeting_id);
        CREATE INDEX measures_owner_due ON measures (owner, due);
        CREATE INDEX measures_due ON measures (due);
        CREATE TABLE measure_updates (
            id INTEGER PRIMARY KEY,
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            meeting_id INTEGER REFERENCES meetings(id),
            at TEXT NOT NULL,
            old_status TEXT,
            new_status TEXT NOT NULL,
            comment TEXT NOT NULL DEFAULT '',
            by TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX measure_updates_measure ON measure_updates (measure_id, id);
        CREATE INDEX measure_updates_meeting ON measure_updates (meeting_id);
        CREATE TABLE priorities (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            quarter TEXT NOT NULL,
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            meeting_id INTEGER REFERENCES meetings(id),
            UNIQUE (group_id, quarter, position)
        );
        CREATE TABLE amendments (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            at TEXT NOT NULL,
            what TEXT NOT NULL,
            old TEXT NOT NULL DEFAULT '',
            new TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX amendments_meeting ON amendments (meeting_id);
        CREATE TABLE settings (
            key TEXT PRIMARY KEY,
            value TEXT NOT NULL
        );
        -- The current status of a measure is its newest update's: stored once, derived here.
        CREATE VIEW measures_current AS
            SELECT m.*, (
                SELECT u.new_status FROM measure_updates u
                WHERE u.measure_id = m.id ORDER BY u.id DESC LIMIT 1
            ) AS status
            FROM measures m WHERE m.deleted_at IS NULL;
        """
    )
    db.table("agenda_items").enable_fts(["title", "notes", "decision"], create_triggers=True)
    db.table("observations").enable_fts(
        ["area", "place_detail", "description"], create_triggers=True
    )
    db.table("causes").enable_fts(["text"], create_triggers=True)
    db.table("measures").enable_fts(["text", "owner"], create_triggers=True)


@migrations()
def m002_measures_follow_confidential_observations(db: Database) -> None:
    """Repairs files written before measures followed their observation's confidentiality: an
    observation marked confidential after its measures were recorded, or after a later meeting
    had carried it over, left those measures and copies public, and the public minutes of the
    next meeting and `actions --public` showed them. Now the services keep them in step
    (`lagesbild.save_observation`); this makes older files what the services would have made."""
    _run(db,
        """
        WITH RECURSIVE secret(id) AS (
            SELECT id FROM observations WHERE confidential = 1
            UNION SELECT o.id FROM observations o JOIN secret s ON o.carried_over_from = s.id
        )
        UPDATE observations SET confidential = 1 WHERE confidential = 0 AND id IN secret;

        WITH RECURSIVE chain(id) AS (
            SELECT id FROM observations WHERE confidential = 1
            UNION SELECT o.carried_over_from FROM observations o JOIN chain c ON o.id = c.id
            WHERE o.carried_over_from IS NOT NULL
        )
        UPDATE measures SET confidential = 1 WHERE confidential = 0 AND (
            observation_id IN chain
            OR cause_id IN (SELECT id FROM causes WHERE observation_id IN chain));
        """
    )


@migrations()
def m003_measure_status_stored(db: Database) -> None:
    """A measure's status, stored beside it and kept by triggers, instead of looked up per
    measure in its history by the `measures_current` view: counting a group's open measures
    (the home screen) and the open action list read every measure ever recorded, and grew with
    the years (13.6 ms at ten years for the home screen's lines; issue 7). The history stays
    the record; the column is its newest entry's status, or NULL without one, as the view
    said."""
    _run(db,
        """
        DROP VIEW measures_current;
        ALTER TABLE measures ADD COLUMN status TEXT;
        UPDATE measures SET status = (
            SELECT u.new_status FROM measure_updates u
            WHERE u.measure_id = measures.id ORDER BY u.id DESC LIMIT 1);
        CREATE INDEX measures_status_due ON measures (status, due);
        CREATE TRIGGER measure_status_insert AFTER INSERT ON measure_updates
        WHEN NOT EXISTS (SELECT 1 FROM measure_updates u
                         WHERE u.measure_id = NEW.measure_id AND u.id > NEW.id)
        BEGIN
            UPDATE measures SET status = NEW.new_status WHERE id = NEW.measure_id;
        END;
        CREATE TRIGGER measure_status_update AFTER UPDATE ON measure_updates BEGIN
            UPDATE measures SET status = (
                SELECT u.new_status FROM measure_updates u
                WHERE u.measure_id = measures.id ORDER BY u.id DESC LIMIT 1)
            WHERE id IN (OLD.measure_id, NEW.measure_id);
        END;
        CREATE TRIGGER measure_status_delete AFTER DELETE ON measure_updates BEGIN
            UPDATE measures SET status = (
                SELECT u.new_status FROM measure_updates u
                WHERE u.measure_id = measures.id ORDER BY u.id DESC LIMIT 1)
            WHERE id = OLD.measure_id;
        END;
        CREATE VIEW measures_current AS SELECT * FROM measures WHERE deleted_at IS NULL;
        """
    )


#: Tables whose rows a user edits: each row carries a version, bumped by every update, so that a
#: save can name the version it was based on (two programs on one file; issue 13).
VERSIONED = ("groups", "people", "meetings", "attendance", "agenda_items", "observations",
             "causes", "measures")


@migrations()
def m004_meetings_own_their_minutes(db: Database) -> None:
    """What a meeting decided belongs to that meeting, and two programs never overwrite each
    other silently (issues 12 and 13).

    - every editable row has a `version`;
    - an observation carried from meeting to meeting is one problem (`problem_id`, the first
      appearance's id), confidential as a whole: a problem with one confidential appearance is
      made confidential everywhere, with its measures, and each closed meeting whose minutes
      that changes gets an amendment saying so;
    - priorities belong to a meeting (`meeting_priorities`); the quarter's priorities, which
      every meeting of the quarter showed, are copied to each of them (the old table stays, read
      by nothing, so that no row is lost);
    - a meeting keeps the next meeting it decided (`next_*`), and a closed meeting the point up
      to which later follow-ups are not its own (`frozen_update_id`, `frozen_measure_id`,
      `closed_at`), so that its minutes do not change when later meetings follow its measures
      up; for meetings closed before this, the point is taken from their dates;
    - an attendance row may name the group member it is (`person_id`) and be a stand-in
      (`substitute`); amendments say who made them and why (`by`, `why`);
    - making a problem public again, or confidential, is recorded in
      `confidentiality_changes`.
    - an agenda item keeps the time it was the current item in the app (`spent_seconds`, and
      `shown_since` while it is), not the time since the meeting's date.
    """
    for table in VERSIONED:
        db.execute(f"ALTER TABLE {table} ADD COLUMN version INTEGER NOT NULL DEFAULT 1")
    _run(db,
        """
        ALTER TABLE observations ADD COLUMN problem_id INTEGER;
        WITH RECURSIVE roots(id, root) AS (
            SELECT id, id FROM observations WHERE carried_over_from IS NULL
            UNION ALL
            SELECT o.id, r.root FROM observations o JOIN roots r ON o.carried_over_from = r.id
        )
        UPDATE observations
        SET problem_id = (SELECT root FROM roots WHERE roots.id = observations.id);
        UPDATE observations SET problem_id = id WHERE problem_id IS NULL;
        CREATE INDEX observations_problem ON observations (problem_id);

        ALTER TABLE amendments ADD COLUMN by TEXT NOT NULL DEFAULT '';
        ALTER TABLE amendments ADD COLUMN why TEXT NOT NULL DEFAULT '';

        INSERT INTO amendments (meeting_id, at, what, old, new, by, why)
        SELECT DISTINCT o.meeting_id, strftime('%Y-%m-%dT%H:%M:%S', 'now', 'localtime'),
               'Iakttagelse ' || o.id || ' sekretessmarkerad', 'Offentlig', 'Sekretess',
               'meetingtui', 'Sekretessen gäller hela problemet, också tidigare möten'
        FROM observations o JOIN meetings m ON m.id = o.meeting_id
        WHERE m.status = 'closed' AND o.confidential = 0 AND o.deleted_at IS NULL
          AND o.problem_id IN (SELECT problem_id FROM observations WHERE confidential = 1);
        UPDATE observations SET confidential = 1 WHERE confidential = 0
          AND problem_id IN (SELECT problem_id FROM observations WHERE confidential = 1);
        UPDATE measures SET confidential = 1 WHERE confidential = 0 AND (
            observation_id IN (SELECT id FROM observations WHERE confidential = 1)
            OR cause_id IN (SELECT c.id FROM causes c JOIN observations o
                            ON o.id = c.observation_id WHERE o.confidential = 1));

        CREATE TABLE confidentiality_changes (
            id INTEGER PRIMARY KEY,
            problem_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            by TEXT NOT NULL DEFAULT '',
            confidential INTEGER NOT NULL,
            reason TEXT NOT NULL DEFAULT ''
        );

        CREATE TABLE meeting_priorities (
            id INTEGER PRIMARY KEY,
            meeting_id INTEGER NOT NULL REFERENCES meetings(id),
            position INTEGER NOT NULL,
            title TEXT NOT NULL,
            UNIQUE (meeting_id, position)
        );
        INSERT INTO meeting_priorities (meeting_id, position, title)
        SELECT m.id, p.position, p.title FROM priorities p JOIN meetings m
          ON m.group_id = p.group_id
         AND p.quarter = substr(m.date, 1, 4) || '-Q'
                         || ((CAST(substr(m.date, 6, 2) AS INTEGER) - 1) / 3 + 1)
        ORDER BY m.id, p.position;

        ALTER TABLE meetings ADD COLUMN next_date TEXT;
        ALTER TABLE meetings ADD COLUMN next_start TEXT;
        ALTER TABLE meetings ADD COLUMN next_end TEXT;
        ALTER TABLE meetings ADD COLUMN next_place TEXT NOT NULL DEFAULT '';
        ALTER TABLE meetings ADD COLUMN closed_at TEXT;
        ALTER TABLE meetings ADD COLUMN frozen_update_id INTEGER;
        ALTER TABLE meetings ADD COLUMN frozen_measure_id INTEGER;

        CREATE TEMP VIEW next_of AS
            SELECT m.id AS meeting_id, (
                SELECT n.id FROM meetings n WHERE n.group_id = m.group_id
                AND (n.date > m.date OR (n.date = m.date AND n.id > m.id))
                ORDER BY n.date, n.id LIMIT 1) AS next_id
            FROM meetings m;
        CREATE TEMP VIEW before_or_at AS
            SELECT m.id AS meeting_id, o.id AS earlier_id FROM meetings m JOIN meetings o
            ON o.date < m.date OR (o.date = m.date AND o.id <= m.id);
        UPDATE meetings SET
            next_date = (SELECT n.date FROM next_of x JOIN meetings n ON n.id = x.next_id
                         WHERE x.meeting_id = meetings.id),
            next_start = (SELECT n.start FROM next_of x JOIN meetings n ON n.id = x.next_id
                          WHERE x.meeting_id = meetings.id),
            next_place = coalesce((SELECT n.place FROM next_of x JOIN meetings n
                                   ON n.id = x.next_id WHERE x.meeting_id = meetings.id), ''),
            closed_at = date || 'T23:59:59',
            frozen_measure_id = (
                SELECT max(ms.id) FROM measures ms JOIN before_or_at b
                ON b.earlier_id = ms.meeting_id WHERE b.meeting_id = meetings.id),
            frozen_update_id = (
                SELECT max(u.id) FROM measure_updates u
                WHERE u.meeting_id IN (SELECT earlier_id FROM before_or_at b
                                       WHERE b.meeting_id = meetings.id)
                   OR (u.meeting_id IS NULL AND u.at < date(meetings.date, '+1 day')))
        WHERE status = 'closed';
        DROP VIEW next_of;
        DROP VIEW before_or_at;

        ALTER TABLE attendance ADD COLUMN person_id INTEGER REFERENCES people(id);
        ALTER TABLE attendance ADD COLUMN substitute INTEGER NOT NULL DEFAULT 0;
        UPDATE attendance SET person_id = (
            SELECT p.id FROM people p JOIN group_members gm ON gm.person_id = p.id
            JOIN meetings m ON m.group_id = gm.group_id
            WHERE m.id = attendance.meeting_id AND p.name = attendance.name
              AND p.role = attendance.role ORDER BY gm.position LIMIT 1)
        WHERE presence != 'guest';

        ALTER TABLE agenda_items ADD COLUMN spent_seconds INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE agenda_items ADD COLUMN shown_since TEXT;
        UPDATE agenda_items SET spent_seconds = max(0, CAST(
            round((julianday(ended_at) - julianday(started_at)) * 86400) AS INTEGER))
        WHERE started_at IS NOT NULL AND ended_at IS NOT NULL;
        """
    )



@migrations(transactional=False)
def m005_groups_are_instances_of_templates(db: Database) -> None:
    """A municipality makes meetingtui its own (issue 14).

    - A template is a group *type*: several groups may share one (Upplands Väsby's three
      district councils), each with its own name and short name, and a group can be archived
      (it keeps its meetings and leaves the home screen). `template_id` was UNIQUE, which SQLite
      cannot drop: the table is built anew, with foreign keys off for the swap. That needs this
      migration outside the framework's transaction, so it runs in one of its own and does
      only what is not done yet: a file interrupted before the framework recorded it runs it
      again and finds the work done.
    - A group may have its own rhythm (`frequency`, `skip_months`; NULL: the template's) and
      chair (empty: the template's).
    - Members are people: an e-mail (optional) and whether a member is a substitute.
    - A meeting keeps its diarienummer, when and where it is justerad, and whom the minutes are
      sent to (`dnr`, `justering`, `expedieras`); and, closed, the names its minutes were filed
      under (`filed_municipality`, `filed_group`, `filed_short`), so that renaming the
      municipality or the group later never changes a closed meeting's minutes.
    - The database gets an id of its own (`settings.database_id`): calendar UIDs derive from it
      and stay the same when the municipality's name changes.
    """
    conn = db.conn
    script = ["BEGIN IMMEDIATE;"]
    if "archived" not in _columns(conn, "groups"):
        script.append(_M005_GROUPS)
    for table, column, declaration in _M005_COLUMNS:
        if column not in _columns(conn, table):
            script.append(f"ALTER TABLE {table} ADD COLUMN {column} {declaration};")
    script.append(_M005_FILED)
    script.append("INSERT OR IGNORE INTO settings (key, value) VALUES "
                  f"('database_id', '{uuid.uuid4().hex}');")
    conn.execute("PRAGMA foreign_keys = OFF")  # not possible inside a transaction
    try:
        # One script from BEGIN on: executescript commits whatever is open before it runs.
        conn.executescript("\n".join(script))
        try:
            problems = conn.execute("PRAGMA foreign_key_check").fetchall()
            if problems:
                raise RuntimeError(f"foreign keys broken by m005: {problems[:3]}")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _columns(conn: sqlite3.Connection, table: str) -> set[str]:
    return {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}


_M005_GROUPS = """
    CREATE TABLE groups_new (
        id INTEGER PRIMARY KEY,
        template_id TEXT NOT NULL,
        name TEXT NOT NULL,
        short TEXT NOT NULL,
        municipality TEXT NOT NULL DEFAULT '',
        version INTEGER NOT NULL DEFAULT 1,
        archived INTEGER NOT NULL DEFAULT 0,
        frequency TEXT,
        skip_months TEXT,
        chair TEXT NOT NULL DEFAULT ''
    );
    INSERT INTO groups_new (id, template_id, name, short, municipality, version)
        SELECT id, template_id, name, short, municipality, version FROM groups;
    DROP TABLE groups;
    ALTER TABLE groups_new RENAME TO groups;
    CREATE INDEX groups_template ON groups (template_id);
"""

_M005_COLUMNS = (
    ("people", "email", "TEXT NOT NULL DEFAULT ''"),
    ("group_members", "substitute", "INTEGER NOT NULL DEFAULT 0"),
    ("meetings", "dnr", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "justering", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "expedieras", "TEXT NOT NULL DEFAULT ''"),
    ("meetings", "filed_municipality", "TEXT"),
    ("meetings", "filed_group", "TEXT"),
    ("meetings", "filed_short", "TEXT"),
)

_M005_FILED = """
    UPDATE meetings SET
        filed_municipality = coalesce(
            (SELECT value FROM settings WHERE key = 'municipality'), 'Exempelkommun'),
        filed_group = (SELECT name FROM groups g WHERE g.id = meetings.group_id),
        filed_short = (SELECT short FROM groups g WHERE g.id = meetings.group_id)
    WHERE status = 'closed' AND filed_group IS NULL;
"""

def migrate(db: Database) -> None:
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {version.VERSION}")


@migrations()
def m006_the_problem_over_time(db: Database) -> None:
    """A problem followed until it is solved, measures tied to what they should affect (issue 15).

    - A measure addresses one or more of its observation's causes (`measure_causes`); the one
      `measures.cause_id` stays as written and becomes the measure's first row there.
    - A measure carries its prevention level (`level`: universal, selective or indicated; ''
      unsaid) and whether its method is tested or evaluated (`method`: yes, no or unknown).
    - A cause is an assumption or supported by data (`basis`; '' unsaid).
    - Two observations found to be one problem are merged: the merged problem's appearances take
      the kept problem's id, recorded with when, who and why in `problem_merges`. A problem is
      closed (åtgärdat, avskrivet) by its newest appearance's status: no column.
    - A meeting's priorities are for the quarter they were chosen for (`meeting_priorities.quarter`,
      "2027-Q1"); those stored before were the meeting's own quarter.
    """
    _run(db, _M006)


_M006 = """
        CREATE TABLE measure_causes (
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            cause_id INTEGER NOT NULL REFERENCES causes(id),
            PRIMARY KEY (measure_id, cause_id)
        );
        CREATE INDEX measure_causes_cause ON measure_causes (cause_id);
        INSERT INTO measure_causes (measure_id, cause_id)
            SELECT id, cause_id FROM measures WHERE cause_id IS NOT NULL;

        ALTER TABLE measures ADD COLUMN level TEXT NOT NULL DEFAULT '';
        ALTER TABLE measures ADD COLUMN method TEXT NOT NULL DEFAULT 'unknown';
        ALTER TABLE causes ADD COLUMN basis TEXT NOT NULL DEFAULT '';

        CREATE TABLE problem_merges (
            id INTEGER PRIMARY KEY,
            kept_problem_id INTEGER NOT NULL,
            merged_problem_id INTEGER NOT NULL,
            at TEXT NOT NULL,
            by TEXT NOT NULL DEFAULT '',
            why TEXT NOT NULL DEFAULT ''
        );

        ALTER TABLE meeting_priorities ADD COLUMN quarter TEXT;
        UPDATE meeting_priorities SET quarter = (
            SELECT substr(m.date, 1, 4) || '-Q'
                   || ((CAST(substr(m.date, 6, 2) AS INTEGER) - 1) / 3 + 1)
            FROM meetings m WHERE m.id = meeting_priorities.meeting_id);
"""


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


@migrations()
def m008_between_meetings_and_upward(db: Database) -> None:
    """Reports between meetings, proposals to the bodies above, and agreements (issue 16).

    - `reports`: an observation reported to a group between its meetings, by whom and when. It
      waits for the group's next meeting; there the chair accepts it (it became
      `observation_id`), merges it into a problem of the meeting (`observation_id` is the one it
      went into) or rejects it (`reason`). `state` is '' while it waits, then 'accepted',
      'merged' or 'rejected'; `meeting_id` is the meeting that answered.
    - A measure may be a proposal to a body above (`proposed_to`: "KLG", "Styrgruppen", …; ''
      for a measure the group decides itself). `proposal` is '' (not a proposal), 'proposed',
      'decided' or 'rejected'; a decided proposal is a measure like any other from then on.
      `proposal_decided_on` is the body's date, `proposal_meeting_id` its meeting in the app when
      it decided there, `proposal_reason` why it rejected.
    - `agreements`: a medborgarlöfte ('medborgarlofte') or a samverkansöverenskommelse
      ('samverkan') with its period and parties (one per line); `commitments`: what a party
      commits to, with owner and status like a measure's; `agreement_measures`: the measures
      that carry an agreement out.
    - Measures are found by their observation (`measures_observation`): a lägesbild counts each
      problem's measures over every appearance, and without it read every measure ever
      recorded once per observation (1.1 s for 200 observations at ten years).
    """
    _run(db, _M008)


_M008 = """
        CREATE TABLE reports (
            id INTEGER PRIMARY KEY,
            group_id INTEGER NOT NULL REFERENCES groups(id),
            area TEXT NOT NULL,
            place_detail TEXT NOT NULL DEFAULT '',
            category TEXT NOT NULL DEFAULT '',
            description TEXT NOT NULL,
            source TEXT NOT NULL DEFAULT '',
            trend TEXT NOT NULL DEFAULT 'new',
            level INTEGER NOT NULL DEFAULT 1,
            confidential INTEGER NOT NULL DEFAULT 0,
            reported_by TEXT NOT NULL DEFAULT '',
            reported_at TEXT NOT NULL,
            state TEXT NOT NULL DEFAULT '',
            meeting_id INTEGER REFERENCES meetings(id),
            observation_id INTEGER REFERENCES observations(id),
            reason TEXT NOT NULL DEFAULT '',
            version INTEGER NOT NULL DEFAULT 1,
            deleted_at TEXT
        );
        CREATE INDEX reports_group_state ON reports (group_id, state);
        CREATE INDEX reports_meeting ON reports (meeting_id);

        ALTER TABLE measures ADD COLUMN proposed_to TEXT NOT NULL DEFAULT '';
        ALTER TABLE measures ADD COLUMN proposal TEXT NOT NULL DEFAULT '';
        ALTER TABLE measures ADD COLUMN proposal_decided_on TEXT;
        ALTER TABLE measures ADD COLUMN proposal_meeting_id INTEGER REFERENCES meetings(id);
        ALTER TABLE measures ADD COLUMN proposal_reason TEXT NOT NULL DEFAULT '';
        CREATE INDEX measures_proposal ON measures (proposal, proposed_to)
            WHERE proposal != '';
        CREATE INDEX measures_observation ON measures (observation_id);

        CREATE TABLE agreements (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL,
            title TEXT NOT NULL,
            group_id INTEGER REFERENCES groups(id),
            period_start TEXT NOT NULL,
            period_end TEXT NOT NULL,
            parties TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            version INTEGER NOT NULL DEFAULT 1,
            deleted_at TEXT
        );
        CREATE INDEX agreements_end ON agreements (period_end);
        CREATE TABLE commitments (
            id INTEGER PRIMARY KEY,
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            party TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL,
            owner TEXT NOT NULL,
            organisation TEXT NOT NULL DEFAULT '',
            due TEXT,
            status TEXT NOT NULL DEFAULT 'not_started',
            version INTEGER NOT NULL DEFAULT 1,
            deleted_at TEXT
        );
        CREATE INDEX commitments_agreement ON commitments (agreement_id);
        CREATE TABLE agreement_measures (
            agreement_id INTEGER NOT NULL REFERENCES agreements(id),
            measure_id INTEGER NOT NULL REFERENCES measures(id),
            PRIMARY KEY (agreement_id, measure_id)
        );
        CREATE INDEX agreement_measures_measure ON agreement_measures (measure_id);
"""
