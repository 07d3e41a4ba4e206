"""The figures (`services.stats.Stats`) as a terminal table, JSON for scripts, or CSV that
Swedish Excel opens right. Words in the interface language (`i18n.t`); JSON keys and stored
values (trend, type) stay English.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from meetingtui.i18n import language
from meetingtui.i18n import section as catalogue_section
from meetingtui.services.periods import Period
from meetingtui.services.stats import (
    SECRET,
    TRENDS,
    MeasureLine,
    Measures,
    ProblemLine,
    Problems,
    Stats,
)


def t(key: str, **fields: Any) -> str:
    """The `[stats]` text `key` ("stats.title") in the interface language, Swedish where it
    lacks one: the section alone is read (`i18n.section`), which keeps `meetingtui stats`
    quick to start."""
    name = key.removeprefix("stats.")
    text = (catalogue_section(language(), "stats").get(name)
            or catalogue_section("sv", "stats").get(name, key))
    return text.format(**fields) if fields else text


NAME_WIDTH = 23  # the measures' table is then 79 wide: an 80-column terminal


def name_label(name: str, *, kind: str = "") -> str:
    """How a line's name is shown: "Sekretess" for what is hidden, "(ingen kategori)" for an
    empty category, a type in words."""
    if name == SECRET:
        return t("stats.confidential")
    if kind == "type":
        return t(f"stats.type_{name}")
    if not name:
        return t("stats.no_category") if kind == "category" else t("stats.all")
    return name


def heading(stats: Stats) -> str:
    """"Statistik · EST · per kvartal · 2026-01-01 – 2026-11-23" (and "offentlig" when so)."""
    parts = [t("stats.title"), stats.group or t("stats.all_groups"),
             t(f"stats.by_{stats.query.by}"),
             f"{stats.first.isoformat()} – {stats.last.isoformat()}"]
    if stats.query.public:
        parts.append(t("stats.public"))
    return " · ".join(parts)


def days(value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if value == int(value) else f"{value:.1f}"


# --- table -------------------------------------------------------------------------------------

def _fit(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def _wrapped(text: str, width: int) -> list[str]:
    """`text` in lines of at most `width` (textwrap costs the command 1 ms to import)."""
    lines = [""]
    for word in text.split():
        if lines[-1] and len(lines[-1]) + 1 + len(word) > width:
            lines.append(word)
        else:
            lines[-1] = f"{lines[-1]} {word}" if lines[-1] else word
    return lines


def _row(cells: list[str], widths: list[int]) -> str:
    """The name and the period to the left, the numbers to the right."""
    name, period, *numbers = cells
    return (f"{name:<{widths[0]}} {period:<{widths[1]}}" + "".join(
        f" {cell:>{width}}" for cell, width in zip(numbers, widths[2:], strict=True))).rstrip()


def _problem_cells(figures: Problems) -> list[str]:
    return [str(figures.problems), *(str(getattr(figures, trend)) for trend in TRENDS)]


def _measure_cells(figures: Measures, *, for_excel: bool = False) -> list[str]:
    median = days(figures.median_days)
    if for_excel:  # Swedish Excel: a decimal comma, and an empty cell for no value
        median = "" if figures.median_days is None else median.replace(".", ",")
    return [str(figures.decided), str(figures.done), str(figures.overdue),
            str(figures.cancelled), median]


def _name_head(kind: str) -> str:
    return "" if kind == "all" else t("stats.name_" + kind)


PROBLEM_HEAD = ("problems", "trend_new", "trend_rising", "trend_unchanged", "trend_falling")
MEASURE_HEAD = ("decided", "done", "overdue", "cancelled", "median_days")


def _cells(figures: Problems | Measures) -> list[str]:
    return (_measure_cells(figures) if isinstance(figures, Measures)
            else _problem_cells(figures))


def _table(title: str, lines: list[ProblemLine] | list[MeasureLine], stats: Stats, kind: str,
           heads: tuple[str, ...], *, per_period: bool = True) -> list[str]:
    """A line's periods one under the other, then its total; the next line under it."""
    head = [_name_head(kind), t("stats.period"), *(t(f"stats.{h}") for h in heads)]
    widths = [NAME_WIDTH, max(7, len(head[1])), *(max(4, len(h)) for h in head[2:])]
    out = ["", title, _row(head, widths)]
    for line in lines:
        label = _fit(name_label(line.name, kind=kind), NAME_WIDTH)
        each: list[Problems | Measures] = [*line.periods] if per_period else []
        for period, figures in zip(stats.periods, each, strict=False):
            out.append(_row([label, period.key, *_cells(figures)], widths))
            label = ""
        out.append(_row([label, t("stats.total"), *_cells(line.total)], widths))
    if not lines:
        out.append(t("stats.none"))
    return out


