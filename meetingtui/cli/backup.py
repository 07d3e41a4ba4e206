"""`meetingtui backup PATH`: a consistent copy of the database, also while the app runs."""

from __future__ import annotations

from pathlib import Path

import click

from meetingtui.cli.context import Context


@click.command()
@click.argument("path", type=click.Path(path_type=Path, dir_okay=False))
@click.option("--force", is_flag=True, help="Replace PATH if it is an older meetingtui backup.")
@click.pass_obj
def backup(context: Context, path: Path, force: bool) -> None:
    """Copy the database to PATH (readable by you only), safe while meetingtui is running.

    \b
    To restore, quit meetingtui everywhere, then copy the backup back with
      meetingtui --db PATH backup DATABASE --force
    """
    from meetingtui.services.backup import back_up

    click.echo(str(back_up(context.locations.db, path, force=force)))
