"""The templates in `agendas/` that ship with the app: they load, and they follow domain.md §3."""

from __future__ import annotations

import pytest

from meetingtui.agenda import load_template, load_templates
from meetingtui.model import DocumentType, Frequency, GroupTemplate, ItemKind
from tests.paths import AGENDAS

IDS = [
    "arbetsgrupp", "beredningsgrupp", "bra", "bra-lokal", "est", "kffv", "rattighetsnatverk",
    "sspf", "styrgrupp", "trygghetsgrupp",
]
#: The groups that build a lägesbild of their own (with categories and a `.situation` item).
LAGESBILD = {"est", "sspf", "bra", "bra-lokal", "beredningsgrupp", "trygghetsgrupp"}
FIRST = ["Mötets öppnande", "Närvaro", "Val av sekreterare och justerare",
         "Godkännande av dagordning"]
LAST = ["Övriga frågor", "Nästa möte", "Mötets avslutande"]
CATEGORIES = [  # domain.md §4
    "Skadegörelse", "Klotter", "Nedskräpning", "Ordningsstörning / störande samlingar",
    "Ungdomsgrupperingar / samlingsplats", "Narkotika (misstänkt handel/bruk)", "Alkohol/ANDT",
    "Bränder (anlagda)", "Inbrott", "Stöld", "Våld/hot i offentlig miljö",
    "Hot/incident mot anställd", "Otrygg plats (belysning, buskage, insyn)",
    "Trafik/buskörning (moped, A-traktor)", "Ryktesspridning / sociala medier", "Social oro",
    "Extremism / kriminella nätverk", "Evenemang/arrangemang", "Övrigt",
]
MOJIBAKE = ("Ã", "Â", "\ufffd", "&auml;", "&ouml;", "&aring;")


@pytest.fixture(scope="module")
def shipped() -> dict[str, GroupTemplate]:
    result = load_templates([AGENDAS])
    assert [str(e) for e in result.errors] == []
    return result.templates


def all_text(t: GroupTemplate) -> str:
    parts = [t.name, t.short, t.chair, t.title, *t.members, *t.categories]
    for item in t.items:
        parts += [item.title, item.guidance, *item.points]
    return "\n".join(parts)


def test_every_file_loads_with_a_unique_id(shipped: dict[str, GroupTemplate]) -> None:
    files = sorted(AGENDAS.glob("*.md"))
    assert sorted(f.stem for f in files) == IDS
    assert sorted(shipped) == IDS
    for file in files:
        assert load_template(file).id == file.stem


@pytest.mark.parametrize("template_id", IDS)
def test_required_kinds_and_order(shipped: dict[str, GroupTemplate], template_id: str) -> None:
    t = shipped[template_id]
    titles = [item.title for item in t.items]
    assert titles[:4] == FIRST
    assert titles[-3:] == LAST
    assert t.items[4].kind is ItemKind.FOLLOWUP
    assert t.items[4].title.startswith("Föregående")
    assert t.items[4].title.endswith("och åtgärdslista")
    kinds = [ItemKind.OPENING, ItemKind.ATTENDANCE, ItemKind.OFFICERS, ItemKind.TEXT]
    assert [i.kind for i in t.items[:4]] == kinds
    assert [i.kind for i in t.items[-3:]] == [ItemKind.TEXT, ItemKind.NEXT, ItemKind.CLOSING]
    for kind in (ItemKind.OPENING, ItemKind.ATTENDANCE, ItemKind.OFFICERS, ItemKind.FOLLOWUP,
                 ItemKind.NEXT, ItemKind.CLOSING):
        assert [i.kind for i in t.items].count(kind) == 1, kind
    # Where its measures are recorded: its own action plan, or (a group that decides nothing
    # itself: trygghetsgrupp, beredningsgrupp) proposals to the body above it (issue 16 §3).
    proposing = [i for i in t.items if i.kind is ItemKind.PROPOSALS and i.body]
    assert [i.kind for i in t.items].count(ItemKind.ACTIONS) == (0 if template_id in (
        "trygghetsgrupp", "beredningsgrupp") else 1)
    assert proposing or t.has_kind(ItemKind.ACTIONS)
    assert len(t.items) > len(FIRST) + 1 + len(LAST), "no items of its own between start and end"


