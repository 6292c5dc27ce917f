"""Dispute Desk: the Flask application for labour disputes of platform workers."""
from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from disputes.config import MIGRATIONS_DIR, STATIC_DIR, TEMPLATES_DIR, apply_config, instance_path_from_env


class DisputesFlask(Flask):
    """Flask, asking each view and hook once whether it is a coroutine function.

    Flask asks at every call (inspect, about ten times a request: 3 % of a hot read); whether a
    function is a coroutine function does not change, so the answer is kept per function. Views and
    hooks are a few hundred; functions made afresh for one request (after_this_request) are asked
    as before once the table is full, so it never grows past ``SYNC_TABLE_SIZE``.
    """

    SYNC_TABLE_SIZE = 4096

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._synchronous: dict[Any, Any] = {}

    def ensure_sync(self, func):
        try:
            return self._synchronous[func]
        except KeyError:
            made = super().ensure_sync(func)
            if len(self._synchronous) < self.SYNC_TABLE_SIZE:
                self._synchronous[func] = made
            return made
        except TypeError:  # an unhashable callable: ask every time, as Flask does
            return super().ensure_sync(func)


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: configuration, extensions, security, features, CLI, errors."""
    app = DisputesFlask(
        "disputes",
        instance_path=(config or {}).get("INSTANCE_PATH") or instance_path_from_env(),
        instance_relative_config=True,
        template_folder=str(TEMPLATES_DIR),
        static_folder=str(STATIC_DIR),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    apply_config(app, config)
    _check_pdf_font(app)
    _check_redis(app)
    _init_extensions(app)
    _register_features(app)
    _register_cli(app)
    _trust_proxies(app)
    return app


def _trust_proxies(app: Flask) -> None:
    """Behind DISPUTES_TRUSTED_PROXIES reverse proxies, take the client's address and scheme from the
    headers they set (X-Forwarded-For, -Proto, -Host), or every client would share one rate limit.

    Only as many hops as configured are believed, counted from the right: a client cannot choose its
    own address by sending the header itself. Zero (the default) believes no header.
    """
    hops = app.config["DISPUTES_TRUSTED_PROXIES"]
    if hops:
        from werkzeug.middleware.proxy_fix import ProxyFix

        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=hops, x_proto=hops, x_host=hops)


def _check_pdf_font(app: Flask) -> None:
    """Refuse to start without an embeddable CJK font: documents would otherwise print boxes."""
    from disputes.documents import FontMissing, resolve_font

    try:
        choice = resolve_font(app.config["DISPUTES_PDF_FONT"])
    except FontMissing as missing:
        raise RuntimeError(str(missing)) from None
    app.config["DISPUTES_PDF_FONT"] = f"{choice.path}:{choice.subfont_index}" if choice.subfont_index else choice.path


def _check_redis(app: Flask) -> None:
    """Refuse to serve without Redis: each worker would keep its own rate limits, and jobs would go nowhere.

    Tests build their apps with TESTING. Under the `flask` command the commands that need Redis check
    for themselves (`jobs worker`, `jobs scheduler`, enqueuing), so migrations, `user create`, backup
    and restore still work without it.
    """
    if app.testing or os.environ.get("FLASK_RUN_FROM_CLI") == "true":
        return
    from disputes.extensions import RedisUnavailable, require_redis

    try:
        require_redis(app, "The web server")
    except RedisUnavailable as missing:
        raise RuntimeError(str(missing)) from None


def _init_extensions(app: Flask) -> None:
    from disputes import database, i18n, logging_setup, models, security, templating  # noqa: F401  (models: mappers for Alembic)
    from disputes.auth.identity import init_login
    from disputes.extensions import csrf, db, limiter, migrate

    logging_setup.init_app(app)
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(MIGRATIONS_DIR))
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    init_login(app)
    security.init_app(app)
    templating.init_app(app)


def _register_features(app: Flask) -> None:
    """Each feature registers its blueprint, its after-event hooks and its case-page panels.

    The API blueprint comes last: every feature's ``api.py`` has added its routes to it by then.
    """
    from disputes import (
        admin, alerts, api, assessments, auth, case_documents, cases, dashboard, errors, evidence, holidays, home, inspection,
        intake, jobs, library, notifications, portal, publication,
    )

    for feature in (home, auth, intake, portal, cases, case_documents, notifications, evidence, library, assessments,
                    publication, alerts, inspection, dashboard, admin, holidays, jobs, api):
        feature.init_app(app)
    errors.init_app(app)


def _register_cli(app: Flask) -> None:
    from disputes.cli import register_commands

    register_commands(app)
