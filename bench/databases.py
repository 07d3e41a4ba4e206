"""The demo databases: built by `meetingtui demo` once a day, reused from bench/.cache/.

The demo's largest meeting has about two dozen observations; `big_meeting_db` adds one EST
meeting with 200 (causes and measures under most), through the services as the app records
them, to time the lägesbild and its keys at the size a busy municipality reaches.
"""

from __future__ import annotations

import sqlite3
import subprocess
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from bench.paths import CACHE, MEETINGTUI

BIG_MEETING_OBSERVATIONS = 200
ACTION_OWNERS = 40


@dataclass(frozen=True)
class DemoDb:
    years: int
    path: Path
    largest_meeting: int  # the meeting with the most observations
    observations: int  # how many that meeting has
    busiest_owner: str  # the owner of the most measures
    meetings: int
    planned_meeting: int | None  # one not yet held, to start and edit


def demo_db(years: int, meetings_per_year: int | None = None) -> DemoDb:
    """The database for this many years, built today or reused (keyed by years and date)."""
    CACHE.mkdir(parents=True, exist_ok=True)
    per_year = meetings_per_year or 0
    path = CACHE / f"demo-y{years}-m{per_year}-{date.today().isoformat()}.db"
    if not path.exists():
        for stale in CACHE.glob(f"demo-y{years}-m{per_year}-*.db*"):
            stale.unlink()
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        command = [str(MEETINGTUI), "--db", str(partial), "demo", "--years", str(years)]
        if meetings_per_year:
            command += ["--meetings-per-year", str(meetings_per_year)]
        started = time.perf_counter()
        print(f"building {path.name} …", flush=True)
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        _checkpoint(partial)
        partial.rename(path)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return _describe(years, path)


def _checkpoint(path: Path) -> None:
    """Fold the WAL into the file, so that the database is one file to rename and copy."""
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()


def _describe(years: int, path: Path) -> DemoDb:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        largest, count = conn.execute(
            "SELECT meeting_id, count(*) AS n FROM observations GROUP BY meeting_id "
            "ORDER BY n DESC, meeting_id LIMIT 1").fetchone()
        (owner,) = conn.execute(
            "SELECT owner FROM measures GROUP BY owner ORDER BY count(*) DESC, owner LIMIT 1"
        ).fetchone()
        (meetings,) = conn.execute("SELECT count(*) FROM meetings").fetchone()
        planned = conn.execute(
            "SELECT id FROM meetings WHERE status = 'planned' ORDER BY date, id LIMIT 1").fetchone()
    finally:
        conn.close()
    return DemoDb(years, path, int(largest), int(count), str(owner), int(meetings),
                  int(planned[0]) if planned else None)


@dataclass(frozen=True)
class BigMeeting:
    path: Path
    meeting_id: int
    observations: int
    first_area: str  # the first observation's area: shows once the lägesbild is painted


