"""The minutes pages made in worker processes (`export.site.minutes`) are the pages one process
makes, byte for byte, in either language and either start method; a public page with a
personnummer is never written by a worker, not even into the staging folder; a worker that
cannot write fails the publish with the file named and leaves nothing behind."""

from __future__ import annotations

import errno
import multiprocessing
import os
from collections.abc import Iterator
from pathlib import Path

import pytest

import meetingtui.export.site.minutes as site_minutes
import meetingtui.export.site.staging as staging
from meetingtui.export.files import ExportError
from meetingtui.export.site import PersonalDataInSite, publish_site
from meetingtui.i18n import language, set_language
from meetingtui.services.workspace import Workspace
from tests.export.site.conftest import demo_workspace

PERSONNUMMER = "19121212-1212"  # Skatteverket's example: Luhn-valid


@pytest.fixture
def swedish() -> Iterator[None]:
    was = language()
    yield
    set_language(was)


def _pages(folder: Path) -> dict[str, bytes]:
    """Every page and the manifest; the calendars carry the time they were made (DTSTAMP)."""
    return {p.relative_to(folder).as_posix(): p.read_bytes()
            for p in folder.rglob("*") if p.is_file() and p.suffix != ".ics"}


def _forked(monkeypatch: pytest.MonkeyPatch) -> None:
    """Workers forked from this process, whatever threads the test runner keeps: they then
    run the functions this test patched."""
    monkeypatch.setattr(site_minutes, "_context", lambda: multiprocessing.get_context("fork"))


def _leftovers(parent: Path) -> list[str]:
    return [p.name for p in parent.iterdir() if p.name.endswith(".publishing")]


@pytest.mark.parametrize("internal", [False, True])
def test_workers_make_the_pages_one_process_makes(demo: Workspace, tmp_path: Path,
                                                  internal: bool, swedish: None) -> None:
    alone = publish_site(demo, tmp_path / "alone", internal=internal, workers=1)
    shared = publish_site(demo, tmp_path / "shared", internal=internal, workers=3)
    minutes = [p for p in alone.files if p.parent.name == "protokoll"]
    assert len(minutes) > 30
    assert _pages(tmp_path / "alone") == _pages(tmp_path / "shared")
    assert sorted(p.name for p in alone.files) == sorted(p.name for p in shared.files)
    assert alone.personal_data == shared.personal_data


def test_a_worker_started_afresh_speaks_the_parents_language(
        demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish: None) -> None:
    """Where there is no fork (Windows, macOS), a worker is a new interpreter: it must get the
    language, templates and clock from the parent, not from its own defaults."""
    set_language("en")
    publish_site(demo, tmp_path / "alone", workers=1)
    monkeypatch.setattr(site_minutes, "_context", lambda: multiprocessing.get_context("spawn"))
    publish_site(demo, tmp_path / "spawned", workers=2)
    spawned = _pages(tmp_path / "spawned")
    assert spawned == _pages(tmp_path / "alone")
    page = next(text for name, text in spawned.items() if name.startswith("protokoll/"))
    assert b'lang="en"' in page and b"Published 2026-11-23" in page


