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
from disputes.library.queries import search_query_from
from disputes.library.records import record_dict
from disputes.library.services import case_or_404, save_draft
from disputes.permissions import can, can_read_typical_case, capability_required
from disputes.validation import whole_number
from disputes.vocabulary import CLAIM_KINDS, RESPONDENT_KINDS


@bp.route("/typical-cases")
def search_page():
    query = search_query_from(request.args)
    result = search(query)
    return render_template("library/search.html", result=result, query=query, args=request.args)


@bp.route("/typical-cases/<case_id>")
def case_page(case_id: str):
    row = case_or_404(case_id)
    if not can_read_typical_case(current_user, row):
        abort(404)
    related = similar(row.id, limit=5) if row.status == "published" else []
    return render_template("library/case.html", row=row, record=record_dict(row), similar=related,
                           factor_keys=FACTOR_KEYS, can_edit=can(current_user, "edit_library"))


@bp.route("/typical-cases/new", methods=["GET", "POST"])
@capability_required("edit_library")
def new_case():
    return _editor(None)


@bp.route("/typical-cases/<case_id>/edit", methods=["GET", "POST"])
@capability_required("edit_library")
def edit_case(case_id: str):
    return _editor(case_or_404(case_id))


def _editor(row):
    data = editor_data_from_form(request.form) if request.method == "POST" else editor_defaults(row)
    errors, status = {}, 200
    if request.method == "POST" and "save" in request.form:
        try:
            saved = save_draft(data, current_user, case_id=row.id if row else None,
                               expected_version=_seen_version(request.form.get("version")) if row else None)
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


def _seen_version(text) -> int:
    """The version the editor was rendered with; an unreadable one is stale (-1 never matches)."""
    version = whole_number(text or "0")
    return -1 if version is None else version
