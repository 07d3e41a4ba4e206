"""`meetingtui groups`: a municipality's groups, each an instance of a template (a group type),
and their members as people."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING, Literal

import click

from meetingtui.cli.context import Context, UserError, group_named

if TYPE_CHECKING:
    from meetingtui.model import Group, Member
    from meetingtui.services.workspace import Workspace


@click.group(invoke_without_command=True)
@click.option("--all", "everything", is_flag=True, help="Archived groups too.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_context
def groups(ctx: click.Context, everything: bool, fmt: str) -> None:
    """List the groups (id, short name, name, template); `--format json` with members."""
    if ctx.invoked_subcommand is not None:
        return
    from meetingtui.services import groups as service

    context: Context = ctx.obj
    context.require_database()
    with context.workspace() as ws:
        service.ensure_groups(ws)
        listed = service.all_groups(ws) if everything else service.ensure_groups(ws)
        if fmt == "json":
            click.echo(json.dumps([_as_json(ws, g) for g in listed], ensure_ascii=False,
                                  indent=2))
            return
        short = max([len(g.short) for g in listed] + [5])
        kind = max([len(g.template_id) for g in listed] + [5])
        for g in listed:
            archived = "  (arkiverad)" if g.archived else ""
            click.echo(f"{g.id:>4}  {g.short:<{short}}  {g.template_id:<{kind}}  "
                       f"{g.name}{archived}")


def _as_json(ws: Workspace, group: Group) -> dict[str, object]:
    from meetingtui.services import groups as service

    assert group.id is not None
    return {"id": group.id, "name": group.name, "short": group.short,
            "template": group.template_id, "archived": group.archived,
            "members": [_member_json(m) for m in service.members(ws, group.id)]}


def _member_json(member: Member) -> dict[str, object]:
    return {"name": member.name, "role": member.role, "organisation": member.organisation,
            "email": member.email, "substitute": member.substitute}


@groups.command()
@click.option("--template", "template_id", required=True, help="The group type (template id).")
@click.option("--name", required=True, help="The group's name: \"Lokalt BRÅ Västra\".")
@click.option("--short", required=True, help="Its short name, unique: \"BRÅ V\".")
@click.pass_obj
def add(context: Context, template_id: str, name: str, short: str) -> None:
    """Add a group of a type (its members start as the template's roles)."""
    from meetingtui.services import groups as service
    from meetingtui.services.errors import GroupError

    with context.workspace() as ws:
        try:
            group = service.add_group(ws, template_id, name, short)
        except GroupError as error:
            raise _group_error(error) from None
        click.echo(f"{group.id}  {group.short}  {group.name}")


@groups.command()
@click.argument("group_name", metavar="GROUP")
@click.option("--name", help="The new name.")
@click.option("--short", help="The new short name.")
@click.pass_obj
def rename(context: Context, group_name: str, name: str | None, short: str | None) -> None:
    """Rename a group (closed meetings' minutes keep the name they were filed under)."""
    from meetingtui.services import groups as service
    from meetingtui.services.errors import GroupError

    if not (name or short):
        raise UserError("give --name, --short or both", key="cli_groups.rename_nothing")
    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        try:
            renamed = service.rename_group(ws, group.id, name=name, short=short)
        except GroupError as error:
            raise _group_error(error) from None
        click.echo(f"{renamed.id}  {renamed.short}  {renamed.name}")


#: Frequency's values (meetingtui.model is not imported to build the command line).
FREQUENCIES = ["weekly", "biweekly", "monthly", "six-per-year", "quarterly", "twice-yearly",
               "ad-hoc"]


@groups.command(name="set")
@click.argument("group_name", metavar="GROUP")
@click.option("--chair", help="The group's own chair (a role or a name); \"\" for the template's.")
@click.option("--frequency", type=click.Choice([*FREQUENCIES, "template"]),
              help="How often it meets; `template` for the template's rhythm.")
@click.option("--skip-months", metavar="MONTHS",
              help="Months without meetings, e.g. \"7,12\"; \"\" for the template's.")
@click.pass_obj
def set_(context: Context, group_name: str, chair: str | None, frequency: str | None,
         skip_months: str | None) -> None:
    """Give a group its own chair and rhythm, which `plan` and new meetings follow.

    \b
    Example:
      meetingtui groups set "BRÅ C" --frequency monthly --skip-months 7,12
    """
    from meetingtui.model import Frequency
    from meetingtui.services import groups as service

    if chair is None and frequency is None and skip_months is None:
        raise UserError("give --chair, --frequency or --skip-months",
                        key="cli_groups.set_nothing")
    months: list[int] | Literal["keep"] | None = "keep"
    try:
        if skip_months is not None:
            months = service.parse_months(skip_months)
    except ValueError:
        raise UserError(f"--skip-months: give months as numbers 1-12, e.g. 7,12, not "
                        f"{skip_months}", key="cli_groups.months_bad",
                        months=skip_months or "") from None
    rhythm: Frequency | Literal["keep"] | None = (
        "keep" if frequency is None else None if frequency == "template" else Frequency(frequency))
    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        changed = service.set_rhythm(ws, group.id, chair=chair, frequency=rhythm,
                                     skip_months=months)
        # What the group now follows, the template's where it has none of its own.
        frequency_now, skipped = service.rhythm(ws, changed) or (None, [])
        click.echo(f"{changed.short}  {frequency_now or '-'}  "
                   f"{','.join(str(m) for m in skipped) or '-'}  "
                   f"{service.chair_of(ws, changed)}".rstrip())


@groups.command()
@click.argument("group_name", metavar="GROUP")
@click.option("--undo", is_flag=True, help="Bring an archived group back.")
@click.pass_obj
def archive(context: Context, group_name: str, undo: bool) -> None:
    """Archive a group: it keeps its meetings and leaves the home screen."""
    from meetingtui.services import groups as service

    with context.workspace() as ws:
        group = group_named(ws, group_name, archived=True)
        assert group.id is not None
        service.archive_group(ws, group.id, archived=not undo)


@groups.command()
@click.argument("group_name", metavar="GROUP")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table",
              show_default=True)
