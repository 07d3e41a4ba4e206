"""Form building blocks: a labelled field with its message beside it, and a dialog that checks
its model on every change and saves through a service before it closes.

Keys in a form do what its hint says: Enter saves from any field but a TextArea (a new line
there; Ctrl+S saves) or a field a dialog keeps Enter for; Tab takes a completion shown in grey
and moves on (the one-line field itself is in `form_input.py`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date
from typing import Any, ClassVar, Generic, TypeVar

from pydantic import BaseModel, ValidationError
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from meetingtui.dates import (
    DateError,
    TimeSpanError,
    parse_date,
    parse_time_span,
    say_day,
    say_span,
)
from meetingtui.i18n import language, t, validation_message
from meetingtui.ui.errors import Failed, attempt_showing_conflicts, saved
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.form_input import FormInput
from meetingtui.ui.widgets.form_input import suggester_for as suggester_for
from meetingtui.ui.widgets.form_input import text_input as text_input
from meetingtui.ui.widgets.personal_data import personal_data_message

M = TypeVar("M")


class FieldProblem(Exception):
    """A field's text that cannot become a value (a date, a time), in the user's words."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


class FieldMessage(Static):
    """The line under a field: its validation error or else what it understood the text as
    ("→ ons 14 okt 2026", dim), and a warning about a personal identity number in it (one line
    each). Hidden while there is nothing to say."""

    def __init__(self, name: str, warning: str) -> None:
        super().__init__(_message("", warning, ""), id=f"message-{name}",
                         classes="field-message")
        self.error = ""
        self.warning = warning
        self.understood = ""
        self.display = bool(warning)

    def show(self, *, error: str | None = None, warning: str | None = None,
             understood: str | None = None) -> None:
        """Change what is said (None: as before); redrawn (and laid out) only if it changed."""
        error = self.error if error is None else error
        warning = self.warning if warning is None else warning
        understood = self.understood if understood is None else understood
        if (error, warning, understood) == (self.error, self.warning, self.understood):
            return
        self.error, self.warning, self.understood = error, warning, understood
        self.update(_message(error, warning, understood))
        self.display = bool(error or warning or understood)


def _message(error: str, warning: str, understood: str) -> Content:
    parts: list[str | tuple[str, str]] = []
    if error:
        parts.append((f"⚠ {error}", "$error bold"))
    elif understood:  # an error says the text was not understood: never both
        parts.append((understood, "$foreground-muted"))
    if warning:
        parts += ["\n"] if parts else []
        parts.append((f"⚠ {warning}", "$warning bold"))
    return Content.assemble(*parts)


class FieldRow(Widget):
    """`Label  [widget]` on one line and the field's message under both when there is one.

    Three widgets and the field, laid out by one grid: every widget in a form is styled (with
    a node per component class of each Input) and laid out when the form opens, so a form of
    nine fields opens in about half the time it took with a row, a line and two message
    widgets per field."""

    DEFAULT_CSS = """
    FieldRow {
        layout: grid; grid-size: 2; grid-columns: 15 1fr; grid-rows: auto;
        height: auto;
    }
    FieldRow > .field-label { width: 15; padding-right: 1; }
    FieldRow > .field-message { column-span: 2; padding-left: 15; height: auto; }
    FieldRow.-invalid > .field-label { color: $error; text-style: bold; }
    """

    def __init__(self, name: str, label: str, widget: Widget) -> None:
        super().__init__(classes="field-row", id=f"row-{name}")
        self.field_name = name
        self.label = label
        self.widget = widget
        self.opened_with = _text(widget)
        self.edited = False  # what the text is understood as is said once the user changed it

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield self.widget
        # Known before the first frame: an edited record's number is warned about at once.
        yield FieldMessage(self.field_name, personal_data_message(_text(self.widget)))

    # Not stopped: the dialog validates on the same messages.
    @on(Input.Changed)
    def _input_changed(self, event: Input.Changed) -> None:
        if event.input is self.widget:
            # An Input sends Changed as it mounts with an edited record's value: not an edit.
            self.edited = self.edited or event.value != self.opened_with
            echo = self.widget.echo if isinstance(self.widget, FormInput) else None
            self.message.show(warning=personal_data_message(event.value),
                              understood=echo(event.value) if echo and self.edited else None)

    @on(TextArea.Changed)
    def _area_changed(self, event: TextArea.Changed) -> None:
        if event.text_area is self.widget:
            self._check_personal_data(event.text_area.text)

    def _check_personal_data(self, text: str) -> None:
        self.message.show(warning=personal_data_message(text))

    def reopen(self) -> None:
        """As a row of a form just opened with the value its field now holds: no error, the
        warning about that value, nothing said about how it was understood until it is edited."""
        self.opened_with, self.edited = _text(self.widget), False
        self.show_error(None)
        self.message.show(warning=personal_data_message(self.opened_with), understood="")

    @property
    def message(self) -> FieldMessage:
        return self.query_one(FieldMessage)

    shown: str | None = None

    def show_error(self, message: str | None) -> None:
        """Show (or clear) the error; nothing happens if it is already shown (no relayout)."""
        if message == self.shown:
            return
        self.shown = message
        self.message.show(error=message or "")
        self.set_class(bool(message), "-invalid")


def _text(widget: Widget) -> str:
    if isinstance(widget, Input):
        return widget.value
    if isinstance(widget, TextArea):
        return widget.text
    return ""


def date_text(text: str, today: date, field: str, *, required: bool = True) -> date | None:
    """A typed date, or a FieldProblem with an example of what works."""
    if not text.strip():
        if required:
            raise FieldProblem(field, t("error.date_missing"))
        return None
    try:
        return parse_date(text, today)
    except DateError:
        raise FieldProblem(field, t("error.date")) from None


def date_echo(text: str, today: date) -> str:
    """The date a date field's text is understood as, to show under it: "→ ons 14 okt 2026"
    ("→ Wed 14 Oct 2026" in English), or "" while it is empty or not a date. A form gets it with
    `text_input(..., echo=lambda text: date_echo(text, today))`; other code (an item pane) may
    do the same in a `FieldRow`, or call it and show the line itself."""
    if not text.strip():
        return ""
    try:
        return f"→ {say_day(parse_date(text, today), language())}"
    except DateError:
        return ""


def time_echo(text: str) -> str:
    """The same for a time or a span: "→ 13.00–14.30" ("→ 13:00–14:30" in English)."""
    if not text.strip():
        return ""
    try:
        return f"→ {say_span(*parse_time_span(text), language())}"
    except TimeSpanError:
        return ""


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
            yield Static(t("form.hint_text_area" if multiline else "form.hint"),
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
