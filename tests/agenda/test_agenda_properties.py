"""Whatever a person types into a template file, the loader answers with a template or a
TemplateError that names a line of that file: never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from meetingtui.agenda import TemplateError, load_template, parse_template
from meetingtui.model import GroupTemplate, ItemKind
from tests.paths import AGENDAS

PATH = Path("agendas/est.md")
EST = (AGENDAS / "est.md").read_text(encoding="utf-8")
FRONT = """\
+++
id = "est"
name = "Effektiv samordning för trygghet"
short = "EST"
chair = "Säkerhetschef"
frequency = "monthly"
+++
"""
BODY = "# EST\n\n## Mötets öppnande {minutes=2}\n\n## Lägesbild {.situation}\n- Polisen\n"
FAST = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Characters that matter to the format, so that random text reaches the interesting paths.
MARKS = st.text(alphabet="#{}.=+-*\"'[]()<>!`\\ \t\r\n\ufeffabcåäöÅ0123456789_", max_size=300)
TEXT = st.one_of(st.text(max_size=300), MARKS)


def line_count(text: str) -> int:
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1


def check(text: str) -> GroupTemplate | TemplateError:
    """Parse `text`; whatever comes back must make sense for it."""
    try:
        template = parse_template(text, PATH)
    except TemplateError as err:
        assert str(err).startswith(f"est.md:{err.line}: ")
        assert 1 <= err.line <= line_count(text)
        assert err.message.strip() and "\n" not in err.message
        assert "validation error" not in err.message
        return err
    assert isinstance(template, GroupTemplate)
    assert template.items
    assert all(1 <= item.line <= line_count(text) for item in template.items)
    assert template.source == PATH
    return template


@FAST
@given(TEXT)
def test_any_text(text: str) -> None:
    check(text)


@FAST
@given(TEXT)
def test_any_body_after_valid_front_matter(body: str) -> None:
    result = check(FRONT + body)
    if isinstance(result, TemplateError):
        assert result.line > FRONT.count("\n") - 1  # the settings were fine


@FAST
@given(TEXT)
def test_any_front_matter_before_a_valid_body(front: str) -> None:
    check(f"+++\n{front}\n+++\n{BODY}")


@FAST
@given(st.lists(st.tuples(st.text(max_size=40), MARKS), max_size=5))
def test_any_headings(headings: list[tuple[str, str]]) -> None:
    check(FRONT + "".join(f"## {title} {{{attrs}}}\n{attrs}\n" for title, attrs in headings))


MUTATION = st.tuples(
    st.sampled_from(["delete", "insert", "replace_line", "duplicate_line", "swap_lines"]),
    st.integers(min_value=0, max_value=len(EST)),
    st.integers(min_value=0, max_value=60),
    TEXT,
)


def mutate(text: str, op: str, at: int, size: int, payload: str) -> str:
    lines = text.split("\n")
    row = at % len(lines)
    if op == "delete":
        return text[:at] + text[at + size:]
    if op == "insert":
        return text[:at] + payload + text[at:]
    if op == "replace_line":
        lines[row] = payload
    elif op == "duplicate_line":
        lines.insert(row, lines[row])
    else:
        other = (row + size) % len(lines)
        lines[row], lines[other] = lines[other], lines[row]
    return "\n".join(lines)


@FAST
@given(st.lists(MUTATION, min_size=1, max_size=3))
def test_mutations_of_a_real_template(mutations: list[tuple[str, int, int, str]]) -> None:
    text = EST
    for mutation in mutations:
        text = mutate(text, *mutation)
    check(text)


@FAST
@given(st.binary(max_size=400) | st.builds(
    lambda prefix, text: prefix + text.encode("utf-8", "surrogatepass"),
    st.sampled_from([b"", b"\xef\xbb\xbf", b"\xff\xfe"]), TEXT,
))
def test_any_bytes_in_a_file(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.getbasetemp() / "est.md"
    path.write_bytes(data)
    try:
        load_template(path)
    except TemplateError as err:
        assert str(err).startswith(f"est.md:{err.line}: ")
        assert err.line >= 1


TITLE = st.text(alphabet="abcdefghijklmnopqrstuvwxyzåäöÅÄÖ0123456789 –,()", min_size=1,
                max_size=60).filter(lambda s: s.strip())
POINT = st.text(alphabet="abcåäöÅÄÖ xyz", min_size=1, max_size=60).map(str.strip).filter(bool)
ITEM = st.tuples(
    TITLE,
    st.none() | st.sampled_from(list(ItemKind)),
    st.none() | st.integers(min_value=1, max_value=480),
    st.lists(POINT, max_size=3),
)


@FAST
@given(st.lists(ITEM, min_size=1, max_size=8))
def test_generated_templates_round_trip(
    items: list[tuple[str, ItemKind | None, int | None, list[str]]],
) -> None:
    lines = FRONT.splitlines()
    expected = []
    for title, kind, minutes, points in items:
        attrs = " ".join(
            ([f".{kind.value}"] if kind else []) + ([f"minutes={minutes}"] if minutes else []))
        lines += ["", f"## {title} {{{attrs}}}" if attrs else f"## {title}"]
        expected.append((" ".join(title.split()), kind or ItemKind.TEXT, minutes, len(lines)))
        lines += [f"- {point}" for point in points]
    template = parse_template("\n".join(lines) + "\n", PATH)
    assert [(i.title, i.kind, i.minutes, i.line) for i in template.items] == expected
    assert [i.points for i in template.items] == [
        [" ".join(p.split()) for p in points] for *_, points in items]
