"""Staff at their desks, the dashboard, the guide, and the portal's actions (issue 22): each journey at a
phone's size (390 × 844) and a desk's (1366 × 900) in a real Chromium against a live server, axe-core on
every page it passes, and its screens kept in docs/screens/<journey>-<size>.png.
"""
from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from disputes.intake.services import normalise_company_name
from tests.e2e.conftest import Problems, assert_accessible, docs_shot, sized_context
from tests.e2e.test_intake_steps import GOOD
from tests.e2e.test_worker_journeys import read_receipt, record, send_complaint, sign_in, walk_to_check

pytestmark = pytest.mark.e2e

# Labels whose text runs over more than one line (a tab, a light, a tag or a heading broken mid-word):
# the text's boxes, a new line wherever one starts a line-height lower (a badge inside sits a little off).
WRAPPED_LABELS = """(selector) => [...document.querySelectorAll(selector)]
  .filter(el => el.checkVisibility())
  .filter(el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const tops = [...range.getClientRects()].filter(r => r.width > 0).map(r => r.top).sort((a, b) => a - b);
    const line = parseFloat(getComputedStyle(el).fontSize);
    return tops.some((top, i) => i > 0 && top - tops[i - 1] > line * 0.8);
  })
  .map(el => el.textContent.trim())"""
# The focus ring's colour against what is behind it (the ring stands outside the element), per Tab stop.
FOCUS_RINGS = """(stops) => {
  const rgb = (text) => (text.match(/[\\d.]+/g) || []).map(Number);
  const luminance = ([r, g, b]) => [r, g, b].map(v => v / 255)
    .map(v => v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)
    .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
  const behind = (el) => {
    for (let node = el.parentElement; node; node = node.parentElement) {
      const colour = rgb(getComputedStyle(node).backgroundColor);
      if (colour.length === 3 || colour[3] > 0) return colour.slice(0, 3);
    }
    return [255, 255, 255];
  };
  const el = document.activeElement, style = getComputedStyle(el);
  const [a, b] = [luminance(rgb(style.outlineColor)), luminance(behind(el))];
  return {what: el.tagName.toLowerCase() + ' ' + (el.textContent || el.name || '').trim().slice(0, 20),
          ratio: (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05), width: parseFloat(style.outlineWidth)};
}"""


@pytest.fixture(scope="module")
def staff_states():
    """Each user signs in once per module and size (the login limit counts every attempt from 127.0.0.1)."""
    return {}


@pytest.fixture
def staff(browser, live_server, staff_states):
    """staff(user, size): a new context at that size, signed in as the demo user."""
    opened = []

    def open_as(user: str, size: str):
        if (user, size) not in staff_states:
            context = sized_context(browser, size)
            sign_in(context.new_page(), live_server, user)
            staff_states[(user, size)] = context.storage_state()
            context.close()
        context = sized_context(browser, size, storage_state=staff_states[(user, size)])
        opened.append(context)
        return context

    yield open_as
    for context in opened:
        context.close()


def file_complaint(browser, base, answers=GOOD) -> tuple[str, str]:
    """A worker files through the steps on another phone; their case number and access code."""
    context = sized_context(browser, "phone")
    try:
        page = context.new_page()
        walk_to_check(page, base, answers)
        send_complaint(page)
        return read_receipt(page)
    finally:
        context.close()


def open_status(page, base, case_no: str, code: str) -> None:
    page.goto(f"{base}/status")
    page.get_by_label("案件编号").fill(case_no)
    page.get_by_label("查询码").fill(code)
    page.get_by_role("button", name="查询", exact=True).click()
    page.wait_for_url("**/status/case")


