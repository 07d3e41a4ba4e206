"""A personnummer in what `meetingtui publish DIR` would make public (issue 17 §1) refuses the
public site and writes nothing: in a measure, in closed minutes, in a planned meeting's place;
the internal site may hold it."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from meetingtui.export.site import PersonalDataInSite, publish_site
from meetingtui.model import Measure
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from tests.export.site.publish_helpers import _cli, _text, sample
from tests.site_sample import SiteSample, swedish

__all__ = ["sample", "swedish"]  # fixtures, imported to apply here
PERSONNUMMER = "19121212-1212"  # Skatteverket's example: Luhn-valid


def test_a_personnummer_refuses_the_public_site_and_writes_nothing(
        ws: Workspace, sample: SiteSample, tmp_path: Path) -> None:
    lagesbild.save_measure(ws, Measure(meeting_id=sample.base.meetings["sspf"],
                                       text=f"Kontakta vårdnadshavare till {PERSONNUMMER}",
                                       owner="Lena Ek", due=date(2027, 1, 1)))
    folder = tmp_path / "webbplats"
    with pytest.raises(PersonalDataInSite) as raised:
        publish_site(ws, folder)
    assert "19121212-****" in str(raised.value) and "åtgärd" in str(raised.value)
    assert PERSONNUMMER not in str(raised.value)
    assert not folder.exists()
    result = _cli(sample, folder)
    assert result.exit_code == 1
    assert "Personnummer hittades" in result.stderr and "text: 19121212-****" in result.stderr
    assert "Inget skrevs" in result.stderr and not folder.exists()
    publish_site(ws, folder, internal=True)  # the internal copy may hold it (it is the record)
    assert PERSONNUMMER in _text(folder / "ansvariga" / "lena-ek.html")


def test_a_personnummer_in_closed_minutes_refuses_it_too(ws: Workspace, sample: SiteSample,
                                                         tmp_path: Path) -> None:
    from meetingtui.services import meetings

    item = meetings.items(ws, sample.closed)[0]
    ws.store.db.execute("UPDATE agenda_items SET notes = ? WHERE id = ?",
                        [f"Anmälan om {PERSONNUMMER}", item.id])
    ws.store.db.conn.commit()
    with pytest.raises(PersonalDataInSite) as raised:
        publish_site(ws, tmp_path / "w")
    assert "2026-09-08 EST: § 1" in str(raised.value)


def test_a_personnummer_in_a_planned_meetings_place_refuses_it(ws: Workspace,
                                                                sample: SiteSample,
                                                                tmp_path: Path) -> None:
    from meetingtui.services import meetings

    meeting = meetings.get_meeting(ws, sample.base.meetings["bra"])  # running: no minutes
    meetings.update_details(ws, meeting.model_copy(update={"place": f"Hos {PERSONNUMMER}"}),
                            meeting)
    with pytest.raises(PersonalDataInSite) as raised:
        publish_site(ws, tmp_path / "w")
    assert "BRÅ, möte 2026-11-10, place: 19121212-****" in str(raised.value)
