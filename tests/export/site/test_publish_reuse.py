"""A minutes page is kept between publishes into the same folder only while nothing it is made
of changed (`export.site.reuse`): the record, its title and group, public or internal, the
municipality, the language, the program. Whatever changed, the page is made again; a page
edited or removed by hand is made again; a personnummer that came in since refuses the public
site although the old page had none."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import meetingtui.export.site.reuse as reuse
from meetingtui.export.site import PersonalDataInSite, publish_site
from meetingtui.export.site.reuse import INDEX
from meetingtui.i18n import language, set_language
from meetingtui.services.workspace import Workspace
from tests.export.site.conftest import copy_of_demo

PERSONNUMMER = "19121212-1212"  # Skatteverket's example: Luhn-valid


@pytest.fixture
def ws(tmp_path: Path, demo_file: Path) -> Iterator[Workspace]:
    """A year of demo meetings in a file of this test's own (the tests change closed ones)."""
    ws = copy_of_demo(demo_file, tmp_path)
    was = language()
    set_language("sv")
    yield ws
    set_language(was)
    ws.close()


def _minutes(folder: Path) -> dict[str, tuple[int, bytes]]:
    """Each minutes page: its inode (a page written again is a new file) and its bytes."""
    return {p.name: (os.stat(p).st_ino, p.read_bytes())
            for p in (folder / "protokoll").iterdir()}


def _as_fresh(ws: Workspace, site: Path, tmp_path: Path, *, internal: bool = False) -> None:
    """The folder's minutes are, byte for byte, what a first publish makes of the database."""
    fresh = tmp_path / "fresh"
    publish_site(ws, fresh, internal=internal, workers=1)
    assert {name: page for name, (_, page) in _minutes(site).items()} == {
        name: page for name, (_, page) in _minutes(fresh).items()}


def _closed_item(ws: Workspace, newest: bool = True) -> tuple[int, int]:
    """A closed meeting's first item that is not confidential: (meeting id, item id)."""
    order = "DESC" if newest else "ASC"
    return ws.store.conn.execute(
        "SELECT m.id, i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
        "WHERE m.status = 'closed' AND i.confidential = 0 AND i.kind = 'text' "
        f"ORDER BY m.date {order}, i.position LIMIT 1").fetchone()


def _page_of(folder: Path, meeting_id: int) -> str:
    return next(p.name for p in (folder / "protokoll").iterdir()
                if p.stem.endswith(f"-{meeting_id}"))


def _set(ws: Workspace, sql: str, *params: object) -> None:
    """A change the services refuse in a closed meeting: as another program, or an amendment
    made long ago, would leave it in the file."""
    ws.store.conn.execute(sql, params)


