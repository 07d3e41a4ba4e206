"""`python -m meetingtui.ui [--lang sv|en] [--meeting N]`: the TUI without the command line.

Locations come from MEETINGTUI_DB / MEETINGTUI_AGENDAS (see paths.py). The real entry point is
`meetingtui` (cli.py); this one exists for the end-to-end test and for debugging.
"""

from __future__ import annotations

import argparse

from meetingtui.i18n import LANGUAGES, default_language
from meetingtui.paths import resolve
from meetingtui.services.workspace import open_workspace
from meetingtui.ui.app import make_app


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m meetingtui.ui")
    parser.add_argument("--lang", choices=LANGUAGES, default=default_language())
    parser.add_argument("--meeting", type=int, default=None)
    args = parser.parse_args()
    ws = open_workspace(resolve())
    try:
        make_app(ws, lang=args.lang, meeting_id=args.meeting).run()
    finally:
        ws.close()


if __name__ == "__main__":
    main()
