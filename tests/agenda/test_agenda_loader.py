"""The agenda template loader: reading files and folders, the settings between the +++ lines,
and what it says (file:line) when it cannot. The item headings and text below them are in
test_agenda_body.py."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import pytest

from meetingtui.agenda import (
    SETTINGS,
    TemplateError,
    TemplateSet,
    load_template,
    load_templates,
    parse_template,
)
from meetingtui.model import DocumentType, Frequency, GroupTemplate, Language, MeasureType
from tests.agenda_helpers import PATH, VALID, edit, error, write

# --- what a good template gives --------------------------------------------------------------

def test_valid_template_fields() -> None:
    t = parse_template(VALID, PATH)
    assert (t.id, t.name, t.short, t.chair) == (
        "est", "Effektiv samordning för trygghet", "EST", "Säkerhetschef")
    assert t.frequency is Frequency.MONTHLY
    assert t.language is Language.SV
    assert t.document is DocumentType.NOTES
    assert t.skip_months == [7, 12]
    assert t.title == "EST – månadsmöte"
    assert t.source == PATH


def test_all_settings_and_lists() -> None:
    text = edit("skip_months = [7, 12]\n", (
        'skip_months = [7, 12]\nlanguage = "en"\ndocument = "protokoll"\n'
        'members = ["Säkerhetschef", "Kommunpolis"]\ncategories = ["Klotter"]\n'
    ))
    t = parse_template(text, PATH)
    assert (t.language, t.document) == (Language.EN, DocumentType.PROTOCOL)
    assert (t.members, t.categories) == (["Säkerhetschef", "Kommunpolis"], ["Klotter"])
    assert set(SETTINGS) == set(GroupTemplate.model_fields) - {"title", "items", "source"}


# --- encodings and line ends ----------------------------------------------------------------

@pytest.mark.parametrize("encode", [
    lambda s: s.encode("utf-8"),
    lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"),
    lambda s: s.replace("\n", "\r\n").encode("utf-8"),
    lambda s: b"\xef\xbb\xbf" + s.replace("\n", "\r\n").encode("utf-8"),
    lambda s: s.replace("\n", "\r").encode("utf-8"),
], ids=["lf", "bom", "crlf", "bom-crlf", "cr"])
def test_bom_and_line_ends_load_the_same(
    tmp_path: Path, encode: Callable[[str], bytes]
) -> None:
    path = tmp_path / "est.md"
    path.write_bytes(encode(VALID))
    loaded = load_template(path)
    assert loaded.source == path
    assert loaded.model_dump(exclude={"source"}) == parse_template(VALID, PATH).model_dump(
        exclude={"source"})
    assert loaded.items[2].title == "Lägesbild"


def test_crlf_error_lines_are_right(tmp_path: Path) -> None:
    path = tmp_path / "est.md"
    path.write_bytes(edit(".situation", ".lagesbild").replace("\n", "\r\n").encode())
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert info.value.line == 16


def test_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "est.md"
    path.write_bytes(VALID.encode("cp1252"))  # what an old Windows editor saves
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert str(info.value).startswith("est.md:3: the file is not saved as UTF-8 text")
    assert "UTF-8" in info.value.message


def test_utf16(tmp_path: Path) -> None:
    path = tmp_path / "est.md"
    path.write_bytes(VALID.encode("utf-16"))
    with pytest.raises(TemplateError) as info:
        load_template(path)
    assert str(info.value) == "est.md:1: the file is saved as UTF-16; save it again as UTF-8"


def test_unreadable_path_is_a_template_error(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        load_template(tmp_path / "saknas.md")
    assert info.value.line == 0
    assert str(info.value).startswith(str(tmp_path / "saknas.md") + ": this file cannot be read")


# --- errors: FILE:LINE: message -------------------------------------------------------------

def test_error_attributes_str_and_pickle() -> None:
    err = error(edit(".situation", ".lagesbild"))
    assert (err.path, err.line) == (PATH, 16)
    assert str(err) == (
        'est.md:16: unknown item kind ".lagesbild"; use one of: '
        "text, opening, attendance, officers, followup, situation, actions, priorities, next, "
        "rollup, proposals, agreements, closing"
    )
    again = pickle.loads(pickle.dumps(err))
    assert str(again) == str(err)


def test_unknown_setting() -> None:
    err = error(edit('frequency = "monthly"', 'frekvens = "varje månad"'))
    assert str(err) == (
        'est.md:6: "frekvens" is not a known setting; known settings are: id, name, short, '
        "language, document, chair, frequency, skip_months, members, categories, measure_type"
    )


def test_unknown_setting_reported_at_its_own_line() -> None:
    text = edit("skip_months", 'ordförande = "x"\nskip_months')
    assert error(text).line == 7


def test_frequency_not_allowed() -> None:
    err = error(edit('"monthly"', '"weekly-ish"'))
    assert str(err) == (
        'est.md:6: "weekly-ish" is not an allowed value for "frequency"; use one of: '
        "weekly, biweekly, monthly, six-per-year, quarterly, twice-yearly, ad-hoc"
    )


@pytest.mark.parametrize(("written", "expected"), [
    ("", MeasureType.SITUATIONAL),  # not said: what EST and most groups decide
    ('measure_type = "situational"\n', MeasureType.SITUATIONAL),
    ('measure_type = "social"\n', MeasureType.SOCIAL),
])
def test_measure_type_sets_what_a_new_measure_is(written: str, expected: MeasureType) -> None:
    t = parse_template(edit("skip_months = [7, 12]\n", "skip_months = [7, 12]\n" + written), PATH)
    assert t.measure_type is expected


@pytest.mark.parametrize(("value", "line", "said"), [
    ('"situationell"', 8, '"situationell" is not an allowed value for "measure_type"; use one of: '
                          "situational, social"),
    ('"Social"', 8, '"Social" is not an allowed value for "measure_type"; use one of: '
                    "situational, social"),
    ('["social"]', 8, '["social"] is not an allowed value for "measure_type"; use one of: '
                      "situational, social"),
    ('""', 8, '"" is not an allowed value for "measure_type"; use one of: situational, social'),
])
def test_measure_type_not_allowed(value: str, line: int, said: str) -> None:
    err = error(edit("skip_months = [7, 12]\n", f"skip_months = [7, 12]\nmeasure_type = {value}\n"))
    assert str(err) == f"est.md:{line}: {said}"


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ('name = "Effektiv samordning för trygghet"', "name = 5", 3, '"name" must be text'),
    ('id = "est"', 'id = "EST"', 2, '"id" must be a short code'),
    ('id = "est"', 'id = "e s t"', 2, '"id" must be a short code'),
    ("skip_months = [7, 12]", "skip_months = [7, 13]", 7, '"skip_months" must be a list of month'),
    ("skip_months = [7, 12]", 'skip_months = "juli"', 7, '"skip_months" must be a list of month'),
    ("skip_months = [7, 12]", 'members = "Kommunpolis"', 7, '"members" must be a list of texts'),
    ("skip_months = [7, 12]", 'members = ["a", 3]', 7, '"members" must be a list of texts'),
    ("skip_months = [7, 12]", 'members = ["a", " "]', 7, '"members" has an empty entry'),
    ("skip_months = [7, 12]", 'categories = [["a"]]', 7, '"categories" must be a list of texts'),
    ("skip_months = [7, 12]", 'document = "protocol"', 7, 'use one of: minnesanteckningar, prot'),
    ("skip_months = [7, 12]", "language = 1", 7, '1 is not an allowed value for "language"'),
    ('chair = "Säkerhetschef"', 'chair = ""', 5, '"chair" cannot be empty'),
    ('chair = "Säkerhetschef"', f'chair = "{"x" * 201}"', 5, '"chair" is too long: at most 200'),
    ("skip_months = [7, 12]", '[members]\nx = "y"', 7, '"members" must be a list of texts'),
    ('short = "EST"', 'short.kort = "EST"', 4, '"short" must be text in double quotes'),
])
def test_wrong_value_is_reported_at_its_key(old: str, new: str, line: int, words: str) -> None:
    err = error(edit(old, new))
    assert err.line == line
    assert words in err.message
    assert "validation error" not in err.message.lower()
    assert "pydantic" not in err.message.lower()


def test_missing_setting() -> None:
    err = error(edit('chair = "Säkerhetschef"\n', ""))
    assert str(err) == (
        'est.md:1: the required setting "chair" is missing; add it between the +++ lines')


def test_missing_settings_are_named_together() -> None:
    err = error(edit('chair = "Säkerhetschef"\n', "", edit('short = "EST"\n', "")))
    assert err.line == 1
    assert err.message.startswith('the required settings "short" and "chair" are missing')


@pytest.mark.parametrize(("old", "new", "line", "words"), [
    ('chair = "Säkerhetschef"', "chair = Säkerhetschef", 5, 'the value after "=" cannot be read'),
    ('chair = "Säkerhetschef"', 'chair = "Säkerhetschef', 5, "missing its closing double quote"),
    ("skip_months = [7, 12]", "skip_months = [7, 12", 7, "missing its closing ]"),
    ("skip_months = [7, 12]", "skip_months = [7 12]", 7, "missing its closing ] or a comma"),
    ('short = "EST"', 'short "EST"', 4, "name = value"),
    ('short = "EST"', 'short = "EST"\nshort = "E"', 5, "given twice"),
    ('short = "EST"', 'short = "E\x01"', 4, "a character that cannot be used here"),
    ('short = "EST"', "short = 2025-02-30", 4, "this date cannot be read"),
    ('short = "EST"', "short = " + "[" * 3000, 2, "nested too deeply"),
])
def test_toml_syntax_error_line_is_shifted(old: str, new: str, line: int, words: str) -> None:
    err = error(edit(old, new))
    assert (err.line, words in err.message) == (line, True), str(err)
    assert "(at line" not in err.message


def test_must_start_with_fence() -> None:
    assert str(error("\n" + VALID)) == "est.md:1: the file must start with a +++ line"
    assert error("# EST\n\n## Mötets öppnande\n").line == 1


def test_front_matter_never_closed() -> None:
    err = error(edit("+++\n\n# EST", "\n# EST"))
    assert err.line == 1
    assert "never closed" in err.message
    assert "+++" in err.message


@pytest.mark.parametrize("text", ["", "   \n\n", "\ufeff", "\r\n"])
def test_empty_file(text: str) -> None:
    assert str(error(text)) == "est.md:1: the file is empty; a template starts with a +++ line"


def test_str_uses_file_name_not_folder() -> None:
    err = error(edit('"monthly"', '"x"'), Path("/srv/kommun/agendas/egen.md"))
    assert str(err).startswith("egen.md:6: ")


# --- folders --------------------------------------------------------------------------------

def test_broken_file_does_not_stop_the_others(tmp_path: Path) -> None:
    write(tmp_path, "a.md", edit('"est"', '"a"'))
    write(tmp_path, "b.md", edit(".situation", ".lagesbild", edit('"est"', '"b"')))
    write(tmp_path, "c.md", edit('"est"', '"c"'))
    write(tmp_path, "notes.txt", "inte en mall")
    (tmp_path / "d.md").mkdir()
    result = load_templates([tmp_path])
    assert list(result.templates) == ["a", "c"]
    assert [str(e) for e in result.errors] == [
        'b.md:16: unknown item kind ".lagesbild"; use one of: '
        "text, opening, attendance, officers, followup, situation, actions, priorities, next, "
        "rollup, proposals, agreements, closing"
    ]
    assert result.errors[0].path == tmp_path / "b.md"


def test_files_load_in_name_order(tmp_path: Path) -> None:
    for name in ["c.md", "a.md", "b.md"]:
        write(tmp_path, name, edit('"est"', f'"{name[0]}"'))
    result = load_templates([tmp_path])
    assert list(result.templates) == ["a", "b", "c"]
    assert [t.source for t in result.templates.values()] == [
        tmp_path / "a.md", tmp_path / "b.md", tmp_path / "c.md"]


def test_later_folder_overrides_by_id(tmp_path: Path) -> None:
    builtin, own = tmp_path / "builtin", tmp_path / "kommun"
    write(builtin, "est.md", VALID)
    write(builtin, "sspf.md", edit('id = "est"', 'id = "sspf"', edit('"EST"', '"SSPF"')))
    write(own, "vår-est.md", edit('chair = "Säkerhetschef"', 'chair = "Trygghetssamordnare"'))
    result = load_templates([builtin, own])
    assert result.errors == []
    assert list(result.templates) == ["est", "sspf"]
    assert result.templates["est"].chair == "Trygghetssamordnare"
    assert result.templates["est"].source == own / "vår-est.md"


def test_duplicate_id_in_one_folder(tmp_path: Path) -> None:
    write(tmp_path, "est.md", VALID)
    write(tmp_path, "est-kopia.md", edit('chair = "Säkerhetschef"', 'chair = "Kopia"'))
    result = load_templates([tmp_path])
    assert [str(e) for e in result.errors] == [
        'est.md:2: the id "est" is already used by est-kopia.md; give each template its own id'
    ]
    assert result.templates["est"].chair == "Kopia"  # est-kopia.md sorts first


def test_missing_folders_are_errors_not_crashes(tmp_path: Path) -> None:
    write(tmp_path / "ok", "est.md", VALID)
    file = write(tmp_path, "fil.md", VALID)
    result = load_templates([tmp_path / "saknas", tmp_path / "ok", file])
    assert list(result.templates) == ["est"]
    assert [str(e) for e in result.errors] == [
        f"{tmp_path / 'saknas'}: this agenda folder does not exist",
        f"{file}: this is a file, not an agenda folder",
    ]
    assert [e.line for e in result.errors] == [0, 0]


def test_empty_folder_and_no_folders(tmp_path: Path) -> None:
    empty = load_templates([tmp_path])  # most likely the wrong folder: said, not ignored
    assert empty.templates == {}
    assert [str(e) for e in empty.errors] == [
        f"{tmp_path}: this agenda folder has no templates (no *.md files)"]
    assert load_templates([]) == TemplateSet()


def test_get_by_id_or_short_ignoring_case(tmp_path: Path) -> None:
    write(tmp_path, "est.md", VALID)
    write(tmp_path, "bra.md", edit('id = "est"', 'id = "bra"', edit('"EST"', '"BRÅ"')))
    result = load_templates([tmp_path])
    est = result.templates["est"]
    assert result.get("EST") is est
    assert result.get("est") is est
    assert result.get(" Est ") is est
    assert result.get("brå") is result.templates["bra"]
    assert result.get("BRA") is result.templates["bra"]
    assert result.get("sspf") is None
    assert result.get("") is None


def test_get_prefers_id_over_short_and_later_short(tmp_path: Path) -> None:
    builtin, own = tmp_path / "builtin", tmp_path / "kommun"
    write(builtin, "est.md", VALID)
    write(builtin, "x.md", edit('id = "est"', 'id = "x"', edit('"EST"', '"est"')))
    write(own, "est2.md", edit('id = "est"', 'id = "est-egen"', edit('"EST"', '"Trygg"')))
    write(own, "t.md", edit('id = "est"', 'id = "t"', edit('"EST"', '"Trygg"')))
    result = load_templates([builtin, own])
    assert result.get("EST") is result.templates["est"]
    assert result.get("trygg") is result.templates["t"]


def test_messages_stay_on_one_line() -> None:
    err = error(edit("skip_months = [7, 12]", '"ord\\nförande" = "x"'))
    assert str(err).startswith('est.md:1: "ord\\nförande" is not a known setting')
    assert "\n" not in str(err)
    err = error(VALID + "\n## X {.\x01}\n")
    assert (err.line, "\x01" in str(err)) == (27, False)
