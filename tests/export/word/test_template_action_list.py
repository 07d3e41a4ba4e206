"""The docx action list starts from the municipality's Word template (issue 14 §4): its logo,
letterhead, address and font, tables as wide as its text."""

from __future__ import annotations

from pathlib import Path

import docx
import pytest

from meetingtui.services.settings import set_word_template
from meetingtui.services.workspace import Workspace
from tests.conftest import Clock
from tests.export.word.template_helpers import (
    ADDRESS,
    FONT,
    LETTERHEAD,
    LOGO,
    header_text,
    image_parts,
    make_template,
    minutes_meeting,
    referenced_styles,
    run,
    styles_that_exist,
)


@pytest.fixture
def meeting(ws: Workspace, clock: Clock) -> int:
    return minutes_meeting(ws, clock)


def test_the_docx_action_list_starts_from_the_template(
        ws: Workspace, meeting: int, tmp_path: Path) -> None:
    set_word_template(ws, make_template(tmp_path / "mall.docx"))
    target = tmp_path / "lista.docx"
    result = run(ws, "actions", "--format", "docx", "-o", str(target))
    assert result.exit_code == 0, result.output
    doc = docx.Document(str(target))
    header = doc.sections[0].header
    assert image_parts(doc) == [LOGO] and LETTERHEAD in header_text(header)
    assert "Åtgärdslista" in header_text(header).splitlines()[-1]
    assert ADDRESS in header_text(doc.sections[0].footer)
    assert doc.styles["Normal"].font.name == FONT
    assert "Anna Berg" in [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    table = doc.tables[0]
    assert sum(c.width.cm for c in table.rows[0].cells) == pytest.approx(17.0, abs=0.05)
    assert referenced_styles(doc) <= styles_that_exist(doc)
