"""What the public version of the minutes may show, and where personal identity numbers stand in
a meeting's record (the detector itself is `personal_numbers`).

Pure: imports only the model and the detector.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from functools import cache, lru_cache

from meetingtui.model import (
    AgendaItem,
    ItemKind,
    Measure,
    MeetingRecord,
    ObservationDetail,
    Record,
)
from meetingtui.personal_numbers import (
    Finding,
    Kind,
    find_personal_numbers,
    luhn_ok,
    mask_personal_numbers,
)

__all__ = ["Finding", "Kind", "Where", "find_personal_numbers", "luhn_ok",
           "mask_personal_numbers", "public_view", "scan_record"]


@dataclass(frozen=True)
class Where:
    """A finding and the place in the minutes where it stands.

    The place is built from the record's own texts (an area, a person's name, an item's title),
    so a number can stand in it too: `scan_record` masks it, and so does the message.
    """

    place: str  # e.g. "§ 4 Lägesbild, observation 2 (Centrum), description"
    finding: Finding

    def __str__(self) -> str:
        return (f"{mask_personal_numbers(self.place)}: {self.finding.masked} "
                f"({self.finding.kind})")


# --- the public version ------------------------------------------------------------------------

def public_view(record: MeetingRecord) -> MeetingRecord:
    """The record as the public minutes show it.

    Leaves out every confidential observation (with its causes and the measures tied to it),
    every confidential measure (in the action plan and in the follow-up) and the notes and
    decision of a confidential agenda item; the item itself keeps its § number and title so that
    both versions number alike. Amendments are internal.
    """
    hidden_obs = {
        d.observation.id for d in record.observations
        if d.observation.confidential and d.observation.id is not None
    }
    hidden_causes = {
        c.id for d in record.observations if d.observation.confidential
        for c in d.causes if c.id is not None
    }

    def shown(measure: Measure) -> bool:
        return not (
            measure.confidential
            or (measure.observation_id is not None and measure.observation_id in hidden_obs)
            or any(cause_id in hidden_causes for cause_id in measure.cause_ids)
        )

    measures = [m for m in record.measures if shown(m)]
    proposed = [m for m in record.proposals.made if shown(m)] if record.proposals else []

    return record.model_copy(update={
        "items": [
            item.model_copy(update={"notes": "", "decision": ""}) if item.confidential else item
            for item in record.items
        ],
        "observations": [_shown_detail(d, shown) for d in record.observations
                         if not d.observation.confidential],
        "measures": measures,
        "addressed": {cause_id: cause for cause_id, cause in record.addressed.items()
                      if any(cause_id in m.cause_ids for m in [*measures, *proposed])},
        "followups": [f for f in record.followups if shown(f.measure)],
        "agreements": [d.model_copy(update={"measures": [m for m in d.measures if shown(m)]})
                       for d in record.agreements],
        "amendments": [],
        # A confidential problem's proposals are left out; its late measures in a roll-up are
        # counted, but neither their words nor their owner are said.
        "proposals": record.proposals.model_copy(update={
            "made": proposed,
            "received": [m for m in record.proposals.received if shown(m)]})
        if record.proposals is not None else None,
        "rollup": record.rollup.model_copy(update={"late": [
            late.model_copy(update={"text": "", "owner": ""}) if late.confidential else late
            for late in record.rollup.late]}) if record.rollup is not None else None,
    })


def _shown_detail(detail: ObservationDetail,
                  shown: Callable[[Measure], bool]) -> ObservationDetail:
    """An observation with the measures the public minutes show; the same one when they show
    all of them (most do: a copy each cost a publish 20,000 copies)."""
    measures = [m for m in detail.measures if shown(m)]
    earlier = [m for m in detail.earlier_measures if shown(m)]
    if len(measures) == len(detail.measures) and len(earlier) == len(detail.earlier_measures):
        return detail
    return detail.model_copy(update={"measures": measures, "earlier_measures": earlier})


# --- where in a meeting's minutes --------------------------------------------------------------

def numbered_items(record: MeetingRecord) -> list[tuple[int, AgendaItem]]:
    """The agenda items in order with their § numbers (1, 2 …), as the minutes number them."""
    ordered = sorted(record.items, key=lambda item: item.position)
    return list(enumerate(ordered, start=1))


def _key(model: Record) -> tuple[str, int]:
    return ("id", model.id) if model.id is not None else ("object", id(model))


class Numbering:
    """Numbers (1, 2 …) of observations or measures in the full record, so that the public
    version keeps the internal version's numbers and leaves gaps where it leaves rows out."""

    def __init__(self, models: Sequence[Record]) -> None:
        self._numbers = {_key(model): n for n, model in enumerate(models, start=1)}

    def __call__(self, model: Record) -> int | None:
        return self._numbers.get(_key(model))


