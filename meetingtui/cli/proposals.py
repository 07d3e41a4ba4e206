"""`meetingtui proposals`: the proposals waiting for a body above (KLG, styrgruppen,
kommunstyrelsen), and `proposals decide ID (--decided | --rejected REASON) --date D` to record
a decision the body made outside the app (issue 16 §3)."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Any

import click

from meetingtui.cli.context import Context, UserError, day_option

if TYPE_CHECKING:
    from meetingtui.model import Measure


@click.group(invoke_without_command=True)
@click.option("--body", help="Only proposals to this body (e.g. KLG), any case.")
@click.option("--all", "every", is_flag=True, help="Answered proposals too, not only waiting.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def proposals(ctx: click.Context, body: str | None, every: bool, fmt: str) -> None:
    """List the proposals waiting for a body's decision (oldest first)."""
    if ctx.invoked_subcommand is not None:
        return
    from meetingtui.services import proposals as service

    context: Context = ctx.obj
    context.require_database()
    with context.workspace() as ws:
        found = service.every(ws, body) if every else service.waiting(ws, body)
        origins = service.origins(ws, found)
        rows = [_row(m, origins.get(m.id or 0, "")) for m in found]
    if fmt == "json":
        click.echo(json.dumps(rows, ensure_ascii=False, indent=2))
        return
    for r in rows:
        secret = " SEKRETESS" if r["confidential"] else ""
        answered = f" {r['proposal_decided_on']}" if r["proposal_decided_on"] else ""
        click.echo(f"{r['id']:>5}  {r['from']:<14}  → {r['proposed_to']:<14}  "
                   f"{_said(r['proposal'])}{answered}  {r['due'] or '–'}  {r['owner']}: "
                   f"{' '.join(r['text'].split())}{secret}")


def _row(m: Measure, origin: str) -> dict[str, Any]:
    return {"id": m.id, "from": origin, "proposed_to": m.proposed_to, "proposal": m.proposal.value,
            "proposal_decided_on": m.proposal_decided_on.isoformat()
            if m.proposal_decided_on else None,
            "proposal_meeting_id": m.proposal_meeting_id, "proposal_reason": m.proposal_reason,
            "text": m.text, "owner": m.owner, "owner_org": m.owner_org,
            "due": m.due.isoformat() if m.due else None, "meeting_id": m.meeting_id,
            "confidential": m.confidential}


@proposals.command()
@click.argument("measure_id", type=int)
@click.option("--decided", is_flag=True, help="The body decided it: a measure from now on.")
@click.option("--rejected", "reason", metavar="REASON", help="The body rejected it, and why.")
@click.option("--date", "day_text", required=True, help="The day the body decided (2026-12-10).")
@click.pass_obj
def decide(context: Context, measure_id: int, decided: bool, reason: str | None,
           day_text: str) -> None:
    """Record a body's answer to proposal MEASURE_ID, made outside the app."""
    from meetingtui.services import proposals as service
    from meetingtui.store.rows import Conflict, Gone

    if decided == (reason is not None):
        raise _refused("either", "give either --decided or --rejected REASON")
    if reason is not None and not " ".join(reason.split()):
        raise _refused("reason_needed", "--rejected needs a reason")
    context.require_database()
    with context.workspace() as ws:
        day = day_option("--date", day_text, ws.today())
        assert day is not None
        try:
            measure = service.get(ws, measure_id)
            answered = service.answer(ws, measure, decided=decided, day=day,
                                      reason=reason or "")
        except Gone:
            raise _refused("no_measure", f"no measure {measure_id}", id=measure_id) from None
        except service.NotAProposal as error:
            if error.state in ("decided", "rejected"):
                raise _refused("already", f"proposal {measure_id} is already {error.state} "
                               f"({_when(measure)}); nothing changed", id=measure_id,
                               state=_said(error.state), when=_when(measure)) from None
            raise _refused("not_a_proposal", f"measure {measure_id} is not a proposal",
                           id=measure_id) from None
        except service.TooEarly as error:
            raise _refused("too_early", f"--date: proposal {measure_id} was made on "
                           f"{error.proposed_on.isoformat()}; the body cannot have answered "
                           "it before that", id=measure_id,
                           day=error.proposed_on.isoformat()) from None
        except Conflict as conflict:
            theirs: Any = conflict.theirs
            raise _refused("meanwhile", f"proposal {measure_id} was answered meanwhile "
                           f"({theirs.proposal.value} {_when(theirs)}); nothing changed",
                           id=measure_id, state=_said(theirs.proposal.value),
                           when=_when(theirs)) from None
    click.echo(_said("answered", id=answered.id, state=_said(answered.proposal.value),
                     when=_when(answered), body=answered.proposed_to))


def _said(key: str, **fields: object) -> str:
    """`[cli_proposals]` in the interface language: a refusal, a state ("beslutat")."""
    from meetingtui.i18n import t

    return t(f"cli_proposals.{key}", **fields)


def _refused(key: str, english: str, **fields: object) -> UserError:
    return UserError(english, key=f"cli_proposals.{key}",
                     **{name: str(value) for name, value in fields.items()})


def _when(measure: Measure) -> str:
    return measure.proposal_decided_on.isoformat() if measure.proposal_decided_on else "–"
