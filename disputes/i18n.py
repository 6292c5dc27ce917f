"""Language choice: Simplified Chinese unless the user picked English."""
from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session

from disputes.extensions import babel

TRANSLATIONS_DIR = Path(__file__).parent / "translations"

# Full-width punctuation the templates put beside a label ("{{ _('平台') }}：{{ name }}") is English's
# half-width one once the label is English. Only a mark with a Latin letter, a digit or ASCII
# punctuation on one side changes: between two Chinese characters it belongs to Chinese text (a
# worker's own words, a company's name) and is left as written.
_HALF_WIDTH = {"：": ":", "（": "(", "）": ")", "，": ",", "；": ";", "、": ","}
_BESIDE_ENGLISH = re.compile("(?<=[\\x21-\\x7e])[：（），；、]|[：（），；、](?=[\\x21-\\x7e])")


def half_width_punctuation(html: str) -> str:
    """The page's full-width marks that stand beside English as their half-width forms, with the
    space English puts after ":", ",", ";" and ")" and before "(" where none is there already."""
    def half(found: re.Match) -> str:
        mark = _HALF_WIDTH[found.group(0)]
        before = html[found.start() - 1] if found.start() else " "
        after = html[found.end()] if found.end() < len(html) else " "
        if mark == "(":
            return mark if before.isspace() or before in "(>" else " " + mark
        closing_tag = html.startswith("</", found.end())
        return mark if after.isspace() or after in "),.;:" or closing_tag else mark + " "

    return _BESIDE_ENGLISH.sub(half, html)


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

    @app.after_request
    def _english_punctuation(response):
        from flask_babel import get_locale

        locale = get_locale()
        if (locale is not None and locale.language == "en" and response.mimetype == "text/html"
                and not response.direct_passthrough):
            response.set_data(half_width_punctuation(response.get_data(as_text=True)))
        return response

    @app.context_processor
    def _language_context():
        from flask_babel import get_locale

        locale = get_locale()
        return {"current_language": "en" if locale and locale.language == "en" else "zh_CN"}