def _section(record: MeetingRecord, kind: ItemKind, fallback: str) -> str:
    for number, item in numbered_items(record):
        if item.kind is kind:
            return f"§ {number} {item.title}"
    return fallback


#: Says one word of a place ("notes", "observation" …) in the reader's language.
Say = Callable[[str], str]


def _english(word: str) -> str:
    return word.replace("_", " ")


#: A text the minutes show and where: ``(at, field, text)``, the place being "<at>, <field said>"
#: or ``at`` alone for no field. Said only for a text with a number in it: a publish walks some
#: 300 texts a meeting, nearly all of them without one.
Text = tuple[str, str, str]


def _texts(record: MeetingRecord, full: MeetingRecord, say: Say) -> Iterator[Text]:
    """Every text the minutes of ``record`` (a view of ``full``) show, with its place; the
    place's words said by ``say`` (the item titles are the meeting's own)."""
    obs_number = Numbering([d.observation for d in full.observations])
    measure_number = Numbering(full.measures)
    meeting = record.meeting
    header = say("header")
    yield header, "group", record.group.name
    yield header, "group", record.group.short
    yield header, "place", meeting.place
    for role in ("chair", "secretary", "adjuster", "dnr", "justering", "expedieras"):
        yield header, role, getattr(meeting, role)
    for person in record.attendance:
        at = f"{say('attendance')} ({person.name})"
        for field in ("name", "role", "organisation"):
            yield at, field, getattr(person, field)
    for number, item in numbered_items(record):
        here = f"§ {number} {item.title}"
        yield here, "title", item.title
        yield here, "notes", item.notes
        yield here, "decision", item.decision
    here = _section(record, ItemKind.SITUATION, say("situation"))
    for index, detail in enumerate(record.observations, start=1):
        obs = detail.observation
        at = f"{here}, {say('observation')} {obs_number(obs) or index} ({obs.area})"
        for field in ("area", "place_detail", "category", "description", "source"):
            yield at, field, getattr(obs, field)
        for c_index, cause in enumerate(detail.causes, start=1):
            yield f"{at}, {say('cause')} {c_index}", "", cause.text
        for m_index, measure in enumerate(detail.measures, start=1):
            yield from _measure_texts(f"{at}, {say('measure')} {m_index}", measure)
        for m_index, measure in enumerate(detail.earlier_measures, start=1):
            yield from _measure_texts(f"{at}, {say('earlier_measure')} {m_index}", measure)
    here = _section(record, ItemKind.FOLLOWUP, say("followup"))
    for index, followup in enumerate(record.followups, start=1):
        at = f"{here}, {say('measure')} {index}"
        yield from _measure_texts(at, followup.measure)
        yield at, "group", followup.group_short
        if followup.update is not None:
            yield at, "comment", followup.update.comment
    here = _section(record, ItemKind.ACTIONS, say("actions"))
    listed = {c.id for d in record.observations for c in d.causes}
    for index, measure in enumerate(record.measures, start=1):
        at = f"{here}, {say('measure')} {measure_number(measure) or index}"
        yield from _measure_texts(at, measure)
        # A cause found at an earlier appearance stands beside the measure only.
        for c_index, cause_id in enumerate(measure.cause_ids, start=1):
            if cause_id in record.addressed and cause_id not in listed:
                yield f"{at}, {say('cause')} {c_index}", "", record.addressed[cause_id].text
    here = _section(record, ItemKind.PRIORITIES, say("priorities"))
    for priority in record.priorities:
        yield f"{here}, {say('priority')} {priority.position}", "", priority.title
    if record.next_meeting is not None:
        yield _section(record, ItemKind.NEXT, say("next")), "place", record.next_meeting.place
    if record.proposals is not None:
        here = _section(record, ItemKind.PROPOSALS, say("proposals"))
        for index, measure in enumerate(record.proposals.made, start=1):
            yield from _measure_texts(f"{here}, {say('proposal')} {index}", measure)
        for index, measure in enumerate(record.proposals.received, start=1):
            at = f"{here}, {say('received')} {index}"
            yield from _measure_texts(at, measure)
            yield at, "reason", measure.proposal_reason
        for origin in record.proposals.origins.values():
            yield here, "group", origin
    if record.rollup is not None:
        here = _section(record, ItemKind.ROLLUP, say("followup"))
        for row in record.rollup.rows:
            yield here, "group", row.group
            yield here, "area", row.area
        for index, late in enumerate(record.rollup.late, start=1):
            at = f"{here}, {say('overdue')} {index}"
            for field in ("group", "area", "text", "owner"):
                yield at, field, getattr(late, field)

    here = _section(record, ItemKind.AGREEMENTS, say("agreements"))
    for followed in record.agreements:
        agreement = followed.agreement
        at = f"{here}, {say('agreement')} {agreement.id}"
        for field in ("title", "parties", "text"):
            yield at, field, getattr(agreement, field)
        for commitment in followed.commitments:
            for field in ("party", "text", "owner", "organisation"):
                yield (f"{at}, {say('commitment')} {commitment.id}", field,
                       getattr(commitment, field))
        for measure in followed.measures:
            yield from _measure_texts(f"{at}, {say('measure')} {measure.id}", measure)
    for index, amendment in enumerate(record.amendments, start=1):
        for field in ("what", "old", "new", "by", "why"):
            yield f"{say('amendment')} {index}", field, getattr(amendment, field)


