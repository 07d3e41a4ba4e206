"""The documents upward (issue 16 §5) on two years of demo data, read back as the secretary files
them: the yearly lägesbild and åtgärdsplan in Word against the independent reference in
`tests/upward_reference.py`, the public version without the confidential problem, with its
measures, and refused while a personnummer stands in it; the Markdown escaped; a quarter's
summary; and `meetingtui report yearly|quarter` with their errors."""

from __future__ import annotations

import re
import shutil
import sqlite3
from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import docx
import pytest
from click.testing import CliRunner

from meetingtui.cli import main
from meetingtui.demo.fill import fill_demo
from meetingtui.export.upward.document import PersonalDataFound
from meetingtui.export.upward.quarterly import export_quarterly
from meetingtui.export.upward.yearly import export_yearly
from meetingtui.i18n import set_language
from meetingtui.paths import resolve
from meetingtui.services.upward import BadPeriod, parse_quarter
from meetingtui.services.workspace import Workspace, open_workspace
from tests import upward_reference as ref
from tests.cli_helpers import one_line_error
from tests.conftest import Clock

NOW = datetime(2026, 11, 23, 9, 0)
SECRET_AREA = "Hemliga gränden"
SECRET_TEXT = "Hemlig kartläggning av en gängkonflikt"
SECRET_MEASURE = "Hemlig åtgärd mot gängkonflikten"
MARKUP = "Orsak med *stjärnor* | och <script>x</script>"
MARKUP_MEASURE = "Åtgärd med *stjärnor* | <b>fet</b>"
PERSONNUMMER = "811218-9876"

STATUS = {"not_started": "Ej påbörjad", "in_progress": "Pågående", "done": "Genomförd",
          "cancelled": "Avbruten"}


def _meetings(conn: sqlite3.Connection, short: str, year: int) -> list[int]:
    return [row[0] for row in conn.execute(
        "SELECT m.id FROM meetings m JOIN groups g ON g.id = m.group_id WHERE g.short = ? "
        "AND m.date LIKE ? ORDER BY m.date", [short, f"{year}-%"])]


def _problem(conn: sqlite3.Connection, meetings: list[int], *, area: str, text: str,
             source: str, secret: bool) -> int:
    """One problem taken up at each of `meetings` (level 3, open), with a cause each time."""
    first = None
    for meeting in meetings:
        oid = conn.execute(
            "INSERT INTO observations (meeting_id, area, category, description, source, trend, "
            "level, status, confidential, problem_id) VALUES (?, ?, 'Våld', ?, ?, 'rising', 3, "
            "'open', ?, ?)", [meeting, area, text, source, int(secret), first]).lastrowid
        assert oid is not None
        first = first or oid
        conn.execute("UPDATE observations SET problem_id = ? WHERE id = ?", [first, oid])
        conn.execute("INSERT INTO causes (observation_id, text, basis) VALUES (?, ?, 'data')",
                     [oid, MARKUP if not secret else "Hemlig orsak"])
    assert first is not None
    return first


def _measure(conn: sqlite3.Connection, meeting: int, text: str, **fields: object) -> int:
    columns = {"meeting_id": meeting, "text": text, "owner": "Polisen", "owner_org": "",
               "due": "2025-10-01", "type": "situational", **fields}
    marks = ", ".join("?" * len(columns))
    mid = conn.execute(f"INSERT INTO measures ({', '.join(columns)}) VALUES ({marks})",
                       list(columns.values())).lastrowid
    assert mid is not None
    return mid


