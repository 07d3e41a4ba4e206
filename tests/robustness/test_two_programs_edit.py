"""Two programs (two OS processes) edit the same observation, notes and measure: no save that
either acknowledged is lost, and every clash surfaces as `Conflict` or `Gone` (issue 13).

"A" is this process (the chair's app, through the services); "B" is `tests/robustness/editor.py`
in a process of its own (the secretary's), driven one command at a time, so that each
interleaving is exactly the one named: A reads, B writes, A writes; A and B edit different
fields; B removes, A saves. The last test lets both run freely on one field at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from meetingtui.model import AgendaItem, Measure, Observation
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.rows import Conflict, Gone
from tests.robustness.conftest import open_ws

ROOT = Path(__file__).resolve().parent.parent.parent


class OtherProgram:
    """B: the editor in its own process; `ask` sends one command and waits for its answer."""

    def __init__(self, db: Path, agendas: Path) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.editor", str(db), str(agendas)],
            cwd=ROOT, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
            encoding="utf-8")

    def send(self, **command: Any) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write(json.dumps(command, ensure_ascii=False) + "\n")
        self.process.stdin.flush()

    def answer(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = self.process.stdout.readline()
        assert line, f"the editor stopped (exit code {self.process.poll()})"
        answer: dict[str, Any] = json.loads(line)
        return answer

    def ask(self, **command: Any) -> dict[str, Any]:
        self.send(**command)
        return self.answer()

    def read(self, table: str, row_id: int) -> dict[str, Any]:
        row: dict[str, Any] = self.ask(op="read", table=table, id=row_id)["row"]
        return row

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        assert self.process.wait(timeout=20) == 0


@pytest.fixture
def setting(planned: tuple[Path, int], agendas: Path) -> Iterator[tuple[Workspace, OtherProgram,
                                                                          int]]:
    """A (this process), B (the editor) and the running meeting they both have open."""
    db, meeting_id = planned
    chair = open_ws(db, agendas)
    meetings.start_meeting(chair, meeting_id)
    other = OtherProgram(db, agendas)
    try:
        yield chair, other, meeting_id
        other.close()
    finally:
        other.process.kill()
        chair.close()


def _dump(record: Observation | Measure | AgendaItem) -> dict[str, Any]:
    return record.model_dump(mode="json")


def _fresh(db_of: Workspace, table: str, row_id: int) -> dict[str, Any]:
    """The row as a third program opening the file now reads it."""
    check = open_ws(db_of.locations.db, db_of.locations.agendas)
    try:
        row = check.store.conn.execute(f"SELECT * FROM {table} WHERE id = ?", [row_id])
        names = [column[0] for column in row.description]
        return dict(zip(names, row.fetchone(), strict=True))
    finally:
        check.close()


def test_a_save_on_what_the_other_program_changed_meanwhile_is_a_conflict(
        setting: tuple[Workspace, OtherProgram, int]) -> None:
    """A reads, B writes, A writes: the same field is a `Conflict` showing B's text and keeps
    it; another field is saved beside it. And the same the other way round."""
    chair, other, meeting_id = setting
    seen = lagesbild.save_observation(chair, Observation(
        meeting_id=meeting_id, area="Torget", description="Klotter på fasaden"))
    assert seen.id is not None
    theirs = other.read("observations", seen.id)  # both have the form open
    saved = other.ask(op="save", table="observations", base=theirs,
                      changes={"description": "Klotter på fasaden och bänkarna"})
    assert saved["saved"]["description"] == "Klotter på fasaden och bänkarna"

    with pytest.raises(Conflict) as caught:
        lagesbild.save_observation(chair, seen.model_copy(
            update={"description": "Klotter och krossat glas"}), base=seen)
    assert caught.value.fields == ["description"]
    assert caught.value.theirs.description == "Klotter på fasaden och bänkarna"
    mine = lagesbild.save_observation(chair, seen.model_copy(update={"area": "Stora torget"}),
                                      base=seen)
    assert (mine.area, mine.description) == ("Stora torget", "Klotter på fasaden och bänkarna")

    # B's form is now the stale one: its area is a conflict, its source is kept.
    clash = other.ask(op="save", table="observations", base=saved["saved"],
                      changes={"area": "Lilla torget"})
    assert clash["error"] == "Conflict" and clash["fields"] == ["area"]
    assert clash["theirs"]["area"] == "Stora torget"
    kept = other.ask(op="save", table="observations", base=saved["saved"],
                     changes={"source": "Fastighetsägaren"})
    assert kept["saved"]["source"] == "Fastighetsägaren"

    stored = _fresh(chair, "observations", seen.id)
    assert (stored["area"], stored["description"], stored["source"]) == (
        "Stora torget", "Klotter på fasaden och bänkarna", "Fastighetsägaren")
    assert stored["version"] == 4  # three saves, no more


def test_notes_and_a_measure_edited_in_two_programs(
        setting: tuple[Workspace, OtherProgram, int]) -> None:
    """A and B edit different fields of one agenda item and one measure: both kept. The same
    field from a stale copy: a `Conflict`, in whichever program saves second."""
    chair, other, meeting_id = setting
    item = meetings.items(chair, meeting_id)[0]
    assert item.id is not None
    item_b = other.read("agenda_items", item.id)
    assert other.ask(op="save", table="agenda_items", base=item_b,
                     changes={"notes": "Ordföranden öppnade mötet."})["saved"]
    meetings.edit_item(chair, item.id, decision="Dagordningen godkändes.", base=item)
    with pytest.raises(Conflict):
        meetings.edit_item(chair, item.id, notes="Mötet öppnades kl. 9.05.", base=item)
    clash = other.ask(op="save", table="agenda_items", base=item_b,
                      changes={"decision": "Dagordningen godkändes med ett tillägg."})
    assert clash["error"] == "Conflict" and clash["fields"] == ["decision"]
    stored = meetings.items(chair, meeting_id)[0]
    assert (stored.notes, stored.decision) == ("Ordföranden öppnade mötet.",
                                               "Dagordningen godkändes.")

    measure = lagesbild.save_measure(chair, Measure(
        meeting_id=meeting_id, text="Belysning i gångtunneln", owner="Tekniska",
        due=date(2026, 12, 1)))
    assert measure.id is not None
    measure_b = other.read("measures", measure.id)
    lagesbild.save_measure(chair, measure.model_copy(update={"owner": "Gatuenheten"}),
                           base=measure)
    later = other.ask(op="save", table="measures", base=measure_b,
                      changes={"due": "2026-12-15"})
    assert later["saved"]["owner"] == "Gatuenheten"  # B's save kept what A saved
    clash = other.ask(op="save", table="measures", base=measure_b,
                      changes={"owner": "Fastighetsbolaget"})
    assert clash["error"] == "Conflict" and clash["theirs"]["owner"] == "Gatuenheten"
    [decided] = lagesbild.measures(chair, meeting_id)
    assert (decided.owner, decided.due) == ("Gatuenheten", date(2026, 12, 15))


def test_a_save_on_what_the_other_program_removed_is_gone(
        setting: tuple[Workspace, OtherProgram, int]) -> None:
    """B removes, A saves (the observation, a measure on it, its flag): each is `Gone` and
    nothing comes back. A removes, B saves: `Gone` in B."""
    chair, other, meeting_id = setting
    seen = lagesbild.save_observation(chair, Observation(
        meeting_id=meeting_id, area="Stationen", description="Hot mot personal",
        confidential=True))
    measure = lagesbild.save_measure(chair, Measure(
        meeting_id=meeting_id, text="Väktare kvällstid", owner="Tekniska",
        observation_id=seen.id))
    assert seen.id is not None and measure.id is not None
    assert other.ask(op="remove", table="observations", row=_dump(seen)) == {"removed": seen.id}

    with pytest.raises(Gone):
        lagesbild.save_observation(chair, seen.model_copy(
            update={"description": "Hot mot förare"}), base=seen)
    with pytest.raises(Gone):
        lagesbild.save_measure(chair, Measure(meeting_id=meeting_id, text="Kamera",
                                              owner="Tekniska", observation_id=seen.id))
    with pytest.raises(Gone):
        lagesbild.set_confidential(chair, seen.id, False, base=seen)
    with pytest.raises(Gone):  # removed with its observation
        lagesbild.save_measure(chair, measure.model_copy(update={"owner": "Polisen"}),
                               base=measure)
    assert lagesbild.observations(chair, meeting_id) == []
    assert lagesbild.measures(chair, meeting_id) == []

    kept = lagesbild.save_measure(chair, Measure(meeting_id=meeting_id, text="Städning",
                                                 owner="Bostadsbolaget"))
    assert kept.id is not None
    kept_b = other.read("measures", kept.id)
    lagesbild.remove_measure(chair, kept)
    assert other.ask(op="save", table="measures", base=kept_b,
                     changes={"owner": "Fastighetsbolaget"}) == {"error": "Gone"}
    assert other.ask(op="remove", table="measures", row=kept_b) == {"error": "Gone"}
    assert lagesbild.measures(chair, meeting_id) == []


def test_a_stale_form_in_the_other_program_never_undoes_a_confidential_mark(
        setting: tuple[Workspace, OtherProgram, int]) -> None:
    """A marks the problem confidential; B's form, read before, saves its description with the
    flag as it saw it: the text is saved, the flag stays. Unmarking from that form is a
    `Conflict`."""
    chair, other, meeting_id = setting
    seen = lagesbild.save_observation(chair, Observation(
        meeting_id=meeting_id, area="Skolan", description="Uppgift från elevhälsan"))
    assert seen.id is not None
    form = other.read("observations", seen.id)
    lagesbild.set_confidential(chair, seen.id, True, by="Ordföranden")
    saved = other.ask(op="save", table="observations", base=form,
                      changes={"description": "Uppgift från elevhälsan, mentorn informerad",
                               "confidential": False})
    assert saved["saved"]["confidential"] is True
    clash = other.ask(op="mark", id=seen.id, confidential=False, base=form)
    assert clash["error"] == "Conflict" and clash["fields"] == ["confidential"]
    stored = lagesbild.get_observation(chair, seen.id)
    assert stored.confidential
    assert stored.description == "Uppgift från elevhälsan, mentorn informerad"


def test_two_programs_saving_one_field_at_once_lose_no_acknowledged_save(
        setting: tuple[Workspace, OtherProgram, int]) -> None:
    """A and B each add 40 words to one observation's description at the same time, each save
    on the text it read, again on a conflict: every word either acknowledged is there, in the
    order it was acknowledged."""
    chair, other, meeting_id = setting
    seen = lagesbild.save_observation(chair, Observation(
        meeting_id=meeting_id, area="Hamnen", description="Ordningsstörningar:"))
    assert seen.id is not None
    count = 100
    acked_b: list[str] = []
    started = threading.Event()
    done: dict[str, int] = {}
    other.send(op="append", table="observations", id=seen.id, field="description", tag="B",
               count=count)

    def listen() -> None:
        while True:
            answer = other.answer()
            if "started" in answer:
                started.set()
            elif "acked" in answer:
                acked_b.append(answer["acked"])
            else:
                assert answer["done"] == count, answer
                done.update(answer)
                return

    listener = threading.Thread(target=listen)
    listener.start()
    assert started.wait(timeout=30), "B did not start"
    acked_a: list[str] = []
    conflicts = 0
    for k in range(1, count + 1):
        current = lagesbild.get_observation(chair, seen.id)
        while True:
            try:
                lagesbild.save_observation(chair, current.model_copy(
                    update={"description": f"{current.description} A{k}"}), base=current)
                break
            except Conflict as clash:
                conflicts += 1
                current = clash.theirs
        acked_a.append(f"A{k}")
    listener.join(timeout=60)
    assert not listener.is_alive()
    words = lagesbild.get_observation(chair, seen.id).description.split()[1:]
    print(f"conflicts: A {conflicts}, B {done['conflicts']}; {' '.join(words)}")
    assert sorted(words) == sorted(acked_a + acked_b)
    assert [w for w in words if w.startswith("A")] == acked_a
    assert [w for w in words if w.startswith("B")] == acked_b == [f"B{k}"
                                                                   for k in range(1, count + 1)]
