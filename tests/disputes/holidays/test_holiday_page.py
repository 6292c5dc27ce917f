"""/admin/holidays: the State Council's yearly notice entered, checked, confirmed, and used everywhere.

The scenario is every November or December: next year's dates are provisional until the notice
appears. Here 2026 plays next year: its published arrangement (the real 2026 notice, 国务院办公厅
2025-11-04) is hidden first, as if not yet published, and then entered through the page.
"""
import datetime as dt

import pytest
import sqlalchemy as sa

import workflows
from disputes.extensions import db
from disputes.jobs.services import list_jobs
from disputes.models import AuditEntry, HolidayArrangement
from tests.support import csrf_token
from tests.workflows.test_holidays import NOTICE_2026_SHORT
from workflows import calendar as cal

SOURCE = "《国务院办公厅关于2026年部分节假日安排的通知》（2025年11月4日）"
MAKE_UP_SATURDAY = dt.date(2026, 2, 14)  # 春节调休上班


@pytest.fixture
def before_the_2026_notice(monkeypatch):
    """2026 as it stood before its notice: no shipped or package arrangement, nothing registered."""
    monkeypatch.setattr(cal, "_shipped", lambda: {})
    monkeypatch.setattr(cal, "_package_arrangement", lambda year: None)
    cal._clear_caches()
    yield
    workflows.unregister_arrangement(2026)
    monkeypatch.undo()
    cal._clear_caches()


def notice_form(client, action="read", **changes):
    data = {"csrf_token": csrf_token(client, "/admin/holidays"), "year": "2026", "source": SOURCE,
            "url": "https://politics.gmw.cn/2025-11/04/content_38391083.htm", "published_on": "2025-11-04",
            "text": NOTICE_2026_SHORT, "action": action}
    data.update(changes)
    return data


def test_only_an_administrator_opens_the_page(client, auth):
    auth.login_as("mediator")
    assert client.get("/admin/holidays").status_code == 403


def test_a_year_without_its_notice_is_shown_as_provisional_with_its_statutory_days(client, auth, before_the_2026_notice):
    auth.login_as("admin")
    page = client.get("/admin/holidays").get_data(as_text=True)
    assert "尚未公布：期限为推算" in page and "2026-02-17（春节）" in page


def test_reading_the_notice_shows_what_was_read_and_saves_nothing(client, auth, before_the_2026_notice):
    auth.login_as("admin")
    page = client.post("/admin/holidays", data=notice_form(client)).get_data(as_text=True)
    assert 'data-testid="read-arrangement"' in page
    assert "2026-02-15 至 2026-02-23" in page and "2026-02-14、2026-02-28" in page and 'value="publish"' in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(HolidayArrangement)) == 0
    assert not workflows.calendar_known_for(2026)


def test_publishing_makes_the_days_count_at_once_and_is_audited(client, auth, before_the_2026_notice):
    admin = auth.login_as("admin")
    assert not workflows.is_working_day(MAKE_UP_SATURDAY)
    response = client.post("/admin/holidays", data=notice_form(client, action="publish"))
    assert response.status_code == 302
    assert workflows.calendar_known_for(2026) and workflows.is_working_day(MAKE_UP_SATURDAY)
    assert not workflows.is_working_day(dt.date(2026, 10, 7))
    row = db.session.get(HolidayArrangement, 2026)
    assert row.entered_by_id == admin.id and row.data["source"] == SOURCE
    entry = db.session.scalar(sa.select(AuditEntry).where(AuditEntry.action == "holiday_arrangement.enter"))
    assert entry.target == "2026" and entry.actor_id == admin.id
    page = client.get("/admin/holidays").get_data(as_text=True)
    assert "已发布 2026 年放假调休安排" in page and "flask --app wsgi deadlines check" in page  # no Redis here
    assert SOURCE in page


def test_a_notice_missing_an_item_is_refused_in_plain_words_and_nothing_changes(client, auth, before_the_2026_notice):
    auth.login_as("admin")
    without_spring = "\n".join(line for line in NOTICE_2026_SHORT.splitlines() if "春节" not in line)
    response = client.post("/admin/holidays", data=notice_form(client, action="publish", text=without_spring))
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "缺少法定节假日" in page and "春节" in page
    assert db.session.scalar(sa.select(sa.func.count()).select_from(HolidayArrangement)) == 0
    assert not workflows.calendar_known_for(2026)


@pytest.mark.parametrize("changes, field, message", [
    ({"year": "２０２６"}, "year", "年份"),
    ({"year": "1999"}, "year", "年份"),
    ({"source": " "}, "source", "通知的名称"),
    ({"url": "javascript:alert(1)"}, "url", "https://"),
    ({"text": ""}, "text", "粘贴"),
])
def test_bad_fields_are_named(client, auth, before_the_2026_notice, changes, field, message):
    auth.login_as("admin")
    response = client.post("/admin/holidays", data=notice_form(client, **changes))
    assert response.status_code == 422 and message in response.get_data(as_text=True)


def test_an_arrangement_saved_by_another_process_is_used_at_the_next_request(app, client, before_the_2026_notice):
    app.config["HOLIDAY_SYNC_SECONDS"] = 0
    read = workflows.arrangement_from_notice(2026, NOTICE_2026_SHORT, source=SOURCE)
    db.session.add(HolidayArrangement(year=2026, data=read.as_data()))
    db.session.commit()
    assert not workflows.calendar_known_for(2026)
    client.get("/")
    assert workflows.calendar_known_for(2026) and workflows.is_working_day(MAKE_UP_SATURDAY)


@pytest.mark.redis
def test_publishing_queues_the_deadline_check_for_the_open_cases(client, auth, before_the_2026_notice):
    auth.login_as("admin")
    client.post("/admin/holidays", data=notice_form(client, action="publish"))
    assert [row.kind for row in list_jobs()["queued"]] == ["check_deadlines"]
    assert "已排队重算" in client.get("/admin/holidays").get_data(as_text=True)


def test_a_case_read_kept_before_the_notice_is_computed_again_after_it(app, client, auth, file_case, before_the_2026_notice):
    from tests.support import selects_during

    app.config["HOLIDAY_SYNC_SECONDS"] = 0
    _, headers = auth.token_for("mediator")
    case_no = file_case().case.case_no
    client.get(f"/api/v1/cases/{case_no}", headers=headers)
    again = selects_during(lambda: client.get(f"/api/v1/cases/{case_no}", headers=headers))
    read = workflows.arrangement_from_notice(2026, NOTICE_2026_SHORT, source=SOURCE)
    db.session.add(HolidayArrangement(year=2026, data=read.as_data()))  # entered by another process
    db.session.commit()
    after = selects_during(lambda: client.get(f"/api/v1/cases/{case_no}", headers=headers))
    loads_history = lambda statements: any("FROM case_events" in s for s in statements)  # noqa: E731
    assert not loads_history(again) and loads_history(after)  # loaded afresh: its deadlines count the new days off
