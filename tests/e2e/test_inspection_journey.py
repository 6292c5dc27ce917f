"""A rider on a phone files a wage claim as a dispute and a complaint to the labour inspectorate at once
(劳动争议调解仲裁法第九条), follows both, and sees the inspector's decision — in a real Chromium."""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import Problems
from tests.e2e.test_worker_journeys import ANSWERS, sign_in, walk_to_check

pytestmark = pytest.mark.e2e

WAGE_CLAIM = ANSWERS | {"claims-0-amount": ("fill", "6800")}
BOTH = "同时申请调解仲裁并投诉"


def look_up(page, base, number: str, code: str) -> None:
    page.goto(f"{base}/status")
    page.get_by_label("案件编号").fill(number)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询", exact=True).click()


def test_a_rider_files_a_wage_complaint_and_a_dispute_at_once_and_follows_both(phone, desk, live_server, shot):
    problems = Problems()
    worker = problems.watch(phone.new_page())
    walk_to_check(worker, live_server, WAGE_CLAIM)
    choice = worker.get_by_label(BOTH)
    choice.check()  # a tap on the option's label, as on a phone
    expect(choice).to_be_checked()
    shot(worker, "1-both-chosen")
    worker.get_by_role("button", name="提交投诉").click()
    worker.wait_for_url("**/intake/receipt")

    # One filing, two numbers and two codes: the dispute's and the complaint's.
    case_no = worker.get_by_test_id("case-no").inner_text().strip()
    code = worker.get_by_test_id("access-code").inner_text().strip()
    matter_no = worker.get_by_test_id("matter-no").inner_text().strip()
    matter_code = worker.get_by_test_id("matter-code").inner_text().strip()
    assert re.fullmatch(r"J\d{4}-\d{7}", matter_no) and matter_code != code
    expect(worker.locator("#receipt-title").locator("..")).to_contain_text("5 个工作日内决定是否受理")
    shot(worker, "2-receipt-with-two-numbers")

    # The dispute's page names the complaint filed with it, and its state.
    look_up(worker, live_server, case_no, code)
    worker.wait_for_url("**/status/case")
    linked = worker.locator("section", has=worker.locator("#inspection-title"))
    expect(linked).to_contain_text(matter_no)
    expect(linked).to_contain_text("已接收")
    shot(worker, "3-dispute-shows-complaint")

    # The complaint's own page, by its J-number and code, names the dispute and the five-day decision.
    look_up(worker, live_server, matter_no, matter_code)
    worker.wait_for_url("**/status/matter")
    expect(worker.locator("#status-title")).to_have_text("已接收")
    expect(worker.locator("section", has=worker.locator("#dispute-title"))).to_contain_text(case_no)
    shot(worker, "4-complaint-status")

    # The inspector of the place opens a case on the complaint, at a desk.
    inspector = problems.watch(desk.new_page())
    sign_in(inspector, live_server, "inspector")
    inspector.goto(f"{live_server}/inspection/")
    inspector.get_by_role("link", name=matter_no).click()
    action = inspector.locator("details").filter(has=inspector.locator("summary", has_text="立案"))
    action.locator("summary").first.click()
    action.get_by_role("button", name=re.compile("立案")).first.click()
    expect(inspector.get_by_test_id("matter-state")).to_have_text("立案调查中")

    # The rider sees it on the next look, with the investigation's period and its article.
    worker.reload()
    expect(worker.locator("#status-title")).to_have_text("立案调查中")
    expect(worker.locator(".portal-status .next-step").first).to_contain_text("第十七条")
    expect(worker.locator(".timeline")).to_contain_text("受理并立案")
    shot(worker, "5-complaint-under-investigation")
    assert not problems, problems
