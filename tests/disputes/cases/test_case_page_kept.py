"""The staff's case page opened again is the page kept from the last opening (cases/page_reading.py),
and only while nothing it shows has changed: the case, what a panel shows, the reader, the day, the
language, the session whose CSRF token its forms carry."""
from __future__ import annotations

import re

from flask import current_app

from disputes.assessments.services import assess_case, save_case_assessment
from disputes.cases.panels import register_case_panel
from disputes.cases.services import apply_event
from disputes.evidence.services import Upload, add_evidence
from disputes.extensions import db
from disputes.inspection.services import apply_event as apply_matter_event
from tests.factories import DEFAULT_PASSWORD, intake_payload, organisation_for
from tests.support import csrf_token, selects_during

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 200


def page(client, case_no: str, **params) -> str:
    answer = client.get(f"/cases/{case_no}", query_string=params)
    assert answer.status_code == 200, answer.status_code
    return answer.get_data(as_text=True)


# A CSRF token carries the second it was signed in: a page rendered afresh a second later holds another
# token of the same session, as valid as the kept page's.
SIGNED_AT = re.compile(r'((?:name="csrf_token" value|name="csrf-token" content)="[^".]+)\.[^"]+"')


def rendered_afresh(client, case_no: str, **params) -> str:
    """The page as it is rendered with nothing kept, for comparison, its tokens' signing time as in
    the page kept (``kept_tokens``)."""
    cache = current_app.extensions["reading_cache:case-page"]
    kept_for, cache.seconds = cache.seconds, 0
    try:
        return kept_tokens(page(client, case_no, **params))
    finally:
        cache.seconds = kept_for


def kept_tokens(html: str) -> str:
    """The page with each CSRF token cut to the session's part, leaving out when it was signed."""
    return SIGNED_AT.sub(r'\1"', html)


def signed_in(client, auth, role: str = "mediator"):
    """Signed in, with the welcome message read (a page with a message to show is never kept)."""
    user = auth.login_as(role)
    client.get("/cases")
    return user


def form_token(html: str) -> str:
    return re.search(r'name="csrf-token" content="([^"]+)"', html).group(1)


def test_opening_the_page_again_reads_only_the_cases_short_row(client, auth, file_case):
    signed_in(client, auth)
    case_no = file_case().case.case_no
    first = page(client, case_no)
    db.session.remove()  # a new request: nothing of the case in the session
    pages = []
    selects = selects_during(lambda: pages.append(page(client, case_no)))
    assert pages[0] == first
    assert len(selects) <= 2, "\n".join(s[:120] for s in selects)  # the signed-in user; the short row


def test_an_event_fired_on_the_case_shows_at_the_next_opening(client, auth, file_case):
    mediator = signed_in(client, auth)
    case = file_case().case
    before = page(client, case.case_no)
    apply_event(case, "accept", mediator, expected_version=case.version)  # as a job or the API would
    db.session.commit()
    after = page(client, case.case_no)
    assert after != before and kept_tokens(after) == rendered_afresh(client, case.case_no)


def test_a_saved_assessment_shows_at_the_next_opening_though_it_does_not_change_the_case(client, auth, file_case):
    mediator = signed_in(client, auth)
    case = file_case().case
    version = case.version
    page(client, case.case_no)
    save_case_assessment(case, assess_case(case), mediator)
    db.session.commit()
    assert case.version == version  # the case itself did not change
    after = page(client, case.case_no)
    assert "评估人" in after or mediator.display_name in after
    assert kept_tokens(after) == rendered_afresh(client, case.case_no)


def test_a_file_of_evidence_added_shows_at_the_next_opening(client, auth, file_case):
    mediator = signed_in(client, auth)
    case = file_case().case
    assert "排班表.png" not in page(client, case.case_no)
    add_evidence(case, Upload("排班表.png", PNG, None), by=mediator)
    db.session.commit()
    assert "排班表.png" in page(client, case.case_no)


