"""A minutes page is framed from `minutes.html` rendered once (`render._minutes_frame`): it must be
exactly what Jinja makes of the template for that page, whatever the title, group and body
hold (markup, quotes, control characters, the marks' own look), in either language, public or
internal."""

from __future__ import annotations

from datetime import date

import pytest

from meetingtui.export.site.content import MinutesPage
from meetingtui.export.site.render import Frame, _render, minutes_page
from meetingtui.i18n import set_language

TEXTS = [
    "2026-03-10 EST",
    'Skola & "fritid" <b>Östra</b> \'Å\'',
    "tab\tbell\x07 cr\r\nlf\nend\x7f",
    "@@meetingtui-slot-group@@ {group} {{ title }}",
    "",
]


@pytest.mark.parametrize("lang", ["sv", "en"])
@pytest.mark.parametrize("internal", [False, True])
@pytest.mark.parametrize("text", TEXTS)
def test_framed_page_is_what_jinja_makes(lang: str, internal: bool, text: str) -> None:
    set_language(lang)
    frame = Frame(lang, internal, date(2026, 12, 3), f"Ystads kommun {text}" if text else "")
    page = MinutesPage(7, "protokoll/x.html", f"{text} titel", f"{text} KLG",
                       f"grupper/{text}.html", "named")
    body = f"<h1>Protokoll</h1><p>{text}</p>"

    made = minutes_page(frame, page, body)

    expected = _render("minutes.html", 1, frame, title=page.title, minutes=page, body=body)
    assert made == expected
    assert body.encode("utf-8") in made  # the body as it is: it is HTML already


def test_pages_of_one_frame_differ_only_in_their_own_values() -> None:
    set_language("sv")
    frame = Frame("sv", False, date(2026, 12, 3), "Ystads kommun")
    first = minutes_page(frame, MinutesPage(1, "p/1.html", "2026-01-13 KLG", "KLG",
                                            "grupper/klg.html", "n"), "<p>ett</p>")
    second = minutes_page(frame, MinutesPage(2, "p/2.html", "2026-02-10 EST", "EST <&>",
                                             "grupper/est.html", "n"), "<p>två</p>")

    assert b"2026-01-13 KLG" in first and b"2026-01-13 KLG" not in second
    assert b"EST &lt;&amp;&gt;" in second and b"<p>tv\xc3\xa5</p>" in second
    assert b'href="../grupper/est.html"' in second
