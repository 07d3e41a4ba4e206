"""The minutes name things in the app's words (issue 12 §11): "iakttagelse" in Swedish and
"observation" in English, and a group by its name with its short name once, never twice.

Everything is read back from the exported document (python-docx for Word)."""

from __future__ import annotations

import pytest

from meetingtui.model import Language
from tests.export.minutes.minutes_helpers import export, md, texts
from tests.export_fixtures import est_record, protocol_record


def test_swedish_minutes_say_iakttagelse_and_english_observation() -> None:
    doc = export(est_record())
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 3"]
    assert headings[1] == "Iakttagelse 2: Fritidsgården Tornet – Narkotika SEKRETESS"
    assert "### Iakttagelse 1: Centrum – Stortorget – Klotter" in md(est_record()).splitlines()
    empty = est_record()
    empty.observations = []
    assert "Inga iakttagelser registrerade." in texts(export(empty))
    assert "Inga iakttagelser registrerade." in md(empty)
    english = [p.text for p in export(est_record(language=Language.EN)).paragraphs
               if p.style.name == "Heading 3"]
    assert english[0] == "Observation 1: Centrum – Stortorget – Klotter"
    assert "observation" not in "\n".join(texts(doc)).casefold().replace("observationer", "")


@pytest.mark.parametrize(("name", "short", "title"), [
    ("Styrgrupp (Strategiskt råd)", "Styrgrupp", "Styrgrupp (Strategiskt råd)"),
    ("Trygghetsgruppen", "Trygghetsgrupp", "Trygghetsgruppen"),
    ("Effektiv samordning för trygghet", "EST", "Effektiv samordning för trygghet (EST)"),
    ("Lokalt brottsförebyggande råd", "BRÅ", "Lokalt brottsförebyggande råd (BRÅ)"),
])
def test_the_group_is_named_once(name: str, short: str, title: str) -> None:
    """A group whose name already says its short name is not named twice ("Styrgrupp
    (Strategiskt råd) (Styrgrupp)", found by tests/scenarios/test_styrgrupp_november.py)."""
    record = protocol_record()
    record.group = record.group.model_copy(update={"name": name, "short": short})
    doc = export(record)
    assert [p.text for p in doc.paragraphs if p.style.name == "Heading 1"] == [title]
    assert doc.core_properties.subject == title
    assert f"# Protokoll: {title}\n" in md(record)
