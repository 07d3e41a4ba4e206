"""The blank file to hand out for reports between meetings (`meetingtui import --template`):
the Swedish headers `meetingtui import` reads, as CSV for Swedish Excel (UTF-8 with a BOM so
that å ä ö open right, semicolons) or as an .xlsx workbook.

Every cell is written as text: nothing in the file is a formula (a header is data, whatever
its first character)."""

from __future__ import annotations

import io

from meetingtui.services.report_import import HEADERS

_WIDTHS = {"Beskrivning": 60, "Rapporterad av": 18, "Område": 16, "Källa": 16}


def template_csv() -> bytes:
    return ("\ufeff" + ";".join(HEADERS) + "\r\n").encode("utf-8")


def template_xlsx() -> bytes:
    import openpyxl
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Inrapportering"
    for column, header in enumerate(HEADERS, start=1):
        cell = sheet.cell(row=1, column=column)
        cell.value = header
        cell.data_type = "s"  # text, never a formula
        cell.font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(column)].width = _WIDTHS.get(header, 12)
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
