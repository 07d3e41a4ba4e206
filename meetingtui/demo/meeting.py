"""Recording one demo meeting: the agenda walked, the lägesbild, causes, measures, follow-ups.

Split from `demo.py`, which decides which meetings happen when; this module fills one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from random import Random

from meetingtui.demo import attendees, measures, minutes, situation, town
from meetingtui.demo.reports import answer_waiting, report_between
from meetingtui.model import (
    AgendaItem,
    Attendance,
    Cause,
    Dimension,
    Group,
    GroupTemplate,
    ItemKind,
    Measure,
    MeasureStatus,
    MeasureType,
    Observation,
    ObservationStatus,
    Person,
    Presence,
    ProposalState,
    Trend,
)
from meetingtui.services.followup import record_update
from meetingtui.services.lagesbild import observations, save_cause, save_measure, save_observation
from meetingtui.services.meetings import (
    close_meeting,
    items,
    plan_meeting,
    start_meeting,
)
from meetingtui.services.priorities import coming_quarter, set_priorities
from meetingtui.services.workspace import Workspace
from meetingtui.store import agenda_items as item_rows
from meetingtui.store import meetings as meeting_rows


@dataclass
class _Plan:
    """What will become of a measure: started, then done or cancelled, on these days."""

    id: int
    meeting_id: int
    due: date
    start: date
    resolve: date
    final: MeasureStatus
    owner: str
    status: MeasureStatus = MeasureStatus.NOT_STARTED


@dataclass
class GroupState:
    group: Group
    template: GroupTemplate
    members: Sequence[Person]
    kind: str
    habit: tuple[int, int, time]
    life: dict[int, int] = field(default_factory=dict)  # open observation → meetings left
    plans: list[_Plan] = field(default_factory=list)  # open measures
    heat: dict[str, float] = field(default_factory=dict)  # area → recent levels
    quarter: str = ""  # the last quarter whose priorities were set
    secret_seen: bool = False  # a confidential observation and measure were made
    last_held: date | None = None  # the day of the last meeting held (reports come after it)


class MeetingRecorder:
    """Records one meeting of a group through the services, walking its agenda."""

    def __init__(self, ws: Workspace, clock: DemoClock, rng: Random, today: date) -> None:
        self.ws, self.clock, self.rng, self.today = ws, clock, rng, today
        self.states: Sequence[GroupState] = ()  # every group's: which bodies meet in the app

    def record(self, state: GroupState, when: datetime, after: datetime | None) -> None:
        rng, ws = self.rng, self.ws
        assert state.group.id is not None
        away = {p.name for p in state.members if rng.random() < 0.1}
        if len(state.members) - len(away) < 3:
            away = set()
        people = [Attendance(meeting_id=0, name=p.name, role=p.role, organisation=p.organisation,
                             presence=Presence.ABSENT if p.name in away else Presence.PRESENT)
                  for p in state.members]
        if rng.random() < 0.15:
            role, org = rng.choice(attendees.GUESTS)
            people.append(Attendance(meeting_id=0, name=new_name(rng, set()), role=role,
                                     organisation=org, presence=Presence.GUEST))
        present = [p for p in people if p.presence is Presence.PRESENT] or people
        wanted = state.template.chair.casefold()
        chair = next((p for p in present if wanted in p.role.casefold()), present[0])
        others = [p for p in present if p is not chair] or [chair]
        secretary = next((p for p in others if "strateg" in p.role.casefold()
                          or "samordn" in p.role.casefold()), others[0])
        adjuster = rng.choice([p for p in others if p is not secretary] or others)
        usual = town.PLACES[state.group.id % len(town.PLACES)]
        place = "Digitalt (Teams)" if rng.random() < 0.15 else usual
        meeting = plan_meeting(ws, state.group.id, when.date(), start=when.time(), place=place,
                               chair=chair.name, secretary=secretary.name, adjuster=adjuster.name,
                               attendance=people)
        assert meeting.id is not None
        if state.kind == "est":  # between the meetings, members report what they see
            report_between(ws, state.group.id, state.members, state.last_held, when, self.today)
        if when.date() >= self.today:
            return  # the next meeting: planned, not held
        running = start_meeting(ws, meeting.id)
        if after is not None:
            # § Nästa möte decides the next meeting, as its minutes say; it is planned when the
            # demo gets to it (deciding it through the service would plan it twice).
            decided = {"next_date": after.date(), "next_start": after.time(), "next_place": usual}
            meeting_rows.update_meeting(ws.store, running.model_copy(update=decided), running,
                                        only=set(decided))
        fields: dict[str, object] = {
            "chair": chair.name,
            "next": minutes.when_said(after, usual) if after else "meddelas senare",
            "event": town.EVENTS[when.month], "trend": rng.choice(minutes.TRENDS_SAID),
            "area": max(state.heat, key=state.heat.__getitem__, default="Centrum"),
            **{f"n{k}": rng.randint(3, 40) * (4 if k < 3 else 1) for k in range(1, 7)},
        }
        guests = [p for p in people if p.presence is Presence.GUEST]
        followed = False
        for item in items(ws, meeting.id):
            started = self.clock.now
            notes, decision, secret = "", "", False
            if item.kind in (ItemKind.TEXT, ItemKind.OPENING, ItemKind.CLOSING):
                notes, decision = minutes.item_text(item.title, fields, rng)
                secret = any(w in item.title.casefold() for w in ("risk", "polisens")) \
                    and rng.random() < 0.3
            elif item.kind is ItemKind.ATTENDANCE and guests:
                notes = "\n".join(f"Adjungerad: {g.name}, {g.role.lower()}, {g.organisation}."
                                   for g in guests)
            elif item.kind is ItemKind.FOLLOWUP:
                notes, followed = self._follow_up(state, meeting.id, when.date()), True
            elif item.kind is ItemKind.SITUATION:
                notes = self._situation(state, meeting.id, when.date())
                notes += answer_waiting(ws, state.group.id, meeting.id)
            elif item.kind is ItemKind.ACTIONS:
                notes = self._actions(state, meeting.id, when.date())
            elif item.kind is ItemKind.PRIORITIES:
                notes, decision = self._priorities(state, meeting.id, when.date())
            elif item.kind is ItemKind.PROPOSALS:
                if state.template.id == "bra":  # a text item once: its draws, as they were
                    minutes.item_text(item.title, fields, rng)
                notes, decision = self._proposals(state, meeting.id, when.date(), item)
            elif item.kind is ItemKind.ROLLUP:
                # The counts are the item's own table; the words as a text item had them (the
                # same draws keep the rest of the demo as it was).
                _, decision = minutes.item_text(item.title, fields, rng)
            self.clock.now += timedelta(minutes=round((item.minutes or 5) * rng.uniform(0.6, 1.3)))
            # The walk in one write per item: while a meeting runs, visit_item and edit_item add
            # only reads (visit_item reads the whole agenda at each call).
            item_rows.update_item(ws.store, item.model_validate({
                **item.model_dump(), "notes": notes, "decision": decision, "confidential": secret,
                "started_at": started, "ended_at": self.clock.now}))
        if not followed:
            self._follow_up(state, meeting.id, when.date())
        close_meeting(ws, meeting.id)
        state.last_held = when.date()
        for area in state.heat:
            state.heat[area] *= 0.7

    def _situation(self, state: GroupState, meeting_id: int, day: date) -> str:
        rng, ws = self.rng, self.ws
        carried = 0
        for old in observations(ws, meeting_id):
            if old.carried_over_from is None:
                continue
            carried += 1
            left = state.life.pop(old.carried_over_from, 0)
            if left > 0 and old.trend is not Trend.NEW and rng.random() < 0.5:
                state.life[old.id or 0] = left - 1  # reviewed, left as it was
                continue
            change: dict[str, object] = (
                {"status": ObservationStatus.HANDLED, "trend": Trend.FALLING,
                 "level": max(0, old.level - 1)} if left <= 0 else
                {"status": rng.choice([ObservationStatus.OPEN, ObservationStatus.WATCHED]),
                 "trend": rng.choice([Trend.RISING, Trend.UNCHANGED, Trend.FALLING]),
                 "level": min(3, max(1, old.level + rng.choice([-1, 0, 0, 1])))})
            saved = save_observation(ws, old.model_copy(update=change))
            if left > 0 and saved.id is not None:
                state.life[saved.id] = left - 1
        areas = town.YOUTH_AREAS if state.kind == "sspf" else town.TOWN_AREAS
        categories = state.template.categories or situation.DEFAULT_CATEGORIES
        new = rng.randint(3, 6) if state.kind == "est" else rng.randint(2, 4)
        for number in range(new):
            area = rng.choice(sorted(areas))
            detail = rng.choice(areas[area])
            category = rng.choice(categories)
            description, source = situation.observation_text(category, detail, rng)
            secret = rng.random() < 0.05 or (number == 0 and not state.secret_seen and carried)
            if secret:
                description, category, source = rng.choice(situation.CONFIDENTIAL_OBSERVATIONS)
            pinned = [where for word, where in town.PINNED.items() if word in description]
            if pinned and state.kind != "sspf":
                area, detail = pinned[0]
            level = rng.choices([1, 2, 3], weights=[4, 4, 1])[0]
            life = rng.choice([0, 1, 1, 2, 2, 3])
            status = (ObservationStatus.HANDLED if life == 0 and level == 1 else
                      ObservationStatus.OPEN if level > 1 else ObservationStatus.WATCHED)
            seen = save_observation(ws, Observation(
                meeting_id=meeting_id, area=area, place_detail=detail, category=category,
                description=description, source=source, level=level, status=status,
                confidential=bool(secret)))
            assert seen.id is not None
            state.heat[area] = state.heat.get(area, 0.0) + level
            if status is not ObservationStatus.HANDLED:
                state.life[seen.id] = life
            if level > 1 or secret or rng.random() < 0.3:
                self._analyse(state, seen, day, bool(secret))
        said = "ny iakttagelse" if new == 1 else "nya iakttagelser"
        return (f"**{new}** {said} och **{carried}** från förra mötet gicks igenom "
                "område för område.")

    def _analyse(self, state: GroupState, seen: Observation, day: date, secret: bool) -> None:
        """Causes along the problem triangle, and one or two measures against them."""
        rng = self.rng
        assert seen.id is not None
        causes = []
        for dimension in rng.sample(list(Dimension), rng.choice([1, 1, 2])):
            words, controller = rng.choice(situation.CAUSES[dimension])
            causes.append(save_cause(self.ws, Cause(
                observation_id=seen.id, text=words, dimension=dimension,
                controller=controller if rng.random() < 0.7 else None)))
        # Social where the group type works socially (SSPF, the district councils).
        social = rng.random() < (0.8 if state.template.measure_type is MeasureType.SOCIAL else 0.25)
        pool = measures.SOCIAL_MEASURES if social else measures.SITUATIONAL_MEASURES
        for _ in range(2 if seen.level == 3 else 1):
            words, role = rng.choice(pool)
            if secret:
                words, role = measures.CONFIDENTIAL_MEASURE, "social"
                state.secret_seen = True
            self._measure(state, seen.meeting_id, day, words.format(
                area=seen.area, detalj=seen.place_detail.lower() or seen.area), role,
                MeasureType.SOCIAL if social or secret else MeasureType.SITUATIONAL,
                secret or rng.random() < 0.03, seen.id, rng.choice(causes).id)

    def _proposals(self, state: GroupState, meeting_id: int, day: date,
                   item: AgendaItem) -> tuple[str, str]:
        """Proposals to the body above (issue 16 §3), and, where this group is a body, its
        answers to those waiting for it. A body with no group here (KLG, kommunstyrelsen)
        answers by hand two weeks later, as `meetingtui proposals decide` records it. Drawn
        from a generator of the meeting's own, so that the rest of the demo stays as it was."""
        from meetingtui.services import proposals

        rng = Random(meeting_id * 7919)
        ws = self.ws
        body = proposals.body_of(ws, state.group, item)
        made = []
        if body and rng.random() < 0.7:
            pool = measures.PROPOSALS.get(state.kind) or measures.PROPOSALS[""]
            for words in rng.sample(pool, min(len(pool), rng.randint(1, 2))):
                owner = rng.choice(state.members)
                made.append(save_measure(ws, Measure(
                    meeting_id=meeting_id, text=words, owner=owner.name,
                    owner_org=owner.organisation,
                    # The styrgrupp meets twice a year: its proposals ask for longer.
                    due=day + timedelta(days=rng.choice([90, 120] if state.kind != "bered"
                                                        else [240, 300])),
                    type=state.template.measure_type, proposed_to=body,
                    proposal=ProposalState.PROPOSED)))
            later = day + timedelta(days=14)
            if not proposals.is_body(state.group, body) and later < self.today and not any(
                    proposals.is_body(g.group, body) for g in self.states):
                for measure in made:  # decided by hand where the body meets outside the app
                    yes = rng.random() < 0.8
                    proposals.answer(ws, measure, decided=yes, day=later,
                                     reason="" if yes else rng.choice(measures.REJECTIONS))
        answered = 0
        for measure in proposals.waiting(ws, state.group.short):
            yes = rng.random() < 0.75
            proposals.answer(ws, measure, decided=yes, day=day, meeting_id=meeting_id,
                             reason="" if yes else rng.choice(measures.REJECTIONS))
            answered += 1
        notes = (f"**{len(made)}** förslag till {body} togs fram." if made else "")
        decision = ("Förslagen överlämnas till " + body + "." if made else "")
        if answered:
            notes = (notes + "\n\n" if notes else "") + (
                f"**{answered}** förslag från andra grupper behandlades.")
            decision = decision or "Styrgruppen beslutar enligt förslagen, med de avslag som "\
                                   "framgår ovan."
        return notes, decision

    def _actions(self, state: GroupState, meeting_id: int, day: date) -> str:
        if state.template.has_kind(ItemKind.SITUATION):
            decided = len([p for p in state.plans if p.meeting_id == meeting_id])
            said = "ny åtgärd" if decided == 1 else "nya åtgärder"
            return f"Åtgärdslistan gicks igenom; **{decided}** {said} beslutades."
        pool = measures.STRATEGIC_MEASURES.get(state.kind) or measures.STRATEGIC_MEASURES[""]
        picked = self.rng.sample(pool, min(len(pool), self.rng.randint(1, 3)))
        for words, role in picked:
            self._measure(state, meeting_id, day, words, role, MeasureType.SOCIAL,
                          self.rng.random() < 0.05, None, None)
        return "\n".join(f"- {words}" for words, _ in picked)

    def _measure(self, state: GroupState, meeting_id: int, day: date, words: str, role: str,
                 kind: MeasureType, secret: bool, observation_id: int | None,
                 cause_id: int | None) -> None:
        rng = self.rng
        owner = rng.choice(_holders(state.members, role)
                           or _holders(state.members, "representant|samordn|säkerhet")
                           or state.members)
        quick = state.kind in ("est", "sspf")
        due = day + timedelta(days=rng.choice([14, 21, 30, 45, 60, 90] if quick else
                                                [30, 60, 90, 120, 180]))
        measure = save_measure(self.ws, Measure(
            meeting_id=meeting_id, text=words, owner=owner.name, owner_org=owner.organisation,
            due=due, type=kind, observation_id=observation_id,
            cause_ids=[cause_id] if cause_id is not None else [],
            confidential=secret))
        assert measure.id is not None
        fate = rng.random()
        final = MeasureStatus.CANCELLED if fate < 0.08 else MeasureStatus.DONE
        if fate < 0.08:
            resolve = day + timedelta(days=rng.randint(30, 200))
        elif fate < 0.3:  # late
            resolve = due + timedelta(days=rng.randint(20, 150))
        else:
            resolve = due - timedelta(days=rng.randint(-10, 10))
        start = day + timedelta(days=rng.randint(0, 30))
        state.plans.append(_Plan(measure.id, meeting_id, due, start, max(resolve, start), final,
                                 owner.name))

    def _follow_up(self, state: GroupState, meeting_id: int, day: date) -> str:
        said = {"done": 0, "in_progress": 0, "cancelled": 0, "late": 0}
        keep = []
        for plan in state.plans:
            new: MeasureStatus | None = None
            if plan.meeting_id == meeting_id:
                keep.append(plan)
                continue
            if plan.resolve <= day:
                new = plan.final
            elif plan.status is MeasureStatus.NOT_STARTED and plan.start <= day:
                new = MeasureStatus.IN_PROGRESS
            elif plan.due < day and self.rng.random() < 0.3:
                new, said["late"] = plan.status, said["late"] + 1
                record_update(self.ws, plan.id, new,
                              self.rng.choice(measures.UPDATE_COMMENTS["late"]),
                              meeting_id=meeting_id, by=plan.owner)
                new = None
            if new is not None:
                said[new.value] += 1
                comment = self.rng.choice(measures.UPDATE_COMMENTS[new.value])
                record_update(self.ws, plan.id, new, comment, meeting_id=meeting_id,
                              by=plan.owner)
                plan.status = new
            if plan.status.is_open:
                keep.append(plan)
        state.plans = keep
        if not any(said.values()):
            return "Inga förändringar i åtgärdslistan sedan förra mötet."
        return (f"- Genomförda: **{said['done']}**\n- Påbörjade: **{said['in_progress']}**\n"
                f"- Avbrutna: **{said['cancelled']}**\n- Försenade: **{said['late']}**")

    def _priorities(self, state: GroupState, meeting_id: int, day: date) -> tuple[str, str]:
        quarter = coming_quarter(day)  # chosen for the coming quarter (seed 001)
        if state.quarter == quarter:
            return "Kvartalets prioriterade områden ligger fast.", ""
        state.quarter = quarter
        if state.kind == "est" and len(state.heat) >= 3:
            titles = sorted(state.heat, key=lambda a: (-state.heat[a], a))[:3]
        else:
            titles = self.rng.sample(measures.FOCUS_AREAS[:5], 3)
        set_priorities(self.ws, meeting_id, titles)
        listed = "\n".join(f"{n}. {title}" for n, title in enumerate(titles, start=1))
        return (f"Utifrån lägesbilden föreslås tre prioriterade områden för {quarter}:\n\n{listed}",
                f"Gruppen prioriterar {', '.join(titles)} under {quarter}.")



def _holders(people: Sequence[Person], role: str) -> list[Person]:
    """The people whose role holds one of the words in `role` ("a|b")."""
    words = role.split("|")
    return [p for p in people if any(word in p.role.casefold() for word in words)]


class DemoClock:
    """The workspace clock while the demo records: whatever time the meeting has reached."""

    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def new_name(rng: Random, used: set[str]) -> str:
    while True:
        name = f"{rng.choice(attendees.FIRST_NAMES)} {rng.choice(attendees.LAST_NAMES)}"
        if name not in used:
            used.add(name)
            return name
