"""Opening the app: `meetingtui` (home screen) and `meetingtui open MEETING`."""

from __future__ import annotations

import sys

import click

from meetingtui.cli.context import Context, UserError, meeting_id, no_meeting


def has_terminal() -> bool:
    return sys.stdin.isatty() and sys.stdout.isatty()


def _need_a_terminal() -> None:
    """Its output in a file would be escape codes, waiting for keys that never come."""
    if not has_terminal():
        raise UserError("meetingtui is a terminal program: start it in a terminal window.",
                        key="cli.no_terminal")


def run_tui(context: Context, meeting: int | None) -> None:
    from meetingtui.services.workspace import open_workspace

    if meeting is None and not context.locations.db.exists():  # no database made for nothing
        _need_a_terminal()

    ws = open_workspace(context.locations)
    try:
        if meeting is not None:
            # Only here: the models cost more than the home screen's whole first frame.
            from meetingtui.services.errors import MeetingNotFound
            from meetingtui.services.meetings import get_meeting

            try:
                get_meeting(ws, meeting)  # a clear error before the screen opens
            except MeetingNotFound:
                raise no_meeting(meeting) from None
        _need_a_terminal()
        from meetingtui.i18n import default_language
        from meetingtui.ui.app import make_app

        make_app(ws, lang=context.lang or default_language(), meeting_id=meeting).run()
    finally:
        ws.close()


@click.command("open")
@click.argument("meeting")
@click.pass_obj
def open_meeting(context: Context, meeting: str) -> None:
    """Open one meeting (its number from `meetingtui meetings`) in the app."""
    run_tui(context, meeting_id(meeting))
