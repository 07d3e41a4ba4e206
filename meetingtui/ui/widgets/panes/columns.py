"""Column widths the measure tables share (follow-up and action plan), so that both read alike
at 80 columns, where the pane is about 52 cells wide."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from meetingtui.model import Measure

#: Panes at least this wide show the owner in a column of its own; narrower, under the measure.
WIDE = 70
DUE_WIDTH = 10
STATUS_WIDTH = 11  # "Ej påbörjad", "Frånvarande": the longest status words fit whole
OWNER_WIDTH = 18


def owner_of(measure: Measure) -> str:
    """"Anna Berg, Polisen": the owner and the organisation, when given."""
    return measure.owner + (f", {measure.owner_org}" if measure.owner_org else "")
