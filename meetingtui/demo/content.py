"""Swedish text for the demo municipality, Exempelkommun: places, people, observations, causes,
measures and meeting notes. Fictional throughout, area level only: no person is named in an
observation or a cause, no home address, no personnummer (domain.md §6).

Descriptions may hold `{detalj}` (the place detail, lower case); notes and decisions may hold the
fields `demo._fields` fills (`{chair}`, `{next}`, `{n1}` …). Observation pools are keyed by a
word that a template's category contains (case-insensitive).
"""

from __future__ import annotations

from datetime import datetime
from random import Random

from meetingtui.model import Controller, Dimension

MUNICIPALITY = "Exempelkommun"

#: Areas of the town with details inside them (no addresses).
TOWN_AREAS: dict[str, list[str]] = {
    "Centrum": ["Storgatan", "Torget", "Gågatan", "Bibliotekets entré"],
    "Resecentrum": ["Busshållplatserna", "Cykelgaraget", "Väntsalen", "Gångtunneln"],
    "Norra skolan": ["Skolgården", "Cykelställen", "Idrottshallen"],
    "Idrottsplatsen": ["Läktaren", "Parkeringen", "Klubbstugan"],
    "Stationsparken": ["Lekplatsen", "Dammen", "Gångstråket mot stationen"],
    "Västra industriområdet": ["Lastkajerna", "Återvinningscentralen", "Infarten"],
    "Hamnen": ["Gästhamnen", "Kajen", "Sjöbodarna"],
    "Östra bostadsområdet": ["Innergårdarna", "Tvättstugorna", "Garagelängorna"],
}
#: Where SSPF sees children and young people (group level, no individuals).
YOUTH_AREAS: dict[str, list[str]] = {
    "Norra skolan": ["Skolgården", "Matsalen", "Cykelställen"],
    "Södra skolan": ["Skolgården", "Idrottshallen"],
    "Gymnasiet": ["Entrén", "Skolans kafé"],
    "Fritidsgården Gnistan": ["Entrén", "Parkeringen"],
    "Centrum": ["Torget", "Resecentrum"],
}

SOURCES = [
    "Polisen", "Räddningstjänsten", "Bostadsbolaget", "Skolan", "Fritid", "Socialtjänsten",
    "Tekniska förvaltningen", "Trygghetsvandring", "Bevakningsbolaget", "Kollektivtrafiken",
    "Näringslivet", "Statistik",
]

#: The domain's category list, for a situation template that names none.
DEFAULT_CATEGORIES = [
    "Skadegörelse", "Klotter", "Nedskräpning", "Ordningsstörning / störande samlingar",
    "Ungdomsgrupperingar / samlingsplats", "Narkotika", "Alkohol/ANDT", "Bränder (anlagda)",
    "Inbrott", "Stöld", "Våld/hot i offentlig miljö", "Otrygg plats (belysning, buskage, insyn)",
    "Trafik/buskörning (moped, A-traktor)", "Social oro", "Övrigt",
]

