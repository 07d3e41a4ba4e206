"""`meetingtui agreements`: medborgarlöften and samverkansöverenskommelser, what each party
commits to, and the measures that carry them out. Plain lines and JSON, for scripts too."""

from __future__ import annotations

import json
from datetime import date
from typing import TYPE_CHECKING, Any

import click

from meetingtui.cli.context import MAX_ID, Context, UserError, day_option, group_named

if TYPE_CHECKING:
    from meetingtui.model import AgreementDetail, Commitment
    from meetingtui.services.workspace import Workspace

KINDS = ["medborgarlofte", "samverkan"]
#: What `status` takes (Swedish words too: see services.agreements.STATUS_WORDS).
STATUS_HELP = "planned|ongoing|done|cancelled (planerad, pågår, klar, avbruten)"


def today() -> date:
    return date.today()


@click.group(invoke_without_command=True)
@click.pass_context
def agreements(ctx: click.Context) -> None:
    """Medborgarlöften and samverkansöverenskommelser (without a command: `list`)."""
    if ctx.invoked_subcommand is None:
        ctx.invoke(list_)


@agreements.command(name="list")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--public", is_flag=True, help="Leave out confidential measures; refuse "
              "personal identity numbers.")
@click.pass_obj
def list_(context: Context, fmt: str = "table", public: bool = False) -> None:
    """Every agreement: id, kind, period, title (the newest period first)."""
    from meetingtui.services import agreements as service

    context.require_database()
    with context.workspace() as ws:
        shown = [service.detail(ws, a.id) for a in service.all_agreements(ws) if a.id]
        if public:
            shown = _public(shown)
        if fmt == "json":
            click.echo(json.dumps([_as_json(d) for d in shown], ensure_ascii=False, indent=2))
            return
        for d in shown:
            a = d.agreement
            click.echo(f"{a.id:>4}  {_kind(a.kind.value):<25}  {a.period_start} – "
                       f"{a.period_end}  {a.title}")


@agreements.command()
@click.option("--kind", type=click.Choice(KINDS), required=True)
@click.option("--title", required=True)
@click.option("--from", "start", required=True, metavar="DATE", help="First day of the period.")
@click.option("--to", "end", required=True, metavar="DATE", help="Last day of the period.")
@click.option("--party", "parties", multiple=True, metavar="PARTY",
              help="A party (repeat for each): \"Herrljunga kommun\", \"LPO Alingsås\".")
@click.option("--group", "group_name", help="The group that follows it up (default: every "
              "group with an agreements item).")
@click.option("--text", default="", help="What the agreement says.")
@click.pass_obj
def add(context: Context, kind: str, title: str, start: str, end: str,
        parties: tuple[str, ...], group_name: str | None, text: str) -> None:
    """Add an agreement; prints its id."""
    from meetingtui.model import AgreementKind
    from meetingtui.services import agreements as service

    first, last = _day("--from", start), _day("--to", end)
    if last < first:
        raise UserError(f"--to {last} is before --from {first}: the period ends before it "
                        "starts", key="agreements.period_order", start=str(first),
                        end=str(last))
    with context.workspace() as ws:
        group_id = group_named(ws, group_name).id if group_name is not None else None
        made = _valid(lambda: service.add_agreement(
            ws, AgreementKind(kind), title, first, last, list(parties), group_id=group_id,
            text=text))
        click.echo(f"{made.id}  {made.title}")


@agreements.command()
@click.argument("agreement_id", metavar="ID")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.option("--public", is_flag=True, help="Leave out confidential measures; refuse "
              "personal identity numbers.")
