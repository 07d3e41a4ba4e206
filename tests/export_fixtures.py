"""A realistic EST meeting (and a protokoll variant) built from the models, for export tests."""

from __future__ import annotations

import io
from datetime import date, datetime, time

from meetingtui.model import (
    AgendaItem,
    Attendance,
    Cause,
    CauseBasis,
    Dimension,
    DocumentType,
    FollowUp,
    Frequency,
    Group,
    GroupTemplate,
    ItemKind,
    Language,
    Measure,
    MeasureStatus,
    MeasureType,
    MeasureUpdate,
    Meeting,
    MeetingRecord,
    Observation,
    ObservationDetail,
    Presence,
    PreventionLevel,
    Priority,
    ProvenMethod,
    TemplateItem,
    Trend,
)

MUNICIPALITY = "Herrljunga kommun"
SECRET_OBS = "Misstänkt narkotikaförsäljning vid fritidsgården på kvällstid"
SECRET_CAUSE = "Äldre ungdomar från grannkommunen rekryterar"
SECRET_MEASURE = "Socialtjänsten kontaktar vårdnadshavare till de berörda"
SECRET_ITEM_NOTES = "Polisen redovisade en pågående utredning om hot mot personal."
SECRET_FOLLOWUP = "Kameraövervakning av skolans entré utreds"

AGENDA: list[tuple[str, ItemKind, bool]] = [
    ("Mötets öppnande", ItemKind.TEXT, False),
    ("Närvaro", ItemKind.ATTENDANCE, False),
    ("Uppföljning av åtgärdsplan", ItemKind.FOLLOWUP, False),
    ("Lägesbild", ItemKind.SITUATION, False),
    ("Åtgärdsplan", ItemKind.ACTIONS, False),
    ("Information från polisen", ItemKind.TEXT, True),
    ("Prioriterade områden", ItemKind.PRIORITIES, False),
    ("Övriga frågor", ItemKind.TEXT, False),
    ("Nästa möte", ItemKind.NEXT, False),
    ("Mötets avslutande", ItemKind.TEXT, False),
]


def template(document: DocumentType = DocumentType.NOTES,
             language: Language = Language.SV) -> GroupTemplate:
    return GroupTemplate(
        id="est", name="Effektiv samordning för trygghet", short="EST", language=language,
        document=document, chair="Säkerhetschef", frequency=Frequency.MONTHLY,
        items=[TemplateItem(title=title, kind=kind) for title, kind, _ in AGENDA],
    )


