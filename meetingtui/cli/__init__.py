"""The `meetingtui` command: global options, plain-word errors, and the sub-commands.

Start-up time is the floor every command pays, so nothing heavy is imported here: each
sub-command imports what it needs when it runs.
"""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path
from typing import Any

import click

from meetingtui import paths
from meetingtui.cli.click_words import install_click_words, speak, use_said_contexts
from meetingtui.cli.context import Context, UserError, words
from meetingtui.i18n import language, os_error, section, t

# Matched by name so that start-up does not import the modules that define them.
_EXPECTED = {"StoreError", "TemplateError", "ExportError", "DateError", "DemoError",
             "MeetingNotFound", "LookupError", "ValidationError", "OSError"}


#: Exit codes: 0 done, 1 the user's error (a bad date, a missing file), 2 a usage error (click's
#: own), 3 something unexpected (its traceback in a crash log).
USER_ERROR, UNEXPECTED = 1, 3


class _Group(click.Group):
    """Turns every expected failure into one line on stderr and exit 1, an unexpected one into
    a line naming a crash log and exit 3, and a reader that stopped reading (`| head`) into a
    quiet end."""

    def parse_args(self, ctx: click.Context, args: list[str]) -> list[str]:
        speak(args)  # before click reads them: `--help` and usage errors come while it does
        return super().parse_args(ctx, args)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            result = super().invoke(ctx)
            sys.stdout.flush()  # here, not at exit: a closed pipe is then caught below
            return result
        except (click.ClickException, click.exceptions.Exit, click.Abort):
            raise
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(0)
        except Exception as error:
            if os.environ.get("MEETINGTUI_DEBUG"):
                raise
            if _expected(error):
                click.echo(f"meetingtui: {_message(error, ctx.obj)}", err=True)
                sys.exit(USER_ERROR)
            log = _crash_log(error)
            click.echo(f"meetingtui: {_message(error, ctx.obj)}"
                       + (t("cli_errors.crash_log", log=str(log)) if log else ""), err=True)
            sys.exit(UNEXPECTED)

    def format_epilog(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        where = paths.resolve()
        # Written unwrapped so that a long path can be copied from the terminal.
        # The section alone (`i18n.section`): `--help` reads no whole catalogue.
        epilog = section(language(), "cli_errors")["epilog"]
        formatter.write("\n" + epilog.format(db=where.db, exports=where.exports) + "\n")


def _quiet_stdout() -> None:
    """The reader is gone: point stdout at nothing, so that Python's flush at exit does not
    print "Broken pipe" after all."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())


def _crash_log(error: Exception) -> Path | None:
    """The traceback in a file of its own (the user data folder's `crash/`), for whoever looks
    into it; None when even that cannot be written."""
    import traceback
    from datetime import datetime

    try:
        folder = paths.user_data_dir() / "crash"
        folder.mkdir(parents=True, exist_ok=True)
        log = folder / f"{datetime.now():%Y-%m-%d-%H%M%S}-{os.getpid()}.log"
        log.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
        return log
    except OSError:
        return None


def _expected(error: Exception) -> bool:
    return isinstance(error, UserError) or any(
        cls.__name__ in _EXPECTED for cls in type(error).__mro__
    )


def _message(error: Exception, context: Context | None) -> str:
    if isinstance(context, Context):
        said = _in_language(error, context)
        if said is not None:
            return said
        located = getattr(error, "located", None)
        if callable(located):  # a template's error: its file and line, in the user's words
            return str(located(context.language))
    if type(error).__name__ == "ValidationError":
        return t("cli_errors.invalid_value") + "; ".join(
            f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}"
            for e in error.errors()  # type: ignore[attr-defined]
        )
    if isinstance(error, OSError) and error.strerror:
        return f"{os_error(error)}: {error.filename or ''}".rstrip(": ")
    if _expected(error):
        return str(error)
    return t("cli_errors.unexpected", kind=type(error).__name__, error=str(error))


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

    from meetingtui.cli.report import report
    from meetingtui.cli.report_upward import quarter, yearly
    report.add_command(yearly)
    report.add_command(quarter)
    from meetingtui.cli.report_waiting import waiting
    report.add_command(waiting)
    main.add_command(report)
    from meetingtui.cli.import_reports import import_reports
    main.add_command(import_reports)
    from meetingtui.cli.proposals import proposals
    main.add_command(proposals)

    from meetingtui.cli import agreements_edit  # noqa: F401  (its commands join `agreements`)
    from meetingtui.cli.agreements import agreements
    main.add_command(agreements)
    from meetingtui.cli.publish import publish
    main.add_command(publish)
    use_said_contexts(main)  # last: a command added after it would say its help in English


_register()
# After the decorators: what they asked click for at import stays English, the texts a command's
# help is put back to in English (`click_words.say_help`).
install_click_words()
