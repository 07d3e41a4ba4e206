"""The domain's enums: values are stable English, stored and shown in JSON and CSV."""

from __future__ import annotations

from enum import StrEnum

# --- enums (values are stable English: they are stored and appear in JSON/CSV) ----------------

class Frequency(StrEnum):
    WEEKLY = "weekly"
    BIWEEKLY = "biweekly"
    MONTHLY = "monthly"
    SIX_PER_YEAR = "six-per-year"
    QUARTERLY = "quarterly"
    TWICE_YEARLY = "twice-yearly"
    AD_HOC = "ad-hoc"


class ItemKind(StrEnum):
    TEXT = "text"
    OPENING = "opening"  # the chair opens the meeting (its chair and start)
    ATTENDANCE = "attendance"
    OFFICERS = "officers"  # the secretary and adjuster chosen (the meeting's own details)
    FOLLOWUP = "followup"
    SITUATION = "situation"
    ACTIONS = "actions"
    PRIORITIES = "priorities"
    NEXT = "next"
    ROLLUP = "rollup"  # every operative group's measures, green / yellow / red (styrgrupp)
    PROPOSALS = "proposals"  # measures proposed to a body above, and those proposed to this one

    AGREEMENTS = "agreements"  # medborgarlöften and samverkansöverenskommelser in force
    CLOSING = "closing"  # the chair closes the meeting (its chair and end)


class DocumentType(StrEnum):
    NOTES = "minnesanteckningar"
    PROTOCOL = "protokoll"


class Language(StrEnum):
    SV = "sv"
    EN = "en"


class MeetingStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class Presence(StrEnum):
    PRESENT = "present"
    ABSENT = "absent"
    GUEST = "guest"  # adjungerad: co-opted, no vote


class Trend(StrEnum):
    NEW = "new"
    RISING = "rising"
    UNCHANGED = "unchanged"
    FALLING = "falling"


class ObservationStatus(StrEnum):
    OPEN = "open"
    WATCHED = "watched"
    HANDLED = "handled"  # åtgärdat: the problem is solved
    DISMISSED = "dismissed"  # avskrivet: no longer followed, unsolved

    @property
    def carries_over(self) -> bool:
        """Open and watched problems come along to the next meeting; closed ones end here."""
        return self in (ObservationStatus.OPEN, ObservationStatus.WATCHED)


class Dimension(StrEnum):
    """The problem triangle (brottstriangeln): who offends, who or what is hit, where."""

    OFFENDER = "offender"
    TARGET = "target"
    PLACE = "place"


class Controller(StrEnum):
    """The outer triangle: who could control each side."""

    HANDLER = "handler"
    GUARDIAN = "guardian"
    MANAGER = "manager"


class MeasureStatus(StrEnum):
    NOT_STARTED = "not_started"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"

    @property
    def is_open(self) -> bool:
        return self in (MeasureStatus.NOT_STARTED, MeasureStatus.IN_PROGRESS)


class ReportState(StrEnum):
    """What a group's meeting did with an observation reported to it between meetings."""

    WAITING = ""  # not yet taken up: it stands in the next meeting's lägesbild
    ACCEPTED = "accepted"  # it became an observation of the meeting
    MERGED = "merged"  # it went into a problem the meeting already had
    REJECTED = "rejected"  # kept, with the reason, out of the minutes' lägesbild


class ProposalState(StrEnum):
    """A measure proposed to a body above the group (KLG, styrgruppen, kommunstyrelsen)."""

    NONE = ""  # not a proposal: the group decided it itself
    PROPOSED = "proposed"
    DECIDED = "decided"  # the body decided it: a measure like any other from then on
    REJECTED = "rejected"


class AgreementKind(StrEnum):
    MEDBORGARLOFTE = "medborgarlofte"
    SAMVERKAN = "samverkan"  # samverkansöverenskommelse


class MeasureType(StrEnum):
    SITUATIONAL = "situational"
    SOCIAL = "social"


class PreventionLevel(StrEnum):
    """Whom a measure reaches: everyone (universell), a group at risk (selektiv) or people
    already involved (indikerad prevention); UNSAID until someone says."""

    UNSAID = ""
    UNIVERSAL = "universal"
    SELECTIVE = "selective"
    INDICATED = "indicated"


class ProvenMethod(StrEnum):
    """Whether a measure's method is tested or evaluated (beprövad eller utvärderad metod)."""

    YES = "yes"
    NO = "no"
    UNKNOWN = "unknown"


class CauseBasis(StrEnum):
    """What a cause rests on: an assumption (antagande) or data (stöds av data); UNSAID until
    someone says."""

    UNSAID = ""
    ASSUMPTION = "assumption"
    DATA = "data"


