"""What the demo's groups decide to do: measures against the causes in the lägesbild, the
strategic measures of groups without one, how measures are followed up, the quarter's focus
areas, and proposals to the body above with the reasons some are turned down.

A measure is (text, owner's role): the role is matched against the roster, so the measure goes to
whoever holds that role in the group. Texts may hold `{detalj}` and `{area}` (`town`).
"""

from __future__ import annotations

_TECH: str = "teknisk|samhällsbyggnad|kommunalteknik|representant för berörd"
# (text, owner's role: a word it holds, "a|b" either); "{detalj}" and "{area}" filled in.
SITUATIONAL_MEASURES: list[tuple[str, str]] = [
    ("Byta trasig belysning och komplettera med LED-armaturer vid {detalj}", _TECH),
    ("Röja buskage längs gångstråket i {area} för bättre insyn", _TECH),
    ("Sanera klotter inom 24 timmar enligt kommunens klotterpolicy", _TECH),
    ("Förstärkt polisiär närvaro i {area} fredag och lördag kväll", "polis"),
    ("Trygghetsvandring i {area} med boende, fastighetsägare och polis", "säkerhet|samordn"),
    ("Byta lås och förbättra skalskyddet i förråden", "bostad|fastighet"),
    ("Informera boende om att anmäla skadegörelse och hur man felanmäler", "bostad|fastighet"),
    ("Utreda behov av kamerabevakning vid {detalj}", "säkerhet|samordn"),
    ("Ta bort brännbart material och låsa containrar vid {detalj}", "räddning"),
    ("Sätta upp fartgupp och bommar mot buskörning vid {detalj}", _TECH),
]
SOCIAL_MEASURES: list[tuple[str, str]] = [
    ("Fältgruppen ökar närvaron kvällstid vid {area}", "fritid"),
    ("Hålla fritidsgården öppen även fredagskvällar under lovet", "fritid"),
    ("Föräldravandring kring {area} tillsammans med Nattvandrarna", "folkhälsa"),
    ("Information om ANDT och langning på föräldramöten i årskurs 7–9", "rektor|utbildning"),
    ("Samtal med idrottsföreningarna om ansvar vid evenemang", "fritid"),
    ("Riktade lovaktiviteter för unga 13–16 år", "fritid"),
    ("Orosanmälningar följs upp i samverkan skola–socialtjänst på gruppnivå",
     "social|barn och familj"),
    ("Föräldrainformation i samverkan med polisen om risker kring {area}", "polis"),
]
#: Measures of groups without a lägesbild, by the group kind `fill._kind` gives.
STRATEGIC_MEASURES: dict[str, list[tuple[str, str]]] = {
    "styr": [
        ("Ta fram förslag till reviderad åtgärdsplan för nästa år", "säkerhet|samordn"),
        ("Förbereda fördjupad lägesbild inför nästa styrgrupp", "säkerhet|samordn"),
        ("Följa upp medborgarlöftet för Centrum tillsammans med polisen", "polis"),
        ("Rapportera läget i det brottsförebyggande arbetet till KS", "kommundirektör"),
        ("Utse kontaktperson per förvaltning för EST-rapporteringen", "kommundirektör"),
        ("Se över resurser för fältverksamheten kvällstid", "social|barn och familj"),
    ],
    "bra": [
        ("Formulera förslag till inriktningsbeslut för kommande kvartal", "säkerhet|samordn"),
        ("Följa upp medborgarlöftet om tryggare kvällar i Resecentrum", "polis"),
        ("Sammanställa förvaltningarnas rapporter till kommunstyrelsen", "kommundirektör"),
        ("Planera gemensam kartläggning med polisen inför samverkansöverenskommelsen", "polis"),
    ],
    "ratt": [
        ("Genomföra utbildning i rättighetsbaserat arbetssätt för nya chefer", "folkhälsa"),
        ("Ta fram checklista för barnkonsekvensanalys i bygglovsärenden", "bygglov"),
        ("Sprida nätverkets arbete på intranätet", "kommunikat"),
        ("Kartlägga tillgängligheten i kommunens mötesplatser", "utveckling"),
    ],
    "kffv": [
        ("Sprida informationsmaterial om våld i nära relationer på badhuset och fritidsgårdarna",
         "badmästare"),
        ("Planera workshop för operativa ombud om att fråga om våld", "projektledare"),
        ("Uppdatera projektplanen med nya aktiviteter", "projektledare"),
        ("Ta fram affischer om stödlinjer till kommunens lokaler", "folkhälsa"),
    ],
    "": [
        ("Sammanställa underlag inför nästa möte", "samordn|säkerhet"),
        ("Kontakta berörda förvaltningar och återkoppla till gruppen", "säkerhet|samordn"),
        ("Ta fram förslag till aktiviteter för nästa period", "folkhälsa"),
    ],
}
#: The measure against a confidential observation, said without its grounds.
CONFIDENTIAL_MEASURE: str = "Riktad insats på gruppnivå enligt sekretessbelagt underlag"

#: A follow-up's comment, by the status the measure moves to ("late": overdue, status unchanged).
UPDATE_COMMENTS: dict[str, list[str]] = {
    "in_progress": ["Arbetet är påbörjat.", "Beställning lagd, leverans väntas.",
                    "Pågår enligt plan.", "Första delen genomförd, resten planeras."],
    "done": ["Genomfört.", "Genomfört, färre anmälningar sedan dess.",
             "Klart och återkopplat till berörda.", "Genomfört; effekten följs upp i lägesbilden."],
    "cancelled": ["Avbryts – problemet har upphört.", "Avbryts, ersätts av en ny åtgärd.",
                  "Avbryts: ingen budget i år, tas upp i styrgruppen."],
    "late": ["Försenat – ny tidplan tas fram.", "Försenat på grund av leveransproblem.",
             "Väntar på beslut om finansiering."],
}

#: Fagersta's six areas for the quarterly inriktningsbeslut (for priorities outside EST).
FOCUS_AREAS: list[str] = [
    "Hot och våld", "Ordningsstörning och otrygghet", "Extremism och kriminella nätverk",
    "Ungdomar och skolor", "ANDT", "Övrigt",
]

#: Proposals to the body above (issue 16 §3), by the content kind of the proposing group.
PROPOSALS: dict[str, list[str]] = {
    "est": [  # the trygghetsgrupp, to KLG
        "Kommunövergripande plan för belysning på gång- och cykelvägar",
        "Gemensam kvällsvandring med föreningslivet under sommarlovet",
        "Kameraövervakning vid resecentrum i samverkan med polisen",
        "Fältgrupp i tjänst även fredagskvällar under hela året",
    ],
    "bered": [  # the beredningsgrupp, to the styrgrupp
        "Utökad fältverksamhet kvällstid i de prioriterade områdena",
        "Gemensam utbildning i problemorienterat arbete för förvaltningarna",
        "Samordnad insats mot skadegörelse i skolornas närmiljö",
        "Trygghetsvandringar två gånger per termin i varje kommundel",
    ],
    "bra": [  # lokalt BRÅ, to kommunstyrelsen
        "Inriktningsbeslut: hot och våld samt ungdomar och skolor prioriteras nästa år",
        "Inriktningsbeslut: ordningsstörning och otrygghet i centrum prioriteras",
    ],
    "": ["Förslag till gemensam insats utifrån lägesbilden"],
}
REJECTIONS: list[str] = [
    "Ryms inte i årets budget; tas upp igen i budgetarbetet",
    "Hanteras redan inom ordinarie verksamhet",
    "Underlaget behöver kompletteras med kostnader",
]
