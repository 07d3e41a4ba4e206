"""What every use-case needs: the store, the templates, the locations and the clock.

The templates are read when first asked for, not when the workspace opens: reading them imports
pydantic and markdown-it (about a quarter of a second), which the home screen's first frame and
most commands do not need. The app reads them in a thread right after its first frame.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from typing import TYPE_CHECKING

from meetingtui.paths import Locations
from meetingtui.store.db import Store

if TYPE_CHECKING:
    from meetingtui.agenda import TemplateSet
    from meetingtui.model import Group, GroupTemplate


def _now() -> datetime:
    return datetime.now()


@dataclass(frozen=True)
class Amending:
    """Who corrects a closed meeting, and why: each change made meanwhile is an amendment
    with these words (see `services.amend`)."""

    by: str
    why: str


class Workspace:
    def __init__(self, store: Store, templates: TemplateSet | None, locations: Locations,
                 clock: Callable[[], datetime] = _now) -> None:
        """`templates` None: read them from `locations` on first use."""
        self.store = store
        self.locations = locations
        self.clock = clock
        self._templates = templates
        self._loading = threading.Lock()
        # Set while the user corrects a closed meeting ("Ändra stängt möte"); without it the
        # services refuse to change a closed meeting's content.
        self.amending: Amending | None = None  # the app's warm-up thread and a key press may race

    @property
    def templates(self) -> TemplateSet:
        if self._templates is None:
            with self._loading:
                if self._templates is None:
                    from meetingtui.agenda import load_templates

                    self._templates = load_templates(self.locations.template_dirs)
        return self._templates

    @property
    def templates_loaded(self) -> bool:
        return self._templates is not None

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()

    def template_of(self, group: Group) -> GroupTemplate | None:
        return self.templates.templates.get(group.template_id)

    def revision(self) -> tuple[int, int]:
        """Changes the database has seen: a view read at one revision is true until the next."""
        return self.store.revision()

    def close(self) -> None:
        self.store.close()


def open_workspace(locations: Locations, clock: Callable[[], datetime] = _now) -> Workspace:
    """Open (or create) the database; the templates are read on first use. Raises StoreError."""
    return Workspace(Store.open(locations.db), None, locations, clock)
