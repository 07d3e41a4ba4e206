"""The agreements item in the minutes (issue 16 §4): public minutes are refused while a
personnummer stands in a commitment, and leave a confidential linked measure out; the internal
ones mark it; an item with no agreement in force says so; a meeting without the item shows none."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import docx
import pytest

from meetingtui.export.minutes import PersonalDataFound, export_minutes
from meetingtui.model import AgreementKind, Measure
from meetingtui.services import agreements, lagesbild, meetings
from meetingtui.services.record import load_meeting
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.scenarios.helpers import group_id, scenario_workspace

PNR = "19121212-1212"


def _text(path: Path) -> str:
    document = docx.Document(str(path))
    lines = [p.text for p in document.paragraphs]
    lines += [" | ".join(c.text for c in row.cells) for t in document.tables for row in t.rows]
    return "\n".join(lines)


@pytest.fixture
def shipped(tmp_path: Path, clock: Clock) -> Workspace:
    return scenario_workspace(tmp_path, clock, "Herrljunga kommun")


def _meeting(ws: Workspace, short: str = "EST") -> int:
    meeting = meetings.plan_meeting(ws, group_id(ws, short), date(2026, 11, 10))
    assert meeting.id is not None
    return meeting.id


def test_public_minutes_refuse_a_personnummer_and_leave_out_confidential_measures(
        shipped: Workspace, tmp_path: Path) -> None:
    ws = shipped
    meeting_id = _meeting(ws)
    lofte = agreements.add_agreement(ws, AgreementKind.MEDBORGARLOFTE, "Tryggare Centrum",
                                     date(2026, 1, 1), date(2026, 12, 31), ["Kommunen"])
    assert lofte.id is not None
    commitment = agreements.add_commitment(ws, lofte.id, "Samtal med familjen",
                                           f"Socialsekreterare {PNR}")
    for text, secret in (("Belysning i parken", False), ("Kartläggning av gänget", True)):
        measure = lagesbild.save_measure(ws, Measure(meeting_id=meeting_id, text=text,
                                                     owner="Polisen", confidential=secret))
        assert measure.id is not None
        agreements.link_measure(ws, lofte.id, measure.id)
    with pytest.raises(PersonalDataFound) as refused:
        export_minutes(ws, meeting_id, public=True, path=tmp_path / "offentlig.docx")
    assert "19121212-****" in str(refused.value.findings[0])
    assert "åtagande 1, ansvarig" in refused.value.findings[0].place  # in the interface language
    assert not (tmp_path / "offentlig.docx").exists()
    assert commitment.id is not None
    stored = agreements.get_commitment(ws, commitment.id)
    agreements.save_commitment(ws, stored.model_copy(update={"owner": "Socialsekreterare"}),
                               base=stored)
    public = _text(export_minutes(ws, meeting_id, public=True,
                                  path=tmp_path / "offentlig.docx").path)
    assert "Samtal med familjen | Socialsekreterare" in public
    assert "Belysning i parken" in public
    assert "Kartläggning av gänget" not in public
    internal = _text(export_minutes(ws, meeting_id, path=tmp_path / "intern.docx").path)
    assert "Kartläggning av gänget" in internal
    assert "SEKRETESS" in internal
    markdown = export_minutes(ws, meeting_id, public=True, fmt="md",
                              path=tmp_path / "offentlig.md").path.read_text(encoding="utf-8")
    assert "Belysning i parken" in markdown and "Kartläggning" not in markdown


def test_an_item_with_nothing_in_force_says_so(shipped: Workspace, tmp_path: Path) -> None:
    ws = shipped
    meeting_id = _meeting(ws)
    agreements.add_agreement(ws, AgreementKind.SAMVERKAN, "Förra årets", date(2025, 1, 1),
                             date(2025, 12, 31), ["Kommunen"])
    text = _text(export_minutes(ws, meeting_id, path=tmp_path / "intern.docx").path)
    assert "Inget medborgarlöfte och ingen samverkansöverenskommelse gällde vid mötet." in text
    assert "Förra årets" not in text


def test_only_meetings_that_follow_them_up_show_them(shipped: Workspace) -> None:
    ws = shipped
    agreements.add_agreement(ws, AgreementKind.SAMVERKAN, "Överenskommelse med polisen",
                             date(2026, 1, 1), date(2026, 12, 31), ["Kommunen", "Polisen"])
    assert [d.agreement.title for d in load_meeting(ws, _meeting(ws, "Styrgrupp")).agreements] \
        == ["Överenskommelse med polisen"]
    assert load_meeting(ws, _meeting(ws, "SSPF")).agreements == []  # no agreements item


def test_commitments_keep_their_words_whole_with_the_party_under_each(
        shipped: Workspace, tmp_path: Path) -> None:
    """The demo's medborgarlöfte read as pages: with a column for the party, "Trygghets-
    vandringar" and "Kommunledningsförvaltningen" broke mid-word on A4, and "Status när mötet
    avslutades." stood glued to the table. Four columns, the party under the commitment, every
    word narrower than its column; the line under the table has room above it."""
    from docx.text.paragraph import Paragraph

    from meetingtui.export.word.column_widths import CELL_EXTRA_CM, longest_word_cm
    from meetingtui.export.word.layout import TABLE_FONT_SIZE

    ws = shipped
    meeting_id = _meeting(ws)
    lofte = agreements.add_agreement(ws, AgreementKind.MEDBORGARLOFTE, "Tryggare kvällar",
                                     date(2026, 1, 1), date(2026, 12, 31),
                                     ["Kommunen", "Lokalpolisområdet"])
    assert lofte.id is not None
    for text, owner, org, party in (
            ("Trygghetsvandringar i Centrum varje månad, med föreningar och boende",
             "Trygghetssamordnare", "Kommunledningsförvaltningen", "Kommunen"),
            ("Bättre belysning längs gångstråket till Resecentrum", "Gatuchef",
             "Samhällsbyggnadsförvaltningen", "Kommunen"),
            ("Medborgardialog om otrygghet i Resecentrum", "Kommunpolis",
             "Polisen, lokalpolisområdet", "Lokalpolisområdet")):
        agreements.add_commitment(ws, lofte.id, text, owner, party=party, organisation=org,
                                  due=date(2026, 5, 31))
    meetings.close_meeting(ws, meeting_id)
    path = export_minutes(ws, meeting_id, path=tmp_path / "intern.docx").path
    document = docx.Document(str(path))
    table = next(t for t in document.tables if t.rows[0].cells[0].text == "Åtagande (part)")
    assert [c.text for c in table.rows[0].cells] == [
        "Åtagande (part)", "Ansvarig", "Klart senast", "Status"]
    assert table.rows[1].cells[0].text == (
        "Trygghetsvandringar i Centrum varje månad, med föreningar och boende\nKommunen")
    assert table.rows[1].cells[1].text == (
        "Trygghetssamordnare, Kommunledningsförvaltningen")
    for index, column in enumerate(table.columns):
        texts = [row.cells[index].text for row in table.rows[1:]]
        assert column.width is not None
        assert longest_word_cm(texts, TABLE_FONT_SIZE.pt) + CELL_EXTRA_CM <= column.width.cm, (
            index, texts)
    body = list(document.element.body.iterchildren())
    under = body[body.index(table._tbl) + 1]
    assert Paragraph(under, document._body).text == "Status när mötet avslutades."
    assert int(under.find(".//{*}spacing").get(
        "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}before")) > 0
