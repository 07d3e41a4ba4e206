"""The body of an agenda template: the # title, one ## heading per item with its {.kind
minutes=N}, the guidance and points under it, and what the loader says (file:line) when a heading
or its text cannot be used."""

from __future__ import annotations

import pytest

from meetingtui.agenda import parse_template
from meetingtui.model import ItemKind
from tests.agenda_helpers import PATH, VALID, edit, error

# --- what a good body gives ------------------------------------------------------------------

def test_items_kinds_minutes_and_lines() -> None:
    items = parse_template(VALID, PATH).items
    assert [(i.title, i.kind, i.minutes, i.line) for i in items] == [
        ("Mötets öppnande", ItemKind.TEXT, 2, 12),
        ("Närvaro", ItemKind.ATTENDANCE, 3, 14),
        ("Lägesbild", ItemKind.SITUATION, 40, 16),
        ("Nästa möte", ItemKind.NEXT, None, 25),
    ]


def test_guidance_paragraphs_and_points() -> None:
    item = parse_template(VALID, PATH).items[2]
    assert item.guidance == "Gå igenom det som har hänt sedan förra mötet.\n\nSkriv inga namn."
    assert item.points == ["Inrapporterat sedan förra mötet", "Polisens statistik"]


def test_other_markdown_under_an_item() -> None:
    text = VALID + (
        "\n### Tips\n\n> Fråga polisen först.\n\n1. Första\n2. Andra\n   - Under\n\n"
        "<!-- en kommentar till den som redigerar -->\n"
    )
    item = parse_template(text, PATH).items[-1]
    assert item.guidance == "### Tips\n\n> Fråga polisen först."
    assert item.points == ["Första", "Andra", "Under"]


def test_text_before_first_item_is_not_guidance() -> None:
    text = edit("# EST – månadsmöte\n", "# EST – månadsmöte\n\nEn anteckning.\n\n- inte en punkt\n")
    assert [i.guidance for i in parse_template(text, PATH).items[:2]] == ["", ""]
    assert parse_template(text, PATH).items[0].points == []


def test_heading_markdown_and_escaped_braces() -> None:
    text = VALID + "\n## **Åtgärder** för `EST` \\{utkast\\}\n\n## Setext-rubrik\n---------\n"
    items = parse_template(text, PATH).items
    assert (items[-2].title, items[-2].kind, items[-2].line) == (
        "Åtgärder för EST {utkast}", ItemKind.TEXT, 27)
    assert (items[-1].title, items[-1].line) == ("Setext-rubrik", 29)


def test_quoted_minutes_and_plain_text_kind() -> None:
    text = VALID + '\n## Övriga frågor {.text minutes="5"}\n'
    item = parse_template(text, PATH).items[-1]
    assert (item.kind, item.minutes) == (ItemKind.TEXT, 5)


def test_a_decision_the_item_starts_with() -> None:
    text = VALID + ('\n## Godkännande av dagordning {minutes=2 decision="Dagordningen godkänns."}'
                    "\n\n## Val {decision='Till justerare väljs Åsa.' .officers}\n")
    items = parse_template(text, PATH).items
    assert [(i.title, i.kind, i.decision) for i in items[-2:]] == [
        ("Godkännande av dagordning", ItemKind.TEXT, "Dagordningen godkänns."),
        ("Val", ItemKind.OFFICERS, "Till justerare väljs Åsa.")]
    assert all(i.decision == "" for i in items[:-2])


def test_minutes_with_leading_zeros() -> None:
    text = VALID + "\n## A {minutes=0015}\n\n## B {minutes=" + "0" * 5000 + "7}\n"
    assert [i.minutes for i in parse_template(text, PATH).items[-2:]] == [15, 7]


def test_no_title_is_allowed() -> None:
    assert parse_template(edit("# EST – månadsmöte\n", ""), PATH).title == ""


# --- errors in the body: FILE:LINE: message -------------------------------------------------

def test_no_items() -> None:
    err = error(VALID.split("## Mötets")[0])
    assert err.line == 8
    assert err.message.startswith("the template has no agenda items")


def test_only_h3_is_no_items() -> None:
    assert error(VALID.split("## Mötets")[0] + "### Punkt\n").line == 8


@pytest.mark.parametrize(("heading", "words"), [
    ("## X {minutes=0}", 'minutes must be a whole number from 1 to 480, e.g. minutes=15 (not "0")'),
    ("## X {minutes=481}", "minutes must be a whole number from 1 to 480"),
    ("## X {minutes=abc}", '(not "abc")'),
    ("## X {minutes=1.5}", '(not "1.5")'),
    ("## X {minutes=" + "9" * 5000 + "}", "minutes must be a whole number"),
    ("## X {minutes=}", '"minutes=" in the {…} of this heading cannot be read'),
    ("## X {minutes=5 minutes=6}", "minutes is given twice"),
    ("## X {tid=5}", '"tid" is not a known setting for an item'),
    ('## X {decision="a" decision="b"}', "decision is given twice"),
    ("## X {decision=" + "x" * 20_001 + "}",
     "the decision (decision=) is too long: at most 20,000"),
    ("## X {#id}", '"#id" in the {…} of this heading cannot be read'),
    ("## X {.next .followup}", "this item has two kinds (.next and .followup)"),
    ("## X {.Situation}", 'unknown item kind ".Situation"'),
    ("## X {.next", "missing its }"),
    ("## {.next}", "this item has no title; write it after ##"),
    ("##", "this item has no title"),
    ("## " + "x" * 201, "the item title is too long: at most 200 characters (now 201)"),
])
def test_item_errors_at_heading_line(heading: str, words: str) -> None:
    err = error(VALID + "\n" + heading + "\n")
    assert err.line == 27
    assert words in err.message, err.message


def test_point_too_long_is_reported_at_heading() -> None:
    err = error(edit("- Polisens statistik", "- " + "x" * 300))
    assert err.line == 16
    assert err.message.startswith("a point in the list under this heading is too long")


def test_guidance_too_long() -> None:
    err = error(VALID + "\n## X\n\n" + "ord " * 6000 + "\n")
    assert (err.line, err.message.startswith("the text under this heading is too long")) == (
        27, True)


def test_title_errors() -> None:
    assert error(VALID + "\n# Andra titeln\n").line == 27
    assert "before the first ## item" in error(VALID + "\n# Andra titeln\n").message
    err = error(edit("# EST – månadsmöte\n", "# EST\n# Igen\n"))
    assert (err.line, err.message) == (
        11, "there can be only one # title; the first one is on line 10")
    assert error(edit("# EST – månadsmöte", "# " + "x" * 201)).line == 10
