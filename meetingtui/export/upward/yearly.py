"""The municipality's yearly lägesbild and åtgärdsplan (`services.upward.YearReport`) for the
kommunstyrelse and fullmäktige, as Word or Markdown (`document` lays the blocks out):

1 Lägesbild: problems per area and per category against the year before, the measures' figures,
  the main problems with their causes (and what each rests on) and sources, the quarters'
  priorities.
2 Åtgärdsplan: the measures decided in the year by area, type, level, owner and status at its
  end; the proposals to bodies above and what became of them.
3 Uppföljning of the year before's measures: done, ongoing, overdue, cancelled.
4 Medborgarlöften and samverkansöverenskommelser in force in the year, with their commitments.

Words from the `[upward]` catalogue section in the interface language.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from meetingtui.export.upward.document import Block, Bullets, Heading, Para, Report, Table, Written
from meetingtui.i18n import t
from meetingtui.model.upward import agreement_heading
from meetingtui.services.stats import SECRET, MeasureLine, ProblemLine
from meetingtui.services.upward import (
    Agreement,
    Figures,
    Measure,
    Priority,
    Problem,
    YearReport,
)

if TYPE_CHECKING:
    from meetingtui.services.workspace import Workspace

#: The follow-up lists what needs attention first.
OUTCOMES = ("overdue", "ongoing", "done", "cancelled")


def default_path(exports: Path, year: int, public: bool, fmt: str) -> Path:
    suffix = "-offentlig" if public else ""
    return exports / "rapporter" / f"{year}-lagesbild-atgardsplan{suffix}.{fmt}"


# --- shared with the quarter's summary ---------------------------------------------------------

def status_word(measure: Measure) -> str:
    word = t(f"enum.MeasureStatus.{measure.status}")
    return f"{word} ({t('upward.overdue').lower()})" if measure.overdue else word


#: A commitment's status is a measure's; the words the issue used for them, read as those.
_COMMITMENT_STATUS = {"planned": "not_started", "ongoing": "in_progress"}


def commitment_status(status: str) -> str:
    """A commitment's status in words; one the app does not know, as written."""
    status = _COMMITMENT_STATUS.get(status, status)
    if status in ("not_started", "in_progress", "done", "cancelled"):
        return t(f"enum.MeasureStatus.{status}")
    return status


def owner_text(owner: str, organisation: str) -> str:
    return f"{owner}, {organisation}" if organisation.strip() else owner


def _name(name: str, kind: str) -> str:
    if name == SECRET:
        return t("upward.confidential_count")
    if not name.strip():
        return t("upward.no_category") if kind == "category" else t("upward.all")
    return name


#: Below this many in the period before, a change is said in numbers: from 1 to 16 is "ökar
#: (+15)", not "ökar (1500 %)", which reads as an epidemic in a report to the kommunstyrelse.
PERCENT_FROM = 10


def change_text(before: int, now: int) -> str:
    if before == now:
        return t("upward.change_same")
    if before == 0:
        return t("upward.change_new")
    word = "up" if now > before else "down"
    if before < PERCENT_FROM:
        return t(f"upward.change_{word}_count", count=abs(now - before))
    return t(f"upward.change_{word}", percent=round(abs(now - before) * 100 / before))


def figure_blocks(figures: Figures) -> list[Block]:
    """Problems per area and per category, and the measures' figures, in the period and the one
    before it, with the change."""
    before, now = figures.keys
    blocks: list[Block] = []
    for key, lines in (("areas", figures.areas), ("categories", figures.categories)):
        head = [t(f"upward.head_{key}"), before, now, t("upward.head_change")]
        blocks.append(Heading(t(f"upward.{key}_title"), 2))
        blocks.append(_problem_table(head, [*lines, figures.problems], key))
    blocks.append(Heading(t("upward.measures_title"), 2))
    blocks.append(_measure_table(figures.measures, figures.types, before, now))
    return blocks


def _problem_table(head: list[str], lines: list[ProblemLine], kind: str) -> Table:
    rows = []
    for index, line in enumerate(lines):
        name = t("upward.total") if index == len(lines) - 1 else _name(
            line.name, "category" if kind == "categories" else "area")
        first, last = line.periods[0].problems, line.periods[-1].problems
        if first or last:
            rows.append([name, str(first), str(last), change_text(first, last)])
    return Table(head, rows, [7.0, 2.0, 2.0, 5.0])


def _measure_table(every: MeasureLine, types: list[MeasureLine], before: str,
                   now: str) -> Table:
    rows = []
    for key in ("decided", "done", "cancelled", "overdue"):
        rows.append([t(f"upward.figure_{key}"), str(getattr(every.periods[0], key)),
                     str(getattr(every.periods[-1], key))])
    for line in types:
        rows.append([t("upward.figure_decided_type", type=t(f"enum.MeasureType.{line.name}")),
                     str(line.periods[0].decided), str(line.periods[-1].decided)])
    return Table([t("upward.head_measures"), before, now], rows, [10.0, 3.0, 3.0])


