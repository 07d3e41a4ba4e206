"""What every action-list format shares: the Swedish words, titles, and the default file name.

Standard library only (no pydantic, no python-docx): `meetingtui actions` imports this at run
time for every format. Stored values stay English (``in_progress``); people read Swedish.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from meetingtui.services.actions import ActionFilters, ActionList, ActionRow, by_owner

TITLE = "Åtgärdslista"
OVERDUE = "Försenad"
CONFIDENTIAL = "Sekretess"
PROPOSED_TO = "Förslag till"
WAITING = "förslag, väntar på beslut"
NONE_FOUND = "Inga åtgärder."
PUBLIC_NOTE = "Utan sekretessmarkerade åtgärder"

#: Column headings, one key per column every format may show.
HEAD = {
    "id": "Nr",
    "text": "Åtgärd",
    "owner": "Ansvarig",
    "owner_org": "Organisation",
    "group": "Grupp",
    "meeting": "Möte",
    "meeting_id": "Möte nr",
    "meeting_date": "Mötesdatum",
    "due": "Klart senast",
    "status": "Status",
    "overdue": OVERDUE,
    "confidential": CONFIDENTIAL,
    "type": "Typ",
    "level": "Nivå",
    "method": "Beprövad metod",
    "causes": "Orsaker",
    "proposed_to": PROPOSED_TO,
}

STATUS_SV = {
    "not_started": "ej påbörjad",
    "in_progress": "pågående",
    "done": "genomförd",
    "cancelled": "avbruten",
}

#: A measure's type, level and tested method (`model.MeasureType`, `PreventionLevel`,
#: `ProvenMethod`) in Swedish; a test checks that every stored value has its word.
TYPE_SV = {"situational": "situationell", "social": "social"}
LEVEL_SV = {"": "", "universal": "universell", "selective": "selektiv", "indicated": "indikerad"}
METHOD_SV = {"yes": "ja", "no": "nej", "unknown": "vet ej"}

_FILTER_SV = {
    "open": "öppna (ej påbörjade och pågående)",
    "overdue": "försenade (öppna och efter sista datum)",
    "done": "genomförda",
    "cancelled": "avbrutna",
    "all": "alla",
}


def proposal_heading(row: ActionRow) -> str:
    """"Förslag till KLG": where a waiting proposal stands apart."""
    return f"{PROPOSED_TO} {' '.join(row.proposed_to.split())}"


def sections(rows: list[ActionRow]) -> dict[str, list[ActionRow]]:
    """Per owner (Swedish order) their measures; then per body the proposals waiting for its
    decision, under "Förslag till KLG": apart, for they are no one's measures yet."""
    result = by_owner(row for row in rows if not row.waiting)
    for row in rows:
        if row.waiting:
            result.setdefault(proposal_heading(row), []).append(row)
    return result


def status_word(row: ActionRow) -> str:
    """"pågående", or "Försenad (pågående)" for an open measure past its due date; a waiting
    proposal's is "förslag, väntar på beslut"."""
    if row.waiting:
        return WAITING
    word = STATUS_SV.get(row.status, row.status)
    return f"{OVERDUE} ({word})" if row.overdue else word


def kind_text(row: ActionRow) -> str:
    """"situationell, universell · beprövad metod: ja": the kind of prevention (the level only
    when it was said) and whether the method is tested or evaluated."""
    kind = ", ".join(word for word in (TYPE_SV.get(row.type, row.type),
                                       LEVEL_SV.get(row.level, row.level)) if word)
    return f"{kind} · {HEAD['method'].lower()}: {METHOD_SV.get(row.method, row.method)}"


def causes_text(row: ActionRow) -> str:
    """"Orsaker: Olåsta cykelrum; Köpare från grannkommuner" ("" when it addresses none)."""
    if not row.causes:
        return ""
    lead = "Orsak" if len(row.causes) == 1 else HEAD["causes"]
    return f"{lead}: {'; '.join(' '.join(text.split()) for text in row.causes)}"


def owner_label(row: ActionRow) -> str:
    return f"{row.owner} ({row.owner_org})" if row.owner_org else row.owner


def due_text(row: ActionRow) -> str:
    return row.due.isoformat() if row.due is not None else ""


def filter_summary(filters: ActionFilters) -> str:
    """The filters in words: "Status: öppna … · Ansvarig: Polisen · Grupp: EST"."""
    parts = [f"Status: {_FILTER_SV.get(filters.status, filters.status)}"]
    if filters.owner:
        parts.append(f"Ansvarig: {filters.owner}")
    if filters.group:
        parts.append(f"Grupp: {filters.group}")
    if filters.due_before is not None:
        parts.append(f"Klart senast före: {filters.due_before.isoformat()}")
    if filters.meeting_id is not None:
        parts.append(f"Möte nr: {filters.meeting_id}")
    if filters.public:
        parts.append(PUBLIC_NOTE)
    return " · ".join(parts)


def table_heading(actions: ActionList) -> str:
    """"Åtgärdslista – Status: öppna … · Ansvarig: Polisen": the first line on the terminal."""
    return f"{TITLE} – {filter_summary(actions.filters)}"


def subtitle(actions: ActionList) -> str:
    """"Exempelkommun · 2026-11-23 · 12 åtgärder, varav 3 försenade"."""
    total = len(actions.rows)
    late = sum(row.overdue for row in actions.rows)
    count = f"{total} åtgärd" if total == 1 else f"{total} åtgärder"
    if late:
        count += f", varav {late} försenad" if late == 1 else f", varav {late} försenade"
    return " · ".join(p for p in (actions.municipality, actions.today.isoformat(), count) if p)


def owner_orgs(rows: list[ActionRow]) -> str:
    """The organisations one owner's measures name, in first-seen order."""
    seen: dict[str, None] = {}
    for row in rows:
        if row.owner_org:
            seen.setdefault(row.owner_org, None)
    return ", ".join(seen)


def default_docx_path(exports_dir: Path, today: date, owner: str | None,
                      public: bool = False, ext: str = "docx") -> Path:
    """``exports/actions/<date>-atgardslista[-<owner>][-offentlig].docx``: the public list has a
    name of its own, as the public minutes do, so that neither replaces the other."""
    from meetingtui.export.files import safe_name  # loads the model: only for a docx

    suffix = f"-{safe_name(owner, 'ansvarig')}" if owner else ""
    if public:
        suffix += "-offentlig"
    return exports_dir / "actions" / f"{today.isoformat()}-atgardslista{suffix}.{ext}"


def personal_data_in(actions: ActionList) -> list[str]:
    """Where a personnummer or samordningsnummer stands in the list's texts, masked:
    "åtgärd 12 (EST, möte 2026-10-13), text: 121212-**** (personnummer)"."""
    from meetingtui.personal_numbers import (  # --public only: 3 ms to load
        find_personal_numbers,
        mask_personal_numbers,
    )

    places = []
    for row in actions.rows:
        fields = [("text", row.text), ("owner", row.owner), ("organisation", row.owner_org),
                  *((f"cause {n}", text) for n, text in enumerate(row.causes, start=1))]
        for field, text in fields:
            for finding in find_personal_numbers(text):
                places.append(f"åtgärd {row.id} ({mask_personal_numbers(row.group_short)}, möte "
                              f"{row.meeting_date.isoformat()}), {field}: {finding.masked} "
                              f"({finding.kind})")
    return places
