"""Add or edit one lägesbild observation."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator

from meetingtui.i18n import t
from meetingtui.model import Observation, ObservationStatus, Report, Trend
from meetingtui.ui.labels import options
from meetingtui.ui.widgets.choice import Choice
from meetingtui.ui.widgets.field_row import FieldRow
from meetingtui.ui.widgets.form import FormDialog, text_input

SOURCES = ("Polis", "Räddningstjänst", "Bostadsbolag", "Skola", "Fritid", "Socialtjänst",
           "Teknisk förvaltning", "Näringsliv", "Bevakningsbolag", "Kollektivtrafik",
           "Medborgare/trygghetsvandring", "Statistik")


FIELDS = ("area", "place_detail", "category", "description", "source", "trend", "level", "status",
          "confidential")


class ObservationDialog(FormDialog[Observation]):
    def __init__(self, observation: Observation, categories: list[str],
                 save: Callable[[Observation, Observation | None], Observation]) -> None:
        super().__init__(save, observation if observation.id is not None else None)
        self.observation = observation
        self.categories = categories
        self.title = t("observation.title_new" if observation.id is None
                       else "observation.title_edit")

    def show(self, observation: Observation) -> None:
        """The same form for another observation (or a new one): see FormDialog.refill."""
        self.observation = observation
        self.base = observation if observation.id is not None else None
        self.refill(t("observation.title_new" if observation.id is None
                      else "observation.title_edit"),
                    {name: getattr(observation, name) for name in FIELDS})

    def rows(self) -> Iterable[FieldRow]:
        o = self.observation
        yield from observed_rows(o, self.categories)
        yield FieldRow("trend", t("observation.trend"),
                       Choice(options(Trend), o.trend, id="trend"))
        yield FieldRow("level", t("observation.level"),
                       Choice([(t(f"observation.level{n}"), n) for n in range(4)], o.level,
                              id="level"))
        yield FieldRow("status", t("observation.status"),
                       Choice(options(ObservationStatus), o.status, id="status"))
        yield FieldRow("confidential", t("common.confidential"),
                       Choice([(t("common.no"), False), (t("common.yes"), True)],
                              o.confidential, id="confidential"))

    def build(self) -> Observation:
        values = self.observation.model_dump()
        for name in FIELDS:
            values[name] = self.value(name)
        return Observation.model_validate(values)


def observed_rows(seen: Observation | Report, categories: list[str]) -> Iterator[FieldRow]:
    """Where and what: the fields an observation and a report between meetings share."""
    yield FieldRow("area", t("observation.area"), text_input(seen.area, id="area"))
    yield FieldRow("place_detail", t("observation.place"),
                   text_input(seen.place_detail, id="place_detail"))
    yield FieldRow("category", t("observation.category"),
                   text_input(seen.category, id="category", suggestions=categories,
                              placeholder=_examples(categories)))
    yield FieldRow("description", t("observation.description"),
                   text_input(seen.description, id="description"))
    yield FieldRow("source", t("observation.source"),
                   text_input(seen.source, id="source", suggestions=SOURCES))


def _examples(words: list[str]) -> str:
    """"t.ex. Skadegörelse, Klotter, Nedskräpning": read as examples, not as a value."""
    return t("form.examples", examples=", ".join(words[:3])) if words else ""
