"""Add what a party of an agreement commits to: the party, what, who (ansvarig), by when."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from meetingtui.i18n import t
from meetingtui.model import Commitment
from meetingtui.ui.widgets.field_row import FieldRow, date_echo, date_text
from meetingtui.ui.widgets.form import FormDialog, text_input


class CommitmentDialog(FormDialog[Commitment]):
    def __init__(self, agreement_id: int, title: str, parties: list[str], people: list[str],
                 today: date, save: Callable[[Commitment, Commitment | None], Commitment]) -> None:
        super().__init__(save)
        self.agreement_id = agreement_id
        self.parties = parties
        self.people = people
        self.today = today
        self.title = t("agreements.commitment_new", title=title)

    def rows(self) -> Iterable[FieldRow]:
        yield FieldRow("party", t("agreements.party"),
                       text_input(id="party", suggestions=self.parties,
                                  placeholder=", ".join(self.parties[:2])))
        yield FieldRow("text", t("agreements.commitment"), text_input(id="text"))
        yield FieldRow("owner", t("measure.owner"),
                       text_input(id="owner", suggestions=self.people,
                                  placeholder=t("measure.owner_hint")))
        yield FieldRow("organisation", t("measure.owner_org"), text_input(id="organisation"))
        yield FieldRow("due", t("measure.due"),
                       text_input(id="due", placeholder=t("form.date_example"),
                                  echo=lambda text: date_echo(text, self.today)))

    def build(self) -> Commitment:
        if not "".join(self.value("owner").split()):
            # Said for a commitment: the model's own words speak of a measure.
            self.problems["owner"] = t("agreements.invalid_owner_missing")
        due_text = self.value("due")
        due = self.parsed(lambda: date_text(due_text, self.today, "due", required=False))
        return Commitment(agreement_id=self.agreement_id, party=self.value("party"),
                          text=self.value("text"), owner=self.value("owner"),
                          organisation=self.value("organisation"), due=due)
