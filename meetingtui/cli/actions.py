"""`meetingtui actions`: the measures a member owns or the chair follows up, in six formats.

Start-up matters here (a member runs it from a script or a mail merge): the command reads the
database directly, and imports only what the chosen format needs (Rich for the table, icalendar
for ics, python-docx for docx). At module level: click only, as for every command.
"""

from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from meetingtui.cli.context import (
    Context,
    UserError,
    day_option,
    meeting_id,
    no_meeting,
    unknown_group,
)
from meetingtui.i18n import counted, language, section, t

if TYPE_CHECKING:
    from meetingtui.services.actions import ActionList

#: As `services.actions.STATUS_CHOICES` (a test checks): not imported, to keep `--help` light.
STATUSES = ("open", "overdue", "done", "cancelled", "all")
FORMATS = ("table", "csv", "md", "json", "ics", "docx", "eml")
#: As `export.actions.calendar.KINDS` (a test checks): not imported, to keep `--help` light.
ICS_KINDS = ("events", "todos", "both")


def today() -> date:
    """The day "overdue" is counted from (tests replace it)."""
    return date.today()


@click.command()
@click.option("--owner", metavar="NAME", help="Only measures this person (exact name) or "
              "organisation owns, in any case: --owner 'Anna Berg', --owner polisen.")
@click.option("--group", "group_name", metavar="GROUP",
              help="Only this group (id or short name, any case).")
@click.option("--status", type=click.Choice(STATUSES), default="open", show_default=True,
              help="open = not started or in progress; overdue = open and past the due date.")
@click.option("--due-before", metavar="DATE",
              help="Only measures due before this day (not on it): 2026-12-01, 1/12, 1 dec.")
@click.option("--meeting", metavar="ID", help="Only measures decided in this meeting "
              "(its number from `meetingtui meetings`).")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for the terminal; csv (Excel), md, json, ics (calendar) to stdout or "
                   "-o; docx to -o or the exports folder.")
@click.option("-o", "--output", type=click.Path(path_type=Path),
              help="Write to this file (never over an existing one without --force); with "
                   "--per-owner, into this folder.")
@click.option("--per-owner", is_flag=True, help="One file per owner, into -o FOLDER or the "
              "exports folder; eml (an e-mail draft per owner) always is.")
@click.option("--public", is_flag=True, help="Leave out confidential measures (for a list sent "
              "outside the group); without it they are marked confidential.")
@click.option("--allow-personal-data", is_flag=True, help="With --public: write the list even "
              "though a personnummer stands in it.")
@click.option("--ics", "ics_kind", type=click.Choice(ICS_KINDS), default="events",
              show_default=True, help="ics: each measure as an all-day event on its due date "
              "with a reminder a week before (what Outlook and Google show), as a to-do, or "
              "both.")
@click.option("--page-per-owner", is_flag=True, help="docx: each owner on a page of their own "
              "(to hand out); without it the owners follow one another under their headings.")
@click.option("--force", is_flag=True, help="Replace the output file if it exists.")
@click.pass_obj
def actions(context: Context, owner: str | None, group_name: str | None, status: str,
            due_before: str | None, meeting: str | None, fmt: str, output: Path | None,
            per_owner: bool, public: bool, allow_personal_data: bool, ics_kind: str,
            page_per_owner: bool, force: bool) -> None:
    """List measures (åtgärder) across groups and meetings: overdue first, then by due date.

    \b
    Examples:
      meetingtui actions --owner polisen
      meetingtui actions --status overdue            what is overdue, per owner
      meetingtui actions --owner 'Anna Berg' --format docx
      meetingtui actions --owner räddningstjänsten --format ics -o rtj.ics --force
      meetingtui actions --group EST --public --format docx   to send outside the group
      meetingtui actions --format eml -o utkast/      an e-mail draft to each owner
    """
    if fmt == "table" and output is not None:
        raise click.UsageError(_said("table_output"))
    to_stdout = output is not None and str(output) == "-"
    if to_stdout:
        output = None  # `-o -`: the file's bytes on standard output, as without -o
    per_owner = per_owner or fmt == "eml"
    if per_owner and to_stdout:
        raise click.UsageError(_said("per_owner_stdout"))
    if per_owner and fmt == "table":
        raise click.UsageError(_said("per_owner_table"))
    if page_per_owner and fmt != "docx":
        raise click.UsageError(_said("page_per_owner"))
    day = today()
    from meetingtui.services.actions import ActionFilters, UnknownMeeting, read_actions
    from meetingtui.services.group_names import UnknownGroup

    filters = ActionFilters(
        owner=owner if owner and owner.strip() else None, group=group_name, status=status,
        due_before=day_option("--due-before", due_before, day),
        meeting_id=meeting_id(meeting) if meeting is not None else None, public=public,
    )
    if output is not None:  # before the database is even opened (write_export checks again)
        from meetingtui.export.files import refuse_database

        refuse_database(output, context.database)
    context.require_database()
    try:
        result = read_actions(context.locations.db, filters, day)
    except UnknownMeeting:
        raise no_meeting(filters.meeting_id or 0) from None
    except UnknownGroup as error:
        raise unknown_group(error) from None
    if public and not allow_personal_data:
        _refuse_personal_data(result)
    if not result.owner_known:
        click.echo(f"meetingtui: {_said('no_owner').format(owner=owner)}", err=True)
    if per_owner:
        _write_per_owner(context, result, fmt, output, force, ics_kind)
    elif fmt == "table":
        from meetingtui.export.actions.common import table_heading

        click.echo(table_heading(result))  # at once: Rich takes a moment to load
        from meetingtui.export.actions.table import print_table

        print_table(result, per_owner=status == "overdue")
    elif fmt == "docx" and to_stdout:
        from meetingtui.export.actions.files import list_bytes

        sys.stdout.buffer.write(list_bytes(result, "docx", page_per_owner=page_per_owner))
    elif fmt == "docx":
        _write_docx(context, result, output, force, page_per_owner)
    else:
        data = _text(fmt, result, ics_kind)
        if output is None:
            click.echo(data, nl=False)
        else:
            _write(context, output, data, force)