def add_upward_rows(db: Path) -> None:
    """What the demo does not (yet) hold: a confidential problem at six meetings with its
    measure, an open one with markup in its cause, proposals, and agreements."""
    conn = sqlite3.connect(db)
    with conn:
        est = _meetings(conn, "EST", 2025)
        secret = _problem(conn, est[:6], area=SECRET_AREA, text=SECRET_TEXT, source="Polisen",
                          secret=True)
        _measure(conn, est[2], SECRET_MEASURE, observation_id=secret, confidential=1)
        # Not marked itself: the problem's confidentiality covers it all the same.
        _measure(conn, est[2], f"{SECRET_MEASURE} två", observation_id=secret)
        _measure(conn, est[2], MARKUP_MEASURE)
        # Done on the year's last day counts as done at its end; on the next day it does not.
        for text, day in (("Klar på nyårsafton", "2025-12-31"), ("Klar på nyårsdagen",
                                                                 "2026-01-01")):
            done = _measure(conn, est[1], text)
            conn.execute("INSERT INTO measure_updates (measure_id, at, old_status, new_status) "
                         "VALUES (?, ?, 'not_started', 'done')", [done, f"{day}T16:00:00"])
        # Due on the year's last day is not late at its end; due the day before is.
        _measure(conn, est[1], "Klart senast nyårsafton", due="2025-12-31")
        _measure(conn, est[1], "Klart senast dagen före", due="2025-12-30")
        _problem(conn, est[:6], area="Torget", text="Bråk vid torget på fredagskvällar",
                 source="Trygghetsvandring", secret=False)
        _measure(conn, est[3], "Förslag om kameraövervakning", proposed_to="KLG",
                 proposal="proposed")
        _measure(conn, est[3], "Förslag om fältassistenter", proposed_to="KLG",
                 proposal="decided", proposal_decided_on="2025-06-10")
        _measure(conn, est[3], "Förslag om ny belysning", proposed_to="Kommunstyrelsen",
                 proposal="rejected", proposal_decided_on="2025-06-10",
                 proposal_reason="Ingen budget")
        linked = _measure(conn, est[4], "Kvällsvandringar i centrum", owner="Kommunen")
        for kind, title, first, last in (("medborgarlofte", "Tryggare centrum", "2025-03-01",
                                          "2026-02-28"),
                                         ("samverkan", "Gammal överenskommelse", "2022-01-01",
                                          "2023-12-31")):
            agreement = conn.execute(
                "INSERT INTO agreements (kind, title, period_start, period_end, parties, text, "
                "created_at) VALUES (?, ?, ?, ?, 'Polisen\nKommunen', 'Vi lovar', "
                "'2025-02-01T10:00:00')", [kind, title, first, last]).lastrowid
            conn.execute("INSERT INTO commitments (agreement_id, party, text, owner, due, "
                         "status) VALUES (?, 'Polisen', 'Fler kvällspatruller', 'Polisen', "
                         "'2025-12-01', 'in_progress')", [agreement])
            conn.execute("INSERT INTO agreement_measures VALUES (?, ?)", [agreement, linked])
    conn.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("upward") / "demo.db"
    ws = open_workspace(resolve(db=db, exports=db.parent / "exports"), clock=Clock(NOW))
    try:
        fill_demo(ws, years=2, seed=1)
    finally:
        ws.close()
    add_upward_rows(db)
    return db


@pytest.fixture
def copy(demo: Path, tmp_path: Path) -> Iterator[Workspace]:
    """A workspace on a copy of the demo (a test may add to it), speaking Swedish."""
    db = tmp_path / "demo.db"
    shutil.copy(demo, db)
    set_language("sv")
    ws = open_workspace(resolve(db=db, exports=tmp_path / "exports"), clock=Clock(NOW))
    yield ws
    ws.close()


def tables(path: Path) -> dict[str, list[list[str]]]:
    """Every table of a Word file by its header row ("Område|2024|2025|Förändring")."""
    found: dict[str, list[list[str]]] = {}
    for table in docx.Document(str(path)).tables:
        cells = [[cell.text for cell in row.cells] for row in table.rows]
        found.setdefault("|".join(cells[0]), []).extend(cells[1:])
    return found


