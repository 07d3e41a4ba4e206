"""docs/guarantees.md names, for every promise, tests that exist: a renamed or deleted test
must not leave a promise that nothing checks any more."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
REFERENCE = re.compile(r"`(tests/[\w/]+\.py)::(\w+)`")
NOT_A_PROMISE = "Det som inte lovas"


def promises() -> dict[str, str]:
    """Each promise's heading and its text, up to the next heading."""
    text = ROOT.joinpath("docs", "guarantees.md").read_text(encoding="utf-8")
    sections = text.split("\n## ")[1:]
    return {title: body for title, _, body in (s.partition("\n") for s in sections)
            if title.strip() != NOT_A_PROMISE}


def test_every_guarantee_names_tests_that_exist() -> None:
    found = promises()
    assert len(found) >= 8
    for title, body in found.items():
        references = REFERENCE.findall(body)
        assert references, f"a promise without a test: {title}"
        for path, name in references:
            source = ROOT.joinpath(path).read_text(encoding="utf-8")
            assert re.search(rf"^def {name}\(", source, re.MULTILINE), f"{path}::{name} is gone"


def test_the_readme_names_no_test() -> None:
    """Test ids are for the reader of docs/guarantees.md, not for a new user of the README."""
    readme = ROOT.joinpath("README.md").read_text(encoding="utf-8")
    assert not REFERENCE.search(readme)
