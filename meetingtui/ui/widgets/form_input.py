"""A form's one-line field: Enter saves its form, Tab takes the completion shown in grey, a
paste keeps every line (joined by spaces), and it may say what its text was understood as.

`form.py` re-exports `text_input` and `suggester_for`: dialogs and panes build fields from there.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from textual import events
from textual.message import Message
from textual.suggester import Suggester
from textual.widgets import Input

_LINE_BREAKS = re.compile(r"\s*[\n\r\v\f\x1c-\x1e\x85\u2028\u2029]\s*")


def one_line(text: str) -> str:
    """Pasted text for a one-line field: every line kept, each line break (with the blanks
    around it) one space; breaks at either end are dropped."""
    return " ".join(part for part in _LINE_BREAKS.split(text) if part)


class FormInput(Input):
    """A form's one-line field.

    Enter saves its form at once, rather than by a message that travels up through the form
    while the keys typed after Enter still go to the form's field. Tab takes the completion
    shown in grey before it moves on (→ at the end takes it and stays, as in any Input). A
    paste keeps every line, joined by spaces (Input keeps only the first). `echo`, when given,
    says under the field what its text was understood as (see `date_echo`)."""

    class TakeSuggestion(Message):
        """Tab was pressed in this field: take the completion shown in grey. A message, not a
        key binding: the app moves the focus at once (see `MeetingApp.action_next_field`), and
        this reaches the field after the keys typed before Tab, so it completes what they
        typed."""

    echo: Callable[[str], str] | None = None

    async def action_submit(self) -> None:
        from meetingtui.ui.widgets.form import FormDialog  # which imports this module

        screen = self.screen
        if isinstance(screen, FormDialog) and screen.enter_saves(self):
            screen.action_submit()
        else:
            await super().action_submit()

    async def on_form_input_take_suggestion(self, message: TakeSuggestion) -> None:
        message.stop()
        suggestion = self._suggestion
        if self.suggester is not None and not suggestion.casefold().startswith(
                self.value.casefold()):
            # Keys that came in one burst with the Tab: the completion shown is not yet theirs.
            folded = self.value if self.suggester.case_sensitive else self.value.casefold()
            suggestion = await self.suggester.get_suggestion(folded) or ""
        if len(suggestion) > len(self.value):  # as Input.render_line decides to show it
            self.value = suggestion
            self.cursor_position = len(suggestion)

    def _on_paste(self, event: events.Paste) -> None:
        event.prevent_default()  # Input's own handler would insert the first line only
        event.stop()
        if event.text:
            self._insert_line(event.text)

    def action_paste(self) -> None:
        self._insert_line(self.app.clipboard)  # Ctrl+V: text copied from a note may have lines

    def _insert_line(self, text: str) -> None:
        start, end = self.selection
        self.replace(one_line(text), *sorted((start, end)))


class _Words(Suggester):
    """Completion from a list of words, any case, in the list's order; none once the text is
    one of the words: with Bo and Bostadsbolag both attendees, Tab after "Bo" keeps Bo."""

    def __init__(self, words: list[str]) -> None:
        super().__init__(case_sensitive=False)  # values arrive casefolded
        self.words = words
        self.folded = [word.casefold() for word in words]
        self.exact = set(self.folded)

    async def get_suggestion(self, value: str) -> str | None:
        if value in self.exact:
            return None
        for folded, word in zip(self.folded, self.words, strict=True):
            if folded.startswith(value):
                return word
        return None


def suggester_for(suggestions: Iterable[str]) -> Suggester | None:
    """Completion from these words as the user types (any case), or none without words."""
    words = list(dict.fromkeys(word for word in suggestions if word))
    return _Words(words) if words else None


def text_input(value: str = "", *, id: str, placeholder: str = "",
               suggestions: Iterable[str] = (),
               echo: Callable[[str], str] | None = None) -> Input:
    """A form's one-line field; the placeholder should read as an example ("t.ex. …"): it is
    never a value. `echo(text)` is shown under it as the text changes (in a `FieldRow`)."""
    # No validate_on: the form checks its model itself, and Input's own check only set a
    # class on each field after it was styled, which styled each field a second time.
    field = FormInput(value, placeholder=placeholder, id=id, validate_on=(),
                      suggester=suggester_for(suggestions))
    field.echo = echo
    return field