@click.pass_obj
def show(context: Context, agreement_id: str, fmt: str, public: bool) -> None:
    """One agreement with its parties, commitments and linked measures."""
    from meetingtui.services import agreements as service

    context.require_database()
    with context.workspace() as ws:
        shown = [_detail(ws, _id(agreement_id))]
        if public:
            shown = _public(shown)
        if fmt == "json":
            click.echo(json.dumps(_as_json(shown[0]), ensure_ascii=False, indent=2))
            return
        d = shown[0]
        a = d.agreement
        words = _words()
        click.echo(f"{a.id}  {a.title} ({_kind(a.kind.value)}), {a.period_start} – "
                   f"{a.period_end}")
        for party in service.parties_of(a):
            click.echo(f"  {words['party'].lower()}: {party}")
        if a.text:
            click.echo(f"  {' '.join(a.text.split())}")
        for c in d.commitments:
            due = f", {c.due}" if c.due else ""
            late = f" ({_status('overdue')})" if c.overdue(today()) else ""
            click.echo(f"  {words['commitment'].lower()} {c.id}: [{_status(c.status.value)}"
                       f"{late}] {c.party}: {c.text} ({_owner(c)}{due})")
        for m in d.measures:
            click.echo(f"  {words['measure'].lower()} {m.id}: [{_status(m.status.value)}] "
                       f"{m.text} ({m.owner})")


@agreements.command()
@click.argument("agreement_id", metavar="ID")
@click.option("--party", default="", help="The party that commits.")
@click.option("--text", required=True, help="What it commits to.")
@click.option("--owner", required=True, help="Who is responsible (ansvarig).")
@click.option("--org", "organisation", default="", help="The owner's organisation.")
@click.option("--due", metavar="DATE", help="Done by this day.")
@click.pass_obj
def commit(context: Context, agreement_id: str, party: str, text: str, owner: str,
           organisation: str, due: str | None) -> None:
    """Add what a party commits to; prints the commitment's id."""
    from meetingtui.services import agreements as service

    number = _id(agreement_id)
    by = day_option("--due", due, today())
    with context.workspace() as ws:
        made = _valid(lambda: _existing(lambda: service.add_commitment(
            ws, number, text, owner, party=party, organisation=organisation, due=by),
            "agreement", number))
        click.echo(f"{made.id}  {made.text}")


@agreements.command()
@click.argument("commitment_id", metavar="COMMITMENT_ID")
@click.argument("status", metavar="STATUS")
@click.pass_obj
def status(context: Context, commitment_id: str, status: str) -> None:
    """Set a commitment's status: planned, ongoing, done or cancelled (or in Swedish)."""
    from meetingtui.services import agreements as service
    from meetingtui.store.rows import Conflict

    number = _id(commitment_id)
    new = service.status_from_word(status)
    if new is None:
        raise UserError(f"unknown status {status!r}: {STATUS_HELP}",
                        key="agreements.bad_status", status=status, known=STATUS_HELP)
    with context.workspace() as ws:
        try:
            made = _existing(lambda: service.set_status(ws, number, new), "commitment", number)
        except Conflict:
            raise UserError(f"commitment {number} was changed meanwhile by another program; "
                            "nothing was saved: look again and retry",
                            key="agreements.conflict", id=str(number)) from None
        click.echo(f"{made.id}  {_status(made.status.value)}  {made.text}")


@agreements.command()
@click.argument("agreement_id", metavar="ID")
@click.argument("measure_id", metavar="MEASURE_ID")
@click.option("--unlink", is_flag=True, help="Remove the link instead.")
@click.pass_obj
def link(context: Context, agreement_id: str, measure_id: str, unlink: bool) -> None:
    """Link a measure (see `meetingtui actions`) to the agreement it carries out."""
    from meetingtui.services import agreements as service

    number, measure = _id(agreement_id), _id(measure_id, "measure")
    with context.workspace() as ws:
        _existing(lambda: service.get_agreement(ws, number), "agreement", number)
        if unlink:
            service.unlink_measure(ws, number, measure)
        else:
            _existing(lambda: service.link_measure(ws, number, measure), "measure", measure)
        click.echo(f"{number}  {'-' if unlink else '+'}{measure}")


# --- helpers -----------------------------------------------------------------------------------

def _day(option: str, text: str) -> date:
    day = day_option(option, text, today())
    assert day is not None
    return day


