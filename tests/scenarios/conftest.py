"""The scenarios speak Swedish, as the chairs do (before any UI module reads its labels)."""

from __future__ import annotations

import os

import pytest

os.environ["MEETINGTUI_LANG"] = "sv"


@pytest.fixture(autouse=True)
def _own_folders_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Only the shipped templates and the test's own files, whatever the shell exports."""
    for name in ("MEETINGTUI_AGENDAS", "MEETINGTUI_DB", "MEETINGTUI_EXPORTS"):
        monkeypatch.delenv(name, raising=False)
