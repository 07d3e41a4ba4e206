"""Search through the service (issue 15 §3): every kind of text found and where it stands,
Swedish matching, what the user types never taken as syntax, removed rows and edits,
confidentiality and personnummer, the filters, ranking, carried problems, long texts and
control characters. The highlighting: test_search_highlighting.py; `meetingtui search`:
test_search_command.py; the demo data against an independent scan: test_search_demo_data.py."""

from __future__ import annotations

from datetime import date, datetime

import pytest

from meetingtui.cli import search as cli_search
from meetingtui.services import lagesbild, meetings
from meetingtui.services.group_names import UnknownGroup
from meetingtui.services.search import SearchFilters, excerpt, search, words
from meetingtui.services.workspace import Workspace
from meetingtui.store import search as search_rows
from tests.conftest import Clock
from tests.services.search_sample import (
    PERSONNUMMER,
    Sample,
    _item,
    _meeting,
    build_sample,
    found,
)


@pytest.fixture
def sample(ws: Workspace, clock: Clock) -> Sample:
    return build_sample(ws, clock)


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
