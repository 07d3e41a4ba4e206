"""What the loader says about a template, in Swedish and in English: the same FILE:LINE, the
words in the user's language, as the app's notification and the command line show them."""

from __future__ import annotations

import pickle
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from meetingtui.agenda import TemplateError, load_template, load_templates
from meetingtui.agenda.errors import Words
from meetingtui.i18n import catalogue, language, set_language
from meetingtui.ui.template_warnings import template_warning
from tests.agenda_helpers import VALID, edit, error, write

# One broken template for each thing the loader can say, with the Swedish it should say.
BROKEN = [
    (edit(".situation", ".lagesbild"), 'est.md:16: okänd sorts punkt ".lagesbild"; använd '
     "någon av: text, opening, attendance, officers, followup, situation, actions, priorities, "
     "next, rollup, proposals, agreements, closing"),
    (edit(".situation", ".situation body=KLG"), "est.md:16: body= hör till en punkt av "
     "sorten .proposals, t.ex. {.proposals body=KLG}"),
    (edit(".situation", ".situation groups=EST"), "est.md:16: groups= hör till en punkt av "
     'sorten .rollup, t.ex. {.rollup groups="EST,SSPF"}'),
    (edit(".situation", ".rollup groups=EST groups=SSPF"),
     "est.md:16: groups anges två gånger för punkten"),
    (edit('frequency = "monthly"', 'frekvens = "varje månad"'),
     'est.md:6: "frekvens" är ingen känd inställning; de kända är: id, name, short, language, '
     "document, chair, frequency, skip_months, members, categories, measure_type"),
    (edit('"monthly"', '"weekly-ish"'), 'est.md:6: "weekly-ish" är inget tillåtet värde för '
     '"frequency"; använd något av: weekly, biweekly, monthly, six-per-year, quarterly, '
     "twice-yearly, ad-hoc"),
    (edit("skip_months = [7, 12]", 'measure_type = "situationell"'), 'est.md:7: "situationell" '
     'är inget tillåtet värde för "measure_type"; använd något av: situational, social'),
    (edit("skip_months = [7, 12]", '[measure_type]\nx = "y"'),
     'est.md:7: "measure_type" måste vara något av: situational, social'),
    (edit('chair = "Säkerhetschef"\n', ""), 'est.md:1: den obligatoriska inställningen "chair" '
     "saknas; lägg till den mellan raderna +++"),
    (edit('chair = "Säkerhetschef"\n', "", edit('short = "EST"\n', "")),
     'est.md:1: de obligatoriska inställningarna "short" och "chair" saknas; lägg till dem '
     "mellan raderna +++"),
    (edit('chair = "Säkerhetschef"', f'chair = "{"x" * 201}"'),
     'est.md:5: "chair" är för långt: högst 200 tecken (nu 201)'),
    (edit('chair = "Säkerhetschef"', 'chair = ""'), 'est.md:5: "chair" får inte vara tomt'),
    (edit("skip_months = [7, 12]", 'members = ["a", " "]'),
     'est.md:7: "members" har ett tomt värde i listan; ta bort det eller fyll i det'),
    (edit("skip_months = [7, 12]", "skip_months = [7, 13]"), 'est.md:7: "skip_months" måste vara '
     "en lista med månadsnummer från 1 till 12, t.ex. skip_months = [7, 12]"),
    (edit('id = "est"', 'id = "EST"'), 'est.md:2: "id" måste vara en kort kod av små bokstäver '
     'a–z, siffror, "-" eller "_", t.ex. id = "est"'),
    (edit('short = "EST"', 'short.kort = "EST"'), 'est.md:4: "short" måste vara text inom '
     'dubbla citattecken, t.ex. short = "EST"'),
    (edit("skip_months = [7, 12]", 'members = "Kommunpolis"'), 'est.md:7: "members" måste vara '
     'en lista med texter inom dubbla citattecken, t.ex. members = ["Säkerhetschef", '
     '"Kommunpolis"]'),
    (edit("skip_months = [7, 12]", '[language]\nx = "y"'),
     'est.md:7: "language" måste vara något av: sv, en'),
    (edit("skip_months = [7, 12]", "language = 1"), 'est.md:7: 1 är inget tillåtet värde för '
     '"language"; använd något av: sv, en'),
    (edit('chair = "Säkerhetschef"', "chair = Säkerhetschef"), 'est.md:5: värdet efter "=" går '
     'inte att läsa; text skrivs inom dubbla citattecken (chair = "Säkerhetschef"), listor inom '
     "hakparenteser (skip_months = [7, 12])"),
    (edit('chair = "Säkerhetschef"', 'chair = "Säkerhetschef'),
     'est.md:5: en text saknar sitt avslutande citattecken (")'),
    (edit("skip_months = [7, 12]", "skip_months = [7 12]"),
     "est.md:7: en lista saknar sin avslutande ] eller ett kommatecken mellan två värden"),
    (edit('short = "EST"', 'short "EST"'),
     'est.md:4: varje inställning skrivs som namn = värde, t.ex. chair = "Säkerhetschef"'),
    (edit('short = "EST"', 'short = "EST"\nshort = "E"'),
     "est.md:5: inställningen anges två gånger; behåll bara en"),
    (edit('short = "EST"', 'short = "E\x01"'),
     "est.md:4: raden innehåller ett tecken som inte får stå här ('\\x01')"),
    (edit('short = "EST"', "short = 2025-02-30"),
     "est.md:4: datumet går inte att läsa; skriv det som 2025-03-14"),
    (edit('short = "EST"', "= 1"), "est.md:4: raden är ingen inställning; skriv namn = värde"),
    (edit('short = "EST"', "short. = 1"), "est.md:4: inställningens namn saknas före ="),
    (edit('short = "EST"', "short = { a = 1"), "est.md:4: en { … } saknar sin avslutande }"),
    (edit('short = "EST"', 'short = "a\\q"'), "est.md:4: ett \\ i en text måste skrivas två "
     "gånger (\\\\)"),
    # tomllib's own words where we have none, inside ours
    (edit('short = "EST"', "[[x]]\n[x]"), "est.md:5: inställningarna mellan raderna +++ går "
     "inte att läsa (cannot declare ('x',) twice)"),
    (edit('short = "EST"', "short = " + "[" * 3000),
     "est.md:2: inställningarna är för djupt nästlade för att kunna läsas"),
    ("\n" + VALID, "est.md:1: filen måste börja med en rad +++"),
    (edit("+++\n\n# EST", "\n# EST"), "est.md:1: inställningarna som börjar här avslutas "
     "aldrig; lägg till en rad med +++ efter dem"),
    ("", "est.md:1: filen är tom; en mall börjar med en rad +++"),
    (VALID.split("## Mötets")[0], "est.md:8: mallen har inga dagordningspunkter; börja varje "
     "punkt på en egen rad med ##, t.ex. ## Mötets öppnande"),
    (VALID + "\n## X {minutes=0}\n", "est.md:27: minutes måste vara ett heltal från 1 till 480, "
     't.ex. minutes=15 (inte "0")'),
    (VALID + "\n## X {minutes=5 minutes=6}\n", "est.md:27: minutes anges två gånger för punkten"),
    (VALID + "\n## X {tid=5}\n", 'est.md:27: "tid" är ingen känd inställning för en punkt; de '
     "som finns är minutes= (tidsramen, t.ex. {.situation minutes=40}), decision= (beslutet "
     "punkten börjar med), groups= (.rollup) och body= (.proposals)"),
    (VALID + '\n## X {decision="A" decision="B"}\n',
     "est.md:27: decision anges två gånger för punkten"),
    (VALID + "\n## X {#id}\n", 'est.md:27: "#id" i {…} på rubriken går inte att läsa; skriv '
     "sorten med en punkt och tidsramen som minutes=N, t.ex. {.situation minutes=40}"),
    (VALID + "\n## X {.next .followup}\n",
     "est.md:27: punkten har två sorter (.next och .followup); ge den bara en"),
    (VALID + "\n## X {.next\n", "est.md:27: {…} i slutet av rubriken saknar sin }"),
    (VALID + "\n## {.next}\n", "est.md:27: punkten saknar rubrik; skriv den efter ##"),
    (VALID + "\n## " + "x" * 201 + "\n",
     "est.md:27: punktens rubrik är för lång: högst 200 tecken (nu 201)"),
    (VALID + "\n## X {decision=" + "x" * 20_001 + "}\n",
     "est.md:27: beslutet (decision=) är för långt: högst 20\u00a0000 tecken (nu 20\u00a0001)"),
    (edit("- Polisens statistik", "- " + "x" * 300), "est.md:16: en punkt i listan under "
     "rubriken är för lång: högst 200 tecken (nu 300)"),
    (VALID + "\n## X\n\n" + "ord " * 6000 + "\n", "est.md:27: texten under rubriken är för "
     "lång: högst 20\u00a0000 tecken (nu 23\u00a0999)"),
    (VALID + "\n# Andra titeln\n", "est.md:27: #-rubriken måste stå före den första ##-punkten"),
    (edit("# EST – månadsmöte\n", "# EST\n# Igen\n"),
     "est.md:11: det får bara finnas en #-rubrik; den första står på rad 10"),
    (edit("# EST – månadsmöte", "# " + "x" * 201),
     "est.md:10: #-rubriken är för lång: högst 200 tecken (nu 201)"),
]


