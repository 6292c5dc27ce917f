"""The staff's case page, kept by the page's stamp for a reader who opens the same case again.

A mediator goes back to the case page between calls, after each document, after each hearing note.
What the page shows follows from the case at one stamp (disputes/reading_cache.py: its version, last
change and the holiday calendar), from what the registered panels show (each panel's stamp:
cases/panels.py, e.g. the newest saved assessment, the linked inspection matters' versions), the day,
the reader (what they may do follows from their role and office) and the language; its forms carry
the CSRF token of the reader's session (the kept page is the session's). So a repeated opening
fetches one row: the case's short row with the panels' stamps. The reader is checked against that row every time, kept or not; the kept
page is given only when every stamp and the day are those it was rendered at.

Not in the stamp, as with the API's reading: names from outside the case (an office's phone, a
handler renamed) and the colleagues the case could be handed to, which show within
CASE_PAGE_CACHE_SECONDS (and a hand-over is checked again when it is made). A page with a message to
flash is rendered and not kept: the message belongs to that one response.

Statements: a first opening 5 (the case with its panels' loads and stamps in its own statement), a
repeated one 2 (the signed-in user and the short row); tests/disputes/api/test_read_statements.py and
tests/disputes/cases/test_case_page_kept.py count them.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass

import sqlalchemy as sa
from flask import current_app, render_template, session
from flask_babel import get_locale

from disputes.cases.pages import case_page_context
from disputes.cases.panels import case_panel_loads, case_panel_stamps
from disputes.cases.queries import PAGE_VIEW, case_by_number, case_with_columns
from disputes.cases.reading import SHORT_ROW_COLUMNS, short_row_statement, visible_short_row
from disputes.models import User
from disputes.permissions import require_case_visible
from disputes.reading_cache import app_reading_cache, case_stamp
from disputes.timekeeping import local_today

_KEY = "disputes.case_page_statements"


@dataclass(frozen=True)
class _PageStatements:
    """The panels' stamps labelled, and the short row that carries them; built once per app."""

    stamps: tuple
    short_row: sa.Select


def _page_statements() -> _PageStatements | None:
    """None when a registered panel cannot say what its stamp is: its pages are never kept. Built
    again only when the panels' stamps are (a panel registered)."""
    stamps = case_panel_stamps()
    built_from, built = current_app.extensions.get(_KEY, (None, None))
    if built_from is not stamps:
        built = None
        if stamps is not None:
            labelled = tuple(expression.label(f"panel_stamp_{n}") for n, expression in enumerate(stamps))
            built = _PageStatements(labelled, short_row_statement(*labelled))
        current_app.extensions[_KEY] = (stamps, built)
    return built


def _page_stamp(version: int, updated_at, panel_stamps) -> str:
    return "|".join((case_stamp(version, updated_at), *(str(value) for value in panel_stamps)))


def _session_key(case_no: str) -> tuple | None:
    """Whose page this is, from the session alone (so a first opening loads the reader with the case,
    as before): the signed-in account with its session generation, the language, and the session's
    CSRF secret, whose token the page's forms carry. None when the session has not both."""
    account, secret = session.get("_user_id"), session.get("csrf_token")
    if not account or not secret:
        return None
    return (case_no, str(account), str(get_locale()), hashlib.sha256(str(secret).encode()).hexdigest()[:24])


def _standing(reader: User) -> list:
    """What of the reader decides what the page offers them, besides who they are."""
    return [reader.role, reader.organisation_id]


def case_page(case_no: str, reader: User) -> str:
    """The case page's HTML for `reader`, or NotFound / the refusal require_case_visible gives."""
    case_no = (case_no or "").strip()
    today = local_today()
    statements = _page_statements()
    keeps = statements is not None and "_flashes" not in session
    cache = app_reading_cache("case-page", "CASE_PAGE_CACHE")
    key = _session_key(case_no) if keeps and case_no else None
    kept = cache.get(key) if key is not None else None
    if kept is not None:
        row = visible_short_row(statements.short_row, case_no, reader)
        stamp = _page_stamp(row.version, row.updated_at, row[len(SHORT_ROW_COLUMNS):])
        if kept.answers(stamp, today) and kept.value["reader"] == _standing(reader):
            return kept.value["html"]
    options = (*PAGE_VIEW, *case_panel_loads())
    if statements is None:
        case, stamp = case_by_number(case_no, *options), None
    else:
        case, panel_stamps = case_with_columns(case_no, statements.stamps, *options)
        stamp = _page_stamp(case.version, case.updated_at, panel_stamps)
    require_case_visible(reader, case)
    html = render_template("cases/detail.html", **case_page_context(case, reader))
    if keeps and stamp is not None:
        key = _session_key(case_no)  # the render may have begun the session's CSRF secret
        if key is not None:
            cache.put(key, stamp, today, {"html": html, "reader": _standing(reader)})
    return html
