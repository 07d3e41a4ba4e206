"""`meetingtui demo`: a fictional municipality's meetings, for trying the app out."""

from __future__ import annotations

import click

from meetingtui.cli.context import Context


@click.command()
@click.option("--years", type=click.IntRange(1, 30), default=1, show_default=True,
              help="How many years of meetings, up to today.")
@click.option("--seed", type=int, default=1, show_default=True, help="Same seed, same data.")
@click.option("--meetings-per-year", type=click.IntRange(1, 500), default=None,
              help="EST meetings a year (default: the template's rhythm).")
@click.pass_obj
def demo(context: Context, years: int, seed: int, meetings_per_year: int | None) -> None:
    """Fill an empty database with Exempelkommun's meetings (fictional)."""
    from meetingtui.services.demo import fill_demo

    with context.workspace() as ws:
        summary = fill_demo(ws, years, seed=seed, meetings_per_year=meetings_per_year)
    click.echo(f"{context.locations.db}: {summary}")
