"""README "Guarantees" names, for every promise, tests that exist: a renamed or deleted test
must not leave a promise that nothing checks any more."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")


def guarantees() -> list[str]:
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    section = readme.split("\n## Guarantees\n", 1)[1].split("\n## ", 1)[0]
    return [line for line in section.splitlines() if line.startswith("| **")]


def test_every_guarantee_names_tests_that_exist() -> None:
    rows = guarantees()
    assert len(rows) >= 8
    for row in rows:
        references = REFERENCE.findall(row)
        assert references, f"a promise without a test: {row[:80]}"
        for path, name in references:
            source = ROOT.joinpath(path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{path}::{name} is gone"
