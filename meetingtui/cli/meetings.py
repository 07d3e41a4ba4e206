"""`meetingtui meetings`: the meetings, oldest first, as a table or JSON.

Listing only reads: a missing database, or a file meetingtui may not open, is refused first
(`Context.require_database`), creating and changing nothing. A file of the current schema is
opened read-only (as `meetingtui actions` does), so a file the user may only read is listed too;
an older one goes through the workspace, which upgrades it.
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from meetingtui.cli.context import Context, group_named, unknown_group, warning, words

if TYPE_CHECKING:
    from meetingtui.agenda import TemplateSet
    from meetingtui.services.meeting_list import ListedMeeting


@click.command()
@click.option("--group", "group_name", help="Only this group (id or short name, any case).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_obj
def meetings(context: Context, group_name: str | None, fmt: str) -> None:
    """List meetings, oldest first."""
    from meetingtui.services.group_names import UnknownGroup
    from meetingtui.services.meeting_list import read_meetings

    context.require_database()
    try:
        listed = read_meetings(context.locations.db, group_name, lambda: _templates(context))
    except UnknownGroup as error:
        raise unknown_group(error) from None
    if listed is None:
        listed = _through_workspace(context, group_name)
    if fmt == "json":
        click.echo(json.dumps([m.as_json() for m in listed], ensure_ascii=False, indent=2))
        return
    header = (words(context.language, "cli.meetings_columns")
              or "No Date Time Group Status Place").split()
    rows = [[str(m.id), m.date, f"{m.start or ''}–{m.end or ''}" if m.start else "", m.group,
             words(context.language, f"enum.MeetingStatus.{m.status}") or m.status, m.place]
            for m in listed]
    if not rows:
        return
    # Each column as wide as its longest cell: group names run from "EST" to
    # "Rättighetsnätverket", and the interface language decides the headers' lengths.
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header) - 1)]
    for row in [header, *rows]:
        cells = [row[0].rjust(widths[0]),
                 *(c.ljust(w) for c, w in zip(row[1:-1], widths[1:], strict=True))]
        click.echo("  ".join([*cells, row[-1]]).rstrip())

def _templates(context: Context) -> TemplateSet:
    """The templates, each folder or file that could not be read said as the workspace says it."""
    from meetingtui.agenda import load_templates

    found = load_templates(context.locations.template_dirs)
    for error in found.errors:
        click.echo(warning(error.located(context.language)), err=True)
    return found


def _through_workspace(context: Context, group_name: str | None) -> list[ListedMeeting]:
    """An older file (or one that changed since it was checked): opening the workspace upgrades
    or refuses it."""
    from meetingtui.services.groups import ensure_groups
    from meetingtui.services.meeting_list import ListedMeeting
    from meetingtui.services.meetings import list_meetings

    with context.workspace() as ws:
        groups = {g.id: g for g in ensure_groups(ws)}
        group_id = group_named(ws, group_name).id if group_name else None
        return [
            ListedMeeting(
                m.id or 0, groups[m.group_id].short, m.date.isoformat(),
                m.start.strftime("%H:%M") if m.start else None,
                m.end.strftime("%H:%M") if m.end else None, m.place, m.status.value)
            for m in list_meetings(ws, group_id)
        ]
