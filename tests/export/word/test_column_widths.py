"""Table columns hold their longest words whole ("Räddningstjänsten", not "Räddningstjäns-ten"),
and fill the 16 cm between the margins.

The measure is DejaVu Sans (what LibreOffice shows a document in Arial with when Arial is not
installed, and the widest of the fonts it may be shown in); it is checked here against Arial's
own widths (Helvetica's, which Arial and Liberation Sans share), so a word that fits by this
measure fits in Word too.
"""

from __future__ import annotations

import io

import docx
import pytest
from docx.document import Document
from docx.table import Table

from meetingtui.export.minutes.word import build_minutes
from meetingtui.export.word.column_widths import (
    CELL_EXTRA_CM,
    fit,
    longest_word_cm,
    text_width_cm,
    words,
)
from meetingtui.export.word.layout import TABLE_FONT_SIZE, TEXT_WIDTH_CM
from meetingtui.model import Language, MeetingRecord
from tests.export_fixtures import MUNICIPALITY, est_record

SIZE = TABLE_FONT_SIZE.pt

# Helvetica/Arial advance widths (thousandths of an em) for the letters of the words below.
ARIAL = {**dict.fromkeys("abdeghnopquåäöé", 556), **dict.fromkeys("cksvxyz", 500),
         **dict.fromkeys("fjilt", 278), "i": 222, "j": 222, "l": 222, "m": 833, "r": 333,
         "w": 722, **dict.fromkeys("KÅÄARSBEP", 667), **dict.fromkeys("DCHNU", 722), "F": 611,
         "M": 833, "Ö": 778, "G": 778, "T": 611, " ": 278, "-": 333, "/": 278, "→": 1000,
         **dict.fromkeys("0123456789", 556), ",": 278, ".": 278, "(": 333, ")": 333}
LONG_WORDS = ["Räddningstjänsten", "Kommunledningsförvaltningen", "Återvinningscentralen",
              "Ungdomsgrupperingar", "Samhällsbyggnadsförvaltningen", "Status före → efter",
              "Klart senast", "underrättelseuppgifter", "2026-12-01"]


@pytest.mark.parametrize("word", LONG_WORDS)
def test_the_measure_is_at_least_arials(word: str) -> None:
    arial = sum(ARIAL[c] for c in word) / 1000 * SIZE * 2.54 / 72
    assert text_width_cm(word, SIZE) >= arial
    assert text_width_cm(word, SIZE, bold=True) > text_width_cm(word, SIZE)


def test_what_a_line_may_break_at() -> None:
    assert words("Karin Ahmadi, Räddningstjänsten") == ["Karin", "Ahmadi,", "Räddningstjänsten"]
    assert words("Medborgare/trygghetsvandring SSPF-samordnare") == [
        "Medborgare/", "trygghetsvandring", "SSPF-", "samordnare"]
    assert words("klart 2026-12-01 kl. 13–15") == ["klart", "2026-12-01", "kl.", "13–15"]
    assert words("Nytt klotter på **busskuren**") == ["Nytt", "klotter", "på", "busskuren"]
    assert longest_word_cm([], SIZE) == 0.0


def test_fit_keeps_minimums_and_fills_the_width() -> None:
    widths = fit([5.2, 3.0, 4.2, 3.6], [1.0, 5.7, 2.4, 2.0], 16.0)
    assert sum(widths) == pytest.approx(16.0)
    assert widths[1] == pytest.approx(5.7)
    assert all(w >= m for w, m in zip(widths, [1.0, 5.7, 2.4, 2.0], strict=True))
    # The preferred share where nothing is too narrow.
    assert fit([4, 4, 8], [1, 1, 1], 16.0) == pytest.approx([4, 4, 8])
    # Every column at its minimum and room to spare: the spare goes where it was wanted.
    assert fit([1, 1], [7, 7], 16.0) == pytest.approx([8, 8])
    # Minimums wider than the page: the narrow keep theirs, the widest give way (their words
    # break, not the dates beside them).
    assert fit([8, 8], [12, 8], 16.0) == pytest.approx([8, 8])
    assert fit([1, 1, 1, 1], [2.4, 6.0, 5.0, 4.0], 16.0) == pytest.approx([2.4, 4.8, 4.8, 4.0])
    assert fit([1, 1], [20, 30], 16.0) == pytest.approx([8, 8])


def export(record: MeetingRecord) -> Document:
    out = io.BytesIO()
    build_minutes(record, public=False, municipality=MUNICIPALITY).save(out)
    return docx.Document(io.BytesIO(out.getvalue()))


def long_worded() -> MeetingRecord:
    """The fixture with the long organisation names the demo meetings have."""
    record = est_record()
    followup = record.followups[0].measure
    followup.owner, followup.owner_org = "Märta Lindahl", "Kommunledningsförvaltningen"
    record.measures[0].owner, record.measures[0].owner_org = "Karin Ahmadi", "Räddningstjänsten"
    record.measures[2].owner_org = "Samhällsbyggnadsförvaltningen"
    obs = record.observations[2].observation
    obs.area, obs.place_detail = "Västra industriområdet", "Återvinningscentralen"
    obs.category, obs.source = "Ungdomsgrupperingar / samlingsplats", "Räddningstjänsten"
    return record


def data_tables(doc: Document) -> list[Table]:
    """The tables with a shaded header row (not the header block or the signature lines)."""
    return [t for t in doc.tables if "w:shd" in t.rows[0].cells[0]._tc.xml]


