"""The site's pages as HTML: Jinja2 templates (package data, autoescape on, so every text a
member typed is shown as text); the minutes as `minutes.html` makes them.

`pages(site)` yields each file's relative path and a function that makes its bytes: the writer
counts them first (for a progress bar), then makes and writes them one at a time.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from functools import cache, partial
from importlib import resources
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from meetingtui.export.clean import word_text
from meetingtui.export.site.content import MinutesPage, Site
from meetingtui.i18n import language, t

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
    )
    env.globals["t"] = t
    return env


def stylesheet() -> bytes:
    return (resources.files("meetingtui.export.site") / "templates" / STYLESHEET).read_bytes()


def _render(template: str, depth: int, site: Site, **context: Any) -> bytes:
    env = environment()
    root = "../" * depth
    html = env.get_template(template).render(
        lang=language(), root=root, site=site, internal=site.internal,
        today=site.source.actions.today, municipality=site.source.actions.municipality,
        **context)
    return html.encode("utf-8")


def pages(site: Site, *, page_per_owner: bool = False) -> Iterator[Page]:
    """Every file of the site but the calendars (`calendars`), in the order written."""
    yield STYLESHEET, stylesheet
    yield "index.html", partial(_render, "index.html", 0, site)
    yield ALL_OWNERS, partial(_render, "all_owners.html", 0, site,
                              page_per_owner=page_per_owner)
    for kind, holders in (("owner", site.owners), ("org", site.orgs)):
        for holder in holders:
            yield holder.page, partial(_render, "holder.html", 1, site, holder=holder, kind=kind)
    for group in site.groups:
        yield group.page, partial(_render, "group.html", 1, site, group=group)
    for minutes in site.minutes:
        yield minutes.page, partial(_minutes, site, minutes)


def _minutes(site: Site, minutes: MinutesPage) -> bytes:
    return _render("minutes.html", 1, site, title=minutes.title, minutes=minutes,
                   body=minutes.html)


def calendars(site: Site) -> Iterator[Page]:
    """One calendar per owner: their dated measures as all-day events with a reminder, the
    UIDs the same in every publish (`actions.calendar`)."""
    from meetingtui.export.actions.calendar import build_ics

    actions = site.source.actions
    for owner in site.owners:
        mine = actions._replace(rows=[m.row for m in owner.measures],
                                filters=dataclasses.replace(actions.filters, owner=owner.name))
        yield owner.calendar, partial(build_ics, mine)