@click.pass_obj
def members(context: Context, group_name: str, fmt: str) -> None:
    """A group's members, numbered: `member-set GROUP N --name …` names one."""
    from meetingtui.services import groups as service

    context.require_database()
    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        listed = service.members(ws, group.id)
        if fmt == "json":
            click.echo(json.dumps([_member_json(m) for m in listed], ensure_ascii=False,
                                  indent=2))
            return
        for number, m in enumerate(listed, start=1):
            kind = "ersättare" if m.substitute else ""
            name = "" if m.name == m.role else m.name
            click.echo(f"{number:>3}  {name:<24}  {m.role:<28}  {m.organisation:<24}  "
                       f"{m.email:<28}  {kind}".rstrip())


@groups.command(name="member-add")
@click.argument("group_name", metavar="GROUP")
@click.option("--name", required=True)
@click.option("--role", default="")
@click.option("--organisation", default="")
@click.option("--email", default="")
@click.option("--substitute", is_flag=True, help="A substitute (ersättare), not a regular.")
@click.pass_obj
def add_member(context: Context, group_name: str, name: str, role: str, organisation: str,
               email: str, substitute: bool) -> None:
    """Add a member to the group."""
    from meetingtui.model import Person
    from meetingtui.services import groups as service

    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        service.add_member(ws, group.id, Person(name=name, role=role, organisation=organisation,
                                                email=email), substitute=substitute)


@groups.command(name="member-set")
@click.argument("group_name", metavar="GROUP")
@click.argument("number", type=int)
@click.option("--name")
@click.option("--role")
@click.option("--organisation")
@click.option("--email")
@click.option("--substitute/--regular", default=None)
@click.pass_obj
def set_member(context: Context, group_name: str, number: int, name: str | None,
               role: str | None, organisation: str | None, email: str | None,
               substitute: bool | None) -> None:
    """Name member NUMBER (from `members GROUP`), or change their role, organisation, e-mail,
    substitute or regular; each new meeting's attendance starts from the members."""
    from meetingtui.services import groups as service

    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        member = _numbered(service.members(ws, group.id), number)
        changes = {key: value for key, value in (
            ("name", name), ("role", role), ("organisation", organisation), ("email", email),
            ("substitute", substitute)) if value is not None}
        service.update_member(ws, group.id,
                              member.model_validate({**member.model_dump(), **changes}), member)


@groups.command(name="member-remove")
@click.argument("group_name", metavar="GROUP")
@click.argument("number", type=int)
@click.pass_obj
def remove_member(context: Context, group_name: str, number: int) -> None:
    """Remove member NUMBER from the group (earlier meetings keep their attendance)."""
    from meetingtui.services import groups as service

    with context.workspace() as ws:
        group = group_named(ws, group_name)
        assert group.id is not None
        member = _numbered(service.members(ws, group.id), number)
        assert member.id is not None
        service.remove_member(ws, group.id, member.id)


def _numbered(listed: list[Member], number: int) -> Member:
    if not 1 <= number <= len(listed):
        raise UserError(f"no member number {number}; the group has {len(listed)}",
                        key="cli_groups.no_member", number=str(number), count=str(len(listed)))
    return listed[number - 1]


def _group_error(error: Exception) -> UserError:
    reason = getattr(error, "reason", "")
    fields = {k: str(v) for k, v in getattr(error, "words", {}).items()}
    return UserError(str(error), key=f"cli_groups.{reason}", **fields)
