"""The first schema: groups, people, meetings, items, observations, causes, measures, search."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


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


