"""User text in `meetingtui publish DIR` (issue 17 §1) is data: escaped, never markup or script;
file names never from it, even a name that is a path; Swedish letters and two spellings of one
name kept apart; control characters left out and long text kept."""

from __future__ import annotations

import re
from pathlib import Path

from meetingtui.export.site import MANIFEST, publish_site
from meetingtui.export.site.reuse import INDEX
from meetingtui.services.workspace import Workspace
from tests.export.site.publish_helpers import _pages, _text, public, sample
from tests.site_sample import MARKUP, SiteSample, parse, swedish

__all__ = ["public", "sample", "swedish"]  # fixtures, imported to apply here


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
