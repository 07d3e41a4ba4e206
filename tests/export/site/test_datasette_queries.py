"""The metadata and canned queries of the public copy for Datasette (issue 17 §5): everything
named in Swedish, and the three queries, served by a real Datasette, list what
`meetingtui actions --public --format json` lists.

Datasette must be installed (the [test] extra has it): the tests fail, not skip, without it.
"""

from __future__ import annotations

import importlib.util
import json
import socket
import sqlite3
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from meetingtui.export.datasette_metadata import DATABASE
from tests.export.site.datasette_helpers import (
    STATUS_SV,
    _cli_json,
    demo,
    published,
    swedish,
)

__all__ = ["demo", "published", "swedish"]  # fixtures, imported to apply here
QUERIES = {"mina_atgarder": "Mina åtgärder",
           "forsenade_per_organisation": "Försenade per organisation",
           "atgarder_per_grupp": "Åtgärder per grupp"}


def test_the_metadata_names_everything_in_swedish_and_has_the_three_queries(
        published: tuple[Path, Path]) -> None:
    copy, path = published
    metadata = json.loads(path.read_text(encoding="utf-8"))
    assert metadata["title"] == "Åtgärder från trygghetsmötena – Exempelkommun"
    assert "sekretess" in metadata["description"] and metadata["license"]
    assert metadata["source"].startswith("Exempelkommun, meetingtui, kopierad ")
    database = metadata["databases"][DATABASE]
    queries = database["queries"]
    assert {name: query["title"] for name, query in queries.items()} == QUERIES
    with sqlite3.connect(copy) as conn:
        for table, about in database["tables"].items():
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
            assert about["title"] and set(about["columns"]) == set(columns), table
        assert database["tables"]["measures"]["title"] == "Åtgärder"
        assert database["tables"]["measures"]["columns"]["due"] == "Klart senast"
        for query in queries.values():  # each runs on the copy, headed in Swedish
            cursor = conn.execute(query["sql"], {"ansvarig": "Polisen", "grupp": "EST"})
            heads = [d[0] for d in cursor.description]
            assert {"Åtgärd", "Ansvarig", "Organisation", "Klart senast", "Försenad"} <= set(heads)
    conn.close()


# --- Datasette serves the copy ----------------------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _get(url: str) -> Any:
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.loads(response.read().decode("utf-8"))


@pytest.fixture(scope="module")
def datasette(published: tuple[Path, Path]) -> Iterator[str]:
    """Datasette serving the copy on 127.0.0.1; its address. Always stopped."""
    assert importlib.util.find_spec("datasette") is not None, (
        "datasette is not installed: pip install -e '.[test]'")
    copy, metadata = published
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "datasette", "serve", str(copy), "-m", str(metadata),
         "-p", str(port), "--host", "127.0.0.1"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:  # until it answers, it dies, or a minute has passed
            assert server.poll() is None, server.communicate()[0].decode()
            try:
                _get(f"{base}/-/versions.json")
                break
            except OSError:
                assert time.monotonic() < deadline, "Datasette did not answer within 60 s"
                time.sleep(0.1)
        yield f"{base}/{DATABASE}"
    finally:
        server.kill()
        server.wait(timeout=30)
        if server.stdout is not None:
            server.stdout.close()



def _query(base: str, name: str, **params: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = _get(
        f"{base}/{name}.json?" + urllib.parse.urlencode({"_shape": "array", **params}))
    return rows

def _ascii_upper(name: str) -> str:
    """The name with its ASCII letters in capitals: what SQLite's NOCASE folds (not å, ä, ö)."""
    return "".join(c.upper() if c.isascii() else c for c in name)


def _served(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["Nr"], row["Åtgärd"], row["Ansvarig"], row["Organisation"], row["Klart senast"],
            row["Status"], row["Försenad"], row["Grupp"], row["Mötesdatum"], row["Orsaker"],
            row["Förslag till"])


def _listed(row: dict[str, Any]) -> tuple[Any, ...]:
    return (row["id"], row["text"], row["owner"], row["owner_org"], row["due"],
            STATUS_SV[row["status"]], "ja" if row["overdue"] else "", row["group"],
            row["meeting_date"], "; ".join(row["causes"]), row["proposed_to"])


def test_mina_atgarder_lists_what_actions_lists_for_the_owner(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db, owner, due_today, due_yesterday = demo
    owners = [owner, _ascii_upper(owner), "Polisen", "polisen, lokalpolisområde exempelkommun",
              "Ingen Alls"]
    with sqlite3.connect(db) as conn:
        owners += [o for (o,) in conn.execute(
            "SELECT owner FROM measures WHERE confidential = 0 GROUP BY owner "
            "ORDER BY count(*) DESC LIMIT 3")]
    conn.close()
    nonempty = 0
    for name in owners:
        served = [_served(row) for row in _query(datasette, "mina_atgarder", ansvarig=name)]
        assert served == [_listed(row) for row in _cli_json(db, "--owner", name)], name
        nonempty += bool(served)
    assert nonempty >= 5
    mine = {row["Nr"]: row for row in _query(datasette, "mina_atgarder", ansvarig=owner)}
    assert mine[due_today]["Försenad"] == "" and mine[due_yesterday]["Försenad"] == "ja"


def test_forsenade_per_organisation_lists_what_actions_lists_as_overdue(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db, _, due_today, due_yesterday = demo
    served = _query(datasette, "forsenade_per_organisation")
    listed = _cli_json(db, "--status", "overdue")
    assert len(served) == len(listed) >= 5
    # Organisation by organisation, each in one block, in the order the action list has them.
    blocks = [row["Organisation"] for row in served]
    assert [org for n, org in enumerate(blocks) if n == 0 or blocks[n - 1] != org] == sorted(
        set(blocks), key=lambda org: (org == "", org))
    for org in set(blocks):
        assert [_served(row) for row in served if row["Organisation"] == org] == [
            _listed(row) for row in listed if row["owner_org"] == org], org
    overdue = {row["Nr"] for row in served}
    assert due_yesterday in overdue and due_today not in overdue  # due today: not overdue yet
    assert all(row["Försenad"] == "ja" for row in served)


def test_atgarder_per_grupp_lists_what_actions_lists_for_the_group(
        demo: tuple[Path, str, int, int], datasette: str) -> None:
    db = demo[0]
    with sqlite3.connect(db) as conn:
        groups = conn.execute("SELECT id, short, name FROM groups ORDER BY id").fetchall()
    conn.close()
    nonempty = 0
    for group_id, short, name in groups:
        listed = [_listed(row) for row in _cli_json(db, "--group", short)]
        for spelling in (short, _ascii_upper(name), str(group_id)):
            served = [_served(row) for row in _query(datasette, "atgarder_per_grupp",
                                                     grupp=spelling)]
            assert served == listed, spelling
        nonempty += bool(listed)
    assert nonempty >= 4
    assert _query(datasette, "atgarder_per_grupp", grupp="Ingen sådan grupp") == []
