"""`meetingtui templates`: list the group types; `templates check FILE…`: validate files."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from meetingtui.cli.context import Context
from meetingtui.i18n import section, t_in


@click.group(invoke_without_command=True)
@click.pass_context
def templates(ctx: click.Context) -> None:
    """List the agenda templates (built-in and the municipality's own)."""
    if ctx.invoked_subcommand is not None:
        return
    from meetingtui.agenda import load_templates

    context: Context = ctx.obj
    found = load_templates(context.locations.template_dirs)
    rows = [(t.short, t.name, t.frequency.value, t.chair, str(len(t.items)), t.id)
            for t in found.templates.values()]
    said = section(context.language, "cli_templates")
    headings = [said[name] for name in _HEADINGS]
    widths = [max([len(h)] + [len(r[i]) for r in rows]) for i, h in enumerate(headings)]
    click.echo("  ".join(h.ljust(w) for h, w in zip(headings, widths, strict=True)).rstrip())
    for row in rows:
        click.echo("  ".join(c.ljust(w) for c, w in zip(row, widths, strict=True)).rstrip())
    for error in found.errors:
        click.echo(f"{said['broken']}  {error.located(context.language)}", err=True)


_HEADINGS = ("short", "name", "frequency", "chair", "items", "id")


@templates.command("check")
@click.argument("files", nargs=-1, required=True,
                type=click.Path(path_type=Path, dir_okay=False))
@click.pass_obj
def check(context: Context, files: tuple[Path, ...]) -> None:
    """Validate template files; exit 1 with FILE:LINE: message (in the --lang language) on any
    error."""
    from meetingtui.agenda import TemplateError, load_template

    failed = False
    for path in files:
        try:
            template = load_template(path)
        except TemplateError as error:
            click.echo(error.located(context.language), err=True)
            failed = True
        else:
            click.echo(t_in(context.language, "cli_templates.ok", path=str(path),
                            short=template.short, count=len(template.items)))
    if failed:
        sys.exit(1)
