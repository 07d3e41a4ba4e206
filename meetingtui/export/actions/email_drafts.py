"""A member's action list as an e-mail draft (.eml): the secretary opens it in Outlook (or any
mail program), reads it and sends it. meetingtui sends nothing.

`X-Unsent: 1` makes Outlook open the file as a message to send rather than as one received.
The body is plain text and HTML (the HTML escaped: what users typed is data), and the owner's
calendar (`actions.calendar`, all-day events with a reminder) is attached. The address is the
member's e-mail where the members list has one; else the To field is left for the secretary.
"""

from __future__ import annotations

import html
from datetime import UTC, datetime
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime

from meetingtui.export.actions.calendar import build_ics
from meetingtui.export.actions.common import (
    CONFIDENTIAL,
    HEAD,
    OVERDUE,
    count_text,
    decided_text,
    due_text,
    kind_text,
    status_word,
)
from meetingtui.export.clean import one_line
from meetingtui.i18n import language, t
from meetingtui.services.actions import ActionList, ActionRow

COLUMNS = ("id", "text", "group", "meeting", "due", "status")


def subject(actions: ActionList, owner: str) -> str:
    where = f" – {actions.municipality}" if actions.municipality else ""
    return one_line(t("action_words.mail_subject", day=actions.today.isoformat(), where=where,
                      count=count_text(actions.rows)))


def _cells(row: ActionRow) -> list[str]:
    status = status_word(row) + (f" · {CONFIDENTIAL}" if row.confidential else "")
    return [str(row.id), one_line(row.text), row.group_short, row.meeting_date.isoformat(),
            due_text(row), status]


def _lead(actions: ActionList) -> str:
    """The letter's first line: whose work, which day, how many measures."""
    sender = (t("action_words.mail_from", municipality=actions.municipality)
              if actions.municipality else t("action_words.mail_from_municipality"))
    return t("action_words.mail_lead", sender=sender, day=actions.today.isoformat(),
             count=count_text(actions.rows))


def plain_body(actions: ActionList, owner: str) -> str:
    lines = [t("action_words.mail_hello", owner=one_line(owner)), "",
             _lead(actions), ""]
    for row in actions.rows:
        number, text, group, meeting, due, status = _cells(row)
        mark = f"{OVERDUE.upper()}: " if row.overdue else ""
        # "Nr 2:", not "2.": a member's few measures are not a list missing its first items.
        lines += [f"{HEAD['id']} {number}: {mark}{text}",
                  f"   {HEAD['group']}: {group} · {HEAD['meeting']}: {meeting} · "
                  f"{HEAD['due']}: {due or '–'} · {HEAD['status']}: {status}",
                  f"   {kind_text(row)}",
                  *([f"   {decided}"] if (decided := decided_text(row)) else []), ""]
    lines += [t("action_words.mail_calendar"), "", t("action_words.mail_reply")]
    return "\n".join(lines) + "\n"


def html_body(actions: ActionList, owner: str) -> str:
    def e(text: str) -> str:
        return html.escape(text, quote=True)

    head = "".join(f"<th scope=\"col\">{e(HEAD[c])}</th>" for c in COLUMNS)
    rows = []
    for row in actions.rows:
        number, text, *rest = _cells(row)
        if decided := decided_text(row):  # as the plain text says it, under the words
            text = f"{text} ({decided})"
        cells = "".join(f"<td>{e(cell)}</td>" for cell in (number, text, *rest))
        marked = ' class="overdue"' if row.overdue else ""
        rows.append(f"<tr{marked}>{cells}</tr>")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{language()}\"><head><meta charset=\"utf-8\">"
        f"<title>{e(subject(actions, owner))}</title></head><body>"
        f"<p>{e(t('action_words.mail_hello', owner=one_line(owner)))}</p>"
        f"<p>{e(_lead(actions))}</p>"
        f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"
        f"<p>{e(t('action_words.mail_calendar'))}</p><p>{e(t('action_words.mail_reply'))}</p>"
        "</body></html>\n")


def build_eml(actions: ActionList, owner: str, email: str = "",
              now: datetime | None = None) -> bytes:
    """One owner's draft: `actions` holds only their rows."""
    when = (now or datetime.now(UTC)).replace(microsecond=0)
    message = EmailMessage(policy=policy.SMTP)  # CRLF line ends, as a mail file has them
    message["X-Unsent"] = "1"
    if "@" in email:
        local, _, domain = email.strip().rpartition("@")
        message["To"] = Address(display_name=one_line(owner), username=local, domain=domain)
    message["Subject"] = subject(actions, owner)
    message["Date"] = format_datetime(when)
    message.set_content(plain_body(actions, owner))
    message.add_alternative(html_body(actions, owner), subtype="html")
    message.add_attachment(build_ics(actions, when, kind="events"), maintype="text",
                           subtype="calendar", filename="atgarder.ics")
    return message.as_bytes()
