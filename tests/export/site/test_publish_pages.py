"""`meetingtui publish DIR` (issue 17 §1) makes readable pages: every page valid HTML with no
broken link and every table captioned, and the right measures and counts on the index, an
owner's, an organisation's and a group's page and the minutes."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from tests.actions_reference import TODAY
from tests.export.site.publish_helpers import _pages, _row, _text, internal, public, sample
from tests.services.test_actions import LONG_TEXT
from tests.site_sample import MARKUP, OPEN_OBSERVATION, SiteSample, parse, swedish, text_of

__all__ = ["internal", "public", "sample", "swedish"]  # fixtures, imported to apply here


@pytest.mark.parametrize("which", ["public", "internal"])
def test_every_page_parses_strictly_and_every_link_resolves(which: str,
                                                            request: pytest.FixtureRequest
                                                            ) -> None:
    folder: Path = request.getfixturevalue(which)
    pages = _pages(folder)
    # index, all owners, the owners, the organisations, 3 groups, the closed meeting's minutes;
    # Lena Ek (Socialtjänsten) has only a confidential measure open
    owners, orgs = (6, 5) if which == "public" else (7, 6)
    assert len(pages) == 1 + 1 + owners + orgs + 3 + 1
    links = 0
    for page in pages:
        tree = parse(page)  # strict: any parse error raises
        html = tree.getroot() if hasattr(tree, "getroot") else tree  # type: ignore[attr-defined]
        assert html.get("lang") == "sv"
        assert tree.find(".//meta[@name='viewport']") is not None  # type: ignore[attr-defined]
        for element in tree.iter():  # type: ignore[attr-defined]
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if target is None:
                    continue
                parts = urlsplit(target)
                assert not parts.scheme and not parts.netloc, (page, target)  # nothing outside
                resolved = (page.parent / unquote(parts.path)).resolve()
                assert resolved.is_file(), f"{page.relative_to(folder)} → {target}"
                assert resolved.is_relative_to(folder.resolve())
                links += 1
    assert links > 60
    for page in pages:  # every table says what it is and what its columns are
        for table in parse(page).iter("table"):  # type: ignore[attr-defined]
            if page.parent.name == "protokoll":
                continue  # the minutes' own tables: headed (scope) but without captions
            assert table.find("caption") is not None, page
            assert all(th.get("scope") in ("col", "row") for th in table.iter("th")), page


def test_the_index_counts_open_and_overdue_a_measure_due_today_is_not(public: Path) -> None:
    index = public / "index.html"
    text = _text(index)
    # Open and public: light, walk, landlord, schools, cameras, patrol, formula, bushes,
    # reopened and the one on the observation; overdue: light, landlord, patrol, reopened.
    assert "10 öppna åtgärder, varav 4 försenade." in text
    # Karl Lind: walk (15 Dec), schools (due TODAY: not overdue), patrol (20 Nov: overdue).
    assert _row(index, "Karl Lind") == ["Karl Lind", "Polisen, lokalpolisområde Exempelkommun",
                                        "3", "1", "Kalenderfil (.ics)"]
    assert _row(index, "Tekniska förvaltningen") == ["Tekniska förvaltningen", "2", "1"]
    assert _row(index, "EST – Effektiv samordning för trygghet")[1:] == ["2", "6", "2"]
    owners = [text_of(th) for th in parse(index).iter("th")  # type: ignore[attr-defined]
              if th.get("scope") == "row"]
    assert owners.index("Anna Berg") < owners.index("Karl Lind") < owners.index("Åsa Öberg")


def test_an_owners_page_has_each_open_measure_with_every_field(public: Path) -> None:
    page = public / "ansvariga" / "karl-lind.html"
    schools = _row(page, "Informera skolorna om läget")
    assert schools[1:] == [
        "Karl Lind (Polisen, lokalpolisområde Exempelkommun)", "EST", "2026-10-13", "–", "–",
        TODAY.isoformat(), "pågående",
        "2026-11-10: ej påbörjad (möte 2026-10-13) "
        "2026-11-20: ej påbörjad → pågående – Brev skickat"]
    patrol = _row(page, "Fältgång fredagar kl. 21–24")
    assert patrol[6:8] == ["2026-11-20", "Försenad (pågående)"]
    assert "Fältgång" in _text(page) and "Sanera klotter" not in _text(page)  # not his
    assert "Kalenderfil med Karl Linds åtgärder (.ics)" in _text(page)
    assert "Öppna åtgärder: 3, varav försenade: 1." in _text(page)
    light = _row(public / "ansvariga" / "anna-berg.html", LONG_TEXT)
    assert "ej påbörjad → pågående (möte 2026-10-13) – Beställt" in light[8]
    assert "pågående → pågående (möte 2026-11-10) – Leverans försenad" in light[8]
    observed = _row(public / "ansvariga" / "polis-etc.html", MARKUP)
    assert observed[4] == f"Torget, Busshållplatsen (Klotter): {OPEN_OBSERVATION}"


def test_an_organisations_page_and_a_groups_page(public: Path, sample: SiteSample) -> None:
    police = public / "organisationer" / "polisen-lokalpolisomrade-exempelkommun.html"
    assert {cells[0] for cells in _rows(police)} == {
        "Ordna en trygghetsvandring i Norra parken", "Informera skolorna om läget",
        "Fältgång fredagar kl. 21–24"}
    group = public / "grupper" / "est.html"
    rows = _rows(group)
    assert [r[0] for r in rows] == ["2026-10-13", "2026-09-08"]  # the latest first
    assert rows[1][2:] == ["avslutat", "Protokoll 2026-09-08"]
    assert rows[0][2:] == ["pågår", "–"]  # not closed: no minutes yet
    minutes = public / "protokoll" / f"2026-09-08-est-{sample.closed}.html"
    link = parse(group).find(".//a[@href='../protokoll/" + minutes.name + "']")  # type: ignore[attr-defined]
    assert link is not None
    text = _text(minutes)
    assert "Effektiv samordning för trygghet" in text and "Klotter på busshållplatsen" in text
    back = parse(minutes).find(".//a[@href='../grupper/est.html']")  # type: ignore[attr-defined]
    assert back is not None and back.text == "← Alla möten i EST"
    assert text.count("Offentlig version") == 1  # the minutes say it themselves


def _rows(page: Path) -> list[list[str]]:
    tree = parse(page)
    return [[text_of(cell) for cell in row if cell.tag in ("th", "td")]
            for row in tree.find(".//tbody").iter("tr")]  # type: ignore[attr-defined]
