"""The kinds of failure a service can report, and the one place that maps them to HTTP."""
from __future__ import annotations

from typing import Any, Mapping

from flask import Flask, jsonify, make_response, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import ngettext
from flask_wtf.csrf import CSRFError
from sqlalchemy.orm.exc import StaleDataError
from werkzeug.exceptions import HTTPException


class DomainError(Exception):
    """Base of the errors services raise; each maps to one HTTP status."""

    status = 400

    def __init__(self, message: str = "", **payload: Any):
        super().__init__(message)
        self.message = message
        self.payload = payload

    def body(self) -> dict[str, Any]:
        return {"error": self.message, **self.payload}


class ValidationFailed(DomainError):
    """Input that is well-formed but wrong: a message per field, in the user's language."""

    status = 422

    def __init__(self, errors: Mapping[str, str]):
        super().__init__(_("提交的内容有误，请按提示修改。"))
        self.errors = dict(errors)

    def body(self) -> dict[str, Any]:
        return {"error": self.message, "errors": self.errors}


class BadInput(DomainError):
    """A request that is not even the right shape (not JSON, not an object…)."""

    status = 400

    def __init__(self, message: str, field: str = "_request"):
        super().__init__(message)
        self.errors = {field: message}

    def body(self) -> dict[str, Any]:
        return {"error": self.message, "errors": self.errors}


class NotAuthenticated(DomainError):
    status = 401


class PermissionDenied(DomainError):
    status = 403


class NotFound(DomainError):
    status = 404


class Conflict(DomainError):
    """The request clashes with the object's current state (stale version, wrong stage)."""

    status = 409


class ServiceUnavailable(DomainError):
    status = 503


class TooManyAttempts(DomainError):
    """A limit a service keeps itself (not a route's), answered like the limiter's 429s."""

    status = 429

    def __init__(self, retry_after: int):
        super().__init__("")
        self.retry_after = max(1, int(retry_after))


def wants_json() -> bool:
    """API paths and clients that ask for JSON get JSON errors; browsers get pages."""
    return request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json"


def _render(status: int, body: dict[str, Any]):
    if wants_json():
        return jsonify(body), status
    return render_template("errors/error.html", status=status, message=body.get("error", "")), status


def init_app(app: Flask) -> None:
    """Register the handlers: domain errors, CSRF refusals, HTTP errors and the unexpected; and the
    door every request passes: ids past the database's range are not found, text no column can
    hold (NUL, lone surrogates) in the query string, a form or a file name is a 400 naming the field."""
    from disputes.validation import unreadable_text, unreadable_text_message, whole_number

    @app.url_value_preprocessor
    def _refuse_unreachable_path_values(_endpoint, values):
        for value in (values or {}).values():
            out_of_range = isinstance(value, int) and whole_number(value) is None
            if out_of_range or unreadable_text(value):
                raise NotFound(_("没有找到您要的页面或记录。"))

    @app.before_request
    def _refuse_unreadable_text():
        for source in (request.args, request.form):
            for key, value in source.items(multi=True):
                if unreadable_text(key) or unreadable_text(value):
                    raise BadInput(unreadable_text_message(), field="_request" if unreadable_text(key) else key)
        for key, upload in request.files.items(multi=True):
            if unreadable_text(upload.filename):
                raise BadInput(unreadable_text_message(), field=key)

    @app.errorhandler(DomainError)
    def _domain_error(error: DomainError):
        if isinstance(error, TooManyAttempts):
            return _too_many_requests(error.retry_after)
        if isinstance(error, NotAuthenticated) and not wants_json():
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        return _render(error.status, error.body())

    @app.errorhandler(CSRFError)
    def _csrf_error(error: CSRFError):
        message = _("页面已过期或请求来源无法验证（CSRF），请刷新页面后重试。")
        return _render(400, {"error": message, "errors": {"csrf": message}})

    @app.errorhandler(HTTPException)
    def _http_error(error: HTTPException):
        if error.code == 429:
            return _too_many_requests()
        return _render(error.code or 500, {"error": _http_message(error)})

    @app.errorhandler(StaleDataError)
    def _changed_meanwhile(_error: StaleDataError):
        # A versioned row (a case, a typical case) that another request changed between our read and
        # our write: nothing of ours was written, and the user can reload and try again.
        from disputes.extensions import db

        db.session.rollback()
        return _render(409, {"error": _("该记录刚被他人修改，您的更改没有保存。请刷新后重试。")})

    @app.errorhandler(Exception)
    def _unexpected(error: Exception):
        from disputes.extensions import db

        db.session.rollback()  # whatever the request had half-done is not written
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        return _render(500, {"error": _("系统内部错误，已记录。您提交的内容没有丢失，请稍后重试。")})


def _too_many_requests(seconds: int | None = None):
    """429 saying in plain words when to try again (the limiter adds Retry-After to its own)."""
    import math
    import time

    from disputes.extensions import limiter

    if seconds is None:
        current = limiter.current_limit
        seconds = max(1, math.ceil(current.reset_at - time.time())) if current else 60
    if seconds >= 60:
        wait = ngettext("%(num)d 分钟", "%(num)d 分钟", math.ceil(seconds / 60))
    else:
        wait = ngettext("%(num)d 秒", "%(num)d 秒", seconds)
    message = _("尝试次数过多，请 %(wait)s后再试。", wait=wait)
    response, status = _render(429, {"error": message, "retry_after": seconds})
    response = make_response(response, status)
    response.headers.setdefault("Retry-After", str(seconds))
    return response


def _http_message(error: HTTPException) -> str:
    messages = {
        400: _("请求格式不正确。"),
        401: _("请先登录。"),
        403: _("您没有权限进行此操作。"),
        404: _("没有找到您要的页面或记录。"),
        405: _("不支持这种请求方式。"),
        413: _("上传的内容太大。"),
        415: _("不支持的内容类型。"),
        429: _("请求过于频繁，请稍后再试。"),
    }
    return messages.get(error.code or 500, error.description or _("请求失败。"))
