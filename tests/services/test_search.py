"""Search (issue 15 §3): every kind of text found, Swedish matching, ranking, confidentiality
and the filters, through the service and `meetingtui search`, and on the demo data against an
independent scan of the rows."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date, datetime, time
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from meetingtui.cli import main
from meetingtui.cli import search as cli_search
from meetingtui.model import Cause, Measure, MeasureStatus, Observation
from meetingtui.paths import resolve
from meetingtui.services import followup, groups, lagesbild, meetings
from meetingtui.services.group_names import UnknownGroup
from meetingtui.services.search import (
    SearchFilters,
    excerpt,
    marks,
    read_search,
    search,
    words,
)
from meetingtui.services.workspace import Workspace, open_workspace
from meetingtui.store import schema
from meetingtui.store import search as search_rows
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.paths import FIXTURES

PERSONNUMMER = "811218-9876"
Run = Callable[..., Result]


@dataclass
class Sample:
    db: Path
    est: int  # the EST meeting, 2026-09-08
    sspf: int  # the SSPF meeting, 2026-10-13
    ids: dict[str, int]


def _meeting(ws: Workspace, clock: Clock, short: str, day: date) -> int:
    clock.now = datetime.combine(day, time(9, 0))
    group = groups.find_group(ws, short)
    assert group is not None and group.id is not None
    meeting = meetings.plan_meeting(ws, group.id, day)
    assert meeting.id is not None
    meetings.start_meeting(ws, meeting.id)
    return meeting.id


def _item(ws: Workspace, meeting_id: int, position: int) -> int:
    item_id = meetings.items(ws, meeting_id)[position - 1].id
    assert item_id is not None
    return item_id


def build_sample(ws: Workspace, clock: Clock) -> Sample:
    """Two meetings with one text of every kind, a confidential problem with its cause,
    measure and comment, a personnummer in a public text, and removed rows."""
    groups.ensure_groups(ws)
    est = _meeting(ws, clock, "EST", date(2026, 9, 8))
    sspf = _meeting(ws, clock, "SSPF", date(2026, 10, 13))
    ids: dict[str, int] = {"opening": _item(ws, est, 1), "situation": _item(ws, est, 4)}
    meetings.edit_item(ws, ids["opening"], notes="Vi har en plan. Fika på café Müller.")
    meetings.edit_item(ws, ids["situation"], decision="Här behövs mer ljus vid NEAR-skylten")
    meetings.edit_item(ws, _item(ws, sspf, 1), notes="Samverkan med polisen i (centrum)")

    def observation(key: str, meeting_id: int, **fields: object) -> Observation:
        saved = lagesbild.save_observation(ws, Observation(meeting_id=meeting_id, **fields))
        assert saved.id is not None
        ids[key] = saved.id
        return saved

    graffiti = observation("graffiti", est, area="Centrum", place_detail="Torget",
                           category="Klotter", description="Nytt klotter på busskuren",
                           source="Polisen")
    threat = observation("threat", est, area="Stationen", category="Ordningsstörning",
                         description="Hot mot personal på kvällarna", confidential=True)
    observation("tip", sspf, area="Skolan", description=f"Uppgift om {PERSONNUMMER} lämnades")
    gone = observation("gone", est, area="Hamnen", description="Felregistrerad kajen")
    lagesbild.remove_observation(ws, gone)
    for key, owner, text in (("dark", graffiti, "Dålig belysning vid hållplatsen"),
                             ("gang", threat, "Gängkonflikt i området")):
        cause = lagesbild.save_cause(ws, Cause(observation_id=owner.id, text=text))
        assert cause.id is not None
        ids[key] = cause.id
    for key, owner, text in (("clean", graffiti, "Sanera klotter inom 24 timmar"),
                             ("patrol", threat, "Fältgång fredagar")):
        measure = lagesbild.save_measure(ws, Measure(
            meeting_id=est, observation_id=owner.id, text=text, owner="Anna Berg",
            owner_org="Tekniska förvaltningen", due=date(2026, 10, 1)))
        assert measure.id is not None
        ids[key] = measure.id
    dropped = lagesbild.save_measure(ws, Measure(meeting_id=est, text="Borttagen åtgärd kajen",
                                                 owner="Anna Berg"))
    lagesbild.remove_measure(ws, dropped)
    clock.now = datetime(2026, 10, 13, 10, 0)
    ids["done"] = followup.record_update(ws, ids["clean"], MeasureStatus.DONE,
                                         "Klart och återkopplat", meeting_id=sspf).id or 0
    ids["walked"] = followup.record_update(ws, ids["patrol"], MeasureStatus.IN_PROGRESS,
                                           "Fältgången återkopplad", meeting_id=sspf).id or 0
    return Sample(ws.locations.db, est, sspf, ids)


@pytest.fixture
def sample(ws: Workspace, clock: Clock) -> Sample:
    return build_sample(ws, clock)


def found(ws: Workspace, query: str, **filters: object) -> set[tuple[str, int]]:
    return {(hit.kind, hit.id) for hit in search(ws, query, SearchFilters(**filters)).hits}


# --- the service -------------------------------------------------------------------------------

def test_every_kind_of_text_is_found(ws: Workspace, sample: Sample) -> None:
    ids = sample.ids
    assert found(ws, "fika") == {("notes", ids["opening"])}
    assert found(ws, "behövs") == {("decision", ids["situation"])}
    assert found(ws, "busskuren") == {("observation", ids["graffiti"])}
    assert found(ws, "torget") == {("observation", ids["graffiti"])}  # the place
    assert found(ws, "polisen") >= {("observation", ids["graffiti"])}  # the source
    assert found(ws, "hållplatsen") == {("cause", ids["dark"])}
    assert found(ws, "sanera") == {("measure", ids["clean"])}
    assert found(ws, "berg") == {("measure", ids["clean"]), ("measure", ids["patrol"])}
    assert found(ws, "tekniska") == {("measure", ids["clean"]), ("measure", ids["patrol"])}
    assert found(ws, "klart") == {("comment", ids["done"])}


def test_a_hit_says_where_it_stands(ws: Workspace, sample: Sample) -> None:
    [cause] = search(ws, "hållplatsen").hits
    assert (cause.meeting_id, cause.meeting_date, cause.group_short) == (
        sample.est, date(2026, 9, 8), "EST")
    assert (cause.item_position, cause.item_title) == (4, "Lägesbild")
    assert cause.row == sample.ids["graffiti"]  # the observation selected in the lägesbild
    assert cause.context == "Centrum · Torget · Nytt klotter på busskuren"
    [measure] = search(ws, "sanera").hits
    assert (measure.item_title, measure.row) == ("Åtgärdsplan", sample.ids["clean"])
    [comment] = search(ws, "klart").hits
    assert (comment.meeting_id, comment.item_position, comment.item_title, comment.row) == (
        sample.sspf, 5, "Föregående anteckningar och åtgärdslista", sample.ids["clean"])
    assert comment.context == "Sanera klotter inom 24 timmar"
    [notes] = search(ws, "fika").hits
    assert (notes.item_id, notes.item_position, notes.row) == (sample.ids["opening"], 1, None)


def test_a_meeting_without_the_item_that_shows_a_hit_still_names_the_meeting(
        ws: Workspace, sample: Sample) -> None:
    with ws.store.transaction() as db:  # as a template without a lägesbild or action plan
        db.execute("UPDATE agenda_items SET kind = 'text' WHERE meeting_id = ?", [sample.est])
    [cause] = search(ws, "hållplatsen").hits
    assert (cause.meeting_id, cause.item_id, cause.item_position, cause.row) == (
        sample.est, None, None, None)
    assert cli_search.heading(cause, cli_search._texts("sv")) == (
        f"#{sample.est} 2026-09-08 EST · orsak")


def test_the_beginning_of_a_word_is_enough_in_any_case(ws: Workspace, sample: Sample) -> None:
    graffiti = {("observation", sample.ids["graffiti"]), ("measure", sample.ids["clean"])}
    assert found(ws, "klott") == found(ws, "KLOTTER") == found(ws, "Klotter") == graffiti
    assert found(ws, "k") >= graffiti
    assert found(ws, "lotter") == set()  # not inside a word
    assert found(ws, "klott sanera") == {("measure", sample.ids["clean"])}  # every word
    assert found(ws, "gängkonflikt") == found(ws, "GÄNGKONFLIKT") == {("cause",
                                                                       sample.ids["gang"])}


def test_accents_are_folded_but_a_a_o_are_letters_of_their_own(
        ws: Workspace, sample: Sample) -> None:
    opening, situation = ("notes", sample.ids["opening"]), ("decision", sample.ids["situation"])
    assert found(ws, "cafe") == found(ws, "café") == found(ws, "CAFÉ") == {opening}
    assert found(ws, "muller") == found(ws, "Müller") == {opening}
    assert found(ws, "har") == {opening}  # "Vi har en plan", not "Här behövs"
    assert found(ws, "här") == found(ws, "HÄR") == {situation}
    assert found(ws, "behovs") == set()
    assert found(ws, "gangkonflikt") == set()
    assert found(ws, "ha\u0308r") == {situation}  # ä typed as a and a combining mark


def test_what_the_user_types_is_never_search_syntax(ws: Workspace, sample: Sample) -> None:
    clean = {("measure", sample.ids["clean"])}
    for query in ('sanera"', 'sanera*', '"sanera"', '-sanera', '(sanera)', 'sanera)',
                  '^sanera', 'sanera:', 'sanera +', '{sanera}'):
        assert found(ws, query) == clean, query
    assert found(ws, "NEAR") == {("decision", sample.ids["situation"])}  # a word like any
    assert found(ws, "NEAR(behövs ljus)") == set()  # "near behövs" is not a phrase there
    assert found(ws, "sanera OR hot") == set()  # OR is a word every text must hold too
    assert found(ws, "(centrum)") == {("notes", _item(ws, sample.sspf, 1)),
                                      ("observation", sample.ids["graffiti"])}
    for nothing in ("", "   ", '"', "*", "()", "-", "AND", "\x00"):
        search(ws, nothing)  # never an error
    assert search(ws, '"').hits == [] and search(ws, "").total == 0


def test_removed_rows_are_never_found(ws: Workspace, sample: Sample) -> None:
    assert found(ws, "kajen") == set()  # a removed observation and a removed measure
    assert found(ws, "borttagen") == set()
    observation = lagesbild.get_observation(ws, sample.ids["graffiti"])
    lagesbild.remove_observation(ws, observation)  # with its cause and measure
    assert found(ws, "busskuren") == found(ws, "hållplatsen") == found(ws, "sanera") == set()
    assert found(ws, "klart") == set()  # the comment of a removed measure


def test_an_edit_is_found_at_once_and_the_old_words_are_gone(
        ws: Workspace, sample: Sample) -> None:
    observation = lagesbild.get_observation(ws, sample.ids["graffiti"])
    lagesbild.save_observation(ws, observation.model_copy(
        update={"description": "Skadegörelse på väntkuren"}), base=observation)
    assert found(ws, "busskuren") == set()
    assert found(ws, "väntkuren") == {("observation", sample.ids["graffiti"])}
    meetings.edit_item(ws, sample.ids["opening"], notes="")
    assert found(ws, "fika") == set()
    conn = ws.store.conn
    conn.execute("INSERT INTO search_fts(search_fts, rank) VALUES ('integrity-check', 1)")


def test_confidential_hits_are_marked_and_left_out_in_public(
        ws: Workspace, sample: Sample) -> None:
    ids = sample.ids
    secret = {("observation", ids["threat"]), ("cause", ids["gang"]),
              ("measure", ids["patrol"]), ("comment", ids["walked"])}
    every = found(ws, "hot") | found(ws, "gängkonflikt") | found(ws, "fältgång")
    assert every == secret
    assert all(hit.confidential for query in ("hot", "gängkonflikt", "fältgång")
               for hit in search(ws, query).hits)
    assert not any(hit.confidential for hit in search(ws, "klotter").hits)
    for query in ("hot", "gängkonflikt", "fältgång", "återkopplad"):
        assert found(ws, query, public=True) == set(), query
    assert found(ws, "återkopp", public=True) == {("comment", ids["done"])}
    item = ws.store.conn
    with ws.store.transaction():
        item.execute("UPDATE agenda_items SET confidential = 1 WHERE id = ?", [ids["opening"]])
    [notes] = search(ws, "fika").hits
    assert notes.confidential
    assert found(ws, "fika", public=True) == set()


def test_personnummer_are_masked_in_public(ws: Workspace, sample: Sample) -> None:
    [inside] = search(ws, "uppgift").hits
    assert PERSONNUMMER in inside.text
    [public] = search(ws, "uppgift", SearchFilters(public=True)).hits
    assert PERSONNUMMER not in public.text and "811218-****" in public.text
    by_number = search(ws, PERSONNUMMER, SearchFilters(public=True))
    assert "9876" not in by_number.hits[0].text and by_number.query == "811218-****"


def test_group_and_dates_narrow_the_search(ws: Workspace, sample: Sample) -> None:
    every = found(ws, "återkopp") | found(ws, "klotter")
    assert found(ws, "klotter", group="EST") == found(ws, "klotter")
    assert found(ws, "klotter", group="sspf") == set()
    assert found(ws, "återkopp", group="SSPF") == found(ws, "återkopp")  # in SSPF's meeting
    assert found(ws, "klotter", since=date(2026, 9, 9)) == set()
    assert found(ws, "klotter", since=date(2026, 9, 8), until=date(2026, 9, 8)) == found(
        ws, "klotter")
    assert found(ws, "återkopp", until=date(2026, 10, 12)) == set()
    assert found(ws, "återkopp", since=date(2026, 10, 13)) | found(ws, "klotter") == every
    with pytest.raises(UnknownGroup) as error:
        search(ws, "klotter", SearchFilters(group="ingen sådan"))
    assert "EST" in error.value.known


def test_the_best_match_comes_first_and_the_count_is_of_all(
        ws: Workspace, sample: Sample) -> None:
    result = search(ws, "klott", SearchFilters(limit=1))
    assert result.total == 2 and len(result.hits) == 1
    assert result.hits[0].kind == "observation"  # "Klotter" twice: category and description
    assert search(ws, "klott", SearchFilters(limit=0)).hits == []


def test_a_carried_problem_is_one_hit_from_its_newest_meeting(
        ws: Workspace, sample: Sample, clock: Clock) -> None:
    later = _meeting(ws, clock, "EST", date(2026, 10, 6))  # carries both problems over
    hits = search(ws, "busskuren").hits
    assert [(hit.kind, hit.meeting_id) for hit in hits] == [("observation", later)]
    assert [hit.meeting_id for hit in search(ws, "busskuren", SearchFilters(
        until=date(2026, 9, 30))).hits] == [sample.est]


# --- the highlighting --------------------------------------------------------------------------

def test_marks_are_the_whole_words_a_query_word_begins() -> None:
    text = "Sanera klotter enligt klotterpolicyn; KLOTTRET borta. Här har vi ett café."
    assert [text[a:b] for a, b in marks(text, words("klott"))] == [
        "klotter", "klotterpolicyn", "KLOTTRET"]
    assert [text[a:b] for a, b in marks(text, words("har"))] == ["har"]
    assert [text[a:b] for a, b in marks(text, words("HÄR cafe"))] == ["Här", "café"]
    assert marks(text, words('"*"')) == []


def test_an_excerpt_fits_its_width_and_keeps_the_first_match() -> None:
    text = "Lång inledning " * 10 + "och sedan klotter på väggen\nvid torget " * 3
    line, found_at = excerpt(text, words("klotter"), 40)
    assert len(line) == 40 and line.startswith("…") and line.endswith("…")
    assert [line[a:b] for a, b in found_at] == ["klotter"]
    line, found_at = excerpt(text, words("lång"), 40)
    assert len(line) == 40 and line.startswith("Lång inledning") and line.endswith("…")
    line, found_at = excerpt("Lång inledning " * 10 + "vid torget", words("torget"), 40)
    assert len(line) == 40 and line.startswith("…") and line.endswith("vid torget")
    assert [line[a:b] for a, b in found_at] == ["torget"]
    assert excerpt("kort\n\ntext", words("text"), 40) == ("kort text", [(5, 9)])


def test_the_index_keeps_a_a_o_as_the_query_does() -> None:
    """The query's Swedish letters (`store.search.KEPT`) are what m007 indexes them as."""
    kept = dict(schema._M007_KEPT)
    for letter in "åäöÅÄÖ":
        assert chr(kept[letter]) == letter.translate(search_rows.KEPT)


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


