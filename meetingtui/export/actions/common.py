"""What every action-list format shares: its words, titles, and the default file name.

Standard library only (no pydantic, no python-docx): `meetingtui actions` imports this at run
time for every format. Stored values stay English (``in_progress``); people read the interface
language (`--lang`): the words come from the catalogues' `[action_words]` section when this
module is first imported, which is after the command line or the app has set the language (one
process speaks one language, as Textual's key labels do).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from meetingtui.i18n import counted, language, section
from meetingtui.services.actions import ActionFilters, ActionList, ActionRow, by_owner


def _section(name: str = "") -> dict[str, str]:
    """One table of `[action_words]` in the interface language: {stored value or column: word},
    read alone (`i18n.section`): `meetingtui actions` is measured against `--help`."""
    return section(language(), ".".join(("action_words", name)) if name else "action_words")


_WORDS = _section()
TITLE = _WORDS["title"]
OVERDUE = _WORDS["overdue"]
CONFIDENTIAL = _WORDS["confidential"]
PROPOSED_TO = _WORDS["proposed_to"]
WAITING = _WORDS["waiting"]
NONE_FOUND = _WORDS["none_found"]
PUBLIC_NOTE = _WORDS["public_note"]
YES, NO = _WORDS["yes"], _WORDS["no"]

#: Column headings, one key per column every format may show.
HEAD = _section("head")
#: A measure's status, type, level and tested method (`model.MeasureStatus`, `MeasureType`,
#: `PreventionLevel`, `ProvenMethod`) in words; a test checks that every stored value has one.
STATUS_WORDS = _section("status")
TYPE_WORDS = _section("type")
LEVEL_WORDS = {"": "", **_section("level")}
METHOD_WORDS = _section("method")
_FILTER_WORDS = _section("filter")


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
    word = STATUS_WORDS.get(row.status, row.status)
    return f"{OVERDUE} ({word})" if row.overdue else word


def kind_text(row: ActionRow) -> str:
    """"situationell, universell · beprövad metod: ja": the kind of prevention (the level only
    when it was said) and whether the method is tested or evaluated."""
    kind = ", ".join(word for word in (TYPE_WORDS.get(row.type, row.type),
                                       LEVEL_WORDS.get(row.level, row.level)) if word)
    return f"{kind} · {HEAD['method'].lower()}: {METHOD_WORDS.get(row.method, row.method)}"


def causes_text(row: ActionRow) -> str:
    """"Orsaker: Olåsta cykelrum; Köpare från grannkommuner" ("" when it addresses none)."""
    if not row.causes:
        return ""
    lead = _WORDS["cause"] if len(row.causes) == 1 else HEAD["causes"]
    return f"{lead}: {'; '.join(' '.join(text.split()) for text in row.causes)}"


def _decision(row: ActionRow) -> tuple[str, str] | None:
    """The body that decided a proposal and the day ("" when not recorded); None for anything
    but a proposal the body decided."""
    body = " ".join(row.proposed_to.split())
    if row.proposal != "decided" or not body:
        return None
    return body, row.proposal_decided_on.isoformat() if row.proposal_decided_on else ""


def decided_text(row: ActionRow) -> str:
    """"Förslag, beslutat av KLG 2026-12-10" for a proposal the body decided ("" otherwise): the
    owner sees who gave them the measure, not only the group that proposed it."""
    decision = _decision(row)
    if decision is None:
        return ""
    body, day = decision
    return _WORDS["decided_by"].format(body=body, day=day).strip()


def decided_by(row: ActionRow) -> str:
    """"KLG 2026-12-10": the body that decided a proposal and when ("" otherwise)."""
    return " ".join(_decision(row) or ()).strip()


def below(row: ActionRow) -> list[str]:
    """The lines under a measure's words besides its kind: the causes it addresses, and who
    decided it when it was a proposal."""
    return [text for text in (causes_text(row), decided_text(row)) if text]


def owner_label(row: ActionRow) -> str:
    return f"{row.owner} ({row.owner_org})" if row.owner_org else row.owner


def due_text(row: ActionRow) -> str:
    return row.due.isoformat() if row.due is not None else ""


def filter_summary(filters: ActionFilters) -> str:
    """The filters in words: "Status: öppna … · Ansvarig: Polisen · Grupp: EST"."""
    parts = [f"{HEAD['status']}: {_FILTER_WORDS.get(filters.status, filters.status)}"]
    if filters.owner:
        parts.append(f"{HEAD['owner']}: {filters.owner}")
    if filters.group:
        parts.append(f"{HEAD['group']}: {filters.group}")
    if filters.due_before is not None:
        parts.append(_WORDS["due_before"].format(day=filters.due_before.isoformat()))
    if filters.meeting_id is not None:
        parts.append(f"{HEAD['meeting_id']}: {filters.meeting_id}")
    if filters.public:
        parts.append(PUBLIC_NOTE)
    return " · ".join(parts)


def table_heading(actions: ActionList) -> str:
    """"Åtgärdslista – Status: öppna … · Ansvarig: Polisen": the first line on the terminal."""
    return f"{TITLE} – {filter_summary(actions.filters)}"


def subtitle(actions: ActionList) -> str:
    """"Exempelkommun · 2026-11-23 · 12 åtgärder, varav 3 försenade"."""
    count = count_text(actions.rows)
    return " · ".join(p for p in (actions.municipality, actions.today.isoformat(), count) if p)


def count_text(rows: list[ActionRow]) -> str:
    """"12 åtgärder, varav 3 försenade" ("1 åtgärd" …); for proposals waiting for a decision,
    "2 förslag som väntar på beslut"."""
    if rows and rows[0].waiting:
        return counted("action_words", "waiting_count", len(rows))
    late = sum(row.overdue for row in rows)
    text = counted("action_words", "count", len(rows))
    return text + counted("action_words", "late", late) if late else text


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
    groups: dict[int, bool] = {}  # a group's names, read once: thousands of rows share them
    for row in actions.rows:
        if row.group_id not in groups:
            groups[row.group_id] = any(find_personal_numbers(name)
                                       for name in (row.group_short, row.group_name))
        fields = [("text", row.text), ("owner", row.owner), ("organisation", row.owner_org),
                  *((f"cause {n}", text) for n, text in enumerate(row.causes, start=1)),
                  ("proposed to", row.proposed_to),
                  *((("group", row.group_short), ("group", row.group_name))
                    if groups[row.group_id] else ())]
        for field, text in fields:
            for finding in find_personal_numbers(text):
                places.append(f"åtgärd {row.id} ({mask_personal_numbers(row.group_short)}, möte "
                              f"{row.meeting_date.isoformat()}), {field}: {finding.masked} "
                              f"({finding.kind})")
    return places
