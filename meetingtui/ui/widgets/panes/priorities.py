"""A `priorities` item: the three focus areas this meeting chooses for the coming quarter (EST
picks three each quarter: the areas in most need and with the best chance of effect, seed 001),
beside the figures they are chosen from: problems per area in the group's lägesbild over the
last four quarters, with the trend the group last gave them.

Arriving here never puts the cursor in a field: `e` or Enter enters the first one, Enter in a
field saves it and moves on, `k` enters the quarter (←/→ change it), Esc leaves (issue 12 §1).
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Input, Static

from meetingtui.dates import quarter_of
from meetingtui.i18n import t
from meetingtui.model import AgendaItem, Priority
from meetingtui.services import priorities
from meetingtui.ui.errors import Failed, attempt
from meetingtui.ui.timing import fit
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.figures import trend_marks
from meetingtui.ui.widgets.form import text_input
from meetingtui.ui.widgets.panes.base import DecisionLine, ItemPane

COUNT = 3
#: Below this width the figures go under the fields instead of beside them.
SIDE_BY_SIDE = 90
#: The figures' title, legend and column heads.
HEAD_LINES = 3


class PrioritiesPane(ItemPane):
    DEFAULT_CSS = """
    PrioritiesPane #priorities-body { height: 1fr; layout: horizontal; }
    PrioritiesPane.-narrow #priorities-body { layout: vertical; }
    PrioritiesPane #priorities-fields { width: 1fr; max-width: 42; height: auto; }
    PrioritiesPane.-narrow #priorities-fields { max-width: 100%; }
    PrioritiesPane AreaTable { width: 1fr; height: 1fr; padding: 0 1; }
    PrioritiesPane.-narrow AreaTable { margin-top: 1; }
    PrioritiesPane #priorities-in-force { padding: 0 1; height: auto; }
    PrioritiesPane #save-state { height: auto; }
    """
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("e", "edit_fields", t("priorities_extra.edit"), id="priorities.edit"),
        Binding("enter", "edit_fields", t("priorities_extra.edit"), id="priorities.enter",
                show=False),
        Binding("k", "edit_quarter", t("priorities_extra.quarter_key"),
                id="priorities.quarter", tooltip=t("priorities_extra.quarter_help")),
    ]
    EDIT_ACTIONS = frozenset({"edit_fields", "edit_quarter", "decision"})

    def compose(self) -> ComposeResult:
        ws, meeting = self.session.ws, self.session.meeting
        self.stored = self._stored()
        self.stored_quarter = priorities.chosen_quarter(ws, self.session.meeting_id)
        self.areas = priorities.area_names(ws, self.session.meeting_id)
        titles = [*self.stored, "", "", ""][:COUNT]
        yield Static(t("priorities.intro"), classes="guidance")
        with Horizontal(id="priorities-body"):
            with Vertical(id="priorities-fields"):
                choices = priorities.quarter_choices(meeting.date)
                if self.stored_quarter not in choices:
                    choices.insert(0, self.stored_quarter)
                quarter = Choice([(q, q) for q in choices], self.stored_quarter,
                                 id="priority-quarter")
                quarter.disabled = self.session.readonly
                yield FieldRow("priority-quarter", t("priorities_extra.quarter"), quarter)
                yield Static(self._in_force(), id="priorities-in-force")
                for number, title in enumerate(titles, start=1):
                    field = text_input(title, id=f"priority-{number}", suggestions=self.areas,
                                       echo=self._echo)
                    field.disabled = self.session.readonly
                    yield FieldRow(f"priority-{number}", f"{number}.", field)
                yield Static("", id="save-state", classes="save-state")
                if not self.session.readonly:
                    yield Static(t("priorities_extra.hint"), classes="hint")
            yield AreaTable(id="priorities-figures")
        yield DecisionLine()

    def on_mount(self) -> None:
        self.show_item(self.item)
        self._show_figures()

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < SIDE_BY_SIDE, "-narrow")

    def refresh_data(self, item: AgendaItem) -> bool:
        stored = self._stored()
        quarter = priorities.chosen_quarter(self.session.ws, self.session.meeting_id)
        if (stored, quarter) != (self.stored, self.stored_quarter) and not self.editing():
            self._fill(stored, quarter)
        self.areas = priorities.area_names(self.session.ws, self.session.meeting_id)
        self.query_one("#priorities-in-force", Static).update(self._in_force())
        self._show_figures()
        self.show_item(item)
        return True

    def _stored(self) -> list[str]:
        return [p.title for p in priorities.priorities_for_meeting(
            self.session.ws, self.session.meeting_id)]

    def _in_force(self) -> str:
        """The priorities chosen earlier for this meeting's own quarter."""
        own = quarter_of(self.session.meeting.date)
        chosen = [p.title for p in priorities.in_force(self.session.ws,
                                                       self.session.meeting_id)]
        if not chosen:
            return t("priorities_extra.none_in_force", quarter=own)
        return t("priorities_extra.in_force", quarter=own, titles=" · ".join(chosen))

    def _echo(self, text: str) -> str:
        """Under a field as it is typed: the area it links to, or that it is free text."""
        if not text.strip():
            return ""
        area = priorities.linked_area(text, self.areas)
        return (t("priorities_extra.linked", area=area) if area is not None
                else t("priorities_extra.free_text"))

    def _show_figures(self) -> None:
        try:
            figures = attempt(self.app, priorities.figures_for, self.session.ws,
                              self.session.meeting_id)
        except Failed:
            return
        self.query_one(AreaTable).show(figures, self.titles())

    def _fill(self, stored: list[str], quarter: str) -> None:
        self.stored, self.stored_quarter = stored, quarter
        with self.prevent(Input.Changed, Choice.Changed):
            for number, title in enumerate([*stored, "", "", ""][:COUNT], start=1):
                self.query_one(f"#priority-{number}", Input).value = title
            self.query_one("#priority-quarter", Choice).select(quarter)

    def action_edit_fields(self) -> None:
        self.query_one("#priority-1", Input).focus()

    def action_edit_quarter(self) -> None:
        self.query_one("#priority-quarter", Choice).focus()

    def titles(self) -> list[str]:
        return [self.query_one(f"#priority-{n}", Input).value for n in range(1, COUNT + 1)]

    def quarter(self) -> str:
        return str(self.query_one("#priority-quarter", Choice).value)

    @on(Input.Changed)
    def _check(self, event: Input.Changed) -> None:
        row = self.query_one(f"#row-{event.input.id}", FieldRow)
        try:
            if event.value.strip():
                Priority(meeting_id=0, position=1, title=event.value)
            row.show_error(None)
        except ValueError as error:
            from pydantic import ValidationError

            from meetingtui.i18n import validation_message

            if isinstance(error, ValidationError):
                first = error.errors()[0]
                row.show_error(validation_message(first["type"], first["msg"], first.get("ctx")))

    @on(Choice.Changed, "#priority-quarter")
    def _quarter_changed(self, event: Choice.Changed) -> None:
        event.stop()
        self.flush()

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        if not self.flush():
            return
        number = int((event.input.id or "priority-3").rsplit("-", 1)[1])
        if number < COUNT:
            self.query_one(f"#priority-{number + 1}").focus()
        else:
            self.focus()  # done: n/p move on again

    def on_descendant_blur(self, event: events.DescendantBlur) -> None:
        self.flush()

    def flush(self) -> bool:
        if self.session.readonly or not self.is_mounted:
            return True
        wanted = [w for w in (" ".join(title.split()) for title in self.titles()) if w]
        quarter = self.quarter()
        if (wanted, quarter) == (self.stored, self.stored_quarter) or not (wanted
                                                                          or self.stored):
            return True  # nothing new; a quarter with no areas yet is kept on the screen
        try:
            stored = attempt(self.app, priorities.set_priorities, self.session.ws,
                             self.session.meeting_id, wanted, base=self.stored,
                             quarter=quarter, base_quarter=self.stored_quarter)
        except Failed:
            return False
        except priorities.PrioritiesChanged as changed:
            self.app.notify(t("priorities_extra.changed"), severity="warning", timeout=10)
            self._fill(changed.theirs, changed.quarter or self.stored_quarter)
            return False
        self.stored, self.stored_quarter = [p.title for p in stored], quarter
        self.mark_current()
        self.query_one("#save-state", Static).update(
            t("text.saved_at", time=self.session.now().strftime("%H:%M")))
        self._show_figures()
        return True