@pytest.mark.parametrize(("text", "swedish"), BROKEN, ids=[str(n) for n in range(len(BROKEN))])
def test_each_error_in_swedish_at_the_same_file_and_line(text: str, swedish: str) -> None:
    err = error(text)
    assert err.located("sv") == swedish
    place = f"est.md:{err.line}: "
    assert err.located("en") == str(err) == place + err.message
    assert err.located("sv").startswith(place)
    assert err.located("sv") != err.located("en")


def test_an_unreadable_file_and_folder_problems_in_both_languages(tmp_path: Path) -> None:
    with pytest.raises(TemplateError) as info:
        load_template(tmp_path / "saknas.md")
    assert info.value.located("sv").startswith(f"{tmp_path / 'saknas.md'}: filen går inte att "
                                               "läsa (")
    (tmp_path / "tom").mkdir()
    file = write(tmp_path, "fil.md", VALID)
    found = load_templates([tmp_path / "saknas", tmp_path / "tom", file])
    assert [e.located("sv") for e in found.errors] == [
        f"{tmp_path / 'saknas'}: mallmappen finns inte",
        f"{tmp_path / 'tom'}: mallmappen innehåller inga mallar (inga *.md-filer)",
        f"{file}: det här är en fil, inte en mallmapp",
    ]
    assert [e.located("en") for e in found.errors] == [
        f"{tmp_path / 'saknas'}: this agenda folder does not exist",
        f"{tmp_path / 'tom'}: this agenda folder has no templates (no *.md files)",
        f"{file}: this is a file, not an agenda folder",
    ]


