"""`meetingtui search QUERY`: every note, decision, observation, cause, measure and follow-up
comment that holds the words, in all meetings and groups, best match first.

It only reads, as `actions` does: no database is "Ingen databas på …", and a file of the
current schema is read read-only without sqlite-utils or pydantic. The table is plain text, the
matching words between » and « (no markup, no colour: it goes into mail and scripts as it
is); JSON gives each hit's text whole with the matches as offsets.
"""

from __future__ import annotations

import contextlib
import json
import re
import shutil
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import click

from meetingtui.cli.context import Context, UserError, day_option, unknown_group

if TYPE_CHECKING:
    from meetingtui.services.search import Hit, SearchResult

FORMATS = ("table", "json")
MARK_START, MARK_END = "»", "«"
# A day and month without a year: "1/1", "1 jan", "1. januari".
_NO_YEAR = re.compile(r"^\s*\d{1,2}(?:/\d{1,2}|\.?\s+[^\W\d_]+\.?)\s*$")


def today() -> date:
    """The day short dates ("1 dec") are read from (tests replace it)."""
    return date.today()


@click.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--group", "group_name", metavar="GROUP",
              help="Only this group's meetings (id, short name or name, any case).")
@click.option("--from", "since", metavar="DATE",
              help="Only meetings on or after this day: 2026-01-01, 1/1, 1 jan.")
@click.option("--to", "until", metavar="DATE", help="Only meetings on or before this day.")
@click.option("--public", is_flag=True, help="Leave out what is confidential and mask every "
              "personnummer (for a list shown outside the group); without it, confidential "
              "hits are marked.")
@click.option("--limit", type=click.IntRange(1, 10_000), default=50, show_default=True,
              help="Show at most this many hits, the best first.")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="table for the terminal (matches between » and «); json with offsets.")
@click.pass_obj
def search(context: Context, query: tuple[str, ...], group_name: str | None, since: str | None,
           until: str | None, public: bool, limit: int, fmt: str) -> None:
    """Search notes, decisions, observations, causes, measures and follow-up comments.

    Every word must occur, each as the beginning of a word ("klott" finds "klotter"), in any
    case; accents are ignored ("cafe" finds "café") except å, ä and ö, which are letters of
    their own ("har" does not find "här"). Quotes, *, -, OR and NEAR are plain text.

    \b
    Examples:
      meetingtui search klotter
      meetingtui search belysning torget --group EST --from 2026-01-01
      meetingtui search polisen --public --format json
    """
    words = " ".join(query)
    day = today()
    first, last = _day("--from", since, day), _day("--to", until, day)
    if first is not None and last is not None and first > last:
        raise UserError(f"--from {since} is after --to {until}", key="search.from_after_to",
                        first=str(since), last=str(until))
    from meetingtui.services.group_names import UnknownGroup
    from meetingtui.services.search import SearchFilters, read_search

    context.require_database()
    filters = SearchFilters(group_name, first, last, public, limit)
    try:
        result = read_search(context.locations.db, words, filters)
    except UnknownGroup as error:
        raise unknown_group(error) from None
    if fmt == "json":
        click.echo(json.dumps(_as_json(result, filters), ensure_ascii=False, indent=2))
    else:
        texts = _texts(context.language)  # JSON speaks no language: it need not know one
        click.echo(_table(result, shutil.get_terminal_size().columns, texts))


def _day(option: str, text: str | None, day: date) -> date | None:
    """A date as every command reads one (`day_option`); but a search looks back, so a day
    without a year is the last one up to today ("1/1" in December is this January)."""
    found = day_option(option, text, day)
    if found is not None and text is not None and found > day and _NO_YEAR.match(text):
        with contextlib.suppress(ValueError):  # 29 February, a year that has none
            found = found.replace(year=found.year - 1)
    return found


def _texts(lang: str) -> dict[str, Any]:
    """The catalogue's `[search]` section in `lang`, read alone: the whole catalogue (700
    lines of TOML) took a third of the command's own time. Its texts are `i18n`'s, a plural
    as a table of forms."""
    import tomllib

    folder = Path(__file__).resolve().parent.parent / "i18n"
    text = (folder / f"{lang}.toml").read_text(encoding="utf-8")
    start = text.index("\n[search]\n")
    end = text.find("\n[", start + 1)
    section: dict[str, Any] = tomllib.loads(text[start:end] if end > 0 else text[start:])
    return dict(section["search"])


def _say(texts: dict[str, Any], key: str, **fields: Any) -> str:
    text = texts[key]
    if isinstance(text, dict):  # { one = …, other = … }
        text = text["one" if fields.get("count") == 1 else "other"]
    return str(text).format(**fields)


def _table(result: SearchResult, columns: int, texts: dict[str, Any]) -> str:
    from meetingtui.services.search import excerpt

    if not result.hits:
        return _say(texts, "none", query=result.query)
    lines = [_say(texts, "count", count=result.total, shown=len(result.hits),
                  query=result.query) if result.total > len(result.hits)
             else _say(texts, "all", count=result.total, query=result.query)]
    width = max(columns, 40) - 4
    for hit in result.hits:
        lines.append("")
        lines.append(heading(hit, texts))
        for text in (hit.text, hit.context):
            if text:
                lines.append("    " + marked(*excerpt(text, result.words, width)))
    return "\n".join(lines)


def heading(hit: Hit, texts: dict[str, Any]) -> str:
    """"#1698 2026-11-10 EST § 5 Åtgärdsplan · åtgärd · SEKRETESS"."""
    from meetingtui.services.search import where

    parts = [f"#{hit.meeting_id} {where(hit)}", texts[f"kind_{hit.kind}"]]
    if hit.confidential:
        parts.append(texts["confidential"])
    return " · ".join(parts)


def marked(text: str, found: list[tuple[int, int]]) -> str:
    """`text` with each match between » and «."""
    out, done = [], 0
    for start, end in found:
        out += [text[done:start], MARK_START, text[start:end], MARK_END]
        done = end
    out.append(text[done:])
    return "".join(out)


def _as_json(result: SearchResult, filters: Any) -> dict[str, Any]:
    """Stable English keys and ISO dates, for scripts; `matches` are [start, end) offsets in
    `text` (`context_matches` in `context`), in characters (code points)."""
    from meetingtui.services.search import marks

    return {
        "query": result.query,
        "public": filters.public,
        "total": result.total,
        "hits": [
            {"meeting": hit.meeting_id, "date": hit.meeting_date.isoformat(),
             "group": hit.group_short, "item": hit.item_position, "item_title": hit.item_title,
             "kind": hit.kind, "id": hit.id, "text": hit.text,
             "matches": [list(span) for span in marks(hit.text, result.words)],
             "context": hit.context,
             "context_matches": [list(span) for span in marks(hit.context, result.words)],
             "confidential": hit.confidential}
            for hit in result.hits
        ],
    }
