"""The schema as forward migrations (`store.migrations`, one module each). Append new ones;
never edit a released one.

`PRAGMA user_version` holds the number of migrations applied, so that an older program can tell
a newer file before touching it.
"""

from __future__ import annotations

from sqlite_utils import Database

from meetingtui.store import version

# Imported in order: each registers its migration on `migrations` as it is imported.
from meetingtui.store.migrations import _run as _run
from meetingtui.store.migrations import (  # noqa: F401
    m001_initial,
    m002_measures_follow_confidential_observations,
    m003_measure_status_stored,
    m004_meetings_own_their_minutes,
    m005_groups_are_instances_of_templates,
    m006_the_problem_over_time,
    m007_search_everything,
    m008_between_meetings_and_upward,
    m009_items_can_be_dropped,
)
from meetingtui.store.migrations import migrations as migrations
from meetingtui.store.migrations.m007_search_everything import _M007_KEPT as _M007_KEPT
from meetingtui.store.version import VERSION as VERSION  # the number of migrations


def migrate(db: Database) -> None:
    migrations.apply(db)
    db.execute(f"PRAGMA user_version = {version.VERSION}")

