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
"""

from __future__ import annotations

import hashlib
import io
import json
import re
import shutil
import tempfile
import time as timer
import zipfile
from collections import Counter
from collections.abc import Callable
from contextlib import nullcontext
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from hypothesis import HealthCheck, event, settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    initialize,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.model import (
    Cause,
    Measure,
    MeasureStatus,
    Observation,
    ObservationStatus,
    Record,
)
from meetingtui.paths import resolve
from meetingtui.services import followup, groups, lagesbild, meetings
from meetingtui.services.amend import amending
from meetingtui.services.errors import MeetingClosed
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store.rows import Conflict, Gone
from tests.conftest import TEST_TEMPLATE, Clock

MARK = "SEKRETESS"
DATES = [date(2026, 9, 8), date(2026, 10, 13), date(2026, 11, 10)]
FORMATS = ("table", "csv", "md", "json", "ics", "docx")
TOKEN = re.compile(r"zq\d{4}")
CHAIR, SECRETARY = 0, 1
WHO = st.sampled_from([CHAIR, SECRETARY])

OBSERVATION_FIELDS = ("area", "place_detail", "description", "source")
MEASURE_FIELDS = ("text", "owner", "owner_org")
FIELDS = {"observations": OBSERVATION_FIELDS, "causes": ("text",), "measures": MEASURE_FIELDS}
LINKS = [None, "observation", "cause", "both"]  # what a new measure is decided on
TEXTS: dict[str, str] = {  # how each field's text reads around its token
    "area": "Område {}", "place_detail": "vid {}", "description": "Iakttagelse {} i lägesbilden",
    "source": "Källa {}", "cause": "Orsak {}", "text": "Åtgärd {}", "owner": "Ansvarig {}",
    "owner_org": "Org {}", "comment": "Kommentar {}",
}
TABLE = {Observation: "observations", Cause: "causes", Measure: "measures"}

Expected = type[Exception] | None


@dataclass
class Row:
    """What the machine knows a stored row holds."""

    table: str
    id: int
    meeting: int
    problem: int
    texts: dict[str, str]
    version: int = 1
    deleted: bool = False
    observation: int | None = None  # of a cause or a measure
    cause: int | None = None  # of a measure
    status: ObservationStatus = ObservationStatus.OPEN  # of an observation


@dataclass
class Tally:
    """What a run did, printed at its end (`pytest -s`): how much the invariants exported and
    how often each outcome was predicted."""

    steps: int = 0
    minutes: int = 0
    actions: int = 0
    outcomes: Counter[str] = field(default_factory=Counter)


TALLY = Tally()


# --- reading what the outputs show -------------------------------------------------------------

def docx_text(data: bytes) -> tuple[list[str], str]:
    """(every paragraph and table cell as python-docx reads it, every XML part of the package)."""
    document = docx.Document(io.BytesIO(data))
    blocks: list[str] = []
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            blocks.append(Paragraph(child, document).text)
        elif child.tag == qn("w:tbl"):
            blocks += [cell.text for row in Table(child, document).rows for cell in row.cells]
    for section in document.sections:
        blocks += [p.text for p in section.header.paragraphs + section.footer.paragraphs]
    with zipfile.ZipFile(io.BytesIO(data)) as package:
        xml = "".join(package.read(name).decode("utf-8") for name in package.namelist()
                      if name.endswith((".xml", ".rels")))
    return blocks, xml


def unfold_ics(data: bytes) -> str:
    """An iCalendar file with its folded lines joined again (RFC 5545 §3.1)."""
    return re.sub(r"\r?\n[ \t]", "", data.decode("utf-8"))


def unmarked_lines(markdown: str, tokens: set[str]) -> list[str]:
    """Lines of internal minutes (before the amendments) that show one of ``tokens`` without
    SEKRETESS on the line or on the heading they stand under."""
    wrong = []
    heading = ""
    for line in markdown.split("\n## Ändringar efter mötet", 1)[0].splitlines():
        if line.startswith("#"):
            heading = line
        if set(TOKEN.findall(line)) & tokens and MARK not in line and MARK not in heading:
            wrong.append(line)
    return wrong


# --- the machine ---------------------------------------------------------------------------------

class ConfidentialityMachine(RuleBasedStateMachine):
    """Two programs, three meetings, one model of what is stored."""

    def __init__(self) -> None:
        super().__init__()
        self.root = Path(tempfile.mkdtemp(prefix="confidentiality-"))
        agendas = self.root / "agendas"
        agendas.mkdir()
        (agendas / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
        self.where = resolve(db=self.root / "shared.db", agendas=agendas,
                             exports=self.root / "exports")
        self.out = self.root / "out"
        self.out.mkdir()
        self.clocks = [Clock(datetime.combine(DATES[0], time(9, 0))) for _ in range(2)]
        self.ws: list[Workspace] = [open_workspace(self.where, clock) for clock in self.clocks]
        group = groups.ensure_groups(self.ws[CHAIR])[0]
        assert group.id is not None
        self.group = group.id
        self.meetings: list[int] = []
        self.dates: dict[int, date] = {}
        self.closed: set[int] = set()
        self.rows: dict[tuple[str, int], Row] = {}
        self.problems: dict[int, bool] = {}  # problem id → confidential now
        self.tokens: dict[str, int] = {}  # token → the problem whose text holds it
        self.seen: list[dict[tuple[str, int], Record]] = [{}, {}]  # each program's copies
        self.counter = 0
        self.internal: dict[int, str] = {}  # meeting → digest of its internal minutes
        self.listed = b""  # the whole action list, as last exported
        self.checked = (-1, -1)  # the database's revision when the minutes were last checked

    def teardown(self) -> None:
        for ws in self.ws:
            ws.close()
        shutil.rmtree(self.root, ignore_errors=True)

    # --- helpers ---------------------------------------------------------------------------------

    def tick(self, who: int) -> Workspace:
        """The program ``who`` acts: its clock moves on a minute."""
        self.clocks[who].now += timedelta(minutes=1)
        return self.ws[who]

    def text(self, kind: str, problem: int | None = None) -> str:
        self.counter += 1
        token = f"zq{self.counter:04d}"
        if problem is not None:
            self.tokens[token] = problem
        return TEXTS[kind].format(token)

    def own(self, problem: int, *texts: str) -> None:
        for text in texts:
            for token in TOKEN.findall(text):
                self.tokens[token] = problem

    def running(self) -> list[int]:
        return [m for m in self.meetings if m not in self.closed]

    def live(self, table: str) -> list[Row]:
        return [r for r in self.rows.values() if r.table == table and not r.deleted]

    def keep(self, who: int, record: Record) -> None:
        assert record.id is not None
        self.seen[who][(TABLE[type(record)], record.id)] = record

    def show(self, record: Record) -> None:
        """A new row on both screens: the other program's pane reads it when it changes."""
        for who in (CHAIR, SECRETARY):
            self.keep(who, record)

    def copies(self, who: int, table: str) -> list[tuple[str, int]]:
        return sorted(key for key in self.seen[who] if key[0] == table)

    def check(self, what: str, expected: Expected, call: Callable[[], Any]) -> Any:
        """Run ``call``; it must raise exactly ``expected`` (None: succeed)."""
        outcome = f"{what}: {expected.__name__ if expected else 'saved'}"
        event(outcome)
        TALLY.outcomes[outcome] += 1
        try:
            result = call()
        except (Conflict, Gone, MeetingClosed) as error:
            assert expected is not None and isinstance(error, expected), (
                f"{type(error).__name__} ({error}) where the model expects "
                f"{expected.__name__ if expected else 'success'}")
            return error
        assert expected is None, f"saved where the model expects {expected.__name__}"
        return result

    def changing(self, who: int, meeting: int, amend: bool) -> Any:
        """A correction of a closed meeting on purpose when ``amend``; otherwise as it is."""
        if amend and meeting in self.closed:
            return amending(self.ws[who], by="Eva Berg", why="Rättelse")
        return nullcontext()

    def refused(self, meeting: int, amend: bool) -> bool:
        return meeting in self.closed and not amend

    def stale(self, who: int, *, removed: bool) -> list[tuple[str, int]]:
        """This program's copies of rows that were removed (``removed``), or else changed,
        since it read them (by the other program, or by this one through another copy)."""
        return [key for key, copy in sorted(self.seen[who].items())
                if (self.rows[key].deleted if removed else
                    not self.rows[key].deleted and self.rows[key].version != copy.version)]

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

    @precondition(lambda self: any(k[0] != "measures" for w in (0, 1) for k in self.seen[w]))
    @rule(who=WHO, data=st.data(), what=st.sampled_from(["cause", *LINKS[1:]]),
          amend=st.booleans())
    def add_a_cause_or_measure_on_screen(self, who: int, data: st.DataObject, what: str,
                                         amend: bool) -> None:
        who = who if self.targets(who, "add") else 1 - who
        key = self.pick(data, self.targets(who, "add"))
        self.add_to(who, key, what, amend)

    @staticmethod
    def pick(data: st.DataObject, keys: list[tuple[str, int]]) -> tuple[str, int]:
        """One of ``keys``: first the table, then the row (measures outnumber the rest)."""
        table = data.draw(st.sampled_from(sorted({key[0] for key in keys})), label="table")
        return data.draw(st.sampled_from([key for key in keys if key[0] == table]), label="row")

    def targets(self, who: int, action: str) -> list[tuple[str, int]]:
        keys = sorted(self.seen[who])
        if action == "add":
            return [k for k in keys if k[0] != "measures"]
        if action in ("mark", "add cause"):
            return [k for k in keys if k[0] == "observations"]
        return keys

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

    @precondition(lambda self: any(self.copies(w, "observations") for w in (0, 1)))
    @rule(who=WHO, data=st.data(), confidential=st.booleans(), use_base=st.booleans())
    def mark_or_unmark_from_any_appearance(self, who: int, data: st.DataObject,
                                           confidential: bool, use_base: bool) -> None:
        who = who if self.copies(who, "observations") else 1 - who
        key = data.draw(st.sampled_from(self.copies(who, "observations")), label="appearance")
        self.mark(who, key, confidential, use_base)

    def appearances(self, who: int) -> list[tuple[str, int]]:
        """This program's copies of appearances of problems that appear more than once."""
        shown = Counter(r.problem for r in self.live("observations"))
        return [key for key in self.copies(who, "observations")
                if shown[self.rows[key].problem] > 1]

    @precondition(lambda self: any(self.appearances(w) for w in (0, 1)))
    @rule(who=WHO, data=st.data(), use_base=st.booleans())
    def mark_or_unmark_a_problem_that_appears_in_several_meetings(
            self, who: int, data: st.DataObject, use_base: bool) -> None:
        """From the original (in a meeting that may be closed) or from a carried copy, the
        problem's flag turned: every appearance and every measure on it follows."""
        who = who if self.appearances(who) else 1 - who
        key = data.draw(st.sampled_from(self.appearances(who)), label="appearance")
        self.mark(who, key, not self.problems[self.rows[key].problem], use_base)

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

    @precondition(lambda self: any(self.seen[w] for w in (0, 1)))
    @rule(who=WHO, data=st.data(), amend=st.booleans())
    def remove_a_row_on_screen(self, who: int, data: st.DataObject, amend: bool) -> None:
        who = who if self.seen[who] else 1 - who
        key = self.pick(data, sorted(self.seen[who]))
        self.remove(who, key, amend)

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

    def secret(self) -> set[str]:
        """Every token of every text of every problem that is confidential now."""
        return {token for token, problem in self.tokens.items() if self.problems[problem]}

    def public_rows(self, table: str) -> list[Row]:
        return [r for r in self.live(table) if not self.problems[r.problem]]

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

    def minutes(self, ws: Workspace, meeting: int, *, public: bool, fmt: str = "md") -> bytes:
        path = self.out / f"{meeting}-{'public' if public else 'internal'}.{fmt}"
        return export_minutes(ws, meeting, public=public, fmt=fmt,  # type: ignore[arg-type]
                              path=path, force=True, allow_personal_data=True).path.read_bytes()

    def actions(self, fmt: str, *, public: bool = True) -> bytes:
        """`meetingtui actions --status all --public --format FMT`, as a member runs it."""
        args = ["--db", str(self.where.db), "--agendas", str(self.where.agendas),
                "--exports", str(self.out), "actions", "--status", "all", "--format", fmt,
                *(["--public"] if public else [])]
        target = self.out / f"actions.{fmt}"
        if fmt == "docx":
            args += ["-o", str(target), "--force"]
        result = CliRunner().invoke(main, args, catch_exceptions=False,
                                    env={"COLUMNS": "200"})
        assert result.exit_code == 0, result.output
        return target.read_bytes() if fmt == "docx" else result.stdout_bytes


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
