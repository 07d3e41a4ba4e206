"""Where personal identity numbers stand in a meeting's minutes, and what the public version
leaves out (the detector itself: tests/test_privacy.py)."""

from __future__ import annotations

from meetingtui.i18n import words_of
from meetingtui.model import AgendaItem, ItemKind, MeetingRecord
from meetingtui.privacy import Where, find_personal_numbers, public_view, scan_record
from tests.export_fixtures import SECRET_OBS, est_record


def with_numbers() -> MeetingRecord:
    record = est_record()
    record.observations[0].causes[0].text = "Anmälan rör 811218-9876"
    record.observations[1].observation.description = f"{SECRET_OBS}, 19811218-9876"
    record.items[0].notes = "Välkomna. 811218-9876 deltog."
    return record


def test_scan_record_says_where_each_number_stands() -> None:
    record = with_numbers()
    places = [w.place for w in scan_record(record, public=False)]
    assert places == [
        "§ 1 Mötets öppnande, notes",
        "§ 4 Lägesbild, observation 1 (Centrum), cause 1",
        "§ 4 Lägesbild, observation 2 (Fritidsgården Tornet), description",
    ]
    first = scan_record(record, public=False)[0]
    assert str(first) == "§ 1 Mötets öppnande, notes: 811218-**** (personnummer)"


def test_public_scan_skips_what_the_public_version_leaves_out() -> None:
    record = with_numbers()
    places = [w.place for w in scan_record(record, public=True)]
    assert places == [
        "§ 1 Mötets öppnande, notes",
        "§ 4 Lägesbild, observation 1 (Centrum), cause 1",
    ]


def test_scan_covers_measures_followups_attendance_and_confidential_items() -> None:
    record = est_record()
    record.measures[2].text = "Kontakta 811218-9876"
    record.followups[0].update.comment = "Gäller 811218-9876"  # type: ignore[union-attr]
    record.attendance[0].name = "Karin Ek 811218-9876"
    record.items[5].notes = "Hemligt: 811218-9876"
    internal = [w.place for w in scan_record(record, public=False)]
    assert "§ 5 Åtgärdsplan, measure 3, text" in internal
    assert "§ 4 Lägesbild, observation 3 (Stationsområdet), measure 1, text" in internal
    assert "§ 3 Uppföljning av åtgärdsplan, measure 1, comment" in internal
    assert "§ 6 Information från polisen, notes" in internal
    assert any(place.startswith("attendance (Karin Ek") for place in internal)
    public = [w.place for w in scan_record(record, public=True)]
    assert "§ 6 Information från polisen, notes" not in public
    assert "§ 5 Åtgärdsplan, measure 3, text" in public  # numbered as in the internal version


def test_a_clean_record_has_no_findings() -> None:
    assert scan_record(est_record(), public=False) == []


def test_public_view_leaves_confidential_content_out() -> None:
    record = est_record()
    view = public_view(record)
    assert [d.observation.id for d in view.observations] == [1, 3]
    assert [m.id for m in view.measures] == [21, 23]  # 22 belongs to the secret observation
    assert [f.measure.id for f in view.followups] == [5]
    secret = next(i for i in view.items if i.confidential)
    assert (secret.notes, secret.decision) == ("", "")
    assert secret.title == "Information från polisen"
    assert len(view.items) == len(record.items)
    assert record.items[5].notes  # the record itself is untouched


def test_items_without_a_data_kind_item_are_still_located() -> None:
    record = est_record()
    record.items = [AgendaItem(meeting_id=12, position=1, title="Öppning", kind=ItemKind.TEXT)]
    record.observations[0].observation.description = "Gäller 811218-9876"
    [where] = scan_record(record, public=False)
    assert where.place == "situation, observation 1 (Centrum), description"
    # In the reader's language, as the export and the app say it (issue 18: "§ 13 Övriga
    # frågor, notes"): every word of the place in Swedish.
    [where] = scan_record(record, public=False, say=words_of("privacy_place"))
    assert where.place == "Lägesbild, iakttagelse 1 (Centrum), beskrivning"


def test_a_number_in_an_area_a_name_or_a_title_is_masked_in_the_place_too() -> None:
    """The place is built from the record's texts: it must not repeat the number it reports."""
    record = est_record()
    record.observations[0].observation.area = "Area 811218–9876"
    record.attendance[0].name = "Karin Ek 811218\u20119876"
    record.items[3].title = "Lägesbild 19811218 - 9876"
    record.measures[2].owner = "Gäst 811278 – 9873"
    wheres = scan_record(record, public=True)
    places = [w.place for w in wheres]
    assert "§ 4 Lägesbild 19811218 - ****, observation 1 (Area 811218–****), area" in places
    assert "attendance (Karin Ek 811218\u2011****), name" in places
    assert "§ 4 Lägesbild 19811218 - ****, title" in places
    assert "§ 5 Åtgärdsplan, measure 3, owner" in places
    for where in wheres:
        message = str(where)
        assert not any(number in message for number in ("9876", "9873")), message
    [area] = [w for w in wheres if w.place.endswith("(Area 811218–****), area")]
    assert str(area) == ("§ 4 Lägesbild 19811218 - ****, observation 1 (Area 811218–****), "
                         "area: 811218–**** (personnummer)")


def test_a_where_made_elsewhere_is_masked_when_it_is_said() -> None:
    [finding] = find_personal_numbers("811218–9876")
    said = str(Where("attendance (Gäst 811218 – 9876), name", finding))
    assert said == "attendance (Gäst 811218 – ****), name: 811218–**** (personnummer)"


def test_a_text_scanned_again_is_found_again_as_the_detector_finds_it() -> None:
    """`scan_record` remembers what it found in a text (a publish scans the same measure in
    meeting after meeting): the second meeting, and the third, report it too, also a number
    that is digits only as read (full-width, NFKC), and a clean text stays clean."""
    fullwidth = "Gäller ８１１２１８－９８７６"
    long = "Lång text. " * 60 + fullwidth  # too long to be remembered: scanned each time
    for text in ("Kontakta 811218-9876", fullwidth, long, "Kontakta 811218-9876", fullwidth,
                 long):
        for _ in range(3):
            record = est_record()
            record.measures[2].text = text  # in the action plan and under its observation
            found = [w.finding for w in scan_record(record, public=False)]
            assert found == find_personal_numbers(text) * 2
    assert find_personal_numbers(fullwidth)[0].text == "８１１２１８－９８７６"
    for _ in range(2):
        assert scan_record(est_record(), public=False) == []
