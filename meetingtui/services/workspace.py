"""What every use-case needs: the store, the templates, the locations and the clock."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from meetingtui.agenda import TemplateSet, load_templates
from meetingtui.model import Group, GroupTemplate
from meetingtui.paths import Locations
from meetingtui.store.db import Store


def _now() -> datetime:
    return datetime.now()


@dataclass
class Workspace:
    store: Store
    templates: TemplateSet
    locations: Locations
    clock: Callable[[], datetime] = field(default=_now)

    def now(self) -> datetime:
        return self.clock().replace(microsecond=0)

    def today(self) -> date:
        return self.clock().date()

    def template_of(self, group: Group) -> GroupTemplate | None:
        return self.templates.templates.get(group.template_id)

    def close(self) -> None:
        self.store.close()


def open_workspace(locations: Locations, clock: Callable[[], datetime] = _now) -> Workspace:
    """Open (or create) the database and read the templates. Raises StoreError."""
    store = Store.open(locations.db)
    return Workspace(store, load_templates(locations.template_dirs), locations, clock)
