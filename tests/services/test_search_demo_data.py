"""Search on the demo data (issue 15 §3): every known word is found where it stands, inside
and in public, against an independent scan of the rows; a measure is found by its owner."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest

from meetingtui.paths import resolve
from meetingtui.services.search import SearchFilters, marks, read_search, search
from meetingtui.services.workspace import Workspace, open_workspace

# --- the demo data -----------------------------------------------------------------------------

DEMO_DAY = datetime(2026, 11, 23, 9, 0)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Workspace]:
    from meetingtui.demo.fill import fill_demo

    ws = open_workspace(resolve(db=tmp_path_factory.mktemp("demo") / "t.db"),
                        clock=lambda: DEMO_DAY)
    fill_demo(ws, years=1, seed=1)
    yield ws
    ws.close()


def _reference(db: Path, word: str, public: bool = False) -> set[tuple[str, int]]:
    """What a search for one word should find, scanned row by row in Python: any word of the
    texts that begins with it, in any case; removed rows left out; a problem carried over in
    the same words only at its newest meeting."""
    conn = sqlite3.connect(db)
    wanted = word.lower()

    def holds(*texts: str) -> bool:
        return any(w.startswith(wanted) for text in texts for w in re.findall(r"\w+",
                                                                             text.lower()))

    hits: set[tuple[str, int]] = set()
    try:
        for item_id, notes, decision, secret in conn.execute(
                "SELECT id, notes, decision, confidential FROM agenda_items"):
            if public and secret:
                continue
            hits |= {(kind, item_id) for kind, text in (("notes", notes), ("decision", decision))
                     if holds(text)}
        newest: dict[tuple[object, ...], tuple[str, int, int]] = {}
        for row in conn.execute(
                "SELECT o.id, o.problem_id, m.date, o.confidential, o.area, o.place_detail, "
                "o.category, o.description, o.source FROM observations o "
                "JOIN meetings m ON m.id = o.meeting_id WHERE o.deleted_at IS NULL"):
            obs_id, problem, day, secret, *texts = row
            key = (problem, *texts)
            if key not in newest or (day, obs_id) > newest[key][:2]:
                newest[key] = (day, obs_id, secret)
        hits |= {("observation", obs_id) for key, (_, obs_id, secret) in newest.items()
                 if holds(*key[1:]) and not (public and secret)}
        for cause_id, text, secret in conn.execute(
                "SELECT c.id, c.text, o.confidential FROM causes c JOIN observations o "
                "ON o.id = c.observation_id WHERE c.deleted_at IS NULL "
                "AND o.deleted_at IS NULL"):
            if holds(text) and not (public and secret):
                hits.add(("cause", cause_id))
        for measure_id, text, owner, org, secret in conn.execute(
                "SELECT id, text, owner, owner_org, confidential FROM measures "
                "WHERE deleted_at IS NULL"):
            if holds(text, owner, org) and not (public and secret):
                hits.add(("measure", measure_id))
        for update_id, comment, secret in conn.execute(
                "SELECT u.id, u.comment, m.confidential FROM measure_updates u "
                "JOIN measures m ON m.id = u.measure_id WHERE m.deleted_at IS NULL"):
            if holds(comment) and not (public and secret):
                hits.add(("comment", update_id))
    finally:
        conn.close()
    return hits


@pytest.mark.parametrize("word", ["klotter", "belysn", "genomfört", "polisen", "åtgärd",
                                  "nattvandrarna", "skräp"])
def test_on_the_demo_data_every_known_word_is_found_where_it_stands(
        demo: Workspace, word: str) -> None:
    everything = SearchFilters(limit=100_000)
    result = search(demo, word, everything)
    got = {(hit.kind, hit.id) for hit in result.hits}
    assert got == _reference(demo.locations.db, word) and result.total == len(got)
    assert got, f"the demo holds {word!r}"
    public = search(demo, word, everything._replace(public=True))
    assert {(hit.kind, hit.id) for hit in public.hits} == _reference(
        demo.locations.db, word, public=True)
    for hit in result.hits[:20]:
        assert marks(hit.text, result.words) or marks(hit.context, result.words), hit


def test_on_the_demo_data_a_measure_is_found_by_its_owner(demo: Workspace) -> None:
    owner, count = demo.store.conn.execute(
        "SELECT owner, count(*) FROM measures WHERE deleted_at IS NULL GROUP BY owner "
        "ORDER BY 2 DESC LIMIT 1").fetchone()
    hits = search(demo, owner, SearchFilters(limit=100_000)).hits
    assert sum(hit.kind == "measure" for hit in hits) >= count
    assert read_search(demo.locations.db, owner, SearchFilters(limit=5)).total == len(hits)
