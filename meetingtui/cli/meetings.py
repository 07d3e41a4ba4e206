"""`meetingtui meetings`: the meetings, oldest first, as a table or JSON."""

from __future__ import annotations

import json

import click

from meetingtui.cli.context import Context, group_named


@click.command()
@click.option("--group", "group_name", help="Only this group (id or short name, any case).")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_obj
def meetings(context: Context, group_name: str | None, fmt: str) -> None:
    """List meetings, oldest first."""
    from meetingtui.services.groups import ensure_groups
    from meetingtui.services.meetings import list_meetings

    with context.workspace() as ws:
        groups = {g.id: g for g in ensure_groups(ws)}
        group_id = group_named(ws, group_name).id if group_name else None
        rows = [
            {
                "id": m.id,
                "group": groups[m.group_id].short,
                "date": m.date.isoformat(),
                "start": m.start.strftime("%H:%M") if m.start else None,
                "end": m.end.strftime("%H:%M") if m.end else None,
                "place": m.place,
                "status": m.status.value,
            }
            for m in list_meetings(ws, group_id)
        ]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for row in rows:
        times = f"{row['start'] or ''}–{row['end'] or ''}" if row["start"] else ""
        click.echo(f"{row['id']:>5}  {row['date']}  {times:<11}  {row['group']:<12}  "
                   f"{row['status']:<8}  {row['place']}".rstrip())
