"""`meetingtui report GROUP --area … --description …`: report an observation to a group's next
meeting without starting it (inrapportering).

`report` is a group of commands whose default is this observation report: a first word that is
not one of its sub-commands (`yearly`, `quarter` …) is the group the observation goes to.
"""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING, Any

import click

from meetingtui.cli.context import Context, UserError, group_named, words

if TYPE_CHECKING:
    from pydantic import ValidationError

#: The report's fields as the command line names them.
OPTIONS = {"area": "--area", "place_detail": "--place", "category": "--category",
           "description": "--description", "source": "--source", "reported_by": "--by",
           "reported_at": "--at", "confidential": "--confidential", "group_id": "GROUP"}


class ReportGroup(click.Group):
    """Sub-commands by name; anything else is the observation report's GROUP. A usage error
    (an unknown option, a missing value) is one line, as every other error, exit 2."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        if args and args[0].startswith("-") and args[0] not in ctx.help_option_names:
            args = [OBSERVATION.name or "observation", *args]  # options before GROUP
        return super().parse_args(ctx, args)

    def resolve_command(self, ctx: click.Context,
                        args: list[str]) -> tuple[str | None, click.Command | None, list[str]]:
        if args and args[0] in self.commands:
            return super().resolve_command(ctx, args)
        return OBSERVATION.name, OBSERVATION, args

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except click.UsageError as error:
            # One line, not click's usage block; exit 2 as for any wrong option.
            click.echo(f"meetingtui: report: {error.format_message()}", err=True)
            ctx.exit(2)


@click.group(cls=ReportGroup, invoke_without_command=False, no_args_is_help=True,
             subcommand_metavar="GROUP --area … --description … | COMMAND …")
def report() -> None:
    """Report an observation to a group's next meeting (inrapportering), without starting it;
    list what waits for the next meetings (`report waiting`); or write the documents handed
    upward: `report yearly` (the year's lägesbild and åtgärdsplan for KS and KF) and `report
    quarter` (a quarter's lägesbild summary).

    \b
    Examples:
      meetingtui report EST --area Centrum --category Skadegörelse \\
          --description "Krossade rutor vid busstorget" --source Polisen --by "Anna Berg"
      meetingtui report EST --area Norr --description "…" --confidential
      meetingtui report waiting EST
      meetingtui report yearly --year 2026 -o lagesbild-2026.docx
      meetingtui report quarter --quarter 2026-Q4 --group EST -o kvartal.md
    """


@click.command(name="observation")
@click.argument("group_name", metavar="GROUP")
@click.option("--area", required=True, help="Where (area), as in the lägesbild.")
@click.option("--description", required=True, help="What was seen.")
@click.option("--category", default="", help="e.g. Skadegörelse, Klotter, Otrygghet.")
@click.option("--place", default="", help="The place within the area.")
@click.option("--source", default="", help="Where it comes from (Polisen, a resident …).")
@click.option("--by", "reported_by", default="", help="Who reports it.")
@click.option("--at", "reported_at", default=None, metavar="DATE",
              help="When it was seen or reported (default: now), e.g. 2026-10-20.")
@click.option("--confidential", is_flag=True,
              help="Sekretess: never in the public minutes.")
@click.pass_obj
def observation(context: Context, group_name: str, area: str, description: str, category: str,
                place: str, source: str, reported_by: str, reported_at: str | None,
                confidential: bool) -> None:
    """Report an observation to GROUP's next meeting."""
    context.require_database()
    from pydantic import ValidationError

    from meetingtui.services import reports

    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        when = _when(reported_at, ws.now())
        try:
            made = reports.report(ws, group.id, area=area, description=description,
                                  category=category, place_detail=place, source=source,
                                  reported_by=reported_by, reported_at=when,
                                  confidential=confidential)
        except ValidationError as error:
            raise UserError(said(error, OPTIONS, context.language)) from None
    click.echo(words(context.language, "reports.reported", id=made.id, group=group.short)
               or f"report {made.id} waits for {group.short}'s next meeting")
    for name in reports.personal_numbers_in(made):
        click.echo("meetingtui: " + (words(context.language, "reports.personal_number",
                                           field=OPTIONS[name])
                                     or f"warning: {OPTIONS[name]} holds a personnummer"),
                   err=True)


OBSERVATION = observation
report.add_command(observation)


def _when(text: str | None, now: datetime) -> datetime:
    if text is None:
        return now
    from meetingtui.cli.context import day_option

    if len(text.strip()) > len("2026-10-20"):  # a day and a time
        try:
            return datetime.fromisoformat(text.strip())
        except ValueError:
            pass
    day = day_option("--at", text, now.date())
    assert day is not None
    return datetime.combine(day, now.time())


def said(error: ValidationError, names: dict[str, str], lang: str) -> str:
    """A validation error as "name: message; …", each field by the name the user knows it by
    and the message in the interface language."""
    parts = []
    for problem in error.errors():
        field = str(problem["loc"][0]) if problem["loc"] else ""
        message = words(lang, f"error.{problem['type']}", **(problem.get("ctx") or {}))
        parts.append(f"{names.get(field, field)}: {message or problem['msg']}")
    return "; ".join(parts)
