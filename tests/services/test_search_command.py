"""`meetingtui search` (issue 15 §3): the table and JSON output, confidential hits and
personnummer, the filters on the command line, one-line errors, a quick read-only look-up
without the heavy modules, an older file upgraded first, and its words from the catalogue."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.cli import search as cli_search
from meetingtui.services.workspace import Workspace
from meetingtui.store import schema
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.paths import FIXTURES
from tests.services.search_sample import PERSONNUMMER, Sample, build_sample

Run = Callable[..., Result]


@pytest.fixture
def sample(ws: Workspace, clock: Clock) -> Sample:
    return build_sample(ws, clock)


# --- the command line --------------------------------------------------------------------------

@pytest.fixture
def cli(sample: Sample, monkeypatch: pytest.MonkeyPatch) -> Run:
    monkeypatch.setattr(cli_search, "today", lambda: date(2026, 11, 23))

    def run(*args: str, lang: str = "sv") -> Result:
        return CliRunner().invoke(main, ["--db", str(sample.db), "--lang", lang, "search",
                                         *args])
    return run


def test_the_table_marks_the_matching_words_without_markup(cli: Run, sample: Sample) -> None:
    result = cli("klott")
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert lines[0] == "2 träffar för klott."
    assert f"#{sample.est} 2026-09-08 EST § 4 Lägesbild · iakttagelse" in lines
    assert "    Nytt »klotter« på busskuren" in lines
    assert "    Centrum · Torget · »Klotter« · Polisen" in lines
    assert f"#{sample.est} 2026-09-08 EST § 5 Åtgärdsplan · åtgärd" in lines
    assert "\x1b" not in result.stdout and "[b]" not in result.stdout
    english = cli("klott", lang="en")
    assert english.stdout.startswith("2 hits for klott.") and "· observation" in english.stdout


def test_the_table_marks_confidential_hits_and_public_leaves_them_out(
        cli: Run, sample: Sample) -> None:
    inside = cli("hot")
    assert f"#{sample.est} 2026-09-08 EST § 4 Lägesbild · iakttagelse · SEKRETESS" in (
        inside.stdout.splitlines())
    public = cli("hot", "--public")
    assert public.exit_code == 0 and public.stdout.strip() == "Inga träffar för hot."
    assert "CONFIDENTIAL" in cli("fältgång", lang="en").stdout
    shown = cli("uppgift", "--public").stdout
    assert PERSONNUMMER not in shown and "811218-****" in shown
    for fmt in ("table", "json"):  # not even the words searched for
        asked = cli(PERSONNUMMER, "--public", "--format", fmt).stdout
        assert PERSONNUMMER not in asked and "811218-****" in asked
    assert PERSONNUMMER in cli("uppgift").stdout


def test_json_gives_each_hit_with_offsets(cli: Run, sample: Sample) -> None:
    result = cli("klott", "sanera", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert (data["query"], data["public"], data["total"]) == ("klott sanera", False, 1)
    [hit] = data["hits"]
    assert hit == {
        "meeting": sample.est, "date": "2026-09-08", "group": "EST", "item": 5,
        "item_title": "Åtgärdsplan", "kind": "measure", "id": sample.ids["clean"],
        "text": "Sanera klotter inom 24 timmar", "matches": [[0, 6], [7, 14]],
        "context": "Anna Berg · Tekniska förvaltningen · Centrum", "context_matches": [],
        "confidential": False}
    secret = json.loads(cli("fältgång", "--format", "json").stdout)["hits"]
    assert [h["confidential"] for h in secret] == [True, True]  # the measure and its comment


def test_group_and_dates_on_the_command_line(cli: Run, sample: Sample) -> None:
    def kinds(*args: str) -> list[str]:
        result = cli(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return sorted(hit["kind"] for hit in json.loads(result.stdout)["hits"])

    assert kinds("återkopp") == ["comment", "comment"]
    assert kinds("återkopp", "--group", "est") == []
    assert kinds("återkopp", "--group", "SSPF", "--from", "2026-10-13") == ["comment",
                                                                           "comment"]
    assert kinds("återkopp", "--public") == ["comment"]
    assert kinds("klotter", "--to", "7/9") == []  # 7 September 2026: the day before EST's
    assert kinds("klotter", "--from", "8 sep", "--to", "2026-09-08") == ["measure",
                                                                         "observation"]
    assert kinds("klotter", "--from", "1/1") == ["measure", "observation"]  # this January


def test_bad_arguments_are_one_line(cli: Run, sample: Sample, tmp_path: Path) -> None:
    conn = sqlite3.connect(sample.db)
    shorts = ", ".join(short for (short,) in conn.execute("SELECT short FROM groups ORDER BY id"))
    conn.close()
    assert one_line_error(cli("klotter", "--group", "ingen")) == (
        f"meetingtui: ingen grupp heter ingen; grupperna är: {shorts}")
    assert one_line_error(cli("klotter", "--group", "ingen", lang="en")) == (
        f"meetingtui: no group called ingen; known groups: {shorts}")
    assert "”igår kanske” är inget datum" in one_line_error(cli("klotter", "--from", "igår kanske"))
    assert "'igår kanske' is not a date" in one_line_error(
        cli("klotter", "--from", "igår kanske", lang="en"))
    assert one_line_error(cli("klotter", "--from", "2026-10-01", "--to", "2026-09-01")) == (
        "meetingtui: --from 2026-10-01 ligger efter --to 2026-09-01")
    assert one_line_error(cli("x", "--from", "2026-10-01", "--to", "1/9", lang="en")) == (
        "meetingtui: --from 2026-10-01 is after --to 1/9")
    missing = tmp_path / "none" / "meetingtui.db"
    result = CliRunner().invoke(main, ["--db", str(missing), "--lang", "sv", "search", "x"])
    assert one_line_error(result).startswith(f"meetingtui: Ingen databas på {missing}")
    assert not missing.parent.exists()
    assert CliRunner().invoke(main, ["search"]).exit_code == 2  # no words: a usage error


def test_the_command_reads_the_file_without_the_heavy_modules(sample: Sample) -> None:
    """`meetingtui search` is a quick look-up: the file is read-only and neither sqlite-utils,
    pydantic, Textual nor Rich are imported for it (start-up is timed in `make bench`)."""
    code = ("import sys; from meetingtui.cli import main\n"
            "try:\n    main(['--db', sys.argv[1], 'search', 'klotter'])\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in ('sqlite_utils', 'pydantic', 'textual', 'rich') "
            "if m in sys.modules))")
    before = sample.db.stat().st_mtime_ns
    result = subprocess.run([sys.executable, "-c", code, str(sample.db)], capture_output=True,
                            text=True, check=True)
    assert result.stdout.strip().endswith("[]"), result.stdout
    assert "»klotter«" in result.stdout
    assert sample.db.stat().st_mtime_ns == before


def test_an_older_file_is_upgraded_before_it_is_searched(tmp_path: Path) -> None:
    db = tmp_path / "meetingtui.db"
    db.write_bytes((FIXTURES / "schema-v6.db").read_bytes())
    result = CliRunner().invoke(main, ["--db", str(db), "search", "busskur", "--format",
                                       "json"])
    assert result.exit_code == 0, result.output
    assert {hit["kind"] for hit in json.loads(result.stdout)["hits"]} == {"observation",
                                                                          "measure"}
    conn = sqlite3.connect(db)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.VERSION
    conn.close()


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_command_reads_its_words_from_the_catalogue(lang: str) -> None:
    """The table's words are the catalogue's `[search]` section, read alone for speed."""
    from meetingtui.i18n import Plural, entries

    catalogue = {key.removeprefix("search."): entry for key, entry in entries(lang).items()
                 if key.startswith("search.")}
    read = cli_search._texts(lang)
    assert read.keys() == catalogue.keys()
    for key, entry in catalogue.items():
        if isinstance(entry, Plural):
            assert read[key] == {"one": entry.one, "other": entry.other}
        else:
            assert read[key] == entry