def text_of(path: Path) -> str:
    document = docx.Document(str(path))
    return "\n".join([p.text for p in document.paragraphs]
                     + [c.text for t in document.tables for r in t.rows for c in r.cells])


def _status_cell(status: str, overdue: bool) -> str:
    return STATUS[status] + (" (försenad)" if overdue else "")


# --- the yearly report -------------------------------------------------------------------------

def test_yearly_figures_plan_and_followup_match_the_reference(copy: Workspace) -> None:
    path = export_yearly(copy, 2025, path=copy.locations.exports / "y.docx").path
    found = tables(path)
    db = copy.store.path

    areas = {row[0].casefold(): (int(row[1]), int(row[2]))
             for row in found["Område|2024|2025|Förändring"]}
    before, now = ref.problems_per_area(db, 2024), ref.problems_per_area(db, 2025)
    expected = {area: (before[area], now[area]) for area in before | now}
    expected["totalt"] = (sum(before.values()), sum(now.values()))
    assert areas == expected
    assert areas[SECRET_AREA.casefold()] == (0, 1)

    plan = found["Område|Åtgärd (grupp · typ · prevention)|Ansvarig|Status 2025-12-31"]
    reference = ref.decided(db, 2025, "2025-12-31")
    texts = [row[1].split("\n")[0] for row in plan]  # the group, type and level under it
    assert Counter(zip(texts, (row[3] for row in plan), strict=True)) == Counter(
        (text, _status_cell(status, late)) for _, text, status, late in reference)
    assert "Förslag om fältassistenter\nEST · Situationell · Ej angiven" in [
        row[1] for row in plan]  # a decided proposal is a measure
    assert "Förslag om kameraövervakning" not in texts
    status = dict(zip(texts, (row[3] for row in plan), strict=True))
    assert status["Klar på nyårsafton"] == "Genomförd"
    assert status["Klar på nyårsdagen"] == "Ej påbörjad (försenad)"
    assert status["Klart senast nyårsafton"] == "Ej påbörjad"
    assert status["Klart senast dagen före"] == "Ej påbörjad (försenad)"

    followup = found["Åtgärd (grupp)|Ansvarig|Klart senast|Status 2025-12-31"]
    words = {"done": "Genomförd", "ongoing": "Pågår", "overdue": "Försenad",
             "cancelled": "Avbruten"}
    assert Counter(row[3] for row in followup) == Counter(
        words[ref.outcome(status, late)] for _, _, status, late in
        ref.decided(db, 2024, "2025-12-31"))
    assert len(followup) >= 10  # the demo begins in late 2024


def test_yearly_main_problems_proposals_priorities_and_agreements(copy: Workspace) -> None:
    path = export_yearly(copy, 2025, path=copy.locations.exports / "y.docx").path
    text = text_of(path)
    found = tables(path)
    assert "Exempelkommun" in text and "Lägesbild och åtgärdsplan 2025" in text
    # Both problems were taken up at six meetings, at level 3 and open: main problems.
    assert f"{SECRET_AREA} – Våld" in text and "SEKRETESS" in text and SECRET_TEXT in text
    assert "Torget – Våld" in text and f"{MARKUP} (Stöds av data)" in text
    assert "tagits upp vid 6 möten" in text and "Källor: Trygghetsvandring" in text
    assert text.index("Torget – Våld") < text.index("2 Åtgärdsplan")

    proposals = found["Förslag (grupp)|Till|Ansvarig|Utfall"]
    shown = {(row[0], row[1], row[3]) for row in proposals}
    assert shown >= {  # the three made here, among the demo's own
        ("Förslag om fältassistenter\nEST", "KLG", "Beslutat 2025-06-10"),
        ("Förslag om kameraövervakning\nEST", "KLG", "Föreslaget, inte avgjort"),
        ("Förslag om ny belysning\nEST", "Kommunstyrelsen",
         "Avslaget 2025-06-10: Ingen budget")}
    made = sqlite3.connect(copy.store.path).execute(
        "SELECT count(*) FROM measures ms JOIN meetings m ON m.id = ms.meeting_id "
        "WHERE ms.proposal != '' AND ms.deleted_at IS NULL "
        "AND m.date BETWEEN '2025-01-01' AND '2025-12-31'").fetchone()[0]
    assert len(proposals) == made  # every proposal made in the year, once

    quarters = [row[0] for row in found["Kvartal|Grupp|Prioriteringar"]]
    conn = sqlite3.connect(copy.store.path)
    chosen = {q for (q,) in conn.execute("SELECT DISTINCT quarter FROM meeting_priorities "
                                         "WHERE quarter LIKE '2025-%'")}
    conn.close()
    assert set(quarters) == chosen and chosen

    assert "Medborgarlöfte: Tryggare centrum" in text
    assert "Gammal överenskommelse" not in text  # ended 2023
    assert "Parter: Polisen, Kommunen" in text
    assert found["Åtagande (part)|Ansvarig|Klart senast|Status"] == [
        ["Fler kvällspatruller\nPolisen", "Polisen", "2025-12-01", "Pågående"]]
    assert "Kvällsvandringar i centrum – Kommunen – Ej påbörjad (försenad)" in text