def test_a_worker_never_writes_a_public_page_with_a_personnummer(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = demo_workspace(tmp_path / "demo.db")
    try:
        item_id = ws.store.conn.execute(
            "SELECT i.id FROM agenda_items i JOIN meetings m ON m.id = i.meeting_id "
            "WHERE m.status = 'closed' AND i.confidential = 0 ORDER BY m.date DESC, i.position "
            "LIMIT 1").fetchone()[0]
        ws.store.conn.execute("UPDATE agenda_items SET notes = ? WHERE id = ?",
                              [f"Anmälan om {PERSONNUMMER}", item_id])
        log = tmp_path / "written.log"  # appended to by every worker (they fork from here)
        write_file = staging.write_file

        def logged(root: Path, name: str, data: bytes) -> None:
            with log.open("a", encoding="utf-8") as out:
                out.write(f"{name}\t{PERSONNUMMER.encode() in data}\n")
            write_file(root, name, data)

        monkeypatch.setattr(staging, "write_file", logged)
        _forked(monkeypatch)
        with pytest.raises(PersonalDataInSite) as raised:
            publish_site(ws, tmp_path / "site", workers=2)
        assert "19121212-****" in str(raised.value) and PERSONNUMMER not in str(raised.value)
        lines = log.read_text(encoding="utf-8").splitlines()
        assert len(lines) > 30  # the workers did write the other pages
        assert all(line.endswith("\tFalse") for line in lines)
        assert not (tmp_path / "site").exists() and _leftovers(tmp_path) == []
        monkeypatch.setattr(staging, "write_file", write_file)
        done = publish_site(ws, tmp_path / "intern", internal=True, workers=2)
        assert any("19121212-****" in where for where in done.personal_data)
    finally:
        ws.close()


def test_a_worker_that_cannot_write_fails_the_publish_naming_the_file(
        demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish: None) -> None:
    write_file = staging.write_file
    calls = tmp_path / "calls"

    def full(root: Path, name: str, data: bytes) -> None:  # the disk fills up in a worker
        if name.startswith("protokoll/"):
            with calls.open("a", encoding="utf-8") as out:
                out.write(f"{name}\n")
            if len(calls.read_text(encoding="utf-8").splitlines()) > 5:
                raise OSError(errno.ENOSPC, "No space left on device")
        write_file(root, name, data)

    monkeypatch.setattr(staging, "write_file", full)
    _forked(monkeypatch)
    site = tmp_path / "sajt"
    with pytest.raises(ExportError) as raised:
        publish_site(demo, site, workers=2)
    assert raised.value.reason == "disk_full"
    assert raised.value.path is not None and raised.value.path.parent == site / "protokoll"
    assert not site.exists() and _leftovers(tmp_path) == []


def test_a_worker_that_dies_leaves_its_pages_to_the_parent(
        demo: Workspace, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swedish: None) -> None:
    """A worker killed (out of memory, a crash) mid-run, after staging half a page: the
    publish still makes every page, the same as one process makes them."""
    publish_site(demo, tmp_path / "alone", workers=1)

    make = site_minutes._make

    def dying(ws: Workspace, reader: object, dumps: object, job: site_minutes.Job,
              page: site_minutes.MinutesPage) -> site_minutes.Made:
        if site_minutes._worker is None:  # the parent
            return make(ws, reader, dumps, job, page)  # type: ignore[arg-type]
        staged = job.staging / page.page
        staged.parent.mkdir(parents=True, exist_ok=True)
        staged.write_bytes(b"<p>halv")
        os._exit(3)

    monkeypatch.setattr(site_minutes, "_make", dying)
    _forked(monkeypatch)
    done = publish_site(demo, tmp_path / "site", workers=2)
    assert _pages(tmp_path / "site") == _pages(tmp_path / "alone")
    assert len(done.files) == len(publish_site(demo, tmp_path / "again", workers=1).files)


def test_the_runs_a_styrgrupp_first_then_the_longest_each_group_in_order(
        demo: Workspace) -> None:
    """The demo's styrgrupp rolls up the groups below it (a page that costs the most): its runs
    go to the workers first, so that no worker is left alone with them at the end."""
    from meetingtui.export.site.content import gather

    pages = gather(demo, internal=False).minutes
    rolling = {page.group for page in pages if page.rolls_up}
    assert rolling == {"Styrgrupp"}
    runs = site_minutes._runs(pages, 2)
    longest = -(-len(pages) // 32)
    assert all(0 < len(run) <= longest for run in runs)
    assert all(len({page.group_page for page in run}) == 1 for run in runs)
    firsts = [run[0].rolls_up for run in runs]
    assert firsts[0] and firsts == sorted(firsts, reverse=True)
    rest = [len(run) for run in runs if not run[0].rolls_up]
    assert rest == sorted(rest, reverse=True)
    made = [page for run in runs for page in run]
    assert sorted(made, key=lambda page: pages.index(page)) == pages  # each page once
    for group in {page.group_page for page in pages}:  # a group's meetings in order
        ordered = [page for page in made if page.group_page == group]
        assert ordered == [page for page in pages if page.group_page == group]