class AreaTable(Widget):
    """The figures, laid out for the room they get (beside the fields or under them): as many
    areas as fit, the most problems first, and how many more there are."""

    def __init__(self, *, id: str) -> None:
        super().__init__(id=id)
        self.figures: priorities.AreaFigures | None = None
        self.titles: list[str] = []

    def show(self, figures: priorities.AreaFigures, titles: list[str]) -> None:
        self.figures, self.titles = figures, titles
        self.refresh(layout=True)

    def render(self) -> Text:
        if self.figures is None:
            return Text()
        return figures_text(self.figures, self.titles, max(self.content_size.width, 30),
                            max(self.content_size.height - HEAD_LINES, 1))


def figures_text(figures: priorities.AreaFigures, titles: list[str], width: int,
                 lines: int) -> Text:
    """Problems per area and quarter, and the trend of the latest quarter ("↑2 ↓1 +1"), in
    `lines` lines under the heads; the areas the fields name marked with their number."""
    text = Text()
    text.append(t("priorities_extra.figures_title", first=figures.quarters[0],
                  last=figures.quarters[-1]) + "\n", style="bold")
    text.append(t("priorities_extra.figures_legend") + "\n", style="dim")
    if not figures.areas:
        text.append(t("priorities_extra.no_figures"))
        return text
    numbers = " ".join(f"{q[-2:]:>3}" for q in figures.quarters)
    trend_head = t("priorities_extra.trend")
    # The mark, the name, the counts and the trend ("+1 ↑1 →1 ↓1" at the most) on one line.
    name_width = max(width - 2 - 1 - len(numbers) - 2 - max(11, len(trend_head)), 10)
    text.append(f"{'':2}{fit(t('stats.name_area'), name_width):<{name_width}} {numbers}  "
                f"{trend_head}\n", style="dim")
    chosen = {(priorities.linked_area(title, [a.area for a in figures.areas]) or "").casefold():
              number for number, title in enumerate(titles, start=1) if title.strip()}
    most = len(figures.areas) if len(figures.areas) <= lines else max(lines - 1, 0)
    for line in figures.areas[:most]:
        mark = chosen.get(line.area.casefold())
        counts = " ".join(f"{n:>3}" for n in line.problems)
        trend = trend_marks(line.latest)
        row = f"{mark or '':<2}{fit(line.area, name_width):<{name_width}} {counts}  {trend}"
        text.append(row + "\n", style="bold" if mark else "")
    if len(figures.areas) > most:
        text.append(t("priorities_extra.more_areas", count=len(figures.areas) - most),
                    style="dim")
    return text