def copy_database(source: Path, target: Path) -> None:
    """A consistent copy (WAL included) by SQLite's backup; the source stays as it is."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def big_meeting_db(base: DemoDb, observations: int = BIG_MEETING_OBSERVATIONS) -> BigMeeting:
    """A copy of `base` with one running EST meeting of `observations` observations, left on
    its lägesbild (opening the meeting resumes there); built once a day like the others."""
    path = base.path.with_name(f"{base.path.stem}-obs{observations}.db")
    if not path.exists():
        started = time.perf_counter()
        print(f"building {path.name} …", flush=True)
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        copy_database(base.path, partial)
        _add_big_meeting(partial, observations)
        _checkpoint(partial)
        partial.rename(path)
        print(f"  built in {time.perf_counter() - started:.0f} s", flush=True)
    return _describe_big(path)


def _add_big_meeting(path: Path, count: int) -> None:
    from random import Random

    from meetingtui.demo.measures import SITUATIONAL_MEASURES
    from meetingtui.demo.situation import CAUSES, DEFAULT_CATEGORIES, observation_text
    from meetingtui.demo.town import TOWN_AREAS
    from meetingtui.model import Cause, ItemKind, Measure, Observation, Trend
    from meetingtui.paths import resolve
    from meetingtui.services import groups, lagesbild, meetings
    from meetingtui.services.workspace import open_workspace

    rng = Random(200)
    ws = open_workspace(resolve(db=path))
    try:
        est = groups.find_group(ws, "est")
        assert est is not None and est.id is not None
        template = ws.template_of(est)
        categories = template.categories if template and template.categories else \
            DEFAULT_CATEGORIES
        planned = next((m for m in meetings.list_meetings(ws, est.id)
                        if m.status.value == "planned"), None)
        meeting = planned or meetings.plan_meeting(ws, est.id, ws.today())
        assert meeting.id is not None
        meetings.start_meeting(ws, meeting.id)
        situation = next(i for i in meetings.items(ws, meeting.id)
                         if i.kind is ItemKind.SITUATION)
        assert situation.id is not None
        meetings.visit_item(ws, meeting.id, situation.id)
        areas = list(TOWN_AREAS.items())
        trends = list(Trend)
        dimensions = list(CAUSES.items())
        for n in range(count - len(lagesbild.observations(ws, meeting.id))):
            area, details = rng.choice(areas)
            detail = rng.choice(details)
            category = rng.choice(categories)
            description, source = observation_text(category, detail, rng)
            seen = lagesbild.save_observation(ws, Observation(
                meeting_id=meeting.id, area=area, place_detail=detail, category=category,
                description=description, source=source, trend=rng.choice(trends),
                level=rng.randint(1, 3), confidential=n % 40 == 7))
            cause_id = None
            if n % 4 != 3:
                dimension, causes = rng.choice(dimensions)
                words, controller = rng.choice(causes)
                cause = lagesbild.save_cause(ws, Cause(
                    observation_id=seen.id or 0, text=words, dimension=dimension,
                    controller=controller))
                cause_id = cause.id
            if n % 2 == 0:
                words, _ = rng.choice(SITUATIONAL_MEASURES)
                lagesbild.save_measure(ws, Measure(
                    meeting_id=meeting.id, observation_id=seen.id,
                    cause_ids=[cause_id] if cause_id is not None else [],
                    text=words.format(detalj=detail.lower(), area=area),
                    owner=f"Handläggare {n % 17 + 1}", owner_org="Exempelkommun",
                    due=ws.today()))
    finally:
        ws.close()


def _describe_big(path: Path) -> BigMeeting:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        meeting_id, count = conn.execute(
            "SELECT meeting_id, count(*) AS n FROM observations WHERE deleted_at IS NULL "
            "GROUP BY meeting_id ORDER BY n DESC LIMIT 1").fetchone()
        (area,) = conn.execute("SELECT area FROM observations WHERE meeting_id = ? AND "
                               "deleted_at IS NULL ORDER BY id LIMIT 1", [meeting_id]).fetchone()
    finally:
        conn.close()
    return BigMeeting(path, int(meeting_id), int(count), str(area))


@dataclass(frozen=True)
class ActionListDb:
    path: Path
    measures: int  # open measures, all of them in every list: `actions` shows exactly these


def action_list_db(measures: int) -> ActionListDb:
    """A database of the groups and one running EST meeting with `measures` open measures (a
    quarter overdue), to time the action list at 500, 1,000 and 2,000 rows."""
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"actions-{measures}-{date.today().isoformat()}.db"
    if not path.exists():
        for stale in CACHE.glob(f"actions-{measures}-*.db*"):
            stale.unlink()
        partial = path.with_suffix(".partial")
        for leftover in CACHE.glob(partial.name + "*"):
            leftover.unlink()
        _add_measures(partial, measures)
        _checkpoint(partial)
        partial.rename(path)
    return ActionListDb(path, measures)


def _add_measures(path: Path, count: int) -> None:
    from datetime import timedelta
    from random import Random

    from meetingtui.demo.attendees import FIRST_NAMES, LAST_NAMES, ORGANISATIONS
    from meetingtui.demo.measures import SITUATIONAL_MEASURES
    from meetingtui.demo.town import TOWN_AREAS
    from meetingtui.model import Measure
    from meetingtui.paths import resolve
    from meetingtui.services import groups, lagesbild, meetings
    from meetingtui.services.workspace import open_workspace

    rng = Random(count)
    ws = open_workspace(resolve(db=path))
    try:
        groups.ensure_groups(ws)
        est = groups.find_group(ws, "est")
        assert est is not None and est.id is not None
        meeting = meetings.plan_meeting(ws, est.id, ws.today())
        assert meeting.id is not None
        meetings.start_meeting(ws, meeting.id)
        areas = list(TOWN_AREAS.items())
        # Forty owners, each with an organisation: a municipality's groups, not 2,000 strangers
        # (the docx has one section per owner).
        owners = [(f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}",
                   rng.choice(ORGANISATIONS)[1]) for _ in range(ACTION_OWNERS)]
        with ws.store.transaction():  # one commit: the list is what is timed, not building it
            for _ in range(count):
                area, details = rng.choice(areas)
                words, _ = rng.choice(SITUATIONAL_MEASURES)
                owner, org = rng.choice(owners)
                lagesbild.save_measure(ws, Measure(
                    meeting_id=meeting.id,
                    text=words.format(detalj=rng.choice(details).lower(), area=area),
                    owner=owner, owner_org=org,
                    due=ws.today() + timedelta(days=rng.randint(-60, 180))))
    finally:
        ws.close()
