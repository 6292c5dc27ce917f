"""`/` sends each role to its desk; workers see their own cases; the public sees the ways in."""
import sqlalchemy as sa
from flask import redirect, render_template, url_for
from flask_login import current_user

from disputes.extensions import db
from disputes.home import bp
from disputes.home.guide import stages
from disputes.home.services import PUBLIC_LINKS
from disputes.models import Case
from disputes.permissions import can


@bp.route("/")
def index():
    if can(current_user, "work_queues"):
        return redirect(url_for("cases.queue"))
    own_cases = []
    if can(current_user, "follow_own_cases"):
        own_cases = db.session.scalars(
            sa.select(Case).where(Case.worker_user_id == current_user.id).order_by(Case.id.desc())
        ).all()
    return render_template("home/index.html", desk=PUBLIC_LINKS, own_cases=own_cases)


@bp.route("/guide")
def guide():
    """What happens at each stage, how long it may take and what each party can do, in plain words."""
    return render_template("home/guide.html", stages=stages())


@bp.route("/healthz")
def health():
    return {"status": "ok"}
