"""The minutes pages of a site: each closed meeting's record loaded, scanned for personnummer,
made into its page and written into the staging folder, in worker processes when there are many.

A ten-year database has some 1,700 closed meetings at about 6 ms each, all of it Python (the
record, its HTML): one process is one core. Each worker opens the database itself (a connection
never crosses a fork) with the parent's templates, clock and language, and makes exactly what
the parent would have (a test compares the two sites byte for byte). A database in memory, a
few meetings or one core: the parent does it alone.

A public page with a personnummer in it is never written, not even into the staging folder: the
places are reported and the publish refused. A page of which nothing has changed since the last
publish into the same folder stays in the folder as it is (`reuse`).
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from meetingtui.export.site import reuse
from meetingtui.export.site.content import MinutesPage, Site
from meetingtui.export.site.render import Frame, frame_of
from meetingtui.export.site.reuse import INDEX, Kept, index_bytes, read_index
from meetingtui.export.site.staging import Staging

if TYPE_CHECKING:
    from meetingtui.agenda import TemplateSet
    from meetingtui.paths import Locations
    from meetingtui.services.record import RecordReader
    from meetingtui.services.workspace import Workspace

# Below this many meetings starting workers costs more than it saves.
PARALLEL_FROM = 64
MAX_WORKERS = 8
# A worker reads each group's meetings again and again: a ten-year database is some 30 MiB.
WORKER_CACHE_MIB = 64


@dataclass(frozen=True)
class Made:
    """What became of one meeting's page: written, or why not."""

    personal_data: list[str]  # where a personnummer stands in it
    written: bool
    error: OSError | None = None
    kept: Kept | None = None  # what the next publish's index says of it
    unchanged: bool = False  # the page in the folder stays as it is


@dataclass(frozen=True)
class Job:
    """What every page of one publish shares (a worker gets it once)."""

    frame: Frame
    staging: Path  # where the pages are written
    folder: Path  # the site's folder: the pages of the last publish, kept (`reuse`)
    kept: dict[str, Kept]  # the last publish's index
    again: bool = False  # a worker that died may have staged some of the pages


def write_minutes(ws: Workspace, site: Site, staging: Staging, *, workers: int | None = None,
                  written: Callable[[], None] = lambda: None,
                  meanwhile: Callable[[], None] = lambda: None) -> list[str]:
    """Every closed meeting's page into ``staging`` (``written()`` after each), but a public
    one with a personnummer, and the index of them for the next publish (`reuse`); returns
    where personnummer stand, each place naming its meeting.
    ``workers`` None: as many as there are cores (one where it cannot help); ``meanwhile()``
    is called once while they work (the rest of the site is written then)."""
    job = Job(frame_of(site), staging.path, staging.folder, read_index(staging.folder))
    # Every key and the index hold it: hashed here, once, the workers fork with it (each of
    # them and then the index, after them, read the program's files again: 60 ms each).
    reuse.code_version()
    made: dict[int, Made] = {}
    for meeting_id, each in _made(ws, site, job, workers, meanwhile):
        made[meeting_id] = each
        written()
    places: list[str] = []
    index: dict[str, Kept] = {}
    for page in site.minutes:  # in the site's order, however the workers finished
        each = made[page.meeting_id]
        places += [f"{page.named}: {where}" for where in each.personal_data]
        if each.error is not None:
            raise staging.failed(page.page, each.error)
        if each.written:
            staging.written(page.page)
        elif each.unchanged:
            staging.unchanged(page.page)
        if each.kept is not None:
            index[page.page] = each.kept
    staging.write(INDEX, index_bytes(index))
    written()
    return places


def _made(ws: Workspace, site: Site, job: Job, workers: int | None,
          meanwhile: Callable[[], None]) -> Iterator[tuple[int, Made]]:
    """Each meeting's page made, in the order they are done. A worker makes runs of a group's
    meetings in order (it reads the group's measures once for their follow-ups and carries
    them from one meeting to the next), as `_runs` orders them."""
    count = _workers(len(site.minutes)) if workers is None else workers
    if count < 2 or ws.store.path is None:
        meanwhile()
        yield from _alone(ws, job, site.minutes)
        return
    done: set[int] = set()
    pool = ProcessPoolExecutor(
        max_workers=count, mp_context=_context(), initializer=_start,
        initargs=(ws.store.path, ws.templates, ws.locations, ws.clock(), job))
    try:
        futures = [pool.submit(_run, pages)
                   for pages in _runs(site.minutes, count)]
        meanwhile()
        try:
            for future in as_completed(futures):
                for meeting_id, made in future.result():
                    done.add(meeting_id)
                    yield meeting_id, made
            return
        except Exception:  # a worker died, or its error could not cross back: see below
            pass
    finally:  # the runs not yet begun are not made
        pool.shutdown(wait=True, cancel_futures=True)
    # The rest made here, where an error is the error itself (a worker's may not cross back
    # whole), over whatever a dying worker left in the staging folder.
    left = [page for page in site.minutes if page.meeting_id not in done]
    yield from _alone(ws, replace(job, again=True), left)


