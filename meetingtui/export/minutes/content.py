"""What the minutes say, apart from how they are laid out: shared by the Word and Markdown writers.

`Minutes` wraps one meeting's record (already reduced to the public view when ``public``) with
the labels of its template's language, and answers the questions both writers ask: the § numbers,
who was there, where each table belongs, how an owner, a status change or the next meeting reads.
Plain strings only; nothing here knows about python-docx.
"""

from __future__ import annotations

import re
from dataclasses import InitVar, dataclass, field

from meetingtui.dates import quarter_of
from meetingtui.export.clean import one_line
from meetingtui.export.minutes.formal import recorded_line
from meetingtui.export.minutes.labels import (
    Labels,
    document_of,
    format_date,
    format_span,
    labels_for,
    language_of,
    word,
)
from meetingtui.export.minutes.people import person_line, repeats
from meetingtui.export.minutes.year_lines import YearLines
from meetingtui.i18n import t_in
from meetingtui.model import (
    AgendaItem,
    Amendment,
    Cause,
    CauseBasis,
    DocumentType,
    FollowUp,
    ItemKind,
    Measure,
    MeetingRecord,
    Observation,
    Presence,
    PreventionLevel,
    ProposalState,
)
from meetingtui.privacy import Numbering, numbered_items, public_view

#: The kinds whose content comes from the record rather than from the item's notes.
DATA_KINDS = (ItemKind.FOLLOWUP, ItemKind.SITUATION, ItemKind.ACTIONS, ItemKind.PRIORITIES,
              ItemKind.NEXT, ItemKind.ROLLUP, ItemKind.PROPOSALS,
              ItemKind.AGREEMENTS)

#: The words a decision may already start with ("**Beslut:** …"): the minutes then add none.
_DECISION_WORDS = "beslut|överenskommet|decision|agreed"
#: The label on its own: "Beslut:", "**Beslut:**", "**Beslut**:", "*agreed:*" …
_OWN_LABEL = re.compile(
    rf"\s*(?P<mark>[*_]{{0,3}})(?P<word>{_DECISION_WORDS})\s*(?::(?P=mark)|(?P=mark)\s*:)",
    re.IGNORECASE)
#: The label inside emphasis that goes on ("**Beslut: gruppen …**"): left as written.
_LABEL_FIRST = re.compile(rf"\s*[*_]*\s*(?:{_DECISION_WORDS})\s*[*_]*\s*:", re.IGNORECASE)


