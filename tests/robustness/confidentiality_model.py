"""The model a `ConfidentialityMachine` (test_confidentiality_machine.py) keeps of what two
programs on one database file have stored: every row it wrote (its problem, its texts, its
version, whether it is removed), which problems are confidential now, each program's copies of
the rows it has on screen, and the tokens (`zq0042`) each problem's texts carry; with the ways
it reads what the outputs show (docx, iCalendar, the SEKRETESS marks of the internal minutes)
and exports them.
"""

from __future__ import annotations

import io
import re
import shutil
import tempfile
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
from hypothesis import event
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine

from meetingtui.cli import main
from meetingtui.export.minutes import export_minutes
from meetingtui.model import Cause, Measure, Observation, ObservationStatus, Record
from meetingtui.paths import resolve
from meetingtui.services import groups
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



# --- the model -----------------------------------------------------------------------------------

class ConfidentialityModel(RuleBasedStateMachine):
    """Two programs, three meetings, one model of what is stored: its state and the helpers the
    steps and the rules share."""

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

    def appearances(self, who: int) -> list[tuple[str, int]]:
        """This program's copies of appearances of problems that appear more than once."""
        shown = Counter(r.problem for r in self.live("observations"))
        return [key for key in self.copies(who, "observations")
                if shown[self.rows[key].problem] > 1]


    # --- the outputs -----------------------------------------------------------------------------

    def secret(self) -> set[str]:
        """Every token of every text of every problem that is confidential now."""
        return {token for token, problem in self.tokens.items() if self.problems[problem]}

    def public_rows(self, table: str) -> list[Row]:
        return [r for r in self.live(table) if not self.problems[r.problem]]

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

