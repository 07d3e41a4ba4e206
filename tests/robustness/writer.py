"""A second process that keeps writing:
`python -m tests.robustness.writer DB AGENDAS MEETING N [FIRST]`.

Saves N observations (numbered from FIRST, default 1) through the services, one transaction
each, and prints `saved K` after
each commit returns: a line on stdout is the acknowledgement a test may hold it to.
"""

from __future__ import annotations

import sys
from pathlib import Path

from meetingtui.model import Observation
from meetingtui.services import lagesbild
from tests.robustness.conftest import open_ws


def description(k: int) -> str:
    return f"Iakttagelse nummer {k} från skrivaren"


def main(db: Path, agendas: Path, meeting: int, count: int, first: int = 1) -> None:
    ws = open_ws(db, agendas)
    try:
        for k in range(first, first + count):
            lagesbild.save_observation(ws, Observation(
                meeting_id=meeting, area=f"Område {k}", description=description(k)))
            print(f"saved {k}", flush=True)
    finally:
        ws.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]),
         int(sys.argv[5]) if len(sys.argv) > 5 else 1)
