"""A group whose name begins with its short name (Rättighetsnätverket, Styrgrupp (Strategiskt
råd), as shipped) is named once on the index, its own page and in a calendar entry:
"Rättighetsnätverket – Rättighetsnätverket" read as a mistake."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from meetingtui.export.site import publish_site
from meetingtui.model import Measure
from meetingtui.services import lagesbild, meetings
from tests.conftest import Clock
from tests.export.site.publish_helpers import _row, _text
from tests.scenarios.helpers import group_id, scenario_workspace
from tests.site_sample import parse, swedish, text_of

__all__ = ["swedish"]  # a fixture, imported to apply here


def test_a_group_named_by_its_short_name_is_named_once(tmp_path: Path, clock: Clock) -> None:
    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    network, est = group_id(ws, "Rättighetsnätverket"), group_id(ws, "EST")
    for group in (network, est, group_id(ws, "Styrgrupp")):
        meeting = meetings.plan_meeting(ws, group, date(2026, 11, 26))
        lagesbild.save_measure(ws, Measure(meeting_id=meeting.id or 0, text="Ta fram en mall",
                                           owner="Maria Öberg", due=date(2027, 3, 31)))
    folder = tmp_path / "webbplats"
    publish_site(ws, folder)

    assert _row(folder / "index.html", "Rättighetsnätverket")[0] == "Rättighetsnätverket"
    page = folder / "grupper" / "rattighetsnatverket.html"
    assert text_of(parse(page).find(".//h1")) == "Rättighetsnätverket"  # type: ignore[attr-defined]
    assert "Rättighetsnätverket – Rättighetsnätverket" not in _text(page)
    assert _row(folder / "index.html", "Styrgrupp (Strategiskt råd)")[0] == (
        "Styrgrupp (Strategiskt råd)")
    assert "Styrgrupp – Styrgrupp" not in _text(folder / "index.html")
    styrgrupp = text_of(parse(folder / "grupper" / "styrgrupp.html").find(".//h1"))  # type: ignore[attr-defined]
    assert styrgrupp == "Styrgrupp (Strategiskt råd)"
    # A short name beside a longer name: both, as before.
    [est_row] = [cells for cells in _rows_of(folder / "index.html") if cells[0].startswith("EST")]
    assert est_row[0] == "EST – Effektiv samordning för trygghet"


def _rows_of(page: Path) -> list[list[str]]:
    return [[text_of(cell) for cell in row if cell.tag in ("th", "td")]
            for row in parse(page).iter("tr")]  # type: ignore[attr-defined]


def test_a_calendar_entry_names_such_a_group_once(tmp_path: Path, clock: Clock) -> None:
    from icalendar import Calendar

    ws = scenario_workspace(tmp_path, clock, "Vårgårda kommun")
    for short in ("Rättighetsnätverket", "EST", "Styrgrupp"):
        meeting = meetings.plan_meeting(ws, group_id(ws, short), date(2026, 11, 26))
        lagesbild.save_measure(ws, Measure(meeting_id=meeting.id or 0, text=f"Mall för {short}",
                                           owner="Maria Öberg", due=date(2027, 3, 31)))
    folder = tmp_path / "webbplats"
    publish_site(ws, folder)
    calendar = Calendar.from_ical((folder / "ansvariga" / "maria-oberg.ics").read_bytes())
    groups = sorted(line for event in calendar.walk("VEVENT")
                    for line in str(event["DESCRIPTION"]).splitlines()
                    if line.startswith("Grupp:"))
    assert groups == ["Grupp: EST – Effektiv samordning för trygghet",
                      "Grupp: Rättighetsnätverket", "Grupp: Styrgrupp (Strategiskt råd)"]
