"""The action list as JSON for scripts: an array of objects with stable English keys and values.

Every object has: id (int), text, owner, owner_org, due (ISO date or null), status
(not_started | in_progress | done | cancelled), overdue (bool), group (short name), group_name,
meeting_id (int), meeting_date (ISO date), confidential (bool), type (situational | social),
level ("" when not said | universal | selective | indicated), method (yes | no | unknown: is it a
tested or evaluated method), causes (the texts of the causes it addresses, a list), proposal (""
a measure | "proposed" waiting for a body's decision, never overdue | "decided" by the body) and
proposed_to (the body, "" for a measure the group decided itself) and proposal_decided_on (the
day the body decided it, ISO date, or null).
"""

from __future__ import annotations

import json
from typing import Any

from meetingtui.services.actions import ActionList, ActionRow


def as_object(row: ActionRow) -> dict[str, Any]:
    return {
        "id": row.id,
        "text": row.text,
        "owner": row.owner,
        "owner_org": row.owner_org,
        "due": row.due.isoformat() if row.due is not None else None,
        "status": row.status,
        "overdue": row.overdue,
        "group": row.group_short,
        "group_name": row.group_name,
        "meeting_id": row.meeting_id,
        "meeting_date": row.meeting_date.isoformat(),
        "confidential": row.confidential,
        "type": row.type,
        "level": row.level,
        "method": row.method,
        "causes": list(row.causes),
        "proposal": row.proposal,
        "proposed_to": row.proposed_to,
        "proposal_decided_on": (row.proposal_decided_on.isoformat()
                                if row.proposal_decided_on is not None else None),
    }


def build_json(actions: ActionList) -> str:
    """One object per line (json's fast C encoder; `indent` would take the slow Python one)."""
    if not actions.rows:
        return "[]\n"
    lines = (json.dumps(as_object(row), ensure_ascii=False) for row in actions.rows)
    return "[\n" + ",\n".join(lines) + "\n]\n"
