"""What the groups see in the town and why, for the demo's lägesbild: who reports, the categories,
the observations and the causes along the problem triangle. Fictional and area level only: no
person is named in an observation or a cause, no home address, no personnummer (domain.md §6).

Descriptions may hold `{detalj}` (the place detail, lower case). Observation pools are keyed by a
word that a template's category contains (case-insensitive).
"""

from __future__ import annotations

from random import Random

from meetingtui.model import Controller, Dimension

SOURCES: list[str] = [
    "Polisen", "Räddningstjänsten", "Bostadsbolaget", "Skolan", "Fritid", "Socialtjänsten",
    "Tekniska förvaltningen", "Trygghetsvandring", "Bevakningsbolaget", "Kollektivtrafiken",
    "Näringslivet", "Statistik",
]

#: The domain's category list, for a situation template that names none.
DEFAULT_CATEGORIES: list[str] = [
    "Skadegörelse", "Klotter", "Nedskräpning", "Ordningsstörning / störande samlingar",
    "Ungdomsgrupperingar / samlingsplats", "Narkotika", "Alkohol/ANDT", "Bränder (anlagda)",
    "Inbrott", "Stöld", "Våld/hot i offentlig miljö", "Otrygg plats (belysning, buskage, insyn)",
    "Trafik/buskörning (moped, A-traktor)", "Social oro", "Övrigt",
]

# keyword ("a|b": either) → [(description, usual source)]
OBSERVATIONS: dict[str, list[tuple[str, str]]] = {
    "skadegörelse": [
        ("Upprepad skadegörelse på busskurer längs Storgatan under helgkvällar",
         "Kollektivtrafiken"),
        ("Sönderslagna lampor och glaskross vid {detalj}", "Tekniska förvaltningen"),
        ("Uppbrutna soptunnor och vältade bänkar vid {detalj} efter helgen", "Bostadsbolaget"),
        ("Skadegörelse på skolans fönster, tre rutor krossade på kort tid", "Skolan"),
    ],
    "klotter": [
        ("Nytt klotter med återkommande signaturer vid {detalj}", "Tekniska förvaltningen"),
        ("Klotter på fasader och elskåp, sanering behövs inom 24 timmar", "Bostadsbolaget"),
        ("Taggar i gångtunneln har återkommit en vecka efter sanering", "Trygghetsvandring"),
    ],
    "nedskräp": [
        ("Mycket skräp och engångsgrillar kvar vid {detalj} efter varma kvällar",
         "Tekniska förvaltningen"),
        ("Nedskräpning vid {detalj}, säckar ställs bredvid kärlen", "Bostadsbolaget"),
    ],
    "ordning": [
        ("Störande samlingar med hög musik vid {detalj} sena kvällar", "Polisen"),
        ("Klagomål från näringsidkare på stök utanför butikerna vid stängning", "Näringslivet"),
        ("Oro i väntsalen kvällstid, personal upplever hotfull stämning", "Kollektivtrafiken"),
    ],
    "ungdom": [
        ("Grupp om 10–15 ungdomar samlas vid {detalj} fredagskvällar", "Fritid"),
        ("Yngre ungdomar rör sig i centrum efter midnatt under lovet", "Socialtjänsten"),
        ("Ny samlingsplats bakom idrottshallen sedan fritidsgården stängde tidigare", "Fritid"),
    ],
    "narkotika": [
        ("Misstänkt narkotikahandel vid {detalj}, tips från flera håll", "Polisen"),
        ("Fynd av förpackningsmaterial och sprutor vid {detalj}", "Tekniska förvaltningen"),
        ("Lukt av cannabis i trapphus, flera felanmälningar", "Bostadsbolaget"),
    ],
    "alkohol": [
        ("Berusade ungdomar vid {detalj} under helgen, langning misstänks", "Polisen"),
        ("Öppen alkoholförtäring vid {detalj} dagtid, boende upplever otrygghet",
         "Trygghetsvandring"),
        ("Alkoholpåverkade elever vid skolans fest, skolan har kontaktat vårdnadshavarna",
         "Skolan"),
    ],
    "brand|bränd|brän": [
        ("Anlagda bränder i papperskorgar och containrar vid {detalj}", "Räddningstjänsten"),
        ("Brand i barnvagnsrum, misstänkt anlagd", "Räddningstjänsten"),
        ("Eldning med pallar vid {detalj}, ingen skada men återkommande", "Räddningstjänsten"),
    ],
    "inbrott": [
        ("Flera inbrott i förråd och källare i Östra bostadsområdet", "Bostadsbolaget"),
        ("Inbrottsförsök i verkstadslokaler vid {detalj} nattetid", "Bevakningsbolaget"),
        ("Inbrott i båtar och sjöbodar, motorer och elverktyg stulna", "Polisen"),
    ],
    "stöld": [
        ("Cykelstölder har ökat vid {detalj}, främst olåsta cyklar", "Polisen"),
        ("Stöld av diesel från arbetsmaskiner i industriområdet", "Näringslivet"),
        ("Snatterier i butiker vid {detalj} under eftermiddagar", "Näringslivet"),
    ],
    "våld": [
        ("Misshandel utanför nattöppen restaurang vid {detalj}, två anmälningar", "Polisen"),
        ("Hot mot busschaufförer på linjen genom centrum", "Kollektivtrafiken"),
        ("Bråk mellan grupper vid {detalj} efter matcher", "Polisen"),
    ],
    "hot": [("Hot och kränkningar mot personal i receptionen", "Socialtjänsten")],
    "otrygg": [
        ("Trasig belysning gör {detalj} mörk och otrygg kvällstid", "Trygghetsvandring"),
        ("Höga buskar skymmer sikten vid {detalj}, många undviker platsen kvällstid",
         "Trygghetsvandring"),
        ("Gångtunneln upplevs som otrygg, dålig insyn och ingen alternativ väg",
         "Trygghetsvandring"),
    ],
    "trafik": [
        ("Buskörning med mopeder och A-traktorer vid {detalj} kvällstid", "Polisen"),
        ("Hög hastighet och burnouts på parkeringen vid {detalj} helgnätter", "Trygghetsvandring"),
    ],
    "rykte": [("Rykten i sociala medier om hämndaktion efter helgens bråk", "Fritid")],
    "social oro": [
        ("Oro bland unga efter händelse vid {detalj}, rykten sprids i sociala medier", "Fritid"),
        ("Tecken på social oro: stenkastning mot räddningstjänstens fordon", "Räddningstjänsten"),
    ],
    "extremism": [("Klistermärken med extremistisk symbolik uppsatta vid {detalj}",
                   "Tekniska förvaltningen")],
    "evenemang": [("Inför marknaden väntas många besökare vid {detalj}, behov av samordning",
                   "Näringslivet")],
    "övrigt": [("Dörrar som inte går i lås och trasiga porttelefoner vid {detalj}",
                "Bostadsbolaget"),
               ("Boende hör av sig om otrygghet vid {detalj} efter mörkrets inbrott",
                "Trygghetsvandring")],
    "frånvaro": [
        ("Ökad ogiltig frånvaro i årskurs 7–9, främst måndagar och fredagar", "Skolan"),
        ("Fler elever med hög frånvaro jämfört med samma period förra året", "Statistik"),
    ],
    "fritid": [
        ("Färre besökare på fritidsgården, ungdomarna söker sig till centrum", "Fritid"),
        ("Stort intresse för lovaktiviteter, fler platser behövs", "Fritid"),
    ],
    "brottslighet": [
        ("Fler anmälda snatterier och skadegörelse med unga misstänkta vid {detalj}", "Polisen"),
        ("Unga används som budbärare, signaler från flera verksamheter", "Polisen"),
    ],
    "andt": [
        ("Snus och nikotinpåsar bland elever vid {detalj}", "Skolan"),
        ("Vapes säljs vidare mellan elever, skolan ser ökning", "Skolan"),
    ],
    "orosanmäl": [
        ("Antalet orosanmälningar för barn 13–17 år har ökat under perioden", "Socialtjänsten"),
        ("Fler orosanmälningar från skolan om frånvaro och riskbeteenden", "Socialtjänsten"),
    ],
}
GENERIC_OBSERVATION: str = "{category}: iakttagelser vid {detalj} sedan förra mötet"
#: Confidential observations (description, category, source): still area level, marked
#: because of where the information comes from.
CONFIDENTIAL_OBSERVATIONS: list[tuple[str, str, str]] = [
    ("Uppgifter om att en mindre grupp unga rekryteras till narkotikaförsäljning i området "
     "(sekretess, OSL 26 kap.)", "Narkotika", "Socialtjänsten"),
    ("Polisen delar underrättelseuppgifter om kriminellt nätverk med koppling till området; "
     "uppgifterna omfattas av sekretess", "Extremism / kriminella nätverk", "Polisen"),
    ("Elevhälsan ser ökad psykisk ohälsa och självskadebeteende i en årskurs "
     "(sekretess, OSL 23 kap.)", "Social oro", "Skolan"),
]

