"""A Word template that cannot be used (missing, unreadable, a .doc, with macros, damaged or not
Word at all) is one line naming the file, in Swedish or English, and nothing is written; the
formats that are not Word never read it."""

from __future__ import annotations

import zipfile
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn

from meetingtui.export.minutes import export_minutes
from meetingtui.export.word.template import TEMPLATE_MAIN, WordTemplateError
from meetingtui.i18n import catalogue
from meetingtui.services.settings import set_word_template
from meetingtui.services.workspace import Workspace
from tests.cli_helpers import one_line_error
from tests.conftest import Clock
from tests.export.word.template_helpers import (
    as_dotx,
    make_template,
    minutes_meeting,
    run,
)

PROBLEMS = ("missing", "unreadable", "doc", "macros", "invalid")


@pytest.fixture
def meeting(ws: Workspace, clock: Clock) -> int:
    return minutes_meeting(ws, clock)


def broken(tmp_path: Path, problem: str) -> Path:
    """A template that fails in the way ``problem`` names."""
    if problem == "missing":
        return tmp_path / "finns-inte.dotx"
    if problem == "unreadable":
        folder = tmp_path / "en-mapp.docx"
        folder.mkdir()
        return folder
    if problem == "doc":  # a Word 97–2003 file begins with the OLE2 signature
        path = tmp_path / "gammal.doc"
        path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504))
        return path
    if problem == "macros":
        path = tmp_path / "makro.dotm"
        with zipfile.ZipFile(as_dotx(make_template(tmp_path / "m.docx"), tmp_path / "m.dotx")) \
                as source, zipfile.ZipFile(path, "w") as target:
            for info in source.infolist():
                data = source.read(info)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(TEMPLATE_MAIN.encode(), b"application/vnd.ms-word."
                                        b"template.macroEnabledTemplate.main+xml")
                target.writestr(info, data)
        return path
    path = tmp_path / "inte-word.docx"
    path.write_text("Det här är ingen Word-fil.\n", encoding="utf-8")
    return path


INVALID = {
    "text": lambda p: p.write_text("inget Word-dokument", encoding="utf-8"),
    "empty": lambda p: p.write_bytes(b""),
    "zip-without-word": lambda p: zipfile.ZipFile(p, "w").writestr("hej.txt", "hej"),
    "truncated": lambda p: p.write_bytes(make_template(p.with_name("hel.docx")).read_bytes()[:900]),
    "workbook": lambda p: _workbook(p),
    "page-size": lambda p: _unreadable_page(p),
}


def _unreadable_page(path: Path) -> None:
    """A Word document whose page width is no number."""
    doc = docx.Document(str(make_template(path)))
    doc.sections[0]._sectPr.find(qn("w:pgSz")).set(qn("w:w"), "bred")
    doc.save(str(path))


def _workbook(path: Path) -> None:
    """An Office package that is not a Word document (a spreadsheet's content type)."""
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", (
            '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
            'package/2006/content-types"><Override PartName="/xl/workbook.xml" ContentType="'
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>'))
        package.writestr("_rels/.rels", (
            '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
            'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
            'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" '
            'Target="xl/workbook.xml"/></Relationships>'))
        package.writestr("xl/workbook.xml", "<workbook/>")


@pytest.mark.parametrize("problem", PROBLEMS)
def test_a_template_that_cannot_be_used_is_refused_and_nothing_is_written(
        ws: Workspace, meeting: int, tmp_path: Path, problem: str) -> None:
    template = broken(tmp_path, problem)
    set_word_template(ws, template)
    target = ws.locations.exports / "est" / "protokoll.docx"
    with pytest.raises(WordTemplateError) as refused:
        export_minutes(ws, meeting, path=target)
    error = refused.value
    assert (error.reason, error.problem, error.path) == ("word_template", problem, template)
    assert error.key == f"export.word_template_{problem}"
    assert str(template) in str(error) and "\n" not in str(error)
    assert not ws.locations.exports.exists(), "not even the exports folder"

    for lang, words in (("sv", "Word-mallen"), ("en", "Word template")):
        cli = run(ws, "--lang", lang, "export", str(meeting))
        line = one_line_error(cli)
        assert str(template) in line and words in line
        cli = run(ws, "--lang", lang, "actions", "--format", "docx")
        line = one_line_error(cli)
        assert str(template) in line and words in line
    assert not ws.locations.exports.exists()


@pytest.mark.parametrize("make", list(INVALID.values()), ids=list(INVALID))
def test_a_damaged_or_foreign_file_is_not_a_word_document(
        ws: Workspace, meeting: int, tmp_path: Path, make: object) -> None:
    template = tmp_path / "mall.docx"
    make(template)  # type: ignore[operator]
    set_word_template(ws, template)
    with pytest.raises(WordTemplateError) as refused:
        export_minutes(ws, meeting, path=tmp_path / "ut.docx")
    assert refused.value.problem == "invalid"
    assert not (tmp_path / "ut.docx").exists()


def test_the_other_formats_never_read_the_template(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, tmp_path / "finns-inte.docx")
    written = export_minutes(ws, meeting, fmt="md", path=tmp_path / "protokoll.md")
    assert "Mötets öppnande" in written.path.read_text(encoding="utf-8")
    for fmt in ("table", "csv", "md", "json", "ics"):
        result = run(ws, "actions", "--format", fmt)
        assert result.exit_code == 0, (fmt, result.output)
        assert "Sanera klottret" in result.stdout


def test_every_problem_is_worded_in_both_languages() -> None:
    sv, en = catalogue("sv"), catalogue("en")
    for problem in PROBLEMS:
        key = f"export.word_template_{problem}"
        assert key in sv and key in en
        assert "{path}" in sv[key] and "{path}" in en[key]
        assert ("{detail}" in sv[key]) == ("{detail}" in en[key]) == (problem == "unreadable")
