"""Between meetings and upward (issue 16): reports, proposals, agreements."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


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
