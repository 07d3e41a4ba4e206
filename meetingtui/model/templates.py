"""Agenda templates as the loader gives them: a group type's items and settings."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Annotated

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
)

from meetingtui.model.enums import DocumentType, Frequency, ItemKind, Language, MeasureType
from meetingtui.model.text import Line, Name, Notes

# --- agenda templates --------------------------------------------------------------------------

class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)


class TemplateItem(_Strict):
    """One `##` heading of an agenda template."""

    title: Name
    kind: ItemKind = ItemKind.TEXT
    minutes: int | None = Field(default=None, ge=1, le=480)
    guidance: Notes = ""
    points: list[Line] = Field(default_factory=list)
    # `rollup`: the groups it rolls up (short name, name or template id); none: every other
    # operative group. `proposals`: the body the measures recorded there are proposed to.
    groups: list[Name] = Field(default_factory=list)
    body: Line = ""
    # The decision a new meeting's item starts with ("Dagordningen godkänns."), changed there.
    decision: Notes = ""
    line: int = 0  # where the heading stands in its file, for messages


class GroupTemplate(_Strict):
    """A group type's agenda template (`agendas/*.md`)."""

    id: Annotated[str, Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,39}$")]
    name: Name
    short: Name
    language: Language = Language.SV
    document: DocumentType = DocumentType.NOTES
    chair: Name
    frequency: Frequency
    skip_months: list[Annotated[int, Field(ge=1, le=12)]] = Field(default_factory=list)
    members: list[Name] = Field(default_factory=list)
    categories: list[Name] = Field(default_factory=list)
    # What a new measure of its groups is, until someone changes it: SSPF works socially.
    measure_type: MeasureType = MeasureType.SITUATIONAL
    title: Line = ""
    items: list[TemplateItem] = Field(min_length=1)
    source: Path | None = None

    def has_kind(self, kind: ItemKind) -> bool:
        return any(item.kind is kind for item in self.items)

    def proposed_decision(self, kind: ItemKind, title: str) -> str:
        """The decision its item of this kind and title starts with (`decision=`); "" for
        none, or for an item it does not hold (another title)."""
        return next((i.decision for i in self.items if i.kind is kind and i.title == title), "")


#: `date` under another name, for models that have a field called `date`.
Day = date




def document_of_template(template: GroupTemplate | None) -> DocumentType:
    """What a group's meetings are written as: its template's document; minnesanteckningar for
    a group whose template is gone (the plainer of the two)."""
    return template.document if template is not None else DocumentType.NOTES
