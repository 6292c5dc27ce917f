"""A worker on a phone and a mediator at a desk, in a real Chromium against a live server.

Every wait is on what the person would see (Playwright's `expect` retries until it shows, or fails after the
timeout), never on a fixed sleep; each important step leaves a screenshot in tests/artifacts/e2e/.
"""
from __future__ import annotations

import re
import struct
import zlib

import pytest
from playwright.sync_api import expect

from disputes.seeding import DEMO_PASSWORD
from disputes.intake.drafts.steps import STEPS, step_named
from tests.e2e.conftest import Problems

pytestmark = pytest.mark.e2e

FACTS = "我在站点跑外卖，站长每天排班，早上开早会打卡，十月的工资六千八百元一直没有发。"
AMOUNT_ERROR = "金额必须大于 0"

# The intake answers the worker gives: element id -> (how it is filled, the value or visible option label).
ANSWERS = {
    "workers-0-name": ("fill", "刘洋"),
    "workers-0-phone": ("fill", "13812345678"),
    "workers-0-occupation": ("select", "网约配送员 / 外卖骑手"),
    "respondents-0-name": ("fill", "城达配送服务有限公司"),
    "respondents-0-kind": ("select", "用工合作企业"),
    "claims-0-kind": ("select", "拖欠劳动报酬"),
    "claims-0-amount": ("fill", "-5"),  # wrong on purpose: refused, then corrected
    "facts": ("fill", FACTS),
    "region": ("select", "北京市"),
    "knew_of_violation_on": ("fill", "2026-11-01"),
}

# Every visible form control whose <label> is missing or empty (a placeholder is not a label).
UNLABELLED_CONTROLS = """() => [...document.querySelectorAll('input, select, textarea')]
  .filter(el => el.type !== 'hidden' && el.checkVisibility())
  .filter(el => !el.labels || ![...el.labels].some(label => label.textContent.trim()))
  .map(el => el.id || el.name)"""
# The elements that stick out past the right edge, to say what to fix when the page scrolls sideways.
OVERFLOWING = """(width) => [...document.querySelectorAll('body *')]
  .filter(el => el.getBoundingClientRect().right > width + 0.5)
  .slice(0, 5).map(el => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '') + (el.className ? '.' + el.className : ''))"""


def tiny_png(path) -> None:
    """A valid 8 × 8 red PNG, as a phone camera's photo stands in."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    rows = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(rows)) + chunk(b"IEND", b""))


def fill_in(page, answers) -> None:
    for element_id, (how, value) in answers.items():
        if how == "select":
            page.select_option(f"#{element_id}", label=value)
        else:
            page.fill(f"#{element_id}", value)


def assert_answers_kept(page, answers) -> None:
    for element_id, (how, value) in answers.items():
        control = page.locator(f"#{element_id}")
        if how == "select":
            expect(control.locator("option:checked")).to_have_text(value)
        else:
            expect(control).to_have_value(value)


def answers_of(step, answers) -> dict:
    return {element_id: how for element_id, how in answers.items() if step.holds(element_id)}


def go_on(page, to: str) -> None:
    """Press "继续" and wait for the next step's page."""
    page.get_by_role("button", name="继续").click()
    page.wait_for_url(f"**/intake/{to}")


def walk_to_check(page, base, answers, *, on_step=None) -> None:
    """The intake step by step: each step's answers filled, then "继续", up to the check page.
    `on_step(page, step)` runs on each step before it is filled (screenshots, axe)."""
    page.goto(f"{base}/intake")
    for step, following in zip(STEPS, STEPS[1:]):
        expect(page.locator(".step-bar [aria-current=step]")).to_contain_text(str(step.title))
        if on_step:
            on_step(page, step)
        fill_in(page, answers_of(step, answers))
        go_on(page, following.name)


def send_complaint(page) -> None:
    page.get_by_role("button", name="提交投诉").click()
    page.wait_for_url("**/intake/receipt")


