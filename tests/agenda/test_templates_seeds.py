"""The shipped templates read against the seeds they were drawn from (issue 14 §7): each
correction has its check here, with the seed line it rests on (`../shared/seeds/`: 000 and 003
Herrljunga, 001 Lysekil, 002 Brå on Fagersta, 004 Upplands Väsby)."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from meetingtui.agenda import load_templates
from meetingtui.cli import main
from meetingtui.model import (
    DocumentType,
    Frequency,
    GroupTemplate,
    ItemKind,
    MeasureType,
    TemplateItem,
)
from tests.agenda.test_templates_shipped import AGENDAS, IDS, all_text
from tests.paths import ROOT

#: Plural endings of the roles the seeds list ("Rektorer", "Förvaltningschefer",
#: "Representanter från …"): a member is one person, and the minutes say "Per Lund, <role>".
PLURALS = ("rektorer", "chefer", "representanter", "strateger", "poliser", "pedagoger",
           "samordnarna", "verksamheter", "förvaltningar", "tjänstemän", "ledarna", "ombuden")
#: Upplands Väsby's delivery level (004): "rektorer från högstadie- och gymnasieskolorna,
#: elevhälsa, fältarbetarna, fritidsledare, ungdomsmottagningen, representanter från
#: mottagningsgruppen i socialtjänsten och kommunpolis".
VASBY_ROLES = ["Rektor", "Elevhälsa", "Fältarbetare", "Fritidsledare", "Ungdomsmottagning",
               "Socialtjänstens mottagning", "Kommunpolis"]
#: Its nine focus areas, each with the office responsible (004).
VASBY_AREAS = {
    "Stadsbyggnad": "kontoret för samhällsbyggnad",
    "Hot och våld i offentlig miljö": "kommunledningskontoret och kontoret för samhällsbyggnad",
    "Hot och våld i skolan": "utbildningskontoret",
    "Hot och våld mot medarbetare och förtroendevalda": "kommunledningskontoret",
    "Organiserad brottslighet": "kommunledningskontoret",
    "Barn och ungdomars fritid": "kultur- och fritidskontoret",
    "Våld i nära relationer": "social- och omsorgskontoret",
    "Hedersrelaterat våld": "social- och omsorgskontoret",
    "Våldsbejakande extremism": "kommunledningskontoret",
}
FAGERSTA_AREAS = ["Hot och våld", "Ordningsstörning och otrygghet",
                  "Extremism och kriminella nätverk", "Ungdomar och skolor", "ANDT", "Övrigt"]


@pytest.fixture(scope="module")
def shipped() -> dict[str, GroupTemplate]:
    result = load_templates([AGENDAS])
    assert [str(e) for e in result.errors] == []
    return result.templates


def item(template: GroupTemplate, words: str) -> TemplateItem:
    """The one item whose title holds `words`."""
    found = [i for i in template.items if words.casefold() in i.title.casefold()]
    assert len(found) == 1, (template.id, words, [i.title for i in template.items])
    return found[0]


def said(one: TemplateItem) -> str:
    return "\n".join([one.title, one.guidance, *one.points])


# --- everywhere -----------------------------------------------------------------------------

@pytest.mark.parametrize("template_id", IDS)
def test_every_role_is_one_person(shipped: dict[str, GroupTemplate], template_id: str) -> None:
    t = shipped[template_id]
    for role in [t.chair, *t.members]:
        for word in re.findall(r"\w+", role.casefold()):
            assert not word.endswith(PLURALS), (template_id, role)


@pytest.mark.parametrize("template_id", IDS)
def test_personnummer_only_to_forbid_them(
    shipped: dict[str, GroupTemplate], template_id: str
) -> None:
    """Domain §6: nothing invites names or personnummer into a lägesbild."""
    for sentence in re.split(r"(?<=[.:;!?])\s+", all_text(shipped[template_id])):
        if "personnummer" in sentence.casefold():
            assert re.search(r"\b(aldrig|inga|inte)\b", sentence), sentence


def test_every_shipped_template_checks_clean() -> None:
    files = [str(path) for path in sorted(AGENDAS.glob("*.md"))]
    result = CliRunner().invoke(main, ["templates", "check", *files], catch_exceptions=False)
    assert (result.exit_code, result.stderr) == (0, "")
    assert len(result.output.splitlines()) == len(IDS)


def test_measures_are_situational_unless_the_seed_says_social(
    shipped: dict[str, GroupTemplate],
) -> None:
    social = {t.id for t in shipped.values() if t.measure_type is MeasureType.SOCIAL}
    # 000: SSPF "Fokus på social prevention"; 004: the local councils' insatser "som främjar
    # goda uppväxt- och levnadsvillkor".
    assert social == {"sspf", "bra-lokal"}


# --- EST (000 Herrljunga; 001 Lysekil; 002 Fagersta) -----------------------------------------

def test_est_follows_up_the_medborgarlofte(shipped: dict[str, GroupTemplate]) -> None:
    # 002: "Där formuleras mål som omsätts och följs upp genom EST-arbetet."
    one = item(shipped["est"], "Uppföljning av medborgarlöftet")
    assert one.kind is ItemKind.AGREEMENTS  # the löfte itself shown, with its commitments
    assert "mål" in one.guidance


def test_est_asks_once_a_year_which_measures_worked(shipped: dict[str, GroupTemplate]) -> None:
    # 001: "På årsbasis görs en detaljerad analys … vilka insatser under året som har samband
    # med positiva utfall. Detta dokumenteras och återkopplas till verksamheterna."
    one = item(shipped["est"], "en gång per år")
    assert one.kind is ItemKind.TEXT
    assert "resultat" in one.title
    assert "återkoppla" in said(one) and "verksamheterna" in said(one)


def test_est_may_meet_more_often_in_social_unrest(shipped: dict[str, GroupTemplate]) -> None:
    # 001: "Vid social oro kan frekvensen tillfälligt öka."
    nxt = item(shipped["est"], "Nästa möte")
    assert nxt.kind is ItemKind.NEXT
    assert "Vid social oro kan gruppen behöva träffas oftare." in nxt.guidance
    assert "juli" in nxt.guidance and "december" in nxt.guidance  # 000


def test_est_members_read_as_one_person_each(shipped: dict[str, GroupTemplate]) -> None:
    # 000: Räddningstjänst, "Representanter från berörda kommunala verksamheter", Bostadsbolag.
    assert shipped["est"].members == [
        "Säkerhetschef", "Folkhälsostrateg", "Kommunpolis", "Representant för räddningstjänsten",
        "Representant för berörd kommunal verksamhet", "Representant för bostadsbolaget",
        "Representant för näringslivet",
    ]


def test_est_chooses_three_areas_for_the_coming_quarter(shipped: dict[str, GroupTemplate]) -> None:
    one = item(shipped["est"], "Prioriterade områden")
    assert one.kind is ItemKind.PRIORITIES
    assert "tre prioriterade områden för kommande kvartal" in one.guidance  # 001


# --- Styrgrupp (000) ------------------------------------------------------------------------

def test_styrgrupp_decides_the_long_term_plan(shipped: dict[str, GroupTemplate]) -> None:
    # 000: "minst vartannat år … en fördjupad beskrivning … Utifrån lägesbilden ska en
    # långsiktig strategisk åtgärdsplan tas fram och beslutas."
    one = item(shipped["styrgrupp"], "Beslut om långsiktig strategisk åtgärdsplan")
    assert one.title == ("Beslut om långsiktig strategisk åtgärdsplan (efter fördjupad "
                         "lägesbild, minst vartannat år)")
    assert one.kind is ItemKind.TEXT
    titles = [i.title for i in shipped["styrgrupp"].items]
    assert titles.index("Lägesbildens utveckling") < titles.index(one.title)


def test_styrgrupp_agreements_with_police_and_others(shipped: dict[str, GroupTemplate]) -> None:
    # 000: "skriftliga överenskommelser ingås med relevanta externa aktörer"
    one = item(shipped["styrgrupp"], "Samverkansöverenskommelse")
    assert one.kind is ItemKind.AGREEMENTS
    assert "med polisen och andra relevanta externa aktörer" in one.guidance


def test_styrgrupp_has_no_ersattare(shipped: dict[str, GroupTemplate]) -> None:
    t = shipped["styrgrupp"]
    assert "ersättare" not in all_text(t).casefold()
    assert t.document is DocumentType.PROTOCOL
    assert "Förvaltningschef" in t.members


# --- SSPF (000; levels from 002) ------------------------------------------------------------

def test_sspf_measures_are_social_with_a_level(shipped: dict[str, GroupTemplate]) -> None:
    t = shipped["sspf"]
    assert t.measure_type is MeasureType.SOCIAL
    actions = next(i for i in t.items if i.kind is ItemKind.ACTIONS)
    for word in ("sociala", "universell", "selektiv", "indikerad"):
        assert word in actions.guidance, word
    assert t.members[0] == "Rektor"


# --- Lokalt BRÅ (002 Fagersta) --------------------------------------------------------------

def test_bra_meets_six_times_a_year_not_in_july(shipped: dict[str, GroupTemplate]) -> None:
    # 002: "Lokala BRÅ sammanträder sex gånger per år."
    t = shipped["bra"]
    assert (t.frequency, t.skip_months) == (Frequency.SIX_PER_YEAR, [7])
    assert "sex gånger per år" in item(t, "Nästa möte").guidance
    assert "juli" in item(t, "Nästa möte").guidance


def test_bra_proposes_an_inriktningsbeslut_on_all_six_areas(
    shipped: dict[str, GroupTemplate],
) -> None:
    # 002: "Lokala BRÅ i Fagersta tar fram ett förslag till politiskt beslut … omfattar
    # följande områden"; a proposal, not a choice of three priorities.
    t = shipped["bra"]
    assert not t.has_kind(ItemKind.PRIORITIES)
    one = item(t, "inriktningsbeslut")
    assert (one.kind, one.body) == (ItemKind.PROPOSALS, "Kommunstyrelsen")  # issue 16 §3
    assert "kommunstyrelsen" in one.title
    assert "förslag" in one.guidance and "alla sex områdena" in one.guidance
    assert [p.split(" (")[0].split(",")[0] for p in one.points] == FAGERSTA_AREAS


# --- Trygghetsgruppen (001 Lysekil) ---------------------------------------------------------

def test_trygghetsgrupp_three_areas_each_quarter(shipped: dict[str, GroupTemplate]) -> None:
    # 001: "Varje kvartal analyseras … Tre områden prioriteras … under kommande kvartal."
    one = item(shipped["trygghetsgrupp"], "Prioriterade områden")
    assert one.kind is ItemKind.PRIORITIES
    assert "kvartal" in one.title and "Tre områden" in one.guidance


def test_trygghetsgrupp_yearly_mapping_with_the_police(shipped: dict[str, GroupTemplate]) -> None:
    # 001: "kommunen och polisen [gör] en årlig bredare kartläggning … grund för …
    # samverkansöverenskommelse, medborgarlöfte och åtgärdsplan"
    one = item(shipped["trygghetsgrupp"], "kartläggning med polisen")
    assert one.kind is ItemKind.TEXT
    assert "en gång per år" in one.title
    for word in ("samverkansöverenskommelsen", "medborgarlöftet", "åtgärdsplanen", "KLG"):
        assert word in one.guidance, word


def test_trygghetsgrupp_competence_and_kslu_as_the_seed_says(
    shipped: dict[str, GroupTemplate],
) -> None:
    t = shipped["trygghetsgrupp"]
    # 001: "främja kompetensutveckling externt … och internt till verksamheter"
    assert item(t, "Kompetensutveckling").kind is ItemKind.TEXT
    # 001: "kommunstyrelsens ledningsgrupp (KSLU)"
    assert "kommunstyrelsens ledningsgrupp (KSLU)" in item(t, "KSLU").guidance
    assert "ledningsutskott" not in all_text(t)
    assert "social oro" in item(t, "Nästa möte").guidance


# --- Beredningsgrupp (002) ------------------------------------------------------------------

def test_beredningsgrupp_proposes_and_the_styrgrupp_decides(
    shipped: dict[str, GroupTemplate],
) -> None:
    # 002: "De föreslår insatser … och presenterar dessa för styrgruppen, som fattar beslut"
    one = next(i for i in shipped["beredningsgrupp"].items if i.kind is ItemKind.PROPOSALS)
    assert one.title == "Förslag till insatser till styrgruppen"
    assert one.body == "Styrgrupp"  # the styrgrupp's group: its meeting decides them
    decides = next(i for i in shipped["styrgrupp"].items if i.kind is ItemKind.PROPOSALS)
    assert decides.title == "Förslag från beredningsgruppen" and not decides.body
    assert "förslag, inte beslut" in one.guidance
    assert "föreslås ansvara" in one.guidance


# --- The district councils (004 Upplands Väsby, verkställande nivå) -------------------------

def test_the_district_council_template(shipped: dict[str, GroupTemplate]) -> None:
    t = shipped["bra-lokal"]
    assert (t.short, t.document) == ("Lokalt BRÅ", DocumentType.NOTES)
    # "Den verkställande nivån leds av social- och omsorgskontoret"
    assert t.chair == "Representant för social- och omsorgskontoret"
    assert t.members == [t.chair, *VASBY_ROLES]
    assert t.has_kind(ItemKind.SITUATION)  # "skapa en gemensam lägesbild"
    assert t.measure_type is MeasureType.SOCIAL


def test_the_central_council_adds_its_members(shipped: dict[str, GroupTemplate]) -> None:
    # "I det centrala rådet deltar även Väsby centrumledning med sitt bevakningsbolags
    # arbetsledare": one template, several groups, each with its own members.
    attendance = item(shipped["bra-lokal"], "Närvaro")
    assert attendance.kind is ItemKind.ATTENDANCE
    for words in ("centrala", "centrumledningen", "bevakningsbolags arbetsledare",
                  "lägg till dem som medlemmar"):
        assert words in attendance.guidance, words


def test_the_district_council_agenda(shipped: dict[str, GroupTemplate]) -> None:
    t = shipped["bra-lokal"]
    areas = item(t, "fokusområdena")
    assert [p.split(" (")[0] for p in areas.points] == list(VASBY_AREAS)
    for point, office in zip(areas.points, VASBY_AREAS.values(), strict=True):
        assert point.endswith(f"{office})"), point
    # "Gemensamma beslut, åtgärder, information och aktiviteter delgivna av samordnande nivå
    # verkställs inom respektive kontor eller organisation."
    assert "verkställas" in item(t, "Nytt från den samordnande nivån").guidance
    # "social- och omsorgskontoret som rapporterar till den samordnande nivån"
    report = item(t, "Rapport till den samordnande nivån")
    assert "social- och omsorgskontoret" in report.guidance
    # "åtgärderna bör målgruppsanpassas" with a child-rights and gender perspective
    actions = next(i for i in t.items if i.kind is ItemKind.ACTIONS)
    assert "målgrupp" in actions.guidance and "barnrätts- och genusperspektivet" in actions.guidance


def test_seeds_are_where_the_docstring_says() -> None:
    seeds = ROOT.parent / "shared" / "seeds"  # ../shared, as in CI
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    for quoted in ("följs upp genom EST-arbetet", "sammanträder sex gånger per år",
                   "kommunstyrelsens ledningsgrupp (KSLU)", "centrumledning med sitt "
                   "bevakningsbolags arbetsledare", "Fokus på social prevention"):
        assert quoted in " ".join(text.split()), quoted
