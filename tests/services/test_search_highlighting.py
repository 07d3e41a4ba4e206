"""The highlighting of search hits (issue 15 §3): the whole words a query word begins are
marked, an excerpt fits its width around the first match, and the index keeps å, ä and ö as
the query does."""

from __future__ import annotations

from meetingtui.services.search import excerpt, marks, words
from meetingtui.store import schema
from meetingtui.store import search as search_rows

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
