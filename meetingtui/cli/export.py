"""`meetingtui export MEETING`: the minutes as Word (or Markdown), internal or public."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from meetingtui.cli.context import Context, meeting_id, no_meeting, personal_number_in, warning


@click.command()
@click.argument("meeting")
@click.option("--public", is_flag=True, help="The public version: confidential items left out.")
@click.option("--format", "fmt", type=click.Choice(["docx", "md"]), default="docx",
              show_default=True)
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="Where to write (default: exports/<group>/<date>-<group>-<document>.docx).")
@click.option("--force", is_flag=True, help="Replace an existing file.")
@click.option("--allow-personal-data", is_flag=True,
              help="Write the public version even though personal identity numbers were found.")
@click.pass_obj
def export(context: Context, meeting: str, public: bool, fmt: str, output: Path | None,
           force: bool, allow_personal_data: bool) -> None:
    """Export a meeting's minutes (its number from `meetingtui meetings`).

    The file is never the database, nor any SQLite file, even with --force.
    """
    from meetingtui.export.files import refuse_database
    from meetingtui.export.minutes import export_minutes
    from meetingtui.services.errors import MeetingNotFound

    number = meeting_id(meeting)
    to_stdout = output is not None and str(output) == "-"
    if to_stdout:
        output = None
    if output is not None:  # before the database is even opened (export_minutes checks again)
        refuse_database(output, context.database)
    context.require_database()
    with context.workspace() as ws:
        try:
            done = export_minutes(ws, number, public=public,
                                  fmt="md" if fmt == "md" else "docx", path=output, force=force,
                                  allow_personal_data=allow_personal_data,
                                  stream=sys.stdout.buffer if to_stdout else None)
        except MeetingNotFound:
            raise no_meeting(number) from None
    for where in done.findings:
        click.echo(warning(personal_number_in(where)), err=True)
    if not to_stdout:
        click.echo(str(done.path))
