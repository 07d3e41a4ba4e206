"""`meetingtui report waiting [GROUP]`: the observations reported between meetings that no
meeting has taken up yet, for the chair preparing the lägesbild (and for a script)."""

from __future__ import annotations

import json

import click

from meetingtui.cli.context import Context, group_named, words


@click.command(name="waiting")
@click.argument("group_name", metavar="[GROUP]", required=False)
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--public", is_flag=True,
              help="Leave out confidential reports; without it they are marked S.")
@click.pass_obj
def waiting(context: Context, group_name: str | None, fmt: str, public: bool) -> None:
    """List the reports waiting for a group's next meeting (every group's without GROUP),
    oldest first."""
    context.require_database()
    from meetingtui.export.clean import one_line
    from meetingtui.services import reports
    from meetingtui.services.groups import ensure_groups

    with context.workspace() as ws:
        groups = [group_named(ws, group_name)] if group_name else ensure_groups(ws)
        found = [(g.short, r) for g in groups if g.id is not None
                 for r in reports.waiting(ws, g.id) if not (public and r.confidential)]
    if fmt == "json":
        click.echo(json.dumps([{
            "id": r.id, "group": short, "reported_at": r.reported_at.isoformat(),
            "reported_by": r.reported_by, "area": r.area, "place": r.place_detail,
            "category": r.category, "description": r.description, "source": r.source,
            "confidential": r.confidential} for short, r in found], ensure_ascii=False, indent=2))
        return
    if not found:
        click.echo(words(context.language, "reports.none_waiting")
                   or "No report is waiting.")
        return
    for short, r in found:
        mark = "S " if r.confidential else ""
        by = f" · {one_line(r.reported_by)}" if r.reported_by else ""
        click.echo(f"{r.reported_at.date().isoformat()}  {short}  {mark}{one_line(r.area)}: "
                   f"{one_line(r.description)}{by}")
