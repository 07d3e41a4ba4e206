"""Add or edit a measure (åtgärd): what, who (ansvarig), by when, which kind of prevention, and
which of its problem's causes it should affect (any number of them, or none)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Static

from meetingtui.i18n import t
from meetingtui.model import (
    Cause,
    Measure,
    MeasureType,
    PreventionLevel,
    ProposalState,
    ProvenMethod,
)
from meetingtui.ui.labels import options
from meetingtui.ui.widgets.checklist import Checklist
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow, date_echo, date_text
from meetingtui.ui.widgets.form import FormDialog, suggester_for, text_input
from meetingtui.ui.widgets.owner_organisation import OwnerOrganisation


class CausePicker(Vertical):
    """The causes a measure may address, each chosen or not (`Checklist`); or a line saying why
    there are none to choose from."""

    DEFAULT_CSS = """
    CausePicker { height: auto; }
    CausePicker .causes-note { color: $text-muted; height: auto; }
    """

    def __init__(self) -> None:
        super().__init__(id="causes")

    def compose(self) -> ComposeResult:
        yield Checklist[int](id="cause_ids")
        yield Static("", id="causes-none", classes="causes-note")
        yield Static(t("measure_knowledge.causes_hint"), id="causes-hint", classes="causes-note")

    def show(self, measure: Measure, causes: list[Cause],
             places: Mapping[int, str] | None = None) -> None:
        """Offer `causes`, those the measure addresses chosen, each after the place it was seen
        when `places` (by observation id) has it; a measure decided outside the lägesbild, or on
        an observation without causes yet, is told why none are offered."""
        picker: Checklist[int] = self.query_one(Checklist)
        picker.offer([(_prompt(cause, measure, places or {}), cause.id) for cause in causes
                      if cause.id is not None], set(measure.cause_ids))
        note = self.query_one("#causes-none", Static)
        note.update("" if causes else _why_no_causes(measure))
        note.display = not causes
        picker.display = self.query_one("#causes-hint").display = bool(causes)

    @property
    def chosen(self) -> list[int]:
        return self.query_one(Checklist).selected


def _why_no_causes(measure: Measure) -> str:
    if _proposal(measure):  # made under the item for the body above, not on an observation
        return t("measure_knowledge.none_proposal", body=measure.proposed_to)
    if measure.observation_id is None:
        return t("measure_knowledge.none_outside")
    return t("measure_knowledge.none_yet")


def _proposal(measure: Measure) -> bool:
    """A proposal to a body above that the body has not decided: once decided it is a measure."""
    return bool(measure.proposed_to) and measure.proposal in (ProposalState.PROPOSED,
                                                              ProposalState.REJECTED)


def _title(measure: Measure) -> str:
    if _proposal(measure):
        return t("proposals.title_new" if measure.id is None else "proposals.title_edit",
                 body=measure.proposed_to)
    return t("measure.title_new" if measure.id is None else "measure.title_edit")


def _prompt(cause: Cause, measure: Measure, places: Mapping[int, str]) -> str:
    """The cause as the list shows it: after its place when causes of several problems are
    offered (a proposal), and found at an earlier appearance of the problem, it says so."""
    text = " ".join(cause.text.split())
    if cause.observation_id in places:
        text = f"{places[cause.observation_id]}: {text}"
    if measure.observation_id is not None and cause.observation_id != measure.observation_id:
        return f"{text} ({t('measure_knowledge.earlier')})"
    return text


class MeasureDialog(FormDialog[Measure]):
    def __init__(self, measure: Measure, people: Mapping[str, str], today: date,
                 save: Callable[[Measure, Measure | None], Measure],
                 causes: list[Cause] | None = None,
                 places: Mapping[int, str] | None = None) -> None:
        """`people`: the owners to suggest, each with their organisation (`known_people`);
        `causes`: those the measure may address (`lagesbild.causes_to_offer`; a proposal's
        `proposals.causes_to_offer`, with the `places` they were seen)."""
        super().__init__(save, measure if measure.id is not None else None)
        self.measure = measure
        self.people = list(people)
        self.organisation = OwnerOrganisation(people, measure.owner)
        self.today = today
        self.causes = causes or []
        self.places = places or {}
        self.title = _title(measure)

    def show(self, measure: Measure, people: Mapping[str, str], today: date,
             causes: list[Cause] | None = None, places: Mapping[int, str] | None = None) -> None:
        """The same form for another measure (or a new one): see FormDialog.refill."""
        self.measure, self.people, self.today = measure, list(people), today
        self.organisation = OwnerOrganisation(people, measure.owner)
        self.causes, self.places = causes or [], places or {}
        self.base = measure if measure.id is not None else None
        self.query_one("#owner", Input).suggester = suggester_for(self.people)
        self.query_one(CausePicker).show(measure, self.causes, self.places)
        self.refill(_title(measure),
                    {"text": measure.text, "owner": measure.owner, "owner_org": measure.owner_org,
                     "due": measure.due, "type": measure.type, "level": measure.level,
                     "method": measure.method})

    def rows(self) -> Iterable[FieldRow]:
        m = self.measure
        yield FieldRow("text", t("measure.text"), text_input(m.text, id="text"))
        yield FieldRow("owner", t("measure.owner"),
                       text_input(m.owner, id="owner", suggestions=self.people,
                                  placeholder=t("measure.owner_hint")))
        yield FieldRow("owner_org", t("measure.owner_org"),
                       text_input(m.owner_org, id="owner_org"))
        yield FieldRow("due", t("measure.due"),
                       text_input(m.due.isoformat() if m.due else "", id="due",
                                  placeholder=t("form.date_example"),
                                  echo=lambda text: date_echo(text, self.today)))
        yield FieldRow("type", t("measure.type"), Choice(options(MeasureType), m.type, id="type"))
        yield FieldRow("level", t("measure_knowledge.level"),
                       Choice(options(PreventionLevel), m.level, id="level"))
        yield FieldRow("method", t("measure_knowledge.method"),
                       Choice(options(ProvenMethod), m.method, id="method"))
        yield FieldRow("cause_ids", t("measure_knowledge.causes"), CausePicker())

    def on_mount(self) -> None:
        self.query_one(CausePicker).show(self.measure, self.causes, self.places)
        super().on_mount()

    @on(Input.Changed, "#owner")
    def _owner_typed(self, event: Input.Changed) -> None:
        self.organisation.follow(event.value, self.query_one("#owner_org", Input))

    def build(self) -> Measure:
        values = self.measure.model_dump()
        for name in ("text", "owner", "owner_org", "type", "level", "method"):
            values[name] = self.value(name)
        due_text = self.value("due")
        values["due"] = self.parsed(lambda: date_text(due_text, self.today, "due", required=False))
        # A cause not offered here (found later than this measure's meeting) stays as it was.
        offered = {cause.id: cause.observation_id for cause in self.causes}
        kept = [c for c in self.measure.cause_ids if c not in offered]
        chosen = self.query_one(CausePicker).chosen
        if (self.measure.observation_id is None and not self.measure.cause_ids
                and len({offered[c] for c in chosen if c in offered}) > 1):
            # A new proposal is offered every problem's causes (one observation each in a
            # meeting): a measure is against one problem.
            raise FieldProblem("cause_ids", t("measure_knowledge.one_problem"))
        values["cause_ids"] = [*kept, *chosen]
        return Measure.model_validate(values)
