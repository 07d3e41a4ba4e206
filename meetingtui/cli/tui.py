"""Opening the app: `meetingtui` (home screen) and `meetingtui open MEETING`."""

from __future__ import annotations

import click

from meetingtui.cli.context import Context, meeting_id, no_meeting


def run_tui(context: Context, meeting: int | None) -> None:
    from meetingtui.services.workspace import open_workspace

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
