"""The words the minutes are written in: Swedish or English, chosen by the template's language.

Stored enum values are stable English (``in_progress``); the minutes show the words the
municipality uses (``pågående``). Dates are ISO in both languages, as Swedish records are.
"""

from __future__ import annotations

from datetime import date, time
from enum import StrEnum
from typing import Final

from meetingtui.model import DocumentType, Language, MeetingRecord

#: label key → text; enum values are keyed "<Enum>.<value>" (see `word`).
Labels = dict[str, str]

SV: Final[Labels] = {
    "DocumentType.minnesanteckningar": "Minnesanteckningar",
    "DocumentType.protokoll": "Protokoll",
    "date": "Datum",
    "time": "Tid",
    "place": "Plats",
    "present": "Närvarande",
    "absent": "Frånvarande",
    "guests": "Adjungerade",
    "chair": "Ordförande",
    "secretary": "Sekreterare",
    "adjuster": "Justerare",
    "paragraphs": "Paragrafer",
    "attendance_above": "Närvaron framgår av förteckningen ovan.",
    "adjusted": "Justeras",
    "signed_by_secretary": "Vid protokollet",
    "noted_by": "Vid anteckningarna",
    "decision": "Beslut",
    "agreed": "Överenskommet",
    "situation": "Lägesbild",
    "area": "Område/plats",
    "category": "Kategori",
    "description": "Beskrivning",
    "trend": "Trend",
    "source": "Källa",
    "observation": "Iakttagelse",
    "causes": "Orsaker",
    "measures": "Åtgärder",
    "measure": "Åtgärd",
    "owner": "Ansvarig",
    "due": "Klart senast",
    "status": "Status",
    "status_change": "Status före → efter",
    "comment": "Kommentar",
    "cause": "Orsak",
    "number": "Nr",
    "actions": "Åtgärdsplan",
    "followup": "Uppföljning av tidigare åtgärder",
    "decided": "beslutad",
    "overdue": "försenad",
    "unchanged_status": "ingen ändring",
    "priorities": "Prioriterade områden",
    "next": "Nästa möte",
    "page_prefix": "Sida ",
    "page_of": " av ",
    "public": "Offentlig version",
    "public_note": "Uppgifter som omfattas av sekretess är utelämnade.",
    "draft": "Utkast",
    "draft_note": "Mötet är inte avslutat; innehållet kan ändras.",
    "substitute": "ersättare",
    "confidential": "Sekretess",
    "confidential_mark": "SEKRETESS",
    "confidential_left_out": "Innehållet omfattas av sekretess och redovisas inte i den "
                             "offentliga versionen.",
    "left_out_observations_one": "Iakttagelse {numbers} omfattas av sekretess och redovisas "
                                 "inte.",
    "left_out_observations_other": "Iakttagelserna {numbers} omfattas av sekretess och "
                                   "redovisas inte.",
    "left_out_measures_one": "Åtgärd {numbers} omfattas av sekretess och redovisas inte.",
    "left_out_measures_other": "Åtgärderna {numbers} omfattas av sekretess och redovisas inte.",
    "left_out_followups_one": "En åtgärd som följs upp omfattas av sekretess och redovisas "
                              "inte.",
    "left_out_followups_other": "{count} åtgärder som följs upp omfattas av sekretess och "
                                "redovisas inte.",
    "and": "och",
    "carried_over": "från tidigare möte",
    "earlier_measures": "Tidigare åtgärder",
    "no_observations": "Inga iakttagelser registrerade.",
    "rollup": "De operativa gruppernas åtgärder",
    "group": "Grupp",
    "rollup_area": "Område",
    "green": "Grön",
    "yellow": "Gul",
    "red": "Röd",
    "cancelled_count": "Avbrutna",
    "total": "Totalt",
    "rollup_as_of": "Per {day}. Grön: pågår enligt plan eller genomförd. Gul: ej påbörjad och "
                    "ska vara klar inom 30 dagar. Röd: försenad.",
    "rollup_late": "Försenade åtgärder",
    "no_rollup": "Inga åtgärder i de operativa grupperna.",
    "no_area": "(inget område)",
    "rollup_secret": "Åtgärd som omfattas av sekretess",
    "proposals": "Förslag",
    "proposed": "Föreslås",
    "proposed_to": "till {body}",
    "no_proposals": "Inga förslag.",
    "proposals_received": "Förslag till {body}",
    "proposal_from": "från {group}",
    "proposal_waiting": "väntar på beslut",
    "proposal_decided": "beslutat {day}",
    "proposal_rejected": "avslaget {day}",
    "proposal_decided_by": "Beslutat av {body} {day}",
    "proposal_rejected_by": "Avslaget av {body} {day}",
    "no_received": "Inga förslag att besluta om.",
    "no_measures": "Inga nya åtgärder beslutade.",
    "no_followups": "Inga öppna åtgärder att följa upp.",
    "not_decided": "Inte bestämt.",
    "amendments": "Ändringar efter mötet",
    "dnr": "Diarienummer",
    "justering": "Justeringens plats och tid",
    "sent_to": "Expedieras till",
    "why": "Skäl",
    "time_fmt": "{h}.{m:02d}",
    "time_range": "kl. {start}–{end}",
    "time_from": "kl. {start}",
    "Trend.new": "ny",
    "Trend.rising": "ökande",
    "Trend.unchanged": "oförändrad",
    "Trend.falling": "minskande",
    "agreements": "Medborgarlöften och samverkansöverenskommelser",
    "AgreementKind.medborgarlofte": "Medborgarlöfte",
    "AgreementKind.samverkan": "Samverkansöverenskommelse",
    "parties": "Parter",
    "party": "Part",
    "commitment": "Åtagande",
    "agreement_measures": "Åtgärder som genomför den",
    "no_agreements": "Inget medborgarlöfte och ingen samverkansöverenskommelse gällde vid mötet.",
    "no_commitments": "Inga åtaganden.",
    "agreements_as_of": "Status när mötet avslutades.",
    "MeasureStatus.not_started": "ej påbörjad",
    "MeasureStatus.in_progress": "pågående",
    "MeasureStatus.done": "genomförd",
    "MeasureStatus.cancelled": "avbruten",
    "Dimension.offender": "gärningsperson",
    "Dimension.target": "brottsutsatt/objekt",
    "Dimension.place": "plats/situation",
    "addresses_one": "Riktas mot orsaken",
    "addresses_other": "Riktas mot orsakerna",
    "type": "Typ",
    "level": "Nivå",
    "method": "Beprövad/utvärderad metod",
    "MeasureType.situational": "situationell",
    "MeasureType.social": "social",
    "PreventionLevel.universal": "universell",
    "PreventionLevel.selective": "selektiv",
    "PreventionLevel.indicated": "indikerad",
    "ProvenMethod.yes": "ja",
    "ProvenMethod.no": "nej",
    "ProvenMethod.unknown": "vet ej",
    "CauseBasis.assumption": "antagande",
    "CauseBasis.data": "stöds av data",
}

