"""Dashboard counts kept in step with the cases, in the same transaction as every change.

Summing a million cases, their claims and their history took 12 seconds per dashboard on SQLite; the
figures depend only on the day of intake, the region and the organisation (the dashboard's filters)
and a few facts of each case, so those facts are counted into `dashboard_counts` rows.

One SQL function, `contributions`, says what a set of cases adds to the counts. A flush that touches
a case measures that case's contribution before (the database still holds the old state) and after
(it holds the new one) and adds the difference, so nothing has to remember what was counted, and
`recount` (the same SQL over every case) is the proof and the repair.
"""
from __future__ import annotations

from collections import Counter
from functools import lru_cache

import sqlalchemy as sa
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from disputes.cases.schedule import NO_DEADLINE
from disputes.models import Case, CaseEvent, Claim, DashboardCount, Worker
from workflows import TERMINAL_STATES

# Stages whose length we report: from the event that opens them to the first one that ends them.
STAGES = {
    "acceptance": ("submit", ("accept", "decline")),
    "mediation": ("accept", ("mediation_succeeded", "mediation_failed")),
    "arbitration": ("accept_arbitration", ("render_award", "arbitral_mediation")),
}
MEDIATION_OUTCOMES = ("mediation_succeeded", "mediation_failed")
COUNTED_EVENTS = frozenset({event for opening, closing in STAGES.values() for event in (opening, *closing)}
                           | set(MEDIATION_OUTCOMES))
# The columns of a case the counts read; a change to any other (deadlines, assignees…) costs nothing.
COUNTED_COLUMNS = ("state", "platform", "collective", "collective_lead_id", "agreed_amount", "awarded_amount", "submitted_on",
                   "region_code", "organisation_id", "next_due_on", "next_due_kind", "place_code")
DUE_PREFIX = "due:"
KEY = ("day", "region_code", "organisation_id", "measure", "value")

Key = tuple  # (day, region_code, organisation_id, measure, value)


def _cents(column) -> sa.ColumnElement:
    return sa.cast(sa.func.round(column * 100), sa.BigInteger)


def _days_between(start, end, dialect: str) -> sa.ColumnElement:
    if dialect == "postgresql":
        return end - start
    return sa.cast(sa.func.julianday(end) - sa.func.julianday(start), sa.Integer)


