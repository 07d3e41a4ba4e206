"""The shipped templates read against the seeds they were drawn from (issue 14 §7): each
correction has its check here, with the seed line it rests on (`../shared/seeds/`: 000 and 003
Herrljunga, 001 Lysekil, 002 Brå on Fagersta, 004 Upplands Väsby)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui.agenda import load_templates
from meetingtui.model import (
    DocumentType,
    GroupTemplate,
    ItemKind,
    MeasureType,
    TemplateItem,
)
from tests.test_templates_shipped import AGENDAS

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
    seeds = Path(__file__).resolve().parents[2] / "shared" / "seeds"
    if not seeds.is_dir():
        pytest.skip("../shared/seeds is not beside this checkout")
    text = "\n".join(p.read_text(encoding="utf-8") for p in sorted(seeds.glob("*.txt")))
    for quoted in ("följs upp genom EST-arbetet", "sammanträder sex gånger per år",
                   "kommunstyrelsens ledningsgrupp (KSLU)", "centrumledning med sitt "
                   "bevakningsbolags arbetsledare", "Fokus på social prevention"):
        assert quoted in " ".join(text.split()), quoted
