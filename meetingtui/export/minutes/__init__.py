"""Exporting one meeting's minutes: load, check for personal numbers, build, write safely.

The one entry point that the CLI and the TUI share, so both refuse the same things. A Word
file starts from the municipality's Word template when one is set (`services.settings`); one
that cannot be used is refused (`word.template.WordTemplateError`) before anything is written.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from meetingtui.export.files import ExportError, Format, default_export_path, write_export
from meetingtui.i18n import t, words_of
from meetingtui.privacy import Where, scan_record
from meetingtui.services.record import filed_municipality, load_meeting
from meetingtui.services.settings import word_template
from meetingtui.services.workspace import Workspace


class PersonalDataFound(ExportError):
    """Text that looks like a personnummer stands in what would be exported."""

    def __init__(self, findings: list[Where], path: Path) -> None:
        places = "; ".join(str(where) for where in findings[:5])
        extra = len(findings) - 5
        super().__init__(
            f"Personal identity numbers found: {places}. Remove them, or export anyway "
            "on purpose (--allow-personal-data).", reason="personal_data", path=path,
            key="export.refused_personal",
            fields={"places": places,
                    "more": t("export.refused_more", count=extra) if extra > 0 else ""},
        )
        self.findings = findings


@dataclass(frozen=True)
class Exported:
    path: Path
    findings: list[Where]


def export_minutes(
    ws: Workspace, meeting_id: int, *, public: bool = False, fmt: Format = "docx",
    path: Path | None = None, force: bool = False, allow_personal_data: bool = False,
    stream: BinaryIO | None = None,
) -> Exported:
    """Write the minutes; the public version is refused while personal numbers remain. A docx
    starts from the Word template in the settings, if any (Markdown has no look to take).

    The internal version is written even with findings (it is the full record) but the
    findings are returned so the caller can say where they stand. With `stream`, the file's
    bytes go there instead of to a file.
    """
    record = load_meeting(ws, meeting_id)
    target = path or default_export_path(ws.locations.exports, record, public, fmt)
    findings = scan_record(record, public, words_of("privacy_place"))
    if findings and public and not allow_personal_data:
        raise PersonalDataFound(findings, target)
    town = filed_municipality(ws, record.meeting)
    if fmt == "md":
        from meetingtui.export.minutes.markdown import build_minutes_md

        text = build_minutes_md(record, public=public, municipality=town).encode("utf-8")

        def write(stream: BinaryIO) -> None:
            stream.write(text)
    else:
        from meetingtui.export.minutes.word import build_minutes

        document = build_minutes(record, public=public, municipality=town, created=ws.now(),
                                 template=word_template(ws))

        def write(stream: BinaryIO) -> None:
            document.save(stream)

    if stream is not None:  # `-o -`: standard output, as every Unix tool takes it
        write(stream)
        return Exported(Path("-"), findings)
    return Exported(write_export(target, write, force=force, protected=ws.store.path),
                    findings)