def est_record(document: DocumentType = DocumentType.NOTES,
               language: Language = Language.SV) -> MeetingRecord:
    meeting = Meeting(id=12, group_id=1, date=date(2026, 4, 14), start=time(13, 0),
                      end=time(15, 0), place="Kommunhuset, sammanträdesrum Ljungen",
                      chair="Karin Ek", secretary="Omar Haddad", adjuster="Lena Strand",
                      status="closed")
    notes = {
        "Mötets öppnande": "Ordföranden öppnade mötet och hälsade **alla** välkomna.",
        "Övriga frågor": "- Valborg närmar sig\n- Skolavslutning *vecka 24*\n\n"
                         "1. Boka lokal\n2. Skicka inbjudan",
        "Information från polisen": SECRET_ITEM_NOTES,
        "Mötets avslutande": "Ordföranden tackade och avslutade mötet.",
    }
    decisions = {"Lägesbild": "Gruppen fastställer lägesbilden.",
                 "Information från polisen": "Informationen noteras."}
    items = [
        AgendaItem(id=100 + pos, meeting_id=12, position=pos, title=title, kind=kind,
                   confidential=secret, notes=notes.get(title, ""),
                   decision=decisions.get(title, ""))
        for pos, (title, kind, secret) in enumerate(AGENDA, start=1)
    ]
    obs1 = Observation(id=1, meeting_id=12, area="Centrum", place_detail="Stortorget",
                       category="Klotter", description="Nytt klotter på **busskuren** och "
                       "bänkarna vid torget.", source="Teknisk förvaltning", trend=Trend.RISING)
    obs2 = Observation(id=2, meeting_id=12, area="Fritidsgården Tornet", category="Narkotika",
                       description=SECRET_OBS, source="Polis", trend=Trend.NEW,
                       confidential=True)
    obs3 = Observation(id=3, meeting_id=12, area="Stationsområdet", category="Otrygghet",
                       description="Dålig belysning i gångtunneln; flera upplever otrygghet.",
                       source="Medborgare/trygghetsvandring", trend=Trend.UNCHANGED,
                       carried_over_from=9)
    c1 = Cause(id=31, observation_id=1, text="Dålig insyn efter kl. 20",
               dimension=Dimension.PLACE, basis=CauseBasis.DATA)
    c2 = Cause(id=32, observation_id=2, text=SECRET_CAUSE, dimension=Dimension.OFFENDER)
    m1 = Measure(id=21, meeting_id=12, text="Sanera klotter inom 24 timmar",
                 owner="Per Holm", owner_org="Teknisk förvaltning", due=date(2026, 4, 30),
                 observation_id=1, cause_ids=[31], level=PreventionLevel.UNIVERSAL,
                 method=ProvenMethod.YES)
    m2 = Measure(id=22, meeting_id=12, text=SECRET_MEASURE, owner="Sara Lind",
                 owner_org="Socialtjänsten", due=date(2026, 5, 10), observation_id=2,
                 cause_ids=[32], type=MeasureType.SOCIAL, level=PreventionLevel.INDICATED)
    m3 = Measure(id=23, meeting_id=12, text="Byta armaturer i gångtunneln",
                 owner="Ali Yilmaz", owner_org="Bostadsbolaget", due=date(2026, 6, 1),
                 observation_id=3, status=MeasureStatus.IN_PROGRESS)
    old1 = Measure(id=5, meeting_id=9, text="Trygghetsvandring i Östra", owner="Karin Ek",
                   due=date(2026, 3, 31), status=MeasureStatus.DONE)
    old2 = Measure(id=6, meeting_id=9, text=SECRET_FOLLOWUP, owner="Jonas Berg",
                   owner_org="Polisen", due=date(2026, 3, 1), confidential=True,
                   status=MeasureStatus.IN_PROGRESS)
    followups = [
        FollowUp(measure=old1, group_short="EST", decided_on=date(2026, 3, 10),
                 update=MeasureUpdate(measure_id=5, meeting_id=12, at=datetime(2026, 4, 14, 13, 20),
                                      old_status=MeasureStatus.IN_PROGRESS,
                                      new_status=MeasureStatus.DONE,
                                      comment="Genomförd 28 mars med *12* deltagare.")),
        FollowUp(measure=old2, group_short="EST", decided_on=date(2026, 2, 10)),
    ]
    return MeetingRecord(
        group=Group(id=1, template_id="est", name="Effektiv samordning för trygghet",
                    short="EST", municipality=MUNICIPALITY),
        template=template(document, language),
        meeting=meeting,
        attendance=[
            Attendance(meeting_id=12, name="Karin Ek", role="Säkerhetschef",
                       organisation="Herrljunga kommun"),
            Attendance(meeting_id=12, name="Omar Haddad", role="Folkhälsostrateg",
                       organisation="Herrljunga kommun"),
            Attendance(meeting_id=12, name="Jonas Berg", role="Kommunpolis",
                       organisation="Polisen LPO Alingsås"),
            # A substitute, listed before a member: the minutes put members first.
            Attendance(meeting_id=12, name="Per Lund", role="Räddningstjänst",
                       organisation="Räddningstjänsten", substitute=True),
            Attendance(meeting_id=12, name="Lena Strand", role="Räddningstjänst",
                       organisation="Södra Älvsborgs Räddningstjänstförbund"),
            Attendance(meeting_id=12, name="Ali Yilmaz", role="Förvaltare",
                       organisation="Bostadsbolaget", presence=Presence.ABSENT),
            # A member row no one has put a name on yet: its name is still its role.
            Attendance(meeting_id=12, name="Räddningstjänst", role="Räddningstjänst",
                       presence=Presence.ABSENT),
            Attendance(meeting_id=12, name="Per Holm", role="Gatuchef",
                       organisation="Teknisk förvaltning", presence=Presence.GUEST),
        ],
        items=items,
        observations=[
            ObservationDetail(observation=obs1, causes=[c1], measures=[m1]),
            ObservationDetail(observation=obs2, causes=[c2], measures=[m2]),
            ObservationDetail(observation=obs3, measures=[m3]),
        ],
        measures=[m1, m2, m3],
        addressed={31: c1, 32: c2},
        followups=followups,
        priorities=[
            Priority(meeting_id=12, position=1, title="Centrum kvällstid"),
            Priority(meeting_id=12, position=2, title="Stationsområdet"),
            Priority(meeting_id=12, position=3, title="Skolornas närområden"),
        ],
        next_meeting=Meeting(group_id=1, date=date(2026, 5, 12), start=time(13, 0),
                             end=time(15, 0), place="Kommunhuset"),
    )


def protocol_record() -> MeetingRecord:
    return est_record(DocumentType.PROTOCOL)


def to_bytes_docx(record: MeetingRecord, *, public: bool = False) -> bytes:
    from meetingtui.export.minutes.word import build_minutes

    out = io.BytesIO()
    build_minutes(record, public=public, municipality=MUNICIPALITY).save(out)
    return out.getvalue()
