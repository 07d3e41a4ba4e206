"""Minutes pages kept between publishes: a closed meeting's page is made and written again only
when something it is made from changed.

A secretary publishes every week into the same folder (--force), and a ten-year site holds some
1,700 minutes that have not changed since the last time. A minutes page is what
`build_minutes_html` makes of the meeting's record and what frames it (its title, group, the
public or internal marks, the municipality, the language), with this program's code: the key
is a hash of all of them (the record whole, as JSON). The index (`INDEX`, written with the site)
holds each page's key, a hash of the page and where a personnummer stands in it. A page is left
as it is only when its key is the same now and the file in the folder is still exactly the page
the index hashed; a changed record, another version of the program, a page edited or removed by
hand, or no index makes it again. A page left as it is keeps the day it was published: it is
still true. A public page with a personnummer is never written, so never kept.
"""

from __future__ import annotations

import hashlib
import json
import sys
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from meetingtui.model import FollowUp, GroupTemplate, MeetingRecord

INDEX = ".meetingtui-protokoll.json"
_FORMAT = 1
_LARGEST = 20_000_000  # a page larger than this was not written by publish


@dataclass(frozen=True)
class Kept:
    """What the index says of one page."""

    key: str
    page: str  # the hash of the file
    personal_data: list[str]


def key(record: MeetingRecord, frame: list[object], dumps: Dumps | None = None) -> str:
    """The key of a page made of ``record`` in ``frame`` (every other thing it shows);
    ``dumps``: the follow-ups' JSON remembered from the meetings before (a publish)."""
    made_from = json.dumps([code_version(), *frame], ensure_ascii=False, default=str)
    digest = hashlib.blake2b(made_from.encode("utf-8"), digest_size=32)
    # Warnings off: they are checked field by field, and a record read from the store has none.
    digest.update(record.model_dump_json(warnings=False,
                                         exclude={"followups", "template"}).encode("utf-8"))
    # Compact JSON holds no line break: the template on one, then one a follow-up.
    template = (dumps.template(record.template) if dumps is not None
                else _dump_template(record.template))
    digest.update(b"\n" + template)
    dump = dumps.of if dumps is not None else _dump
    digest.update(b"".join(b"\n" + dump(followup) for followup in record.followups))
    return digest.hexdigest()


class Dumps:
    """The JSON of each follow-up without an update, dumped once: `FollowupReader` shares
    one object for it meeting after meeting (a tenth of a publish was dumping them again);
    and of each group's template, one object for all of its meetings (a fifth of a record's
    JSON)."""

    def __init__(self) -> None:
        self._dumped: dict[int, tuple[FollowUp, bytes]] = {}  # by id, the object kept alive
        self._templates: dict[int, tuple[GroupTemplate | None, bytes]] = {}

    def template(self, template: GroupTemplate | None) -> bytes:
        found = self._templates.get(id(template))
        if found is None:
            found = self._templates[id(template)] = (template, _dump_template(template))
        return found[1]

    def of(self, followup: FollowUp) -> bytes:
        if followup.update is not None:  # this meeting's own: never seen again
            return _dump(followup)
        found = self._dumped.get(id(followup))
        if found is None:
            found = self._dumped[id(followup)] = (followup, _dump(followup))
        return found[1]


def _dump(followup: FollowUp) -> bytes:
    return followup.model_dump_json(warnings=False).encode("utf-8")


def _dump_template(template: GroupTemplate | None) -> bytes:
    return template.model_dump_json(warnings=False).encode("utf-8") if template else b"null"


def page_hash(page: bytes) -> str:
    return hashlib.blake2b(page, digest_size=32).hexdigest()


def unchanged(page: Path, kept: Kept | None, now: str) -> bool:
    """Whether the file ``page`` may stay: the index keeps it under the key ``now`` and it is
    still the page the index hashed."""
    if kept is None or kept.key != now:
        return False
    try:
        if page.is_symlink() or page.stat().st_size > _LARGEST:
            return False
        return page_hash(page.read_bytes()) == kept.page
    except OSError:
        return False


def read_index(folder: Path) -> dict[str, Kept]:
    """The pages an earlier publish into ``folder`` kept; empty when there is none, it is
    unreadable or another version of the program wrote it."""
    try:
        data = json.loads((folder / INDEX).read_text(encoding="utf-8"))
        if data.get("format") != _FORMAT or data.get("code") != code_version():
            return {}
        return {page: Kept(str(entry[0]), str(entry[1]), [str(p) for p in entry[2]])
                for page, entry in data["pages"].items()}
    except (OSError, ValueError, TypeError, KeyError, IndexError, AttributeError):
        return {}


def index_bytes(pages: dict[str, Kept]) -> bytes:
    data = {"format": _FORMAT, "code": code_version(),
            "pages": {page: [k.key, k.page, k.personal_data] for page, k in sorted(pages.items())}}
    return json.dumps(data, ensure_ascii=False, indent=0).encode("utf-8")


@cache
def code_version() -> str:
    """This program's code and data files and the versions of what makes the minutes' HTML:
    an upgrade, or an edit while developing, makes every page again."""
    import markdown_it
    import pydantic

    package = Path(__file__).resolve().parents[2]
    digest = hashlib.blake2b(digest_size=32)
    digest.update(f"{sys.version}|{pydantic.VERSION}|{markdown_it.__version__}".encode())
    for path in sorted(package.rglob("*")):
        if path.suffix in {".py", ".toml", ".html", ".css", ".md"} and path.is_file():
            digest.update(path.relative_to(package).as_posix().encode("utf-8"))
            digest.update(path.read_bytes())
    return digest.hexdigest()
