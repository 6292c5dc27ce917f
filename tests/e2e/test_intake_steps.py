"""The worker's complaint in steps, phone first (issue 22): a real Chromium at 390 × 844 and 1366 × 900
against a live server, with axe-core on every step; the journey with and without JavaScript.

The phone's screenshots of each step are kept for the docs in docs/screens/intake-<n>-<step>.png
(palette PNGs, to stay small); every test's own shots go to tests/artifacts/e2e as elsewhere.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from disputes.intake.drafts.steps import CHECK, STEPS
from tests.e2e.conftest import Problems, assert_accessible, docs_shot, sized_context
from tests.e2e.test_worker_journeys import (
    ANSWERS, FACTS, answers_of, fill_in, go_on, read_receipt, send_complaint, tiny_png, walk_to_check,
)

pytestmark = pytest.mark.e2e

GOOD = ANSWERS | {"claims-0-amount": ("fill", "6800")}
SECOND_EMPLOYER = {"respondents-1-name": ("fill", "城达劳务派遣有限公司"), "respondents-1-kind": ("select", "劳务派遣单位")}


@pytest.fixture
def no_script(browser):
    """A phone whose browser runs no JavaScript: the steps must work by plain form posts."""
    context = sized_context(browser, "phone", java_script_enabled=False)
    yield context
    context.close()


def next_case_no(case_no: str) -> str:
    year, number = case_no.split("-")
    return f"{year}-{int(number) + 1:0{len(number)}d}"


def file_another(context, base) -> str:
    page = context.new_page()
    walk_to_check(page, base, GOOD)
    send_complaint(page)
    number, _ = read_receipt(page)
    page.close()
    return number


def test_a_worker_walks_the_steps_checks_the_answers_and_files(sized, live_server, shot):
    problems = Problems()
    page = problems.watch(sized.new_page())

    def on_step(current, step):
        assert_accessible(current)
        expect(current.locator(".step-bar")).to_contain_text(f"第 {STEPS.index(step) + 1} 步，共 6 步")
        if step.name == "you":  # the privacy notice and its consent come before the ID number
            notice, consent, id_field = (current.locator(s).bounding_box()["y"] for s in
                                         ("#privacy-notice", "#id_consent", "#workers-0-id_number"))
            assert notice < consent < id_field
        if sized.size == "phone":
            width = current.evaluate("document.documentElement.scrollWidth")
            assert width <= 390, (step.name, width)
            docs_shot(current, f"intake-{STEPS.index(step) + 1}-{step.name}")
        shot(current, f"{STEPS.index(step) + 1}-{step.name}")

    walk_to_check(page, live_server, GOOD, on_step=on_step)
    main = page.locator("#main")
    for text in (FACTS, "刘洋", "城达配送服务有限公司", "6800 元", "北京市", "没有附证据"):
        expect(main).to_contain_text(text)
    on_step(page, CHECK)

    # "修改" goes to the step and, once it is done, back to the check page.
    page.locator("section.answers", has=page.locator("#answers-claims")).get_by_role("link", name="修改").click()
    page.wait_for_url("**/intake/claims?change=1")
    page.fill("#claims-0-amount", "7200")
    page.get_by_role("button", name="保存并返回核对").click()
    page.wait_for_url("**/intake/check")
    expect(main).to_contain_text("7200 元")

    send_complaint(page)
    case_no, _ = read_receipt(page)
    assert_accessible(page)
    if sized.size == "phone":
        docs_shot(page, "intake-7-receipt")
    # The status link brings the case number (never the code) to the lookup page.
    expect(page.locator("#main").get_by_role("link", name="查询进度")).to_have_attribute(
        "href", f"/status?case_no={case_no}")
    assert problems == []


def test_a_double_tap_on_send_files_one_case_and_shows_progress(sized, live_server):
    problems = Problems()
    page = problems.watch(sized.new_page())
    walk_to_check(page, live_server, GOOD)
    # Both taps in one go, as a thumb does them: the second lands before the first has left the page.
    state = page.evaluate("""() => {
      let sent = 0;
      document.addEventListener('submit', (e) => { sent += e.defaultPrevented ? 0 : 1; });
      const button = document.querySelector('[data-sending]');
      button.click();
      const shown = [button.textContent.trim(), button.getAttribute('aria-disabled')];
      button.click();
      document.getElementById('step-form').requestSubmit();  // and Enter in a field
      return {shown, sent};
    }""")
    assert state == {"shown": ["正在提交…", "true"], "sent": 1}
    page.wait_for_url("**/intake/receipt")
    case_no, _ = read_receipt(page)
    assert file_another(sized, live_server) == next_case_no(case_no)  # no second case in between
    assert problems == []


def test_without_javascript_the_same_send_arriving_twice_files_one_case(no_script, live_server):
    page = no_script.new_page()
    walk_to_check(page, live_server, GOOD)
    arrived = []

    def twice(route):
        """A retry on a poor connection: the same request reaches the server twice; the browser sees the second."""
        if route.request.method != "POST":
            route.continue_()
            return
        arrived.append(route.fetch(max_redirects=0).status)
        second = route.fetch(max_redirects=0)
        arrived.append(second.status)
        route.fulfill(response=second)

    page.route("**/intake/check", twice)
    page.get_by_role("button", name="提交投诉").click()
    # Both copies left with the same cookies: the second finds the case the first filed, and its receipt.
    page.wait_for_url("**/intake/receipt")
    assert arrived == [302, 302]
    case_no, _ = read_receipt(page)
    page.unroute("**/intake/check")
    assert file_another(no_script, live_server) == next_case_no(case_no)


@pytest.mark.parametrize("size", ["phone", "desk"])
@pytest.mark.parametrize("scripted", [True, False], ids=["with-js", "without-js"])
def test_the_photo_stays_attached_after_a_respondent_row_is_added(browser, live_server, tmp_path, scripted, size):
    context = sized_context(browser, size, java_script_enabled=scripted)
    page = context.new_page()
    photo = tmp_path / "微信截图_罚款通知.png"
    tiny_png(photo)
    page.goto(f"{live_server}/intake")
    for step, following in zip(STEPS[:4], STEPS[1:5]):
        fill_in(page, answers_of(step, GOOD))
        go_on(page, following.name)
    page.locator("#evidence").set_input_files(str(photo))
    go_on(page, "check")
    expect(page.locator("#main")).to_contain_text(photo.name)

    page.locator("section.answers", has=page.locator("#answers-employer")).get_by_role("link", name="修改").click()
    page.wait_for_url("**/intake/employer?change=1")
    if scripted:
        page.evaluate("window.unchanged = true")
    page.get_by_role("button", name="再加一个单位").click()
    expect(page.locator("#respondents-1-name")).to_be_visible()
    if scripted:
        assert page.evaluate("window.unchanged") is True  # added in place, nothing reloaded
        expect(page.locator("#respondents-1-name")).to_be_focused()
        assert_accessible(page)  # axe needs JavaScript
    fill_in(page, SECOND_EMPLOYER)
    page.get_by_role("button", name="保存并返回核对").click()
    page.wait_for_url("**/intake/check")
    expect(page.locator("#main")).to_contain_text("城达劳务派遣有限公司")
    expect(page.locator("#main")).to_contain_text(photo.name)  # still attached
    send_complaint(page)
    case_no, code = read_receipt(page)

    page.locator("#main").get_by_role("link", name="查询进度").click()
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询", exact=True).click()
    page.wait_for_url("**/status/case")
    expect(page.locator(".evidence-list")).to_contain_text(photo.name)  # filed with the case
    context.close()


def test_every_error_of_a_step_is_linked_to_its_field(sized, live_server):
    problems = Problems()
    page = problems.watch(sized.new_page(), allow_status={422: "/intake"})
    page.goto(f"{live_server}/intake")
    page.fill("#workers-0-phone", "12345")
    page.fill("#workers-0-id_number", "110105199001011234")
    page.get_by_role("button", name="继续").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    links = summary.locator("a")
    inline = page.locator(".field .error")
    expect(links).to_have_count(inline.count())
    assert links.count() == 5  # name, phone, occupation, the consent an ID number needs, the ID number itself
    for index in range(links.count()):
        href = links.nth(index).get_attribute("href")
        assert href.startswith("#"), href
        field = page.locator(href)
        expect(page.locator(f"{href}-error")).to_be_visible()
        if field.get_attribute("type") != "checkbox":
            expect(field).to_have_attribute("aria-invalid", "true")
        links.nth(index).click()
        expect(field).to_be_focused()
    assert_accessible(page)
    assert problems == []


def test_a_saved_draft_is_resumed_on_another_phone(phone, browser, live_server):
    page = phone.new_page()
    page.goto(f"{live_server}/intake")
    for step, following in zip(STEPS[:2], STEPS[1:3]):
        fill_in(page, answers_of(step, GOOD))
        go_on(page, following.name)
    page.get_by_role("button", name="先保存，稍后再填").click()
    code = page.get_by_test_id("resume-code").inner_text().strip()

    other = sized_context(browser, "phone")
    try:
        elsewhere = other.new_page()
        elsewhere.goto(f"{live_server}/intake/resume")
        elsewhere.get_by_label("续填码").fill(code)
        elsewhere.get_by_label("草稿中填写的手机号码").fill("13812345678")
        elsewhere.get_by_role("button", name="继续填写").click()
        elsewhere.wait_for_url("**/intake")
        expect(elsewhere.locator(".flash")).to_contain_text("已恢复")
        expect(elsewhere.locator("#step-title")).to_have_text("请求事项")  # where the worker left off
        assert_accessible(elsewhere)
        fill_in(elsewhere, answers_of(STEPS[2], GOOD))
        go_on(elsewhere, "facts")
        fill_in(elsewhere, answers_of(STEPS[3], GOOD))
        go_on(elsewhere, "evidence")
        go_on(elsewhere, "check")
        expect(elsewhere.locator("#main")).to_contain_text("城达配送服务有限公司")  # typed on the first phone
        send_complaint(elsewhere)
        read_receipt(elsewhere)
    finally:
        other.close()