def test_public_yearly_leaves_out_the_confidential_problem_and_its_measures(
        copy: Workspace) -> None:
    path = export_yearly(copy, 2025, public=True, path=copy.locations.exports / "p.docx").path
    text = text_of(path)
    for hidden in (SECRET_AREA, SECRET_TEXT, SECRET_MEASURE, "Hemlig orsak", "SEKRETESS",
                   "Hemlig"):
        assert hidden not in text, hidden
    assert "Offentlig version" in text and "Torget – Våld" in text
    found = tables(path)
    plan = found["Område|Åtgärd (grupp · typ · prevention)|Ansvarig|Status 2025-12-31"]
    assert Counter(row[1].split("\n")[0] for row in plan) == Counter(
        text for _, text, _, _ in ref.decided(copy.store.path, 2025, "2025-12-31",
                                              public=True))
    areas = {row[0]: row[2] for row in found["Område|2024|2025|Förändring"]}
    assert int(areas["Sekretess"]) >= 1  # counted, not named


@pytest.mark.parametrize("where", ["source", "owner", "organisation"])
def test_public_yearly_is_refused_while_a_personnummer_stands_in_it(
        copy: Workspace, where: str) -> None:
    conn = sqlite3.connect(copy.store.path)
    with conn:
        if where == "source":
            conn.execute("UPDATE observations SET source = ? WHERE description LIKE 'Bråk vid "
                         "torget%'", [f"Tips från {PERSONNUMMER}"])
        else:
            column = "owner" if where == "owner" else "owner_org"
            conn.execute(f"UPDATE measures SET {column} = ? WHERE text = "
                         "'Förslag om fältassistenter'", [f"Anna {PERSONNUMMER}"])
        # In the confidential problem it is never shown publicly: no refusal for it.
        conn.execute("UPDATE observations SET source = ? WHERE area = ?",
                     ["19811218-9876", SECRET_AREA])
    conn.close()
    target = copy.locations.exports / "p.docx"
    with pytest.raises(PersonalDataFound) as refused:
        export_yearly(copy, 2025, public=True, path=target)
    assert not target.exists()
    # Where it stands: the problem's sources, or the measure in the plan and as a proposal.
    expected = (["Torget – Våld"] if where == "source"
                else [r"2 Åtgärdsplan, rad \d+, Ansvarig", "Förslag till organ ovanför "
                      r"grupperna, rad \d+, Ansvarig"])
    assert len(refused.value.findings) == len(expected)
    for found, place in zip(refused.value.findings, expected, strict=True):
        assert re.fullmatch(rf"{place}: 811218-\*\*\*\* \(personnummer\)", found), found
    assert PERSONNUMMER not in str(refused.value)

    internal = export_yearly(copy, 2025, path=copy.locations.exports / "i.docx")
    assert internal.findings and PERSONNUMMER in text_of(internal.path)  # the full record
    anyway = export_yearly(copy, 2025, public=True, path=target, allow_personal_data=True)
    assert PERSONNUMMER in text_of(anyway.path)


