"""`meetingtui import FILE`: reports between meetings from a CSV or an .xlsx workbook, every
row checked before any is stored; `meetingtui import --template` writes the blank file."""

from __future__ import annotations

from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

import click

from meetingtui.cli.context import Context, UserError, group_named

if TYPE_CHECKING:
    from meetingtui.model import Group
    from meetingtui.services.report_import import RowError
    from meetingtui.services.workspace import Workspace


@click.command(name="import")
@click.argument("file", required=False, type=click.Path(path_type=Path, dir_okay=False))
@click.option("--group", "group_name", metavar="GROUP",
              help="The group of the rows whose Grupp cell is empty (or a file without one).")
@click.option("--skip-bad", is_flag=True,
              help="Import the good rows and say which were skipped (default: a bad row "
                   "imports nothing).")
@click.option("--template", is_flag=True,
              help="Write the blank file to hand out (Swedish headers) instead.")
@click.option("-o", "--output", type=click.Path(path_type=Path, dir_okay=False),
              help="With --template: the file, .csv or .xlsx (default: "
                   "inrapportering.xlsx in the exports folder).")
@click.option("--force", is_flag=True, help="With --template: replace the file if it exists.")
@click.pass_obj
def import_reports(context: Context, file: Path | None, group_name: str | None,
                   skip_bad: bool, template: bool, output: Path | None, force: bool) -> None:
    """Import reports between meetings (inrapportering) from FILE (.csv or .xlsx).

    The first row names the columns: Grupp, Område, Plats, Kategori, Beskrivning, Källa,
    Rapporterad av, Datum, Sekretess (Område and Beskrivning required; Grupp unless --group).
    Each report waits for its group's next meeting. A bad row is said as FILE:ROW: column:
    what is wrong, and then nothing is imported, unless --skip-bad.

    \b
    Examples:
      meetingtui import --template -o inrapportering.xlsx
      meetingtui import inrapportering.xlsx
      meetingtui import polisen-oktober.csv --group EST --skip-bad
    """
    lang = context.language
    if template:
        if file is not None:
            raise UserError("--template writes the blank file; give no FILE with it "
                            "(-o names the file to write)", key="reports.template_and_file")
        click.echo(str(_template(context, output, force)))
        return
    if file is None:
        raise UserError("give the FILE to import, or --template for the blank file",
                        key="reports.no_file")
    context.require_database()
    from meetingtui.services.report_import import (
        ReportFileError,
        check_file,
        import_checked,
    )

    with context.workspace() as ws:
        group = group_named(ws, group_name) if group_name else None
        try:
            checked = check_file(ws, file, group)
        except ReportFileError as error:
            raise UserError(f"{file}: {error}", key="reports.file_error", file=str(file),
                            error=_say(lang, f"reports.{error.key}", str(error),
                                       **error.fields)) from None
        for bad in checked.errors:
            click.echo(f"{file}:{bad.row}: {bad.column}: {_said(lang, bad)}", err=True)
        if checked.errors and not skip_bad:
            rows = ", ".join(map(str, checked.bad_rows))
            raise UserError(f"nothing imported: rows {rows} have errors (--skip-bad imports "
                            "the others)", key="reports.none_imported", rows=rows)
        count = import_checked(ws, checked)
        from meetingtui.services.report_import import COLUMNS
        from meetingtui.services.reports import personal_numbers_in

        header = {field: name for name, field in COLUMNS.items()}
        for row, made in zip(checked.rows, checked.reports, strict=True):
            for name in personal_numbers_in(made):
                click.echo(f"{file}:{row}: {header[name]}: " + _say(
                    lang, "reports.personal_number_cell", "warning: a personnummer"),
                    err=True)
        shorts = {g.id: g.short for g in _groups(ws)}
    per_group = Counter(shorts.get(r.group_id, "?") for r in checked.reports)
    spread = ", ".join(f"{short} {n}" for short, n in sorted(per_group.items()))
    click.echo(_say(lang, "reports.imported", f"{count} reports imported ({spread})",
                    count=count, groups=spread or "–"))
    if checked.errors:
        skipped = ", ".join(map(str, checked.bad_rows))
        click.echo(_say(lang, "reports.skipped", f"skipped rows: {skipped}",
                        rows=skipped))
    if not count and checked.errors:
        raise SystemExit(1)


def _groups(ws: Workspace) -> list[Group]:
    from meetingtui.services.groups import all_groups

    return all_groups(ws)


def _said(lang: str, error: RowError) -> str:
    key = error.key if error.key.startswith("error.") else f"reports.{error.key}"
    return _say(lang, key, error.message, **error.fields)


def _say(lang: str, key: str, fallback: str, **fields: object) -> str:
    """The catalogue's words (a number's form picked by `count`), else the English."""
    from meetingtui.i18n import Plural, entries, format_text

    entry = entries(lang).get(key) or entries("sv").get(key)
    text = entry.pick(fields.get("count")) if isinstance(entry, Plural) else entry
    if not isinstance(text, str):
        return fallback
    try:
        return format_text(text, fields, lang)
    except (KeyError, IndexError, ValueError):
        return fallback


def _template(context: Context, output: Path | None, force: bool) -> Path:
    from meetingtui.export.files import write_export
    from meetingtui.export.report_template import template_csv, template_xlsx

    path = output if output is not None else context.locations.exports / "inrapportering.xlsx"
    suffix = path.suffix.casefold()
    if suffix not in (".csv", ".xlsx"):
        raise UserError(f"{path}: the blank file is .csv or .xlsx", key="reports.template_kind",
                        path=str(path))
    data = template_csv() if suffix == ".csv" else template_xlsx()

    def write(stream: BinaryIO) -> None:
        stream.write(data)

    return write_export(path, write, force=force, protected=context.database)