#: A description naming one of these places is recorded there.
PINNED = {"Storgatan": ("Centrum", "Storgatan"), "gångtunneln": ("Resecentrum", "Gångtunneln"),
          "väntsalen": ("Resecentrum", "Väntsalen"), "sjöbodar": ("Hamnen", "Sjöbodarna"),
          "Östra bostadsområdet": ("Östra bostadsområdet", "Innergårdarna"),
          "industriområdet": ("Västra industriområdet", "Lastkajerna")}
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
GENERIC_OBSERVATION = "{category}: iakttagelser vid {detalj} sedan förra mötet"
#: Confidential observations (description, category, source): still area level, marked
#: because of where the information comes from.
CONFIDENTIAL_OBSERVATIONS = [
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

_TECH = "teknisk|samhällsbyggnad|kommunalteknik|representant för berörd"
# (text, owner's role: a word it holds, "a|b" either); "{detalj}" and "{area}" filled in.
SITUATIONAL_MEASURES = [
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
SOCIAL_MEASURES = [
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
#: Measures of groups without a lägesbild, by the group kind `demo._flavour` gives.
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
CONFIDENTIAL_MEASURE = "Riktad insats på gruppnivå enligt sekretessbelagt underlag"

UPDATE_COMMENTS = {
    "in_progress": ["Arbetet är påbörjat.", "Beställning lagd, leverans väntas.",
                    "Pågår enligt plan.", "Första delen genomförd, resten planeras."],
    "done": ["Genomfört.", "Genomfört, färre anmälningar sedan dess.",
             "Klart och återkopplat till berörda.", "Genomfört; effekten följs upp i lägesbilden."],
    "cancelled": ["Avbryts – problemet har upphört.", "Avbryts, ersätts av en ny åtgärd.",
                  "Avbryts: ingen budget i år, tas upp i styrgruppen."],
    "late": ["Försenat – ny tidplan tas fram.", "Försenat på grund av leveransproblem.",
             "Väntar på beslut om finansiering."],
}

FIRST_NAMES = [
    "Anna", "Karin", "Maria", "Eva", "Lena", "Sara", "Emma", "Johanna", "Elin", "Malin", "Ida",
    "Linnéa", "Åsa", "Märta", "Erik", "Lars", "Anders", "Johan", "Per", "Mikael", "Björn",
    "Fredrik", "Jonas", "Mattias", "Stefan", "Östen", "Håkan", "Göran", "Ali", "Amina", "Yusuf",
    "Noor", "Sofia", "Oskar",
]
LAST_NAMES = [
    "Lindqvist", "Berglund", "Åkesson", "Sjöberg", "Holmström", "Nyström", "Ekström",
    "Lundgren", "Wikström", "Hägglund", "Öberg", "Sandberg", "Forsberg", "Lindahl", "Björk",
    "Engström", "Dahlin", "Ström", "Håkansson", "Nordin", "Ahmadi", "Karlsson", "Jönsson",
]
# role keyword → organisation
ORGANISATIONS = [
    ("polis", "Polisen, lokalpolisområde Exempelkommun"), ("räddning", "Räddningstjänsten"),
    ("bostad", "Exempelbostäder AB"), ("näringsliv", "Exempelkommuns Företagarförening"),
    ("fastighet", "Exempelbostäder AB"), ("civilsamhälle", "Nattvandrarna i Exempelkommun"),
    ("kommunalteknik", "Kommunalteknikförbundet"),
    ("samhällsbyggnad", "Samhällsbyggnadsförvaltningen"),
    ("rektor|skol|elevhälsa|utbildning", "Barn- och utbildningsförvaltningen"),
    ("fritid", "Kultur- och fritidsförvaltningen"), ("bad", "Kultur- och fritidsförvaltningen"),
    ("social", "Socialförvaltningen"), ("barn och familj", "Socialförvaltningen"),
    ("anhörig|hemtjänst|sysselsättning", "Socialförvaltningen"),
    ("teknisk", "Samhällsbyggnadsförvaltningen"), ("bygglov", "Samhällsbyggnadsförvaltningen"),
    ("bevakning", "Trygga Vakter AB"), ("kollektivtrafik", "Länstrafiken"),
    ("kso", "Kommunstyrelsen"), ("ordförande", "Kommunstyrelsen"),
]
DEFAULT_ORGANISATION = "Kommunledningsförvaltningen"
GUESTS = [
    ("Fältsekreterare", "Socialförvaltningen"), ("Centrumledare", "Exempelkommuns Centrumförening"),
    ("Trafikplanerare", "Länstrafiken"), ("Utredare", "Brottsförebyggande rådet"),
    ("Områdesansvarig", "Trygga Vakter AB"), ("Kommunikatör", "Kommunledningsförvaltningen"),
]
PLACES = ["Kommunhuset, sammanträdesrum Ljuset", "Kommunhuset, KS-salen",
          "Polishuset, konferensrummet", "Digitalt (Teams)", "Stadsbiblioteket, Studierummet"]

#: Fagersta's six areas for the quarterly inriktningsbeslut (for priorities outside EST).
FOCUS_AREAS = ["Hot och våld", "Ordningsstörning och otrygghet",
               "Extremism och kriminella nätverk", "Ungdomar och skolor", "ANDT", "Övrigt"]
EVENTS = {
    1: "Sportlovet i vecka 8 (planering)", 2: "Sportlovet", 3: "Påsklovet", 4: "Valborgsmässoafton",
    5: "Studentfirandet och skolavslutningen", 6: "Skolavslutning och midsommar",
    8: "Skolstarten och Kulturnatten", 9: "Höstmarknaden på Torget", 10: "Höstlovet och Halloween",
    11: "Första advent och julskyltningen", 12: "Nyårsafton", 7: "Sommarens evenemang i Hamnen",
}

# (title keywords, notes, decision); the first entry whose keyword the title holds is used.
TEXT_ITEMS: list[tuple[tuple[str, ...], list[str], list[str]]] = [
    (("öppna",), ["Ordföranden {chair} hälsade alla välkomna och öppnade mötet."], [""]),
    (("sekreterare", "justerare"), [""],
     ["{secretary} utses till sekreterare och {adjuster} till justerare."]),
    (("dagordning", "föredragningslista"), [""],
     ["Dagordningen godkänns.", "Dagordningen godkänns med ett tillägg under övriga frågor."]),
    (("statistik",), [
        "Polisens och räddningstjänstens statistik sedan förra mötet:\n\n"
        "- Anmälda brott i kommunen: **{n1}** (föregående period {n2})\n"
        "- Skadegörelse och klotter: **{n3}**\n- Anlagda bränder utomhus: **{n4}**\n"
        "- Inbrottslarm i kommunens fastigheter: **{n5}**"], [""]),
    (("kommande", "lov", "händelse", "evenemang"), [
        "Att planera för:\n\n- **{event}**\n- Fältgruppen och polisen samordnar kvällsnärvaro"],
     ["", "Fritid och fältgruppen lägger schema för kvällsnärvaro."]),
    (("återkoppl",), [
        "- **Bostadsbolaget** återkopplar till boenderåden\n- **Kommunpolisen** återkopplar till "
        "lokalpolisområdet\n- **Säkerhetschefen** informerar förvaltningscheferna"], [""]),
    (("återrapport",), ["Arbetsgruppen återrapporterar läget till beredningsgruppen."], [""]),
    (("kommunstyrelse", " ks ", " kf ", "klg", "kslu"), [
        "Sammanfattning av lägesbilden och åtgärdsplanens status redovisas för kommunstyrelsen."],
     ["Rapporten överlämnas till kommunstyrelsen."]),
    (("ombud",), [
        "Ombuden rapporterade:\n\n- Utbildning genomförd för personal på badhuset\n"
        "- Affischer om stödlinjer uppsatta i fler lokaler"], [""]),
    (("rapport", "information från"), [
        "Rapporter:\n\n- **EST:** lägesbilden visar **{trend}** nivå i de prioriterade områdena\n"
        "- **SSPF:** fokus på frånvaro och lovaktiviteter\n"
        "- **Nätverken:** arbetet går enligt plan"],
     ["Rapporterna noteras.", "Rapporterna läggs till handlingarna."]),
    (("åtgärdsplan", "uppföljning"), [
        "Åtgärdsplanen följdes upp grupp för grupp."],
     ["Röda åtgärder lyfts till nästa möte med förslag till ny tidplan."]),
    (("medborgarlöfte",), [
        "Medborgarlöftet för Centrum och Resecentrum följdes upp. **{n5}** aktiviteter genomförda "
        "under perioden; kommunikationen till allmänheten sker via kommunens webb."], [""]),
    (("samverkansöverenskommelse", "överenskommelse"), [
        "Samverkansöverenskommelsen med polisen gäller till årsskiftet. Gemensam kartläggning "
        "planeras inför revideringen."], ["Säkerhetschefen får i uppdrag att "
                                          "samordna kartläggningen."]),
    (("polisens lägesbild", "polis"), [
        "Kommunpolisen redovisade lägesbilden:\n\n- Fler anmälningar om skadegörelse i centrum\n"
        "- Narkotikabrotten **{trend}**\n- Inga tecken på social oro just nu"], [""]),
    (("sammanfattning", "lägesbild"), [
        "EST:s lägesbild i korthet: **{area}** är fortsatt mest utsatt; nivån är **{trend}**."],
     ["Informationen noteras."]),
    (("orsaksanalys",), [
        "Enkel orsaksanalys av nya och förvärrade problem utifrån problemtriangeln:\n\n"
        "- **Plats:** belysning, insyn och vem som äger platsen\n"
        "- **Gärningsperson:** vilka grupper, vilka tider\n"
        "- **Objekt:** vad som utsätts och hur det skyddas"], [""]),
    (("uppdrag", "läget i arbetet", "metod"), [
        "Arbetsläget gicks igenom. Underlaget kompletteras med statistik från polisen och "
        "räddningstjänsten.", "Uppdraget är i fas; **{n5}** aktiviteter återstår."],
     ["", "Samordnaren sammanställer underlaget till nästa möte."]),
    (("underlag",), ["Underlag till styrgruppen: lägesbildens utveckling och förslag till "
                     "prioriteringar."], ["Underlaget överlämnas till styrgruppen."]),
    (("rättighet",), [
        "Varje förvaltning berättade om sitt arbete:\n\n- Socialförvaltningen: brukarråd startat\n"
        "- Samhällsbyggnad: tillgänglighet i planarbetet\n- Kultur och fritid: öppna aktiviteter"],
     [""]),
    (("risk", "skydd"), [
        "Riskfaktorer på gruppnivå:\n\n- Hög skolfrånvaro\n- Sena kvällar utan vuxennärvaro\n\n"
        "Skyddsfaktorer:\n\n- Fungerande lovverksamhet\n- Engagerade föräldravandrare"], [""]),
    (("tema", "utbildning"), [
        "Tema: **barnkonventionen i praktiken**. Folkhälsostrategen gick igenom hur "
        "barnkonsekvensanalyser görs i beslutsunderlag."], [""]),
    (("runda",), [
        "Varje förvaltning berättade om sitt arbete:\n\n- Socialförvaltningen: brukarråd startat\n"
        "- Samhällsbyggnad: tillgänglighet i planarbetet\n- Kultur och fritid: öppna aktiviteter"],
     [""]),
    (("kommunikation", "spridning", "information"), [
        "Material om nätverkets arbete publiceras på intranätet och i nyhetsbrevet."], [""]),
    (("projekt",), ["Projektplanen följer tidplanen; **{n5}** enheter har nu ombud på plats."],
     [""]),
    (("strateg", "prioriter", "inriktning"), [
        "Diskussion om vilka områden som ska prioriteras utifrån lägesbilden."],
     ["Styrgruppen fastställer prioriteringarna enligt förslaget."]),
    (("resurs",), ["Resursbehovet för fältverksamheten kvällstid diskuterades."], [""]),
    (("övriga",), ["Inga övriga frågor.", "- Frågan om julskyltningen tas upp vid nästa möte"],
     [""]),
    (("nästa möte",), ["Nästa möte: **{next}**."], [""]),
    (("avslut",), ["Ordföranden tackade för mötet och avslutade det."], [""]),
    (("föregående",), ["Föregående anteckningar gicks igenom och lades till handlingarna."], [""]),
]
GENERIC_TEXT = (["Frågan diskuterades. Gruppen återkommer vid nästa möte."], [""])
TRENDS_SAID = ["oförändrad", "något lägre", "något högre", "lägre än i fjol"]
WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
MONTHS = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]


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


def item_text(title: str, fields: dict[str, object], rng: Random) -> tuple[str, str]:
    """Notes and a decision (Markdown) for a text item with this title."""
    wanted = f" {title.casefold()} "
    notes, decisions = next(
        ((n, d) for words, n, d in TEXT_ITEMS if any(word in wanted for word in words)),
        GENERIC_TEXT,
    )
    return rng.choice(notes).format(**fields), rng.choice(decisions).format(**fields)


def when_said(moment: datetime, place: str) -> str:
    """`tisdag 8 december 2026 kl. 09.00, Kommunhuset`."""
    return (f"{WEEKDAYS[moment.weekday()]} {moment.day} {MONTHS[moment.month - 1]} "
            f"{moment.year} kl. {moment:%H.%M}, {place}")


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
REJECTIONS = [
    "Ryms inte i årets budget; tas upp igen i budgetarbetet",
    "Hanteras redan inom ordinarie verksamhet",
    "Underlaget behöver kompletteras med kostnader",
]
