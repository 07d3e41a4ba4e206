"""A warning under a text field that holds a personal identity number.

It does not stop the save: the internal minutes may need the number, and the public export
refuses it anyway. It is there so that nobody types one without seeing it. The check is a single
regular-expression pass over the field's text, run on every change: well under a millisecond
even for long notes, and the widget is redrawn only when the message changes.
"""

from __future__ import annotations

from textual.widgets import Static

from meetingtui.i18n import t
from meetingtui.privacy import find_personal_numbers


def personal_data_message(text: str) -> str:
    """What to say about the personal identity numbers in `text` ("" when there are none)."""
    found = find_personal_numbers(text) if any(c.isdigit() for c in text) else []
    if not found:
        return ""
    first = found[0]
    message = t("privacy.field", what=t(f"privacy.{first.kind}"), number=first.masked)
    if len(found) > 1:
        message += t("privacy.more", count=len(found) - 1)
    return message


class PersonalDataWarning(Static):
    """Hidden until `check` finds a number; `.in-pane` aligns it under a text area."""

    DEFAULT_CSS = """
    PersonalDataWarning {
        color: $warning;
        text-style: bold;
        display: none;
        height: auto;
        padding-left: 17;
    }
    PersonalDataWarning.in-pane { padding: 0 1; }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__("", id=id, classes=classes)
        self.shown = ""

    def check(self, text: str) -> None:
        message = personal_data_message(text)
        if message == self.shown:
            return
        self.shown = message
        self.update(f"⚠ {message}" if message else "")
        self.display = bool(message)
