"""`meetingtui publish DIR` (issue 17 §1, and §2's calendar per owner): every page valid HTML,
no broken link, the right measures and counts on the right pages, nothing confidential in the
public site and everything marked in the internal one, user text as text, file names never from
user text, and a folder that is not empty left alone unless asked."""

from __future__ import annotations

import re
from datetime import date, timedelta
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from click.testing import CliRunner, Result
from icalendar import Calendar

from meetingtui.cli import main
from meetingtui.export.files import ExportError
from meetingtui.export.site import MANIFEST, PersonalDataInSite, publish_site
from meetingtui.export.site.reuse import INDEX
from meetingtui.model import Measure
from meetingtui.services import lagesbild
from meetingtui.services.workspace import Workspace
from tests.actions_reference import TODAY
from tests.conftest import Clock
from tests.services.test_actions import LONG_TEXT
from tests.site_sample import (
    INTERNAL,
    MARKUP,
    OPEN_OBSERVATION,
    SECRET_MEASURE,
    SECRET_OBSERVATION,
    SECRET_ON_OBSERVATION,
    SiteSample,
    build_site_sample,
    parse,
    swedish,
    text_of,
)

__all__ = ["swedish"]  # the autouse fixture, imported to apply here
PERSONNUMMER = "19121212-1212"  # Skatteverket's example: Luhn-valid


@pytest.fixture
def sample(ws: Workspace, clock: Clock, test_agendas: Path) -> SiteSample:
    return build_site_sample(ws, clock, test_agendas)


@pytest.fixture
def public(ws: Workspace, sample: SiteSample, tmp_path: Path) -> Path:
    folder = tmp_path / "webbplats"
    publish_site(ws, folder)
    return folder


@pytest.fixture
def internal(ws: Workspace, sample: SiteSample, tmp_path: Path) -> Path:
    folder = tmp_path / "intern"
    publish_site(ws, folder, internal=True)
    return folder


def _pages(folder: Path) -> list[Path]:
    return sorted(folder.rglob("*.html"))


def _text(page: Path) -> str:
    return text_of(parse(page))


def _row(page: Path, heading: str) -> list[str]:
    """The cells of the table row whose row header reads `heading`."""
    tree = parse(page)
    for row in tree.iter("tr"):  # type: ignore[attr-defined]
        cells = [text_of(cell) for cell in row if cell.tag in ("th", "td")]
        if cells and cells[0] == heading:
            return cells
    raise AssertionError(f"no row {heading!r} in {page}")


# --- valid, linked, readable -------------------------------------------------------------------

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


# --- what may be seen --------------------------------------------------------------------------

def test_the_public_site_holds_nothing_confidential(public: Path) -> None:
    for path in public.rglob("*"):
        if path.is_file():
            data = path.read_bytes().decode("utf-8")
            for secret in (SECRET_MEASURE, SECRET_OBSERVATION, SECRET_ON_OBSERVATION,
                           "Hemliga gatan", INTERNAL):
                assert secret not in data, (path, secret)
    assert "Offentlig version" in _text(public / "index.html")


def test_the_internal_site_holds_it_and_marks_every_page(internal: Path,
                                                         sample: SiteSample) -> None:
    for page in _pages(internal):
        assert _text(page).count(INTERNAL) >= 2, page  # at the top and at the foot
        assert INTERNAL in parse(page).find(".//title").text  # type: ignore[attr-defined]
    karl = internal / "ansvariga" / "karl-lind.html"
    secret = _row(karl, f"{SECRET_ON_OBSERVATION} Sekretess")
    assert SECRET_OBSERVATION in secret[4]
    assert SECRET_MEASURE in _text(internal / "ansvariga" / "lena-ek.html")
    minutes = next((internal / "protokoll").glob("*.html"))
    assert SECRET_OBSERVATION in _text(minutes)
    ics = (internal / "ansvariga" / "karl-lind.ics").read_bytes().decode("utf-8")
    assert "CLASS:CONFIDENTIAL" in ics


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


# --- user text is data -------------------------------------------------------------------------

def test_user_text_is_escaped_never_markup(public: Path) -> None:
    page = public / "ansvariga" / "polis-etc.html"
    raw = page.read_text(encoding="utf-8")
    assert "<script>" not in raw and "<b>fet" not in raw
    assert "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &#34;citat&#34;" in raw
    assert MARKUP in _text(page)  # shown exactly as typed
    assert parse(page).find(".//script") is None  # type: ignore[attr-defined]
    for each in _pages(public):
        assert parse(each).find(".//script") is None, each  # type: ignore[attr-defined]


