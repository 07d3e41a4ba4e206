"""The words of the demo's minutes: notes and a decision for each agenda item by its title, and
the date of the next meeting as the minutes say it.

Notes and decisions may hold the fields `meeting.MeetingRecorder.record` fills (`{chair}`,
`{next}`, `{event}`, `{trend}`, `{area}`, `{n1}` …).
"""

from __future__ import annotations

from datetime import datetime
from random import Random

# (title keywords, notes, decision); the first entry whose keyword the title holds is used.
TEXT_ITEMS: list[tuple[tuple[str, ...], list[str], list[str]]] = [
    (("öppna",), ["Ordföranden hälsade alla välkomna."], [""]),
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
    (("avslut",), ["Ordföranden tackade alla för mötet."], [""]),
    (("föregående",), ["Föregående anteckningar gicks igenom och lades till handlingarna."], [""]),
]
#: For a title no entry above matches.
GENERIC_TEXT: tuple[list[str], list[str]] = (
    ["Frågan diskuterades. Gruppen återkommer vid nästa möte."], [""],
)
TRENDS_SAID: list[str] = ["oförändrad", "något lägre", "något högre", "lägre än i fjol"]
WEEKDAYS: list[str] = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]
MONTHS: list[str] = ["januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti",
          "september", "oktober", "november", "december"]


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

