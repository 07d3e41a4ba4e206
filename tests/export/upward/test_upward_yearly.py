"""The yearly lägesbild and åtgärdsplan (issue 16 §5) on two years of demo data, read back as the
secretary files them: the figures, plan and follow-up in Word against the independent reference
in `tests/upward_reference.py`, the main problems, proposals, priorities and agreements; the
public version without the confidential problem, with its measures, and refused while a
personnummer stands in it; the Markdown escaped; an empty year; English; the Word template;
control characters and long texts cleaned."""

# The demo and its copy are fixtures imported below; pytest passes them by name, which ruff
# reads as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import re
import sqlite3
from collections import Counter
from pathlib import Path

import docx
import pytest

from meetingtui.export.upward.document import PersonalDataFound
from meetingtui.export.upward.yearly import export_yearly
from meetingtui.i18n import set_language
from meetingtui.services.workspace import Workspace
from tests import upward_reference as ref
from tests.export.upward.upward_data import (  # noqa: F401 - copy and demo are fixtures
    MARKUP,
    PERSONNUMMER,
    SECRET_AREA,
    SECRET_MEASURE,
    SECRET_TEXT,
    _measure,
    _meetings,
    copy,
    demo,
    tables,
    text_of,
)

STATUS = {"not_started": "Ej påbörjad", "in_progress": "Pågående", "done": "Genomförd",
          "cancelled": "Avbruten"}


def _status_cell(status: str, overdue: bool) -> str:
    return STATUS[status] + (" (försenad)" if overdue else "")


def _said_change(before: int, now: int) -> str:
    """What the change column says, written out independently: in numbers below ten before,
    in per cent from ten."""
    if before == now:
        return "oförändrat"
    if before == 0:
        return "nytt"
    word = "ökar" if now > before else "minskar"
    if before < 10:
        return f"{word} ({'+' if now > before else '−'}{abs(now - before)})"
    return f"{word} ({round(abs(now - before) * 100 / before)} %)"


@pytest.mark.parametrize(("before", "now", "said"), [
    (1, 16, "ökar (+15)"), (9, 3, "minskar (−6)"), (9, 18, "ökar (+9)"),
    (10, 15, "ökar (50 %)"), (10, 5, "minskar (50 %)"), (0, 3, "nytt"), (4, 4, "oförändrat")])
def test_a_change_is_said_in_numbers_on_a_small_base(before: int, now: int, said: str) -> None:
    from meetingtui.export.upward.yearly import change_text

    set_language("sv")
    assert change_text(before, now) == said == _said_change(before, now)


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
    for row in found["Område|2024|2025|Förändring"]:  # said as a reader takes it
        assert row[3] == _said_change(int(row[1]), int(row[2])), row

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
    from tests.export.word.template_helpers import (
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


def test_an_agreement_titled_by_its_kind_is_headed_once_and_text_after_a_table_stands_apart(
        copy: Workspace) -> None:
    """"Medborgarlöfte: Medborgarlöfte 2025 för Torget" was the heading of an agreement whose
    title says what it is, and "Åtgärder som genomför den:" stood glued to the table above it
    (found reading the demo's report as pages)."""
    from datetime import date

    from docx.text.paragraph import Paragraph

    from meetingtui.model import AgreementKind
    from meetingtui.services import agreements

    titled = agreements.add_agreement(copy, AgreementKind.MEDBORGARLOFTE,
                                      "Medborgarlöfte 2025 för Torget", date(2025, 1, 1),
                                      date(2025, 12, 31), ["Kommunen", "Polisen"])
    assert titled.id is not None
    agreements.add_commitment(copy, titled.id, "Kvällsvandringar på Torget", "Polisen")
    path = export_yearly(copy, 2025, path=copy.locations.exports / "a.docx").path
    headings = [p.text for p in docx.Document(str(path)).paragraphs
                if p.style is not None and p.style.name.startswith("Heading")]
    assert "Medborgarlöfte 2025 för Torget" in headings
    assert "Medborgarlöfte: Tryggare centrum" in headings  # a title that does not say it
    assert not any(h.count("Medborgarlöfte") > 1 for h in headings)
    document = docx.Document(str(path))
    after_tables = [element.getnext() for element in document.element.body.iterchildren()
                    if element.tag.endswith("}tbl")]
    linked = [p for p in after_tables if p is not None and Paragraph(
        p, document._body).text == "Åtgärder som genomför den:"]
    assert linked
    for paragraph in linked:
        spacing = paragraph.find(".//{*}pPr/{*}spacing")
        assert spacing is not None and int(spacing.get(
            "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}before")) > 0