def test_a_name_that_is_a_path_makes_a_file_name_inside_the_site(public: Path,
                                                                 tmp_path: Path) -> None:
    inside = {p.resolve() for p in public.rglob("*")}
    assert all(p.is_relative_to(public.resolve()) for p in inside)
    assert not (tmp_path / "etc").exists()
    assert (public / "ansvariga" / "polis-etc.html").is_file()
    assert all(re.fullmatch(r"[a-z0-9-]+\.(html|ics|css)", p.name)
               for p in public.rglob("*") if p.is_file() and p.name not in (MANIFEST, INDEX))


def test_swedish_letters_and_two_spellings_of_one_name(public: Path) -> None:
    first = public / "ansvariga" / "asa-oberg.html"
    second = public / "ansvariga" / "asa-oberg-2.html"
    titles = {parse(p).find(".//h1").text for p in (first, second)}  # type: ignore[attr-defined]
    assert titles == {"Åsa Öberg", "ÅSA ÖBERG"}
    upper = first if parse(first).find(".//h1").text == "ÅSA ÖBERG" else second  # type: ignore[attr-defined]
    assert "Röj buskage vid *cykelbanan*" in _text(upper)
    assert "Kontakta fastighetsägaren om belysning" in _text(second if upper == first else first)


def test_control_characters_are_left_out_and_long_text_kept(ws: Workspace, sample: SiteSample,
                                                            tmp_path: Path) -> None:
    long_text = "Åtgärd " + "lång text " * 1000
    ws.store.db.execute("UPDATE measures SET text = ? WHERE id = ?",
                        ["Nattvandring\x01\x0b i centrum\ufffe", sample.base.measures["walk"]])
    ws.store.db.execute("UPDATE measures SET text = ? WHERE id = ?",
                        [long_text, sample.base.measures["cameras"]])
    ws.store.db.conn.commit()
    folder = tmp_path / "w"
    publish_site(ws, folder)
    karl = folder / "ansvariga" / "karl-lind.html"
    assert "Nattvandring i centrum" in _text(karl)  # and it parsed, strictly
    assert " ".join(long_text.split()) in _text(folder / "ansvariga" / "anna-berg.html")


# --- calendars ---------------------------------------------------------------------------------

def test_one_calendar_per_owner_all_day_events_with_stable_uids(
        ws: Workspace, sample: SiteSample, tmp_path: Path) -> None:
    first, again = tmp_path / "a", tmp_path / "b"
    publish_site(ws, first)
    publish_site(ws, again)
    calendars = sorted(first.rglob("*.ics"))
    assert [p.name for p in calendars] == [
        "anna-berg.ics", "asa-oberg-2.ics", "asa-oberg.ics", "karl-lind.ics", "mats-holm.ics",
        "polis-etc.ics"]  # Lena Ek's only open measure is confidential
    for path in calendars:
        raw = path.read_bytes()
        calendar = Calendar.from_ical(raw)
        events = list(calendar.walk("VEVENT"))
        assert events, path
        assert raw.count(b"DTSTART;VALUE=DATE:") == len(events)
        for event in events:
            start, end = event.decoded("dtstart"), event.decoded("dtend")
            assert type(start) is date and end == start + timedelta(days=1)
            assert event.walk("VALARM")  # a reminder a week before
        twin = Calendar.from_ical((again / path.relative_to(first)).read_bytes())
        assert [str(e["uid"]) for e in events] == [str(e["uid"]) for e in twin.walk("VEVENT")]
    karl = Calendar.from_ical((first / "ansvariga" / "karl-lind.ics").read_bytes())
    assert sorted(str(e["summary"]) for e in karl.walk("VEVENT")) == [
        "EST: Informera skolorna om läget", "EST: Ordna en trygghetsvandring i Norra parken",
        "SSPF: Fältgång fredagar kl. 21–24"]


def test_uids_survive_a_copy_of_the_database(ws: Workspace, sample: SiteSample,
                                              tmp_path: Path) -> None:
    import shutil

    from meetingtui.paths import resolve
    from meetingtui.services.workspace import open_workspace

    publish_site(ws, tmp_path / "a")
    ws.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    copy = tmp_path / "kopia.db"
    shutil.copy(sample.base.db, copy)
    other = open_workspace(resolve(db=copy, agendas=sample.base.agendas,
                                   exports=tmp_path / "x"), clock=lambda: ws.now())
    try:
        publish_site(other, tmp_path / "b")
    finally:
        other.close()
    for name in ("karl-lind.ics", "anna-berg.ics"):
        uids = [[str(e["uid"]) for e in Calendar.from_ical(
            (tmp_path / where / "ansvariga" / name).read_bytes()).walk("VEVENT")]
            for where in ("a", "b")]
        assert uids[0] == uids[1] and uids[0]


# --- the folder --------------------------------------------------------------------------------

