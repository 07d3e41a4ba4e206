"""The fictional people around the table in the demo: the names members are given, the
organisation a member's role belongs to and the guests a meeting sometimes invites. Names are
drawn at random and belong to no one; they appear on rosters and attendance, never in an
observation (domain.md §6).
"""

from __future__ import annotations

FIRST_NAMES: list[str] = [
    "Anna", "Karin", "Maria", "Eva", "Lena", "Sara", "Emma", "Johanna", "Elin", "Malin", "Ida",
    "Linnéa", "Åsa", "Märta", "Erik", "Lars", "Anders", "Johan", "Per", "Mikael", "Björn",
    "Fredrik", "Jonas", "Mattias", "Stefan", "Östen", "Håkan", "Göran", "Ali", "Amina", "Yusuf",
    "Noor", "Sofia", "Oskar",
]
LAST_NAMES: list[str] = [
    "Lindqvist", "Berglund", "Åkesson", "Sjöberg", "Holmström", "Nyström", "Ekström",
    "Lundgren", "Wikström", "Hägglund", "Öberg", "Sandberg", "Forsberg", "Lindahl", "Björk",
    "Engström", "Dahlin", "Ström", "Håkansson", "Nordin", "Ahmadi", "Karlsson", "Jönsson",
]
# role keyword ("a|b": either) → organisation; the first that matches wins, so order counts
ORGANISATIONS: list[tuple[str, str]] = [
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
DEFAULT_ORGANISATION: str = "Kommunledningsförvaltningen"
#: Guests invited now and then: (role, organisation).
GUESTS: list[tuple[str, str]] = [
    ("Fältsekreterare", "Socialförvaltningen"), ("Centrumledare", "Exempelkommuns Centrumförening"),
    ("Trafikplanerare", "Länstrafiken"), ("Utredare", "Brottsförebyggande rådet"),
    ("Områdesansvarig", "Trygga Vakter AB"), ("Kommunikatör", "Kommunledningsförvaltningen"),
]