def test_a_mediator_lands_on_the_regions_waiting_cases_with_counts_and_a_legend(sized, browser, live_server, staff):
    case_no, _ = file_complaint(browser, live_server)
    problems = Problems()
    page = problems.watch(staff("mediator", sized.size).new_page())
    page.goto(f"{live_server}/cases")

    # No case of their own yet: the first screen is the region's waiting cases, never an empty queue.
    expect(page.locator("table.queue")).to_contain_text(case_no)
    expect(page.locator(".scope-tabs a.current")).to_contain_text("待分配")
    waiting = int(page.locator(".scope-tabs a.current .count").inner_text().rstrip("+"))
    assert waiting >= 1
    expect(page.locator(".legend")).to_contain_text("3 个工作日内到期")
    assert page.evaluate(WRAPPED_LABELS, ".scope-tabs a, .light, .tag") == []
    if sized.size == "phone":
        assert page.locator(".site-header").bounding_box()["height"] <= 64
    assert_accessible(page)
    docs_shot(page, f"desk-1-queue-{sized.size}")

    page.locator("table.queue").get_by_role("link", name=case_no).click()
    page.wait_for_url(f"**/cases/{case_no}")
    expect(page.locator(".case-head .tag-state")).to_have_text("已提交")
    # On a phone the particulars are label-and-value rows; at a desk, a table whose headings fit.
    assert page.evaluate(WRAPPED_LABELS, "th:not(table.stack th), .tag, .case-head h1, details.action > summary") == []
    handlers = [text.strip() for text in page.locator("select[name=handler] option").all_inner_texts()]
    assert len(handlers) == len(set(handlers)), handlers  # no two people look alike in the assignment list
    assert_accessible(page)
    docs_shot(page, f"desk-2-case-{sized.size}")
    assert problems == []


def test_the_dashboard_writes_amounts_as_money_labels_each_figure_and_folds_empty_charts(
        sized, browser, live_server, staff):
    file_complaint(browser, live_server, GOOD | {"claims-0-amount": ("fill", "388558")})
    problems = Problems()
    page = problems.watch(staff("mediator", sized.size).new_page())
    page.goto(f"{live_server}/dashboard")

    kpis = page.locator("dl.kpis")
    claimed = kpis.locator(".kpi", has=page.locator("dt", has_text=re.compile("^请求金额$"))).locator("dd")
    expect(claimed).to_have_text(re.compile(r"^¥\d{1,3}(,\d{3})+\.\d{2}$"))  # ¥395,358.00: never "395358.00"
    assert not re.search(r"\d{4,}\.\d{2}", kpis.inner_text())
    labels = kpis.locator("dt").all_inner_texts()
    assert len(labels) == kpis.locator("dd").count() and all(label.strip() for label in labels)
    # A chart with figures is drawn; one without is a one-line card with no empty frame.
    expect(page.locator("#by_claim-chart svg")).to_be_visible()
    empty = page.locator(".chart-card.empty")
    assert empty.count() >= 1 and page.locator(".chart-card.empty .chart").count() == 0
    assert all(box["height"] < 120 for box in (card.bounding_box() for card in empty.all()))
    assert_accessible(page)
    docs_shot(page, f"dashboard-{sized.size}")
    assert problems == []


def test_the_portals_withdrawal_is_explained_and_changes_nothing_until_confirmed(sized, browser, live_server):
    case_no, code = file_complaint(browser, live_server)
    problems = Problems()
    page = problems.watch(sized.new_page())
    open_status(page, live_server, case_no, code)
    expect(page.locator("#status-title")).to_contain_text("等待")
    assert_accessible(page)
    docs_shot(page, f"portal-1-status-{sized.size}")

    page.get_by_role("link", name="撤回申请").click()
    page.wait_for_url("**/status/case/withdraw")
    expect(page.locator("#main")).to_contain_text("撤回")
    assert_accessible(page)
    docs_shot(page, f"portal-2-withdraw-explained-{sized.size}")
    page.goto(f"{live_server}/status/case")  # the tap on the link filed nothing
    expect(page.locator("#status-title")).to_contain_text("等待")

    page.get_by_role("link", name="撤回申请").click()
    page.get_by_label("我确认撤回这个申请").check()
    page.get_by_role("button", name="确认撤回").click()
    page.wait_for_url("**/status/case")
    expect(page.locator("#status-title")).to_contain_text("您已撤回申请")
    expect(page.locator(".timeline")).to_contain_text("撤回")  # the action is in the history
    assert_accessible(page)
    assert problems == []


