"""Attendance in the minutes reads as people (issue 12 §11): each person's line says name, role
and organisation without saying anything twice, members come before substitutes, guests and
the absent, and the public version lists the same people.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

import pytest

from meetingtui.export.minutes.people import person_line
from meetingtui.model import Attendance, Language
from tests.export.minutes.minutes_helpers import export, md
from tests.export_fixtures import est_record


def person(name: str, role: str = "", org: str = "", substitute: bool = False) -> Attendance:
    return Attendance(meeting_id=1, name=name, role=role, organisation=org,
                      substitute=substitute)


@pytest.mark.parametrize(("row", "line"), [
    (person("Per Lund", "Räddningstjänst", "Räddningstjänsten"), "Per Lund, Räddningstjänsten"),
    (person("Räddningstjänst", "Räddningstjänst"), "Räddningstjänst"),
    (person("Räddningstjänst", "Räddningstjänst", "Räddningstjänsten"), "Räddningstjänst"),
    (person("Anna Berg", "Kommunpolis", "Polisen"), "Anna Berg, kommunpolis, Polisen"),
    (person("Anna Berg", "Polis", "Polisen LPO Alingsås"), "Anna Berg, Polisen LPO Alingsås"),
    (person("Eva Ek", "SSPF-samordnare", "Socialtjänsten"),
     "Eva Ek, SSPF-samordnare, Socialtjänsten"),
    (person("Eva Ek", "", "Socialtjänsten"), "Eva Ek, Socialtjänsten"),
    (person("Eva Ek", "Rektor"), "Eva Ek, rektor"),
    (person("Eva Ek"), "Eva Ek"),
    (person("Per Lund", "Räddningstjänst", "Räddningstjänsten", True),
     "Per Lund, Räddningstjänsten (ersättare)"),
    (person("  Per   Lund ", " Brandman ", "Räddningstjänsten\x07"),
     "Per Lund, brandman, Räddningstjänsten"),
])
def test_person_line(row: Attendance, line: str) -> None:
    assert person_line(row) == line


def test_no_line_says_the_same_thing_twice() -> None:
    record = est_record()
    for row in record.attendance:
        line = person_line(row)
        parts = [p.strip(" ()") for p in line.split(",")]
        assert len({p.casefold() for p in parts}) == len(parts), line


def test_attendance_in_both_formats_members_then_substitutes_then_guests_then_absent() -> None:
    record = est_record(language=Language.EN)
    text = md(record)
    present = text.index("**Present:**")
    assert present < text.index("**Co-opted:**") < text.index("**Absent:**")
    assert "- Per Lund, Räddningstjänsten (substitute)" in text.splitlines()
    lines = [line for line in text.splitlines() if line.startswith("- ")]
    assert lines.index("- Lena Strand, Södra Älvsborgs Räddningstjänstförbund") < lines.index(
        "- Per Lund, Räddningstjänsten (substitute)")
    assert "- Räddningstjänst" in lines and "- Räddningstjänst, Räddningstjänst" not in lines


def test_public_version_lists_the_same_people() -> None:
    info = dict(
        (row.cells[0].text, row.cells[1].text) for row in export(est_record(), public=True)
        .tables[0].rows)
    assert "Per Lund, Räddningstjänsten (ersättare)" in info["Närvarande"]