def problem_blocks(problem: Problem, *, level: int = 3) -> list[Block]:
    """A problem: area and category, what it is, where it stood, its causes and sources."""
    title = " – ".join(part for part in (problem.area, problem.category) if part.strip())
    facts = [f"{t('upward.group')}: {problem.group}",
             t("upward.seen", count=problem.meetings),
             f"{t('upward.highest_level')}: {problem.level}",
             f"{t('upward.trend')}: {t(f'enum.Trend.{problem.trend}')}",
             t("upward.open_at_end") if problem.open_at_end else t("upward.closed_at_end")]
    if problem.place_detail.strip():
        facts.insert(0, f"{t('upward.place')}: {problem.place_detail}")
    blocks: list[Block] = [Heading(title, level),
                           Para(problem.description, secret=problem.confidential),
                           Para(" · ".join(facts), italic=True)]
    if problem.causes:
        blocks.append(Para(f"{t('upward.causes')}:"))
        blocks.append(Bullets([f"{text} ({t(f'enum.CauseBasis.{basis}')})"
                               for text, basis in problem.causes]))
    if problem.sources:
        blocks.append(Para(f"{t('upward.sources')}: {', '.join(problem.sources)}"))
    return blocks


def priority_table(priorities: list[Priority]) -> Table:
    return Table([t("upward.head_quarter"), t("upward.group"), t("upward.head_priorities")],
                 [[p.quarter, p.group, "; ".join(f"{n}. {title}" for n, title
                                                 in enumerate(p.titles, start=1))]
                  for p in priorities], [2.5, 3.0, 10.5])


# --- the yearly report -------------------------------------------------------------------------

def build_report(report: YearReport, municipality: str) -> Report:
    year, before = report.year, report.year - 1
    title = t("upward.yearly_title", year=year)
    blocks: list[Block] = [Heading(title, 0)]
    if report.public:
        blocks.append(Para(t("upward.public_note")))
    blocks.append(Para(t("upward.yearly_intro", made=report.made.isoformat())))

    blocks.append(Heading(t("upward.situation_title"), 1))
    blocks += figure_blocks(report.figures)
    blocks.append(Heading(t("upward.main_problems"), 2))
    if report.problems:
        blocks.append(Para(t("upward.main_problems_intro", shown=len(report.problems),
                             count=report.problem_count)))
        for problem in report.problems:
            blocks += problem_blocks(problem)
    else:
        blocks.append(Para(t("upward.no_problems", period=str(year))))
    blocks.append(Heading(t("upward.priorities_title"), 2))
    blocks.append(priority_table(report.priorities) if report.priorities
                  else Para(t("upward.no_priorities")))

    blocks.append(Heading(t("upward.plan_title"), 1))
    blocks += _plan(report.plan, year, report.as_of.isoformat())
    blocks.append(Heading(t("upward.proposals_title"), 2))
    blocks.append(_proposals(report.proposals) if report.proposals
                  else Para(t("upward.no_proposals", year=year)))

    blocks.append(Heading(t("upward.followup_title", year=before), 1))
    blocks += _followup(report.followup, before, report.as_of.isoformat())

    blocks.append(Heading(t("upward.agreements_title"), 1))
    if not report.agreements:
        blocks.append(Para(t("upward.no_agreements", year=year)))
    for agreement in report.agreements:
        blocks += _agreement(agreement)
    return Report(title, municipality, report.public, blocks)


def _plan(plan: list[Measure], year: int, as_of: str) -> list[Block]:
    if not plan:
        return [Para(t("upward.no_plan", year=year))]
    kinds = {kind: sum(m.row.type == kind for m in plan) for kind in ("situational", "social")}
    intro = Para(t("upward.plan_intro", count=len(plan), year=year,
                   situational=kinds["situational"], social=kinds["social"]))
    # Four columns, the group, type and level on a line under the measure: more columns on a
    # portrait A4 page break the words ("Kommunledningsförvaltningen").
    head = [t("upward.head_area"), t("upward.head_measure_kind"), t("upward.head_owner"),
            t("upward.head_status_on", day=as_of)]
    rows = [[m.row.area or "–", f"{m.row.text}\n{m.row.group} · "
             f"{t(f'enum.MeasureType.{m.row.type}')} · "
             f"{t(f'enum.PreventionLevel.{m.row.level}')}",
             owner_text(m.row.owner, m.row.owner_org), status_word(m)] for m in plan]
    return [intro, Table(head, rows, [2.8, 7.0, 3.8, 2.4], [m.row.confidential for m in plan])]


