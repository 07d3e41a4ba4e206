"""The problem over time (issue 15): appearances, merges, measures tied to causes."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


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


