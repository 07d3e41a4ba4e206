"""A second program editing the same rows: `python -m tests.robustness.editor DB AGENDAS`.

Reads one JSON command a line on stdin and answers each with one JSON line on stdout, after
the services returned (a save it answers `saved` is committed: the acknowledgement a test may
hold it to). Rows travel as `model_dump(mode="json")`; a `base` is the row as this program read
it earlier, so the test decides what is stale. Commands:

- `{"op": "read", "table": T, "id": N}` → `{"row": …}` (T: observations, measures, agenda_items)
- `{"op": "save", "table": T, "base": ROW, "changes": {…}}` → `{"saved": ROW}`, or
  `{"error": "Conflict", "fields": […], "theirs": ROW}`, or `{"error": "Gone"}`
- `{"op": "remove", "table": T, "row": ROW}` → `{"removed": N}` or `{"error": "Gone"}`
- `{"op": "mark", "id": N, "confidential": B, "base": ROW}` → `{"marked": ROW}` or an error
- `{"op": "append", "table": T, "id": N, "field": F, "tag": S, "count": K}`: K times, read the
  row, add " S1" (" S2" …) to F and save it on what was read, again on a conflict; prints
  `{"started": K}` first, `{"acked": "S1"}` after each save, then `{"done": K, "conflicts": C}`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from meetingtui.model import AgendaItem, Measure, Observation, Record
from meetingtui.services import lagesbild, meetings
from meetingtui.services.workspace import Workspace
from meetingtui.store.agenda_items import get_item
from meetingtui.store.measures import get_measure
from meetingtui.store.rows import Conflict, Gone
from tests.robustness.conftest import open_ws

MODELS: dict[str, type[Record]] = {"observations": Observation, "measures": Measure,
                                   "agenda_items": AgendaItem}


def read(ws: Workspace, table: str, row_id: int) -> Record:
    found: Record | None
    if table == "observations":
        found = lagesbild.get_observation(ws, row_id)
    elif table == "measures":
        found = get_measure(ws.store, row_id)
    else:
        found = get_item(ws.store, row_id)
    if found is None:
        raise Gone(table, row_id)
    return found


def save(ws: Workspace, table: str, base: Record, changes: dict[str, Any]) -> Record:
    """Save ``changes`` made on ``base`` (the row as this program read it)."""
    if isinstance(base, AgendaItem):
        assert base.id is not None
        return meetings.edit_item(ws, base.id, base=base, **changes)
    edited = base.model_copy(update=changes)
    if isinstance(base, Observation):
        assert isinstance(edited, Observation)
        return lagesbild.save_observation(ws, edited, base=base)
    assert isinstance(base, Measure) and isinstance(edited, Measure)
    return lagesbild.save_measure(ws, edited, base=base)


def run(ws: Workspace, command: dict[str, Any]) -> dict[str, Any]:
    op = command["op"]
    model = MODELS.get(command.get("table", "observations"), Observation)

    def row(key: str) -> Any:
        return model.model_validate(command[key])

    if op == "read":
        return {"row": read(ws, command["table"], command["id"]).model_dump(mode="json")}
    if op == "save":
        return {"saved": save(ws, command["table"], row("base"),
                              command["changes"]).model_dump(mode="json")}
    if op == "remove":
        removed = row("row")
        if isinstance(removed, Observation):
            lagesbild.remove_observation(ws, removed)
        else:
            assert isinstance(removed, Measure)
            lagesbild.remove_measure(ws, removed)
        return {"removed": removed.id}
    if op == "mark":
        return {"marked": lagesbild.set_confidential(
            ws, command["id"], command["confidential"], by="Sekreteraren",
            base=row("base")).model_dump(mode="json")}
    if op == "append":
        return append(ws, command["table"], command["id"], command["field"], command["tag"],
                      command["count"])
    raise ValueError(f"unknown command {op!r}")


def append(ws: Workspace, table: str, row_id: int, field: str, tag: str,
           count: int) -> dict[str, Any]:
    conflicts = 0
    print(json.dumps({"started": count}), flush=True)
    for k in range(1, count + 1):
        current = read(ws, table, row_id)
        while True:
            try:
                save(ws, table, current, {field: f"{getattr(current, field)} {tag}{k}"})
                break
            except Conflict as clash:
                conflicts += 1
                current = clash.theirs
        print(json.dumps({"acked": f"{tag}{k}"}), flush=True)
    return {"done": count, "conflicts": conflicts}


def main(db: Path, agendas: Path) -> None:
    ws = open_ws(db, agendas)
    try:
        for line in sys.stdin:
            try:
                answer = run(ws, json.loads(line))
            except Conflict as clash:
                answer = {"error": "Conflict", "fields": clash.fields,
                          "theirs": clash.theirs.model_dump(mode="json")}
            except Gone:
                answer = {"error": "Gone"}
            print(json.dumps(answer, ensure_ascii=False), flush=True)
    finally:
        ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
