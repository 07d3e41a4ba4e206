"""`meetingtui config`: the municipality's name and its Word template, kept in the database."""

from __future__ import annotations

from pathlib import Path

import click

from meetingtui.cli.context import Context, UserError

KEYS = ("municipality", "word-template")


@click.group(invoke_without_command=True)
@click.pass_context
def config(ctx: click.Context) -> None:
    """Show the settings (the same as `config show`)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(show)


@config.command()
@click.pass_obj
def show(context: Context) -> None:
    """The municipality's name, its Word template and the database's id."""
    from meetingtui.services import settings

    context.require_database()
    with context.workspace() as ws:
        template = settings.word_template(ws)
        database_id = ws.store.conn.execute(
            "SELECT value FROM settings WHERE key = 'database_id'").fetchone()
        click.echo(f"municipality   {settings.municipality(ws)}")
        click.echo(f"word-template  {template if template is not None else ''}")
        click.echo(f"database-id    {database_id[0] if database_id else ''}")


@config.command(name="set")
@click.argument("key", type=click.Choice(KEYS))
@click.argument("value")
@click.pass_obj
def set_(context: Context, key: str, value: str) -> None:
    """Set a setting: `municipality "Herrljunga kommun"`; `word-template PATH.docx` (or .dotx;
    an empty value goes back to the built-in look)."""
    from meetingtui.services import settings

    with context.workspace() as ws:
        if key == "municipality":
            if not value.strip():
                raise UserError("the municipality's name cannot be empty",
                                key="cli_config.municipality_empty")
            click.echo(settings.set_municipality(ws, value))
            return
        if not value.strip():
            settings.set_word_template(ws, None)
            return
        path = Path(value).expanduser()
        if path.suffix.lower() not in (".docx", ".dotx") or not path.is_file():
            raise UserError(f"{path} is not a Word document (.docx or .dotx) that can be read",
                            key="cli_config.word_template", path=str(path))
        settings.set_word_template(ws, path.resolve())
        click.echo(str(path.resolve()))
