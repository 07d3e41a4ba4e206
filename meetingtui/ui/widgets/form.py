"""A dialog that checks its model on every change and saves through a service before it closes
(its labelled fields are `field_row.FieldRow`s).

Keys in a form do what its hint says: Enter saves from any field but a TextArea (a new line
there; Ctrl+S saves) or a field a dialog keeps Enter for; Tab takes a completion shown in grey
and moves on (the one-line field itself is in `form_input.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from meetingtui.i18n import t, validation_message
from meetingtui.ui.errors import Failed, attempt_showing_conflicts, saved
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldProblem, FieldRow
from meetingtui.ui.widgets.form_input import suggester_for as suggester_for
from meetingtui.ui.widgets.form_input import text_input as text_input

M = TypeVar("M")


class FormDialog(ModalScreen[M | None], Generic[M]):
    """Subclasses give `title`, `rows()` and `build()`; `save` is the service call."""

    # The keys are acted on as the app reads them, not after they have gone down to the field
    # and back up through the form: a key typed straight after them then reaches the screen
    # below, instead of the field of a form that is closing. The same keys without priority
    # are the way taken when keys typed before them have not reached the field yet.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "now('cancel')", t("common.cancel"), id="form.cancel", priority=True),
        Binding("ctrl+s", "now('submit')", t("common.save"), id="form.save", priority=True),
        Binding("enter", "now('enter')", show=False, priority=True),
        Binding("escape", "cancel", show=False),
        Binding("ctrl+s", "submit", show=False),
        Binding("enter", "enter", show=False),  # an Input takes its own Enter first
    ]

    def __init__(self, save: Callable[[M, M | None], M], base: M | None = None) -> None:
        """`save(edited, base)` stores what the form made; `base` is the record as the form
        read it (None for a new one): the save names it, so that what another program saved
        meanwhile is never overwritten silently (a clash is shown: `ui.conflicts`)."""
        super().__init__(classes="form-dialog")
        self.save_with = save
        self.base = base
        self.touched: set[str] = set()
        self.submitted = False
        self.problems: dict[str, str] = {}
        self.general_shown = ""

    title: str = ""
    hint_key: str | None = None  # the hint line's catalogue key, where a form's keys differ

    def rows(self) -> Iterable[FieldRow]:
        raise NotImplementedError

    def build(self) -> M:
        """The model from the fields; raises ValidationError or FieldProblem."""
        raise NotImplementedError

    def compose(self) -> ComposeResult:
        rows = list(self.rows())
        # Enter makes a new line in a TextArea: such a form's hint says that Ctrl+S saves.
        multiline = any(isinstance(row.widget, TextArea) for row in rows)
        with Vertical(classes="form"):
            yield Static(self.title, classes="form-title")
            with VerticalScroll(classes="form-body", can_focus=False):
                yield from rows
            yield Static("", classes="form-error", id="form-error")
            yield Static(t(self.hint_key or ("form.hint_text_area" if multiline else "form.hint")),
                         classes="form-hint")

    def on_mount(self) -> None:
        start = self.first_field()
        if start is not None:
            start.focus()

    def refill(self, title: str, values: Mapping[str, Any]) -> None:
        """Show other values in the same fields, as a form just opened: untouched, no errors, the
        cursor in the first field. A dialog kept (installed) and shown again this way costs a
        third of one built anew, most of which was styling and laying out its widgets (issue 7).
        """
        self.title = title
        self.query_one(".form-title", Static).update(title)
        with self.prevent(Input.Changed, TextArea.Changed, Choice.Changed):
            for name, value in values.items():
                widget = self.query_one(f"#{name}")
                if isinstance(widget, Input):
                    widget.value = "" if value is None else str(value)
                    widget.cursor_position = len(widget.value)
                elif isinstance(widget, TextArea):
                    widget.text = "" if value is None else str(value)
                elif isinstance(widget, Choice):
                    widget.select(value)
        self.touched, self.submitted, self.problems = set(), False, {}
        for row in self.query(FieldRow):
            row.reopen()
        self.general_shown = ""
        self.query_one("#form-error", Static).update("")
        self.query_one(".form-body", VerticalScroll).scroll_home(animate=False)
        start = self.first_field()
        if start is not None:
            self.set_focus(start)

    def first_field(self) -> Widget | None:
        """Where the cursor starts: the first field, unless a dialog knows better."""
        rows = self.query(FieldRow)
        return rows.first().widget if rows else None

    def value(self, name: str) -> Any:
        widget = self.query_one(f"#{name}")
        if isinstance(widget, Input):
            return widget.value
        if isinstance(widget, TextArea):
            return widget.text
        if isinstance(widget, Choice):
            return widget.value
        raise TypeError(name)

    def parsed(self, parse: Callable[[], Any]) -> Any:
        """`parse()`'s value, or None with its FieldProblem kept for `check` to show."""
        try:
            return parse()
        except FieldProblem as problem:
            self.problems[problem.field] = problem.message
            return None

    def check(self) -> M | None:
        problems: dict[str, str] = {}
        model: M | None = None
        self.problems = {}
        try:
            model = self.build()
        except FieldProblem as problem:
            problems[problem.field] = problem.message
        except ValidationError as error:
            for detail in error.errors():
                name = str(detail["loc"][0]) if detail["loc"] else ""
                problems.setdefault(name, validation_message(
                    detail["type"], detail["msg"], detail.get("ctx")))
        if self.problems:
            problems.update(self.problems)
            model = None
        rows = {row.field_name: row for row in self.query(FieldRow)}
        general = []
        for name, message in problems.items():
            if name not in rows:
                general.append(message)
        for name, row in rows.items():
            shown = self.submitted or name in self.touched
            row.show_error(problems.get(name) if shown else None)
        general_text = "\n".join(general)
        if general_text != self.general_shown:
            self.general_shown = general_text
            self.query_one("#form-error", Static).update(general_text)
        return model

    def _touch(self, widget: Widget | None) -> None:
        if widget is not None and widget.id:
            self.touched.add(widget.id)
        self.check()

    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        self._touch(event.input)

    @on(Choice.Changed)
    def _choice_changed(self, event: Choice.Changed) -> None:
        self._touch(event.choice)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        self._touch(event.text_area)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_submit()

    def enter_saves(self, field: Widget) -> bool:
        """Whether Enter in `field` saves the form: in any field but a TextArea, where it makes
        a new line (a dialog may keep Enter for a field of its own)."""
        return not isinstance(field, TextArea)

    def action_now(self, what: str) -> None:
        field = self.focused
        if field is not None and field.message_queue_size:
            # Keys typed just before this one are still on their way to the field: they
            # must be in what is saved, so this key goes the usual way after them.
            raise SkipAction()
        if what == "cancel":
            self.action_cancel()
        elif what == "submit" or (field is not None and self.enter_saves(field)):
            self.action_submit()
        else:
            raise SkipAction()  # Enter belongs to the field

    def action_enter(self) -> None:
        """Enter that came after keys still on their way to a field that has no Enter of its
        own (a Choice): it saves, as it would have without them."""
        field = self.focused
        if field is None or not self.enter_saves(field):
            raise SkipAction()
        self.action_submit()

    def action_submit(self) -> None:
        self.submitted = True
        model = self.check()
        if model is None:
            invalid = self.query(".field-row.-invalid")
            if invalid:
                row = invalid.first(FieldRow)
                row.widget.focus()
            return
        self.save(model)

    def save(self, model: M) -> None:
        from meetingtui.services.errors import Conflict

        try:
            result = attempt_showing_conflicts(self.app, self.save_with, model, self.base)
        except Failed:
            return  # the message is shown; the user's input stays in the form
        except Conflict as conflict:
            self.clash(conflict)
            return
        saved(self.app)
        self.dismiss(result)

    def clash(self, conflict: Exception) -> None:
        """Another program saved a field this form changes: the user chooses, and the choice is
        saved on top of what the other program stored; "back" returns to the form."""
        from meetingtui.services.errors import Conflict
        from meetingtui.ui.conflicts import ask

        assert isinstance(conflict, Conflict)
        labels = {row.field_name: row.label for row in self.query(FieldRow)}

        def chosen(model: M) -> None:
            self.base = conflict.theirs  # type: ignore[assignment]
            self.save(model)

        ask(self.app, conflict, labels, chosen, lambda: None)

    def action_cancel(self) -> None:
        self.dismiss(None)


def validated(model: type[BaseModel], **values: Any) -> Any:
    """`model.model_validate(values)`; a helper so `build()` reads as one line per field."""
    return model.model_validate(values)
