"""Shared fixtures: a workspace on a temporary database with a fixed clock."""

from __future__ import annotations

import os
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import settings

# The interface language when a test names none: Swedish, whatever the machine's locale (the
# command line's help, click's words and the action lists follow it).
os.environ.setdefault("MEETINGTUI_LANG", "sv")

from meetingtui.paths import resolve
from meetingtui.services.workspace import Workspace, open_workspace

# The suite's property tests draw the same examples on every run, so that CI on a clean clone
# sees exactly what passed here and a slow shrink can never surprise it. To explore new
# examples locally: HYPOTHESIS_PROFILE=explore make test.
settings.register_profile("suite", derandomize=True, database=None, deadline=None,
                          print_blob=True)
settings.register_profile("explore", deadline=None, max_examples=500)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "suite"))

TEST_TEMPLATE = """+++
id = "est"
name = "Effektiv samordning för trygghet"
short = "EST"
chair = "Säkerhetschef"
frequency = "monthly"
skip_months = [7, 12]
members = ["Säkerhetschef", "Kommunpolis", "Räddningstjänst"]
categories = ["Skadegörelse", "Klotter"]
+++

# EST – månadsmöte

## Mötets öppnande {minutes=2}

## Närvaro {.attendance}

## Uppföljning av åtgärder {.followup minutes=15}
Gå igenom åtgärder som inte är klara.

## Lägesbild {.situation minutes=40}
- Polisens statistik

## Åtgärdsplan {.actions}

## Prioriterade områden {.priorities}

## Nästa möte {.next}
"""


class Clock:
    """A clock the test moves by hand."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


@pytest.fixture(autouse=True)
def _language_kept() -> Iterator[None]:
    """A command run in-process sets the interface language of the whole process (`--lang
    en`): the next test starts in the language it had, whatever order the tests run in."""
    from meetingtui.i18n import language, set_language

    before = language()
    yield
    set_language(before)


@pytest.fixture
def clock() -> Clock:
    return Clock(datetime(2026, 11, 23, 9, 0))


@pytest.fixture
def test_agendas(tmp_path: Path) -> Path:
    folder = tmp_path / "agendas"
    folder.mkdir()
    (folder / "est.md").write_text(TEST_TEMPLATE, encoding="utf-8")
    return folder


@pytest.fixture
def ws(tmp_path: Path, test_agendas: Path, clock: Clock) -> Iterator[Workspace]:
    """A workspace whose `est` template is the one above (it overrides the built-in)."""
    workspace = open_workspace(
        resolve(db=tmp_path / "test.db", agendas=test_agendas, exports=tmp_path / "exports"),
        clock=clock,
    )
    yield workspace
    workspace.close()