def test_markdown_escapes_what_users_typed(copy: Workspace) -> None:
    path = export_yearly(copy, 2025, fmt="md", path=copy.locations.exports / "y.md").path
    text = path.read_text(encoding="utf-8")
    assert r"Orsak med \*stjärnor\* \| och \<script\>x\</script\> (Stöds av data)" in text
    # A table cell: the text escaped, the line under it after a line break of ours.
    assert r"| Åtgärd med \*stjärnor\* \| \<b\>fet\</b\><br>EST · Situationell" in text
    assert "<script>" not in text and "*stjärnor*" not in text and "<b>" not in text
    assert "# Lägesbild och åtgärdsplan 2025" in text and "**SEKRETESS**" in text
    public = export_yearly(copy, 2025, fmt="md", public=True,
                           path=copy.locations.exports / "p.md").path.read_text("utf-8")
    assert SECRET_TEXT not in public and "SEKRETESS" not in public


@pytest.mark.parametrize(("status", "word"), [
    ("not_started", "Ej påbörjad"), ("in_progress", "Pågående"), ("done", "Genomförd"),
    ("cancelled", "Avbruten"), ("planned", "Ej påbörjad"), ("ongoing", "Pågående"),
    ("något annat", "något annat")])
def test_a_commitments_status_in_words(status: str, word: str) -> None:
    from meetingtui.export.upward.yearly import commitment_status

    set_language("sv")
    assert commitment_status(status) == word


def test_a_year_without_meetings_says_so(copy: Workspace) -> None:
    text = text_of(export_yearly(copy, 1999, path=copy.locations.exports / "e.docx").path)
    for said in ("Inga problem togs upp under 1999.", "Inga åtgärder beslutades under 1999.",
                 "Inga åtgärder beslutades under 1998.", "Inga förslag lämnades under 1999.",
                 "Inga medborgarlöften eller samverkansöverenskommelser gällde under 1999."):
        assert said in text, said


# --- the quarter's summary ---------------------------------------------------------------------

def test_quarter_summary_for_one_group(copy: Workspace) -> None:
    path = export_quarterly(copy, "2025-Q2", group="est",
                            path=copy.locations.exports / "q.docx").path
    found = tables(path)
    text = text_of(path)
    assert "Lägesbild 2025-Q2 · EST" in text
    conn = sqlite3.connect(copy.store.path)
    problems = {row[0] for row in conn.execute(
        "SELECT DISTINCT coalesce(o.problem_id, o.id) FROM observations o JOIN meetings m ON "
        "m.id = o.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.short = 'EST' AND "
        "m.date BETWEEN '2025-04-01' AND '2025-06-30' AND o.deleted_at IS NULL")}
    late = []
    for mid, text_, due in conn.execute(
            "SELECT ms.id, ms.text, ms.due FROM measures ms JOIN meetings m ON "
            "m.id = ms.meeting_id JOIN groups g ON g.id = m.group_id WHERE g.short = 'EST' AND "
            "m.date <= '2025-06-30' AND ms.deleted_at IS NULL AND ms.proposal IN ('', "
            "'decided') AND ms.due < '2025-06-30'"):
        if ref.status_on(conn, mid, "2025-06-30") not in ("done", "cancelled"):
            late.append(text_)
        assert due
    following = [row[0] for row in conn.execute(
        "SELECT p.title FROM meeting_priorities p JOIN meetings m ON m.id = p.meeting_id JOIN "
        "groups g ON g.id = m.group_id WHERE g.short = 'EST' AND p.quarter = '2025-Q3' "
        "ORDER BY m.date DESC, p.position")]
    conn.close()
    rows = found["Område (kategori)|Problem (grupp)|Nivå|Trend"]
    assert len(rows) == len(problems) > 0
    assert all(row[1].endswith("\nEST") for row in rows)
    assert late  # the demo's EST had measures overdue then
    assert Counter(row[0].split("\n")[0] for row in found[
        "Åtgärd (grupp)|Ansvarig|Klart senast|Status 2025-06-30"]) == Counter(late)
    assert "3 Prioriteringar för 2025-Q3" in text
    if following:
        [row] = found["Kvartal|Grupp|Prioriteringar"]
        assert row[:2] == ["2025-Q3", "EST"] and following[0] in row[2]


