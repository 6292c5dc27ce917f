"""Public search and case pages, and the arbitrator's editor for drafts."""
from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from casebase import FACTOR_KEYS, OCCUPATIONS, OUTCOMES, PROVINCES
from disputes.errors import Conflict, ValidationFailed
from disputes.library import bp
from disputes.library.editor import editor_data_from_form, editor_defaults
from disputes.library.index import search, similar
from disputes.library.permissions import can_edit_library, can_read_case
from disputes.library.queries import search_query_from
from disputes.library.records import record_dict
from disputes.library.services import case_or_404, publish, save_draft, withdraw
from disputes.permissions import roles_required
from disputes.vocabulary import CLAIM_KINDS, RESPONDENT_KINDS

EDITOR_ROLES = ("arbitrator", "admin")


@bp.route("/typical-cases")
def search_page():
    query = search_query_from(request.args)
    result = search(query)
    return render_template("library/search.html", result=result, query=query, args=request.args)


@bp.route("/typical-cases/<case_id>")
def case_page(case_id: str):
    row = case_or_404(case_id)
    if not can_read_case(current_user, row):
        abort(404)
    related = similar(row.id, limit=5) if row.status == "published" else []
    return render_template("library/case.html", row=row, record=record_dict(row), similar=related,
                           factor_keys=FACTOR_KEYS, can_edit=can_edit_library(current_user))


@bp.route("/typical-cases/new", methods=["GET", "POST"])
@roles_required(*EDITOR_ROLES)
def new_case():
    return _editor(None)


@bp.route("/typical-cases/<case_id>/edit", methods=["GET", "POST"])
@roles_required(*EDITOR_ROLES)
def edit_case(case_id: str):
    return _editor(case_or_404(case_id))


@bp.route("/typical-cases/<case_id>/publish", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def publish_case(case_id: str):
    try:
        publish(case_or_404(case_id), current_user)
    except ValidationFailed as failure:
        flash(_("还不能公开：") + "；".join(failure.errors.values()), "error")
        return redirect(url_for("library.edit_case", case_id=case_id))
    flash(_("案例已公开，可以检索。"), "info")
    return redirect(url_for("library.case_page", case_id=case_id))


@bp.route("/typical-cases/<case_id>/withdraw", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def withdraw_case(case_id: str):
    withdraw(case_or_404(case_id), current_user)
    flash(_("案例已撤下，不再公开。"), "info")
    return redirect(url_for("library.edit_case", case_id=case_id))


def _editor(row):
    data = editor_data_from_form(request.form) if request.method == "POST" else editor_defaults(row)
    errors, status = {}, 200
    if request.method == "POST" and "save" in request.form:
        try:
            saved = save_draft(data, current_user, case_id=row.id if row else None,
                               expected_version=int(request.form.get("version") or 0) if row else None)
        except (ValidationFailed, Conflict) as refused:
            errors = getattr(refused, "errors", None) or {"_": refused.message}
            status = refused.status
        else:
            flash(_("草稿已保存。"), "info")
            return redirect(url_for("library.edit_case", case_id=saved.id))
    return render_template(
        "library/editor.html", row=row, data=data, errors=errors, preview=request.method == "POST",
        choices={"occupation": OCCUPATIONS, "outcome": OUTCOMES, "region": PROVINCES, "claims": CLAIM_KINDS,
                 "respondent_kinds": RESPONDENT_KINDS, "factors": FACTOR_KEYS},
    ), status


@bp.route("/cases/<case_no>/publication", methods=["POST"])
@roles_required(*EDITOR_ROLES)
def draft_from_closed_case(case_no: str):
    from disputes.cases.queries import case_by_number
    from disputes.library.publication import draft_from_case
    from disputes.permissions import require_case_visible

    case = case_by_number(case_no)
    require_case_visible(current_user, case)
    row = draft_from_case(case, current_user, keep_platform_names=request.form.get("keep_platforms") == "1")
    flash(_("已生成匿名化草稿，请对照原文审核。"), "info")
    return redirect(url_for("library.review_draft", case_id=row.id))


@bp.route("/typical-cases/<case_id>/review")
@roles_required(*EDITOR_ROLES)
def review_draft(case_id: str):
    from disputes.library.publication import review

    row = case_or_404(case_id)
    return render_template("library/review.html", row=row, review=review(row))
