"""Every text the minutes show is scanned for personnummer: a number in any field of a meeting's
record (the header, attendance, items, observations, causes, measures, follow-ups, proposals,
the roll-up, agreements, amendments …) that reaches the Word, Markdown or HTML minutes, public
or internal, is one that `scan_record` names, so the public version is refused while it stands.

The fields are not listed here: each text field of the record's models gets a number of its own,
so a field added later, or a scan that forgets one, fails this test by name."""

from __future__ import annotations

import io
import types
import typing
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from pydantic import BaseModel

from meetingtui.export.minutes.html import build_minutes_html
from meetingtui.export.minutes.markdown import build_minutes_md
from meetingtui.export.minutes.word import build_minutes
from meetingtui.model import (
    AgendaItem,
    Agreement,
    AgreementDetail,
    AgreementKind,
    Cause,
    DocumentType,
    ItemKind,
    Measure,
    MeasureStatus,
    MeetingRecord,
)
from meetingtui.model.loaded import Proposals, Rollup, RollupLate, RollupRow
from meetingtui.model.records import Amendment
from meetingtui.model.upward import Commitment
from meetingtui.privacy import scan_record
from tests.export_fixtures import MUNICIPALITY, est_record
from tests.privacy_helpers import number_for, word_text

Path = tuple[str | int, ...]


def full_record() -> MeetingRecord:
    """The fixture's protocol with an item of every kind and every section filled."""
    record = est_record(DocumentType.PROTOCOL)
    record.items = [
        AgendaItem(id=200 + n, meeting_id=12, position=n, title=f"Punkt {kind.value}",
                   kind=kind, notes=f"Anteckning om {kind.value}.",
                   decision=f"Beslutet om {kind.value}.", confidential=kind is ItemKind.TEXT)
        for n, kind in enumerate(ItemKind, start=1)
    ]
    # A measure decided for the problem at an earlier meeting, and a cause found then that a
    # measure of this meeting addresses (it stands beside the measure only).
    problem = record.observations[2]
    problem.earlier_measures = [Measure(id=7, meeting_id=9, text="Beskära träden",
                                        owner="Ola Dahl", owner_org="Parkförvaltningen",
                                        due=date(2026, 3, 1)),
                                Measure(id=8, meeting_id=9, text="Hemlig beskärning",
                                        owner="Ola Dahl", due=date(2026, 3, 1),
                                        confidential=True)]
    # Measures of the confidential problem that are not marked themselves: one tied to it by
    # its observation only, one by its cause only.
    by_problem = Measure(id=46, meeting_id=12, text="Samtal med föräldrar", owner="Sara Lind",
                         due=date(2026, 5, 10), observation_id=2)
    by_cause = Measure(id=47, meeting_id=12, text="Kartlägg kontakterna", owner="Sara Lind",
                       due=date(2026, 5, 10), cause_ids=[32])
    record.observations[1].measures.append(by_problem)
    record.measures += [by_problem, by_cause]
    record.addressed[33] = Cause(id=33, observation_id=9, text="Trasig lampa sedan januari")
    problem.measures[0].cause_ids = [33]
    meeting = record.meeting
    meeting.dnr, meeting.justering, meeting.expedieras = "KS 2026/12", "2026-04-20", "KS"
    meeting.next_place = "Kommunhuset"
    proposed = Measure(id=40, meeting_id=12, text="Kameror vid stationen", owner="Eva Ros",
                       owner_org="Kommunledningen", due=date(2026, 9, 1),
                       proposed_to="Kommunstyrelsen", proposal="proposed")
    received = Measure(id=41, meeting_id=7, text="Belysning i parken", owner="Leo Ahl",
                       owner_org="Tekniska", due=date(2026, 8, 1), proposed_to="EST",
                       proposal="rejected", proposal_decided_on=date(2026, 4, 14),
                       proposal_reason="Ingen budget i år")
    secret_proposal = proposed.model_copy(update={"id": 43, "text": "Hemlig kamera",
                                                  "confidential": True})
    secret_received = received.model_copy(update={"id": 44, "text": "Hemlig belysning",
                                                  "confidential": True})
    record.proposals = Proposals(made=[proposed, secret_proposal],
                                 received=[received, secret_received],
                                 origins={41: "BRÅ", 44: "BRÅ"})
    record.rollup = Rollup(
        day=date(2026, 4, 14), groups=["EST"],
        rows=[RollupRow(group="EST", area="Centrum", not_started=1, red=1)],
        late=[RollupLate(measure_id=50, group="EST", area="Centrum", text="Röj buskage",
                         owner="Ida Berg", due=date(2026, 3, 1),
                         status=MeasureStatus.NOT_STARTED),
              RollupLate(measure_id=51, group="EST", area="Centrum", text="Hemlig insats",
                         owner="Ida Berg", due=date(2026, 3, 1),
                         status=MeasureStatus.NOT_STARTED, confidential=True)])
    record.agreements = [AgreementDetail(
        agreement=Agreement(id=1, kind=AgreementKind.MEDBORGARLOFTE, title="Tryggare centrum",
                            period_start=date(2026, 1, 1), period_end=date(2026, 12, 31),
                            parties="Kommunen\nPolisen", text="Vi lovar mer närvaro.",
                            created_at=datetime(2026, 1, 1, 9, 0)),
        commitments=[Commitment(id=2, agreement_id=1, party="Polisen", text="Fotpatrull",
                                owner="Jonas Berg", organisation="Polisen",
                                due=date(2026, 6, 30))],
        measures=[Measure(id=42, meeting_id=12, text="Trygghetsvandring", owner="Karin Ek",
                          owner_org="Kommunen", due=date(2026, 5, 1)),
                  Measure(id=45, meeting_id=12, text="Hemlig vandring", owner="Karin Ek",
                          owner_org="Kommunen", due=date(2026, 5, 1), confidential=True)])]
    record.amendments = [Amendment(meeting_id=12, at=datetime(2026, 4, 16, 10, 0),
                                   what="§ 4 beslut", old="Gammal text", new="Ny text",
                                   by="Omar Haddad", why="Skrivfel")]
    return record


