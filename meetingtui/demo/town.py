"""Exempelkommun itself, where the demo's groups work: the areas of the town and the places inside
them, the rooms the groups meet in and what happens in the town month by month. Fictional and
area level only: details are places such as a square or a schoolyard, never an address
(domain.md §6). The lägesbild (`situation`) and the measures (`measures`) are set in these areas.
"""

from __future__ import annotations

MUNICIPALITY: str = "Exempelkommun"

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
#: A description naming one of these places is recorded there.
PINNED: dict[str, tuple[str, str]] = {
    "Storgatan": ("Centrum", "Storgatan"), "gångtunneln": ("Resecentrum", "Gångtunneln"),
    "väntsalen": ("Resecentrum", "Väntsalen"), "sjöbodar": ("Hamnen", "Sjöbodarna"),
    "Östra bostadsområdet": ("Östra bostadsområdet", "Innergårdarna"),
    "industriområdet": ("Västra industriområdet", "Lastkajerna"),
}

#: Where the groups meet; each group has its usual room.
PLACES: list[str] = ["Kommunhuset, sammanträdesrum Ljuset", "Kommunhuset, KS-salen",
          "Polishuset, konferensrummet", "Digitalt (Teams)", "Stadsbiblioteket, Studierummet"]
#: What the town plans for, by month, for the item on coming events.
EVENTS: dict[int, str] = {
    1: "Sportlovet i vecka 8 (planering)", 2: "Sportlovet", 3: "Påsklovet", 4: "Valborgsmässoafton",
    5: "Studentfirandet och skolavslutningen", 6: "Skolavslutning och midsommar",
    8: "Skolstarten och Kulturnatten", 9: "Höstmarknaden på Torget", 10: "Höstlovet och Halloween",
    11: "Första advent och julskyltningen", 12: "Nyårsafton", 7: "Sommarens evenemang i Hamnen",
}
