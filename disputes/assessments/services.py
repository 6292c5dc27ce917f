"""Running and saving assessments against the published library in the database."""
from __future__ import annotations

from typing import Any, Mapping

import sqlalchemy as sa
from flask import current_app
from flask_babel import gettext as _

from casebase import Assessment, AssessmentInputInvalid, FACTOR_KEYS, assess
from disputes.errors import BadInput, ValidationFailed
from disputes.extensions import db
from disputes.validation import check_text
from disputes.library.index import current_generation, published_records
from disputes.models import Case, CaseAssessment, User
from disputes.permissions import can

MAX_FACTS = 20000


def library_for_assessment() -> list:
    """The published cases, cached per process until the library changes (its generation moves)."""
    generation = current_generation()
    cached = current_app.extensions.get("assessment_library")
    if cached is None or cached[0] != generation:
        cached = (generation, list(published_records()))
        current_app.extensions["assessment_library"] = cached
    return cached[1]


def run_assessment(facts: Any = "", factors: Any = None, occupation: Any = None,
                   respondents: list[Mapping] | None = None) -> Assessment:
    """Assess facts and/or given factors; bad input is a 422 naming the field."""
    if facts not in (None, ""):
        problem = check_text(facts, required=False, max_length=MAX_FACTS, multiline=True)
        if problem:
            raise ValidationFailed({"facts": problem})
    if factors is not None and not isinstance(factors, Mapping):
        raise ValidationFailed({"factors": _("factors 应为对象，例如 {\"platform_sets_pay\": true}。")})
    if not facts and not factors:
        raise ValidationFailed({"facts": _("请描述工作情况，或至少选择一项要素。")})
    try:
        return assess(facts or "", factors=factors, occupation=occupation or None, respondents=respondents,
                      library=library_for_assessment())
    except AssessmentInputInvalid as invalid:
        raise ValidationFailed(invalid.errors) from None


def assess_case(case: Case, given: Mapping[str, bool | None] | None = None) -> Assessment:
    """The assessment of a case's own facts, with the mediator's corrections applied."""
    respondents = [{"name": r.name, "kind": r.kind} for r in case.respondents]
    occupation = case.workers[0].occupation if case.workers else None
    return run_assessment(case.facts, given or None, occupation, respondents)


def save_case_assessment(case: Case, result: Assessment, by: User) -> CaseAssessment:
    """Keep this run on the case with who made it and when (earlier runs stay)."""
    saved = CaseAssessment(
        case_id=case.id, category=result.category, status=result.status,
        status_reason=result.status_reason.zh or None, status_reason_en=result.status_reason.en or None,
        questions=[{**q.to_dict("zh"), "en": q.to_dict("en")} for q in result.questions],
        confidence=result.confidence, score=result.score,
        factors=[factor.to_dict() for factor in result.factors],
        managing_party=result.managing_party.name, explanation=result.explanation("zh"),
        explanation_en=result.explanation("en"),
        similar_case_ids=[similar.id for similar in result.similar_cases], assessed_by=by,
    )
    db.session.add(saved)
    db.session.commit()
    return saved


def latest_assessment(case: Case) -> CaseAssessment | None:
    return db.session.scalar(sa.select(CaseAssessment).where(CaseAssessment.case_id == case.id)
                             .order_by(CaseAssessment.id.desc()).limit(1))


def assessment_case_panel(case: Case, user: User) -> dict:
    """The case page's assessment panel (registered by ``assessments.init_app``)."""
    return {"assessment": case.latest_assessment, "may_edit": can(user, "edit_assessment", case)}


def given_factors_from_form(form) -> dict[str, bool | None]:
    """Factor values chosen in a form (`factor_<key>` = true / false / empty for unknown)."""
    values = {"true": True, "false": False}
    return {key: values.get(form.get(f"factor_{key}", "")) for key in FACTOR_KEYS}


def payload_factors(payload: Mapping) -> Any:
    factors = payload.get("factors")
    if factors is not None and not isinstance(factors, Mapping):
        raise BadInput(_("factors 应为对象。"), field="factors")
    return factors