def read_receipt(page) -> tuple[str, str]:
    case_no = page.get_by_test_id("case-no")
    code = page.get_by_test_id("access-code")
    expect(case_no).to_have_text(re.compile(r"^\s*\d{4}-\d+\s*$"))
    expect(code).to_have_text(re.compile(r"^\s*[0-9A-Z]{5}-[0-9A-Z]{5}\s*$"))  # 10 characters, shown in two halves
    return case_no.inner_text().strip(), code.inner_text().strip()


def file_a_complaint(page, base, shot) -> tuple[str, str]:
    """Journey 1: the intake in steps on the phone, a wrong amount refused on its step, then the receipt."""
    page.goto(f"{base}/intake")
    for step, following in zip(STEPS[:2], STEPS[1:3]):
        fill_in(page, answers_of(step, ANSWERS))
        go_on(page, following.name)
    claims = answers_of(step_named("claims"), ANSWERS)
    fill_in(page, claims)
    page.locator("#claims-0-kind").focus()  # leaving the amount fires `change`
    # app.js checks a field with the server's rules once it changes: the worker hears about it before going on.
    expect(page.locator("#claims-0-amount-live-error")).to_contain_text(AMOUNT_ERROR)
    page.get_by_role("button", name="继续").click()

    expect(page.locator("#error-summary")).to_be_focused()  # read out first by a screen reader
    amount = page.locator("#claims-0-amount")
    next_to_it = page.locator(".field", has=amount).locator("#claims-0-amount-error")
    expect(next_to_it).to_contain_text(AMOUNT_ERROR)
    expect(amount).to_have_attribute("aria-invalid", "true")
    expect(amount).to_have_attribute("aria-describedby", re.compile(r"\bclaims-0-amount-error\b"))
    assert_answers_kept(page, claims)  # nothing the worker typed is lost, the wrong amount included
    shot(page, "1-intake-refused")

    page.fill("#claims-0-amount", "6800")
    go_on(page, "facts")
    fill_in(page, answers_of(step_named("facts"), ANSWERS))
    go_on(page, "evidence")
    go_on(page, "check")
    expect(page.locator("#main")).to_contain_text(FACTS)  # every answer, to check before sending
    send_complaint(page)
    case_no, code = read_receipt(page)
    shot(page, "2-receipt")
    return case_no, code


def look_up(page, case_no, code, shot) -> None:
    """Journey 2: from the receipt's own link to the status page, with the number and the code."""
    page.locator("#main").get_by_role("link", name="查询进度").click()
    page.wait_for_url(re.compile(r"/status\?case_no="))
    expect(page.get_by_label("案件编号")).to_have_value(case_no)  # the receipt's link brings the number, never the code
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询", exact=True).click()
    page.wait_for_url("**/status/case")
    expect(page.locator("#status-title")).to_contain_text("等待")
    expect(page.locator(".portal-status")).to_contain_text(case_no)
    shot(page, "3-status")


def upload_photo(page, photo, shot) -> None:
    """Journey 3: a photo of evidence from the portal page."""
    page.get_by_label("补充证据（拍照或选择文件）").set_input_files(str(photo))
    page.get_by_label("说明（选填）").fill("站长发的罚款通知截图")
    page.get_by_role("button", name="上传", exact=True).click()
    expect(page.locator(".flash")).to_contain_text("已上传 1 个文件")
    shot(page, "4-evidence-uploaded")


def sign_in(page, base, username: str) -> None:
    page.goto(f"{base}/login")
    page.get_by_label("用户名").fill(username)
    page.get_by_label("密码").fill(DEMO_PASSWORD)
    with page.expect_navigation():
        page.get_by_role("button", name="登录").click()
    # The header has the form twice (the wide bar and the phone's menu), one of them shown.
    expect(page.locator("form[action$='/logout']").first).to_be_attached()