@pytest.mark.parametrize("language", list(Language))
def test_every_word_fits_its_column_and_the_columns_fill_the_text_width(
        language: Language) -> None:
    record = long_worded()
    if language is Language.EN:
        record.template = record.template.model_copy(update={"language": language})
    doc = export(record)
    tables = data_tables(doc)
    assert len(tables) == 3  # follow-up, lägesbild, action plan
    for table in tables:
        grid = [column.width.cm for column in table.columns]
        assert sum(grid) == pytest.approx(TEXT_WIDTH_CM, abs=0.01)
        for number, row in enumerate(table.rows):
            for cell, width in zip(row.cells, grid, strict=True):
                assert cell.width.cm == pytest.approx(width, abs=0.01)
                room = width - CELL_EXTRA_CM + 0.1  # the margins, less the slack kept
                for paragraph in cell.paragraphs:
                    for run in paragraph.runs:
                        bold = bool(run.bold) or number == 0
                        for word in words(run.text):
                            assert text_width_cm(word, SIZE, bold=bold) <= room, (word, width)


def test_the_long_words_are_in_the_tables_whole() -> None:
    doc = export(long_worded())
    cells = [cell for table in data_tables(doc) for row in table.rows for cell in row.cells]
    owners = {cell.text for cell in cells}
    assert "Märta Lindahl, Kommunledningsförvaltningen" in owners
    assert "Karin Ahmadi, Räddningstjänsten" in owners
    follow_up = data_tables(doc)[0]
    owner_column = follow_up.columns[1].width.cm
    assert owner_column >= text_width_cm("Kommunledningsförvaltningen", SIZE) + 0.38
    header = follow_up.rows[0].cells[2]
    assert header.text == "Status före → efter"
    assert follow_up.columns[2].width.cm >= max(
        text_width_cm(w, SIZE, bold=True) for w in words(header.text)) + 0.38


def test_header_block_labels_fit() -> None:
    doc = export(est_record())
    label_width = doc.tables[0].columns[0].width.cm
    for row in doc.tables[0].rows:
        label = row.cells[0].text
        assert text_width_cm(label, 11, bold=True) + 0.38 <= label_width, label


def test_a_word_wider_than_the_page_still_gives_a_table_as_wide_as_the_text() -> None:
    record = est_record()
    record.measures[0].text = "x" * 120
    doc = export(record)
    for table in data_tables(doc):
        assert sum(c.width.cm for c in table.columns) == pytest.approx(TEXT_WIDTH_CM, abs=0.01)


def test_dates_do_not_break_at_their_hyphens() -> None:
    doc = export(est_record())
    follow_up = data_tables(doc)[0]
    cell = follow_up.rows[1].cells[0]
    assert cell.text == "Trygghetsvandring i Östra (EST, beslutad 2026-03-10)"  # read back as "-"
    run = cell.paragraphs[0]._p
    assert len(run.findall(".//" + "{http://schemas.openxmlformats.org/wordprocessingml/2006/"
                                   "main}noBreakHyphen")) == 2
    bullets = [p for p in doc.paragraphs if p.text.startswith("Åtgärd 1:")]
    assert bullets[0].text.endswith("klart senast 2026-04-30)")
    assert "noBreakHyphen" in bullets[0]._p.xml
    # Other hyphens stay as they are: a line may break after them.
    record = est_record()
    record.items[0].notes = "SSPF-gruppen och 2026-4-1 och 12-2026-04-30"
    opening = next(p for p in export(record).paragraphs if p.text.startswith("SSPF"))
    assert "noBreakHyphen" not in opening._p.xml
    assert opening.text == "SSPF-gruppen och 2026-4-1 och 12-2026-04-30"


def test_a_table_of_long_organisation_names_keeps_its_dates_whole() -> None:
    """The demo's medborgarlöfte: owners in Samhällsbyggnadsförvaltningen and
    Kommunledningsförvaltningen are too wide together with the rest; the owner column gives way,
    the due date ("2026-11-30") and the party stay on one line."""
    from meetingtui.export.word.layout import fitted_widths

    headers = ["Part", "Åtagande", "Ansvarig", "Klart senast", "Status"]
    rows = [["Kommunen", "Trygghetsvandringar i Centrum varje månad, med föreningar och boende",
             "Trygghetssamordnare, Kommunledningsförvaltningen", "2026-11-30", "ej påbörjad"],
            ["Kommunen", "Bättre belysning längs gångstråket till Resecentrum",
             "Gatuchef, Samhällsbyggnadsförvaltningen", "2026-09-30", "ej påbörjad"],
            ["Lokalpolisområdet", "Medborgardialog om otrygghet i Resecentrum",
             "Kommunpolis, Polisen, lokalpolisområdet", "2026-05-31", "ej påbörjad (försenad)"]]
    widths = fitted_widths((2.8, 6.2, 3.4, 2.4, 2.8), headers, rows, total=16.0)
    assert sum(widths) == pytest.approx(16.0)
    size = TABLE_FONT_SIZE.pt
    for column in (0, 3, 4):  # party, date, status: their longest words whole
        longest = max(text_width_cm(word, size) for row in rows
                      for word in row[column].split())
        assert widths[column] >= longest + CELL_EXTRA_CM
    assert widths[2] < text_width_cm("Samhällsbyggnadsförvaltningen", size)  # this one breaks
