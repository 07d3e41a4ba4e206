"""`meetingtui agreements edit|remove|edit-commitment|remove-commitment`: correcting what was
typed, and taking away what should not be there. What is given replaces what is there, and only
that is written: a save names what it read, so another program's change meanwhile is refused,
never overwritten. Minutes already filed keep the agreements as they were shown."""

from __future__ import annotations

from typing import Any

import click

from meetingtui.cli.agreements import _day, _existing, _id, _valid, agreements, today
from meetingtui.cli.context import Context, UserError, day_option


@agreements.command()
@click.argument("agreement_id", metavar="ID")
@click.option("--title", help="The new title.")
@click.option("--from", "start", metavar="DATE", help="The period's new first day.")
@click.option("--to", "end", metavar="DATE", help="The period's new last day.")
@click.option("--party", "parties", multiple=True, metavar="PARTY",
              help="Every party (repeat for each): they replace the ones there are.")
@click.option("--text", help="What the agreement says, all of it.")
@click.pass_obj
def edit(context: Context, agreement_id: str, title: str | None, start: str | None,
         end: str | None, parties: tuple[str, ...], text: str | None) -> None:
    """Correct an agreement: what is given replaces what is there; prints it."""
    from meetingtui.services import agreements as service

    number = _id(agreement_id)
    changes: dict[str, Any] = {}
    if title is not None:
        changes["title"] = title
    if start is not None:
        changes["period_start"] = _day("--from", start)
    if end is not None:
        changes["period_end"] = _day("--to", end)
    if parties:
        changes["parties"] = service.parties_text(list(parties))
    if text is not None:
        changes["text"] = text
    if not changes:
        raise UserError("give --title, --from, --to, --party or --text",
                        key="agreements.edit_nothing")
    with context.workspace() as ws:
        old = _existing(lambda: service.get_agreement(ws, number), "agreement", number)
        new = old.model_copy(update=changes)
        if new.period_end < new.period_start:
            raise UserError(f"--to {new.period_end} is before --from {new.period_start}: the "
                            "period ends before it starts", key="agreements.period_order",
                            start=str(new.period_start), end=str(new.period_end))
        made = _saved(lambda: _valid(lambda: service.save_agreement(ws, new, base=old)),
                      "agreement", number)
    click.echo(f"{made.id}  {made.title}  {made.period_start} – {made.period_end}")


@agreements.command()
@click.argument("agreement_id", metavar="ID")
@click.option("--yes", is_flag=True, help="Remove it: without this, nothing is removed.")
@click.pass_obj
def remove(context: Context, agreement_id: str, yes: bool) -> None:
    """Remove an agreement with its commitments and links; minutes already filed keep it."""
    from meetingtui.services import agreements as service

    number = _id(agreement_id)
    with context.workspace() as ws:
        found = _existing(lambda: service.detail(ws, number), "agreement", number)
        if not yes:
            raise UserError(f"agreement {number} ({found.agreement.title}; commitments: "
                            f"{len(found.commitments)}) is removed only with --yes",
                            key="agreements.remove_asks", id=str(number),
                            title=found.agreement.title, count=str(len(found.commitments)))
        service.remove_agreement(ws, number)
    click.echo(f"{number}  -")


@agreements.command(name="edit-commitment")
@click.argument("commitment_id", metavar="COMMITMENT_ID")
@click.option("--party", help="The party that commits.")
@click.option("--text", help="What it commits to.")
@click.option("--owner", help="Who is responsible (ansvarig).")
@click.option("--org", "organisation", help="The owner's organisation.")
@click.option("--due", metavar="DATE", help="Done by this day (\"\" for no day).")
@click.pass_obj
def edit_commitment(context: Context, commitment_id: str, party: str | None, text: str | None,
                    owner: str | None, organisation: str | None, due: str | None) -> None:
    """Correct a commitment: what is given replaces what is there; prints it."""
    from meetingtui.services import agreements as service

    number = _id(commitment_id, "commitment")
    changes: dict[str, Any] = {name: value for name, value in (
        ("party", party), ("text", text), ("owner", owner), ("organisation", organisation))
        if value is not None}
    if due is not None:
        changes["due"] = day_option("--due", due, today()) if due.strip() else None
    if not changes:
        raise UserError("give --party, --text, --owner, --org or --due",
                        key="agreements.edit_commitment_nothing")
    with context.workspace() as ws:
        old = _existing(lambda: service.get_commitment(ws, number), "commitment", number)
        new = old.model_copy(update=changes)
        made = _saved(lambda: _valid(lambda: service.save_commitment(ws, new, base=old)),
                      "commitment", number)
    click.echo(f"{made.id}  {made.owner}  {made.text}")


@agreements.command(name="remove-commitment")
@click.argument("commitment_id", metavar="COMMITMENT_ID")
@click.option("--yes", is_flag=True, help="Remove it: without this, nothing is removed.")
@click.pass_obj
def remove_commitment(context: Context, commitment_id: str, yes: bool) -> None:
    """Remove a commitment; minutes already filed keep it."""
    from meetingtui.services import agreements as service

    number = _id(commitment_id, "commitment")
    with context.workspace() as ws:
        found = _existing(lambda: service.get_commitment(ws, number), "commitment", number)
        if not yes:
            raise UserError(f"commitment {number} ({found.text}) is removed only with --yes",
                            key="agreements.remove_commitment_asks", id=str(number),
                            text=found.text)
        service.remove_commitment(ws, number)
    click.echo(f"{number}  -")


def _saved(call: Any, what: str, number: int) -> Any:
    """`call()`, with another program's change meanwhile said in one line (nothing saved)."""
    from meetingtui.store.rows import Conflict

    try:
        return call()
    except Conflict:
        raise UserError(f"{what} {number} was changed meanwhile by another program; nothing "
                        "was saved: look again and retry", key=f"agreements.conflict_{what}",
                        id=str(number)) from None
