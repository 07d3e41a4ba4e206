"""Every location the app reads or writes, with MEETINGTUI_* overrides.

Settings (municipality name, theme) live in the database itself, so one file is the whole state.

In a checkout (a folder holding `agendas/` and `db/` above the package) the data lives there;
installed elsewhere (pipx), in the user data folder that platformdirs names for the system.
Nothing here touches the disk at import.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

APP_NAME = "meetingtui"
PACKAGE_DIR = Path(__file__).resolve().parent
DB_FILE = "meetingtui.db"


def checkout_root() -> Path | None:
    """The repository folder when running from a checkout, else None."""
    root = PACKAGE_DIR.parent
    if (root / "agendas").is_dir() and (root / "db").is_dir():
        return root
    return None


def user_data_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False)


def builtin_agendas_dir() -> Path:
    """The templates that ship with the app (`agendas/` in a checkout, inside the wheel else)."""
    root = checkout_root()
    return root / "agendas" if root else PACKAGE_DIR / "builtin_agendas"


def default_db_path() -> Path:
    root = checkout_root()
    return (root / "db" if root else user_data_dir()) / DB_FILE


def user_documents_dir() -> Path:
    """Documents/meetingtui: where a member who installed the app finds what it wrote, wherever
    the shell was when it ran."""
    from platformdirs import user_documents_path

    return user_documents_path() / APP_NAME


def default_exports_dir() -> Path:
    root = checkout_root()
    return root / "exports" if root else user_documents_dir()


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name, "").strip()
    return Path(value).expanduser() if value else None


@dataclass(frozen=True)
class Locations:
    """Where this run keeps its database, finds templates and writes exports."""

    db: Path
    agendas: Path | None  # the municipality's own templates, added to the built-in ones
    exports: Path

    @property
    def template_dirs(self) -> list[Path]:
        """Built-ins first: a later folder overrides a template of the same id."""
        dirs = [builtin_agendas_dir()]
        if self.agendas is not None:
            dirs.append(self.agendas)
        return dirs


def resolve(
    db: Path | None = None, agendas: Path | None = None, exports: Path | None = None
) -> Locations:
    """Command-line values win over MEETINGTUI_* variables, which win over the defaults."""
    db_path = db or _env_path("MEETINGTUI_DB") or default_db_path()
    return Locations(
        db=db_path,
        agendas=agendas or _env_path("MEETINGTUI_AGENDAS"),
        exports=exports or _env_path("MEETINGTUI_EXPORTS") or default_exports_dir(),
    )