def test_a_folder_that_is_not_empty_is_refused_without_force(ws: Workspace, sample: SiteSample,
                                                              tmp_path: Path) -> None:
    folder = tmp_path / "w"
    folder.mkdir()
    (folder / "egen.txt").write_text("min egen fil", encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        publish_site(ws, folder)
    assert raised.value.reason == "exists"
    assert sorted(p.name for p in folder.iterdir()) == ["egen.txt"]
    result = _cli(sample, folder)
    assert result.exit_code == 1 and "är inte tom; inget skrevs" in result.stderr
    (tmp_path / "fil").write_text("x", encoding="utf-8")
    with pytest.raises(ExportError):
        publish_site(ws, tmp_path / "fil")


def test_force_replaces_only_what_publish_wrote(ws: Workspace, sample: SiteSample,
                                                tmp_path: Path) -> None:
    folder = tmp_path / "w"
    publish_site(ws, folder, internal=True)
    assert (folder / "ansvariga" / "lena-ek.html").is_file()  # her confidential measure
    (folder / "egen.txt").write_text("min egen fil", encoding="utf-8")
    (folder / "ansvariga" / "anteckning.html").write_text("egen", encoding="utf-8")
    done = publish_site(ws, folder, force=True)
    # Lena Ek has nothing public left: the internal page of hers is gone, not left behind.
    assert not (folder / "ansvariga" / "lena-ek.html").exists()
    assert folder / "ansvariga" / "lena-ek.html" in done.removed
    assert (folder / "egen.txt").read_text(encoding="utf-8") == "min egen fil"
    assert (folder / "ansvariga" / "anteckning.html").read_text(encoding="utf-8") == "egen"
    for path in folder.rglob("*"):
        if path.is_file() and path.name not in ("egen.txt", "anteckning.html"):
            assert INTERNAL not in path.read_text(encoding="utf-8"), path


def test_the_database_is_never_replaced_nor_removed(ws: Workspace, sample: SiteSample,
                                                    tmp_path: Path) -> None:
    folder = tmp_path / "w"
    publish_site(ws, folder)
    listed = (folder / MANIFEST).read_text(encoding="utf-8")
    # A manifest that names a database (edited by hand, or a database put where a page was):
    # removed from the listing's files it never is.
    ws.store.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    database_copy = folder / "grupper" / "est.html"
    database_copy.write_bytes(sample.base.db.read_bytes())
    (folder / MANIFEST).write_text(listed + "../test.db\n", encoding="utf-8")
    with pytest.raises(ExportError) as raised:
        publish_site(ws, folder, force=True)
    assert raised.value.reason == "database"
    assert sample.base.db.is_file()
    result = _cli(sample, sample.base.db, "--force")
    assert result.exit_code == 1 and sample.base.db.is_file()


def test_progress_counts_every_file(ws: Workspace, sample: SiteSample, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    done = publish_site(ws, tmp_path / "w", progress=lambda n, total: seen.append((n, total)))
    total = len(done.files) + 2  # and the minutes' index (reuse), the manifest
    assert seen == [(n, total) for n in range(1, total + 1)]


def test_the_command(sample: SiteSample, tmp_path: Path) -> None:
    folder = tmp_path / "webbplats"
    result = _cli(sample, folder)
    assert result.exit_code == 0, result.output
    assert re.fullmatch(rf"24 filer publicerade i {re.escape(str(folder))} på \d+,\d s",
                        result.stdout.strip()), result.stdout
    assert (folder / "index.html").is_file() and (folder / "style.css").is_file()
    again = _cli(sample, folder, "--force", "--internal", "--page-per-owner")
    assert again.exit_code == 0, again.output
    assert 'class="page-per-owner"' in (folder / "alla-ansvariga.html").read_text("utf-8")
    assert 'class="page-per-owner"' not in (folder / "index.html").read_text("utf-8")


def test_the_command_writes_the_datasette_copy_beside_the_site(
    sample: SiteSample, tmp_path: Path,
) -> None:
    """`publish --datasette`: the site and the public copy with its metadata in one folder;
    published again with --force, both are replaced and nothing else is touched."""
    folder = tmp_path / "webbplats"
    result = _cli(sample, folder, "--datasette")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[-1] == (
        "Kopian för Datasette: meetingtui-offentlig.db, metadata.json")
    copy = folder / "meetingtui-offentlig.db"
    assert (folder / "index.html").is_file() and copy.is_file()
    assert "Mina åtgärder" in (folder / "metadata.json").read_text("utf-8")
    assert _cli(sample, folder, "--datasette").exit_code == 1  # not over it without --force
    (folder / "egen.txt").write_text("kvar")
    again = _cli(sample, folder, "--datasette", "--force")
    assert again.exit_code == 0, again.output
    assert (folder / "egen.txt").read_text() == "kvar" and copy.is_file()


def _cli(sample: SiteSample, folder: Path, *args: str) -> Result:
    return CliRunner().invoke(main, ["--db", str(sample.base.db), "--agendas",
                                     str(sample.base.agendas), "--lang", "sv", "publish",
                                     str(folder), *args])


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