# dimension → [(text, controller)]
CAUSES: dict[Dimension, list[tuple[str, Controller | None]]] = {
    Dimension.PLACE: [
        ("Bristfällig belysning gör platsen mörk och svår att överblicka", Controller.MANAGER),
        ("Buskage och skymd insyn ger gömställen längs stråket", Controller.MANAGER),
        ("Ingen naturlig övervakning sedan butikerna stänger tidigt", Controller.GUARDIAN),
        ("Platsen saknar tydlig ägare och sköts av flera förvaltningar", Controller.MANAGER),
        ("Väderskydd och bänkar lockar till häng efter mörkrets inbrott", None),
    ],
    Dimension.TARGET: [
        ("Glaspartier och belysning är lätta mål och byts sällan ut snabbt", Controller.MANAGER),
        ("Olåsta förråd och cykelställ utan ramlåsning", Controller.GUARDIAN),
        ("Personal arbetar ensam kvällstid utan larm", Controller.GUARDIAN),
        ("Kvarlämnat brännbart material vid fasader", Controller.MANAGER),
    ],
    Dimension.OFFENDER: [
        ("Unga saknar alternativa mötesplatser kvällstid och på helger", Controller.HANDLER),
        ("Låg upptäcktsrisk uppfattas av dem som begår brotten", Controller.GUARDIAN),
        ("Vuxennärvaron ute på kvällarna är låg", Controller.HANDLER),
        ("Alkohol och narkotika finns lättillgängligt för unga", Controller.HANDLER),
        ("Grupptryck och status kopplat till klotter och skadegörelse", None),
    ],
}


def observation_text(category: str, detail: str, rng: Random) -> tuple[str, str]:
    """A description and its usual source for an observation of this category."""
    wanted = category.casefold()
    pool = next((texts for words, texts in OBSERVATIONS.items()
                 if any(word in wanted for word in words.split("|"))), None)
    if pool is None:
        return GENERIC_OBSERVATION.format(category=category, detalj=detail.lower()), \
            rng.choice(SOURCES)
    description, source = rng.choice(pool)
    return description.format(detalj=detail.lower()), source

