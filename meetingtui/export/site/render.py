"""The site's pages as HTML: Jinja2 templates (package data, autoescape on, so every text a
member typed is shown as text); the minutes as `minutes.html` makes them.

`pages(site)` yields each file's relative path and a function that makes its bytes: the writer
counts them first (for a progress bar), then makes and writes them one at a time.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache, partial
from importlib import resources
from typing import TYPE_CHECKING, Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from meetingtui.export.clean import word_text
from meetingtui.export.site.content import MinutesPage, Site
from meetingtui.group_names import name_parts, short_and_name
from meetingtui.i18n import language, t

if TYPE_CHECKING:
    from meetingtui.services.actions import ActionList

STYLESHEET = "style.css"
ALL_OWNERS = "alla-ansvariga.html"  # every owner's measures, to print
Page = tuple[str, Callable[[], bytes]]


def _finalize(value: Any) -> Any:
    """Every value printed: text without the control characters HTML may not hold (markup made
    here, a macro's output, is left as it is: its values went through here already)."""
    if isinstance(value, str) and not isinstance(value, Markup):
        return word_text(value)
    return value


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("meetingtui.export.site", "templates"),
        autoescape=select_autoescape(["html"], default_for_string=True, default=True),
        undefined=StrictUndefined, finalize=_finalize, trim_blocks=True, lstrip_blocks=True,
        # Package data does not change while a site is made: without this, every page looked
        # at its template files' times again (eight stat calls a minutes page).
        auto_reload=False,
    )
    env.globals["t"] = t
    env.globals["short_and_name"] = short_and_name
    env.globals["name_parts"] = name_parts
    return env


def stylesheet() -> bytes:
    return (resources.files("meetingtui.export.site") / "templates" / STYLESHEET).read_bytes()


@dataclass(frozen=True)
class Frame:
    """What frames every page: its language, the internal marks, the day, the municipality (a
    worker making minutes pages gets this, not the whole site)."""

    lang: str
    internal: bool
    today: date
    municipality: str


def frame_of(site: Site) -> Frame:
    actions = site.source.actions
    return Frame(language(), site.internal, actions.today, actions.municipality)


def _render(template: str, depth: int, frame: Frame, **context: Any) -> bytes:
    html = environment().get_template(template).render(
        lang=frame.lang, root="../" * depth, internal=frame.internal, today=frame.today,
        municipality=frame.municipality, **context)
    return html.encode("utf-8")


def pages(site: Site, *, page_per_owner: bool = False) -> Iterator[Page]:
    """Every file of the site but the minutes (`minutes_page`) and the calendars
    (`calendars`), in the order written."""
    frame = frame_of(site)
    yield STYLESHEET, stylesheet
    yield "index.html", partial(_render, "index.html", 0, frame, site=site)
    yield ALL_OWNERS, partial(_render, "all_owners.html", 0, frame, site=site,
                              page_per_owner=page_per_owner)
    for kind, holders in (("owner", site.owners), ("org", site.orgs)):
        for holder in holders:
            yield holder.page, partial(_render, "holder.html", 1, frame, site=site,
                                       holder=holder, kind=kind)
    for group in site.groups:
        yield group.page, partial(_render, "group.html", 1, frame, site=site, group=group)


def minutes_page(frame: Frame, minutes: MinutesPage, body: str) -> bytes:
    """A closed meeting's page around its minutes (`minutes.html.build_minutes_html`): what
    `minutes.html` makes of them, its frame rendered once (`_minutes_frame`)."""
    shown = {"title": minutes.title, "group_page": minutes.group_page, "group": minutes.group,
             "municipality": frame.municipality}
    marked = dataclasses.replace(frame, municipality=_MARKED if frame.municipality else "")
    html: list[str] = []
    for part in _minutes_frame(marked):
        if part is _BODY:
            html.append(body)
        elif isinstance(part, _Slot):
            html.append(escape(word_text(shown[part.slot])))
        else:
            html.append(part)
    return "".join(html).encode("utf-8")


@dataclass(frozen=True)
class _Slot:
    slot: str  # a page's own value


_BODY = _Slot("body")
_MARK = "@@meetingtui-slot-{}@@"
_MARKED = _MARK.format("municipality")


@cache
def _minutes_frame(frame: Frame) -> tuple[str | _Slot, ...]:
    """`minutes.html` rendered once for every page of a frame, a mark where each page's own
    values go (Jinja took a twentieth of a publish making the same frame 1,700 times): the
    text around the marks, and a `_Slot` for each. Everything typed is a slot (the
    municipality too), so the text split holds only the template's and the catalogue's words.
    The values are then shown as Jinja shows them, cleaned (`_finalize`) and escaped, the body
    as it is (`| safe`); a test compares the two for every kind of text."""
    names = ("title", "group_page", "group", "municipality")
    marks = {_MARK.format(name): _Slot(name) for name in names}
    marks[_MARK.format("body")] = _BODY
    page = MinutesPage(0, "", _MARK.format("title"), _MARK.format("group"),
                       _MARK.format("group_page"), "")
    html = _render("minutes.html", 1, frame, title=page.title, minutes=page,
                   body=Markup(_MARK.format("body"))).decode("utf-8")
    pattern = "(" + "|".join(re.escape(mark) for mark in marks) + ")"
    return tuple(marks.get(part, part) for part in re.split(pattern, html) if part)


def calendars(site: Site) -> Iterator[Page]:
    """One calendar per owner: their dated measures as all-day events with a reminder, the
    UIDs the same in every publish (`actions.calendar`)."""
    actions = site.source.actions
    for owner in site.owners:
        mine = actions._replace(rows=[m.row for m in owner.measures],
                                filters=dataclasses.replace(actions.filters, owner=owner.name))
        yield owner.calendar, partial(_calendar, mine)


def _calendar(actions: ActionList) -> bytes:
    # Imported when the first calendar is made, while the workers make the minutes pages: not
    # before they start (icalendar takes 30 ms to import).
    from meetingtui.export.actions.calendar import build_ics

    return build_ics(actions)
