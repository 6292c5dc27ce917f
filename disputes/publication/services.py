"""Publication: a closed case becomes an anonymised typical-case draft, is reviewed, published and withdrawn.

Nothing reaches the public library before it is anonymised: names become 某某/刘某, ID, phone and
plate numbers, addresses and case numbers are removed, company names are generalised (platforms
may be kept), and publishing re-checks the text against every secret of the source case.
"""
from __future__ import annotations

import re
import secrets
from dataclasses import dataclass

from flask_babel import gettext as _
from flask_babel import ngettext

from casebase import FACTOR_KEYS, KnownParty, anonymize_many, leaks
from disputes.assessments.services import assess_case, latest_assessment
from disputes.errors import Conflict
from disputes.extensions import db
from disputes.library.index import bump_generation, sync_index
from disputes.library.records import record_dict
from disputes.library.services import parse_record
from disputes.models import Case, TypicalCase, User, utcnow
from disputes.permissions import can
from disputes.timekeeping import local_today
from disputes.vocabulary import CLAIM_LABELS, OCCUPATION_LABELS
from workflows import PUBLISHABLE_STATES

TEXT_FIELDS = ("title", "facts", "holding", "reasoning")
PLATE = re.compile(r"[\u4e00-\u9fa5][A-Z][·\s]?[A-Z0-9]{5,6}")


@dataclass(frozen=True)
class DraftReview:
    """What the reviewer compares side by side: the source text and the anonymised draft."""

    original: dict[str, str]
    draft: dict[str, str]
    leaks: list[str]


def publication_case_panel(case: Case, user: User) -> dict | None:
    """The case page's "make it a typical case" form, for an editor who may change this closed case."""
    return {} if case.state in PUBLISHABLE_STATES and can(user, "draft_publication", case) else None


def draft_from_case(case: Case, editor: User, *, keep_platform_names: bool = True) -> TypicalCase:
    """A new draft prefilled from the case and its latest assessment, anonymised (409 if not closed)."""
    if case.state not in PUBLISHABLE_STATES:
        raise Conflict(_("只有已结案（调解成功、仲裁调解、已裁决或已结案）的案件才能整理为典型案例。"), state=case.state)
    originals = source_texts(case)
    anonymised = anonymize_many(originals, **_anonymise_options(case, keep_platform_names))
    factors, outcome = _factors_and_outcome(case)
    row = TypicalCase(
        id=f"pub-{secrets.token_hex(5)}",  # never derived from the case number, which is identifying
        title=anonymised["title"].text, facts=anonymised["facts"].text, holding=anonymised["holding"].text,
        reasoning=anonymised["reasoning"].text,
        source_body=case.organisation.name if case.organisation else "劳动人事争议调解组织",
        source_release=_("本机构办结案件整理"), source_year=local_today().year, source_number=None,
        illustrative=False, region=case.region.name_zh if case.region else None,
        occupation=case.workers[0].occupation if case.workers else "other",
        work_arrangement=_("平台用工"), respondent_kinds=sorted({r.kind for r in case.respondents}),
        claims=sorted({c.kind for c in case.claims}), factors=factors,
        outcome=outcome, status="draft",
        statutes=["《劳动争议调解仲裁法》"], from_case_id=case.id, updated_by=editor,
    )
    db.session.add(row)
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row


def _factors_and_outcome(case: Case) -> tuple[dict, str]:
    """The saved assessment's factors and category, or a fresh assessment of the case's facts."""
    saved = latest_assessment(case)
    if saved is not None:
        values, category = {f["key"]: f["value"] for f in saved.factors}, saved.category
    else:
        result = assess_case(case)
        values, category = result.values(), result.category
    return {key: values.get(key) for key in FACTOR_KEYS}, category


def source_texts(case: Case) -> dict[str, str]:
    """The case's own words for each field, before anonymisation."""
    assessment = latest_assessment(case)
    occupation = OCCUPATION_LABELS.get(case.workers[0].occupation, ("", ""))[0] if case.workers else ""
    claims = "、".join(CLAIM_LABELS[c.kind][0] for c in case.claims)
    respondent = case.respondents[0].name if case.respondents else ""
    outcome = _outcome_sentence(case)
    return {
        "title": f"{case.workers[0].name if case.workers else ''}（{occupation}）与{respondent}{claims}争议案",
        "facts": case.facts,
        "holding": outcome,
        "reasoning": assessment.explanation if assessment else outcome,
    }


def _outcome_sentence(case: Case) -> str:
    if case.awarded_amount is not None:
        return f"仲裁委员会裁决被申请人支付{case.awarded_amount:.2f}元。"
    if case.agreed_amount is not None:
        return f"经调解，双方达成协议，被申请人支付{case.agreed_amount:.2f}元。"
    return "案件已办结。"


def _anonymise_options(case: Case, keep_platform_names: bool) -> dict:
    people = [w.name for w in case.workers] + [u.display_name for u in (case.mediator, case.arbitrator) if u]
    companies = [r.name for r in case.respondents]
    keep = [r.name for r in case.respondents if r.kind == "platform"] if keep_platform_names else []
    return {
        "parties": [KnownParty(name, "person") for name in people] + [KnownParty(name, "company") for name in companies],
        "keep_companies": keep,
        "case_numbers": [case.case_no],
    }


def secrets_of(case: Case, keep_platform_names: bool = True) -> list[str]:
    """Everything of the source case that must never appear in the published record."""
    kept = {r.name for r in case.respondents if r.kind == "platform"} if keep_platform_names else set()
    values = [w.name for w in case.workers] + [w.phone for w in case.workers] + [w.id_number for w in case.workers if w.id_number]
    values += [r.name for r in case.respondents if r.name not in kept] + [r.credit_code for r in case.respondents if r.credit_code]
    values += [case.case_no] + PLATE.findall(case.facts)
    return [s for s in values if s]


def review(row: TypicalCase) -> DraftReview:
    """The side-by-side view for the reviewer, with anything of the source that still leaks."""
    case = db.session.get(Case, row.from_case_id) if row.from_case_id else None
    draft = {field: getattr(row, field) for field in TEXT_FIELDS}
    if case is None:
        return DraftReview({}, draft, [])
    found = leaks("\n".join(draft.values()), secrets_of(case))
    return DraftReview(source_texts(case), draft, found)


def check_before_publishing(row: TypicalCase) -> None:
    """Refuse (409) to publish a draft made from a case while any of its secrets is in the text."""
    found = review(row).leaks
    if found:
        raise Conflict(ngettext("草稿中仍有可识别的个人或企业信息，不能公开：%(num)d 处，请先修改。",
                                "草稿中仍有可识别的个人或企业信息，不能公开：%(num)d 处，请先修改。", len(found)))


def publish(row: TypicalCase, editor: User) -> TypicalCase:
    """Make a reviewed draft public and searchable; it must pass the published record's checks."""
    if row.status == "published":
        raise Conflict(_("该案例已经公开。"), status=row.status)
    parse_record(record_dict(row) | {"status": "published"})
    check_before_publishing(row)
    row.status, row.published_at, row.updated_by = "published", utcnow(), editor
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row


def withdraw(row: TypicalCase, editor: User) -> TypicalCase:
    """Take a published case out of public view (e.g. after a removal request); it stays on record."""
    if row.status != "published":
        raise Conflict(_("只有已公开的案例可以撤下。"), status=row.status)
    row.status, row.updated_by = "withdrawn", editor
    bump_generation()
    db.session.commit()
    sync_index([row.id])
    return row