def _is_text(annotation: object) -> bool:
    return annotation is str or (isinstance(annotation, types.UnionType | typing._UnionGenericAlias)  # type: ignore[attr-defined]
                                 and set(typing.get_args(annotation)) == {str, type(None)})


def text_fields(model: BaseModel, path: Path = ()) -> Iterator[Path]:
    """The path of every text in the record: a model's str fields, and the texts and models
    in its lists and dicts."""
    for name, field in type(model).model_fields.items():
        value = getattr(model, name)
        if _is_text(field.annotation):
            yield (*path, name)
        elif isinstance(value, BaseModel):
            yield from text_fields(value, (*path, name))
        elif isinstance(value, list | dict):
            keys = range(len(value)) if isinstance(value, list) else list(value)
            for key in keys:
                if isinstance(value[key], BaseModel):
                    yield from text_fields(value[key], (*path, name, key))
                elif isinstance(value[key], str):
                    yield (*path, name, key)


def put(record: MeetingRecord, path: Path, text: str) -> None:
    """``text`` into the field as it is, past validation (the scan must find what is there)."""
    *parents, last = path
    holder: typing.Any = record
    for step in parents:
        holder = holder[step] if isinstance(step, int) or isinstance(holder, dict) \
            else getattr(holder, step)
    if isinstance(holder, list | dict):
        holder[last] = text
    else:
        holder.__dict__[last] = text


def numbered_record() -> tuple[MeetingRecord, dict[str, Path]]:
    """The full record with a personnummer of its own in every text (the template's texts are
    the agenda file's author's, not the meeting's: they are left as they are)."""
    record = full_record()
    paths = [path for path in text_fields(record) if path[0] != "template"]
    numbers: dict[str, Path] = {}
    for index, path in enumerate(paths):
        number = number_for(date(1950, 1, 1) + timedelta(days=index), 123)
        written = f"{number[:6]}-{number[6:]}"
        put(record, path, f"Uppgift {written}")
        numbers[written] = path
    return record, numbers


def is_secret(record: MeetingRecord, path: Path) -> bool:
    """Whether the text at ``path`` is of something confidential: a confidential problem (its
    observation, causes and every measure tied to it by observation or cause), a confidential
    measure anywhere, a confidential item's notes and decision, a confidential late measure's
    words and owner in a roll-up, or an amendment (internal)."""
    hidden_obs = {d.observation.id for d in record.observations if d.observation.confidential}
    hidden_causes = {c.id for d in record.observations if d.observation.confidential
                     for c in d.causes}
    holder: typing.Any = record
    for index, step in enumerate(path[:-1]):
        holder = holder[step] if isinstance(holder, list | dict) else getattr(holder, step)
        field = path[index + 1]
        if isinstance(holder, AgendaItem):
            return holder.confidential and field in ("notes", "decision")
        if isinstance(holder, RollupLate):
            return holder.confidential and field in ("text", "owner")
        if isinstance(holder, Amendment) or getattr(holder, "confidential", False) is True:
            return True
        if isinstance(holder, Measure) and (holder.observation_id in hidden_obs
                                            or set(holder.cause_ids) & hidden_causes):
            return True
        if isinstance(holder, Cause) and holder.observation_id in hidden_obs:
            return True
    return False


