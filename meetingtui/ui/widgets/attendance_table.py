"""Who is at a meeting as a table that is read whole at 80 columns: name; role and
organisation; present or absent. Rows wrap, the table never scrolls sideways. A member still
named by the role alone has no name yet: "–", the role beside it (not the role twice).

The meeting's attendance item and the new-meeting form show the same table.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable

from meetingtui.i18n import t
from meetingtui.model import Attendance, Presence
from meetingtui.ui.labels import label
from meetingtui.ui.timing import cells, flex_width

PRESENCE_WIDTH = 11  # "Frånvarande"


def column_widths(width: int) -> tuple[int, int]:
    """The name's and the role's columns in a table ``width`` cells wide."""
    width = max(44, width)
    name = 15 if width < 70 else 24  # at 80×24 the role column's header fits whole
    return name, flex_width(width, [name, PRESENCE_WIDTH])


def fill_attendance(table: DataTable[Text], people: list[Attendance], width: int) -> None:
    """``people`` as the table's rows (row keys: their places in the list), the cursor kept."""
    cursor = table.cursor_row
    table.clear(columns=True)
    name_width, role_width = column_widths(width)
    table.add_column(t("attendance.name"), width=name_width, key="name")
    table.add_column(f"{t('attendance.role')}, {t('attendance.organisation').lower()}",
                     width=role_width, key="role")
    table.add_column(t("attendance.presence"), width=PRESENCE_WIDTH, key="presence")
    for number, person in enumerate(people):
        row, height = attendance_row(person, name_width, role_width)
        table.add_row(*row, height=height, key=str(number))
    if people:
        table.move_cursor(row=min(cursor, len(people) - 1))


def attendance_row(person: Attendance, name_width: int,
                   role_width: int) -> tuple[list[Text], int]:
    """One person's cells and the row's height."""
    unnamed = person.unnamed
    name = "–" if unnamed else person.name
    name += f" ({t('attendee.marker')})" if person.substitute else ""
    roles = [part for part in (person.role, person.organisation)
             if part and (unnamed or part != person.name)]
    row, height = cells((name, name_width), (", ".join(roles), role_width),
                        (label(person.presence), PRESENCE_WIDTH))
    if unnamed:
        row[0].stylize("dim")
    if person.presence is Presence.ABSENT:
        row[2].stylize("bold")
    return row, height
