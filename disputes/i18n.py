"""Language choice: Simplified Chinese unless the user picked English."""
from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, current_app, has_request_context, request, session
from flask_babel import get_translations
from jinja2 import pass_context
from markupsafe import Markup

from disputes.extensions import babel

TRANSLATIONS_DIR = Path(__file__).parent / "translations"

# Full-width punctuation the templates put beside a label ("{{ _('平台') }}：{{ name }}") is English's
# half-width one once the label is English. Only a mark with a Latin letter, a digit or ASCII
# punctuation on one side changes: between two Chinese characters it belongs to Chinese text (a
# worker's own words, a company's name) and is left as written.
_HALF_WIDTH = {"：": ":", "（": "(", "）": ")", "，": ",", "；": ";", "、": ",", "。": "."}
_BESIDE_ENGLISH = re.compile("(?<=[\\x21-\\x7e])[：（），；、。]|[：（），；、。](?=[\\x21-\\x7e])")


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


def template_gettext(translations) -> dict:
    """The templates' gettext and ngettext bound to one request's translations.

    Flask-Babel's own look the translations up again at every call (a page calls them a hundred
    times or more: a fifth of the staff case page's time); these behave as Jinja's new-style ones
    do: escaped under autoescape, and always a format string. A template that does not get the
    request's context (a macro imported without it) still has Flask-Babel's.
    """
    found, found_plural = translations.ugettext, translations.ungettext
    # Markup only on the catalogue's own text (a msgid in the code or its reviewed translation), as
    # Jinja's new-style gettext does; the values put into it are escaped by Markup's %.

    @pass_context
    def gettext(context, string: str, **variables):
        text = found(string)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables  # nosec B704

    @pass_context
    def ngettext(context, singular: str, plural: str, number: int, **variables):
        variables.setdefault("num", number)
        text = found_plural(singular, plural, number)
        return (Markup(text) if context.eval_ctx.autoescape else text) % variables  # nosec B704

    return {"gettext": gettext, "ngettext": ngettext}


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

        if response.mimetype != "text/html" or response.direct_passthrough:
            return response
        locale = get_locale()
        if locale is not None and locale.language == "en":
            response.set_data(half_width_punctuation(response.get_data(as_text=True)))
        return response

    @app.context_processor
    def _this_requests_translations():
        return template_gettext(get_translations())

    @app.context_processor
    def _language_context():
        from flask_babel import get_locale

        locale = get_locale()
        english = bool(locale and locale.language == "en")
        # current_language: the locale's name; text_language: the key casebase's Words use ("zh" / "en").
        return {"current_language": "en" if english else "zh_CN", "text_language": "en" if english else "zh"}
