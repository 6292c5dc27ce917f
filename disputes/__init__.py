"""Dispute Desk: the Flask application for labour disputes of platform workers."""
from __future__ import annotations

from pathlib import Path
from typing import Any, Mapping

from flask import Flask

from disputes.config import apply_config, instance_path_from_env

PROJECT_ROOT = Path(__file__).resolve().parent.parent


def create_app(config: Mapping[str, Any] | None = None) -> Flask:
    """Build the application: configuration, extensions, security, blueprints, CLI, errors."""
    app = Flask(
        "disputes",
        instance_path=(config or {}).get("INSTANCE_PATH") or instance_path_from_env(),
        instance_relative_config=True,
        template_folder=str(PROJECT_ROOT / "templates"),
        static_folder=str(PROJECT_ROOT / "static"),
    )
    Path(app.instance_path).mkdir(parents=True, exist_ok=True)
    apply_config(app, config)
    _check_pdf_font(app)
    _init_extensions(app)
    _register_blueprints(app)
    _register_cli(app)
    return app


def _check_pdf_font(app: Flask) -> None:
    """Refuse to start without an embeddable CJK font: documents would otherwise print boxes."""
    from disputes.documents import FontMissing, resolve_font

    try:
        choice = resolve_font(app.config["DISPUTES_PDF_FONT"])
    except FontMissing as missing:
        raise RuntimeError(str(missing)) from None
    app.config["DISPUTES_PDF_FONT"] = f"{choice.path}:{choice.subfont_index}" if choice.subfont_index else choice.path


def _init_extensions(app: Flask) -> None:
    from disputes import database, i18n, logging_setup, models, security, templating  # noqa: F401  (models: mappers for Alembic)
    from disputes.auth.identity import init_login
    from disputes.extensions import csrf, db, limiter, migrate

    logging_setup.init_app(app)
    db.init_app(app)
    database.init_app(app)
    migrate.init_app(app, db, directory=str(PROJECT_ROOT / "migrations"))
    csrf.init_app(app)
    limiter.init_app(app)
    i18n.init_app(app)
    init_login(app)
    security.init_app(app)
    templating.init_app(app)


def _register_blueprints(app: Flask) -> None:
    from disputes import errors
    from disputes.admin import bp as admin_bp
    from disputes.api import bp as api_bp
    from disputes.assessments import bp as assessments_bp
    from disputes.auth import bp as auth_bp
    from disputes.case_documents import bp as case_documents_bp
    from disputes.dashboard import bp as dashboard_bp
    from disputes.evidence import bp as evidence_bp
    from disputes.cases import bp as cases_bp
    from disputes.home import bp as home_bp
    from disputes.intake import bp as intake_bp
    from disputes.library import bp as library_bp
    from disputes.portal import bp as portal_bp

    for blueprint in (home_bp, auth_bp, intake_bp, portal_bp, cases_bp, case_documents_bp, evidence_bp, library_bp,
                      assessments_bp, dashboard_bp, admin_bp, api_bp):
        app.register_blueprint(blueprint)
    errors.init_app(app)


def _register_cli(app: Flask) -> None:
    from disputes.cli import register_commands

    register_commands(app)
