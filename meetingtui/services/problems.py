"""One problem, one history (issue 15 §1): an observation carried from meeting to meeting is
one problem. Its history shows when it was first noted, how each meeting saw it, and every
cause and measure recorded on any appearance, with the measures' status now. A problem ends
when the chair closes it (åtgärdat, avskrivet: its newest appearance's status), which stops its
carry-over; two observations found to be one problem are merged, on the record."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from meetingtui.model import Cause, Measure, Observation
from meetingtui.services.amend import note_change
from meetingtui.services.errors import MeetingClosed
from meetingtui.services.lagesbild import get_observation
from meetingtui.services.workspace import Workspace
from meetingtui.store import lagesbild as lagesbild_rows
from meetingtui.store import problems as rows
from meetingtui.store.problems import Merge, Recorded, Seen


class NotOneMeeting(ValueError):
    """Only two observations of the same meeting can be merged."""


@dataclass(frozen=True)
class ProblemHistory:
    problem_id: int
    appearances: list[Seen]  # oldest first; the last is the one the history was opened from
    causes: list[Recorded[Cause]]
    measures: list[Recorded[Measure]]
    merges: list[Merge]

    @property
    def first_noted(self) -> date:
        return self.appearances[0].meeting_date

    @property
    def carried(self) -> bool:
        """Seen in an earlier meeting than the last appearance's."""
        return len({seen.meeting_id for seen in self.appearances}) > 1

    def earlier_measures(self, meeting_id: int) -> list[Recorded[Measure]]:
        """The measures decided in the problem's earlier meetings, not in `meeting_id`."""
        return [m for m in self.measures if m.row.meeting_id != meeting_id]


def history(ws: Workspace, observation_id: int) -> ProblemHistory:
    """The problem of this observation, up to the observation's own meeting."""
    observation = get_observation(ws, observation_id)
    problem = observation.problem_id or observation_id
    meeting_id = observation.meeting_id
    return ProblemHistory(
        problem_id=problem,
        appearances=rows.appearances_up_to(ws.store, problem, meeting_id),
        causes=rows.causes_up_to(ws.store, problem, meeting_id),
        measures=rows.measures_up_to(ws.store, problem, meeting_id),
        merges=rows.merges_into(ws.store, problem),
    )


def counts(ws: Workspace, meeting_id: int) -> dict[int, tuple[int, int]]:
    """Per observation of the meeting: (causes, measures) of its problem so far."""
    return rows.problem_counts(ws.store, meeting_id)


def merge(ws: Workspace, kept: Observation, merged: Observation, *, by: str = "",
          why: str = "") -> Observation:
    """`merged` is the same problem as `kept` (both in one running meeting): one problem from
    now on, with both histories; in this meeting `merged`'s causes and measures go to `kept`
    and its row goes. Confidential if either was. Returns `kept` as stored now."""
    assert kept.id is not None and merged.id is not None
    if kept.meeting_id != merged.meeting_id:
        raise NotOneMeeting("Only observations of the same meeting can be merged")
    with ws.store.transaction():
        # Read again inside the write lock: a row another program removed is Gone.
        kept_now = get_observation(ws, kept.id)
        merged_now = get_observation(ws, merged.id)
        if (kept_now.problem_id or kept.id) == (merged_now.problem_id or merged.id):
            return kept_now
        note_change(ws, kept.meeting_id, f"Iakttagelse {merged.id} sammanslagen med "
                    f"iakttagelse {kept.id}", f"Problem {merged_now.problem_id or merged.id}",
                    f"Problem {kept_now.problem_id or kept.id}", why=why, by=by)
        rows.merge_problems(ws.store, kept_now, merged_now, ws.now(), by, why)
        if kept_now.confidential or merged_now.confidential:
            _confidential_as_a_whole(ws, kept_now.problem_id or kept.id, by)
    return get_observation(ws, kept.id)


def _confidential_as_a_whole(ws: Workspace, problem: int, by: str) -> None:
    """One appearance of the merged problem was confidential: now all are, with their
    measures; each closed meeting whose minutes this changes gets an amendment."""
    why = "Sammanslaget med ett problem som omfattas av sekretess"
    for meeting_id in lagesbild_rows.set_problem_confidential(ws.store, problem, True):
        note_change(ws, meeting_id, f"Sekretess för problem {problem} i lägesbilden",
                    "Offentlig", "Sekretess", why=why, by=by)
    lagesbild_rows.record_confidentiality(ws.store, problem, ws.now(), by, True, why)


__all__ = ["MeetingClosed", "NotOneMeeting", "ProblemHistory", "counts", "history", "merge"]