def _measure_texts(at: str, measure: Measure) -> Iterator[Text]:
    yield at, "text", measure.text
    yield at, "owner", measure.owner
    yield at, "owner_organisation", measure.owner_org
    yield at, "proposed_to", measure.proposed_to


def scan_record(record: MeetingRecord, public: bool, say: Say = _english, *,
                view: MeetingRecord | None = None) -> list[Where]:
    """Every personal identity number in what the (public or internal) minutes would show, each
    with its place masked (an area or a name can hold a number too). ``say`` words the place in
    the reader's language (this leaf knows no catalogue; English words by default); ``view``:
    `public_view(record)` when the caller has made it already (a publish shows it too)."""
    shown = (view if view is not None else public_view(record)) if public else record
    said = cache(say)  # the same few words say every one of some 300 places
    found: list[Where] = []
    for at, field, text in _texts(shown, record, said):
        findings = (_found(text) if len(text) <= 500 else find_personal_numbers(text)) \
            if text else ()
        if findings:
            place = mask_personal_numbers(f"{at}, {said(field)}" if field else at)
            found += [Where(place, finding) for finding in findings]
    return found


@lru_cache(maxsize=50_000)
def _found(text: str) -> tuple[Finding, ...]:
    """`find_personal_numbers` of a short text, remembered: the same measure stands in the
    follow-up of meeting after meeting, and a publish scanned half a million texts, most of
    them seen before (notes, seldom the same, are not kept). The detector's answer for a text
    never changes, so this finds exactly what it does."""
    return tuple(find_personal_numbers(text))
