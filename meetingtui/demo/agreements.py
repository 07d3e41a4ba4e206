"""The demo's medborgarlöfte and samverkansöverenskommelse (issue 16 §4), in the seeds' words:
"ett medborgarlöfte specificerar det arbete och åtgärder som kommunen och polisen åtar sig att
göra under en viss tidsperiod" (Herrljunga); the samverkansöverenskommelse "skrivs vart annat år
mellan kommunen och Polisen" (Lysekil) and the styrgrupp follows it up.

Made before the meetings are recorded (so each closed meeting keeps them as they stood: every
commitment not started yet), followed up after: statuses as they stand today and the measures
that carry the löfte out linked.
"""

from __future__ import annotations

from datetime import date, timedelta

from meetingtui.model import AgreementKind, MeasureStatus
from meetingtui.services import agreements
from meetingtui.services.groups import ensure_groups
from meetingtui.services.workspace import Workspace
from meetingtui.store.agreements import measures_mentioning

LOFTE = "Medborgarlöfte: tryggare kvällar i Centrum och Resecentrum"
SAMVERKAN = "Samverkansöverenskommelse mellan kommunen och Polisen"

# (party, what, owner, organisation, months into the year it is due, status today)
_COMMITMENTS = [
    ("Kommunen", "Trygghetsvandringar i Centrum varje månad, med föreningar och boende",
     "Trygghetssamordnare", "Kommunledningsförvaltningen", 11, MeasureStatus.IN_PROGRESS),
    ("Kommunen", "Bättre belysning längs gångstråket till Resecentrum", "Gatuchef",
     "Samhällsbyggnadsförvaltningen", 9, MeasureStatus.DONE),
    ("Lokalpolisområdet", "Synlig närvaro i Centrum fredag och lördag kväll", "Kommunpolis",
     "Polisen, lokalpolisområdet", 12, MeasureStatus.IN_PROGRESS),
    ("Lokalpolisområdet", "Medborgardialog om otrygghet i Resecentrum", "Kommunpolis",
     "Polisen, lokalpolisområdet", 5, MeasureStatus.NOT_STARTED),
]
_SAMVERKAN = [
    ("Kommunen och Polisen", "Gemensam lägesbild varje kvartal till styrgruppen",
     "Säkerhetschef", "Kommunledningsförvaltningen", MeasureStatus.IN_PROGRESS),
    ("Kommunen och Polisen", "Årlig kartläggning som underlag för nästa medborgarlöfte",
     "Säkerhetschef", "Kommunledningsförvaltningen", MeasureStatus.NOT_STARTED),
]

#: The newest measure holding each of these carries the löfte out (linked to it).
_CARRIED_OUT_BY = ["medborgarlöftet", "Trygghetsvandring i Centrum", "Resecentrum"]


def add_agreements(ws: Workspace, today: date) -> None:
    """This year's medborgarlöfte (for every group that follows it up) and the two-year
    samverkansöverenskommelse (the styrgrupp's), their commitments not started."""
    year = today.year
    lofte = agreements.add_agreement(
        ws, AgreementKind.MEDBORGARLOFTE, LOFTE, date(year, 1, 1), date(year, 12, 31),
        ["Kommunen", "Lokalpolisområdet"],
        text="Kommunen och polisen lovar invånarna tryggare kvällar i Centrum och Resecentrum.")
    assert lofte.id is not None
    for party, text, owner, organisation, month, _ in _COMMITMENTS:
        agreements.add_commitment(ws, lofte.id, text, owner, party=party,
                                  organisation=organisation, due=_end_of(year, month))
    styrgrupp = next((g for g in ensure_groups(ws) if g.template_id == "styrgrupp"), None)
    deal = agreements.add_agreement(
        ws, AgreementKind.SAMVERKAN, SAMVERKAN, date(year, 1, 1), date(year + 1, 12, 31),
        ["Kommunen", "Polisen"], group_id=styrgrupp.id if styrgrupp else None,
        text="Ramar för samverkan och det förhållningssätt som ska genomsyra samarbetet.")
    assert deal.id is not None
    for party, text, owner, organisation, _ in _SAMVERKAN:
        agreements.add_commitment(ws, deal.id, text, owner, party=party,
                                  organisation=organisation)


def follow_up_agreements(ws: Workspace, today: date) -> None:
    """The commitments' status as it stands today (one not yet due stays as made), and the
    measures that follow up the löfte linked to it."""
    for detail in agreements.in_force(ws, today):
        statuses = _COMMITMENTS if detail.agreement.title == LOFTE else _SAMVERKAN
        for commitment, planned in zip(detail.commitments, statuses, strict=False):
            status = planned[-1]
            assert isinstance(status, MeasureStatus) and commitment.id is not None
            if status is not commitment.status and (commitment.due is None
                                                    or commitment.due <= today
                                                    or status is MeasureStatus.IN_PROGRESS):
                agreements.set_status(ws, commitment.id, status)
        if detail.agreement.title == LOFTE and detail.agreement.id is not None:
            for words in _CARRIED_OUT_BY:
                for measure in measures_mentioning(ws.store, words, 1):
                    assert measure.id is not None
                    agreements.link_measure(ws, detail.agreement.id, measure.id)


def _end_of(year: int, month: int) -> date:
    return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
