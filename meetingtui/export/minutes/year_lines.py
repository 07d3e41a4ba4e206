"""What the minutes say of the year's work beyond the meeting: the proposals a group made to a
body above and what that body did with them (issue 16 §3), the roll-up of the groups below (§2)
and the agreements followed up (§4). Part of `content.Minutes`, apart because it is its own
subject; plain strings, as the rest.
"""

from __future__ import annotations

from meetingtui.export.clean import one_line
from meetingtui.export.minutes.labels import Labels, format_date, word
from meetingtui.model import AgreementDetail, Commitment, Measure, MeetingRecord


class YearLines:
    """The lines; `Minutes` gives them its record (the public view when ``public``) and labels."""

    record: MeetingRecord
    public: bool
    labels: Labels

    @staticmethod
    def owner(measure: Measure) -> str:
        """"Eva Lund, Polisen": here because these lines name owners too; every row uses it."""
        org = one_line(measure.owner_org)
        return f"{one_line(measure.owner)}, {org}" if org else one_line(measure.owner)

    def agreement_head(self, detail: AgreementDetail) -> str:
        """"Medborgarlöfte: Tryggare Centrum (2026-01-01 – 2026-12-31)"."""
        a = detail.agreement
        return (f"{one_line(a.heading(word(self.labels, a.kind)))} "
                f"({format_date(a.period_start)} – {format_date(a.period_end)})")

    def parties(self, detail: AgreementDetail) -> str:
        """"Parter: Herrljunga kommun, LPO Alingsås", or "" when none is named."""
        named = [one_line(p) for p in detail.agreement.parties.splitlines() if one_line(p)]
        return f"{self.labels['parties']}: {', '.join(named)}" if named else ""

    @staticmethod
    def commitment_owner(commitment: Commitment) -> str:
        org = one_line(commitment.organisation)
        owner = one_line(commitment.owner)
        return f"{owner}, {org}" if org else owner

    def commitment_status(self, commitment: Commitment) -> str:
        """"pågående (försenad)": as of the meeting, late when its due date had passed."""
        text = word(self.labels, commitment.status)
        if commitment.overdue(self.record.meeting.date):
            text += f" ({self.labels['overdue']})"
        return text

    # --- proposals (issue 16 §3) ---------------------------------------------------------------

    def _shown(self, measures: list[Measure]) -> list[Measure]:
        """A confidential problem's proposals never stand in public minutes."""
        return [m for m in measures if not (self.public and m.confidential)]

    def addresses(self, measure: Measure) -> str:
        """"Riktas mot orsakerna: Olåsta cykelrum; Köpare från grannkommuner", or "" when the
        measure addresses no cause (that these minutes may show)."""
        texts = [one_line(self.record.addressed[cause_id].text) for cause_id in measure.cause_ids
                 if cause_id in self.record.addressed]
        if not texts:
            return ""
        lead = self.labels["addresses_one" if len(texts) == 1 else "addresses_other"]
        return f"{lead}: {'; '.join(texts)}"

    def proposals_made(self) -> list[str]:
        """"Föreslås: Trygghetsvandring i Centrum (till KLG). Ansvarig: Eva Lund, klart senast
        2026-11-30. Riktas mot orsaken: …": what the meeting proposed, worded as a proposal,
        never as a decision."""
        found = self.record.proposals
        if found is None:
            return []
        labels = self.labels
        lines = []
        for m in self._shown(found.made):
            to = labels["proposed_to"].format(body=one_line(m.proposed_to))
            parts = [f"{labels['owner']}: {self.owner(m)}"]
            if m.due is not None:
                parts.append(f"{labels['due'].lower()} {format_date(m.due)}")
            mark = f" {labels['confidential_mark']}" if m.confidential else ""
            causes = self.addresses(m)
            lines.append(f"{labels['proposed']}: {one_line(m.text)} ({to}). "
                         f"{', '.join(parts)}{mark}" + (f". {causes}" if causes else ""))
        return lines

    def proposals_received(self) -> list[str]:
        """"Trygghetsvandring i Centrum (från Beredningsgrupp; Ansvarig: Eva Lund): beslutat
        2026-10-14" or "avslaget 2026-10-14. Skäl: …": what the body did with each."""
        found = self.record.proposals
        if found is None:
            return []
        labels = self.labels
        lines = []
        for m in self._shown(found.received):
            group = one_line(found.origins.get(m.id or 0, ""))
            origin = labels["proposal_from"].format(group=group)
            day = format_date(m.proposal_decided_on) if m.proposal_decided_on else ""
            if m.proposal.value == "decided":
                said = labels["proposal_decided"].format(day=day)
            elif m.proposal.value == "rejected":
                said = labels["proposal_rejected"].format(day=day)
                if one_line(m.proposal_reason):
                    said += f". {labels['why']}: {one_line(m.proposal_reason)}"
            else:
                said = labels["proposal_waiting"]
            mark = f" {labels['confidential_mark']}" if m.confidential and not self.public else ""
            lines.append(f"{one_line(m.text)} ({origin}; {labels['owner']}: {self.owner(m)}): "
                         f"{said}{mark}")
        return lines

    def proposals_heading(self) -> str:
        return self.labels["proposals_received"].format(body=one_line(self.record.group.short))

    # --- roll-up (issue 16 §2) -----------------------------------------------------------------

    def rollup_headers(self) -> list[str]:
        return [self.labels[k] for k in ("group", "rollup_area", "green", "yellow", "red",
                                         "cancelled_count")]

    def rollup_rows(self) -> list[list[str]]:
        """One row per group and area, and a last row with the totals."""
        rollup = self.record.rollup
        if rollup is None:
            return []
        rows = [[one_line(r.group), one_line(r.area) or self.labels["no_area"], str(r.green),
                 str(r.yellow), str(r.red), str(r.cancelled)] for r in rollup.rows]
        if rows:
            totals = [sum(getattr(r, k) for r in rollup.rows)
                      for k in ("green", "yellow", "red", "cancelled")]
            rows.append([self.labels["total"], "", *map(str, totals)])
        return rows

    def rollup_note(self) -> str:
        rollup = self.record.rollup
        return "" if rollup is None else self.labels["rollup_as_of"].format(
            day=format_date(rollup.day))

    def rollup_late(self) -> list[str]:
        """"Sanera klottret (Anna Berg, Polisen; EST, Centrum): klart senast 2026-05-01": the
        overdue measures; a confidential one counted, its text and owner in no minutes (they
        belong to the group that made it: `services.rollup`)."""
        rollup = self.record.rollup
        if rollup is None:
            return []
        lines = []
        for late in rollup.late:
            secret = late.confidential
            text = self.labels["rollup_secret"] if secret else one_line(late.text)
            where = ", ".join(p for p in (one_line(late.group), one_line(late.area)) if p)
            who = "" if secret else f"{one_line(late.owner)}; "
            lines.append(f"{text} ({who}{where}): {self.labels['due'].lower()} "
                         f"{format_date(late.due)}")
        return lines