def docx_text(record: MeetingRecord, public: bool) -> str:
    out = io.BytesIO()
    build_minutes(record, public=public, municipality=MUNICIPALITY,
                  created=datetime(2026, 4, 15, 9, 30)).save(out)
    return word_text(out.getvalue())


def minutes_text(record: MeetingRecord, fmt: str, public: bool) -> str:
    if fmt == "docx":
        return docx_text(record, public)
    if fmt == "md":
        return build_minutes_md(record, public=public, municipality=MUNICIPALITY)
    return build_minutes_html(record, public=public, municipality=MUNICIPALITY)


def test_the_full_record_has_no_number_and_shows_every_section() -> None:
    record = full_record()
    assert scan_record(record, public=False) == []
    text = minutes_text(record, "docx", public=False)
    for shown in ("Kameror vid stationen", "Ingen budget i år", "Röj buskage", "Fotpatrull",
                  "Trygghetsvandring", "Skrivfel", "Eva Ros", "Beskära träden",
                  "Trasig lampa sedan januari", "Anteckning om text.", "Hemlig kamera",
                  "Hemlig belysning", "Hemlig vandring", "Hemlig beskärning",
                  "Samtal med föräldrar", "Kartlägg kontakterna"):
        assert shown in text, shown


def test_every_text_of_the_record_gets_a_number_of_its_own() -> None:
    _, numbers = numbered_record()
    assert len(numbers) > 150
    for must in (("observations", 0, "observation", "source"), ("measures", 0, "owner"),
                 ("measures", 0, "owner_org"), ("amendments", 0, "why"),
                 ("meeting", "place"), ("proposals", "received", 0, "proposal_reason")):
        assert must in numbers.values(), must


@pytest.mark.parametrize("public", [True, False], ids=["public", "internal"])
@pytest.mark.parametrize("fmt", ["docx", "md", "html"])
def test_every_number_the_minutes_show_is_one_the_scan_names(fmt: str, public: bool) -> None:
    record, numbers = numbered_record()
    text = minutes_text(record, fmt, public)
    shown = {number for number in numbers if number in text}
    assert shown, "the minutes show none of the record's texts"
    named = {where.finding.text for where in scan_record(record, public)}
    unnamed = sorted(".".join(map(str, numbers[number])) for number in shown - named)
    assert not unnamed, f"shown in the {fmt} minutes but not scanned: {unnamed}"


def test_nothing_confidential_is_in_the_public_minutes_in_any_section() -> None:
    """Every text of something confidential, in every section (the lägesbild, the action plan,
    the follow-up, earlier measures, proposals made and received, the roll-up, agreements,
    amendments), is missing from the public minutes in every format."""
    record, numbers = numbered_record()
    secret = {number: path for number, path in numbers.items() if is_secret(record, path)}
    sections = {path[0] if path[0] != "observations" else path[2] for path in secret.values()}
    assert sections >= {"observation", "causes", "measures", "earlier_measures", "followups",
                        "proposals", "rollup", "agreements", "amendments", "items"}, sections
    for fmt in ("docx", "md", "html"):
        text = minutes_text(record, fmt, public=True)
        leaked = sorted(".".join(map(str, path)) for number, path in secret.items()
                        if number in text)
        assert not leaked, f"the public {fmt} minutes show {leaked}"


def test_the_public_minutes_show_nothing_of_what_they_leave_out() -> None:
    """The other half: what the public scan skips, the public minutes do not show."""
    record, numbers = numbered_record()
    public = {where.finding.text for where in scan_record(record, public=True)}
    hidden = set(numbers) - public
    assert hidden, "the public version leaves something out (the confidential observation)"
    # Amendments are internal: none of their texts is in the public version.
    amended = {number for number, path in numbers.items() if path[0] == "amendments"}
    assert amended and amended <= hidden
    for fmt in ("docx", "md", "html"):
        text = minutes_text(record, fmt, public=True)
        leaked = sorted(".".join(map(str, numbers[n])) for n in hidden if n in text)
        assert not leaked, f"the public {fmt} minutes show {leaked}"