def record(page, base, case_no: str, event_label: str, new_state: str) -> None:
    """Open the case, open the event's <details> by its summary, confirm, and see the new state."""
    page.goto(f"{base}/cases/{case_no}")
    action = page.locator("details.action").filter(
        has=page.locator("summary", has_text=re.compile(rf"^\s*{event_label}\s*$")))
    action.locator("summary").click()
    action.get_by_role("button", name=f"确认：{event_label}").click()
    # The new page is rendered only after the event is committed, so the worker's next reload sees it.
    expect(page.locator(".case-head .tag-state")).to_have_text(new_state)


def test_a_worker_files_follows_uploads_and_goes_to_arbitration(phone, desk, live_server, shot, tmp_path):
    problems = Problems()
    worker = problems.watch(phone.new_page(), allow_status={422: "/intake"})

    case_no, code = file_a_complaint(worker, live_server, shot)
    look_up(worker, case_no, code, shot)
    photo = tmp_path / "penalty.png"
    tiny_png(photo)
    upload_photo(worker, photo, shot)

    # Journey 4: meanwhile a mediator, in another browser, accepts the case.
    mediator = problems.watch(desk.new_page())
    sign_in(mediator, live_server, "mediator")
    # With no cases of their own yet, the queue opens on the region's cases waiting for a mediator.
    mediator.goto(f"{live_server}/cases")
    expect(mediator.locator("table.queue")).to_contain_text(case_no)
    expect(mediator.locator(".scope-tabs a.current")).to_contain_text("待分配")
    shot(mediator, "5a-mediator-queue")
    record(mediator, live_server, case_no, "受理调解", "调解中")
    expect(mediator.locator("#evidence-title + ul")).to_contain_text("penalty.png")  # the worker's photo arrived
    shot(mediator, "5-mediator-accepted")
    worker.reload()
    expect(worker.locator("#status-title")).to_contain_text("调解员已受理")
    # Mediation is never a bar (Art. 5): a worker who no longer wants to mediate may apply at once.
    expect(worker.get_by_role("link", name="申请劳动争议仲裁")).to_have_count(1)
    shot(worker, "6-portal-accepted")

    # Journey 5: mediation fails; the portal offers arbitration and the worker applies.
    record(mediator, live_server, case_no, "调解不成", "调解不成")
    worker.reload()
    apply = worker.get_by_role("link", name="申请劳动争议仲裁")
    expect(apply).to_be_visible()
    shot(worker, "7-portal-offers-arbitration")
    apply.click()
    # The tap opens the page that explains arbitration; nothing is filed yet.
    worker.wait_for_url("**/status/case/confirm/apply_arbitration")
    expect(worker.locator("#main")).to_contain_text("不收费")
    shot(worker, "7a-arbitration-explained")
    mediator.reload()
    expect(mediator.locator(".case-head .tag-state")).to_have_text("调解不成")
    worker.get_by_role("button", name="确认：申请劳动争议仲裁").click()
    expect(worker.locator("#status-title")).to_contain_text("仲裁申请已提交")
    expect(worker.locator(".flash")).to_contain_text("已办理")
    shot(worker, "8-arbitration-applied")
    mediator.reload()
    expect(mediator.locator(".case-head .tag-state")).to_have_text("仲裁申请中")

    assert problems == []


@pytest.mark.parametrize("path", ["/intake", "/status", "/assess", "/typical-cases"])
def test_a_page_reads_at_320px_with_a_label_on_every_field(narrow_phone, live_server, shot, path):
    problems = Problems()
    page = problems.watch(narrow_phone.new_page(), allow_status={422: "/intake"})
    page.goto(live_server + path)
    states = [("blank", page)]
    if path == "/intake":
        # The refused step is where a worker reads the most text: error summary and a message under fields.
        page.get_by_role("button", name="继续").click()
        expect(page.locator("#error-summary")).to_be_visible()
        states.append(("refused", page))
    for state, current in states:
        width = current.evaluate("document.documentElement.scrollWidth")
        assert width <= 320, (path, state, width, current.evaluate(OVERFLOWING, 320))
        assert current.evaluate(UNLABELLED_CONTROLS) == [], (path, state)
        shot(current, state)
    assert problems == []


