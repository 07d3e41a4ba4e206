"""The action list as CSV that Swedish Excel opens right: UTF-8 with a BOM, `;` between fields.

Excel in a Swedish locale expects `;` (the comma is the decimal sign) and reads UTF-8 only when
the file starts with a byte-order mark; dates are ISO, which Excel takes as dates. A cell that
starts with `=`, `+`, `-` or `@` would be taken for a formula, so it gets a leading apostrophe.
The headings and the words in the cells are Swedish, as Excel users read them; the last four
columns are the measure's type, level (empty: not said), whether its method is tested or
evaluated, the causes it addresses (joined by "; "), and for a proposal waiting for a body's
decision, that body ("Förslag till": KLG), its status "förslag, väntar på beslut"; the last
column, for a proposal the body decided, who and when ("Beslutat av": KLG 2026-12-10).
"""

from __future__ import annotations

import csv
import io

from meetingtui.export.actions.common import (
    HEAD,
    LEVEL_WORDS,
    METHOD_WORDS,
    NO,
    STATUS_WORDS,
    TYPE_WORDS,
    YES,
    decided_by,
    due_text,
    status_word,
)
from meetingtui.services.actions import ActionList, ActionRow

BOM = "\ufeff"
DELIMITER = ";"
COLUMNS = ("id", "text", "owner", "owner_org", "due", "status", "overdue", "group",
           "meeting_id", "meeting_date", "confidential", "type", "level", "method", "causes",
           "proposed_to", "decided_by")
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    """Plain text Excel shows as text, never runs as a formula."""
    return "'" + text if text.startswith(_FORMULA_START) else text


def _values(row: ActionRow) -> list[str]:
    return [
        str(row.id), _cell(row.text), _cell(row.owner), _cell(row.owner_org), due_text(row),
        status_word(row) if row.waiting else STATUS_WORDS.get(row.status, row.status),
        YES if row.overdue else NO,
        _cell(row.group_short), str(row.meeting_id), row.meeting_date.isoformat(),
        YES if row.confidential else NO, TYPE_WORDS.get(row.type, row.type),
        LEVEL_WORDS.get(row.level, row.level), METHOD_WORDS.get(row.method, row.method),
        _cell("; ".join(row.causes)),
        _cell(" ".join(row.proposed_to.split()) if row.waiting else ""),
        _cell(decided_by(row)),
    ]


def build_csv(actions: ActionList) -> bytes:
    """A heading row and one row per measure, in the list's order, as UTF-8 bytes with a BOM."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([HEAD[column] for column in COLUMNS])
    writer.writerows(_values(row) for row in actions.rows)
    return (BOM + out.getvalue()).encode("utf-8")
