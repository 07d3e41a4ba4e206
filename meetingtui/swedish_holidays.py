"""Sweden's public holidays (lag 1989:253 om allmänna helgdagar, as it stands since 2005) and
the three holiday eves, by date, named in Swedish or English.

Written out here rather than asked of the `holidays` package: it loads every country it knows
(some 300 modules, 0.15–0.2 s) to give these sixteen days, and the chair waited that long on
the first key that showed a proposed date. The names are the package's, two on one day joined
as it joins them; the test suite compares every day of 2005–2100 with it, so a change in the
law reaches the tests with the package.
"""

from __future__ import annotations

from datetime import date, timedelta
from functools import cache

# (Swedish, English) of each day; the eves are midsommarafton, julafton and nyårsafton.
_NAMES = {
    "new_year": ("Nyårsdagen", "New Year's Day"),
    "epiphany": ("Trettondedag jul", "Epiphany"),
    "good_friday": ("Långfredagen", "Good Friday"),
    "easter": ("Påskdagen", "Easter Sunday"),
    "easter_monday": ("Annandag påsk", "Easter Monday"),
    "may_day": ("Första maj", "May Day"),
    "ascension": ("Kristi himmelsfärdsdag", "Ascension Day"),
    "pentecost": ("Pingstdagen", "Pentecost"),
    "national_day": ("Nationaldagen", "National Day"),
    "midsummer_eve": ("Midsommarafton", "Midsummer Eve"),
    "midsummer": ("Midsommardagen", "Midsummer Day"),
    "all_saints": ("Alla helgons dag", "All Saints' Day"),
    "christmas_eve": ("Julafton", "Christmas Eve"),
    "christmas": ("Juldagen", "Christmas Day"),
    "boxing_day": ("Annandag jul", "Second Day of Christmas"),
    "new_year_eve": ("Nyårsafton", "New Year's Eve"),
}


@cache
def holidays_of(year: int, lang: str = "sv") -> dict[date, str]:
    """Each holiday and eve of ``year``, named in Swedish ("sv") or English ("en")."""
    easter = easter_sunday(year)
    days = {
        "new_year": date(year, 1, 1),
        "epiphany": date(year, 1, 6),
        "good_friday": easter - timedelta(days=2),
        "easter": easter,
        "easter_monday": easter + timedelta(days=1),
        "may_day": date(year, 5, 1),
        "ascension": easter + timedelta(days=39),
        "pentecost": easter + timedelta(days=49),
        "national_day": date(year, 6, 6),
        "midsummer_eve": _weekday_from(date(year, 6, 19), 4),  # the Friday 19–25 June
        "midsummer": _weekday_from(date(year, 6, 20), 5),  # the Saturday 20–26 June
        "all_saints": _weekday_from(date(year, 10, 31), 5),  # the Saturday 31 Oct–6 Nov
        "christmas_eve": date(year, 12, 24),
        "christmas": date(year, 12, 25),
        "boxing_day": date(year, 12, 26),
        "new_year_eve": date(year, 12, 31),
    }
    named: dict[date, list[str]] = {}
    for key, day in days.items():
        named.setdefault(day, []).append(_NAMES[key][1 if lang == "en" else 0])
    return {day: "; ".join(sorted(names)) for day, names in sorted(named.items())}


def easter_sunday(year: int) -> date:
    """Easter Sunday of the Gregorian calendar (the anonymous algorithm: Meeus, Jones, Butcher)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    weekday = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * weekday) // 433
    month = (h + weekday - 7 * m + 90) // 25
    return date(year, month, (h + weekday - 7 * m + 33 * month + 19) % 32)


def _weekday_from(first: date, weekday: int) -> date:
    """The first ``weekday`` (Monday 0) on or after ``first``."""
    return first + timedelta(days=(weekday - first.weekday()) % 7)
