"""`python -m meetingtui` is the `meetingtui` command."""

from meetingtui.cli import main

main()
