"""A document upward (the yearly lägesbild and åtgärdsplan, a quarter's summary) as plain
blocks, written once by `yearly` / `quarterly` beside it and laid out here as Word (through
the same Word template machinery as the minutes) or Markdown.

Everything in a block is plain text: what users typed is data, never markup. Markdown escapes
it (`minutes.markdown.escape`); Word gets it cleaned (`clean.word_text`). The personnummer
check reads the same blocks, so it checks exactly what would be written. No python-docx at
module level.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO, Literal

from meetingtui.export.files import ExportError, Format, write_export
from meetingtui.i18n import t

if TYPE_CHECKING:
    from docx.document import Document

    from meetingtui.services.workspace import Workspace


@dataclass(frozen=True)
class Heading:
    text: str
    level: int = 1  # 0: the title


@dataclass(frozen=True)
class Para:
    text: str
    secret: bool = False  # marked SEKRETESS (internal only: public leaves such things out)
    italic: bool = False


@dataclass(frozen=True)
class Bullets:
    items: list[str]


@dataclass(frozen=True)
class Table:
    headers: list[str]
    rows: list[list[str]]
    widths_cm: list[float]
    secret: list[bool] = field(default_factory=list)  # per row: SEKRETESS under its first cell


Block = Heading | Para | Bullets | Table


@dataclass(frozen=True)
class Report:
    title: str  # "Lägesbild och åtgärdsplan 2026"
    municipality: str
    public: bool
    blocks: list[Block]


class PersonalDataFound(ExportError):
    """A personnummer stands in what the public version would show."""

    def __init__(self, findings: list[str], path: Path) -> None:
        more = f" and {len(findings) - 5} more" if len(findings) > 5 else ""
        super().__init__(
            f"Personal identity numbers found: {'; '.join(findings[:5])}{more}. Remove them, "
            "or write it anyway on purpose (--allow-personal-data).", reason="personal_data",
            path=path)
        self.findings = findings


@dataclass(frozen=True)
class Written:
    path: Path
    findings: list[str]


# --- personnummer ------------------------------------------------------------------------------

def _texts(report: Report) -> Iterator[tuple[str, str]]:
    """(place, text) for every text written, the place being the heading it stands under."""
    place = report.title
    for block in report.blocks:
        if isinstance(block, Heading):
            place = block.text
            yield place, block.text
        elif isinstance(block, Para):
            yield place, block.text
        elif isinstance(block, Bullets):
            for item in block.items:
                yield place, item
        else:
            for number, row in enumerate(block.rows, start=1):
                for head, cell in zip(block.headers, row, strict=False):
                    yield f"{place}, {t('upward.row')} {number}, {head}", cell


def personal_data(report: Report) -> list[str]:
    """Where a personnummer or samordningsnummer stands, masked: "Åtgärdsplan, rad 3,
    Ansvarig: 811218-**** (personnummer)"."""
    from meetingtui.personal_numbers import find_personal_numbers, mask_personal_numbers

    return [f"{mask_personal_numbers(place)}: {finding.masked} ({finding.kind})"
            for place, text in _texts(report) if text
            for finding in find_personal_numbers(text)]


# --- Markdown ----------------------------------------------------------------------------------

def build_md(report: Report) -> str:
    from meetingtui.export.minutes.markdown import escape

    secret = f"**{escape(t('upward.confidential'))}**"
    out = []
    if report.municipality.strip():
        out += [f"**{escape(report.municipality)}**", ""]
    for block in report.blocks:
        if isinstance(block, Heading):
            out += [f"{'#' * (block.level + 1)} {escape(block.text)}", ""]
        elif isinstance(block, Para):
            text = escape(block.text)
            text = f"*{text}*" if block.italic and text else text
            out += [f"{secret} {text}" if block.secret else text, ""]
        elif isinstance(block, Bullets):
            out += [f"- {escape(item)}" for item in block.items] + [""]
        else:
            out.append("| " + " | ".join(escape(h) for h in block.headers) + " |")
            out.append("|" + "|".join("---" for _ in block.headers) + "|")
            for index, row in enumerate(block.rows):
                # A table cell is one line: its lines apart as HTML line breaks (ours, never
                # the users': their text is escaped).
                # (split at LF only: `splitlines` splits at control characters too).
                cells = ["<br>".join(escape(line) for line in cell.split("\n"))
                         for cell in row]
                if index < len(block.secret) and block.secret[index]:
                    cells[0] = f"{cells[0]} {secret}".strip()
                out.append("| " + " | ".join(cells) + " |")
            out.append("")
    return "\n".join(out).rstrip("\n") + "\n"


