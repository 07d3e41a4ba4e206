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
    from meetingtui.cli.progress import Number, progress_bar, say_seconds, summary
    from meetingtui.demo.fill import fill_demo
    from meetingtui.i18n import set_language, t

    lang = context.language
    set_language(lang)
    with context.workspace() as ws, progress_bar(t("progress.demo")) as bar:
        filled = fill_demo(ws, years, seed=seed, meetings_per_year=meetings_per_year,
                           progress=bar)
    counts = {"groups": filled.groups, "meetings": filled.meetings,
              "observations": filled.observations, "measures": filled.measures,
              "overdue": filled.overdue_measures}
    summary(t("progress.demo_done", path=str(context.locations.db),
              **{name: Number(n, lang) for name, n in counts.items()},
              time=say_seconds(bar.seconds, lang)), data_on_stdout=False)
