"""An employer's record for the compliance rating, from what the app holds, mapped exactly onto what
workflows/compliance_rating.py reads (its EmployerRecordLike). Each mapping below is a judgement of
ours where the track does not say it in the rules' words:

- violations (查处): one per inspection matter in which the inspectorate ordered the employer to
  rectify or pay (order_rectification) or decided a penalty (impose_penalty): a matter is one case
  dealt with, however many orders and penalties it holds; found_on is the first of them. A matter
  declined, withdrawn as minor and corrected (cancel_case, 条例第十八条第一款第（三）项) or only
  investigated so far was not dealt with for a violation and does not count.
  kind: "wage_arrears" when an order was to pay wages (条例第二十六条第（一）项; a minimum-wage
  shortfall or severance is "other"), else "obstruction" when a penalty was for obstructing the
  inspection (第三十条第一款第（一）项), else "other". The track records no finding of child or forced
  labour, so those kinds never come from here.
  rectified_on_time: the latest order complied with by its date (True); complied late, or not at all
  once its date has passed (False); its date still to come (None). None too when no order was given.
  penalty_imposed: the matter holds a penalty decision.
- refusals: a penalty under 第三十条 for "经责令改正拒不改正或者拒不履行行政处理决定" (ground
  ignored_order) is the inspectorate's finding that the order was refused; the instrument is the
  order's (限期整改指令书 → rectification_order, 行政处理决定书 → processing_decision). An order merely
  overdue is not a refusal: the rules flag it for a person to check.
- police_transfers: the day the head approved the transfer (approve_transfer; the case goes to the
  police within 24 hours, 移送规定第五条第二款).
- obstructions: the day of a 第三十条 penalty for obstruction (the rules flag it, never grade it).
- incidents, criminal_liability_on: nothing in the app records a mass or extreme incident or a
  conviction; both stay empty, and the page says which C situations a person must check.
- unpaid_awards (context): the employer's cases whose award was rendered in the year and that are
  still "awarded" with an amount. The app records no payment of an award; a case closed after its
  award is taken as settled; a case against several respondents counts for each.
- collective_disputes (context): collective disputes filed in the year, a linked group once (its lead).
- open/closed_arrears_clues (context): the region's wage-arrears clues (inspection/clues.py) naming
  the employer, as they stand on the rating day; resolved ones are closed.

Whose record: the app's employer key is the credit code, else the respondents' normalised name (the
/employers/<key> of the dashboard). A matter belongs to a code key by its code, and to a name key
when it has no code and its name is one of the respondents' names (compared by
workflows.inspection.normalise_name). A matter without a code is never joined to a code key by its
name alone: two companies may share a name, and a grade has consequences. The record is the
region's (the inspectorate of the place of work, 条例第十三条); all enterprises here are taken as
enterprises (企业) unless the rater says otherwise, the only kind the measures rate.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable, Mapping

import sqlalchemy as sa
from flask_babel import gettext as _
from sqlalchemy.orm import selectinload

from disputes.errors import NotFound, ValidationFailed
from disputes.extensions import db
from disputes.inspection.clues import employer_clue_counts, employer_key
from disputes.models import Case, CaseEvent, InspectionMatter, Respondent, User
from disputes.permissions import user_region_scope, visible_cases_clause
from workflows import compliance_rating as cr
from workflows import inspection as track

# The facts of a record that a review may find recorded in error, by kind (their `type`).
ITEM_TYPES = ("violation", "refusal", "police_transfer", "obstruction")
_INSTRUMENTS = {"rectification_order": "rectification_order", "handling_decision": "processing_decision"}
COUNTS = ("unpaid_awards", "collective_disputes", "open_arrears_clues", "closed_arrears_clues")


@dataclass(frozen=True)
class Employer:
    """One employer in one region: the app's key, the name it is rated in, its code if it has one."""

    key: str
    name: str
    credit_code: str | None
    names: tuple[str, ...]
    region: str
    regions: tuple[str, ...]  # every region the caller sees records of it in, most records first


@dataclass(frozen=True)
class Partner:
    """A company named with the employer in the same complaints: the platform–cooperating-company chain."""

    key: str
    name: str
    shared_cases: int
    kind: str  # its respondent kind in those cases (the most frequent)
    own_kind: str  # the employer's own kind in them


def respondent_key(respondent: Respondent) -> str:
    return respondent.credit_code or respondent.normalised_name


def respondent_match(key: str) -> sa.ColumnElement[bool]:
    """The respondent rows of the employer with this key (the same rule as the dashboard's)."""
    return sa.or_(Respondent.credit_code == key,
                  sa.and_(Respondent.credit_code.is_(None), Respondent.normalised_name == key))


def is_credit_code_key(key: str) -> bool:
    return track.normalise_credit_code(key) == key


