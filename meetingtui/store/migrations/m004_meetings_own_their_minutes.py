"""Meetings own their minutes: versions, amendments, what closing froze."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations

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



