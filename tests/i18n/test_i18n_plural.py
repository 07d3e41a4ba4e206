"""Texts with a number say "1 åtgärd" and "3 åtgärder": plural forms in the catalogues and `t()`.

The mechanism is tested on a catalogue of its own (so that it does not depend on today's texts),
then both real catalogues are walked for a number that stands before a plural noun in a text
without forms, which is how "1 nya åtgärder" and "1 orsaker" came about.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest

import meetingtui.i18n as i18n
from meetingtui.i18n import Counted, Plural, catalogue, entries, has, set_language, t

SV = '''
[plain]
hello = "Hej {name}"
fixed = "Ingen siffra"

[list]
count = { one = "{count} åtgärd", other = "{count} åtgärder" }
only_other = { other = "{count} st" }
literal_one = { one = "en åtgärd", other = "{count} åtgärder" }
swedish_only = { one = "{count} sak", other = "{count} saker" }

[list.detail]
text = "nivå {level} · {causes}, {measures}"
causes = { one = "{count} orsak", other = "{count} orsaker" }
measures = { one = "{count} åtgärd", other = "{count} åtgärder" }

[measure]
text = "Åtgärd"
owner = "Ansvarig"
'''

EN = '''
[plain]
hello = "Hello {name}"
fixed = "No number"

[list]
count = { one = "{count} measure", other = "{count} measures" }
only_other = { other = "{count} pcs" }
literal_one = { one = "one measure", other = "{count} measures" }

[list.detail]
text = "level {level} · {causes}, {measures}"
causes = { one = "{count} cause", other = "{count} causes" }
measures = { one = "{count} measure", other = "{count} measures" }

[measure]
text = "Measure"
owner = "Owner"
'''


@pytest.fixture(autouse=True)
def _language_kept() -> Iterator[None]:
    before = i18n._current
    yield
    i18n._current = before


@pytest.fixture
def fake_catalogues(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    (tmp_path / "sv.toml").write_text(SV, encoding="utf-8")
    (tmp_path / "en.toml").write_text(EN, encoding="utf-8")
    for cached in (i18n._load, catalogue, entries):
        cached.cache_clear()
    monkeypatch.setattr(i18n, "_HERE", tmp_path)
    yield
    monkeypatch.undo()
    for cached in (i18n._load, catalogue, entries):
        cached.cache_clear()


@pytest.mark.parametrize(("lang", "n", "expected"), [
    ("sv", 0, "0 åtgärder"), ("sv", 1, "1 åtgärd"), ("sv", 2, "2 åtgärder"),
    ("sv", 21, "21 åtgärder"), ("en", 1, "1 measure"), ("en", 11, "11 measures"),
    ("en", 0, "0 measures"),
])
def test_count_picks_one_or_other(fake_catalogues: None, lang: str, n: int,
                                  expected: str) -> None:
    set_language(lang)
    assert t("list.count", count=n) == expected


def test_a_one_form_may_spell_the_number_out(fake_catalogues: None) -> None:
    set_language("en")
    assert t("list.literal_one", count=1) == "one measure"
    assert t("list.literal_one", count=4) == "4 measures"


def test_fallbacks(fake_catalogues: None) -> None:
    set_language("en")
    assert t("list.only_other", count=1) == "1 pcs"  # no one-form: the other form
    assert t("list.swedish_only", count=1) == "1 sak"  # missing in English: Swedish
    assert t("list.count") == "{count} measures"  # no count: the other form, as written
    assert t("list.count", count="many") == "many measures"
    assert t("list.missing", count=1) == "list.missing"  # unknown: the key


def test_each_number_of_a_text_gets_its_own_form(fake_catalogues: None) -> None:
    set_language("sv")
    assert t("list.detail", level=2, causes=1, measures=3) == "nivå 2 · 1 orsak, 3 åtgärder"
    assert t("list.detail", level=2, causes=4, measures=1) == "nivå 2 · 4 orsaker, 1 åtgärd"
    set_language("en")
    assert t("list.detail", level=0, causes=0, measures=1) == "level 0 · 0 causes, 1 measure"


def test_other_texts_behave_as_before(fake_catalogues: None) -> None:
    set_language("sv")
    assert t("plain.hello", name="Eva") == "Hej Eva"
    assert t("plain.hello") == "Hej {name}"
    assert t("plain.hello", other="x") == "Hej {name}"  # a bad format: the text as written
    assert t("plain.fixed") == "Ingen siffra"
    # A section with a `text` key and other strings is a section, not a text with numbers.
    assert t("measure.text") == "Åtgärd" and t("measure.owner") == "Ansvarig"
    assert has("list.count") and has("list.detail") and has("measure.text")
    assert not has("list.count.one") and not has("list")


def test_entries_and_flat_catalogue(fake_catalogues: None) -> None:
    assert entries("sv")["list.count"] == Plural(one="{count} åtgärd", other="{count} åtgärder")
    detail = entries("sv")["list.detail"]
    assert isinstance(detail, Counted) and set(detail.numbers) == {"causes", "measures"}
    flat = catalogue("sv")
    assert flat["list.count.one"] == "{count} åtgärd"
    assert flat["list.detail.causes.other"] == "{count} orsaker"


# --- the real catalogues --------------------------------------------------------------------

#: Nouns in their plural form that a number stands in front of in this app's texts.
PLURAL_NOUNS = {
    "sv": {"åtgärder", "orsaker", "iakttagelser", "observationer", "möten", "punkter",
           "ändringar", "grupper", "mallar", "deltagare", "ledamöter", "områden", "minuter",
           "rader", "filer", "uppföljningar", "försenade", "nya", "öppna"},
    "en": {"measures", "causes", "observations", "meetings", "items", "amendments", "changes",
           "groups", "templates", "people", "members", "areas", "minutes", "rows", "files",
           "numbers", "updates"},
}
#: Placeholders that stand for a number of things (the others are names, paths, dates …).
NUMBERS = {"count", "causes", "measures", "observations", "items", "meetings", "total", "late",
           "open", "overdue", "new", "carried", "decided"}
_NUMBER_THEN_WORDS = re.compile(r"\{(\w+)\}((?:\s+[\w-]+){1,3})")


def plain_texts(lang: str) -> Iterator[tuple[str, str]]:
    """(key, text) for every text of the catalogue that has no plural forms."""
    for key, entry in entries(lang).items():
        if isinstance(entry, str):
            yield key, entry
        elif isinstance(entry, Counted):
            yield f"{key}.text", entry.text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_no_number_stands_before_a_plural_noun_without_a_one_form(lang: str) -> None:
    bad = []
    for key, text in plain_texts(lang):
        for name, words in _NUMBER_THEN_WORDS.findall(text):
            if name in NUMBERS and PLURAL_NOUNS[lang] & {w.casefold() for w in words.split()}:
                bad.append(f"{key}: {text}")
    assert bad == []


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_plural_has_both_forms(lang: str) -> None:
    for key, entry in entries(lang).items():
        forms = [entry] if isinstance(entry, Plural) else (
            list(entry.numbers.values()) if isinstance(entry, Counted) else [])
        for plural in forms:
            assert plural.one is not None, key
            # click's texts are formatted by click with its own fields ({args}, {nargs} …).
            assert "{count}" in plural.other or key.startswith("click."), key


def test_both_catalogues_have_forms_for_the_same_texts() -> None:
    sv, en = entries("sv"), entries("en")
    assert set(sv) == set(en)
    assert {k for k, v in sv.items() if not isinstance(v, str)} == {
        k for k, v in en.items() if not isinstance(v, str)}


@pytest.mark.parametrize(("key", "kw", "one", "many"), [
    ("actions.count", {}, "1 åtgärd", "2 åtgärder"),
    ("action_list.count", {}, "1 åtgärd", "2 åtgärder"),
    ("close.measures", {}, "1 åtgärd saknar", "2 åtgärder saknar"),
])
def test_real_texts_in_swedish(key: str, kw: dict[str, object], one: str, many: str) -> None:
    set_language("sv")
    words = len(one.split())
    assert t(key, count=1, **kw).split()[:words] == one.split()
    assert t(key, count=2, **kw).split()[:words] == many.split()


def test_real_texts_with_two_numbers() -> None:
    set_language("sv")
    assert t("situation.detail", trend="ny", level=1, causes=1, measures=1) == \
        "Trend: ny · nivå 1 · 1 orsak, 1 åtgärd"
    assert t("situation.detail", trend="ny", level=1, causes=0, measures=2) == \
        "Trend: ny · nivå 1 · 0 orsaker, 2 åtgärder"
    set_language("en")
    assert t("situation.detail", trend="new", level=2, causes=1, measures=5) == \
        "Trend: new · level 2 · 1 cause, 5 measures"
    assert t("export.findings", count=1) == \
        "Note: 1 personal identity number stands in the internal version."


@pytest.mark.parametrize(("lang", "count", "category"), [
    ("sv", 1, "one"), ("sv", 0, "other"), ("sv", 2, "other"), ("sv", 21, "other"),
    ("sv", 1.5, "other"), ("en", 1, "one"), ("en", -1, "one"), ("en", 11, "other"),
    # CLDR's rules, not ours: Polish has "few" and "many", which one/other code cannot say.
    ("pl", 2, "few"), ("pl", 5, "many"), ("pl", 22, "few"),
    ("sv", "1", "other"), ("sv", None, "other"), ("sv", True, "other"),
])
def test_plural_category_is_cldr_s(lang: str, count: object, category: str) -> None:
    assert i18n.plural_category(lang, count) == category


def test_a_table_may_hold_any_cldr_category() -> None:
    forms = i18n._plural({"one": "{count} plik", "few": "{count} pliki", "many": "{count} plików",
                          "other": "{count} pliku"})
    assert forms is not None
    assert [forms.pick(n, "pl") for n in (1, 3, 5, 1.5)] == [
        "{count} plik", "{count} pliki", "{count} plików", "{count} pliku"]


def test_t_in_speaks_the_language_asked_whatever_the_interface(
        fake_catalogues: None) -> None:
    set_language("sv")
    assert i18n.t_in("en", "list.count", count=1) == "1 measure"
    assert i18n.t_in("en", "list.count", count=2) == "2 measures"
    assert t("list.count", count=1) == "1 åtgärd"


# --- read quickly: whole numbers without Babel, a section's forms without the TOML parser ----

@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_the_whole_numbers_stored_are_cldrs(lang: str) -> None:
    """`WHOLE_NUMBERS` spares `actions` Babel's 50 ms: it must say what Babel's rules say, for
    every shipped language (a new language fails here until it is added)."""
    from babel.core import Locale

    rule = Locale.parse(lang).plural_form
    assert lang in i18n.WHOLE_NUMBERS
    for n in [*range(0, 2001), 10_000, 100_001, 1_000_000, -1, -2]:
        assert i18n.plural_category(lang, n) == rule(abs(n)), n


@pytest.mark.parametrize("lang", i18n.LANGUAGES)
def test_a_sections_forms_read_quickly_are_the_catalogues(lang: str) -> None:
    whole = _load_whole(lang)
    checked = 0
    for name, table in whole.items():
        try:
            quick = i18n.section_plurals(lang, name)
        except ValueError:  # a section of sections only ([cli_help.…]): no header of its own
            continue
        for key, forms in quick.items():
            assert entries(lang)[f"{name}.{key}"] == forms
            checked += 1
        assert set(quick) <= set(table)
    # Every text with forms of [action_words] is read (`meetingtui actions` counts with them).
    action_words = {key for key, value in entries(lang).items()
                    if key.startswith("action_words.") and key.count(".") == 1
                    and isinstance(value, Plural)}
    assert {f"action_words.{key}" for key in i18n.section_plurals(lang, "action_words")} == \
        action_words
    assert checked >= 3


def _load_whole(lang: str) -> dict[str, dict[str, object]]:
    """Each top-level section of the real catalogue (those holding tables only)."""
    return {name: table for name, table in i18n._load(lang).items() if isinstance(table, dict)}


def test_counted_says_what_t_says(fake_catalogues: None) -> None:
    i18n._source.cache_clear()
    i18n.section_plurals.cache_clear()
    try:
        set_language("sv")
        assert i18n.counted("list", "count", 1) == "1 åtgärd"
        assert i18n.counted("list", "count", 4) == "4 åtgärder"
        set_language("en")
        assert i18n.counted("list", "literal_one", 1) == "one measure"
        assert i18n.counted("list", "only_other", 1) == "1 pcs"
        # Not on one line in the section (or not there): as `t` says it.
        assert i18n.counted("list", "swedish_only", 1) == "1 sak"
        assert i18n.counted("list", "missing", 2) == "list.missing"
    finally:
        i18n._source.cache_clear()
        i18n.section_plurals.cache_clear()


def test_what_the_operating_system_said_is_in_the_interface_language() -> None:
    import errno

    refused = PermissionError(errno.EACCES, "Permission denied")
    set_language("sv")
    assert i18n.os_error(refused) == "åtkomst nekad"
    assert i18n.os_error(OSError(errno.ENOSPC, "No space left on device")) == "disken är full"
    set_language("en")
    assert i18n.os_error(refused) == "permission denied"
    # An errno the catalogues do not name: the system's own words, never a key.
    assert i18n.os_error(OSError(errno.EXDEV, "Invalid cross-device link")) == \
        "Invalid cross-device link"
    assert i18n.os_error(OSError("no errno at all")) == "no errno at all"
    for lang in i18n.LANGUAGES:
        names = set(i18n.section(lang, "os_errors"))
        assert names <= set(errno.errorcode.values()), names - set(errno.errorcode.values())
        assert names == set(i18n.section("sv", "os_errors"))