@lru_cache(maxsize=None)
def contributions(dialect: str, some_cases: bool = False) -> sa.Select:
    """(day, region, organisation, measure, value, cases, cents) summed over every case, or with
    `some_cases` over those whose ids are bound to the expanding parameter ``case_ids``.

    Built once per dialect and kind: building the thirteen-part union took longer than running it
    (10 ms a flush, on every intake).
    """
    ids = sa.bindparam("case_ids", expanding=True) if some_cases else None

    def only(column):
        return [column.in_(ids)] if ids is not None else []

    key = (Case.submitted_on.label("day"), Case.region_code.label("region_code"),
           sa.func.coalesce(Case.organisation_id, 0).label("organisation_id"))

    def part(measure, value, cases=1, cents=0, *conditions, joins=()):
        measure = sa.literal(measure) if isinstance(measure, str) else measure
        query = sa.select(*key, sa.cast(measure, sa.String).label("measure"), sa.cast(value, sa.String).label("value"),
                          sa.literal(cases).label("cases") if isinstance(cases, int) else cases.label("cases"),
                          sa.literal(cents).label("cents") if isinstance(cents, int) else cents.label("cents"))
        query = query.select_from(Case)
        for target, on in joins:
            query = query.join(target, on)
        return query.where(*only(Case.id), *conditions)

    claims = (sa.select(Claim.case_id, Claim.kind, sa.func.coalesce(sa.func.sum(_cents(Claim.amount)), 0).label("cents"))
              .where(*only(Claim.case_id)).group_by(Claim.case_id, Claim.kind).subquery())
    outcomes = (sa.select(CaseEvent.case_id, CaseEvent.event).distinct()
                .where(CaseEvent.event.in_(MEDIATION_OUTCOMES), *only(CaseEvent.case_id)).subquery())
    parts = [
        part("state", Case.state),
        part("platform", sa.func.coalesce(Case.platform, "")),
        part("place", Case.place_code, 1, 0, Case.place_code.is_not(None)),
        part("collective", sa.case((Case.state.in_(TERMINAL_STATES), "closed"), else_="open"), 1, 0,
             Case.collective.is_(True), Case.collective_lead_id.is_(None)),  # a linked group counts once
        part("amount", sa.literal("agreed"), 1, _cents(Case.agreed_amount), Case.agreed_amount.is_not(None)),
        part("amount", sa.literal("awarded"), 1, _cents(Case.awarded_amount), Case.awarded_amount.is_not(None)),
        part("claim", claims.c.kind, 1, claims.c.cents, joins=[(claims, claims.c.case_id == Case.id)]),
        part("occupation", Worker.occupation, joins=[(Worker, sa.and_(Worker.case_id == Case.id, Worker.position == 0))]),
        part("mediation", outcomes.c.event, joins=[(outcomes, outcomes.c.case_id == Case.id)]),
        # Open cases by their next deadline: which are overdue or due soon is decided when asked.
        part(sa.literal(DUE_PREFIX) + sa.func.coalesce(Case.next_due_kind, ""), Case.next_due_on, 1, 0,
             Case.state.not_in(TERMINAL_STATES), Case.next_due_on < NO_DEADLINE),
    ]
    for stage, (opening, closing) in STAGES.items():
        opened = (sa.select(CaseEvent.case_id, sa.func.min(CaseEvent.occurred_on).label("on"))
                  .where(CaseEvent.event == opening, *only(CaseEvent.case_id)).group_by(CaseEvent.case_id).subquery())
        closed = (sa.select(CaseEvent.case_id, sa.func.min(CaseEvent.occurred_on).label("on"))
                  .where(CaseEvent.event.in_(closing), *only(CaseEvent.case_id)).group_by(CaseEvent.case_id).subquery())
        parts.append(part(f"stage:{stage}", _days_between(opened.c.on, closed.c.on, dialect), 1, 0,
                          closed.c.on >= opened.c.on,
                          joins=[(opened, opened.c.case_id == Case.id), (closed, closed.c.case_id == Case.id)]))
    every = sa.union_all(*parts).subquery()
    return (sa.select(*(every.c[name] for name in KEY), sa.func.sum(every.c.cases).label("cases"),
                      sa.func.sum(every.c.cents).label("cents"))
            .group_by(*(every.c[name] for name in KEY)))


def _measure(connection, case_ids: set[int]) -> Counter:
    counts: Counter = Counter()
    if not case_ids:
        return counts
    for row in connection.execute(contributions(connection.dialect.name, some_cases=True), {"case_ids": sorted(case_ids)}):
        counts[(*row[:5], "cases")] += int(row.cases)
        counts[(*row[:5], "cents")] += int(row.cents)
    return counts


def _insert(dialect: str):
    return (pg_insert if dialect == "postgresql" else sqlite_insert)(DashboardCount)


def _adding_to_rows_there(statement):
    """The INSERT into the counts, made to add to a row already there instead of failing."""
    return statement.on_conflict_do_update(
        index_elements=list(KEY), set_={"cases": DashboardCount.cases + statement.excluded.cases,
                                        "cents": DashboardCount.cents + statement.excluded.cents})


@lru_cache(maxsize=None)
def _adding_rows(dialect: str):
    """Adding given rows (built once: every counted flush runs it)."""
    return _adding_to_rows_there(_insert(dialect))


def _add(connection, delta: Counter) -> None:
    """Adds the non-zero differences; keys in one order, so concurrent writers lock rows alike."""
    changes: dict[Key, dict[str, int]] = {}
    for (*key, column), amount in delta.items():
        if amount:
            changes.setdefault(tuple(key), {"cases": 0, "cents": 0})[column] = amount
    if not changes:
        return
    rows = [dict(zip(KEY, key)) | amounts for key, amounts in sorted(changes.items(), key=lambda item: tuple(map(str, item[0])))]
    connection.execute(_adding_rows(connection.dialect.name), rows)


@lru_cache(maxsize=None)
def _adding_new_cases(dialect: str):
    """One statement adding what new cases (ids bound to ``case_ids``) contribute: nothing was counted
    for them before, so their contribution is the difference. Rows go in key order (concurrent writers
    lock alike); the WHERE is SQLite's, which cannot tell an upsert's ON from a join's without it."""
    contributed = contributions(dialect, some_cases=True).subquery()
    ordered = (sa.select(*contributed.c).where(sa.true())
               .order_by(*(sa.cast(contributed.c[name], sa.String) for name in KEY)))
    return _adding_to_rows_there(_insert(dialect).from_select([*KEY, "cases", "cents"], ordered))


