"""`meetingtui report …`: the documents a group or the municipality hands on (issue 16).

The group only; its sub-commands live beside it (`report_upward`: the yearly lägesbild and
åtgärdsplan, a quarter's summary). At module level: click only, as for every command.
"""

from __future__ import annotations

import click


@click.group()
def report() -> None:
    """Reports: the yearly lägesbild and åtgärdsplan, and a quarter's lägesbild summary."""
