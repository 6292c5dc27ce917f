"""The mediator's and arbitrator's queues: filtered, sorted by urgency, paged by keyset.

Pages are found with `(priority, next_due_on, id) > cursor` over indexes that start with the
filtered column, so the thousandth page costs what the first does, even with a million cases.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import Session, selectinload

from disputes.cases.schedule import NO_DEADLINE
from disputes.errors import ValidationFailed
from disputes.extensions import db
from disputes.models import Case, Claim, User, Worker
from disputes.permissions import visible_cases_clause
from disputes.validation import parse_calendar_date, whole_number
from disputes.vocabulary import CLAIM_KINDS, OCCUPATIONS
from workflows import STATES, TERMINAL_STATES, is_working_day

SCOPES = ("mine", "unassigned", "all")
PAGE_SIZE = 25
EXPORT_PAGE_SIZE = 5000
DUE_SOON_WORKING_DAYS = 3
# The priority refresh_schedule gives closed and withdrawn cases, and only them (cases/schedule.py): in
# every queue index they sort after all open cases.
CLOSED_PRIORITY = 2
# Which unassigned cases wait for which role.
WAITING_FOR = {"mediator": ("submitted", Case.mediator_id), "arbitrator": ("arbitration_applied", Case.arbitrator_id)}


@dataclass(frozen=True)
class QueueFilter:
    scope: str = "all"
    state: str | None = None
    claim: str | None = None
    occupation: str | None = None
    collective: bool | None = None
    overdue: bool = False
    after: tuple[int, date, int] | None = None
    limit: int = PAGE_SIZE


@dataclass
class QueueItem:
    case: Case
    light: str  # overdue, due_soon, running, none


@dataclass
class QueuePage:
    items: list[QueueItem] = field(default_factory=list)
    next_cursor: str | None = None


# The query parameters of a queue (parse_filter, the exports' format=, and the OpenAPI document).
QUEUE_PARAMETERS = ("scope", "state", "claim", "occupation", "collective", "overdue", "after", "format")


def parse_filter(args, role: str) -> QueueFilter:
    """A QueueFilter from query parameters; unknown values are a 422 naming the parameter."""
    errors: dict[str, str] = {}
    scope = args.get("scope") or ("mine" if role in WAITING_FOR else "all")
    if scope not in SCOPES:
        errors["scope"] = _("范围只能是 mine、unassigned 或 all。")
    state = args.get("state") or None
    if state is not None and state not in STATES:
        errors["state"] = _("未知的案件状态。")
    claim = args.get("claim") or None
    if claim is not None and claim not in CLAIM_KINDS:
        errors["claim"] = _("未知的请求事项。")
    occupation = args.get("occupation") or None
    if occupation is not None and occupation not in OCCUPATIONS:
        errors["occupation"] = _("未知的职业类别。")
    collective = {"1": True, "true": True, "0": False, "false": False, None: None, "": None}.get(args.get("collective"), "bad")
    if collective == "bad":
        errors["collective"] = _("应为 true 或 false。")
    after = _parse_cursor(args.get("after"))
    if args.get("after") and after is None:
        errors["after"] = _("分页参数无效，请从第一页重新开始。")
    if errors:
        raise ValidationFailed(errors)
    limit = EXPORT_PAGE_SIZE if args.get("format") in ("csv", "xlsx") else PAGE_SIZE
    return QueueFilter(scope=scope, state=state, claim=claim, occupation=occupation, collective=collective,
                       overdue=args.get("overdue") in ("1", "true"), after=after, limit=limit)


def queue_page(user: User, wanted: QueueFilter, today: date, session: Session | None = None) -> QueuePage:
    """One page of the user's queue, most urgent first (collective cases ahead, Rules Art. 5).

    An export passes the reporting session (the read replica when there is one); the queue pages
    read the primary, so a case just filed or moved is there at once.
    """
    query = (
        sa.select(Case)
        .where(*_conditions(user, wanted, today))
        .order_by(Case.priority, Case.next_due_on, Case.id)
        .limit(wanted.limit + 1)
        .options(selectinload(Case.workers), selectinload(Case.claims), selectinload(Case.respondents))
    )
    cases = list((session or db.session).scalars(query))
    page = QueuePage(items=[QueueItem(case, traffic_light(case.next_due_on, today)) for case in cases[: wanted.limit]])
    if len(cases) > wanted.limit:
        last = cases[wanted.limit - 1]
        page.next_cursor = f"{last.priority}.{last.next_due_on.isoformat()}.{last.id}"
    return page


# A scope's count stops here: "1000+" says enough, and counting a whole region's million would not be free.
COUNT_CAP = 1000


def scope_counts(user: User, today: date) -> dict[str, int]:
    """How many open cases each scope holds for this user (at most COUNT_CAP + 1 are counted)."""
    counts = {}
    for scope in SCOPES:
        capped = (sa.select(sa.literal(1)).select_from(Case)
                  .where(*_conditions(user, QueueFilter(scope=scope), today)).limit(COUNT_CAP + 1).subquery())
        counts[scope] = db.session.scalar(sa.select(sa.func.count()).select_from(capped))
    return counts


def landing_scope(user: User, counts: dict[str, int]) -> str:
    """Where a mediator or arbitrator lands: their own cases if they have any, otherwise the cases of
    their region waiting for someone of their role, otherwise (nothing waits) their own empty list."""
    if user.role not in WAITING_FOR or counts["mine"] or not counts["unassigned"]:
        return "mine" if user.role in WAITING_FOR else "all"
    return "unassigned"


def traffic_light(due: date, today: date) -> str:
    """overdue (past due), due_soon (within three working days), running, or none."""
    if due >= NO_DEADLINE:
        return "none"
    if due < today:
        return "overdue"
    return "due_soon" if _within_working_days(today, due, DUE_SOON_WORKING_DAYS) else "running"


def _within_working_days(today: date, due: date, limit: int) -> bool:
    """working_days_between(today, due) <= limit, counting only until the limit is passed.

    A limitation period is a year long: counting all its working days cost a queue page ~10 ms.
    """
    day, counted = today, 0
    while day < due:
        day += timedelta(days=1)
        counted += is_working_day(day)
        if counted > limit:
            return False
    return True


def _scope_conditions(user: User, scope: str) -> list:
    """The scope as one condition an index starts with, always within what the user may see.

    An OR of "assigned to me" and "in my region" would make SQLite scan and sort; each scope is a
    subset of that OR, so it is asked for on its own (mine: my column; all and unassigned: my region).
    """
    own_column = {"mediator": Case.mediator_id, "arbitrator": Case.arbitrator_id}.get(user.role)
    if scope == "mine":
        if own_column is not None:
            return [own_column == user.id]
        return [visible_cases_clause(user), sa.or_(Case.mediator_id == user.id, Case.arbitrator_id == user.id)]
    region = user.organisation.region_code if user.organisation else None
    conditions = [Case.region_code == region] if user.role != "admin" and region else [visible_cases_clause(user)]
    if user.role == "legal_aid":
        conditions.append(Case.legal_aid != "none")
    if scope == "unassigned":
        state, assignee = WAITING_FOR.get(user.role, ("submitted", Case.mediator_id))
        conditions += [Case.state == state, assignee.is_(None)]
    return conditions


def _conditions(user: User, wanted: QueueFilter, today: date) -> list:
    conditions = _scope_conditions(user, wanted.scope)
    if wanted.state:
        conditions.append(Case.state == wanted.state)
    # Open cases, when no state is asked for, are said by the priority bound below alone (refresh_schedule
    # gives CLOSED_PRIORITY to closed and withdrawn cases and only them): beside it a `state NOT IN`
    # made PostgreSQL misjudge a region's count and bitmap-scan its 90,000 open cases (24 ms) where the
    # queue index answers alone (0.6 ms), at 3 million cases.
    if wanted.claim:
        conditions.append(sa.exists().where(Claim.case_id == Case.id, Claim.kind == wanted.claim))
    if wanted.occupation:
        conditions.append(sa.exists().where(Worker.case_id == Case.id, Worker.occupation == wanted.occupation))
    if wanted.collective is not None:
        conditions.append(Case.collective.is_(wanted.collective))
    if wanted.state not in TERMINAL_STATES:
        # Implied by the state conditions, but it bounds the index range: without it a page near the
        # end of a queue walks every closed case of the region (~270,000 of a million) to find no more.
        conditions.append(Case.priority < CLOSED_PRIORITY)
    if wanted.overdue:
        conditions.append(Case.next_due_on < today)
    if wanted.after:
        conditions.append(sa.tuple_(Case.priority, Case.next_due_on, Case.id) > sa.tuple_(*map(sa.literal, wanted.after)))
    return conditions


def _parse_cursor(raw: str | None) -> tuple[int, date, int] | None:
    if not raw:
        return None
    parts = raw.split(".")
    if len(parts) != 3:
        return None
    priority, case_id = whole_number(parts[0]), whole_number(parts[2], minimum=1)
    # NO_DEADLINE (9999-12-31) is what cases without a deadline sort by: the one date past the range.
    due = NO_DEADLINE if parts[1] == NO_DEADLINE.isoformat() else parse_calendar_date(parts[1])[0]
    return None if priority is None or due is None or case_id is None else (priority, due, case_id)