def _alone(ws: Workspace, job: Job, pages: list[MinutesPage]) -> Iterator[tuple[int, Made]]:
    from meetingtui.services.record import RecordReader

    reader, dumps = RecordReader(ws), reuse.Dumps()
    with ws.store.snapshot():
        for page in pages:
            yield page.meeting_id, _make(ws, reader, dumps, job, page)


def _runs(pages: list[MinutesPage], workers: int) -> list[list[MinutesPage]]:
    """Each group's meetings in runs short enough that the workers finish together (one
    group may hold most of the meetings): some sixteen a worker. First the runs whose pages
    roll up other groups (a styrgrupp's page counts every measure of the groups below it: it
    costs some twenty of another), then the longest: a worker left idle at the end waits for
    one short run at most."""
    longest = -(-len(pages) // (workers * 16))
    groups: dict[str, list[MinutesPage]] = {}
    for page in pages:
        groups.setdefault(page.group_page, []).append(page)
    runs = [run[start:start + longest] for run in groups.values()
            for start in range(0, len(run), longest)]
    return sorted(runs, key=lambda run: (not run[0].rolls_up, -len(run)))


def _workers(meetings: int) -> int:
    if meetings < PARALLEL_FROM:
        return 1
    cores = (len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity")
             else os.cpu_count() or 1)
    return min(cores, MAX_WORKERS)


def _context() -> multiprocessing.context.BaseContext:
    """Fork where it is safe (no other thread whose locks the child would inherit held): the
    worker starts with everything imported. Elsewhere a fresh interpreter."""
    if "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("spawn")


def _make(ws: Workspace, reader: RecordReader, dumps: reuse.Dumps, job: Job,
          page: MinutesPage) -> Made:
    from meetingtui.export.minutes.html import build_minutes_html
    from meetingtui.export.site.render import minutes_page
    from meetingtui.export.site.staging import write_file
    from meetingtui.privacy import public_view, scan_record
    from meetingtui.services.record import filed_municipality, load_meeting

    internal = job.frame.internal
    record = load_meeting(ws, page.meeting_id, reader)
    municipality = filed_municipality(ws, record.meeting)
    frame = job.frame
    now = reuse.key(record, [page, frame.lang, frame.internal, frame.municipality,
                             municipality], dumps)
    kept = job.kept.get(page.page)
    if kept is not None and reuse.unchanged(job.folder / page.page, kept, now):
        return Made(kept.personal_data, written=False, kept=kept, unchanged=True)
    view = None if internal else public_view(record)  # scanned and shown: made once
    places = [str(where) for where in scan_record(record, not internal, view=view)]
    if places and not internal:
        return Made(places, written=False)
    body = build_minutes_html(record, public=not internal, municipality=municipality,
                              view=view)
    html = minutes_page(frame, page, body)
    try:
        if job.again:
            (job.staging / page.page).unlink(missing_ok=True)
        write_file(job.staging, page.page, html)
    except OSError as error:
        return Made(places, written=False, error=error)
    return Made(places, written=True, kept=Kept(now, reuse.page_hash(html), places))


# A worker's own workspace, reader and dumps and the publish's job, set once by `_start`.
_worker: tuple[Workspace, RecordReader, reuse.Dumps, Job] | None = None


def _start(path: Path, templates: TemplateSet, locations: Locations, now: datetime,
           job: Job) -> None:
    from meetingtui.i18n import set_language
    from meetingtui.services.record import RecordReader
    from meetingtui.services.workspace import Workspace
    from meetingtui.store.db import Store

    global _worker
    # What the worker starts with (modules, templates) lives as long as it does: the
    # collector need not walk it again and again while the pages are made. A page makes
    # thousands of short-lived objects, freed as they go (no cycles): the collector is asked
    # less often (0.23 s of collecting in a ten-year publish became 0.08 s, memory the same).
    gc.freeze()
    gc.set_threshold(50_000, 50, 100)
    set_language(job.frame.lang)
    ws = Workspace(Store.open(path, create=False), templates, locations, lambda: now)
    ws.store.keep_pages(WORKER_CACHE_MIB)
    _worker = (ws, RecordReader(ws), reuse.Dumps(), job)


def _run(pages: list[MinutesPage]) -> list[tuple[int, Made]]:
    assert _worker is not None, "a worker is started by _start"
    ws, reader, dumps, job = _worker
    with ws.store.snapshot():
        return [(page.meeting_id, _make(ws, reader, dumps, job, page)) for page in pages]