def _id(text: str, what: str = "agreement") -> int:
    try:
        number = int(text)
    except ValueError:
        raise UserError(f"{text!r} is not a number (see `meetingtui agreements list`)",
                        key="agreements.not_a_number", text=text) from None
    if not 0 < number <= MAX_ID:
        raise UserError(f"no {what} with id {text}", key=f"agreements.no_{what}",
                        id=text)
    return number


def _existing(call: Any, what: str, number: int) -> Any:
    """`call()`, with a removed or unknown row said in one line."""
    from meetingtui.store.rows import Gone

    try:
        return call()
    except Gone as gone:
        named = {"agreements": "agreement", "commitments": "commitment",
                 "measures": "measure"}.get(gone.table, what)
        raise UserError(f"no {named} with id {gone.record_id}", key=f"agreements.no_{named}",
                        id=str(gone.record_id)) from None


def _valid(call: Any) -> Any:
    """`call()`, with a refused value said in one line: the field and what is wrong."""
    from pydantic import ValidationError

    try:
        return call()
    except ValidationError as error:
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"]) or "value"
        raise UserError(f"{field}: {first['msg']}", key=f"agreements.invalid_{first['type']}",
                        field=field, **{k: str(v) for k, v in (first.get("ctx") or {}).items()}
                        ) from None


def _detail(ws: Workspace, number: int) -> AgreementDetail:
    from meetingtui.services import agreements as service

    return _existing(lambda: service.detail(ws, number), "agreement", number)  # type: ignore[no-any-return]


def _public(shown: list[AgreementDetail]) -> list[AgreementDetail]:
    """Without confidential measures; refused while a personnummer stands in what remains."""
    from meetingtui.personal_numbers import find_personal_numbers

    kept = [d.model_copy(update={"measures": [m for m in d.measures if not m.confidential]})
            for d in shown]
    places = []
    for d in kept:
        a = d.agreement
        texts = [("title", a.title), ("parties", a.parties), ("text", a.text),
                 *((f"commitment {c.id}, {f}", getattr(c, f)) for c in d.commitments
                   for f in ("party", "text", "owner", "organisation")),
                 *((f"measure {m.id}, {f}", getattr(m, f)) for m in d.measures
                   for f in ("text", "owner", "owner_org"))]
        places += [f"agreement {a.id}, {where}: {finding.masked} ({finding.kind})"
                   for where, text in texts for finding in find_personal_numbers(text)]
    if places:
        raise UserError(f"Personal identity numbers found: {'; '.join(places[:5])}. Remove "
                        "them before anything public is made of the agreements.",
                        key="agreements.personal_data", places="; ".join(places[:5]))
    return kept


def _owner(c: Commitment) -> str:
    return f"{c.owner}, {c.organisation}" if c.organisation else c.owner


def _as_json(d: AgreementDetail) -> dict[str, Any]:
    a = d.agreement
    return {
        "id": a.id, "kind": a.kind.value, "title": a.title, "group_id": a.group_id,
        "period_start": a.period_start.isoformat(), "period_end": a.period_end.isoformat(),
        "parties": [p for p in a.parties.splitlines() if p], "text": a.text,
        "commitments": [
            {"id": c.id, "party": c.party, "text": c.text, "owner": c.owner,
             "organisation": c.organisation, "due": c.due.isoformat() if c.due else None,
             "status": c.status.value, "overdue": c.overdue(today())}
            for c in d.commitments],
        "measures": [{"id": m.id, "text": m.text, "owner": m.owner, "status": m.status.value}
                     for m in d.measures],
    }


def _words() -> dict[str, str]:
    """`[agreements]` in the interface language, read alone (`i18n.section`)."""
    from meetingtui.i18n import language, section

    return section(language(), "agreements")


def _kind(value: str) -> str:
    """"Medborgarlöfte" for the stored `medborgarlofte`."""
    from meetingtui.i18n import language, section

    return section(language(), "enum.AgreementKind").get(value, value)


def _status(value: str) -> str:
    """"ej påbörjad" for `not_started`, "försenad" for `overdue`: the action lists' words."""
    from meetingtui.i18n import language, section

    if value == "overdue":
        return section(language(), "action_words")["overdue"].lower()
    return section(language(), "action_words.status").get(value, value)