def chain_partners(cases: Iterable[Case], key: str) -> list[Partner]:
    """The other respondents of the employer's cases, most shared first."""
    seen: dict[str, dict[str, Any]] = {}
    for case in cases:
        own = [r.kind for r in case.respondents if respondent_key(r) == key]
        for other in case.respondents:
            other_key = respondent_key(other)
            if other_key == key:
                continue
            entry = seen.setdefault(other_key, {"name": other.name, "n": 0, "kinds": Counter(), "own": Counter()})
            entry["n"] += 1
            entry["kinds"][other.kind] += 1
            entry["own"].update(own)
    partners = [Partner(k, e["name"], e["n"], e["kinds"].most_common(1)[0][0],
                        e["own"].most_common(1)[0][0] if e["own"] else "other") for k, e in seen.items()]
    return sorted(partners, key=lambda p: (-p.shared_cases, p.key))


# ---------------------------------------------------------------------------------------------
# Who the employer is, for the caller.

def _in_scope(query, column, user: User):
    scope = user_region_scope(user)
    return query if scope is None else query.where(column == scope)


def _matter_rows(key: str, names: Iterable[str], user: User) -> list[tuple[int, str, str]]:
    """(id, region, name) of the matters of this employer the caller's region holds."""
    if is_credit_code_key(key):
        query = sa.select(InspectionMatter.id, InspectionMatter.region_code, InspectionMatter.employer_name) \
            .where(InspectionMatter.employer_code == key)
        return [tuple(row) for row in db.session.execute(_in_scope(query, InspectionMatter.region_code, user))]
    wanted = {track.normalise_name(name) for name in names} - {None}
    if not wanted:
        return []
    query = sa.select(InspectionMatter.id, InspectionMatter.region_code, InspectionMatter.employer_name) \
        .where(InspectionMatter.employer_code.is_(None))
    return [tuple(row) for row in db.session.execute(_in_scope(query, InspectionMatter.region_code, user))
            if track.normalise_name(row.employer_name) in wanted]


def find_employer(key: str, user: User, region: str | None = None) -> Employer:
    """The employer with this key as the caller may see it, in `region` (else its main region); 404 if none."""
    respondents = list(db.session.execute(
        sa.select(Case.region_code, Respondent.name).join(Respondent, Respondent.case_id == Case.id)
        .where(respondent_match(key), visible_cases_clause(user))))
    matters = _matter_rows(key, {name for _, name in respondents}, user)
    counts = Counter(r for r, _ in respondents) + Counter(r for _, r, _ in matters)
    if not counts:
        raise NotFound(_("没有找到该单位的记录。"))
    regions = tuple(r for r, _ in sorted(counts.items(), key=lambda item: (-item[1], item[0])))
    if region is not None and region not in counts:
        raise ValidationFailed({"region": _("该单位在所选地区没有记录。")})
    chosen = region or regions[0]
    names = Counter(n for r, n in respondents if r == chosen) + Counter(n for _, r, n in matters if r == chosen)
    return Employer(key=key, name=names.most_common(1)[0][0], credit_code=key if is_credit_code_key(key) else None,
                    names=tuple(sorted(names)), region=chosen, regions=regions)


# ---------------------------------------------------------------------------------------------
# The facts.

def _events(matter: InspectionMatter, *names: str):
    return [e for e in matter.history if e.event in names]


def _rectified_on_time(matter: InspectionMatter, today: date) -> bool | None:
    order = track.current_order(matter)
    if order is None:
        return None
    if track.order_complied(matter):
        complied = track.last_event(matter, "order_complied")
        return not complied.data.get("late", False)
    return False if today > date.fromisoformat(order.data["due_on"]) else None


def _violation_kind(orders, penalties) -> str:
    if any(o.data.get("kind") == "pay_wages" for o in orders):
        return "wage_arrears"
    if any(p.data.get("basis") == "art30" and p.data.get("ground") == "obstruction" for p in penalties):
        return "obstruction"
    return "other"


def _instrument_before(orders, penalty) -> str:
    earlier = [o for o in orders if o.seq < penalty.seq]
    instrument = earlier[-1].data.get("instrument") if earlier else None
    return _INSTRUMENTS.get(instrument, "rectification_order")


def matter_items(matter: InspectionMatter, today: date) -> list[dict[str, Any]]:
    """The facts one matter gives the rating, each with an id a review can name and the matter's number."""
    orders = _events(matter, "order_rectification")
    penalties = _events(matter, "impose_penalty")
    dealt = sorted(orders + penalties, key=lambda e: e.seq)
    if not dealt:
        return []
    ref = matter.matter_no
    items = [{"id": f"{ref}:{dealt[0].seq}", "type": "violation", "on": dealt[0].occurred_on.isoformat(),
              "kind": _violation_kind(orders, penalties), "rectified_on_time": _rectified_on_time(matter, today),
              "penalty_imposed": bool(penalties), "ref": ref}]
    for penalty in penalties:
        if penalty.data.get("basis") != "art30":
            continue
        if penalty.data.get("ground") == "ignored_order":
            items.append({"id": f"{ref}:{penalty.seq}", "type": "refusal", "on": penalty.occurred_on.isoformat(),
                          "instrument": _instrument_before(orders, penalty), "ref": ref})
        elif penalty.data.get("ground") == "obstruction":
            items.append({"id": f"{ref}:{penalty.seq}", "type": "obstruction", "on": penalty.occurred_on.isoformat(),
                          "ref": ref})
    items += [{"id": f"{ref}:{e.seq}", "type": "police_transfer", "on": e.occurred_on.isoformat(), "ref": ref}
              for e in _events(matter, "approve_transfer")]
    return items


