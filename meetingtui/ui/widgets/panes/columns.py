"""Column widths the measure tables share (follow-up and action plan), so that both read alike
at 80 columns, where the pane is about 52 cells wide."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text
    from textual.widgets import DataTable

    from meetingtui.model import Measure

#: Panes at least this wide show the owner in a column of its own; narrower, under the measure.
WIDE = 70
DUE_WIDTH = 10
STATUS_WIDTH = 11  # "Ej påbörjad", "Frånvarande": the longest status words fit whole
OWNER_WIDTH = 18
#: Room for "Kommunledningsförvaltningen" whole, given where the measure's text keeps
#: `TEXT_KEPT` (the projector at 120 columns; at 18 it read "Kommunledningsförv" "altningen").
OWNER_WIDE = 28
TEXT_KEPT = 50


def owner_of(measure: Measure) -> str:
    """"Anna Berg, Polisen": the owner and the organisation, when given."""
    return measure.owner + (f", {measure.owner_org}" if measure.owner_org else "")


def measure_columns(table: DataTable[Text], pane_width: int, text_label: str, *,
                    numbered: bool = False) -> tuple[int, int]:
    """Clear `table` and give it the columns of a measure table for a pane `pane_width` wide:
    (#,) text, owner (only when wide), due date, status. Returns the text's and the owner's
    width (0: the owner stands under the text)."""
    from meetingtui.i18n import t
    from meetingtui.ui.timing import flex_width

    table.clear(columns=True)
    width = max(44, pane_width)
    others = [*([2] if numbered else []), DUE_WIDTH, STATUS_WIDTH]
    spare = flex_width(width, [*others, 0]) - TEXT_KEPT  # what the owner may have
    owner_width = 0 if width < WIDE else max(OWNER_WIDTH, min(OWNER_WIDE, spare))
    fixed = [*others, *([owner_width] if owner_width else [])]
    text_width = flex_width(width, fixed)
    if numbered:
        table.add_column("#", width=2, key="no")
    table.add_column(text_label, width=text_width, key="text")
    if owner_width:
        table.add_column(t("measure.owner"), width=owner_width, key="owner")
    table.add_column(t("measure.due_short"), width=DUE_WIDTH, key="due")
    table.add_column(t("followup.status"), width=STATUS_WIDTH, key="status")
    return text_width, owner_width