@pytest.mark.parametrize("template_id", IDS)
def test_lagesbild_only_where_the_group_holds_one(
    shipped: dict[str, GroupTemplate], template_id: str
) -> None:
    t = shipped[template_id]
    holds = template_id in LAGESBILD
    assert t.has_kind(ItemKind.SITUATION) is holds
    assert bool(t.categories) is holds
    assert len(set(t.categories)) == len(t.categories)
    if holds:
        situation = next(i for i in t.items if i.kind is ItemKind.SITUATION)
        assert "Lägesbild" in situation.title
        assert "namn" in situation.guidance  # the privacy reminder: no names in a lägesbild


@pytest.mark.parametrize("template_id", IDS)
def test_timeboxes_and_guidance(shipped: dict[str, GroupTemplate], template_id: str) -> None:
    t = shipped[template_id]
    assert all(item.minutes for item in t.items)
    assert 60 <= sum(item.minutes or 0 for item in t.items) <= 150
    assert all(item.guidance for item in t.items), "every item tells the chair what to do"
    assert t.members and t.chair and t.title


@pytest.mark.parametrize("template_id", IDS)
def test_swedish_text_intact(shipped: dict[str, GroupTemplate], template_id: str) -> None:
    text = all_text(shipped[template_id])
    assert not any(bad in text for bad in MOJIBAKE)
    assert any(letter in text for letter in "åäö")
    raw = (AGENDAS / f"{template_id}.md").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert b"\r" not in raw
    assert shipped[template_id].language.value == "sv"


def test_swedish_words_survive(shipped: dict[str, GroupTemplate]) -> None:
    est = all_text(shipped["est"])
    for word in ("Lägesbild", "Åtgärder", "åtgärd", "Närvaro", "Övriga frågor", "Återkoppling",
                 "Säkerhetschef", "Räddningstjänst", "Mötets öppnande"):
        assert word in est, word
    assert "Rättighetsnätverket" in all_text(shipped["rattighetsnatverk"])
    assert shipped["bra"].short == "BRÅ"


def test_groups_as_in_domain(shipped: dict[str, GroupTemplate]) -> None:
    est = shipped["est"]
    assert (est.short, est.chair, est.frequency, est.skip_months, est.document) == (
        "EST", "Säkerhetschef", Frequency.MONTHLY, [7, 12], DocumentType.NOTES)
    assert est.categories == CATEGORIES
    assert {"Kommunpolis", "Representant för räddningstjänsten",
            "Representant för bostadsbolaget"} <= set(est.members)
    assert est.has_kind(ItemKind.PRIORITIES)
    priorities = next(i for i in est.items if i.kind is ItemKind.PRIORITIES)
    assert "kvartal" in priorities.title
    assert "tre" in priorities.guidance

    expected = {
        "sspf": (Frequency.QUARTERLY, "Folkhälsostrateg", DocumentType.NOTES),
        "styrgrupp": (Frequency.TWICE_YEARLY, "Kommunstyrelsens ordförande", DocumentType.PROTOCOL),
        "bra": (Frequency.SIX_PER_YEAR, "Kommundirektör", DocumentType.PROTOCOL),
        "rattighetsnatverk": (Frequency.QUARTERLY, "Folkhälsostrateg", DocumentType.NOTES),
        "kffv": (Frequency.AD_HOC, "Projektledare", DocumentType.NOTES),
    }
    for template_id, (frequency, chair, document) in expected.items():
        t = shipped[template_id]
        assert (t.frequency, t.chair, t.document) == (frequency, chair, document), template_id

    fagersta = ["Hot och våld", "Ordningsstörning och otrygghet",
                "Extremism och kriminella nätverk", "Ungdomar och skolor", "ANDT", "Övrigt"]
    bra = shipped["bra"]
    assert bra.categories == fagersta
    inriktning = next(i for i in bra.items if "inriktningsbeslut" in i.title)
    assert [p.split(" (")[0].split(",")[0] for p in inriktning.points] == fagersta
    assert set(shipped["sspf"].categories) < set(CATEGORIES)
    for template_id in ("styrgrupp", "bra"):
        assert shipped[template_id].items[4].title == "Föregående protokoll och åtgärdslista"
