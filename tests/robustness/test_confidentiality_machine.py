"""Confidentiality is a problem's, and no public output ever shows a confidential problem, whatever
two programs do to it in whatever order (issue 13, "How to show it is done", second point).

A hypothesis state machine drives two workspaces on one database file, the chair's and the
secretary's, each with its own clock and its own copies of the rows it has on screen (which go
stale as the other one saves). Its rules plan and start the next meeting (the carry-over makes
new appearances of the open problems), add observations (some confidential) with causes and
measures, edit them from a possibly stale copy, mark a problem confidential or public again from
any appearance, remove rows, follow up earlier measures, close a meeting and amend a closed one.

The machine keeps a model of every row it wrote: its problem, its texts, its version, whether it
is removed, and which problems are confidential now. Every outcome is predicted from that model
before the call: a save succeeds, or it is a `Conflict` exactly when the field it changes was
changed since its copy was read (without a base: when anything was), `Gone` exactly when the row
(or the observation or cause a new row hangs on) was removed, and `MeetingClosed` exactly when
a closed meeting is changed outside `amending`.

Every text written (area, place, description, source, cause, measure, owner, organisation,
follow-up comment) carries a token of its own (`zq0042`) that belongs to one problem, so an
output can be searched for every text of every problem that is confidential now. After every
step:

- every appearance of a problem has the problem's flag, and so has every measure decided on any
  appearance or on one of their causes; every row holds what the model says;
- the internal minutes (md) of every meeting show every row, and every line that shows a
  confidential problem's text is marked SEKRETESS (or stands under a heading that is);
- the public minutes (md and docx, through `export_minutes`) of every meeting, and
  `meetingtui actions --status all --public` in every format, contain no token of a
  confidential problem, and still show the public rows. The public versions are views of the
  record that the internal minutes (or, for the action lists, `actions --status all --format
  json`) show whole: they are exported again whenever that changed in the step, which keeps the
  run short (about 30 s) without leaving a state unchecked.

The model, and what the outputs show, are in confidentiality_model.py; the changes, each with its
outcome predicted, in confidentiality_steps.py; the rules that drive them and the invariants are
here.
"""

from __future__ import annotations

import hashlib
import json
import time as timer

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import initialize, invariant, precondition, rule, run_state_machine_as_test

from meetingtui.model import MeasureStatus, ObservationStatus
from meetingtui.services import followup, lagesbild, meetings
from meetingtui.services.errors import MeetingClosed
from meetingtui.store.rows import Gone
from tests.robustness.confidentiality_model import (
    CHAIR,
    DATES,
    FIELDS,
    FORMATS,
    LINKS,
    MARK,
    MEASURE_FIELDS,
    TALLY,
    TOKEN,
    WHO,
    Expected,
    docx_text,
    unfold_ics,
    unmarked_lines,
)
from tests.robustness.confidentiality_steps import ConfidentialitySteps


