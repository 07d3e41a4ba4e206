"""A problem's course (issue 15 §1): one problem carried over 24 meetings, each adding a cause
and a measure, in a copy of the 10-year database. Timed: `services.problems.history` in-process,
and `f` on the lägesbild until the course is on the screen, from outside as every key is timed
(`bench.keyseq`).

Run alone: `python -m bench.problems DB` prints both figures.
"""

from __future__ import annotations

import sys
from datetime import date, datetime, timedelta
from datetime import time as clock_time
from pathlib import Path

from bench.databases import copy_database
from bench.keyseq import key_latency
from bench.queries import _time
from bench.stats import Samples

MEETINGS = 24


def carried_problem_db(base: Path, target: Path) -> tuple[int, int]:
    """`base` copied to `target` with a group "EST 24" whose one problem came along to each of
    its 24 monthly meetings; returns (the last meeting's id, its observation's id)."""
    from meetingtui.model import Cause, ItemKind, Measure, Observation
    from meetingtui.paths import Locations
    from meetingtui.services import groups, lagesbild, meetings
    from meetingtui.services.workspace import open_workspace

    copy_database(base, target)
    day = date(2024, 1, 10)
    ws = open_workspace(Locations(db=target, agendas=None, exports=target.parent),
                        clock=lambda: datetime.combine(day, clock_time(13, 0)))
    try:
        group = groups.add_group(ws, "est", "EST med ett långt problem", "EST 24")
        assert group.id is not None
        meeting_id = observation_id = 0
        for n in range(MEETINGS):
            day = date(2024 + n // 12, n % 12 + 1, 10)
            meeting = meetings.plan_meeting(ws, group.id, day, start=clock_time(13, 0))
            assert meeting.id is not None
            meeting_id = meeting.id
            meetings.start_meeting(ws, meeting_id)
            seen = lagesbild.observations(ws, meeting_id)
            if not seen:
                seen = [lagesbild.save_observation(ws, Observation(
                    meeting_id=meeting_id, area="Centrum", category="Klotter",
                    description="Klotter på busskuren vid torget", level=2))]
            observation_id = seen[0].id or 0
            lagesbild.save_cause(ws, Cause(observation_id=observation_id,
                                           text=f"Orsak noterad möte {n + 1}"))
            lagesbild.save_measure(ws, Measure(
                meeting_id=meeting_id, observation_id=observation_id,
                text=f"Åtgärd beslutad möte {n + 1}", owner="Mats Ek",
                due=day + timedelta(days=30)))
            if n < MEETINGS - 1:
                meetings.close_meeting(ws, meeting_id)
        # The last meeting resumes on its lägesbild when opened.
        situation = next(item for item in meetings.items(ws, meeting_id)
                         if item.kind is ItemKind.SITUATION)
        assert situation.id is not None
        meetings.visit_item(ws, meeting_id, situation.id)
        return meeting_id, observation_id
    finally:
        ws.close()


def history_ms(db: Path, observation_id: int, runs: int = 30) -> Samples:
    from meetingtui.paths import Locations
    from meetingtui.services import problems
    from meetingtui.services.workspace import open_workspace

    ws = open_workspace(Locations(db=db, agendas=None, exports=db.parent))
    try:
        return _time(lambda: problems.history(ws, observation_id), runs)
    finally:
        ws.close()


def course_key_ms(db: Path, meeting_id: int, presses: int = 12) -> Samples:
    """`f` on the lägesbild of the last meeting until the course is on the screen, from outside
    (tmux, as `bench.keyseq` times every key), Esc between."""
    from bench.paths import MEETINGTUI

    measured = key_latency([str(MEETINGTUI), "--db", str(db), "open", str(meeting_id)],
                           "Lägesbild ·", ("f", "Escape"), presses)
    return measured["f"]


if __name__ == "__main__":
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        built = Path(folder) / "problem.db"
        last, observation = carried_problem_db(Path(sys.argv[1]), built)
        print("history", history_ms(built, observation).describe())
        print("f", course_key_ms(built, last).describe())
