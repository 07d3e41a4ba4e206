"""A quarter's lägesbild for one group (issue 16 §5) on two years of demo data: its problems, the
measures late at its end against the reference in `tests/upward_reference.py`, and the next
quarter's priorities; and which quarters are read, in any case, and which refused."""

# The demo and its copy are fixtures imported below; pytest passes them by name, which ruff
# reads as redefinitions.
# ruff: noqa: F811

from __future__ import annotations

import sqlite3
from collections import Counter

import pytest

from meetingtui.export.upward.quarterly import export_quarterly
from meetingtui.services.upward import BadPeriod, parse_quarter
from meetingtui.services.workspace import Workspace
from tests import upward_reference as ref
from tests.export.upward.upward_data import (  # noqa: F401 - copy and demo are fixtures
    copy,
    demo,
    tables,
    text_of,
)

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
