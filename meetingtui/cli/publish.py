"""`meetingtui publish DIR`: the members' site, plain HTML pages to put on an intranet or send
as a zip (`export.site`)."""

from __future__ import annotations

from pathlib import Path

import click

from meetingtui.cli.context import Context


@click.command()
@click.argument("folder", type=click.Path(path_type=Path))
@click.option("--internal", is_flag=True, help="An internal copy: confidential measures and "
              "minutes included, every page marked \"Intern – får inte spridas\".")
@click.option("--page-per-owner", is_flag=True, help="Print each owner's measures on a page of "
              "their own (the page of all owners).")
@click.option("--datasette", is_flag=True, help="Also write a public copy of the database "
              "(meetingtui-offentlig.db) and metadata.json for a read-only Datasette view: "
              "never point Datasette at the real database.")
@click.option("--force", is_flag=True, help="Publish into a folder that is not empty: replaces "
              "what publish wrote there, removes the pages an earlier publish wrote and this "
              "one does not, and leaves every other file alone.")
@click.pass_obj
def publish(context: Context, folder: Path, internal: bool, page_per_owner: bool,
            datasette: bool, force: bool) -> None:
    """Publish the action lists and minutes as a folder of web pages for the members.

    An index (groups, owners, organisations, what is overdue), a page per owner and per
    organisation with their open measures, a page per group with its meetings and their
    minutes, and a calendar file (.ics) per owner. Public by default: nothing confidential,
    and refused while a personnummer stands in it.

    \b
    Examples:
      meetingtui publish webbplats/
      meetingtui publish webbplats/ --force          publish again over the last one
      meetingtui publish intern/ --internal          for the group itself
      meetingtui publish webbplats/ --datasette      and a public copy for Datasette
    """
    from meetingtui.export.files import refuse_database
    from meetingtui.i18n import set_language, t

    set_language(context.language)
    refuse_database(folder, context.database)  # the database is never a site's folder
    context.require_database()
    from meetingtui.cli.progress import progress_bar, say_seconds, summary
    from meetingtui.export.files import ExportError
    from meetingtui.export.site import publish_site

    with context.workspace() as ws, progress_bar(t("site.progress")) as bar:
        done = publish_site(ws, folder, internal=internal, force=force,
                            page_per_owner=page_per_owner, progress=bar)
        if datasette:
            from meetingtui.cli.context import UserError
            from meetingtui.export.datasette import write_datasette

            try:
                copied = write_datasette(ws, folder, force=force)
            except ExportError as error:  # its message is in the interface language
                raise UserError(str(error)) from None
    for where in done.personal_data:
        click.echo(t("site.warning_personal_data", where=where), err=True)
    summary(t("site.published", count=len(done.files), folder=str(done.folder),
              time=say_seconds(bar.seconds, context.language)), data_on_stdout=False)
    if done.removed:
        click.echo(t("site.removed", count=len(done.removed)))
    if datasette:
        click.echo(t("datasette.written", files=", ".join(p.name for p in copied)))
