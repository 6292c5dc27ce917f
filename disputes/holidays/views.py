"""GET/POST /admin/holidays: each year's calendar, and entering a year's notice in two steps (read, then publish)."""
from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from disputes.errors import ValidationFailed
from disputes.holidays import bp
from disputes.holidays.forms import NoticeForm
from disputes.holidays.services import calendar_overview, publish_arrangement, read_notice
from disputes.permissions import capability_required
from disputes.timekeeping import local_today
from workflows.holidays import date_ranges


@bp.route("", methods=["GET", "POST"])
@capability_required("administer")
def index():
    """Reading the notice only shows what was read; "publish" reads it again and saves it."""
    form = NoticeForm()
    read, status = None, 200
    if form.validate_on_submit():
        try:
            read = read_notice(year=form.year.data, text=form.text.data, source=form.source.data,
                               url=form.url.data, published_on=form.published_on.data)
        except ValidationFailed as failure:
            form.attach_errors(failure.errors)
            status = 422
        else:
            if request.form.get("action") == "publish":
                said = publish_arrangement(current_user, read)
                flash(_("已发布 %(year)d 年放假调休安排，此后计算期限按该安排。", year=read.year) + " " + said, "info")
                return redirect(url_for("holidays.index"))
    elif form.errors:
        status = 422
    return render_template("holidays/index.html", form=form, years=calendar_overview(local_today()), read=read,
                           read_days_off=date_ranges(sorted(read.days_off)) if read else []), status
