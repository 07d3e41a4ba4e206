"""A quarter's lägesbild summary (`services.upward.QuarterReport`) for KLG or KSLU, as Word or
Markdown: the quarter's figures per area and category against the quarter before, its problems,
the priorities chosen for the next quarter and the measures overdue at its end."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from meetingtui.export.files import safe_name
from meetingtui.export.upward.document import Block, Heading, Para, Report, Table, Written
from meetingtui.export.upward.yearly import (
    figure_blocks,
    measure_table,
    priority_table,
    status_word,
)
from meetingtui.i18n import t
from meetingtui.services.upward import Measure, Problem, QuarterReport

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace


def default_path(exports: Path, quarter: str, group: str | None, public: bool,
                 fmt: str) -> Path:
    parts = [quarter.lower(), "lagesbild", *([safe_name(group)] if group else []),
             *(["offentlig"] if public else [])]
    return exports / "rapporter" / f"{'-'.join(parts)}.{fmt}"


def build_report(report: QuarterReport, municipality: str) -> Report:
    title = t("upward.quarter_title", quarter=report.quarter)
    if report.group:
        title = f"{title} · {report.group}"
    blocks: list[Block] = [Heading(title, 0)]
    if report.public:
        blocks.append(Para(t("upward.public_note")))
    blocks.append(Para(t("upward.quarter_intro", first=report.first.isoformat(),
                         last=report.last.isoformat(), made=report.made.isoformat())))
    blocks.append(Heading(t("upward.quarter_figures"), 1))
    blocks += figure_blocks(report.figures)
    blocks.append(Heading(t("upward.quarter_problems"), 1))
    blocks.append(_problems(report.problems) if report.problems
                  else Para(t("upward.no_problems", period=report.quarter)))
    blocks.append(Heading(t("upward.next_priorities", quarter=report.next_quarter), 1))
    blocks.append(priority_table(report.priorities) if report.priorities
                  else Para(t("upward.no_next_priorities", quarter=report.next_quarter)))
    blocks.append(Heading(t("upward.overdue_title"), 1))
    blocks.append(_overdue(report.overdue, report.as_of.isoformat()) if report.overdue
                  else Para(t("upward.no_overdue")))
    return Report(title, municipality, report.public, blocks)


def _problems(problems: list[Problem]) -> Table:
    """Area and category, the problem and its group, level and trend (the second of each pair
    on a line under the first: six columns break the words)."""
    head = [t("upward.head_area_category"), t("upward.head_problem_group"),
            t("upward.head_level_short"), t("upward.trend")]
    rows = [[f"{p.area}\n{p.category}" if p.category.strip() else p.area,
             f"{p.description}\n{p.group}", str(p.level), t(f"enum.Trend.{p.trend}")]
            for p in problems]
    return Table(head, rows, [4.0, 8.0, 1.6, 2.4], [p.confidential for p in problems])


def _overdue(overdue: list[Measure], day: str) -> Table:
    return measure_table(overdue, t("upward.head_status_on", day=day),
                         [status_word(m) for m in overdue])


def export_quarterly(ws: Workspace, quarter: str, *, group: str | None = None,
                     public: bool = False, path: Path | None = None, fmt: str = "docx",
                     force: bool = False, allow_personal_data: bool = False) -> Written:
    """Read, lay out and write a quarter's summary; raises `services.upward.BadPeriod` or
    `services.group_names.UnknownGroup` before anything is written."""
    from meetingtui.export.upward.document import write_report
    from meetingtui.services.settings import municipality
    from meetingtui.services.upward import quarter_report

    found = quarter_report(ws, quarter, group=group, public=public)
    report = build_report(found, municipality(ws))
    target = path or default_path(ws.locations.exports, found.quarter, found.group, public, fmt)
    header = [report.title, *([t("upward.public_short")] if public else [])]
    return write_report(ws, report, fmt="md" if fmt == "md" else "docx", path=target,
                        force=force, allow_personal_data=allow_personal_data, header=header)