@dataclass
class Minutes(YearLines):
    record: MeetingRecord
    public: bool
    municipality: str
    labels: Labels = field(init=False)
    document: DocumentType = field(init=False)
    full: MeetingRecord = field(init=False)  # the whole record, also in the public version
    view: InitVar[MeetingRecord | None] = None  # `public_view(record)`, when made already

    def __post_init__(self, view: MeetingRecord | None) -> None:
        # Numbers come from the full record: the public version leaves gaps, never renumbers.
        self._obs_number = Numbering([d.observation for d in self.record.observations])
        self._measure_number = Numbering(self.record.measures)
        self.full = self.record
        if self.public:
            self.record = view if view is not None else public_view(self.record)
        self.labels = labels_for(self.record)
        self.document = document_of(self.record)

    # --- header -------------------------------------------------------------------------------

    @property
    def protocol(self) -> bool:
        return self.document is DocumentType.PROTOCOL

    @property
    def kind_title(self) -> str:
        """"Minnesanteckningar" or "Protokoll" (in the template's language)."""
        return word(self.labels, self.document)

    @property
    def group_title(self) -> str:
        """"Effektiv samordning för trygghet (EST)"; the name alone when it already says the
        short name ("Styrgrupp (Strategiskt råd)", never "… (Styrgrupp)")."""
        group = self.record.group
        name, short = one_line(group.name), one_line(group.short)
        return name if not short or repeats(short, name) else f"{name} ({short})"

    @property
    def draft(self) -> bool:
        """True while the meeting is planned or running: its minutes may still change."""
        return not self.record.meeting.closed

    @property
    def kind_heading(self) -> str:
        """"Minnesanteckningar", or "Minnesanteckningar (utkast)" before the meeting is closed."""
        if not self.draft:
            return self.kind_title
        return f"{self.kind_title} ({self.labels['draft'].lower()})"

    @property
    def header_parts(self) -> list[str]:
        """The page header's right side: "Minnesanteckningar · Utkast · 2026-04-14 · Offentlig
        version" (the draft and public words only when they apply)."""
        return [self.kind_title, self.labels["draft"] if self.draft else "", self.date,
                self.labels["public"] if self.public else ""]

    @property
    def title(self) -> str:
        """The document's title property: "Minnesanteckningar EST 2026-04-14"."""
        group = one_line(self.record.group.short) or one_line(self.record.group.name)
        return f"{self.kind_heading} {group} {format_date(self.record.meeting.date)}"

    @property
    def date(self) -> str:
        return format_date(self.record.meeting.date)

    @property
    def time(self) -> str:
        meeting = self.record.meeting
        return format_span(self.labels, meeting.start, meeting.end)

    def people(self, presence: Presence) -> list[str]:
        """The lines for one kind of attendance: members first, then their substitutes."""
        rows = sorted((p for p in self.record.attendance if p.presence is presence),
                      key=lambda p: p.substitute)
        return [person_line(p, self.labels["substitute"]) for p in rows]

    def role_holders(self) -> list[tuple[str, str]]:
        """(label, name) for chair, secretary and adjuster, when known."""
        meeting = self.record.meeting
        pairs = [("chair", meeting.chair), ("secretary", meeting.secretary),
                 ("adjuster", meeting.adjuster)]
        return [(self.labels[key], one_line(name)) for key, name in pairs if one_line(name)]

    def recorded_line(self, item: AgendaItem) -> str:
        """What a formal item (`.opening`, `.officers`, `.closing`) records of the meeting's
        own details, after any notes (`formal.recorded_line`)."""
        return recorded_line(self.labels, item, self.record.meeting, self.record.template)

    def record_lines(self) -> list[tuple[str, str]]:
        """(label, text) for the diarienummer and the justering's time and place, when given:
        what a protokoll carries in its head (domain §9)."""
        meeting = self.record.meeting
        pairs = [("dnr", meeting.dnr), ("justering", meeting.justering)]
        return [(self.labels[key], one_line(text)) for key, text in pairs if one_line(text)]

    def recipients(self) -> list[str]:
        """Whom the minutes are sent to ("Expedieras till"), one each."""
        return [one_line(line) for line in self.record.meeting.expedieras.splitlines()
                if one_line(line)]

    @property
    def paragraph_span(self) -> str:
        count = len(self.record.items)
        return "" if count == 0 else "§ 1" if count == 1 else f"§ 1–{count}"

    # --- items --------------------------------------------------------------------------------

    def items(self) -> list[tuple[int, AgendaItem]]:
        return numbered_items(self.record)

    @staticmethod
    def heading(number: int, item: AgendaItem) -> str:
        return f"§ {number} {one_line(item.title)}"

    def shows_data(self, item: AgendaItem) -> ItemKind | None:
        """The kind of record data shown under ``item`` (only under the first item of a kind)."""
        if item.kind not in DATA_KINDS:
            return None
        first = next(i for _, i in self.items() if i.kind is item.kind)
        return item.kind if first is item else None

    def hidden(self, item: AgendaItem) -> bool:
        """True when the public version leaves this item's content out."""
        return self.public and item.confidential

    def leftovers(self) -> list[ItemKind]:
        """Kinds with data but no agenda item to stand under (shown after the items)."""
        present = {item.kind for item in self.record.items}
        record = self.record
        has = {
            ItemKind.FOLLOWUP: bool(record.followups),
            ItemKind.SITUATION: bool(record.observations),
            ItemKind.ACTIONS: bool(record.measures),
            ItemKind.PRIORITIES: bool(record.priorities),
            ItemKind.NEXT: record.next_meeting is not None,
            # Under their own items only: a roll-up or proposals without one are no one's.
            ItemKind.ROLLUP: False,
            ItemKind.PROPOSALS: False,
            ItemKind.AGREEMENTS: bool(record.agreements),
        }
        return [kind for kind in DATA_KINDS if has[kind] and kind not in present]

    def section_title(self, kind: ItemKind) -> str:
        return self.labels[str(kind.value)]

    def decision(self, item: AgendaItem) -> tuple[str | None, str]:
        """(label, text) of the item's decision: "Beslut" (protokoll) or "Överenskommet", and
        the decision's Markdown. A decision that already starts with such a word keeps it, as
        the label ("**Beslut:** …" → ("Beslut", "…")), so that the minutes never say "Beslut:
        Beslut:"; one whose emphasis runs on past the word is left as written, with no label.
        An item not taken up shows no decision its template proposed and nobody changed
        ("Punkten utgår." and "Dagordningen godkänns." would contradict each other)."""
        text = item.decision.strip()
        template = self.record.template
        if (item.dropped and template is not None
                and text == template.proposed_decision(item.kind, item.title)):
            return None, ""
        own = _OWN_LABEL.match(text)
        if own is not None:
            word = own["word"]
            return word[0].upper() + word[1:].lower(), text[own.end():].strip()
        if _LABEL_FIRST.match(text):
            return None, text
        return self.labels["decision" if self.protocol else "agreed"], text

    def left_out(self, kind: ItemKind) -> str:
        """What the public version leaves out of this kind's table, said where it stands
        ("Iakttagelse 3 omfattas av sekretess och redovisas inte."): a gap in the numbers is
        explained, and an empty table never reads as "nothing recorded". "" in the internal
        version and when nothing is left out."""
        if not self.public:
            return ""
        if kind is ItemKind.SITUATION:
            shown = {self._obs_number(d.observation) for d in self.record.observations}
            hidden = [n for n in range(1, len(self.full.observations) + 1) if n not in shown]
            return self._left_out("observations", hidden)
        if kind is ItemKind.ACTIONS:
            shown = {self._measure_number(m) for m in self.record.measures}
            hidden = [n for n in range(1, len(self.full.measures) + 1) if n not in shown]
            return self._left_out("measures", hidden)
        if kind is ItemKind.FOLLOWUP:
            count = len(self.full.followups) - len(self.record.followups)
            if count <= 0:
                return ""
            return t_in(language_of(self.record).value, "minutes_words.left_out_followups",
                        count=count)
        return ""

    def _left_out(self, what: str, numbers: list[int]) -> str:
        if not numbers:
            return ""
        said = [str(n) for n in numbers]
        joined = said[0] if len(said) == 1 else (
            f"{', '.join(said[:-1])} {self.labels['and']} {said[-1]}")
        key = f"left_out_{what}_{'one' if len(said) == 1 else 'other'}"
        return self.labels[key].format(numbers=joined)

    # --- rows ---------------------------------------------------------------------------------

    @staticmethod
    def area(obs: Observation) -> str:
        detail = one_line(obs.place_detail)
        return f"{one_line(obs.area)} – {detail}" if detail else one_line(obs.area)

    def measure_number(self, measure: Measure) -> int | None:
        """The measure's number in this meeting's action plan, if it is there."""
        return self._measure_number(measure)

    def observation_number(self, obs: Observation) -> int | None:
        return self._obs_number(obs)

    def measure_line(self, measure: Measure) -> str:
        """"Text (Ansvarig: X, klart senast 2026-05-01)" for lists under an observation."""
        parts = [f"{self.labels['owner']}: {self.owner(measure)}"]
        if measure.due is not None:
            parts.append(f"{self.labels['due'].lower()} {format_date(measure.due)}")
        return f"{one_line(measure.text)} ({', '.join(parts)})"

    def earlier_line(self, measures: list[Measure]) -> str:
        """A carried problem's earlier measures in one line: "Sanera klottret (Mats Ek):
        pågående (försenad); Trygghetsvandring (Sara Holm): genomförd"."""
        def mark(measure: Measure) -> str:
            shown = not self.public and measure.confidential
            return f" {self.labels['confidential_mark']}" if shown else ""

        return "; ".join(f"{one_line(m.text)} ({self.owner(m)}): {self.status(m)}{mark(m)}"
                         for m in measures)

    def knowledge(self, measure: Measure) -> str:
        """"Typ: situationell · Nivå: universell · Beprövad/utvärderad metod: ja": what kind of
        prevention the measure is (the level only when it was said)."""
        labels = self.labels
        parts = [f"{labels['type']}: {word(labels, measure.type)}"]
        if measure.level is not PreventionLevel.UNSAID:
            parts.append(f"{labels['level']}: {word(labels, measure.level)}")
        parts.append(f"{labels['method']}: {word(labels, measure.method)}")
        return " · ".join(parts)

    def cause_line(self, cause: Cause) -> str:
        """"Plats/situation: Olåsta cykelrum (antagande)": the side of the problem triangle, the
        cause, and what it rests on when that was said."""
        line = f"{word(self.labels, cause.dimension).capitalize()}: {one_line(cause.text)}"
        if cause.basis is not CauseBasis.UNSAID:
            line += f" ({word(self.labels, cause.basis)})"
        return line

    def status(self, measure: Measure, *notes: str) -> str:
        """"pågående (försenad)": the status, and whether it is overdue at this meeting."""
        if measure.overdue(self.record.meeting.date):
            notes = (self.labels["overdue"], *notes)
        text = word(self.labels, measure.status)
        return f"{text} ({', '.join(notes)})" if notes else text

    def status_change(self, followup: FollowUp) -> str:
        update = followup.update
        if update is None:
            return self.status(followup.measure, self.labels["unchanged_status"])
        before = update.old_status if update.old_status is not None else followup.measure.status
        after = word(self.labels, update.new_status)
        # Still open and past its due date on the meeting's day: it is late after this meeting
        # too ("ej påbörjad → pågående (försenad)"), as an unchanged one says.
        # `Measure.overdue` with the new status, without a copy of the measure for each row.
        due = followup.measure.due
        if update.new_status.is_open and due is not None and due < self.record.meeting.date:
            after += f" ({self.labels['overdue']})"
        return f"{word(self.labels, before)} → {after}"

    def followup_measure(self, followup: FollowUp) -> str:
        """"Byta belysningen (EST, beslutad 2026-03-10)"; a proposal the body above decided
        says so: "(Trygghetsgrupp, beslutad av KLG 2026-12-10)", not the day it was proposed."""
        measure = followup.measure
        text = one_line(measure.text)
        origin = [one_line(followup.group_short)] if one_line(followup.group_short) else []
        body = one_line(measure.proposed_to)
        if measure.proposal is ProposalState.DECIDED and body:
            day = measure.proposal_decided_on or followup.decided_on
            origin.append(self.labels["decided_by"].format(
                body=body, date=format_date(day)).strip())
        elif followup.decided_on is not None:
            origin.append(f"{self.labels['decided']} {format_date(followup.decided_on)}")
        return f"{text} ({', '.join(origin)})" if origin else text

    @property
    def quarter(self) -> str:
        """The quarter the meeting's priorities were chosen for ("2027-Q1"); rows from before
        schema 6 without one were the meeting's own."""
        chosen = next((p.quarter for p in self.record.priorities if p.quarter), None)
        return chosen or quarter_of(self.record.meeting.date)

    def priorities(self) -> list[tuple[int, str]]:
        return [(p.position, one_line(p.title))
                for p in sorted(self.record.priorities, key=lambda p: p.position)]

    def amendment_line(self, amendment: Amendment) -> str:
        """"2026-11-03 10.15, Eva Berg: § 4 Lägesbild … Skäl: …" (when, who, what, why)."""
        who = one_line(amendment.by)
        head = f"{amendment.at:%Y-%m-%d %H:%M}" + (f", {who}" if who else "")
        line = f"{head}: {one_line(amendment.what)}"
        why = one_line(amendment.why)
        return f"{line}. {self.labels['why']}: {why}" if why else line

    def next_meeting(self) -> str:
        nxt = self.record.next_meeting
        if nxt is None:
            return self.labels["not_decided"]
        parts = [format_date(nxt.date)]
        span = format_span(self.labels, nxt.start, nxt.end)
        if span:
            parts[0] += f" {span}"
        if one_line(nxt.place):
            parts.append(one_line(nxt.place))
        return ", ".join(parts)
