"""A labelled field with its message beside it (an error in red, a warning, what a date or a
time is understood as), and the helpers that read a typed date for a form."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Static, TextArea

from meetingtui.dates import (
    DateError,
    TimeSpanError,
    parse_date,
    parse_time_span,
    say_day,
    say_month,
    say_span,
)
from meetingtui.i18n import language, t
from meetingtui.ui.widgets.form_input import FormInput
from meetingtui.ui.widgets.personal_data import personal_data_message


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
        layout: grid; grid-size: 2; grid-columns: 17 1fr; grid-rows: auto;
        height: auto;
    }
    FieldRow > .field-label { width: 17; padding-right: 1; }  /* "Problemtriangeln" whole */
    FieldRow > .field-message { column-span: 2; padding-left: 17; height: auto; }
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
    except DateError as error:
        if error.missing is not None:  # "31/2": the form was right, the day is not there
            year, month, day = error.missing
            raise FieldProblem(field, t("error.no_such_day", day=day, year=year,
                                        month=say_month(month, language()),
                                        days=error.days_in_month)) from None
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
