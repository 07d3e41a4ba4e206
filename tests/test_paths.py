"""Where the app writes what it exports, when nobody says: beside the checkout, or, installed,
in the user's Documents folder (not whatever folder the shell happened to be in)."""

from __future__ import annotations

from pathlib import Path

import pytest

from meetingtui import paths


def test_a_checkout_exports_into_its_own_folder() -> None:
    root = paths.checkout_root()
    assert root is not None  # the tests run from the checkout
    assert paths.default_exports_dir() == root / "exports"


def test_installed_it_exports_to_documents_meetingtui(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.setenv("XDG_DOCUMENTS_DIR", str(tmp_path / "Dokument"))
    monkeypatch.chdir(tmp_path)
    assert paths.default_exports_dir() == tmp_path / "Dokument" / "meetingtui"
    assert paths.resolve().exports == tmp_path / "Dokument" / "meetingtui"


def test_a_folder_given_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(paths, "checkout_root", lambda: None)
    monkeypatch.setenv("MEETINGTUI_EXPORTS", str(tmp_path / "env"))
    assert paths.resolve().exports == tmp_path / "env"
    assert paths.resolve(exports=tmp_path / "flag").exports == tmp_path / "flag"