def _refuse_personal_data(result: ActionList) -> None:
    """A list sent outside the group is checked as the public minutes are."""
    from meetingtui.export.actions.common import personal_data_in

    places = personal_data_in(result)
    if places:
        more = f" and {len(places) - 5} more" if len(places) > 5 else ""
        raise UserError(f"Personal identity numbers found: {'; '.join(places[:5])}{more}. "
                        "Remove them, or write the list anyway on purpose "
                        "(--allow-personal-data).", key="cli_actions.personal_data",
                        places="; ".join(places[:5]),
                        more=t("cli_actions.personal_more", count=len(places) - 5)
                        if len(places) > 5 else "")


def _said(key: str) -> str:
    """A refusal of options asked together, in the interface language (`[cli_actions]` read
    alone: this command's start-up is measured)."""
    return section(language(), "cli_actions")[key]


def _text(fmt: str, result: ActionList, ics_kind: str = "events") -> bytes:
    if fmt == "csv":
        from meetingtui.export.actions.csv_list import build_csv

        return build_csv(result)
    if fmt == "ics":
        from meetingtui.export.actions.calendar import build_ics

        undated = sum(row.due is None for row in result.rows)
        if undated:
            click.echo(f"meetingtui: {counted('cli_actions', 'undated', undated)}", err=True)
        return build_ics(result, kind=ics_kind)
    if fmt == "json":
        from meetingtui.export.actions.json_list import build_json

        return build_json(result).encode("utf-8")
    from meetingtui.export.actions.markdown import build_md

    return build_md(result).encode("utf-8")


def _write_per_owner(context: Context, result: ActionList, fmt: str, folder: Path | None,
                     force: bool, ics_kind: str) -> None:
    from meetingtui.cli.progress import progress_bar, say_seconds, summary
    from meetingtui.export.actions.files import per_owner_folder, write_per_owner
    from meetingtui.i18n import set_language
    from meetingtui.services.actions import read_member_emails

    if not result.rows:
        click.echo(f"meetingtui: {_said('no_files')}", err=True)
        return
    set_language(context.language)
    emails = read_member_emails(context.locations.db) if fmt == "eml" else {}
    target = folder or per_owner_folder(context.locations.exports, result)
    with progress_bar(t("progress.per_owner")) as bar:
        written = write_per_owner(result, fmt, target, force=force, protected=context.database,
                                  emails=emails, ics_kind=ics_kind, progress=bar)
    for path in written:
        click.echo(str(path))
    # The paths on stdout are what a script reads: the summary goes beside them, on stderr.
    summary(t("progress.per_owner_done", files=len(written), folder=str(target),
              time=say_seconds(bar.seconds, context.language)), data_on_stdout=True)


def _write(context: Context, path: Path, data: bytes, force: bool) -> None:
    from meetingtui.export.files import write_export

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    written = write_export(path, write, force=force, protected=context.database)
    click.echo(str(written))


def _write_docx(context: Context, result: ActionList, output: Path | None, force: bool,
                page_per_owner: bool) -> None:
    from meetingtui.export.actions.common import default_docx_path
    from meetingtui.export.actions.word import build_docx
    from meetingtui.export.files import write_export

    path = output or default_docx_path(context.locations.exports, result.today,
                                       result.filters.owner, result.filters.public)
    # Before writing: a Word template that fails writes nothing.
    document = build_docx(result, page_per_owner=page_per_owner)
    written = write_export(path, document.save, force=force, protected=context.database)
    click.echo(str(written))