def test_applying_for_arbitration_from_the_portal_is_explained_then_confirmed(sized, browser, live_server, staff):
    case_no, code = file_complaint(browser, live_server)
    record(staff("mediator", "desk").new_page(), live_server, case_no, "受理调解", "调解中")
    problems = Problems()
    page = problems.watch(sized.new_page())
    open_status(page, live_server, case_no, code)

    page.get_by_role("link", name="申请劳动争议仲裁").click()
    page.wait_for_url("**/status/case/confirm/apply_arbitration")
    explained = page.locator("#main")
    for plain_words in ("不收费", "调解"):  # free of charge; mediation stops
        expect(explained).to_contain_text(plain_words)
    assert_accessible(page)
    docs_shot(page, f"portal-3-arbitration-explained-{sized.size}")
    page.goto(f"{live_server}/status/case")
    expect(page.locator("#status-title")).to_contain_text("调解员已受理")  # nothing filed by the first tap

    page.get_by_role("link", name="申请劳动争议仲裁").click()
    page.get_by_role("button", name="确认：申请劳动争议仲裁").click()
    expect(page.locator("#status-title")).to_contain_text("仲裁申请已提交")
    expect(page.locator(".timeline")).to_contain_text("申请")
    assert_accessible(page)
    docs_shot(page, f"portal-4-arbitration-applied-{sized.size}")

    # The application waits for an arbitrator, and an arbitrator with no case of their own lands on it.
    arbitrator = problems.watch(staff("arbitrator", sized.size).new_page())
    arbitrator.goto(f"{live_server}/cases")
    expect(arbitrator.locator(".scope-tabs a.current")).to_contain_text("待分配")
    expect(arbitrator.locator("table.queue")).to_contain_text(case_no)
    assert problems == []


def test_the_guide_says_per_stage_what_happens_how_long_and_what_each_side_can_do(sized, live_server):
    page = sized.new_page()
    page.goto(f"{live_server}/guide")
    stages = page.locator(".guide-stage")
    assert stages.count() >= 4
    for stage in stages.all():
        expect(stage).to_contain_text("多长时间")
        expect(stage).to_contain_text("劳动者可以")
        expect(stage.locator(".basis")).to_contain_text("依据")
    expect(page.locator("img.diagram")).to_have_count(0)  # the state graph is for staff (/workflow)
    assert_accessible(page)
    docs_shot(page, f"guide-{sized.size}")


@pytest.mark.parametrize("path", ["/", "/intake", "/status", "/guide"])
def test_the_focus_ring_stands_out_3_to_1_against_what_is_behind_it(sized, live_server, path):
    page = sized.new_page()
    page.goto(f"{live_server}{path}")
    weak = []
    for _ in range(12):
        page.keyboard.press("Tab")
        ring = page.evaluate(FOCUS_RINGS, None)
        if ring["width"] < 2 or ring["ratio"] < 3:
            weak.append(ring)
    assert weak == []


@pytest.fixture(scope="module")
def records(browser, live_server):
    """One record of each kind a page shows: a dispute filed with a complaint to the inspectorate (so a
    matter too), its employer, and a published typical case."""
    context = sized_context(browser, "phone")
    try:
        page = context.new_page()
        walk_to_check(page, live_server, GOOD)
        page.get_by_label("同时申请调解仲裁并投诉").check()
        send_complaint(page)
        case_no = page.get_by_test_id("case-no").inner_text().strip()
        matter_no = page.get_by_test_id("matter-no").inner_text().strip()
        page.goto(f"{live_server}/typical-cases")
        typical = page.locator("main a[href^='/typical-cases/']").first.get_attribute("href")
    finally:
        context.close()
    employer = normalise_company_name(GOOD["respondents-0-name"][1])  # its key: the name without the legal form
    return {"case_no": case_no, "matter_no": matter_no, "typical": typical, "employer": employer}


RECORD_PAGES = [
    ("mediator", "/cases/{case_no}/assessment"),
    ("mediator", "/cases/{case_no}/documents/case_summary"),
    ("mediator", "/cases/{case_no}/documents/arbitration_application"),
    ("mediator", "/employers/{employer}"),
    ("admin", "{typical}/edit"),
    ("inspector", "/inspection/matters/{matter_no}"),
    ("inspector", "/inspection/employers/{employer}/rating"),
    (None, "{typical}"),
]


@pytest.mark.parametrize(("user", "path"), RECORD_PAGES)
def test_the_pages_of_a_record_have_no_accessibility_violations(sized, live_server, staff, records, user, path):
    context = staff(user, sized.size) if user else sized
    page = context.new_page()
    response = page.goto(live_server + path.format(**records))
    assert response.ok, (path, response.status)
    assert_accessible(page)
