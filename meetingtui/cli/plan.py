"""`meetingtui plan GROUP --year 2027`: the group's year of meetings from its rhythm, never on
a holiday or holiday eve; proposed (`--dry-run`) or planned, as a table, JSON or a calendar.

Every problem a person can fix (no year, an unknown group, a group that meets when needed, a
file in the way) is one line in the interface language and exit 1, checked before anything is
planned; a calendar file that cannot be written plans nothing either.
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import click

from meetingtui.cli.context import Context, UserError, group_named

if TYPE_CHECKING:
    from meetingtui.model import Group
    from meetingtui.services.planning import YearPlan
    from meetingtui.services.workspace import Workspace

FORMATS = ("table", "json", "ics")
FIRST_YEAR, LAST_YEAR = 2000, 2100
_YEAR = re.compile(r"^\s*(\d{1,6})\s*$")


def today() -> date:
    """The day before which nothing is planned (tests replace it)."""
    return date.today()


@click.command()
@click.argument("group_name", metavar="GROUP")
@click.option("--year", metavar="YEAR", help="The year to plan, e.g. 2027.")
@click.option("--dry-run", is_flag=True, help="Only show the dates; plan nothing.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for the terminal; json, or ics (a calendar for the members) to stdout "
                   "or -o.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Write the json or ics to this file (never over an existing one without "
                   "--force, never over a database).")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_obj
def plan(context: Context, group_name: str, year: str | None, dry_run: bool, fmt: str,
         output: Path | None, force: bool) -> None:
    """Plan a group's meetings for a whole year from its rhythm and skipped months.

    No date falls on a Swedish public holiday or on midsommarafton, julafton or nyårsafton: a
    meeting whose day is one moves to the next working day in its month. Dates the group
    already has a meeting for are kept as they are, so planning again adds nothing.

    \b
    Examples:
      meetingtui plan EST --year 2027 --dry-run        the dates, nothing planned
      meetingtui plan EST --year 2027                  plan them
      meetingtui plan EST --year 2027 --format ics -o est-2027.ics   and a calendar for members
    """
    lang = context.language
    wanted = _year(year)
    if output is not None and str(output) == "-":
        output = None  # `-o -`: standard output, as without -o
    if fmt == "table" and output is not None:
        raise UserError("--format table prints to the terminal; with -o, choose --format json "
                        "or ics.", key="year_plan.table_output")
    if output is not None:  # before anything is planned (write_export checks again)
        from meetingtui.export.files import refuse_database

        refuse_database(output, context.database)
        if output.exists() and not force:
            raise UserError(f"{output} already exists and was not replaced; nothing was "
                            "planned. Choose another name, or replace the file on purpose "
                            "(--force).", key="year_plan.exists", path=str(output))
    context.require_database()
    from meetingtui.services.planning import CannotPlan, create_year_plan, year_plan

    written: list[Path] = []

    def write(made: YearPlan) -> None:
        if output is not None:
            written.append(_write(context, output, _data(fmt, made, dry_run), force))

    with context.workspace() as ws:
        group = _group(ws, group_name)
        assert group.id is not None
        try:
            if dry_run:
                result = year_plan(ws, group.id, wanted, today())
                write(result)
            else:
                result = create_year_plan(ws, group.id, wanted, today(), before_commit=write)
        except CannotPlan as error:
            raise _cannot(error) from None
    if written:
        click.echo(str(written[0]))
    elif fmt == "table":
        click.echo(_table(result, dry_run, lang))
    else:
        click.echo(_data(fmt, result, dry_run), nl=False)
    if fmt != "table" and not dry_run:  # stdout holds the data: the summary goes beside it
        said = _say(lang, "year_plan.created", count=len(result.new), group=result.group.short,
                    year=result.year)
        click.echo(f"meetingtui: {said}", err=True)


def _year(text: str | None) -> int:
    if text is None:
        raise UserError("Give the year to plan with --year, for example --year 2027.",
                        key="year_plan.no_year")
    match = _YEAR.match(text)
    if not match or not FIRST_YEAR <= int(match[1]) <= LAST_YEAR:
        raise UserError(f"--year {text} is not a year to plan: give a year between "
                        f"{FIRST_YEAR} and {LAST_YEAR}, for example 2027.",
                        key="year_plan.bad_year", year=text)
    return int(match[1])


def _group(ws: Workspace, name: str) -> Group:
    try:
        return group_named(ws, name)
    except UserError as error:
        from meetingtui.services.groups import ensure_groups

        known = ", ".join(g.short for g in ensure_groups(ws))
        raise UserError(str(error), key="year_plan.no_group", name=name, known=known) from None


def _cannot(error: Exception) -> UserError:
    group = getattr(error, "group", None)
    short = getattr(group, "short", "")
    template = getattr(group, "template_id", "")
    if getattr(error, "reason", "") == "ad_hoc":
        return UserError(str(error), key="year_plan.ad_hoc", group=short)
    return UserError(str(error), key="year_plan.no_template", group=short, template=template)


def _write(context: Context, path: Path, data: bytes, force: bool) -> Path:
    """The file, or a `UserError` that says nothing was planned (the plan is undone)."""
    from meetingtui.export.files import ExportError, write_export

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    try:
        return write_export(path, write, force=force, protected=context.database)
    except ExportError as error:
        if error.reason == "database":  # the database, or another SQLite file: said as it is
            raise
        reason = error.reason if error.reason in ("exists", "unwritable", "disk_full") \
            else "failed"
        raise UserError(str(error), key=f"year_plan.{reason}", path=str(path),
                        folder=str(path.parent)) from None


def _data(fmt: str, result: YearPlan, dry_run: bool) -> bytes:
    if fmt == "ics":
        from meetingtui.export.meetings_ics import build_ics

        return build_ics(result)
    return (json.dumps(_as_json(result, dry_run), ensure_ascii=False, indent=2) + "\n").encode()


def _as_json(result: YearPlan, dry_run: bool) -> dict[str, Any]:
    """Stable English keys and ISO dates, for scripts."""
    def clock(moment: Any) -> str | None:
        return moment.strftime("%H:%M") if moment is not None else None

    return {
        "group": result.group.short,
        "group_id": result.group.id,
        "year": result.year,
        "frequency": result.rhythm.frequency.value,
        "skip_months": list(result.rhythm.skip_months),
        "dry_run": dry_run,
        "meetings": [
            {"date": p.day.isoformat(), "id": p.meeting.id if p.meeting else None,
             "start": clock(result.start), "end": clock(result.end), "place": result.place,
             "rhythm_date": p.rhythm_day.isoformat(), "holiday": p.holiday}
            for p in result.new
        ],
        "already_planned": [
            {"date": m.date.isoformat(), "id": m.id, "status": m.status.value}
            for m in result.already
        ],
    }


def _table(result: YearPlan, dry_run: bool, lang: str) -> str:
    from meetingtui.dates import holiday_name, say_day, say_month, say_span

    rhythm = _say(lang, f"year_plan.{result.rhythm.frequency.value}")
    if result.rhythm.skip_months:
        months = ", ".join(say_month(m, lang) for m in sorted(result.rhythm.skip_months))
        rhythm += ", " + _say(lang, "year_plan.skips", months=months)
    lines = [_say(lang, "year_plan.heading", group=result.group.short, year=result.year,
                  rhythm=rhythm)]
    if result.new:
        key = "year_plan.proposed" if dry_run else "year_plan.planned"
        lines.append(_say(lang, key, count=len(result.new)))
    else:
        lines.append(_say(lang, "year_plan.none_new"))
    time = say_span(result.start, result.end, lang) if result.start is not None else ""
    for p in result.new:
        number = f"#{p.meeting.id:<5} " if p.meeting is not None else ""
        line = f"  {number}{say_day(p.day, lang):<17} {time}".rstrip()
        if p.day != p.rhythm_day:
            holiday = holiday_name(p.rhythm_day, lang) or ""
            line += "  (" + _say(lang, "year_plan.moved", day=say_day(p.rhythm_day, lang),
                                 holiday=holiday) + ")"
        lines.append(line)
    if result.already:
        days = ", ".join(say_day(m.date, lang) for m in result.already)
        lines.append(_say(lang, "year_plan.already", days=days))
    if dry_run:
        lines.append(_say(lang, "year_plan.dry_run"))
    return "\n".join(lines)


def _say(lang: str, key: str, **fields: Any) -> str:
    """A text of the catalogue in `lang` (Swedish where it lacks one), its number's form picked
    by `count`."""
    from meetingtui.i18n import Plural, entries

    entry = entries(lang).get(key) or entries("sv")[key]
    text = entry.pick(fields.get("count")) if isinstance(entry, Plural) else str(entry)
    return text.format(**fields)
