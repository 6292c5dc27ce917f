"""POST /api/v1/tokens: a bearer token for a username and password."""
from flask import current_app, jsonify
from flask_babel import gettext as _

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_body_schema
from disputes.api.requests import json_body
from disputes.auth.services import authenticate, issue_token
from disputes.errors import NotAuthenticated, ValidationFailed
from disputes.extensions import limiter


@bp.route("/tokens", methods=["POST"])
@limiter.limit(lambda: current_app.config["LOGIN_RATE_LIMIT"])
def create_token():
    payload = json_body()
    username, password = payload.get("username"), payload.get("password")
    errors = {key: _("此项必填。") for key, value in (("username", username), ("password", password))
              if not isinstance(value, str) or not value}
    if errors:
        raise ValidationFailed(errors)
    user = authenticate(username, password)
    if user is None:
        raise NotAuthenticated(_("用户名或密码不正确。"))
    return jsonify({"token": issue_token(user), "role": user.role}), 201


describe("/tokens", "post", {
    "summary": "Exchange a username and password for a bearer token",
    "security": [],
    "requestBody": json_body_schema({"type": "object", "required": ["username", "password"],
                                     "properties": {"username": {"type": "string"}, "password": {"type": "string"}}}),
    "responses": {"201": {"description": "token", "content": {"application/json": {"schema": {
        "type": "object", "properties": {"token": {"type": "string"}, "role": {"type": "string"}}}}}},
        "400": error_answer("not JSON"), "401": error_answer("wrong username or password"),
        "422": error_answer("missing fields"), "429": error_answer("too many attempts")},
})
