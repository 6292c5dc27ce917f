"""`/` sends each role to its desk; the public sees the ways in."""
from flask import render_template
from flask_login import current_user

from disputes.home import bp
from disputes.home.services import desk_for


@bp.route("/")
def index():
    return render_template("home/index.html", desk=desk_for(current_user))


@bp.route("/healthz")
def health():
    return {"status": "ok"}
