"""The changes a `ConfidentialityMachine` (test_confidentiality_machine.py) makes, each with its
outcome predicted from the model before the call: a save succeeds, or it is a `Conflict` exactly
when the field it changes was changed since its copy was read (without a base: when anything
was), `Gone` exactly when the row (or the observation or cause a new row hangs on) was removed,
and `MeetingClosed` exactly when a closed meeting is changed outside `amending`; the model
follows what was saved.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta
from typing import Any

from hypothesis import event
from hypothesis import strategies as st

from meetingtui.model import Cause, Measure, Observation, ObservationStatus
from meetingtui.services import lagesbild, meetings
from meetingtui.services.errors import MeetingClosed
from meetingtui.store.rows import Conflict, Gone
from tests.robustness.confidentiality_model import (
    DATES,
    FIELDS,
    LINKS,
    MEASURE_FIELDS,
    OBSERVATION_FIELDS,
    TALLY,
    ConfidentialityModel,
    Expected,
    Row,
)


class ConfidentialitySteps(ConfidentialityModel):
    """Starting a meeting, recording, editing, marking, removing: what the rules call."""

    # --- meetings --------------------------------------------------------------------------------

    def start_next(self, who: int) -> None:
        day = DATES[len(self.meetings)]
        for clock in self.clocks:
            clock.now = datetime.combine(day, time(9, 0))
        ws = self.ws[who]
        planned = meetings.plan_meeting(ws, self.group, day, start=time(9, 0),
                                        place="Kommunhuset", secretary="Omar Haddad")
        assert planned.id is not None
        meetings.start_meeting(ws, planned.id)
        previous = self.meetings[-1] if self.meetings else None
        self.meetings.append(planned.id)
        self.dates[planned.id] = day
        carried = {r.id: r for r in self.live("observations")
                   if r.meeting == previous and r.status.carries_over}
        copies = lagesbild.observations(ws, planned.id)
        assert sorted(o.carried_over_from or 0 for o in copies) == sorted(carried)
        for copy in copies:
            assert copy.id is not None and copy.carried_over_from is not None
            old = carried[copy.carried_over_from]
            assert copy.problem_id == old.problem
            assert copy.confidential == self.problems[old.problem]
            assert {f: getattr(copy, f) for f in OBSERVATION_FIELDS} == old.texts
            self.rows[("observations", copy.id)] = Row(
                "observations", copy.id, planned.id, old.problem, dict(old.texts),
                status=old.status)
            self.show(copy)
        if previous is not None:
            event(f"carried over: {len(copies)}")
            TALLY.outcomes[f"carried over: {len(copies)}"] += 1
    # --- recording -------------------------------------------------------------------------------

    def record(self, who: int, meeting: int, confidential: bool, status: ObservationStatus,
               place: bool, source: bool, cause: bool, measure: str | None) -> None:
        texts = {"area": self.text("area"),
                 "place_detail": self.text("place_detail") if place else "",
                 "description": self.text("description"),
                 "source": self.text("source") if source else ""}
        saved = lagesbild.save_observation(self.tick(who), Observation(
            meeting_id=meeting, confidential=confidential, status=status, **texts))
        assert saved.id is not None and saved.problem_id == saved.id
        self.problems[saved.id] = confidential
        self.own(saved.id, *texts.values())
        row = Row("observations", saved.id, meeting, saved.id, texts, status=status)
        self.rows[("observations", saved.id)] = row
        self.show(saved)
        if cause:
            self.add_cause(who, row, amend=False)
        if measure is not None:
            causes = [r for r in self.rows.values() if r.table == "causes"
                      and r.observation == row.id]
            self.add_measure(who, row, causes[-1] if causes else None, measure, amend=False)

    def add_cause(self, who: int, row: Row, amend: bool) -> None:
        """A cause of the observation ``row``, which may have been removed meanwhile."""
        cause = Cause(observation_id=row.id, text=self.text("cause", row.problem))
        expected: Expected = (Gone if row.deleted else
                              MeetingClosed if self.refused(row.meeting, amend) else None)
        ws = self.tick(who)
        with self.changing(who, row.meeting, amend):
            saved = self.check("new cause", expected, lambda: lagesbild.save_cause(ws, cause))
        if expected is None:
            self.rows[("causes", saved.id)] = Row("causes", saved.id, row.meeting, row.problem,
                                                  {"text": cause.text}, observation=row.id)
            self.show(saved)

    def add_measure(self, who: int, row: Row, cause: Row | None, link: str,
                    amend: bool) -> None:
        """A measure on the observation ``row``, on its ``cause``, or on both (either may have
        been removed meanwhile): it carries the problem's flag, whatever the form said."""
        if cause is None:
            link = "observation"
        observation = row.id if link != "cause" else None
        cause_id = cause.id if cause is not None and link != "observation" else None
        measure = Measure(meeting_id=row.meeting, text=self.text("text", row.problem),
                          owner=self.text("owner", row.problem),
                          owner_org=self.text("owner_org", row.problem) if link != "both" else "",
                          due=self.dates[row.meeting] + timedelta(days=30),
                          observation_id=observation, cause_id=cause_id)
        gone = row.deleted or (cause_id is not None and cause is not None and cause.deleted)
        expected: Expected = (Gone if gone else
                              MeetingClosed if self.refused(row.meeting, amend) else None)
        ws = self.tick(who)
        with self.changing(who, row.meeting, amend):
            saved = self.check(f"new measure on {link}", expected,
                               lambda: lagesbild.save_measure(ws, measure))
        if expected is None:
            assert saved.confidential == self.problems[row.problem]
            self.rows[("measures", saved.id)] = Row(
                "measures", saved.id, row.meeting, row.problem,
                {f: getattr(saved, f) for f in MEASURE_FIELDS}, observation=observation,
                cause=cause_id)
            self.show(saved)

    def add_to(self, who: int, key: tuple[str, int], what: str, amend: bool) -> None:
        """A cause or a measure added to a row this program has on screen."""
        row = self.rows[key]
        if key[0] == "causes":
            self.add_measure(who, self.rows[("observations", row.observation or 0)], row,
                             "cause" if what == "cause" else "both", amend)
        elif what == "cause":
            self.add_cause(who, row, amend)
        else:
            causes = [r for r in self.rows.values() if r.table == "causes"
                      and r.observation == row.id and not r.deleted]
            self.add_measure(who, row, causes[-1] if causes else None, what, amend)

    # --- editing from a copy that may be stale ---------------------------------------------------

    def edit(self, who: int, key: tuple[str, int], name: str, use_base: bool, flip: bool,
             amend: bool) -> None:
        """Save ``name`` changed in this program's copy of the row; ``flip``: the form also
        shows the confidential flag turned (it must not be written: it changes on purpose
        only, through `set_confidential`)."""
        copy = self.seen[who][key]
        row = self.rows[key]
        new = self.text("cause" if key[0] == "causes" else name, row.problem)
        changes: dict[str, Any] = {name: new}
        if flip and isinstance(copy, Observation | Measure):
            changes["confidential"] = not copy.confidential
        edited = copy.model_copy(update=changes)
        base = copy if use_base else None
        expected: Expected
        if row.deleted:
            expected = Gone
        elif row.version != copy.version and (
                not use_base or row.texts[name] != getattr(copy, name)):
            expected = Conflict
        elif self.refused(row.meeting, amend):
            expected = MeetingClosed
        else:
            expected = None
        ws = self.tick(who)
        save: Callable[[], Any] = {
            "observations": lambda: lagesbild.save_observation(ws, edited, base=base),
            "causes": lambda: lagesbild.save_cause(ws, edited, base=base),
            "measures": lambda: lagesbild.save_measure(ws, edited, base=base),
        }[key[0]]
        what = f"edit {key[0]}{' (amending)' if amend and row.meeting in self.closed else ''}"
        with self.changing(who, row.meeting, amend):
            result = self.check(what, expected, save)
        if expected is None:
            row.texts[name] = new
            row.version += 1
            assert result.version == row.version
            if not isinstance(result, Cause):
                assert result.confidential == self.problems[row.problem]
            self.seen[who][key] = result
        elif expected is Conflict:
            assert result.fields == [name] if use_base else name in result.fields
            assert result.theirs.version == row.version
            self.seen[who][key] = result.theirs  # the form shows what is stored now
        elif expected is Gone:
            del self.seen[who][key]

    # --- confidentiality -------------------------------------------------------------------------

    def mark(self, who: int, key: tuple[str, int], confidential: bool, use_base: bool) -> None:
        """`set_confidential` from this program's copy of one appearance (``use_base``: the
        copy is what the user saw, so a flag changed meanwhile is a conflict)."""
        copy = self.seen[who][key]
        assert isinstance(copy, Observation)
        row = self.rows[key]
        problem = row.problem
        expected: Expected = (Gone if row.deleted else
                              Conflict if use_base and copy.confidential != self.problems[problem]
                              else None)
        ws = self.tick(who)
        where = "closed" if row.meeting in self.closed else "running"
        many = sum(r.problem == problem for r in self.live("observations")) > 1
        result = self.check(
            f"set_confidential {confidential} ({where} meeting"
            f"{', one of several appearances' if many else ''})", expected,
            lambda: lagesbild.set_confidential(ws, row.id, confidential, by="Eva Berg",
                                               reason="Polisens uppgifter",
                                               base=copy if use_base else None))
        if expected is Gone:
            del self.seen[who][key]
            return
        if expected is Conflict:
            self.seen[who][key] = result.theirs
            return
        if self.problems[problem] != confidential:
            self.problems[problem] = confidential
            for other in self.rows.values():
                if other.table != "causes" and other.problem == problem:
                    other.version += 1
        assert result.confidential is confidential and result.version == row.version
        self.seen[who][key] = result

    # --- removing --------------------------------------------------------------------------------

    def remove(self, who: int, key: tuple[str, int], amend: bool) -> None:
        copy = self.seen[who][key]
        row = self.rows[key]
        ws = self.tick(who)

        def remove() -> None:
            if isinstance(copy, Observation):
                lagesbild.remove_observation(ws, copy)
            elif isinstance(copy, Cause):
                lagesbild.remove_cause(ws, copy)
            else:
                assert isinstance(copy, Measure)
                lagesbild.remove_measure(ws, copy)

        # A cause's meeting is looked up through its observation, gone with it.
        observation_gone = key[0] == "causes" and self.rows[
            ("observations", row.observation or 0)].deleted
        expected: Expected = (MeetingClosed if self.refused(row.meeting, amend)
                              and not observation_gone else Gone if row.deleted else None)
        with self.changing(who, row.meeting, amend):
            self.check(f"remove {key[0]}", expected, remove)
        if expected is Gone:
            del self.seen[who][key]
        if expected is not None:
            return
        del self.seen[who][key]
        removed = [row]
        if key[0] == "observations":
            removed += [r for r in self.rows.values() if not r.deleted
                        and r.table in ("causes", "measures") and r.observation == row.id
                        and r.meeting == row.meeting]
        for gone in removed:
            gone.deleted = True
            gone.version += 1

    # --- a screen the other program changed meanwhile --------------------------------------------

    def act(self, who: int, keys: list[tuple[str, int]], data: st.DataObject, action: str,
            use_base: bool, flip: bool, amend: bool, confidential: bool) -> None:
        fitting = [key for key in keys if key in self.targets(who, action)]
        key = self.pick(data, fitting or keys)
        if not fitting:
            action = "edit"
        if action == "edit":
            name = data.draw(st.sampled_from(FIELDS[key[0]]), label="field")
            self.edit(who, key, name, use_base, flip, amend)
        elif action == "remove":
            self.remove(who, key, amend)
        elif action == "add":
            what = data.draw(st.sampled_from(LINKS[1:] if key[0] == "observations" else
                                             ["cause", "both"]), label="measure on")
            self.add_to(who, key, what, amend)
        elif action == "add cause":
            self.add_cause(who, self.rows[key], amend)
        else:
            self.mark(who, key, confidential, use_base)

