"""A worker on a phone and a mediator at a desk, in a real Chromium against a live server."""
from __future__ import annotations

import struct
import zlib

import pytest

from disputes.seeding import DEMO_PASSWORD
from tests.e2e.conftest import shot

pytestmark = pytest.mark.e2e


def tiny_png(path) -> None:
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + b"\xff\x00\x00" * 8 for _ in range(8))
    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def watch_console(page) -> list[str]:
    """Script errors and CSP violations; a refused form's deliberate 422 is not one."""
    problems: list[str] = []

    def on_console(message):
        if message.type == "error" and "status of 422" not in message.text:
            problems.append(message.text)

    page.on("console", on_console)
    page.on("pageerror", lambda error: problems.append(str(error)))
    return problems


def file_complaint(page, base) -> tuple[str, str]:
    page.goto(f"{base}/intake")
    page.fill("#workers-0-name", "刘洋")
    page.fill("#workers-0-phone", "13812345678")
    page.select_option("#workers-0-occupation", "delivery_rider")
    page.fill("#respondents-0-name", "城达配送服务有限公司")
    page.select_option("#respondents-0-kind", "cooperating_company")
    page.select_option("#claims-0-kind", "wage_arrears")
    page.fill("#claims-0-amount", "-5")
    page.fill("#facts", "我在站点跑外卖，站长每天排班，早上开早会打卡，十月的工资六千八百元一直没有发。")
    page.select_option("#region", "11")
    page.fill("#knew_of_violation_on", "2026-11-01")
    page.click("button.primary")
    error = page.locator("#claims-0-amount-error")
    assert "金额必须大于 0" in error.inner_text()
    assert page.input_value("#facts").startswith("我在站点跑外卖")  # nothing typed is lost
    shot(page, "1-intake-error")
    page.fill("#claims-0-amount", "6800")
    page.click("button.primary")
    page.wait_for_url("**/intake/receipt")
    shot(page, "2-receipt")
    return page.inner_text('[data-testid="case-no"]'), page.inner_text('[data-testid="access-code"]')


def look_up(page, base, case_no, code) -> None:
    page.goto(f"{base}/status")
    page.fill("#case_no", case_no)
    page.fill("#access_code", code)
    page.click("button.primary")
    page.wait_for_url("**/status/case")


def mediator_does(page, base, case_no, summary: str) -> None:
    page.goto(f"{base}/cases/{case_no}")
    page.locator("details.action summary", has_text=summary).first.click()
    page.locator("details.action[open] button.primary").click()
    page.wait_for_url(f"**/cases/{case_no}")


def test_a_worker_files_follows_uploads_and_goes_to_arbitration(phone, desk, live_server, tmp_path):
    worker = phone.new_page()
    problems = watch_console(worker)
    case_no, code = file_complaint(worker, live_server)
    look_up(worker, live_server, case_no, code)
    assert "等待" in worker.inner_text("#status-title")
    shot(worker, "3-status")

    photo = tmp_path / "penalty.png"
    tiny_png(photo)
    worker.set_input_files("#evidence", str(photo))
    worker.click("form[action$='/evidence'] button")
    assert "已上传 1 个文件" in worker.inner_text("main")
    shot(worker, "4-evidence")

    mediator = desk.new_page()
    mediator.goto(f"{live_server}/login")
    mediator.fill("#username", "mediator")
    mediator.fill("#password", DEMO_PASSWORD)
    mediator.click("button.primary")
    mediator_does(mediator, live_server, case_no, "受理")
    assert "调解中" in mediator.inner_text(".case-head")
    shot(mediator, "5-mediator-accepted")

    worker.reload()
    assert "调解员已受理" in worker.inner_text("#status-title")
    mediator_does(mediator, live_server, case_no, "调解不成")
    worker.reload()
    worker.click("button:has-text('申请劳动争议仲裁')")
    assert "仲裁申请已提交" in worker.inner_text("#status-title")
    shot(worker, "6-arbitration-applied")
    assert problems == []


def test_the_intake_page_reads_at_320px_with_a_label_on_every_field(browser, live_server):
    context = browser.new_context(viewport={"width": 320, "height": 640}, is_mobile=True, locale="zh-CN")
    page = context.new_page()
    problems = watch_console(page)
    for path in ("/intake", "/status", "/assess", "/typical-cases"):
        page.goto(live_server + path)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, path
        unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
            .filter(el => el.type !== 'hidden' && el.offsetParent !== null && !(el.labels && el.labels.length))
            .map(el => el.name)""")
        assert unlabelled == [], (path, unlabelled)
    shot(page, "7-intake-320px")
    assert problems == []
    context.close()
