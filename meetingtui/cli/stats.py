"""`meetingtui stats`: problems per area and category with their trend, and what became of the
measures, per month, quarter or year, as a table, JSON or CSV.

Read-only: the database is read directly, as `meetingtui actions` reads it, and never created
or changed. At module level: click only, as for every command.
"""

from __future__ import annotations

from datetime import date

import click

from meetingtui.cli.context import Context, UserError, day_option, unknown_group

PERIODS = ("month", "quarter", "year")  # as `services.periods.PERIODS` (a test checks)
FORMATS = ("table", "json", "csv")


def today() -> date:
    """The day the figures are counted up to (tests replace it)."""
    return date.today()


@click.command()
@click.option("--group", "group_name", metavar="GROUP",
              help="Only this group (id or short name, any case); without it, every group.")
@click.option("--by", type=click.Choice(PERIODS), default="quarter", show_default=True,
              help="The length of a period.")
@click.option("--from", "first", metavar="DATE",
              help="The first day counted: 2026-01-01, 1/1, 1 jan. Without it: the last 12 "
                   "months, 4 quarters or 5 years.")
@click.option("--to", "last", metavar="DATE", help="The last day counted (default: today).")
@click.option("--public", is_flag=True, help="For figures shown outside the group: a "
              "confidential problem or measure is counted under 'Sekretess', not under its "
              "area, category or owner.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for the terminal; json for scripts; csv for Excel.")
@click.pass_obj
def stats(context: Context, group_name: str | None, by: str, first: str | None,
          last: str | None, public: bool, fmt: str) -> None:
    """Figures over time: problems per area and category with their trend (ny, ökande,
    oförändrad, minskande), and measures decided, done, overdue and cancelled, per period,
    per type and per owner, with the median days from decided to done.

    A problem carried over several meetings of a period counts once in it.

    \b
    Examples:
      meetingtui stats --group EST                    the last four quarters
      meetingtui stats --group EST --by month --from 2026-01-01
      meetingtui stats --by year --public --format csv > statistik.csv
    """
    day = today()
    from meetingtui.i18n import set_language

    set_language(context.language)
    start = day_option("--from", first, day)
    end = day_option("--to", last, day)
    if start is not None and (end or day) < start:
        raise UserError(f"--to {end or day} is before --from {start}", key="stats.backwards",
                        first=start.isoformat(), last=(end or day).isoformat())
    from meetingtui.services.group_names import UnknownGroup
    from meetingtui.services.stats import StatsQuery, read_stats

    query = StatsQuery(by=by, first=start, last=end, group=group_name, public=public)
    try:
        # A database of the current schema is read at once; any other file is first checked
        # as `actions` checks it (none, not ours, newer: refused, nothing created).
        figures = read_stats(context.database, query, day, check=context.require_database)
    except UnknownGroup as error:
        raise unknown_group(error) from None
    from meetingtui.export import stats as layout

    if fmt == "csv":
        click.echo(layout.build_csv(figures), nl=False)
    elif fmt == "json":
        click.echo(layout.build_json(figures), nl=False)
    else:
        click.echo(layout.build_table(figures), nl=False)