def build_table(stats: Stats) -> str:
    """The figures for the terminal: each area, category, type and owner period by period,
    then over the whole range; the owners in total only (they are many)."""
    notes = [t("stats.counting"), t("stats.overdue_rule", today=stats.today.isoformat())]
    out = [heading(stats), *(line for note in notes for line in _wrapped(note, 79))]
    for key, lines, kind in (("problems", [stats.problems], "all"), ("areas", stats.areas, "area"),
                             ("categories", stats.categories, "category")):
        out += _table(t(f"stats.{key}_title"), lines, stats, kind, PROBLEM_HEAD)
    for key, measure_lines, kind in (("measures", [stats.measures], "all"),
                                     ("types", stats.types, "type")):
        out += _table(t(f"stats.{key}_title"), measure_lines, stats, kind, MEASURE_HEAD)
    out += _table(t("stats.owners_title"), stats.owners, stats, "owner", MEASURE_HEAD,
                  per_period=False)
    return "\n".join(out) + "\n"


# --- JSON --------------------------------------------------------------------------------------

def _problems_json(figures: Problems) -> dict[str, int]:
    return {"problems": figures.problems, **{trend: getattr(figures, trend) for trend in TRENDS}}


def _measures_json(figures: Measures) -> dict[str, Any]:
    return {"decided": figures.decided, "done": figures.done, "overdue": figures.overdue,
            "cancelled": figures.cancelled, "median_days_to_done": figures.median_days}


def _line_json(line: ProblemLine | MeasureLine, stats: Stats,
               key: str | None = None) -> dict[str, Any]:
    shown: dict[str, Any] = {}
    if key is not None:
        shown[key] = name_label(line.name) if line.name == SECRET else line.name
    if line.name == SECRET:
        shown["confidential"] = True
    if isinstance(line, ProblemLine):
        shown["periods"] = [{"period": p.key, **_problems_json(f)}
                            for p, f in zip(stats.periods, line.periods, strict=True)]
        shown["total"] = _problems_json(line.total)
    else:
        shown["periods"] = [{"period": p.key, **_measures_json(f)}
                            for p, f in zip(stats.periods, line.periods, strict=True)]
        shown["total"] = _measures_json(line.total)
    return shown


def build_json(stats: Stats) -> str:
    """One object: the range and its periods, the problems (all, per area, per category) and
    the measures (all, per type, per owner), each period by period and in total."""
    import json

    data = {
        "group": stats.group, "by": stats.query.by, "from": stats.first.isoformat(),
        "to": stats.last.isoformat(), "today": stats.today.isoformat(),
        "public": stats.query.public,
        "periods": [{"period": p.key, "from": p.first.isoformat(), "to": p.last.isoformat()}
                    for p in stats.periods],
        "problems": {
            "all": _line_json(stats.problems, stats),
            "areas": [_line_json(line, stats, "area") for line in stats.areas],
            "categories": [_line_json(line, stats, "category") for line in stats.categories],
        },
        "measures": {
            "all": _line_json(stats.measures, stats),
            "types": [_line_json(line, stats, "type") for line in stats.types],
            "owners": [_line_json(line, stats, "owner") for line in stats.owners],
        },
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"


# --- CSV ---------------------------------------------------------------------------------------

def _csv_rows(stats: Stats) -> Iterator[list[str]]:
    """A row per line and period, then its total: the problems' five columns filled, or the
    measures' five."""
    from meetingtui.export.actions.csv_list import _cell  # as `actions --format csv` guards cells

    blank = [""] * 5
    sections: list[tuple[str, str, list[ProblemLine] | list[MeasureLine]]] = [
        ("all_problems", "all", [stats.problems]), ("area", "area", stats.areas),
        ("category", "category", stats.categories), ("all_measures", "all", [stats.measures]),
        ("type", "type", stats.types), ("owner", "owner", stats.owners)]
    for section, kind, lines in sections:
        for line in lines:
            name = _cell(name_label(line.name, kind=kind))
            each: list[Problems | Measures] = [*line.periods, line.total]
            for period, figures in zip([*stats.periods, None], each, strict=True):
                cells = (blank + _measure_cells(figures, for_excel=True)
                         if isinstance(figures, Measures) else _problem_cells(figures) + blank)
                yield [t(f"stats.section_{section}"), name, _period(period, stats), *cells]


def _period(period: Period | None, stats: Stats) -> str:
    return period.key if period is not None else (
        f"{stats.first.isoformat()}–{stats.last.isoformat()}")


def build_csv(stats: Stats) -> bytes:
    """One table, one row per line and period (and the range in total), with a column saying
    which figures the row holds; UTF-8 with a BOM and `;`, as `actions --format csv`."""
    import csv
    import io

    from meetingtui.export.actions.csv_list import BOM, DELIMITER

    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
    writer.writerow([t("stats.section"), t("stats.name"), t("stats.period"),
                     *(t(f"stats.{h}") for h in PROBLEM_HEAD),
                     *(t(f"stats.{h}") for h in MEASURE_HEAD)])
    writer.writerows(_csv_rows(stats))
    return (BOM + out.getvalue()).encode("utf-8")
