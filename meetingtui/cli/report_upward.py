"""`meetingtui report yearly` and `meetingtui report quarter`: the municipality's yearly
lägesbild and åtgärdsplan for KS and KF, and a quarter's lägesbild summary for KLG/KSLU, as Word
or Markdown (by the file name's ending). At module level: click only, as for every command.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from meetingtui.cli.context import Context, UserError, personal_number_in, unknown_group, warning

if TYPE_CHECKING:
    from meetingtui.export.upward.document import Written

_OUTPUT = click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
                       help="The file to write, .docx or .md (default: a Word file in "
                            "exports/rapporter/).")
_PUBLIC = click.option("--public", is_flag=True, help="The public version: confidential "
                       "problems and their measures left out; refused while a personnummer "
                       "stands in it.")
_FORCE = click.option("--force", is_flag=True, help="Replace an existing file.")
_ALLOW = click.option("--allow-personal-data", is_flag=True,
                      help="With --public: write it even though a personnummer stands in it.")


def _format(output: Path | None, context: Context) -> str:
    """The format the file name asks for; checked before the database is opened."""
    if output is None:
        return "docx"
    from meetingtui.export.files import refuse_database
    from meetingtui.export.upward.document import format_of

    found = format_of(output)
    if found is None:
        raise UserError(f"-o {output}: the file name must end in .docx or .md",
                        key="upward.bad_output", path=str(output))
    refuse_database(output, context.database)
    return found


def _done(written: Written) -> None:
    for where in written.findings:
        click.echo(warning(personal_number_in(where)), err=True)
    click.echo(str(written.path))


@click.command()
@click.option("--year", required=True, metavar="YYYY", help="The year reported, e.g. 2026.")
@_PUBLIC
@_OUTPUT
@_FORCE
@_ALLOW
@click.pass_obj
def yearly(context: Context, year: str, public: bool, output: Path | None, force: bool,
           allow_personal_data: bool) -> None:
    """The municipality's lägesbild and åtgärdsplan for a year (law 2023:196), for the
    kommunstyrelse and fullmäktige: figures per area and category against the year before, the
    main problems with causes and sources, the quarters' priorities, the measures decided and
    their status at the year's end, last year's measures followed up, proposals to bodies
    above, medborgarlöften and samverkansöverenskommelser.

    \b
    Examples:
      meetingtui report yearly --year 2026 -o lagesbild-2026.docx
      meetingtui report yearly --year 2026 --public -o lagesbild-2026.md
    """
    text = year.strip()
    if not (text.isascii() and text.isdigit() and 1900 <= int(text) <= 9999):
        raise UserError(f"--year {year!r} is not a year: write it as 2026",
                        key="upward.bad_year", year=year)
    fmt = _format(output, context)
    from meetingtui.i18n import set_language

    set_language(context.language)
    context.require_database()
    from meetingtui.cli.progress import progress_bar, say_seconds, summary
    from meetingtui.export.upward.yearly import export_yearly
    from meetingtui.i18n import t

    with context.workspace() as ws, progress_bar(t("progress.yearly")) as bar:
        written = export_yearly(ws, int(text), public=public, path=output, fmt=fmt,
                                force=force, allow_personal_data=allow_personal_data,
                                progress=bar)
    _done(written)
    # The path on stdout is what a script reads: the summary goes beside it, on stderr.
    summary(t("progress.yearly_done", year=text, time=say_seconds(bar.seconds, context.language)),
            data_on_stdout=True)


@click.command()
@click.option("--quarter", required=True, metavar="YYYY-QN",
              help="The quarter reported, e.g. 2026-Q4.")
@click.option("--group", "group_name", metavar="GROUP",
              help="Only this group (id or short name, any case); without it, every group.")
@_PUBLIC
@_OUTPUT
@_FORCE
@_ALLOW
@click.pass_obj
def quarter(context: Context, quarter: str, group_name: str | None, public: bool,
            output: Path | None, force: bool, allow_personal_data: bool) -> None:
    """A quarter's lägesbild summary for KLG or KSLU: its figures per area and category against
    the quarter before, its problems, the priorities chosen for the next quarter and the
    measures overdue at its end.

    \b
    Examples:
      meetingtui report quarter --quarter 2026-Q4 -o kvartal.docx
      meetingtui report quarter --quarter 2026-Q4 --group EST --public -o est-q4.md
    """
    from meetingtui.services.upward import BadPeriod, parse_quarter

    try:
        parse_quarter(quarter)
    except BadPeriod:
        raise UserError(f"--quarter {quarter!r} is not a quarter: write it as 2026-Q4 (Q1–Q4)",
                        key="upward.bad_quarter", quarter=quarter) from None
    fmt = _format(output, context)
    from meetingtui.i18n import set_language

    set_language(context.language)
    context.require_database()
    from meetingtui.export.upward.quarterly import export_quarterly
    from meetingtui.services.group_names import UnknownGroup

    with context.workspace() as ws:
        try:
            written = export_quarterly(ws, quarter, group=group_name, public=public,
                                       path=output, fmt=fmt, force=force,
                                       allow_personal_data=allow_personal_data)
        except UnknownGroup as error:
            raise unknown_group(error) from None
    _done(written)