def test_the_assessment_answers_in_english_and_reads_at_320px(narrow_phone, live_server, shot):
    """The longest text a worker reads: every line of the explanation, with its citations, in English."""
    problems = Problems()
    page = problems.watch(narrow_phone.new_page())
    page.goto(live_server + "/assess?lang=en")
    page.locator("#facts").fill("每天的班是站长在系统里排好的，早上9点必须上线，按单计酬，干了两年。超时一单罚20元。")
    page.get_by_role("button", name="See the result").click()
    expect(page.locator("#result-title")).to_contain_text("Labour relationship")
    expect(page.locator(".explanation")).to_contain_text("Lao She Bu Fa [2005] No. 12, Art. 1")
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, (width, page.evaluate(OVERFLOWING, 320))
    shot(page, "english-result")
    assert problems == []


def test_the_console_watch_catches_a_csp_violation(desk, live_server):
    """The "no console errors" assertions above would pass vacuously if nothing were being caught."""
    problems = Problems()
    page = problems.watch(desk.new_page())
    page.goto(f"{live_server}/status")
    assert problems == []
    with page.expect_console_message(lambda message: "CSP violation" in message.text):
        page.evaluate("""() => { const s = document.createElement('script');
                                 s.textContent = 'window.injected = true'; document.head.append(s); }""")
    assert page.evaluate("window.injected") is None
    assert any("CSP violation: script-src" in problem for problem in problems), problems


def test_a_corrected_field_stops_showing_its_old_error(phone, live_server):
    page = phone.new_page()
    page.goto(f"{live_server}/intake/claims")
    page.fill("#claims-0-amount", "-5")
    page.get_by_role("button", name="继续").click()
    expect(page.locator("#claims-0-amount-error")).to_contain_text(AMOUNT_ERROR)
    # app.js is deferred: a change made before it runs has no listener (it failed so on a loaded CI machine).
    page.wait_for_load_state()
    page.fill("#claims-0-amount", "6800")
    page.locator("#claims-0-kind").focus()  # leaving the field fires `change`, and app.js checks it with the server
    expect(page.locator("#claims-0-amount")).to_have_attribute("aria-invalid", "false")
    expect(page.locator(".field", has=page.locator("#claims-0-amount"))).not_to_contain_text(AMOUNT_ERROR, timeout=500)


def test_a_complaint_sent_with_steps_left_blank_says_what_is_missing_on_each(phone, live_server):
    page = phone.new_page()
    page.goto(f"{live_server}/intake/check")
    page.get_by_role("button", name="提交投诉").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    for field_id in ("workers-0-name", "respondents-0-name", "claims-0-kind", "facts", "region"):
        expect(summary.locator(f'a[href$="#{field_id}"]')).to_have_count(1)
    summary.locator('a[href$="#workers-0-name"]').click()  # to the step that asks it, the field in focus
    page.wait_for_url("**/intake/you?**")
    expect(page.locator("#workers-0-name")).to_be_focused()
    expect(page.locator("#workers-0-name-error")).to_be_visible()


