"""Measures of a confidential observation are confidential too."""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store.migrations import _run, migrations


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