def test_a_publish_again_keeps_every_unchanged_page_and_makes_the_rest(
        ws: Workspace, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    assert len(before) > 30 and (site / INDEX).is_file()
    index_page = os.stat(site / "index.html").st_ino
    again = publish_site(ws, site, force=True, workers=1)
    assert _minutes(site) == before  # the same files, untouched
    assert os.stat(site / "index.html").st_ino != index_page  # the rest is written again
    assert {p.name for p in again.files} >= set(before)
    listed = (site / ".meetingtui-publish").read_text(encoding="utf-8").splitlines()
    assert {f"protokoll/{name}" for name in before} <= set(listed)
    fresh = tmp_path / "fresh"
    publish_site(ws, fresh, workers=1)
    assert {name: page for name, (_, page) in _minutes(fresh).items()} == {
        name: page for name, (_, page) in before.items()}


def test_a_changed_record_makes_its_page_again_and_only_it(ws: Workspace,
                                                            tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=2)
    before = _minutes(site)
    meeting_id, item_id = _closed_item(ws)
    _set(ws, "UPDATE agenda_items SET notes = ? WHERE id = ?",
         "Rättat i efterhand: belysningen i gångtunneln", item_id)
    publish_site(ws, site, force=True, workers=2)
    after = _minutes(site)
    changed = {name for name in before if after[name] != before[name]}
    assert changed == {_page_of(site, meeting_id)}
    _as_fresh(ws, site, tmp_path)
    assert "Rättat i efterhand" in after[_page_of(site, meeting_id)][1].decode("utf-8")


def test_an_observation_made_confidential_leaves_the_public_page(ws: Workspace,
                                                                  tmp_path: Path) -> None:
    meeting_id, observation_id, description = ws.store.conn.execute(
        "SELECT o.meeting_id, o.id, o.description FROM observations o "
        "JOIN meetings m ON m.id = o.meeting_id WHERE m.status = 'closed' "
        "AND o.confidential = 0 AND NOT EXISTS (SELECT 1 FROM observations same "  # its words alone
        "WHERE same.meeting_id = o.meeting_id AND same.id != o.id "
        "AND substr(same.description, 1, 40) = substr(o.description, 1, 40)) "
        "ORDER BY m.date DESC LIMIT 1").fetchone()
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    page = site / "protokoll" / _page_of(site, meeting_id)
    shown = description.split("\n")[0][:40]
    assert shown in page.read_text(encoding="utf-8")
    _set(ws, "UPDATE observations SET confidential = 1 WHERE id = ?", observation_id)
    publish_site(ws, site, force=True, workers=1)
    assert shown not in page.read_text(encoding="utf-8")
    _as_fresh(ws, site, tmp_path)


def test_a_page_edited_or_removed_by_hand_is_made_again(ws: Workspace, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    edited, removed = sorted(before)[:2]
    (site / "protokoll" / edited).write_bytes(before[edited][1].replace(b"</h1>", b" X</h1>"))
    (site / "protokoll" / removed).unlink()
    publish_site(ws, site, force=True, workers=1)
    after = _minutes(site)
    assert after[edited][1] == before[edited][1] and after[removed][1] == before[removed][1]


@pytest.mark.parametrize("change", ["program", "internal", "language", "municipality"])
def test_anything_else_a_page_shows_makes_every_page_again(
        ws: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, change: str) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    internal = False
    if change == "program":
        monkeypatch.setattr(reuse, "code_version", lambda: "another version")
    elif change == "internal":
        internal = True
    elif change == "language":
        set_language("en")
    elif change == "municipality":
        from meetingtui.services.settings import set_municipality

        set_municipality(ws, "Annan kommun")
    publish_site(ws, site, force=True, internal=internal, workers=1)
    after = _minutes(site)
    kept = [name for name in before if name in after and after[name][0] == before[name][0]]
    assert kept == []
    _as_fresh(ws, site, tmp_path, internal=internal)


def test_a_renamed_group_makes_its_pages_again(ws: Workspace, tmp_path: Path) -> None:
    """Its minutes keep the name they were filed under, but their page's title, file and link
    back to the group are the group's as it is called now."""
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    short = ws.store.conn.execute(
        "SELECT g.short FROM groups g JOIN meetings m ON m.group_id = g.id "
        "WHERE m.status = 'closed' GROUP BY g.id ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
    _set(ws, "UPDATE groups SET short = ? WHERE short = ?", f"{short} Norr", short)
    publish_site(ws, site, force=True, workers=1)
    _as_fresh(ws, site, tmp_path)  # a roll-up naming the group shows its name now too
    after = _minutes(site)
    kept = {name for name in before if name in after and after[name][0] == before[name][0]}
    renamed = {name for name in after if name not in before}
    assert renamed and all("norr" in name for name in renamed)
    assert 0 < len(kept) < len(before) - len(renamed)


def test_a_personnummer_that_came_in_refuses_the_public_site_again(
        ws: Workspace, tmp_path: Path) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    _, item_id = _closed_item(ws, newest=False)
    _set(ws, "UPDATE agenda_items SET notes = ? WHERE id = ?", f"Anmälan om {PERSONNUMMER}",
         item_id)
    with pytest.raises(PersonalDataInSite) as raised:
        publish_site(ws, site, force=True, workers=1)
    assert "19121212-****" in str(raised.value)
    assert _minutes(site) == before  # nothing of the refused publish reached the folder
    internal = publish_site(ws, tmp_path / "intern", internal=True, workers=1)
    again = publish_site(ws, tmp_path / "intern", internal=True, force=True, workers=1)
    assert internal.personal_data == again.personal_data  # a kept page still warns
    assert any("19121212-****" in where for where in again.personal_data)


def test_a_kept_page_gone_while_publishing_fails_it_and_moves_nothing(tmp_path: Path) -> None:
    from meetingtui.export.files import ExportError
    from meetingtui.export.site.staging import Staging

    site = tmp_path / "site"
    site.mkdir()
    (site / "a.html").write_text("gammal", encoding="utf-8")
    with Staging(site) as staging:
        staging.write("a.html", b"ny")
        staging.unchanged("protokoll/borta.html")
        with pytest.raises(ExportError) as raised:
            staging.finish(force=True, protected=None)
    assert raised.value.path == site / "protokoll" / "borta.html"
    assert (site / "a.html").read_text(encoding="utf-8") == "gammal"
    assert [p.name for p in tmp_path.iterdir()] == ["site"]


@pytest.mark.parametrize("index", [b"", b"{not json", b'{"format": 1, "code": 7, "pages": []}',
                                   b'{"format": 99}', b"\xff\xfe"])
def test_a_broken_index_makes_every_page_again(ws: Workspace, tmp_path: Path,
                                               index: bytes) -> None:
    site = tmp_path / "site"
    publish_site(ws, site, workers=1)
    before = _minutes(site)
    (site / INDEX).write_bytes(index)
    publish_site(ws, site, force=True, workers=1)
    after = _minutes(site)
    assert all(after[name][0] != before[name][0] for name in before)
    _as_fresh(ws, site, tmp_path)


def test_the_index_holds_no_personnummer_in_clear(ws: Workspace, tmp_path: Path) -> None:
    _, item_id = _closed_item(ws)
    _set(ws, "UPDATE agenda_items SET notes = ? WHERE id = ?", f"Anmälan om {PERSONNUMMER}",
         item_id)
    site = tmp_path / "intern"
    done = publish_site(ws, site, internal=True, workers=1)
    assert done.personal_data
    index = (site / INDEX).read_text(encoding="utf-8")
    assert "19121212-****" in index and PERSONNUMMER not in index