def test_a_change_of_the_linked_inspection_matter_shows_at_the_next_opening(client, auth, make_user):
    signed_in(client, auth)
    _, headers = auth.token_for("mediator")
    body = client.post("/api/v1/cases", json=intake_payload(claims=[{"kind": "wage_arrears", "amount": "8600.00"}],
                                                             filing="both"), headers=headers).get_json()
    case_no = body["case_no"]
    before = page(client, case_no)
    from disputes.inspection.services import matter_for

    inspector = make_user(role="inspector")
    matter = matter_for(inspector, body["inspection"]["matter_no"])
    apply_matter_event(matter, "open_case", inspector, {}, expected_version=matter.version)
    db.session.commit()
    after = page(client, case_no)
    assert after != before and kept_tokens(after) == rendered_afresh(client, case_no)


def test_a_reader_moved_to_another_provinces_office_is_refused_though_their_page_was_kept(client, auth, file_case):
    mediator = signed_in(client, auth)
    case_no = file_case().case.case_no
    page(client, case_no)
    mediator.organisation = organisation_for("mediator", "44")
    db.session.commit()
    assert client.get(f"/cases/{case_no}").status_code == 403


def test_a_reader_whose_role_changed_is_offered_what_the_new_role_may_do(client, auth, file_case):
    reader = signed_in(client, auth)
    case_no = file_case().case.case_no
    as_mediator = page(client, case_no)
    reader.role = "arbitrator"
    db.session.commit()
    as_arbitrator = page(client, case_no)
    assert as_arbitrator != as_mediator and kept_tokens(as_arbitrator) == rendered_afresh(client, case_no)


def test_each_session_gets_the_page_with_its_own_forms_token(app, auth, file_case, make_user):
    case_no = file_case().case.case_no
    user = make_user(role="mediator", username="twice")
    pages = []
    for _ in range(2):
        client = app.test_client()
        client.post("/login", data={"username": "twice", "password": DEFAULT_PASSWORD,
                                    "csrf_token": csrf_token(client)})
        pages.append((client, page(client, case_no)))
    (first, first_page), (second, second_page) = pages
    assert form_token(first_page) != form_token(second_page)
    assert page(first, case_no) == first_page  # kept for the first session, with its token
    note = first.post(f"/cases/{case_no}/events", data={"event": "accept", "version": "1",
                                                        "csrf_token": form_token(page(first, case_no))})
    assert note.status_code == 302 and user.id


def test_a_message_after_an_event_shows_once(client, auth, file_case):
    signed_in(client, auth)
    case = file_case().case
    html = page(client, case.case_no)
    fired = client.post(f"/cases/{case.case_no}/events",
                        data={"event": "accept", "version": str(case.version), "csrf_token": form_token(html)},
                        follow_redirects=True)
    flashed = fired.get_data(as_text=True)
    assert 'class="flash' in flashed
    again = page(client, case.case_no)
    assert 'class="flash' not in again and kept_tokens(again) == rendered_afresh(client, case.case_no)


def test_the_language_asked_for_is_the_language_shown(client, auth, file_case):
    signed_in(client, auth)
    case_no = file_case().case.case_no
    chinese = page(client, case_no)
    english = page(client, case_no, lang="en")
    assert 'lang="en"' in english and 'lang="zh-CN"' in chinese
    assert page(client, case_no, lang="zh_CN") == chinese


def test_a_page_kept_yesterday_is_rendered_again_today(app, client, auth, file_case):
    signed_in(client, auth)
    case_no = file_case().case.case_no
    app.config["DISPUTES_TODAY"] = "2026-12-07"
    page(client, case_no)
    app.config["DISPUTES_TODAY"] = "2026-12-08"
    selects = selects_during(lambda: page(client, case_no))
    assert len(selects) >= 3  # the short row, then the case loaded afresh


def test_a_page_with_a_panel_that_cannot_say_what_changes_it_is_never_kept(app, client, auth, file_case):
    register_case_panel(app, "unstamped", "publication/_case_panel.html", lambda case, user: None, order=99)
    signed_in(client, auth)
    case_no = file_case().case.case_no
    page(client, case_no)
    selects = selects_during(lambda: page(client, case_no))
    assert len(selects) >= 3  # the whole case again, every time
