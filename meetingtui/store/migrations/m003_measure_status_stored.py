"""A measure's status stored with it, kept by its updates."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


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