def test_long_texts_and_control_characters(ws: Workspace, sample: Sample) -> None:
    """A 10,000-character note is found by its last word and shown around it; control
    characters in a text or a query are neither an error nor part of a word; a whole text
    pasted as the query searches its first words, at once."""
    long_note = "inledning " * 999 + "slutord"
    meetings.edit_item(ws, sample.ids["opening"], notes=long_note)
    [hit] = search(ws, "slutord").hits
    assert hit.text == long_note
    line, found_at = excerpt(hit.text, words("slutord"), 60)
    assert line.endswith("slutord") and [line[a:b] for a, b in found_at] == ["slutord"]
    meetings.edit_item(ws, sample.ids["opening"], notes="Första raden\x07\ttabb\x1fslut")
    opening = {("notes", sample.ids["opening"])}
    assert found(ws, "raden") == found(ws, "\x00RADEN\x1b") == opening
    assert found(ws, "tabbslut") == opening  # as stored: the model takes control characters out
    pasted = " ".join(["sanera"] * 5000 + ["klotter"])
    started = datetime.now()
    assert found(ws, pasted) == found(ws, "sanera")  # the words after the first twelve
    assert (datetime.now() - started).total_seconds() < 2
    assert search_rows.match_expression(" ".join(f"w{i}" for i in range(100))).count(
        " AND ") == search_rows.MAX_WORDS - 1
