"""POST /api/v1/tokens: a bearer token for a username and password (shown once, kept as a hash);
DELETE /api/v1/tokens/current: the calling token ends."""
from flask import current_app, jsonify
from flask_babel import gettext as _
from flask_login import current_user

from disputes.api import bp
from disputes.api.openapi import describe, error_answer, json_body_schema
from disputes.api.requests import json_body
from disputes.auth.identity import calling_token_id
from disputes.auth.services import authenticate, issue_token, revoke_token
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


@bp.route("/tokens/current", methods=["DELETE"])
def revoke_current_token():
    token_id = calling_token_id()
    if token_id is None:
        raise NotAuthenticated(_("请用要撤销的 API 令牌调用（Authorization: Bearer …）。"))
    revoke_token(current_user, token_id)
    return "", 204


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
describe("/tokens/current", "delete", {
    "summary": "Revoke the bearer token this call is made with; it is refused from then on",
    "responses": {"204": {"description": "revoked"},
                  "401": error_answer("no bearer token, or one that is invalid, expired or already revoked")},
})