def test_a_worker_on_a_narrow_phone_sees_evidence_and_contact_and_withdraws_only_after_ticking(
        narrow_phone, live_server, shot, tmp_path):
    problems = Problems()
    # The refusal without the tick answers 422, which Chromium logs as a console error.
    worker = problems.watch(narrow_phone.new_page(), allow_status={422: "/status/case/withdraw"})
    walk_to_check(worker, live_server, {**ANSWERS, "claims-0-amount": ("fill", "6800")})
    send_complaint(worker)
    case_no, code = read_receipt(worker)
    look_up(worker, case_no, code, shot)
    photo = tmp_path / "penalty-notice-from-the-station-manager-2026-11-01.png"
    tiny_png(photo)
    upload_photo(worker, photo, shot)

    # The evidence just sent is listed with its kind, and downloads as the same bytes.
    evidence = worker.locator(".evidence-list li")
    expect(evidence).to_have_count(1)
    expect(evidence).to_contain_text(photo.name)
    expect(evidence).to_contain_text("图片（PNG）")
    expect(evidence).to_contain_text("您提交的")
    with worker.expect_download() as download:
        evidence.get_by_role("link", name=photo.name).click()
    assert download.value.path().read_bytes() == photo.read_bytes()
    # No one is assigned yet: the page says so and gives the demo mediation centre's phone.
    contact = worker.locator("section", has=worker.locator("#contact-title"))
    expect(contact).to_contain_text("目前还没有指定调解员或仲裁员")
    expect(contact.get_by_role("link", name=re.compile("拨打 010-65090001"))).to_be_visible()
    assert worker.evaluate("document.documentElement.scrollWidth") <= 320, worker.evaluate(OVERFLOWING, 320)
    assert worker.evaluate(UNLABELLED_CONTROLS) == []
    shot(worker, "5-portal-at-320")

    # Withdrawing starts with an explanation, not with the withdrawal.
    worker.get_by_role("link", name="撤回申请").click()
    worker.wait_for_url("**/status/case/withdraw")
    expect(worker.locator("main")).to_contain_text("撤回后，这个案件就结束了")
    expect(worker.locator("main")).to_contain_text("一年")
    assert worker.evaluate("document.documentElement.scrollWidth") <= 320, worker.evaluate(OVERFLOWING, 320)
    assert worker.evaluate(UNLABELLED_CONTROLS) == []
    shot(worker, "6-withdraw-explained")

    worker.get_by_role("button", name="确认撤回").click()
    expect(worker.locator("#error-summary")).to_be_focused()
    expect(worker.locator("#error-summary")).to_contain_text("请先勾选")
    assert worker.evaluate("document.documentElement.scrollWidth") <= 320, worker.evaluate(OVERFLOWING, 320)
    shot(worker, "7-withdraw-refused-without-the-tick")
    worker.get_by_role("link", name="不撤回，返回案件").click()
    expect(worker.locator("#status-title")).to_contain_text("等待")  # nothing happened

    worker.get_by_role("link", name="撤回申请").click()
    worker.get_by_label("我确认撤回这个申请").check()
    worker.get_by_role("button", name="确认撤回").click()
    worker.wait_for_url("**/status/case")
    expect(worker.locator("#status-title")).to_contain_text("您已撤回申请")
    expect(worker.get_by_role("link", name="撤回申请")).to_have_count(0)
    shot(worker, "8-withdrawn")

    assert problems == []


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_header_is_one_row_on_a_phone_and_its_menu_opens_without_script(phone, desk, live_server, signed_in):
    page = phone.new_page()
    if signed_in:
        sign_in(page, live_server, "mediator")
    page.goto(f"{live_server}/typical-cases")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= 64, header  # the brand and the menu button, nothing wrapped under them
    menu = page.locator(".nav-narrow")
    menu.locator("summary").click()
    expect(menu.get_by_role("link", name="典型案例")).to_be_visible()
    if signed_in:
        expect(menu.get_by_role("link", name="案件队列")).to_be_visible()
    wide = desk.new_page()
    wide.goto(f"{live_server}/typical-cases")
    expect(wide.locator(".nav-wide").get_by_role("link", name="典型案例")).to_be_visible()
    expect(wide.locator(".nav-narrow")).to_be_hidden()


def test_the_error_summary_lists_each_field_error_as_a_link_to_the_field(phone, live_server):
    page = phone.new_page()
    page.goto(f"{live_server}/intake/claims")
    page.fill("#claims-0-amount", "-5")
    page.get_by_role("button", name="继续").click()
    summary = page.locator("#error-summary")
    expect(summary).to_be_focused()
    link = summary.locator('a[href="#claims-0-amount"]')
    expect(link).to_contain_text(AMOUNT_ERROR)
    link.click()
    expect(page.locator("#claims-0-amount")).to_be_focused()