@pytest.mark.parametrize("text", ["2026-Q5", "2026-Q0", "2026Q4", "26-Q4", "", "2026-Q4x"])
def test_a_quarter_that_is_not_one_is_refused(text: str) -> None:
    with pytest.raises(BadPeriod):
        parse_quarter(text)


def test_quarters_read_in_any_case() -> None:
    assert [d.isoformat() for d in parse_quarter("2026-q4")] == ["2026-10-01", "2026-12-31"]
    assert [d.isoformat() for d in parse_quarter("2024-Q1")] == ["2024-01-01", "2024-03-31"]


# --- the command -------------------------------------------------------------------------------

def _run(demo: Path, *args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", "sv", "report", *args])
    return result.exit_code, result.stdout, result.stderr


def test_report_yearly_and_quarter_write_word_and_markdown(demo: Path, tmp_path: Path) -> None:
    code, out, _ = _run(demo, "yearly", "--year", "2025", "-o", str(tmp_path / "y.docx"))
    assert code == 0 and out.strip() == str(tmp_path / "y.docx")
    assert "Lägesbild och åtgärdsplan 2025" in text_of(tmp_path / "y.docx")
    code, out, _ = _run(demo, "quarter", "--quarter", "2025-Q4", "--group", "EST", "--public",
                        "-o", str(tmp_path / "q.md"))
    assert code == 0
    written = (tmp_path / "q.md").read_text("utf-8")
    assert written.startswith("**Exempelkommun**")
    assert "# Lägesbild 2025-Q4 · EST" in written and SECRET_TEXT not in written


@pytest.mark.parametrize(("args", "said"), [
    (["yearly", "--year", "20x6"], "--year 20x6 är inget år"),
    (["yearly", "--year", "99999"], "--year 99999 är inget år"),
    (["quarter", "--quarter", "2026-Q5"], "--quarter 2026-Q5 är inget kvartal"),
    (["quarter", "--quarter", "2026-Q4", "--group", "ingen"], "ingen grupp heter ingen"),
    (["yearly", "--year", "2025", "-o", "rapport.pdf"], "ska sluta på .docx eller .md"),
])
def test_report_errors_are_one_line(demo: Path, tmp_path: Path, args: list[str],
                                    said: str) -> None:
    if "-o" not in args:
        args = [*args, "-o", str(tmp_path / "r.docx")]
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", "sv", "report", *args])
    assert said in one_line_error(result)
    assert not (tmp_path / "r.docx").exists()


def test_an_existing_file_is_replaced_only_with_force(demo: Path, tmp_path: Path) -> None:
    target = tmp_path / "y.md"
    target.write_text("mitt eget", encoding="utf-8")
    result = CliRunner().invoke(main, ["--db", str(demo), "report", "yearly", "--year", "2025",
                                       "-o", str(target)])
    assert "finns redan" in one_line_error(result)
    assert target.read_text("utf-8") == "mitt eget"
    code, _, _ = _run(demo, "yearly", "--year", "2025", "-o", str(target), "--force")
    assert code == 0 and "Lägesbild och åtgärdsplan 2025" in target.read_text("utf-8")


def test_public_report_with_a_personnummer_is_refused_in_one_line(demo: Path,
                                                                  tmp_path: Path) -> None:
    db = tmp_path / "pn.db"
    shutil.copy(demo, db)
    conn = sqlite3.connect(db)
    with conn:
        conn.execute("UPDATE measures SET owner_org = ? WHERE text = 'Förslag om "
                     "fältassistenter'", [f"Org {PERSONNUMMER}"])
    conn.close()
    target = tmp_path / "p.docx"
    result = CliRunner().invoke(main, ["--db", str(db), "report", "yearly", "--year", "2025",
                                       "--public", "-o", str(target)])
    line = one_line_error(result)
    assert "811218-****" in line and PERSONNUMMER not in line and not target.exists()


@pytest.mark.parametrize(("lang", "said"), [
    ("sv", "--quarter 2026-Q5 är inget kvartal: skriv till exempel 2026-Q4 (Q1–Q4)."),
    ("en", "--quarter 2026-Q5 is not a quarter: write it as 2026-Q4 (Q1–Q4)."),
])
def test_a_bad_quarter_is_said_in_both_languages(demo: Path, lang: str, said: str) -> None:
    result = CliRunner().invoke(main, ["--db", str(demo), "--lang", lang, "report", "quarter",
                                       "--quarter", "2026-Q5"])
    assert one_line_error(result) == f"meetingtui: {said}"


def test_the_yearly_report_in_english(copy: Workspace) -> None:
    set_language("en")
    try:
        path = export_yearly(copy, 2025, fmt="md", path=copy.locations.exports / "en.md").path
    finally:
        set_language("sv")
    text = path.read_text("utf-8")
    for said in ("# Situation picture and action plan 2025", "## 2 Action plan",
                 "## 3 Follow-up of the measures of 2024", "taken up at 6 meetings"):
        assert said in text, said


def test_the_yearly_report_starts_from_the_word_template(copy: Workspace,
                                                         tmp_path: Path) -> None:
    from meetingtui.services.settings import set_word_template
    from tests.export.word.test_word_template import (
        ADDRESS,
        FONT,
        LETTERHEAD,
        header_text,
        make_template,
    )

    set_word_template(copy, make_template(tmp_path / "mall.docx"))
    path = export_yearly(copy, 2025, public=True, allow_personal_data=True,
                         path=copy.locations.exports / "mall.docx").path
    document = docx.Document(str(path))
    header = header_text(document.sections[0].header)
    assert LETTERHEAD in header
    assert "Exempelkommun\tLägesbild och åtgärdsplan 2025" in header
    assert "Offentlig version" in header
    assert ADDRESS in header_text(document.sections[0].footer)
    assert document.styles["Normal"].font.name == FONT
    assert round(document.sections[0].left_margin.cm, 2) == 2.0
    body = "\n".join(p.text for p in document.paragraphs)
    assert "PROTOKOLL" not in body and "1 Lägesbild" in body


def test_control_characters_and_long_texts_are_written_cleaned(copy: Workspace) -> None:
    long = "Lång åtgärd " + "x" * 10_000
    conn = sqlite3.connect(copy.store.path)
    with conn:
        meeting = _meetings(conn, "EST", 2025)[0]
        _measure(conn, meeting, "Styr\x00tecken\x0b i\x1ftext", owner="Ägare\x07")
        _measure(conn, meeting, long)
    conn.close()
    path = export_yearly(copy, 2025, path=copy.locations.exports / "c.docx").path
    text = text_of(path)
    assert "Styrtecken itext" in text and "Ägare" in text and long in text
    md = export_yearly(copy, 2025, fmt="md", path=copy.locations.exports / "c.md").path
    written = md.read_text("utf-8")
    assert "Styrtecken itext" in written and "\x00" not in written and long in written
