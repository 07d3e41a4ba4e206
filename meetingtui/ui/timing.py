"""Elapsed time per agenda item and for the whole meeting, from the workspace clock."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # the home screen uses fit(): its first frame does not wait for pydantic
    from rich.text import Text

    from meetingtui.model import AgendaItem


#: As `store.agenda_items.MAX_VISIT_SECONDS`: a visit counts two hours at most (an app killed
#: on an item and opened the next day has not discussed it overnight).
MAX_VISIT_SECONDS = 2 * 60 * 60


def item_seconds(item: AgendaItem, now: datetime) -> int:
    """The time the item has been the current one in the app, the visit going on included."""
    current = (now - item.shown_since).total_seconds() if item.shown_since else 0
    return item.spent_seconds + min(MAX_VISIT_SECONDS, max(0, int(current)))


def item_minutes(item: AgendaItem, now: datetime) -> int:
    return item_seconds(item, now) // 60


def meeting_minutes(items: list[AgendaItem], now: datetime) -> int:
    """The time the meeting has been open in the app: its items' time added up (not the time
    since its date: a meeting typed in the day after has been open as long as that took)."""
    return sum(item_seconds(item, now) for item in items) // 60


def clock(minutes: int) -> str:
    return f"{minutes // 60}:{minutes % 60:02d}"


def planned_total(items: list[AgendaItem]) -> int:
    """The minutes the agenda plans for, the items dropped from this meeting left out."""
    return sum(item.minutes or 0 for item in items if not item.dropped)


def fit(text: str, width: int) -> str:
    """One line of at most `width` cells (ellipsis when cut)."""
    line = " ".join(text.split())
    if width <= 0:
        return ""
    return line if len(line) <= width else line[: max(0, width - 1)] + "…"


def flex_width(total: int, fixed: list[int], minimum: int = 10) -> int:
    """The width left for one flexible DataTable column beside `fixed` ones (cell padding and
    the scrollbar included), so that the table never scrolls sideways."""
    return max(minimum, total - sum(fixed) - 2 * (len(fixed) + 1) - 2)


def wrap(text: str, width: int, max_lines: int = 4) -> list[str]:
    """`text` in lines of at most `width` cells, broken between words (a word longer than a
    line is cut), at most `max_lines` of them, the last ending in "…" when text is left over.
    Tables show what is discussed whole at 80 columns this way, a row as high as it needs."""
    import textwrap

    if width <= 0:
        return [""]
    broken = {word: _long_word(word, width) for word in text.split() if len(word) > width}
    words = [broken.get(word, word) for word in text.split()]
    lines = textwrap.wrap(" ".join(words), width, break_on_hyphens=False) or [""]
    if len(lines) > max_lines:
        left = " ".join(lines[max_lines - 1:])
        for word, pieces in broken.items():  # what is cut short reads as it was written
            left = left.replace(pieces, word)
        lines = [*lines[: max_lines - 1], fit(left, width)]
    return lines


#: The last parts of the long compounds municipal names are made of: a word too long for its
#: line breaks before one, with a hyphen ("Kommunlednings-" "förvaltningen", not
#: "Kommunledningsförva" "ltningen").
_JOINTS = ("förvaltning", "tjänst", "nämnd", "kontor", "område", "bolag", "enhet", "verksamhet",
           "samordna", "byggnad", "förening", "strateg", "ansvarig", "chef")


def _long_word(word: str, width: int) -> str:
    """A word too long for its line broken after its slashes ("Brottsutsatt/" "objekt") when
    every part before a slash fits a line; else before the last part of a compound, with a
    hyphen, when both halves fit; else cut into whole lines of its own. Left to textwrap,
    "Kommunledningsförvaltningen" filled what was left of the line before and read "Kom"
    "munledningsförvaltn" "ingen"."""
    parts = word.split("/")
    if len(parts) > 1 and all(len(part) + 1 <= width for part in parts[:-1]):
        return "/ ".join(parts)
    lower = word.lower()
    for joint in _JOINTS:
        at = lower.rfind(joint)
        if 2 < at < width and len(word) - at <= width:
            return f"{word[:at]}- {word[at:]}"
    return " ".join(word[i:i + width] for i in range(0, len(word), width))


def cells(*columns: tuple[str | list[str], int]) -> tuple[list[Text], int]:
    """The cells of one table row, each wrapped to its column's width, and the row's height
    (the most lines any cell needs). A list is lines already made. Cells are plain text: a
    string given to a DataTable is read as markup, and "[b]" typed in a note would vanish."""
    wrapped = [value if isinstance(value, list) else wrap(value, width)
               for value, width in columns]
    return [plain("\n".join(lines)) for lines in wrapped], max(len(lines) for lines in wrapped)


def plain(text: str, style: str = "") -> Text:
    """What the user typed as a table cell: never markup."""
    from rich.text import Text

    return Text(text, style=style, end="")