EN: Final[Labels] = {
    "DocumentType.minnesanteckningar": "Meeting notes",
    "DocumentType.protokoll": "Minutes",
    "date": "Date",
    "time": "Time",
    "place": "Place",
    "present": "Present",
    "absent": "Absent",
    "guests": "Co-opted",
    "chair": "Chair",
    "secretary": "Secretary",
    "adjuster": "Adjuster",
    "paragraphs": "Items",
    "attendance_above": "Attendance as listed above.",
    "adjusted": "Approved",
    "signed_by_secretary": "Recorded by",
    "noted_by": "Notes taken by",
    "decision": "Decision",
    "agreed": "Agreed",
    "situation": "Situation picture",
    "area": "Area/place",
    "category": "Category",
    "description": "Description",
    "trend": "Trend",
    "source": "Source",
    "observation": "Observation",
    "causes": "Causes",
    "measures": "Measures",
    "measure": "Measure",
    "owner": "Owner",
    "due": "Due",
    "status": "Status",
    "status_change": "Status before → after",
    "comment": "Comment",
    "cause": "Cause",
    "number": "No.",
    "actions": "Action plan",
    "followup": "Follow-up of earlier measures",
    "decided": "decided",
    "overdue": "overdue",
    "unchanged_status": "no change",
    "priorities": "Priority areas",
    "next": "Next meeting",
    "page_prefix": "Page ",
    "page_of": " of ",
    "public": "Public version",
    "public_note": "Confidential information has been left out.",
    "draft": "Draft",
    "draft_note": "The meeting has not been closed; the content may change.",
    "substitute": "substitute",
    "confidential": "Confidential",
    "confidential_mark": "CONFIDENTIAL",
    "confidential_left_out": "The content is confidential and is not shown in the public "
                             "version.",
    "left_out_observations_one": "Observation {numbers} is confidential and is not shown.",
    "left_out_observations_other": "Observations {numbers} are confidential and are not shown.",
    "left_out_measures_one": "Measure {numbers} is confidential and is not shown.",
    "left_out_measures_other": "Measures {numbers} are confidential and are not shown.",
    "left_out_followups_one": "One measure followed up is confidential and is not shown.",
    "left_out_followups_other": "{count} measures followed up are confidential and are not "
                                "shown.",
    "and": "and",
    "carried_over": "from an earlier meeting",
    "earlier_measures": "Earlier measures",
    "no_observations": "No observations recorded.",
    "rollup": "The operative groups' measures",
    "group": "Group",
    "rollup_area": "Area",
    "green": "Green",
    "yellow": "Yellow",
    "red": "Red",
    "cancelled_count": "Cancelled",
    "total": "Total",
    "rollup_as_of": "As of {day}. Green: on track or done. Yellow: not started and due within "
                    "30 days. Red: overdue.",
    "rollup_late": "Overdue measures",
    "no_rollup": "No measures in the operative groups.",
    "no_area": "(no area)",
    "rollup_secret": "A confidential measure",
    "proposals": "Proposals",
    "proposed": "Proposed",
    "proposed_to": "to {body}",
    "no_proposals": "No proposals.",
    "proposals_received": "Proposals to {body}",
    "proposal_from": "from {group}",
    "proposal_waiting": "awaiting decision",
    "proposal_decided": "decided {day}",
    "proposal_rejected": "rejected {day}",
    "proposal_decided_by": "Decided by {body} {day}",
    "proposal_rejected_by": "Rejected by {body} {day}",
    "no_received": "No proposals to decide.",
    "no_measures": "No new measures decided.",
    "no_followups": "No open measures to follow up.",
    "not_decided": "Not decided.",
    "amendments": "Changes after the meeting",
    "dnr": "Case number",
    "justering": "Approval, time and place",
    "sent_to": "Sent to",
    "why": "Reason",
    "time_fmt": "{h:02d}:{m:02d}",
    "time_range": "{start}–{end}",
    "time_from": "{start}",
    "Trend.new": "new",
    "Trend.rising": "rising",
    "Trend.unchanged": "unchanged",
    "Trend.falling": "falling",
    "agreements": "Medborgarlöften and cooperation agreements",
    "AgreementKind.medborgarlofte": "Medborgarlöfte",
    "AgreementKind.samverkan": "Cooperation agreement",
    "parties": "Parties",
    "party": "Party",
    "commitment": "Commitment",
    "agreement_measures": "Measures that carry it out",
    "no_agreements": "No medborgarlöfte or cooperation agreement was in force at the meeting.",
    "no_commitments": "No commitments.",
    "agreements_as_of": "Status as of the meeting's closing.",
    "MeasureStatus.not_started": "not started",
    "MeasureStatus.in_progress": "in progress",
    "MeasureStatus.done": "done",
    "MeasureStatus.cancelled": "cancelled",
    "Dimension.offender": "offender",
    "Dimension.target": "target/victim",
    "Dimension.place": "place/situation",
    "addresses_one": "Addresses the cause",
    "addresses_other": "Addresses the causes",
    "type": "Type",
    "level": "Level",
    "method": "Tested or evaluated method",
    "MeasureType.situational": "situational",
    "MeasureType.social": "social",
    "PreventionLevel.universal": "universal",
    "PreventionLevel.selective": "selective",
    "PreventionLevel.indicated": "indicated",
    "ProvenMethod.yes": "yes",
    "ProvenMethod.no": "no",
    "ProvenMethod.unknown": "unknown",
    "CauseBasis.assumption": "assumption",
    "CauseBasis.data": "supported by data",
}


def language_of(record: MeetingRecord) -> Language:
    return record.template.language if record.template is not None else Language.SV


def document_of(record: MeetingRecord) -> DocumentType:
    return record.template.document if record.template is not None else DocumentType.NOTES


def labels_for(record: MeetingRecord) -> Labels:
    """The labels in the language of the record's template (Swedish without one)."""
    return EN if language_of(record) is Language.EN else SV


def word(labels: Labels, value: StrEnum) -> str:
    """An enum value (trend, status, dimension, document type) in the minutes' language."""
    return labels.get(f"{type(value).__name__}.{value.value}", str(value.value))


def format_date(value: date | None) -> str:
    return value.isoformat() if value is not None else ""


def format_time(labels: Labels, value: time) -> str:
    return labels["time_fmt"].format(h=value.hour, m=value.minute)


def format_span(labels: Labels, start: time | None, end: time | None) -> str:
    """"kl. 13.00–15.00" (sv) or "13:00–15:00" (en); empty when no start is known."""
    if start is None:
        return ""
    first = format_time(labels, start)
    if end is None:
        return labels["time_from"].format(start=first)
    return labels["time_range"].format(start=first, end=format_time(labels, end))