def _outcome(measure: Measure) -> str:
    row = measure.row
    if row.proposal == "decided":
        return t("upward.proposal_decided", day=row.proposal_decided_on or "–")
    if row.proposal == "rejected":
        said = t("upward.proposal_rejected", day=row.proposal_decided_on or "–")
        return f"{said}: {row.proposal_reason}" if row.proposal_reason.strip() else said
    return t("upward.proposal_waiting")


def _proposals(proposals: list[Measure]) -> Table:
    head = [t("upward.head_proposal_group"), t("upward.head_to"), t("upward.head_owner"),
            t("upward.head_outcome")]
    rows = [[f"{m.row.text}\n{m.row.group}", m.row.proposed_to,
             owner_text(m.row.owner, m.row.owner_org), _outcome(m)] for m in proposals]
    return Table(head, rows, [6.0, 2.6, 3.8, 3.6], [m.row.confidential for m in proposals])


def measure_table(measures: list[Measure], status_head: str, status: list[str]) -> Table:
    """Measures with their group under them, owner, due date and a status (four columns: more
    on a portrait A4 page break the words, "Kommunledningsförvaltningen")."""
    head = [t("upward.head_measure_group"), t("upward.head_owner"), t("upward.head_due"),
            status_head]
    rows = [[f"{m.row.text}\n{m.row.group}", owner_text(m.row.owner, m.row.owner_org),
             m.row.due or "–", word] for m, word in zip(measures, status, strict=True)]
    return Table(head, rows, [6.8, 4.2, 2.5, 2.5], [m.row.confidential for m in measures])


def _followup(followup: list[Measure], before: int, as_of: str) -> list[Block]:
    if not followup:
        return [Para(t("upward.no_followup", year=before))]
    counts = {outcome: sum(m.outcome == outcome for m in followup) for outcome in OUTCOMES}
    summary = " · ".join(f"{t(f'upward.outcome_{o}')}: {counts[o]}" for o in OUTCOMES)
    ordered = sorted(followup, key=lambda m: (OUTCOMES.index(m.outcome), m.row.due or "9999",
                                              m.row.id))
    return [Para(t("upward.followup_intro", count=len(followup), year=before)), Para(summary),
            measure_table(ordered, t("upward.head_status_on", day=as_of),
                          [t(f"upward.outcome_{m.outcome}") for m in ordered])]


def _agreement(agreement: Agreement) -> list[Block]:
    row = agreement.row
    kind = t(f"upward.kind_{row.kind}") if row.kind in ("medborgarlofte", "samverkan") else row.kind
    facts = [f"{t('upward.period')}: {row.period_start} – {row.period_end}"]
    if row.group:
        facts.append(f"{t('upward.group')}: {row.group}")
    blocks: list[Block] = [Heading(agreement_heading(kind, row.title), 2),
                           Para(" · ".join(facts))]
    parties = [line.strip() for line in row.parties.splitlines() if line.strip()]
    if parties:
        blocks.append(Para(f"{t('upward.parties')}: {', '.join(parties)}"))
    if row.text.strip():
        blocks.append(Para(row.text))
    if agreement.commitments:
        head = [t("upward.head_commitment_party"), t("upward.head_owner"), t("upward.head_due"),
                t("upward.head_status")]
        blocks.append(Table(head, [
            [f"{c.text}\n{c.party}" if c.party.strip() else c.text,
             owner_text(c.owner, c.organisation), c.due or "–", commitment_status(c.status)]
            for c in agreement.commitments], [6.8, 4.2, 2.5, 2.5]))
    else:
        blocks.append(Para(t("upward.no_commitments")))
    if agreement.measures:
        blocks.append(Para(f"{t('upward.linked_measures')}:"))
        blocks.append(Bullets([
            f"{m.row.text} – {owner_text(m.row.owner, m.row.owner_org)} – {status_word(m)}"
            for m in agreement.measures]))
    return blocks


def export_yearly(ws: Workspace, year: int, *, public: bool = False, path: Path | None = None,
                  fmt: str = "docx", force: bool = False,
                  allow_personal_data: bool = False,
                  progress: Callable[[int, int], None] | None = None) -> Written:
    """Read, lay out and write the yearly report (`document.write_report` refuses what the
    minutes refuse). `progress(done, 3)` is told as each of the three steps ends."""
    from meetingtui.export.upward.document import write_report
    from meetingtui.services.settings import municipality
    from meetingtui.services.upward import year_report

    step = progress or _unseen
    step(0, 3)
    town = municipality(ws)
    read = year_report(ws, year, public=public)
    step(1, 3)
    report = build_report(read, town)
    step(2, 3)
    target = path or default_path(ws.locations.exports, year, public, fmt)
    header = [report.title, *([t("upward.public_short")] if public else [])]
    written = write_report(ws, report, fmt="md" if fmt == "md" else "docx", path=target,
                           force=force, allow_personal_data=allow_personal_data, header=header)
    step(3, 3)
    return written


def _unseen(done: int, total: int) -> None:
    """No one is shown the progress."""