# --- Word --------------------------------------------------------------------------------------

def build_docx(report: Report, *, created: datetime, template: Path | None,
               header: list[str]) -> Document:
    """The report as a python-docx Document, from the municipality's Word template when one is
    set (raises `WordTemplateError` when it cannot be used)."""
    from docx.shared import Pt

    from meetingtui.export.clean import one_line, word_text
    from meetingtui.export.word import layout, page
    from meetingtui.export.word.ooxml import styled

    doc = layout.a4_document("sv-SE", template)
    layout.set_properties(doc, title=report.title, author=report.municipality,
                          subject=report.title, language="sv-SE", created=created)
    page.page_header(doc, report.municipality, header)
    page.page_footer(doc, t("upward.page_prefix"), t("upward.page_of"))
    if one_line(report.municipality):
        town = doc.add_paragraph().add_run(one_line(report.municipality))
        town.bold = True
        town.font.size = Pt(13)
    for block in report.blocks:
        if isinstance(block, Heading):
            layout.heading(doc, one_line(block.text), block.level)
        elif isinstance(block, Para):
            paragraph = styled(doc)
            if block.secret:
                layout.mark(paragraph, t("upward.confidential"))
                paragraph.add_run(" ")
            run = paragraph.add_run(word_text(block.text))
            run.italic = block.italic or None
        elif isinstance(block, Bullets):
            for item in block.items:
                styled(doc, "List Bullet", item)
        else:
            _table(doc, block)
    layout.keep_dates_whole(doc)
    layout.space_after_tables(doc)
    return doc


def _table(doc: Document, block: Table) -> None:
    from meetingtui.export.word import layout

    widths = layout.fitted_widths(block.widths_cm, block.headers, block.rows,
                                  marks=[t("upward.confidential")],
                                  total=layout.text_width_cm(doc))
    table = layout.data_table(doc, block.headers, widths)
    for index, row in enumerate(block.rows):
        cells = layout.add_row(table, row)
        if index < len(block.secret) and block.secret[index]:
            layout.mark(cells[0].add_paragraph(), t("upward.confidential"))
    layout.finish_table(table)


# --- writing -----------------------------------------------------------------------------------

def write_report(ws: Workspace, report: Report, *, fmt: Format, path: Path, force: bool,
                 allow_personal_data: bool, header: list[str]) -> Written:
    """Write the report safely (`files.write_export`); the public version is refused while a
    personnummer stands in it, unless `allow_personal_data` (the internal one is written and
    the findings returned, as the minutes do)."""
    from meetingtui.services.settings import word_template

    findings = personal_data(report)
    if findings and report.public and not allow_personal_data:
        raise PersonalDataFound(findings, path)
    if fmt == "md":
        text = build_md(report).encode("utf-8")

        def write(stream: BinaryIO) -> None:
            stream.write(text)
    else:
        document = build_docx(report, created=ws.now().replace(microsecond=0),
                              template=word_template(ws), header=header)

        def write(stream: BinaryIO) -> None:
            document.save(stream)

    return Written(write_export(path, write, force=force, protected=ws.store.path), findings)


def format_of(path: Path) -> Literal["docx", "md"] | None:
    """The format a file name asks for: .docx or .md; None for any other."""
    suffix = path.suffix.lower()
    return "md" if suffix == ".md" else "docx" if suffix == ".docx" else None