def _employer_cases(employer: Employer) -> sa.ColumnElement[bool]:
    """The employer's cases in the region (as a condition on Case)."""
    return sa.and_(Case.id.in_(sa.select(Respondent.case_id).where(respondent_match(employer.key))),
                   Case.region_code == employer.region)


def _unpaid_awards(employer: Employer, period: cr.RatingPeriod) -> int:
    awarded = sa.select(sa.func.count(sa.distinct(Case.id))).join(CaseEvent, CaseEvent.case_id == Case.id).where(
        _employer_cases(employer), Case.state == "awarded", Case.awarded_amount > 0,
        CaseEvent.event == "render_award", CaseEvent.occurred_on.between(period.start, period.end))
    return db.session.scalar(awarded) or 0


def _collective_disputes(employer: Employer, period: cr.RatingPeriod) -> int:
    return db.session.scalar(sa.select(sa.func.count(Case.id)).where(
        _employer_cases(employer), Case.collective.is_(True), Case.collective_lead_id.is_(None),
        Case.submitted_on.between(period.start, period.end))) or 0


def _clue_counts(employer: Employer, counts: Mapping[str, list[int]]) -> tuple[int, int]:
    """The employer's open and resolved clues: by its credit code, or by its names when it has none."""
    if employer.credit_code:
        return tuple(counts.get(employer.credit_code, (0, 0)))
    named = [counts[key] for key in {employer_key(None, name) for name in employer.names} if key in counts]
    return (max((n[0] for n in named), default=0), max((n[1] for n in named), default=0))


def employer_matters(employer: Employer, user: User) -> list[InspectionMatter]:
    ids = [row[0] for row in _matter_rows(employer.key, employer.names, user) if row[1] == employer.region]
    if not ids:
        return []
    return list(db.session.scalars(sa.select(InspectionMatter).where(InspectionMatter.id.in_(ids))
                                   .options(selectinload(InspectionMatter.history)).order_by(InspectionMatter.id)))


def employer_partners(key: str, user: User) -> list[Partner]:
    """The chain of the employer's cases the caller sees (the dashboard's employer record has the same)."""
    cases = db.session.scalars(
        sa.select(Case).where(Case.id.in_(sa.select(Respondent.case_id).where(respondent_match(key))),
                              visible_cases_clause(user)).options(selectinload(Case.respondents)))
    return chain_partners(cases, key)


def employer_facts(employer: Employer, period: cr.RatingPeriod, user: User, today: date,
                   employer_kind: str = "enterprise", clues: Mapping[str, list[int]] | None = None) -> dict[str, Any]:
    """The record as plain data, kept with the rating: every fact with its source, the context counts.

    `clues`: the region's clue counts per employer when the caller has them already (a page rating a chain).
    """
    items = [item for matter in employer_matters(employer, user) for item in matter_items(matter, today)]
    clues = employer_clue_counts(employer.region, today) if clues is None else clues
    open_clues, closed_clues = _clue_counts(employer, clues)
    return {
        "name": employer.name, "credit_code": employer.credit_code, "employer_kind": employer_kind,
        "region": employer.region, "period": period.year, "as_of": today.isoformat(),
        "items": sorted(items, key=lambda item: (item["on"], item["id"])),
        "unpaid_awards": _unpaid_awards(employer, period), "collective_disputes": _collective_disputes(employer, period),
        "open_arrears_clues": open_clues, "closed_arrears_clues": closed_clues,
    }


def record_from_facts(facts: dict[str, Any], exclude: Iterable[str] = ()) -> cr.EmployerRecord:
    """The workflows record of stored facts, without the items a review found recorded in error."""
    left_out = set(exclude)
    items = [item for item in facts["items"] if item["id"] not in left_out]

    def of(kind):
        return [item for item in items if item["type"] == kind]

    return cr.record_from_data({
        "name": facts["name"], "credit_code": facts.get("credit_code"), "employer_kind": facts["employer_kind"],
        "violations": [{"found_on": v["on"], "kind": v["kind"], "rectified_on_time": v["rectified_on_time"],
                        "penalty_imposed": v["penalty_imposed"]} for v in of("violation")],
        "refusals": [{"on": r["on"], "instrument": r["instrument"]} for r in of("refusal")],
        "police_transfers": [t["on"] for t in of("police_transfer")],
        "obstructions": [o["on"] for o in of("obstruction")],
        **{key: facts[key] for key in COUNTS},
    })


def items_in(facts: dict[str, Any], period: cr.RatingPeriod) -> list[dict[str, Any]]:
    """The facts dated in the year: the ones the grade rests on, which a review may leave out."""
    return [item for item in facts["items"] if period.contains(date.fromisoformat(item["on"]))]