def recount(connection) -> int:
    """Rebuilds every count from the cases (after a bulk load, or to repair); returns the rows written."""
    connection.execute(sa.delete(DashboardCount))
    query = contributions(connection.dialect.name)
    result = connection.execute(sa.insert(DashboardCount).from_select([*KEY, "cases", "cents"], query))
    return result.rowcount


def drift(connection) -> list[tuple]:
    """Rows where the kept counts differ from a fresh count (empty when they agree): for checks and tests."""
    kept = {tuple(row[:5]): (row.cases, row.cents) for row in connection.execute(
        sa.select(*(DashboardCount.__table__.c[name] for name in KEY), DashboardCount.cases, DashboardCount.cents))}
    fresh = {tuple(row[:5]): (int(row.cases), int(row.cents))
             for row in connection.execute(contributions(connection.dialect.name))}
    return sorted(((key, kept.get(key, (0, 0)), fresh.get(key, (0, 0))) for key in kept.keys() | fresh.keys()
                   if kept.get(key, (0, 0)) != fresh.get(key, (0, 0))), key=lambda row: tuple(map(str, row[0])))


# --- keeping the counts in step with the session ------------------------------------------------


def _touched_cases(session: Session) -> tuple[set[int], list[Case]]:
    """Ids of stored cases whose counted facts this flush changes, and the new cases."""
    ids, new_cases = set(), []
    for obj in (*session.new, *session.dirty, *session.deleted):
        if isinstance(obj, Case):
            if obj.id is None:
                new_cases.append(obj)
            elif obj in session.deleted or _changed(obj, COUNTED_COLUMNS):
                ids.add(obj.id)
        elif isinstance(obj, Claim | Worker) and (obj in session.new or obj in session.deleted
                                                  or _changed(obj, ("kind", "amount", "occupation", "position", "case_id"))):
            ids.update(_case_ids(obj))
        elif isinstance(obj, CaseEvent) and obj in session.new and obj.event in COUNTED_EVENTS:
            ids.update(_case_ids(obj))
    return ids, new_cases


def _changed(obj, columns: tuple[str, ...]) -> bool:
    state = sa.inspect(obj)
    return any(name in state.attrs and state.attrs[name].history.has_changes() for name in columns)


def _case_ids(obj) -> set[int]:
    """The case a child row belongs to, before and after this flush (a claim could be moved)."""
    ids = {obj.case_id} if obj.case_id is not None else set()
    if obj.case is not None and obj.case.id is not None:
        ids.add(obj.case.id)
    history = sa.inspect(obj).attrs.case_id.history
    ids.update(value for value in history.deleted if value is not None)
    return ids


def _before_flush(session: Session, flush_context, instances) -> None:
    with session.no_autoflush:
        ids, new_cases = _touched_cases(session)
    if not ids and not new_cases:
        return
    connection = session.connection()
    session.info.setdefault("dashboard_pending", []).append((ids, new_cases, _measure(connection, ids)))


def _after_flush(session: Session, flush_context) -> None:
    pending = session.info.pop("dashboard_pending", [])
    connection = session.connection()
    for ids, new_cases, before in pending:
        added = {case.id for case in new_cases if case.id is not None}
        if not ids and added:  # only new cases (an intake): counted in the database, in one statement
            connection.execute(_adding_new_cases(connection.dialect.name), {"case_ids": sorted(added)})
            continue
        delta = _measure(connection, ids | added)
        delta.subtract(before)
        _add(connection, delta)


def _after_rollback(session: Session) -> None:
    session.info.pop("dashboard_pending", None)


_LISTENERS = (("before_flush", _before_flush), ("after_flush", _after_flush), ("after_rollback", _after_rollback))


def keep_counts_with_cases() -> None:
    """Keep the dashboard's counts in step with every flush that touches a case.

    Called from the dashboard's ``init_app``; the listeners are global to SQLAlchemy sessions, so a
    second app in the same process (tests) registers nothing more.
    """
    for name, listener in _LISTENERS:
        if not sa.event.contains(Session, name, listener):
            sa.event.listen(Session, name, listener)
