"""`python -m meetingtui` is the `meetingtui` command."""

from meetingtui.cli import main

main(prog_name="meetingtui")  # as installed: completion and usage name it so
