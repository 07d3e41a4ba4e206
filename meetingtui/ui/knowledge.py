"""How the TUI says what kind of prevention a measure is (type, level, tested method) and which
causes it addresses, in the few cells a table has for it at 80 columns: whole words, on as many
lines as they need, never cut short."""

from __future__ import annotations

from collections.abc import Mapping

from meetingtui.i18n import t
from meetingtui.model import Cause, Measure, MeasureType, PreventionLevel, ProvenMethod
from meetingtui.services.actions import ActionRow
from meetingtui.ui.labels import label
from meetingtui.ui.timing import wrap

#: "Situationell", "Metod: vet ej": the longest line of `kind_lines` in Swedish.
KIND_WIDTH = 13
#: "Antagande"; "Stöds av data" on two lines.
BASIS_WIDTH = 10


def kind_lines(measure: Measure) -> list[str]:
    """["Situationell", "Universell", "Metod: ja"]: the level only when it was said."""
    return _kind(measure.type, measure.level, measure.method)


def kind_line(measure: Measure, width: int) -> list[str]:
    """The same joined by " · " in lines of at most `width` cells, each part whole on one line
    where it fits: "Situationell · Universell" / "Metod: ja"."""
    lines: list[str] = []
    for part in kind_lines(measure):
        if lines and len(lines[-1]) + 3 + len(part) <= width:
            lines[-1] += f" · {part}"
        else:
            lines += wrap(part, width)
    return lines


def row_line(row: ActionRow) -> str:
    """An action list's row the same way, with the causes it addresses after it: "Social ·
    Selektiv · Metod: vet ej · Mot Olåsta cykelrum; Köpare från grannkommuner"."""
    parts = _kind(MeasureType(row.type), PreventionLevel(row.level), ProvenMethod(row.method))
    if row.causes:
        which = "; ".join(" ".join(text.split()) for text in row.causes)
        parts.append(t("measure_knowledge.addresses", which=which))
    return " · ".join(parts)


def _kind(kind: MeasureType, level: PreventionLevel, method: ProvenMethod) -> list[str]:
    lines = [label(kind)]
    if level is not PreventionLevel.UNSAID:
        lines.append(label(level))
    lines.append(t("measure_knowledge.method_short", value=label(method).lower()))
    return lines


def addressed(measure: Measure, numbers: Mapping[int | None, int],
              others: Mapping[int, Cause]) -> str:
    """"Mot orsak 1, 2; Olåsta cykelrum": the causes the measure addresses, by their number
    where `numbers` gives one (the causes listed beside it), else by their text (`others`);
    "" when it addresses none."""
    numbered = [str(numbers[c]) for c in measure.cause_ids if c in numbers]
    texts = [" ".join(others[c].text.split()) for c in measure.cause_ids
             if c not in numbers and c in others]
    which = ([t("measure_knowledge.cause_number", number=", ".join(numbered))]
             if numbered else []) + texts
    return t("measure_knowledge.addresses", which="; ".join(which)) if which else ""