def test_a_duplicate_id_in_swedish(tmp_path: Path) -> None:
    write(tmp_path, "est.md", VALID)
    write(tmp_path, "est-kopia.md", VALID)
    [err] = load_templates([tmp_path]).errors
    assert err.located("sv") == (
        'est.md:2: id:t "est" används redan av est-kopia.md; ge varje mall ett eget id')


def _keys(words: Words) -> Iterator[str]:
    yield words.key
    for value in words.values.values():
        if isinstance(value, Words):
            yield from _keys(value)


def test_every_catalogue_text_is_one_that_a_template_can_cause(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The examples here reach every key: no Swedish text is left untested, none is missing."""
    said = {key for text, _ in BROKEN for key in _keys(error(text).why)}
    write(tmp_path / "d", "a.md", VALID)
    write(tmp_path / "d", "b.md", VALID)
    (tmp_path / "tom").mkdir()
    (tmp_path / "utf16.md").write_bytes(VALID.encode("utf-16"))
    (tmp_path / "cp1252.md").write_bytes(VALID.encode("cp1252"))
    for name in ("saknas.md", "utf16.md", "cp1252.md"):
        with pytest.raises(TemplateError) as info:
            load_template(tmp_path / name)
        said |= set(_keys(info.value.why))
    refused = tmp_path / "låst"
    refused.mkdir()
    real_glob = Path.glob

    def glob(self: Path, pattern: str) -> Iterator[Path]:
        if self == refused:
            raise PermissionError(13, "Permission denied")
        return real_glob(self, pattern)

    monkeypatch.setattr(Path, "glob", glob)
    found = load_templates([tmp_path / "d", tmp_path / "saknas", tmp_path / "tom",
                            tmp_path / "d" / "a.md", refused])
    assert found.errors[-1].located("sv") == (
        f"{refused}: mappen går inte att läsa (åtkomst nekad)")
    for err in found.errors:
        said |= set(_keys(err.why))
    written = {key.removeprefix("template_error.") for key in catalogue("sv")
               if key.startswith("template_error.")}
    # The body refuses a bad timebox before the model sees it: pydantic's own check stays worded
    # in case the body ever lets one through.
    assert written - said == {"item_minutes"}
    assert said <= written


def test_the_words_survive_pickling_in_both_languages(tmp_path: Path) -> None:
    [folder] = load_templates([tmp_path / "saknas"]).errors
    for err in (error(edit(".situation", ".lagesbild")), folder):
        again = pickle.loads(pickle.dumps(err))
        assert type(again) is type(err)
        assert (again.located("sv"), str(again)) == (err.located("sv"), str(err))


@pytest.fixture
def speaking() -> Iterator[None]:
    before = language()
    yield
    set_language(before)


@pytest.mark.parametrize(("lang", "title_words"), [
    ("sv", '• est.md:16: okänd sorts punkt ".lagesbild"'),
    ("en", '• est.md:16: unknown item kind ".lagesbild"'),
])
def test_the_apps_notification_speaks_the_ui_language(lang: str, title_words: str,
                                                      speaking: None, tmp_path: Path) -> None:
    set_language(lang)
    write(tmp_path, "est.md", edit(".situation", ".lagesbild"))
    errors = load_templates([tmp_path, tmp_path / "saknas"]).errors
    lines = template_warning(errors).splitlines()
    assert lines[0].startswith(title_words)
    assert lines[1] == {"sv": f"• Mallmappen {tmp_path / 'saknas'} finns inte",
                        "en": f"• The template folder {tmp_path / 'saknas'} does not exist"}[lang]
    if lang == "sv":  # nothing of the English left in the Swedish notification
        assert not re.search(r"\b(?:is|does) not\b|\bunknown\b", "\n".join(lines))
