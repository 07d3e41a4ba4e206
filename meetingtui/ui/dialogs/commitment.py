"""Add or correct what a party of an agreement commits to: the party, what, who (ansvarig), by
when. Its status is not here: the agreements item's keys set it."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from textual import on
from textual.widgets import Input

from meetingtui.i18n import t
from meetingtui.model import Commitment
from meetingtui.ui.widgets.field_row import FieldRow, date_echo, date_text
from meetingtui.ui.widgets.form import FormDialog, text_input
from meetingtui.ui.widgets.owner_organisation import OwnerOrganisation


class CommitmentDialog(FormDialog[Commitment]):
    def __init__(self, agreement_id: int, title: str, parties: list[str],
                 people: Mapping[str, str],
                 today: date, save: Callable[[Commitment, Commitment | None], Commitment],
                 commitment: Commitment | None = None) -> None:
        """``people``: the owners to suggest, each with their organisation (`known_people`);
        ``commitment``: the one to correct (the save names it as read); None for a new one."""
        super().__init__(save, commitment)
        self.agreement_id = agreement_id
        self.parties = parties
        self.people = list(people)
        self.organisation = OwnerOrganisation(people, commitment.owner if commitment else "")
        self.today = today
        self.commitment = commitment
        self.title = t("agreements.commitment_edit" if commitment is not None
                       else "agreements.commitment_new", title=title)

    def rows(self) -> Iterable[FieldRow]:
        c = self.commitment
        yield FieldRow("party", t("agreements.party"),
                       text_input(c.party if c else "", id="party", suggestions=self.parties,
                                  placeholder=", ".join(self.parties[:2])))
        yield FieldRow("text", t("agreements.commitment"),
                       text_input(c.text if c else "", id="text"))
        yield FieldRow("owner", t("measure.owner"),
                       text_input(c.owner if c else "", id="owner", suggestions=self.people,
                                  placeholder=t("measure.owner_hint")))
        yield FieldRow("organisation", t("measure.owner_org"),
                       text_input(c.organisation if c else "", id="organisation"))
        yield FieldRow("due", t("measure.due"),
                       text_input(c.due.isoformat() if c and c.due else "", id="due",
                                  placeholder=t("form.date_example"),
                                  echo=lambda text: date_echo(text, self.today)))

    @on(Input.Changed, "#owner")
    def _owner_typed(self, event: Input.Changed) -> None:
        self.organisation.follow(event.value, self.query_one("#organisation", Input))

    def build(self) -> Commitment:
        if not "".join(self.value("owner").split()):
            # Said for a commitment: the model's own words speak of a measure.
            self.problems["owner"] = t("agreements.invalid_owner_missing")
        due_text = self.value("due")
        due = self.parsed(lambda: date_text(due_text, self.today, "due", required=False))
        typed = {"party": self.value("party"), "text": self.value("text"),
                 "owner": self.value("owner"), "organisation": self.value("organisation"),
                 "due": due}
        if self.commitment is not None:
            return Commitment.model_validate({**self.commitment.model_dump(), **typed})
        return Commitment(agreement_id=self.agreement_id, **typed)
