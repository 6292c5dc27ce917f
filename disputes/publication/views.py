"""The editor's publication pages: draft from a closed case, review side by side, publish, withdraw."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.cases.queries import case_by_number
from disputes.errors import Conflict, ValidationFailed
from disputes.library.services import case_or_404
from disputes.permissions import capability_required, require
from disputes.publication import bp
from disputes.publication.services import category_label, draft_from_case, publish, review, withdraw


@bp.route("/cases/<case_no>/publication", methods=["POST"])
@capability_required("draft_publication")
def draft_from_closed_case(case_no: str):
    case = case_by_number(case_no)
    require(current_user, "draft_publication", case)  # a case not yet publishable is a 409 from draft_from_case
    row = draft_from_case(case, current_user, keep_platform_names=request.form.get("keep_platforms") == "1")
    flash(_("已生成匿名化草稿，请对照原文审核。"), "info")
    return redirect(url_for("publication.review_draft", case_id=row.id))


@bp.route("/typical-cases/<case_id>/review")
@capability_required("edit_library")
def review_draft(case_id: str):
    row = case_or_404(case_id)
    return render_template("publication/review.html", row=row, review=review(row), category_label=category_label)


@bp.route("/typical-cases/<case_id>/publish", methods=["POST"])
@capability_required("publish")
def publish_case(case_id: str):
    """Publishing from a page needs the reviewer's tick on the review page, after seeing every replacement."""
    row = case_or_404(case_id)
    if request.form.get("confirmed") != "1":
        flash(_("请先在审核页逐处核对替换内容，并勾选确认后再公开。"), "error")
        return redirect(url_for("publication.review_draft", case_id=case_id))
    try:
        publish(row, current_user, allowed=tuple(request.form.getlist("allowed")))
    except (ValidationFailed, Conflict) as refused:
        reasons = getattr(refused, "errors", None) or {"publication": refused.message}
        flash(_("还不能公开：") + "；".join(reasons.values()), "error")
        return redirect(url_for("publication.review_draft", case_id=case_id))
    flash(_("案例已公开，可以检索。"), "info")
    return redirect(url_for("library.case_page", case_id=case_id))


@bp.route("/typical-cases/<case_id>/withdraw", methods=["POST"])
@capability_required("publish")
def withdraw_case(case_id: str):
    withdraw(case_or_404(case_id), current_user)
    flash(_("案例已撤下，不再公开。"), "info")
    return redirect(url_for("library.edit_case", case_id=case_id))