class ConfidentialityMachine(ConfidentialitySteps):
    """Two programs, three meetings, one model of what is stored."""

    # --- meetings --------------------------------------------------------------------------------

    @initialize(who=WHO, flags=st.lists(st.booleans(), min_size=1, max_size=3))
    def first_meeting(self, who: int, flags: list[bool]) -> None:
        """The first meeting, running, with an observation for each of ``flags`` (confidential
        or not), each with a cause and a measure: something for the next one to carry over."""
        self.start_next(who)
        for confidential in flags:
            self.record(who, self.meetings[0], confidential, ObservationStatus.OPEN, place=True,
                        source=True, cause=True, measure="both")

    @precondition(lambda self: len(self.meetings) < len(DATES))
    @rule(who=WHO)
    def plan_and_start_the_next_meeting(self, who: int) -> None:
        self.start_next(who)

    @precondition(lambda self: bool(self.running()))
    @rule(who=WHO, data=st.data())
    def close_a_meeting(self, who: int, data: st.DataObject) -> None:
        meeting = data.draw(st.sampled_from(self.running()), label="meeting")
        meetings.close_meeting(self.tick(who), meeting)
        self.closed.add(meeting)

    # --- recording -------------------------------------------------------------------------------

    @precondition(lambda self: bool(self.running()))
    @rule(who=WHO, data=st.data(), confidential=st.booleans(),
          status=st.sampled_from(list(ObservationStatus)), place=st.booleans(),
          source=st.booleans(), cause=st.booleans(), measure=st.sampled_from(LINKS))
    def add_an_observation(self, who: int, data: st.DataObject, confidential: bool,
                           status: ObservationStatus, place: bool, source: bool, cause: bool,
                           measure: str | None) -> None:
        """An observation (a new problem), with a cause and a measure as the group finds them."""
        meeting = data.draw(st.sampled_from(self.running()), label="meeting")
        self.record(who, meeting, confidential, status, place, source, cause, measure)

    @precondition(lambda self: any(k[0] != "measures" for w in (0, 1) for k in self.seen[w]))
    @rule(who=WHO, data=st.data(), what=st.sampled_from(["cause", *LINKS[1:]]),
          amend=st.booleans())
    def add_a_cause_or_measure_on_screen(self, who: int, data: st.DataObject, what: str,
                                         amend: bool) -> None:
        who = who if self.targets(who, "add") else 1 - who
        key = self.pick(data, self.targets(who, "add"))
        self.add_to(who, key, what, amend)

    # --- editing from a copy that may be stale ---------------------------------------------------

    @precondition(lambda self: any(self.seen[w] for w in (0, 1)))
    @rule(who=WHO, data=st.data(), use_base=st.booleans(), flip=st.booleans(),
          amend=st.booleans())
    def edit_a_row_on_screen(self, who: int, data: st.DataObject, use_base: bool, flip: bool,
                             amend: bool) -> None:
        who = who if self.seen[who] else 1 - who
        key = self.pick(data, sorted(self.seen[who]))
        name = data.draw(st.sampled_from(FIELDS[key[0]]), label="field")
        self.edit(who, key, name, use_base, flip, amend)

    @precondition(lambda self: any(self.rows[k].meeting in self.closed
                                   for w in (0, 1) for k in self.seen[w] if k[0] != "causes"))
    @rule(who=WHO, data=st.data(), use_base=st.booleans())
    def amend_a_closed_meeting(self, who: int, data: st.DataObject, use_base: bool) -> None:
        """An observation's description or a measure corrected after closing, on purpose."""
        def closed(w: int) -> list[tuple[str, int]]:
            return [k for k in sorted(self.seen[w])
                    if k[0] != "causes" and self.rows[k].meeting in self.closed]

        who = who if closed(who) else 1 - who
        key = self.pick(data, closed(who))
        name = ("description" if key[0] == "observations" else
                data.draw(st.sampled_from(MEASURE_FIELDS), label="field"))
        self.edit(who, key, name, use_base, flip=False, amend=True)

    # --- confidentiality -------------------------------------------------------------------------

    @precondition(lambda self: any(self.copies(w, "observations") for w in (0, 1)))
    @rule(who=WHO, data=st.data(), confidential=st.booleans(), use_base=st.booleans())
    def mark_or_unmark_from_any_appearance(self, who: int, data: st.DataObject,
                                           confidential: bool, use_base: bool) -> None:
        who = who if self.copies(who, "observations") else 1 - who
        key = data.draw(st.sampled_from(self.copies(who, "observations")), label="appearance")
        self.mark(who, key, confidential, use_base)

    @precondition(lambda self: any(self.appearances(w) for w in (0, 1)))
    @rule(who=WHO, data=st.data(), use_base=st.booleans())
    def mark_or_unmark_a_problem_that_appears_in_several_meetings(
            self, who: int, data: st.DataObject, use_base: bool) -> None:
        """From the original (in a meeting that may be closed) or from a carried copy, the
        problem's flag turned: every appearance and every measure on it follows."""
        who = who if self.appearances(who) else 1 - who
        key = data.draw(st.sampled_from(self.appearances(who)), label="appearance")
        self.mark(who, key, not self.problems[self.rows[key].problem], use_base)


    # --- removing --------------------------------------------------------------------------------

    @precondition(lambda self: any(self.seen[w] for w in (0, 1)))
    @rule(who=WHO, data=st.data(), amend=st.booleans())
    def remove_a_row_on_screen(self, who: int, data: st.DataObject, amend: bool) -> None:
        who = who if self.seen[who] else 1 - who
        key = self.pick(data, sorted(self.seen[who]))
        self.remove(who, key, amend)

    # --- a screen the other program changed meanwhile --------------------------------------------

    @precondition(lambda self: any(self.stale(w, removed=False) for w in (0, 1)))
    @rule(who=WHO, data=st.data(), action=st.sampled_from(["edit", "remove", "add", "mark"]),
          use_base=st.booleans(), flip=st.booleans(), amend=st.booleans(),
          confidential=st.booleans())
    def act_on_a_row_changed_since_it_was_read(
            self, who: int, data: st.DataObject, action: str, use_base: bool, flip: bool,
            amend: bool, confidential: bool) -> None:
        """A reads, B writes, A acts on what it read: where a save could be lost or a flag
        silently undone."""
        who = who if self.stale(who, removed=False) else 1 - who
        self.act(who, self.stale(who, removed=False), data, action, use_base, flip, amend,
                 confidential)

    @precondition(lambda self: any(self.stale(w, removed=True) for w in (0, 1)))
    @rule(who=WHO, data=st.data(),
          action=st.sampled_from(["edit", "remove", "add", "add cause", "mark"]),
          use_base=st.booleans(), flip=st.booleans(), amend=st.booleans(),
          confidential=st.booleans())
    def act_on_a_row_removed_since_it_was_read(
            self, who: int, data: st.DataObject, action: str, use_base: bool, flip: bool,
            amend: bool, confidential: bool) -> None:
        """A reads, B removes, A acts on what it read (saves it, adds a measure or a cause to
        it, marks it, removes it too)."""
        who = who if self.stale(who, removed=True) else 1 - who
        self.act(who, self.stale(who, removed=True), data, action, use_base, flip, amend,
                 confidential)

    # --- following up ----------------------------------------------------------------------------

    @precondition(lambda self: any(self.rows[k].meeting != self.meetings[-1]
                                   for w in (0, 1) for k in self.copies(w, "measures")))
    @rule(who=WHO, data=st.data(), amend=st.booleans(),
          status=st.sampled_from([MeasureStatus.IN_PROGRESS, MeasureStatus.DONE,
                                  MeasureStatus.CANCELLED]))
    def follow_up_an_earlier_measure(self, who: int, data: st.DataObject, amend: bool,
                                     status: MeasureStatus) -> None:
        def earlier(w: int) -> list[tuple[str, int]]:
            return [k for k in self.copies(w, "measures")
                    if self.rows[k].meeting != self.meetings[-1]]

        who = who if earlier(who) else 1 - who
        key = data.draw(st.sampled_from(earlier(who)), label="measure")
        row = self.rows[key]
        later = [m for m in self.meetings if self.dates[m] > self.dates[row.meeting]]
        meeting = data.draw(st.sampled_from(later), label="meeting")
        comment = self.text("comment", row.problem)
        expected: Expected = (Gone if row.deleted else
                              MeetingClosed if self.refused(meeting, amend) else None)
        ws = self.tick(who)
        with self.changing(who, meeting, amend):
            self.check("follow-up", expected, lambda: followup.record_update(
                ws, row.id, status, comment, meeting_id=meeting, by="Eva Berg"))
        if expected is Gone:
            del self.seen[who][key]

    @rule(who=WHO)
    def look_again(self, who: int) -> None:
        """The program reads everything again (the meeting screen opened anew)."""
        ws = self.tick(who)
        self.seen[who] = {}
        for meeting in self.meetings:
            for record in [*lagesbild.observations(ws, meeting), *lagesbild.causes(ws, meeting),
                           *lagesbild.measures(ws, meeting)]:
                self.keep(who, record)

    # --- invariants ------------------------------------------------------------------------------

    @invariant()
    def the_database_holds_what_the_model_says(self) -> None:
        """Every row as modelled (texts, version, removed), every appearance with its problem's
        flag, and every measure tied to a problem (through its observation or its cause) too."""
        TALLY.steps += 1
        conn = self.ws[CHAIR].store.conn
        for (table, row_id), row in self.rows.items():
            columns = ", ".join(row.texts)
            stored = conn.execute(f"SELECT {columns}, version, deleted_at IS NOT NULL "
                                  f"FROM {table} WHERE id = ?", [row_id]).fetchone()
            assert stored == (*row.texts.values(), row.version, row.deleted), (table, row_id)
        for problem, flag, meeting, deleted in conn.execute(
                "SELECT problem_id, confidential, meeting_id, deleted_at IS NOT NULL "
                "FROM observations"):
            if not deleted:
                assert bool(flag) is self.problems[problem], (problem, meeting)
        for measure, flag, problem in conn.execute(
                "SELECT m.id, m.confidential, coalesce(o.problem_id, co.problem_id) "
                "FROM measures m LEFT JOIN observations o ON o.id = m.observation_id "
                "LEFT JOIN causes c ON c.id = m.cause_id "
                "LEFT JOIN observations co ON co.id = c.observation_id "
                "WHERE m.deleted_at IS NULL"):
            assert bool(flag) is self.problems[problem], (measure, problem)

    @invariant()
    def the_minutes_show_no_confidential_problem_in_public(self) -> None:
        """Internal minutes of every meeting: every row, each confidential text marked. The
        public md and docx of every meeting whose record changed: none of those texts."""
        ws = self.ws[CHAIR]
        revision = ws.revision()
        if revision == self.checked:  # nothing was written in the step
            return
        self.checked = revision
        secret = self.secret()
        for meeting in self.meetings:
            internal = self.minutes(ws, meeting, public=False).decode("utf-8")
            for row in self.rows.values():
                if row.meeting == meeting and not row.deleted:
                    for text in row.texts.values():
                        assert text in internal, (text, internal)
            assert unmarked_lines(internal, secret) == []
            # The public versions are views of the same record: the same while it is.
            digest = hashlib.sha256(internal.encode()).hexdigest()
            if self.internal.get(meeting) == digest:
                continue
            self.internal[meeting] = digest
            TALLY.minutes += 1
            public = self.minutes(ws, meeting, public=True).decode("utf-8")
            assert not set(TOKEN.findall(public)) & secret, f"meeting {meeting}: {public}"
            for row in self.public_rows("observations"):  # the check is not vacuous
                if row.meeting == meeting:
                    assert row.texts["area"] in public
            blocks, xml = docx_text(self.minutes(ws, meeting, public=True, fmt="docx"))
            shown = set(TOKEN.findall(xml)) | {t for b in blocks for t in TOKEN.findall(b)}
            assert not shown & secret, f"meeting {meeting}: {shown & secret}"
            assert MARK not in xml

    @invariant()
    def actions_public_shows_no_confidential_problem(self) -> None:
        """`actions --status all --public` in every format: no text of a confidential problem,
        every public measure; the list without `--public` marks every measure of a confidential
        problem. Exported again whenever that whole list changed."""
        secret = self.secret()
        listed = self.actions("json", public=False)
        if listed == self.listed:
            return
        self.listed = listed
        marked = {row["id"]: row["confidential"] for row in json.loads(listed)}
        assert marked == {r.id: self.problems[r.problem] for r in self.live("measures")}
        TALLY.actions += 1
        for fmt in FORMATS:
            data = self.actions(fmt)
            if fmt == "docx":
                blocks, xml = docx_text(data)
                text = "\n".join([xml, *blocks])
            else:
                text = unfold_ics(data) if fmt == "ics" else data.decode("utf-8")
            assert not set(TOKEN.findall(text)) & secret, f"actions --public --format {fmt}"
            for row in self.public_rows("measures"):
                assert row.texts["text"].split()[-1] in text, (fmt, row)


def test_no_public_output_ever_shows_a_confidential_problem() -> None:
    """About 30 s; `pytest -s` prints what was exported and how often each outcome came."""
    started = timer.perf_counter()
    run_state_machine_as_test(ConfidentialityMachine, settings=settings(
        max_examples=30, stateful_step_count=20, deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
    took = timer.perf_counter() - started
    print(f"\n{TALLY.steps} steps checked in {took:.1f} s; public minutes (md, docx) exported "
          f"{TALLY.minutes} times, action lists (6 formats) {TALLY.actions} times")
    for outcome, count in sorted(TALLY.outcomes.items()):
        print(f"{count:5d}  {outcome}")
