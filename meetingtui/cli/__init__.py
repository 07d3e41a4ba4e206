"""The `meetingtui` command: global options, plain-word errors, and the sub-commands.

Start-up time is the floor every command pays, so nothing heavy is imported here: each
sub-command imports what it needs when it runs.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Any

import click

from meetingtui import paths
from meetingtui.cli.context import Context, UserError, words

# Matched by name so that start-up does not import the modules that define them.
_EXPECTED = {"StoreError", "TemplateError", "ExportError", "DateError", "DemoError",
             "MeetingNotFound", "LookupError", "ValidationError", "OSError"}


class _Group(click.Group):
    """Turns every expected failure into one line on stderr and a non-zero exit."""

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except Exception as error:
            if os.environ.get("MEETINGTUI_DEBUG"):
                raise
            click.echo(f"meetingtui: {_message(error, ctx.obj)}", err=True)
            sys.exit(1 if _expected(error) else 2)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        where = paths.resolve()
        # Written unwrapped so that a long path can be copied from the terminal.
        formatter.write(f"\nDatabase in use: {where.db}\nExports go to: {where.exports}\n")


def _expected(error: Exception) -> bool:
    return isinstance(error, UserError) or any(
        cls.__name__ in _EXPECTED for cls in type(error).__mro__
    )


def _message(error: Exception, context: Context | None) -> str:
    if isinstance(context, Context):
        said = _in_language(error, context)
        if said is not None:
            return said
    if type(error).__name__ == "ValidationError":
        return "invalid value: " + "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in error.errors()  # type: ignore[attr-defined]
        )
    if isinstance(error, OSError) and error.strerror:
        return f"{error.strerror}: {error.filename or ''}".rstrip(": ")
    if _expected(error):
        return str(error)
    return f"unexpected error ({type(error).__name__}: {error}); set MEETINGTUI_DEBUG=1 for details"


def _in_language(error: Exception, context: Context) -> str | None:
    """An error that carries an i18n key (StoreError, BackupError, ExportError, UserError), in
    the interface language, as the app says it; None for one without."""
    key = getattr(error, "key", None)
    if not isinstance(key, str):
        return None
    fields: dict[str, str] = dict(getattr(error, "fields", None) or {})
    path = getattr(error, "path", None)
    if isinstance(path, Path) or (path is None and key.startswith("store.")):
        # A store error without a file is about the database in use.
        where = path if isinstance(path, Path) else context.database
        fields = {"path": str(where), "folder": str(where.parent), "name": where.name, **fields}
    return words(context.language, key, **fields)


@click.group(cls=_Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", type=click.Path(path_type=Path, dir_okay=False),
              help="SQLite database file. [env: MEETINGTUI_DB]")
@click.option("--agendas", type=click.Path(path_type=Path, file_okay=False),
              help="The municipality's own agenda templates, added to the built-in ones. "
                   "[env: MEETINGTUI_AGENDAS]")
@click.option("--exports", type=click.Path(path_type=Path, file_okay=False),
              help="Folder for exported minutes and lists. [env: MEETINGTUI_EXPORTS]")
@click.option("--lang", type=click.Choice(["sv", "en"]), envvar="MEETINGTUI_LANG",
              help="Language of the interface (default: from the locale). [env: MEETINGTUI_LANG]")
@click.version_option(package_name="meetingtui")
@click.pass_context
def main(ctx: click.Context, db: Path | None, agendas: Path | None, exports: Path | None,
         lang: str | None) -> None:
    """Run crime-prevention and safety meetings (EST, SSPF, BRÅ …) and write their minutes.

    Without a command, opens the app on the home screen.
    """
    ctx.obj = Context(paths.resolve(db, agendas, exports), lang)
    if ctx.invoked_subcommand is None:
        from meetingtui.cli.tui import run_tui

        run_tui(ctx.obj, meeting=None)


def _register() -> None:
    from meetingtui.cli import (
        actions,
        backup,
        config,
        demo,
        export,
        groups,
        meetings,
        templates,
        tui,
    )

    for command in (templates.templates, demo.demo, meetings.meetings, tui.open_meeting,
                    export.export, actions.actions, backup.backup, groups.groups,
                    config.config):
        main.add_command(command)
    from meetingtui.cli.plan import plan
    main.add_command(plan)
    from meetingtui.cli.search import search
    main.add_command(search)

    from meetingtui.cli.stats import stats
    main.add_command(stats)

    from meetingtui.cli.agreements import agreements
    main.add_command(agreements)


_register()
