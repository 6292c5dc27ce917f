"""Language choice: Simplified Chinese unless the user picked English."""
from __future__ import annotations

from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session

from disputes.extensions import babel

TRANSLATIONS_DIR = Path(__file__).parent / "translations"


def select_locale() -> str:
    """The user's explicit choice (?lang= or the session), else the default zh_CN."""
    languages = current_app.config["LANGUAGES"]
    if not has_request_context():
        return current_app.config["BABEL_DEFAULT_LOCALE"]
    asked = request.args.get("lang")
    if asked in languages:
        return asked
    chosen = session.get("lang")
    return chosen if chosen in languages else current_app.config["BABEL_DEFAULT_LOCALE"]


def init_app(app: Flask) -> None:
    """Configure Flask-Babel and remember a language picked with ?lang= for the session."""
    app.config.setdefault("BABEL_TRANSLATION_DIRECTORIES", str(TRANSLATIONS_DIR))
    babel.init_app(app, locale_selector=select_locale)

    @app.before_request
    def _remember_language():
        asked = request.args.get("lang")
        if asked in app.config["LANGUAGES"] and session.get("lang") != asked:
            session["lang"] = asked

    @app.context_processor
    def _language_context():
        from flask_babel import get_locale

        locale = get_locale()
        return {"current_language": "en" if locale and locale.language == "en" else "zh_CN"}
