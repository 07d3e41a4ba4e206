"""The demo's reports between meetings: EST's members and inrapportörer note what they see
between the meetings (seed 002: Fagersta's members "dokumentera de lägesbilder som kommer in
mellan mötena"; seed 000: the lägesbild is built from inrapportörer and members' local
knowledge), and the next meeting takes them up, adds them to a problem or rejects them.

Only the last months before today have them, and their chances come from a generator of their
own, so that the rest of the demo is the same with them as without them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from random import Random

from meetingtui.model import Person
from meetingtui.services import reports
from meetingtui.services.lagesbild import observations
from meetingtui.services.workspace import Workspace

#: How far back the demo has reports: the last few meetings, and the next one.
RECENT = timedelta(days=100)

#: (area, place, category, what was seen, source); the last one is confidential.
SEEN = [
    ("Centrum", "Busstorget", "Skadegörelse", "Krossade rutor i busskuren, tredje gången på "
     "en månad.", "Bostadsbolag"),
    ("Stationsområdet", "Gångtunneln", "Klotter", "Nya taggar på tunnelns norra vägg sedan "
     "helgen.", "Teknisk förvaltning"),
    ("Centrum", "Torget", "Ordningsstörning", "Grupp unga vuxna spelar hög musik vid "
     "fontänen efter kl. 22.", "Medborgare/trygghetsvandring"),
    ("Norra området", "Skolgården", "Nedskräpning", "Fimpar och burkar vid cykelstället varje "
     "måndagsmorgon.", "Skola"),
    ("Centrum", "Parkeringshuset", "Otrygghet", "Trasig belysning på plan 2; flera säger att "
     "de undviker huset kvällstid.", "Näringsliv"),
]
SECRET = ("Hagen", "Trapphus", "Otrygghet", "Orolig för en ungdom som sover i trapphuset; "
          "socialtjänsten är kontaktad.", "Socialtjänst")
REJECTED_BECAUSE = ["Redan känt och åtgärdat av bostadsbolaget.",
                    "Hör till SSPF: lämnas dit.",
                    "Inte bekräftat; polisen följer upp."]


def report_between(ws: Workspace, group_id: int, members: Sequence[Person], last: date | None,
                   meeting: datetime, today: date) -> None:
    """Two or three reports to the group, seen between its last meeting and `meeting` (and
    no later than today: the next meeting's reports are those made so far)."""
    if today - meeting.date() > RECENT or not members:
        return
    rng = Random(f"reports {group_id} {meeting:%Y-%m-%d}")
    start = last or meeting.date() - timedelta(days=28)
    span = (min(meeting.date(), today) - start).days - 1  # seen after the last, by today
    if span < 1:
        return
    # Each a different thing seen: one person reporting the same words twice on one day
    # reads as a slip, not as the group's day-to-day.
    count = rng.randint(2, 3)
    for number, seen in enumerate(rng.sample(SEEN, count)):
        area, place, category, description, source = (
            SECRET if number == 2 and rng.random() < 0.5 else seen)
        who = rng.choice(list(members))
        day = start + timedelta(days=rng.randint(1, span))
        reports.report(ws, group_id, area=area, place_detail=place, category=category,
                       description=description, source=source,
                       reported_by=f"{who.name}, {who.organisation}".strip(", "),
                       reported_at=datetime.combine(day, time(rng.randint(8, 16), 0)),
                       confidential=description == SECRET[3])


def answer_waiting(ws: Workspace, group_id: int, meeting_id: int) -> str:
    """The meeting answers every waiting report: takes the first up, adds the next to a public
    problem of the meeting, rejects the one after with a reason, and so on; its notes say so."""
    waiting = reports.waiting(ws, group_id)
    if not waiting:
        return ""
    rng = Random(f"answers {meeting_id}")
    taken = 0
    for number, report in enumerate(waiting):
        # A problem the meeting saw first: a carried one reads as its last meeting left it.
        public = [o for o in observations(ws, meeting_id)
                  if not o.confidential and o.id and o.carried_over_from is None]
        how = number % 3
        if how == 1 and public and not report.confidential:
            kept = public[0].id
            assert kept is not None
            reports.merge(ws, report, meeting_id, kept)
            taken += 1
        elif how == 2:
            reports.reject(ws, report, meeting_id, rng.choice(REJECTED_BECAUSE))
        else:
            reports.accept(ws, report, meeting_id)
            taken += 1
    said = "inrapporterad iakttagelse" if len(waiting) == 1 else "inrapporterade iakttagelser"
    return f" **{len(waiting)}** {said} sedan förra mötet, **{taken}** togs upp."
