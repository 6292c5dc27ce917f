"""The rating notice (劳动保障守法诚信等级评价结果告知书) of the rating in force, as a PDF.

Dated the day the employer was told; before that is recorded, today, the day it is printed to be
served — the objection window runs from that day (workflows.compliance_rating.objection_deadline).
"""
from __future__ import annotations

from datetime import date

from flask import Response, current_app
from flask_babel import gettext as _
from flask_login import current_user

from disputes.documents.rating_notice import RatingLine, RatingNoticeContext, render_rating_notice
from disputes.errors import Conflict
from disputes.extensions import db
from disputes.inspection.matter_documents import issuing_inspectorate
from disputes.inspection.rating import services
from disputes.inspection.rating.panel import chosen_period
from disputes.inspection.rating.record import find_employer
from disputes.models import ComplianceRating, Region
from disputes.timekeeping import local_today
from workflows import compliance_rating as cr

# After a review the grade is final here: no further objection (services.decide_review, a working rule).
NO_FURTHER_OBJECTION = frozenset({"reviewed"})


def rating_notice_pdf(rating: ComplianceRating | None, language: str | None = None, today: date | None = None) -> bytes:
    if rating is None:
        raise Conflict(_("该年度尚未评价，没有评价结果告知书。"))
    if rating.state == "under_review":
        raise Conflict(_("对该评价的异议正在复核，复核决定作出后再出具告知书。"), state=rating.state)
    return render_rating_notice(notice_context(rating, today or local_today()), language=language or "zh",
                                font_path=current_app.config["DISPUTES_PDF_FONT"])


def notice_context(rating: ComplianceRating, today: date) -> RatingNoticeContext:
    told = rating.notified_on or today
    grade = cr.GRADES[rating.grade]
    supervision = cr.supervision_for(rating.grade)
    return RatingNoticeContext(
        organisation_name=_issuer(rating), issued_on=told, serial=rating.id, employer_name=rating.employer_name,
        credit_code=rating.credit_code, year=rating.period_year, grade_zh=grade["zh"], grade_en=grade["en"],
        rated_on=rating.rated_on,
        reasons=tuple(RatingLine(r["zh"], r["en"], r["basis"]) for r in rating.result.get("reasons", ())),
        supervision=RatingLine(supervision.zh, supervision.en, supervision.basis),
        objection_due=None if rating.state in NO_FURTHER_OBJECTION else cr.objection_deadline(told).due,
        objection_basis_zh=cr.POLICY, objection_basis_en="this system's working rule; the texts found set none",
        file_basis=rating.result.get("file_basis") or cr.BASIS_FILE,
    )


def _issuer(rating: ComplianceRating) -> str:
    return issuing_inspectorate(rating.rated_by, db.session.get(Region, rating.region_code))


def notice_download(key: str, args) -> Response:
    """The notice of the rating in force for ?period= (and ?region=), in ?lang=zh|en, as an attachment."""
    employer = find_employer(key, current_user, services.parse_region(args.get("region")))
    period = chosen_period(args.get("period"), local_today())
    language = args.get("lang") if args.get("lang") in ("zh", "en") else None
    data = rating_notice_pdf(services.current_rating(employer.key, employer.region, period.year), language)
    return Response(data, mimetype="application/pdf", headers={
        "Content-Disposition": f'attachment; filename="rating-{period.year}-{employer.region}.pdf"',
        "Cache-Control": "private, no-store"})
